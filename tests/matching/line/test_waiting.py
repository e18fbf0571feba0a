"""The waiting line: the place is computed per programme and track, a pause keeps it, the
estimate comes from the last 90 days' matches, and the portal shows it to a waiting newcomer
only."""

import datetime

import pytest
from django.utils import timezone

from matching import waiting
from portal.models import HostKind
from tests.factories import MatchFactory, NewcomerFactory, ProgrammeFactory

from .conftest import days_ago

pytestmark = pytest.mark.django_db


def line_of(programme, *days, kind=HostKind.CULTURE):
    return [
        NewcomerFactory(programme=programme, wanted_host_kind=kind, waiting_since=days_ago(d))
        for d in days
    ]


def started(programme, days, kind=HostKind.CULTURE):
    return MatchFactory(
        newcomer__programme=programme,
        kind=kind,
        start_date=timezone.localdate() - datetime.timedelta(days=days),
    )


def test_place_counts_those_who_joined_earlier_in_the_same_programme_and_track(programme, newcomer):
    before, after = line_of(programme, 40, 10)
    line_of(programme, 50, kind=HostKind.CAREER)  # another track
    NewcomerFactory(programme=ProgrammeFactory(), waiting_since=days_ago(60))  # another line
    assert waiting.place_in_line(before) == 1
    assert waiting.place_in_line(newcomer) == 2
    assert waiting.place_in_line(after) == 3
    # The listing's annotation agrees, whatever narrows the rows.
    places = {p.pk: p.place_in_line for p in waiting.line(programme, HostKind.CULTURE)}
    assert places == {before.pk: 1, newcomer.pk: 2, after.pk: 3}
    only_after = waiting.with_places(waiting.waiting_newcomers().filter(pk=after.pk)).get()
    assert only_after.place_in_line == 3


def test_a_paused_newcomer_keeps_their_place_and_counts_for_those_behind(
    programme, newcomer, coordinator
):
    [before] = line_of(programme, 40)
    waiting.set_paused(before, True, by_user=coordinator)
    waiting.set_paused(newcomer, True, by_user=coordinator)
    assert waiting.place_in_line(before) == 1
    assert waiting.place_in_line(newcomer) == 2
    waiting.set_paused(newcomer, False, by_user=coordinator)
    newcomer.refresh_from_db()
    assert not newcomer.waiting_paused and waiting.place_in_line(newcomer) == 2


def test_matched_and_erased_newcomers_leave_the_line(programme, newcomer):
    first, second = line_of(programme, 60, 50)
    started_match = MatchFactory(newcomer=first)
    assert started_match.newcomer.waiting_since is None
    second.erased_at = timezone.now()
    second.save()
    assert waiting.place_in_line(newcomer) == 1
    assert waiting.place_in_line(first) is None


def test_no_estimate_without_a_match_in_the_last_90_days(programme, newcomer):
    started(programme, 91)  # too long ago
    started(programme, 5, kind=HostKind.CAREER)  # another track
    status = waiting.waiting_status(newcomer)
    assert status.place == 1
    assert status.matches_started == 0
    assert status.estimated_days is None and not status.has_estimate


def test_the_estimate_is_the_place_at_the_rate_of_the_last_90_days(programme, newcomer):
    line_of(programme, 40)  # one ahead: place 2
    for days in (1, 30, 89):
        started(programme, days)
    status = waiting.waiting_status(newcomer)
    assert status.place == 2
    assert status.matches_started == 3
    # Three matches in 90 days: one every 30 days; place 2 is about 60 days away.
    assert status.estimated_days == 60
    assert status.estimated_weeks == 9
    assert status.days_waiting == 30


def test_days_for_place_rounds_up_and_never_says_zero():
    assert waiting.days_for_place(1, 90) == 1
    assert waiting.days_for_place(1, 1000) == 1
    assert waiting.days_for_place(3, 2) == 135
    assert waiting.days_for_place(3, 0) is None


def test_the_portal_shows_a_waiting_newcomer_their_place_and_the_estimate(
    client, programme, newcomer
):
    line_of(programme, 40)
    started(programme, 10)
    client.force_login(newcomer.user)
    html = client.get("/portal/").content.decode()
    assert "Your place in the waiting line" in html
    assert "Number 2" in html
    assert "an estimate, not a promise" in html
    assert "About 26 weeks from today" in html


def test_the_portal_says_when_no_estimate_is_possible_in_danish(client, programme, newcomer):
    newcomer.user.preferred_language = "da"
    newcomer.user.save()
    client.force_login(newcomer.user)
    html = client.get("/da/portal/").content.decode()
    assert "Din plads på ventelisten" in html
    assert "Nummer 1" in html
    assert "Det er ikke muligt at give et skøn endnu" in html


def test_hosts_and_matched_newcomers_do_not_see_a_place_in_line(client, programme, host):
    client.force_login(host.user)
    assert "Your place in the waiting line" not in client.get("/portal/").content.decode()
    match = MatchFactory(newcomer__programme=programme)
    client.force_login(match.newcomer.user)
    assert "Your place in the waiting line" not in client.get("/portal/").content.decode()
