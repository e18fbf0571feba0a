"""Reminders sent, declared for the personal-data registry (privacy/registry.py).

No email is queued in the database today: mail is sent at once (Django's email backend), so the
only trace of a sent email is SentReminder's recipient address. A later delivery model declares
itself here."""

from django.utils.translation import gettext_lazy as _

from privacy import texts
from privacy.registry import BLANK, declare

from .models import SentReminder

declare(
    "notifications.SentReminder",
    category=_("Reminders sent"),
    purpose=_("Never sending the same reminder twice."),
    shown=texts.SHOWN_NOWHERE,
    seen_by=texts.SEEN_BY_NOBODY,
    kept=_("The address is erased with the person; the record of the reminder stays."),
    personal={"recipient": BLANK},
    not_personal=["key", "sent_at"],
    rows=lambda person: SentReminder.objects.filter(recipient__iexact=person.email),
    export_key="reminders_sent",
)
