"""The waiting line: who waits, in which order, and about how long.

A newcomer waits in one line per programme and track (their ``wanted_host_kind``), ordered by
the moment they joined it (``Participant.waiting_since``, the day of their application), ties
broken by the older record. The place is computed, never stored:

    place = 1 + the waiting newcomers of the same programme and track who joined earlier.

Who counts as waiting: a newcomer with ``waiting_since`` set, not erased, with an active
account. A *paused* newcomer (travelling, busy) keeps their place, so they count for everyone
behind them too. A newcomer with a *pending proposal* is still waiting (a proposal is not a
match, and a decline puts them back where they were), so they count as well. The line shrinks
only when a match starts (``Match.save`` clears ``waiting_since``).

The estimate of the wait is a plain rate: the matches of that programme and track that started
in the last 90 days, per day; the place divided by that rate is the number of days. With no
match in those 90 days no estimate is possible, and the screens say so. Every screen calls it
an estimate.
"""

import datetime
import math
from dataclasses import dataclass

from django.db.models import Count, Exists, IntegerField, OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils import timezone

from portal.models import Match, Participant

ESTIMATE_WINDOW_DAYS = 90


def waiting_newcomers(participants=None):
    """Every newcomer in a waiting line (paused ones included), of ``participants`` if given."""
    participants = Participant.objects.all() if participants is None else participants
    return participants.filter(
        role=Participant.Role.NEWCOMER,
        waiting_since__isnull=False,
        erased_at__isnull=True,
        user__is_active=True,
    )


def _ahead_of_outer():
    """Q for the waiting newcomers ahead of the outer query's participant."""
    return Q(programme=OuterRef("programme"), wanted_host_kind=OuterRef("wanted_host_kind")) & (
        Q(waiting_since__lt=OuterRef("waiting_since"))
        | Q(waiting_since=OuterRef("waiting_since"), pk__lt=OuterRef("pk"))
    )


def with_places(participants):
    """``participants`` annotated with ``place_in_line`` (counted over the whole line of their
    programme and track, whatever filter narrowed ``participants``) and ``pending_proposal``
    (a proposal waiting for answers). Two subqueries, no extra query."""
    from .models import MatchProposal

    ahead = (
        waiting_newcomers()
        .filter(_ahead_of_outer())
        .order_by()
        .values("programme")
        .annotate(n=Count("pk"))
        .values("n")
    )
    pending = MatchProposal.objects.pending().filter(newcomer=OuterRef("pk"))
    return participants.annotate(
        place_in_line=Coalesce(Subquery(ahead, output_field=IntegerField()), Value(0)) + 1,
        pending_proposal=Exists(pending),
    )


def line(programme=None, kind=None, participants=None):
    """The waiting line(s), in order, with places: of one programme and track when given."""
    newcomers = waiting_newcomers(participants)
    if programme is not None:
        newcomers = newcomers.filter(programme=programme)
    if kind:
        newcomers = newcomers.filter(wanted_host_kind=kind)
    return with_places(newcomers.select_related("user", "programme")).order_by(
        "programme__pk", "wanted_host_kind", "waiting_since", "pk"
    )


def place_in_line(participant):
    """The participant's place in their line (1 is next), or None when not waiting."""
    if (
        not participant.is_newcomer
        or participant.waiting_since is None
        or participant.is_erased
        or not participant.user.is_active
    ):
        return None
    ahead = (
        waiting_newcomers()
        .filter(
            programme_id=participant.programme_id, wanted_host_kind=participant.wanted_host_kind
        )
        .filter(
            Q(waiting_since__lt=participant.waiting_since)
            | Q(waiting_since=participant.waiting_since, pk__lt=participant.pk)
        )
        .count()
    )
    return ahead + 1


def days_for_place(place, matches_started, window_days=ESTIMATE_WINDOW_DAYS):
    """Days until ``place`` is reached at the rate of ``matches_started`` in ``window_days``
    (at least one day); None when nothing started (no estimate is possible)."""
    if not matches_started or place is None:
        return None
    rate = matches_started / window_days
    return max(math.ceil(place / rate), 1)


def matches_started(programme, kind, today=None, window_days=ESTIMATE_WINDOW_DAYS):
    """How many matches of ``programme`` and track ``kind`` started in the last
    ``window_days`` days up to ``today`` (whatever happened to them since)."""
    today = today or timezone.localdate()
    return Match.objects.filter(
        programme=programme,
        kind=kind,
        start_date__gt=today - datetime.timedelta(days=window_days),
        start_date__lte=today,
    ).count()


@dataclass(frozen=True)
class WaitingStatus:
    """What a waiting newcomer sees: their place, since when, and the estimate."""

    place: int
    joined: datetime.datetime
    days_waiting: int
    matches_started: int  # in the estimate's window
    estimated_days: int | None  # None: no estimate is possible
    window_days: int = ESTIMATE_WINDOW_DAYS

    @property
    def has_estimate(self):
        return self.estimated_days is not None

    @property
    def estimated_date(self):
        if self.estimated_days is None:
            return None
        return timezone.localdate() + datetime.timedelta(days=self.estimated_days)

    @property
    def estimated_weeks(self):
        if self.estimated_days is None:
            return None
        return max(round(self.estimated_days / 7), 1)


def waiting_status(participant, today=None):
    """The participant's ``WaitingStatus``, or None when they are not waiting (a host, a
    matched newcomer, an erased one)."""
    place = place_in_line(participant)
    if place is None:
        return None
    today = today or timezone.localdate()
    started = matches_started(participant.programme, participant.wanted_host_kind, today)
    joined = participant.waiting_since
    return WaitingStatus(
        place=place,
        joined=joined,
        days_waiting=max((today - timezone.localtime(joined).date()).days, 0),
        matches_started=started,
        estimated_days=days_for_place(place, started),
    )


def set_paused(participant, paused, by_user=None):
    """Pause or resume a waiting newcomer; the place is kept (``waiting_since`` untouched).
    Logged in the audit log."""
    from wagtail.log_actions import log

    from .audit import WAITING_PAUSED, WAITING_RESUMED

    if participant.waiting_paused == paused:
        return participant
    participant.waiting_paused = paused
    Participant.objects.filter(pk=participant.pk).update(waiting_paused=paused)
    log(participant, WAITING_PAUSED if paused else WAITING_RESUMED, user=by_user)
    return participant
