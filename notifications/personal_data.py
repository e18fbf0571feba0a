"""Reminders sent, declared for the personal-data registry (privacy/registry.py).

No email is queued in the database today: mail is sent at once (Django's email backend), so the
only trace of a sent email is SentReminder's recipient address. A later delivery model declares
itself here."""

from django.utils.translation import gettext_lazy as _

from privacy import texts
from privacy.registry import BLANK, DELETE, KEEP, declare

from .models import Delivery, GroupMessage, SentReminder

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
declare(
    "notifications.Delivery",
    category=_("Messages to groups"),
    purpose=_("Knowing which message went to whom, when, and retrying one that failed."),
    shown=texts.SHOWN_ADMIN,
    seen_by=_("The coordinators of the person's programme."),
    kept=_("Deleted with the person."),
    personal={"user": KEEP, "email": BLANK},
    not_personal=["message", "language", "status", "attempts", "sent_at", "error"],
    rows=lambda person: Delivery.objects.filter(user=person.user),
    erase_mode=DELETE,
    export=lambda person: [
        {
            "subject": delivery.message.subject_en,
            "sent_at": delivery.sent_at.isoformat() if delivery.sent_at else None,
            "status": delivery.status,
        }
        for delivery in Delivery.objects.filter(user=person.user).select_related("message")
    ],
    export_key="messages_received",
)
declare(
    "notifications.GroupMessage",
    category=_("Messages to groups"),
    purpose=_("Writing to a group of the programme's people."),
    shown=texts.SHOWN_ADMIN,
    seen_by=texts.SEEN_BY_STAFF,
    kept=texts.KEPT_STAFF,
    personal={"created_by": KEEP},
    not_personal=[
        "kind",
        "programmes",
        "audience",
        "audience_description",
        "subject_en",
        "body_en",
        "subject_da",
        "body_da",
        "created_at",
        "finished_at",
    ],
    rows=lambda person: GroupMessage.objects.filter(created_by=person.user),
    erase_mode="not erased",
    not_erased_because=_("Written by staff to a group; the sender's account is kept as staff."),
    export=False,
    not_exported_because=_("Written by staff, not about one person."),
)
