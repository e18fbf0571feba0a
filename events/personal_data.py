"""Events' personal data, declared for the registry (privacy/registry.py).

A sign-up stays after erasure (places taken and attendance are counted) but loses the name,
the address and its cancel link; calendar feeds are deleted (their token is a key)."""

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from privacy import texts
from privacy.erasure import ERASED_EMAIL_DOMAIN
from privacy.registry import BLANK, DELETE, KEEP, declare

from .models import CalendarFeed, SignUp
from .models.records import new_token


def _signups(person):
    rows = Q(user=person.user)
    if person.email:
        rows |= Q(email__iexact=person.email)
    return SignUp.objects.filter(rows)


def _erased_signup_email(row):
    # A public sign-up (no account) must keep some address (signup_has_user_or_email).
    return "" if row.user_id else f"erased-signup-{row.pk}@{ERASED_EMAIL_DOMAIN}"


declare(
    "events.SignUp",
    category=_("Event sign-ups"),
    purpose=_("Places, waiting lists and attendance at the programme's events."),
    shown=_("The portal (My events), the confirmation emails and the admin's sign-up lists."),
    seen_by=texts.SEEN_BY_PERSON_AND_COORDINATORS,
    kept=texts.KEPT_ANONYMISED,
    personal={
        "user": KEEP,
        "name": BLANK,
        "email": _erased_signup_email,
        "token": lambda row: new_token(),
    },
    secret=["token"],
    not_personal=[
        "occurrence",
        "language",
        "guests",
        "status",
        "created_at",
        "queued_at",
        "cancelled_at",
        "attended",
    ],
    rows=_signups,
)

declare(
    "events.CalendarFeed",
    category=_("Personal calendar feed"),
    purpose=_("A private calendar address with the person's own events."),
    shown=_("The portal (My events)."),
    seen_by=_("The person."),
    kept=texts.KEPT_SHORT,
    personal={"user": KEEP},
    secret=["token"],
    not_personal=["created_at"],
    rows=lambda person: CalendarFeed.objects.filter(user=person.user),
    erase_mode=DELETE,
)

PAGE_FIELDS = ["intro", "intro_en", "intro_da", "body", "body_en", "body_da", "image"]
declare(
    "events.EventCalendarPage",
    exempt=_("Public content written by editors."),
    not_personal=PAGE_FIELDS,
)
declare(
    "events.EventPage",
    exempt=_("Public content written by editors."),
    not_personal=PAGE_FIELDS
    + [
        "start",
        "end",
        "recurrence",
        "venue_name",
        "venue_name_en",
        "venue_name_da",
        "venue_address",
        "map_url",
        "event_language",
        "audience",
        "category",
        "programme",
        "signup_mode",
        "capacity",
        "max_guests",
        "signup_closes_days_before",
        "reminder_days_before",
    ],
)
declare(
    "events.EventOccurrence",
    exempt=_("The dates of public events."),
    not_personal=["event", "start", "end", "cancelled", "cancelled_at"],
)
