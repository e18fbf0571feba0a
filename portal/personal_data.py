"""The portal's personal data, declared for the registry (privacy/registry.py): how each model
is exported in "My data" and what erasure does to it.

Erasure anonymises in place: matches, meetings' dates and durations, check-in scores and
conversation-wheel scores stay for the programme's reports, attached to the anonymised
participant; everything a person wrote or told about themselves is emptied."""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from privacy import texts
from privacy.registry import BLANK, KEEP, declare, json_value

from .models import CheckIn, Match, MatchNote, Meeting, Participant, RematchRequest, WheelEntry


def _matches(person):
    if person.participant is None:
        return Match.objects.none()
    return Match.objects.for_participant(person.participant)


def _own(model):
    def rows(person):
        if person.participant is None:
            return model.objects.none()
        return model.objects.filter(participant=person.participant)

    return rows


def _end_active_matches_and_mark(person):
    """An erased person cannot go on meeting: their active matches end early today, silently
    (the coordinator tells the partner), and the participant is marked as erased."""
    participant = person.participant
    if participant is None:
        return
    today = timezone.localdate()
    for match in Match.objects.for_participant(participant).active():
        match.status = Match.Status.ENDED_EARLY
        match.ended_on = max(today, match.start_date)
        match.save(update_fields=["status", "ended_on"])
    participant.chosen_interests.clear()
    Participant.objects.filter(pk=participant.pk).update(
        erased_at=timezone.now(), waiting_since=None
    )


def _export_matches(person):
    participant = person.participant
    return [
        {
            "id": match.pk,
            "programme": str(match.programme),
            "kind": match.kind,
            "partner": str(match.partner_of(participant).user),
            "my_role": participant.role,
            "start_date": json_value(match, "start_date"),
            "end_date": json_value(match, "end_date"),
            "status": match.status,
            "ended_on": json_value(match, "ended_on"),
            "end_reason": match.end_reason,
            "created_at": json_value(match, "created_at"),
        }
        for match in _matches(person)
        .select_related("newcomer__user", "host__user")
        .order_by("-start_date", "-pk")
    ]


def _export_meetings(person):
    participant = person.participant
    meetings = (
        Meeting.objects.filter(match__in=_matches(person))
        .select_related("author__user", "activity_idea")
        .order_by("date", "pk")
    )
    return [
        {
            "match": meeting.match_id,
            "date": json_value(meeting, "date"),
            "duration_minutes": meeting.duration_minutes,
            "activities": list(meeting.activities),
            "note": meeting.note,
            "activity_idea": meeting.activity_idea.title if meeting.activity_idea else None,
            "logged_by_me": meeting.author_id == participant.pk,
            "logged_by": str(meeting.author.user),
            "created_at": json_value(meeting, "created_at"),
            "updated_at": json_value(meeting, "updated_at"),
        }
        for meeting in meetings
    ]


declare(
    "portal.Participant",
    category=_("Participant profile"),
    purpose=_("Finding a good match, and contact between the two people in a match."),
    shown=_("The portal (profile, and to the partner during an active match) and the admin."),
    seen_by=_(
        "The person and the coordinators; during an active match the partner sees the name, "
        "phone, languages, interests and bio. Intake notes are for coordinators only."
    ),
    kept=texts.KEPT_WITH_PARTICIPANT,
    personal={
        "user": KEEP,  # the link to the anonymised account
        "programme": KEEP,  # the anonymised participant still counts in its reports
        "phone": BLANK,
        "languages": BLANK,
        "interests": BLANK,
        "professional_field": BLANK,
        "area": BLANK,
        "birth_year": BLANK,
        "bio": BLANK,
        "arrived_in_denmark": BLANK,
        "intake_notes": BLANK,
        "invited_at": BLANK,
        "language_skills": BLANK,
        "chosen_field": BLANK,
        "education": BLANK,
        "postcode": BLANK,
        "availability": BLANK,
        "has_partner": KEEP,  # a yes/no that counts in reports; identifies no one
        "has_children": KEEP,
        "workplace": BLANK,
        "lived_abroad": KEEP,
        # emptied by ``_end_active_matches_and_mark`` (a many-to-many has no column to blank)
        "chosen_interests": KEEP,
    },
    not_personal=[
        "receives_news",
        "host_course_waived",
        "waiting_since",
        "waiting_paused",
        "role",
        "wanted_host_kind",
        "offers_career_hosting",
        "offers_culture_hosting",
        "capacity",
        "created_at",
        "updated_at",
        "erased_at",
    ],
    rows=lambda person: Participant.objects.filter(
        pk=person.participant.pk if person.participant else None
    ),
    export=lambda person: (
        {
            name: json_value(person.participant, name)
            for name in [
                "programme",
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
                "language_skills",
                "chosen_field",
                "education",
                "postcode",
                "availability",
                "has_partner",
                "has_children",
                "workplace",
                "lived_abroad",
                "waiting_since",
                "waiting_paused",
                "created_at",
                "updated_at",
            ]
        }
        | {
            "chosen_interests": [
                str(interest) for interest in person.participant.chosen_interests.all()
            ]
        }
        if person.participant
        else None
    ),
    export_key="profile",
    after_erase=_end_active_matches_and_mark,
)

