"""The coordinator's day: what to act on, as queries over querysets passed in.

Each function takes the rows it may look at (``matches``, ``check_ins``, ``requests``,
``participants``) so a caller can narrow them first (to a coordinator's programmes, say); by
default every row counts. Each returns a queryset, so a panel can count it and show the first
few rows in two queries, however many rows there are.
"""

import datetime
from dataclasses import dataclass, field

from django.core.paginator import Paginator
from django.db.models import (
    Exists,
    F,
    OuterRef,
    Q,
    Subquery,
)
from django.utils import timezone

from .models import CheckIn, Match, MatchNote, Meeting, Participant, RematchRequest
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
        # A subquery per pair rather than an aggregate over every meeting: grouping by every
        # column of the pair and both people was most of this screen's time at 100x the demo.
        .annotate(
            last_meeting=Subquery(
                Meeting.objects.filter(match=OuterRef("pk")).order_by("-date").values("date")[:1]
            )
        )
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


# The follow-up screen shows this many rows of each list, the most urgent first, with the
# list's size and a link to the whole list a page at a time; at 100 times the demo's size it
# was 3.6 s and 533 KB with every row. Each row (its pair, dates and a follow-up form) costs
# about a third of a millisecond to show, so five rows of each of the five lists keep the
# screen near its cost with the demo's few rows.
FOLLOWUP_ROWS = 5
FOLLOWUP_PAGE_SIZE = 50


class Rows(list):
    """The first rows of a list, with ``total``: how many rows the whole list has."""

    def __init__(self, rows=(), total=None):
        super().__init__(rows)
        self.total = len(self) if total is None else total

    @property
    def more(self):
        return self.total > len(self)


def _rows(queryset, limit):
    return Rows(queryset[:limit], total=queryset.count())


@dataclass
class FollowUpOverview:
    today: datetime.date
    new_matches_to_call: Rows = field(default_factory=Rows)
    quiet_matches: Rows = field(default_factory=Rows)
    attention_check_ins: Rows = field(default_factory=Rows)
    open_rematch_requests: Rows = field(default_factory=Rows)
    ending_soon: Rows = field(default_factory=Rows)

    @property
    def total(self):
        return sum(getattr(self, name).total for name in FOLLOWUP_SECTIONS.values())


# The screen's lists: the name in its address (``?section=quiet``) and the overview's field.
FOLLOWUP_SECTIONS = {
    "call": "new_matches_to_call",
    "quiet": "quiet_matches",
    "check-ins": "attention_check_ins",
    "rematch": "open_rematch_requests",
    "ending": "ending_soon",
}


def followup_querysets(today=None, matches=None, check_ins=None, requests=None):
    """Each list of the follow-up screen as a queryset, by its field name."""
    today = today or timezone.localdate()
    return {
        "new_matches_to_call": pairs_to_call(matches, today),
        "quiet_matches": quiet_pairs(matches, today),
        "attention_check_ins": worrying_check_ins(check_ins),
        "open_rematch_requests": open_rematch_requests(requests),
        "ending_soon": ending_soon(matches, today),
    }


def followup_overview(today=None, matches=None, check_ins=None, requests=None, limit=None):
    """The first ``limit`` rows of every list of the follow-up screen, and each list's size.
    Ten queries, however many rows."""
    today = today or timezone.localdate()
    limit = FOLLOWUP_ROWS if limit is None else limit
    querysets = followup_querysets(today, matches, check_ins, requests)
    return FollowUpOverview(
        today=today, **{name: _rows(queryset, limit) for name, queryset in querysets.items()}
    )


def followup_section(section, page_number=1, today=None, **querysets):
    """One list of the follow-up screen in full, a page at a time: the overview with only that
    list, holding the page's rows, and the Django ``Page``. ``None`` for an unknown list; a
    page number out of range gives the nearest page. Two queries."""
    name = FOLLOWUP_SECTIONS.get(section)
    if name is None:
        return None, None
    today = today or timezone.localdate()
    queryset = followup_querysets(today, **querysets)[name]
    page = Paginator(queryset, FOLLOWUP_PAGE_SIZE).get_page(page_number)
    overview = FollowUpOverview(today=today)
    setattr(overview, name, Rows(page.object_list, total=page.paginator.count))
    return overview, page
