"""Messages to groups: queue one (a row per recipient, in one transaction), deliver them in the
background, and retry the ones that failed.

Delivering runs as a django-tasks task (Wagtail 8 installs django-tasks): with the default
``ImmediateBackend`` right after the request commits, with a queue backend in a worker.
One recipient's failure is recorded on their ``Delivery`` and logged; the run goes on, and the
daily run (``settings.DAILY_STEPS``) tries failed deliveries again, up to ``MAX_ATTEMPTS``.
"""

import logging

from django.db import transaction
from django.utils import timezone
from django_tasks import task
from wagtail.log_actions import log

from .emails import send_email
from .models import Delivery, GroupMessage

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 3
TEMPLATE = "notifications/email/group_message"
SENT_ACTION = "notifications.group_message"


def queue_message(*, sender, programmes, people, kind, texts, audience, description):
    """Record the message and one delivery per person of ``people`` (a Participant queryset),
    then hand the sending to the background. Returns the message."""
    with transaction.atomic():
        message = GroupMessage.objects.create(
            kind=kind,
            audience=audience,
            audience_description=description[:500],
            created_by=sender,
            **texts,
        )
        message.programmes.set(programmes)
        rows = people.order_by().values_list("user_id", "user__email", "user__preferred_language")
        Delivery.objects.bulk_create(
            [
                Delivery(message=message, user_id=user_id, email=email, language=language)
                for user_id, email, language in rows.distinct()
            ],
            batch_size=500,
        )
        log(message, SENT_ACTION, user=sender, data={"recipients": message.deliveries.count()})
        transaction.on_commit(lambda: deliver_group_message.enqueue(message.pk))
    return message


@task()
def deliver_group_message(message_id):
    deliver(GroupMessage.objects.get(pk=message_id), [Delivery.Status.QUEUED])


def deliver(message, statuses):
    """Send each of ``message``'s deliveries in ``statuses``; returns how many went out."""
    sent = 0
    deliveries = message.deliveries.filter(status__in=statuses, attempts__lt=MAX_ATTEMPTS)
    for delivery in deliveries.select_related("user__participant__programme").iterator():
        sent += send_delivery(message, delivery)
    if not message.deliveries.exclude(status=Delivery.Status.SENT).exists():
        GroupMessage.objects.filter(pk=message.pk).update(finished_at=timezone.now())
    return sent


def send_delivery(message, delivery):
    subject, body = message.text_in(delivery.language)
    participant = getattr(delivery.user, "participant", None)
    delivery.attempts += 1
    try:
        send_email(
            TEMPLATE,
            delivery.email,
            delivery.language,
            {
                "recipient": delivery.user,
                "participant": participant,
                "subject": subject,
                "body": body,
                "is_news": message.kind == GroupMessage.Kind.NEWS,
            },
        )
    except Exception as error:  # one address must not stop the others
        logger.exception("Message %s to %s failed", message.pk, delivery.email)
        delivery.status = Delivery.Status.FAILED
        delivery.error = str(error)[:300]
        delivery.save(update_fields=["status", "error", "attempts"])
        return 0
    delivery.status = Delivery.Status.SENT
    delivery.sent_at = timezone.now()
    delivery.error = ""
    delivery.save(update_fields=["status", "sent_at", "error", "attempts"])
    return 1


def retry_failed_deliveries(today=None):
    """The daily step: each message with failed deliveries left to try gets another go."""
    messages = GroupMessage.objects.filter(
        deliveries__status=Delivery.Status.FAILED, deliveries__attempts__lt=MAX_ATTEMPTS
    ).distinct()
    return sum(deliver(message, [Delivery.Status.FAILED]) for message in messages)


# --- a friendly nudge to quiet pairs -------------------------------------------------------


def _activity_ideas_path(language):
    from django.utils import translation

    from home.models import ActivityIndexPage

    page = ActivityIndexPage.objects.live().first()
    if page is None:
        return ""
    with translation.override(language):
        return page.get_url() or ""


def quiet_pair_nudges(today):
    """A reminder source: each person of a pair with no meeting logged for six weeks gets a
    friendly nudge, with the activity ideas and the conversation wheel; again after another
    six weeks of quiet, never twice for the same stretch."""
    from django.urls import reverse
    from django.utils import translation

    from notifications.reminders import Reminder

    from .audiences import QUIET_AFTER_DAYS, quiet_matches

    matches = quiet_matches(today).select_related(
        "newcomer__user", "host__user", "newcomer__programme", "host__programme"
    )
    paths = {}
    for match in matches:
        quiet_since = match.last_meeting or match.start_date
        stretch = (today - quiet_since).days // QUIET_AFTER_DAYS
        for participant, partner in ((match.newcomer, match.host), (match.host, match.newcomer)):
            user = participant.user
            if not user.is_active or participant.is_erased:
                continue
            language = user.preferred_language
            if language not in paths:
                with translation.override(language):
                    paths[language] = (_activity_ideas_path(language), reverse("portal:wheel"))
            ideas_path, wheel_path = paths[language]
            yield Reminder(
                key=f"nudge:{match.pk}:{participant.pk}:{quiet_since.isoformat()}:{stretch}",
                user=user,
                template_name="notifications/email/quiet_pair_nudge",
                context={
                    "participant": participant,
                    "partner": partner,
                    "ideas_path": ideas_path,
                    "wheel_path": wheel_path,
                },
            )