declare(
    "portal.Match",
    category=_("Matches"),
    purpose=_("Running the programme: who is matched with whom, and for how long."),
    shown=texts.SHOWN_PORTAL_AND_ADMIN,
    seen_by=texts.SEEN_BY_PAIR_AND_COORDINATORS,
    kept=texts.KEPT_ANONYMISED,
    personal={"newcomer": KEEP, "host": KEEP, "end_reason": BLANK},
    not_personal=[
        "programme",
        "kind",
        "start_date",
        "end_date",
        "meetings_per_month_min",
        "meetings_per_month_max",
        "first_checkin_after_months",
        "checkin_every_months",
        "status",
        "ended_on",
        "newcomer_waited_since",
        "ended_on_schedule",
        "created_at",
    ],
    rows=_matches,
    export=_export_matches,
    export_key="matches",
)

declare(
    "portal.Meeting",
    category=_("Meetings"),
    purpose=_("Following how often a pair meets, and what they do together."),
    shown=texts.SHOWN_PORTAL_AND_ADMIN,
    seen_by=texts.SEEN_BY_PAIR_AND_COORDINATORS,
    kept=texts.KEPT_ANONYMISED,
    # The notes of every meeting in the person's matches go, whoever wrote them: they are
    # about the pair. Dates, durations and activities stay for the reports.
    personal={"author": KEEP, "note": BLANK},
    not_personal=[
        "match",
        "date",
        "duration_minutes",
        "activities",
        "activity_idea",
        "created_at",
        "updated_at",
    ],
    rows=lambda person: Meeting.objects.filter(match__in=_matches(person)),
    export=_export_meetings,
    export_key="meetings",
)


def _export_own(model, names):
    def export(person):
        return [
            {name: json_value(row, name) for name in names} | {"match": row.match_id}
            for row in _own(model)(person).order_by("created_at", "pk")
        ]

    return export


declare(
    "portal.MatchNote",
    category=_("Coordinators' match log"),
    purpose=_("Following up a pair: the coordinators' calls, meetings and notes."),
    shown=_("The match's page in the admin; never in the portal."),
    seen_by=texts.SEEN_BY_COORDINATORS,
    kept=texts.KEPT_ANONYMISED,
    # The text goes with either person of the pair: it is about both. Date, channel and
    # author stay, so the programme can still count its follow-up calls.
    personal={"text": BLANK, "author": KEEP},
    not_personal=["match", "date", "channel", "followed_up", "created_at"],
    rows=lambda person: MatchNote.objects.filter(match__in=_matches(person)),
    export=False,
    not_exported_because=_(
        "A note is about both people of a pair and often records what one of them told the "
        "coordinator about the other in confidence. An access request covers it: the "
        "coordinator hands the notes over by hand, without what is about the partner."
    ),
)

declare(
    "portal.CheckIn",
    category=_("Check-ins"),
    purpose=_("Noticing in time when a match is not going well."),
    shown=_("The person's own check-ins in the portal; all of them in the admin."),
    seen_by=texts.SEEN_BY_PERSON_AND_COORDINATORS,
    kept=texts.KEPT_ANONYMISED,
    personal={"participant": KEEP, "note_for_coordinator": BLANK},
    not_personal=["match", "satisfaction", "wants_to_continue", "created_at", "followed_up_at"],
    rows=_own(CheckIn),
    export=_export_own(
        CheckIn,
        ["satisfaction", "wants_to_continue", "note_for_coordinator", "created_at"],
    ),
    export_key="check_ins",
)

declare(
    "portal.RematchRequest",
    category=_("Re-match requests"),
    purpose=_("Ending a match that does not work and finding a new one."),
    shown=_("The person's own requests in the portal; all of them in the admin."),
    seen_by=texts.SEEN_BY_PERSON_AND_COORDINATORS,
    kept=texts.KEPT_ANONYMISED,
    personal={"participant": KEEP, "reason": BLANK, "resolution_note": BLANK},
    not_personal=["match", "status", "created_at", "resolved_at", "resolved_by"],
    rows=_own(RematchRequest),
    export=_export_own(
        RematchRequest, ["reason", "status", "created_at", "resolved_at", "resolution_note"]
    ),
    export_key="rematch_requests",
)

declare(
    "portal.WheelEntry",
    category=_("Conversation wheel"),
    purpose=_("Helping the pair choose what to talk about."),
    shown=_("The portal, to the person and their partners; the admin."),
    seen_by=texts.SEEN_BY_PAIR_AND_COORDINATORS,
    kept=texts.KEPT_ANONYMISED,
    personal={"participant": KEEP, "note": BLANK},
    not_personal=["area", "importance", "updated_at"],
    rows=_own(WheelEntry),
    export=lambda person: [
        {name: json_value(row, name) for name in ["area", "importance", "note", "updated_at"]}
        for row in _own(WheelEntry)(person).order_by("area")
    ],
    export_key="conversation_wheel",
)
