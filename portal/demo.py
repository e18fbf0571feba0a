"""Demo participants, matches, meetings and check-ins for the portal and the coordinators' admin.

``build(stdout)`` is run by ``manage.py load_demo`` after the public site's builder. The people
and their matches are rows in ``demo_content/people.yaml``, built with the factories the
tests use (``portal/factories.py``). It is idempotent: people are found by email, matches by
their pair and kind, meetings, check-ins and wheel entries by what identifies them, so a
second run updates and never duplicates. Dates are relative to the day it runs, so the
dashboard and the follow-up view look alive.

Every demo account uses the published password, so it refuses to run unless the settings
allow demo content (development and test settings only).
"""

import datetime
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.utils import timezone

from home.demo_support import DEMO_PASSWORD, demo_account, load, require_demo_allowed, upsert
from home.models import ActivityIdeaPage
from programmes.languages import language_name
from programmes.models import Programme

from .factories import (
    CheckInFactory,
    MatchFactory,
    MeetingFactory,
    ParticipantFactory,
    RematchRequestFactory,
    WheelEntryFactory,
)
from .models import CheckIn, Match, Participant, RematchRequest, add_months

DEFAULT_PROGRAMME = "host-programme"  # a person without `programme:` in the file is in it
PEOPLE = Path(__file__).resolve().parent / "demo_content" / "people.yaml"
WAITING = Path(__file__).resolve().parent / "demo_content" / "waiting.yaml"
ACCOUNT_FIELDS = ("first_name", "last_name", "preferred_language")


def _at(day):
    """Noon on ``day``, as an aware datetime (for created_at fields set after the fact)."""
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(12)))


def _days(number):
    return datetime.timedelta(days=number)


def build_participant(row, today, programmes):
    fields = {
        key: value for key, value in row.items() if key not in ("email", "wheel", "waiting_days")
    }
    slug = fields.pop("programme", DEFAULT_PROGRAMME)
    if slug not in programmes:
        raise ImproperlyConfigured(
            f"{row['email']}: no programme {slug!r}; load_demo builds the programmes first "
            "(programmes/demo_content/programmes.yaml)."
        )
    fields["programme"] = programmes[slug]
    account = {key: fields.pop(key) for key in ACCOUNT_FIELDS}
    user = demo_account(row["email"], **account)
    arrived = fields.pop("arrived_days_ago", None)
    if arrived is not None:
        fields["arrived_in_denmark"] = today - _days(arrived)
    fields.setdefault("invited_at", _at(today - _days(120)))
    if "waiting_days" in row:
        fields["waiting_since"] = _at(today - _days(row["waiting_days"]))
    participant = upsert(ParticipantFactory, {"user": user}, **fields)
    for area, entry in row.get("wheel", {}).items():
        upsert(
            WheelEntryFactory,
            {"participant": participant, "area": area},
            importance=entry["importance"],
            note=entry.get("note", ""),
        )
    return participant


def build_match(row, people, today, idea):
    start = today - _days(row["started_days_ago"])
    match = upsert(
        MatchFactory,
        {"newcomer": people[row["newcomer"]], "host": people[row["host"]], "kind": row["kind"]},
        start_date=start,
        end_date=add_months(start, people[row["newcomer"]].programme.match_length_months),
        status=Match.Status.ACTIVE,
        ended_on=None,
        end_reason="",
    )
    for meeting in row.get("meetings", []):
        upsert(
            MeetingFactory,
            {"match": match, "author": people[meeting["author"]], "note": meeting["note"]},
            date=start + _days(meeting["day"]),
            duration_minutes=meeting["minutes"],
            activities=meeting["activities"],
            activity_idea=idea if meeting.get("activity_idea") else None,
        )
    for check_in in row.get("check_ins", []):
        made = upsert(
            CheckInFactory,
            {
                "match": match,
                "participant": people[check_in["participant"]],
                "note_for_coordinator": check_in["note_for_coordinator"],
            },
            satisfaction=check_in["satisfaction"],
            wants_to_continue=check_in["wants_to_continue"],
        )
        answered = _at(start + _days(check_in["day"]))
        CheckIn.objects.filter(pk=made.pk).update(created_at=answered)
    for request in row.get("rematch_requests", []):
        made = upsert(
            RematchRequestFactory,
            {"match": match, "participant": people[request["participant"]]},
            reason=request["reason"],
            status=RematchRequest.Status.OPEN,
            resolved_at=None,
            resolved_by=None,
            resolution_note="",
        )
        asked = _at(today - _days(request["asked_days_ago"]))
        RematchRequest.objects.filter(pk=made.pk).update(created_at=asked)
    return match


