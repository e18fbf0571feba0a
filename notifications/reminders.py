"""One mechanism for every scheduled reminder: events coming up, check-ins falling due.

A *source* is a function ``source(today) -> iterable of Reminder``, listed by dotted path in
``settings.REMINDER_SOURCES``. ``send_due_reminders`` (run daily by the ``send_reminders``
command) asks every source and sends each reminder whose key has not been sent before, in
the recipient's language. A key names the reminder uniquely, e.g. ``event:12:signup:34``.

A reminder that cannot be sent (the mail server refuses one address, say) is logged and its
``SentReminder`` row rolled back with it, so the next run tries it again; the rest still go out.
"""

import logging
from dataclasses import dataclass, field

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.module_loading import import_string

from .emails import send_email_to_user
from .models import SentReminder

logger = logging.getLogger(__name__)


@dataclass
class Reminder:
    key: str
    user: object  # the recipient's user account (email + preferred_language)
    template_name: str  # e.g. "events/email/reminder" -> _subject.txt and .txt
    context: dict = field(default_factory=dict)
    attachments: tuple = ()


def reminder_sources():
    return [import_string(path) for path in settings.REMINDER_SOURCES]


def daily_steps():
    return [import_string(path) for path in getattr(settings, "DAILY_STEPS", [])]


def run_daily(today=None):
    """The one daily entry point (the ``send_reminders`` command): first every step in
    ``settings.DAILY_STEPS`` (e.g. ending matches on their end date), then every reminder,
    so an email about what a step did goes out in the same run. A step that fails is logged
    and does not stop the others or the reminders. Returns the reminders sent."""
    today = today or timezone.localdate()
    for step in daily_steps():
        try:
            step(today)
        except Exception:
            logger.exception("Daily step %s failed; it runs again tomorrow.", step.__name__)
    return send_due_reminders(today)


def send_due_reminders(today=None, sources=None):
    """Send every due reminder not sent before. Returns the reminders sent."""
    today = today or timezone.localdate()
    sent = []
    for source in sources or reminder_sources():
        for reminder in source(today):
            try:
                with transaction.atomic():
                    SentReminder.objects.create(key=reminder.key, recipient=reminder.user.email)
                    send_email_to_user(
                        reminder.user,
                        reminder.template_name,
                        reminder.context,
                        reminder.attachments,
                    )
            except IntegrityError:
                continue  # already sent on an earlier run
            except Exception:
                # Not sent, so not remembered as sent (rolled back): retried on the next run.
                logger.exception(
                    "Reminder %s to %s could not be sent; it will be tried again next run.",
                    reminder.key,
                    reminder.user.email,
                )
                continue
            sent.append(reminder)
    return sent
