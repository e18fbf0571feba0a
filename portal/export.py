"""Everything the programme holds about a participant, as one JSON-ready dictionary (GDPR
right of access). Partners appear by name only; other people's check-ins and re-match
requests, coordinators' intake notes about others and passwords are never included."""

from django.conf import settings
from django.db import models
from django.utils import timezone

from . import services
from .models import CheckIn, Meeting, RematchRequest

# Apps outside the portal whose records about a user belong in the export: event sign-ups and
# calendar feeds ("events"), the login email addresses (allauth's "account"). Found generically
# through their relations to the user model, so only installed apps ever appear.
RELATED_APPS = ["events", "account"]
SECRET_FIELD_NAMES = {"password", "token", "secret", "key"}
USER_FIELDS = [
    "email",
    "first_name",
    "last_name",
    "preferred_language",
    "date_joined",
    "last_login",
    "is_active",
]
PARTICIPANT_FIELDS = [
    "role",
    "phone",
    "languages",
    "interests",
    "professional_field",
    "area",
    "birth_year",
    "bio",
    "arrived_in_denmark",
    "wanted_host_kind",
    "offers_career_hosting",
    "offers_culture_hosting",
    "capacity",
    "intake_notes",
    "invited_at",
    "created_at",
    "updated_at",
]


def _value(value):
    if hasattr(value, "isoformat"):
        return value.isoformat()
    if isinstance(value, models.Model):
        return str(value)
    return value


def _fields(obj, names):
    return {name: _value(getattr(obj, name)) for name in names}


def export_filename(today=None):
    return f"my-data-{(today or timezone.localdate()).isoformat()}.json"


def _meeting(meeting, participant):
    return {
        "match": meeting.match_id,
        "date": _value(meeting.date),
        "duration_minutes": meeting.duration_minutes,
        "activities": list(meeting.activities),
        "note": meeting.note,
        "activity_idea": meeting.activity_idea.title if meeting.activity_idea else None,
        "logged_by_me": meeting.author_id == participant.pk,
        "logged_by": str(meeting.author.user),
        "created_at": _value(meeting.created_at),
        "updated_at": _value(meeting.updated_at),
    }


def _related_records(user):
    """Rows in RELATED_APPS that point at the user, grouped by model, secrets left out."""
    records = {}
    for relation in user._meta.related_objects:
        model = relation.related_model
        if model._meta.app_label not in RELATED_APPS:
            continue
        names = [
            field.name
            for field in model._meta.concrete_fields
            if field.name not in SECRET_FIELD_NAMES
            and field.name != relation.field.name
            and not field.primary_key
        ]
        rows = model._default_manager.filter(**{relation.field.name: user})
        label = f"{model._meta.app_label}.{model._meta.model_name}"
        records[label] = [_fields(row, names) for row in rows]
    return records


def participant_export(participant):
    user = participant.user
    matches = list(services.matches_for(participant))
    meetings = (
        Meeting.objects.filter(match__in=matches)
        .select_related("author__user", "activity_idea")
        .order_by("date", "pk")
    )
    data = {
        "exported_at": _value(timezone.now()),
        "programme": getattr(settings, "WAGTAIL_SITE_NAME", ""),
        "account": _fields(user, USER_FIELDS),
        "profile": _fields(participant, PARTICIPANT_FIELDS),
        "matches": [
            {
                "id": match.pk,
                "kind": match.kind,
                "partner": str(match.partner_of(participant).user),
                "my_role": participant.role,
                "start_date": _value(match.start_date),
                "end_date": _value(match.end_date),
                "status": match.status,
                "ended_on": _value(match.ended_on),
            }
            for match in matches
        ],
        "meetings": [_meeting(meeting, participant) for meeting in meetings],
        "check_ins": [
            _fields(c, ["satisfaction", "wants_to_continue", "note_for_coordinator", "created_at"])
            | {"match": c.match_id}
            for c in CheckIn.objects.filter(participant=participant).order_by("created_at", "pk")
        ],
        "rematch_requests": [
            _fields(r, ["reason", "status", "created_at", "resolved_at", "resolution_note"])
            | {"match": r.match_id}
            for r in RematchRequest.objects.filter(participant=participant).order_by(
                "created_at", "pk"
            )
        ],
        "conversation_wheel": [
            _fields(e, ["area", "importance", "note", "updated_at"])
            for e in participant.wheel_entries.order_by("area")
        ],
    }
    data.update(_related_records(user))
    return data