def build(stdout):
    """Create or update the portal's demo people and their matches."""
    require_demo_allowed(settings)
    stdout.write(f"Portal: participants and matches (password {DEMO_PASSWORD})")
    data = load(PEOPLE)
    today = timezone.localdate()
    programmes = {programme.slug: programme for programme in Programme.objects.all()}
    people = {}
    for row in data["participants"]:
        people[row["email"]] = participant = build_participant(row, today, programmes)
        stdout.write(f"  {participant.get_role_display().lower()} {row['email']}")
    idea = ActivityIdeaPage.objects.live().order_by("path").first()
    for row in data["matches"]:
        stdout.write(f"  match {build_match(row, people, today, idea)}")
    stdout.write(
        f"  {sum(len(row.get('meetings', [])) for row in data['matches'])} meetings, "
        f"{sum(len(row.get('check_ins', [])) for row in data['matches'])} check-ins"
    )
    build_waiting(load(WAITING), people, today, programmes, stdout)


def _common_ground(row):
    from programmes.models import ProfessionalField

    return {
        "language_skills": [{"language": code, "level": level} for code, level in row["languages"]],
        "languages": ", ".join(language_name(code, "en") for code, _level in row["languages"]),
        "interests": ", ".join(row["interests"]),
        "chosen_field": ProfessionalField.objects.get(name_en=row["field"]),
        "professional_field": row["field"],
        "area": row["area"],
        "postcode": row["postcode"],
        "availability": row["availability"],
    }


def _set_interests(participant, names):
    from programmes.models import Interest

    participant.chosen_interests.set(Interest.objects.filter(name_en__in=names))


def build_waiting(data, people, today, programmes, stdout):
    """The waiting lines (newcomers with their ``waiting_since``), hosts with free places and
    the pending match proposals of ``demo_content/waiting.yaml``."""
    from matching.models import MatchProposal

    for row in data["waiting"]:
        user = demo_account(row["email"], **{key: row[key] for key in ACCOUNT_FIELDS})
        participant = upsert(
            ParticipantFactory,
            {"user": user},
            programme=programmes[row["programme"]],
            role=Participant.Role.NEWCOMER,
            wanted_host_kind=row["kind"],
            waiting_since=_at(today - _days(row["waiting_days"])),
            waiting_paused=row.get("paused", False),
            arrived_in_denmark=today - _days(row["arrived_days_ago"]),
            birth_year=row["birth_year"],
            has_partner=row["has_partner"],
            has_children=row["has_children"],
            bio="",
            invited_at=_at(today - _days(row["waiting_days"])),
            **_common_ground(row),
        )
        _set_interests(participant, row["interests"])
        people[row["email"]] = participant
    for row in data["free_hosts"]:
        user = demo_account(row["email"], **{key: row[key] for key in ACCOUNT_FIELDS})
        participant = upsert(
            ParticipantFactory,
            {"user": user},
            programme=programmes[row["programme"]],
            role=Participant.Role.HOST,
            offers_career_hosting="career" in row["offers"],
            offers_culture_hosting="culture" in row["offers"],
            capacity=row["capacity"],
            workplace=row["workplace"],
            lived_abroad=row["lived_abroad"],
            bio="",
            invited_at=_at(today - _days(60)),
            **_common_ground(row),
        )
        _set_interests(participant, row["interests"])
        people[row["email"]] = participant
    for row in data["proposals"]:
        newcomer, host = people[row["newcomer"]], people[row["host"]]
        MatchProposal.objects.get_or_create(
            newcomer=newcomer,
            kind=row["kind"],
            status=MatchProposal.Status.PENDING,
            defaults={
                "programme": newcomer.programme,
                "host": host,
                "score": row["score"],
                "reasons": row["reasons"],
            },
        )
    stdout.write(
        f"  {len(data['waiting'])} newcomers waiting, {len(data['free_hosts'])} hosts with free "
        f"places, {len(data['proposals'])} match proposal(s)"
    )
