"""The coordinator's day: what to act on, as queries over querysets passed in.

Each function takes the rows it may look at (``matches``, ``check_ins``, ``requests``,
``participants``) so a caller can narrow them first (to a coordinator's programmes, say); by
default every row counts. Each returns a queryset, so a panel can count it and show the first
few rows in two queries, however many rows there are.
"""

import datetime
from dataclasses import dataclass, field

from django.db.models import (
    Exists,
    F,
    Max,
    OuterRef,
    Q,
)
from django.utils import timezone

from .models import CheckIn, Match, MatchNote, Participant, RematchRequest
from .services import (
    ENDING_WITHIN_DAYS,
    FOLLOW_UP_CALL_FROM_DAYS,
    FOLLOW_UP_CALL_UNTIL_DAYS,
    LOW_SATISFACTION,
    QUIET_AFTER_DAYS,
)


def _followed_up_since(day):
    """A coordinator marked the pair followed up on or after ``day``."""
    return Exists(MatchNote.objects.filter(match=OuterRef("pk"), followed_up=True, date__gte=day))


def _active(matches):
    matches = Match.objects.all() if matches is None else matches
    return matches.filter(status=Match.Status.ACTIVE).select_related("newcomer__user", "host__user")


def pairs_to_call(matches=None, today=None):
    """New pairs two to four weeks in that nobody has marked followed up since they started."""
    today = today or timezone.localdate()
    return (
        _active(matches)
        .filter(
            start_date__lte=today - datetime.timedelta(days=FOLLOW_UP_CALL_FROM_DAYS),
            start_date__gte=today - datetime.timedelta(days=FOLLOW_UP_CALL_UNTIL_DAYS),
        )
        .exclude(Exists(MatchNote.objects.filter(match=OuterRef("pk"), followed_up=True)))
        .order_by("start_date", "pk")
    )


def quiet_pairs(matches=None, today=None):
    """Active pairs with no meeting logged for six weeks, unless a coordinator followed them up
    within those six weeks. Never met first, then the longest silence."""
    today = today or timezone.localdate()
    quiet_since = today - datetime.timedelta(days=QUIET_AFTER_DAYS)
    return (
        _active(matches)
        .filter(start_date__lte=quiet_since)
        .annotate(last_meeting=Max("meetings__date"))
        .filter(Q(last_meeting__isnull=True) | Q(last_meeting__lt=quiet_since))
        .exclude(_followed_up_since(quiet_since))
        # NULLs sort differently per database, so say where they go.
        .order_by(F("last_meeting").asc(nulls_first=True), "start_date", "pk")
    )


def worrying_check_ins(check_ins=None):
    """Check-ins with low satisfaction or no wish to continue, not yet followed up."""
    check_ins = CheckIn.objects.all() if check_ins is None else check_ins
    return (
        check_ins.filter(followed_up_at__isnull=True)
        .filter(Q(satisfaction__lte=LOW_SATISFACTION) | Q(wants_to_continue=False))
        .select_related("participant__user", "match__newcomer__user", "match__host__user")
        .order_by("created_at", "pk")
    )


def open_rematch_requests(requests=None):
    requests = RematchRequest.objects.all() if requests is None else requests
    return (
        requests.filter(status=RematchRequest.Status.OPEN)
        .select_related("participant__user", "match__newcomer__user", "match__host__user")
        .order_by("created_at", "pk")
    )


def ending_soon(matches=None, today=None):
    """Active matches ending within 30 days (or past their end date, not yet ended)."""
    today = today or timezone.localdate()
    return (
        _active(matches)
        .filter(end_date__lte=today + datetime.timedelta(days=ENDING_WITHIN_DAYS))
        .order_by("end_date", "pk")
    )


def newcomers_waiting(participants=None):
    """Newcomers on the waiting list (``Participant.waiting_since``), paused ones included,
    longest wait first."""
    participants = Participant.objects.all() if participants is None else participants
    return (
        participants.filter(
            role=Participant.Role.NEWCOMER,
            waiting_since__isnull=False,
            erased_at__isnull=True,
            user__is_active=True,
        )
        .select_related("user")
        .order_by("waiting_since", "pk")
    )


def days_waiting(participant, today=None):
    today = today or timezone.localdate()
    since = timezone.localtime(participant.waiting_since).date()
    return max((today - since).days, 0)


@dataclass
class FollowUpOverview:
    today: datetime.date
    new_matches_to_call: list = field(default_factory=list)
    quiet_matches: list = field(default_factory=list)
    attention_check_ins: list = field(default_factory=list)
    open_rematch_requests: list = field(default_factory=list)
    ending_soon: list = field(default_factory=list)

    @property
    def total(self):
        return (
            len(self.new_matches_to_call)
            + len(self.quiet_matches)
            + len(self.attention_check_ins)
            + len(self.open_rematch_requests)
            + len(self.ending_soon)
        )


def followup_overview(today=None, matches=None, check_ins=None, requests=None):
    """Every list of the follow-up screen in full. Five queries, however many rows."""
    today = today or timezone.localdate()
    return FollowUpOverview(
        today=today,
        new_matches_to_call=list(pairs_to_call(matches, today)),
        quiet_matches=list(quiet_pairs(matches, today)),
        attention_check_ins=list(worrying_check_ins(check_ins)),
        open_rematch_requests=list(open_rematch_requests(requests)),
        ending_soon=list(ending_soon(matches, today)),
    )
