"""Applications' personal data, declared for the registry (privacy/registry.py).

An application is deleted with the person (found by their participant or their address); an
unconfirmed one two days after it was sent and a declined one after the programme's
never-matched retention (``privacy.retention.apply_retention``); the form pages are public
content."""

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from privacy import texts
from privacy.registry import BLANK, DELETE, declare

from .models import Application

ANSWERS = [
    "first_name",
    "last_name",
    "email",
    "phone",
    "preferred_language",
    "arrived_in_denmark",
    "postcode",
    "area",
    "language_skills",
    "chosen_interests",
    "interests",
    "chosen_field",
    "professional_field",
    "education",
    "wanted_host_kind",
    "offers_career_hosting",
    "offers_culture_hosting",
    "availability",
    "has_partner",
    "has_children",
    "bio",
    "capacity",
    "workplace",
    "lived_abroad",
    "consent_version",
    "consent_language",
    "consent_given_at",
    "interview_notes",
    "decline_reason",
    "participant",
]


def _applications(person):
    rows = Q(pk__in=[])
    if person.participant is not None:
        rows |= Q(participant=person.participant)
    if person.email:
        rows |= Q(email__iexact=person.email)
    return Application.objects.filter(rows)


declare(
    "intake.Application",
    category=_("Applications"),
    purpose=_("Deciding whether someone can take part, and the answers their profile starts from."),
    shown=_("The admin's applications to review; the answers are copied to the participant."),
    seen_by=texts.SEEN_BY_COORDINATORS,
    kept=_(
        "Deleted two days after it was sent when the address is never confirmed; a declined "
        "application after the programme's days for people never matched; otherwise with "
        "the person."
    ),
    personal=dict.fromkeys(ANSWERS, BLANK),
    secret=["token_hash"],
    not_personal=[
        "programme",
        "role",
        "status",
        "created_at",
        "confirmed_at",
        "decided_by",
        "decided_at",
    ],
    rows=_applications,
    erase_mode=DELETE,
)

declare(
    "intake.ApplicationFormPage",
    exempt=_("Public content written by editors."),
    not_personal=[
        "intro",
        "intro_en",
        "intro_da",
        "body",
        "body_en",
        "body_da",
        "image",
        "programme",
        "role",
        "thank_you",
        "thank_you_en",
        "thank_you_da",
        "alternatives",
        "alternatives_en",
        "alternatives_da",
    ],
)
declare(
    "intake.IneligibleCount",
    exempt=_("A daily count of forms the rules turned away: nothing about any person."),
    not_personal=["programme", "role", "day", "count"],
)
