"""Every coordinator list, its export and the admin home page cost the same number of queries
with few rows as with many, in several programmes, for a coordinator of two programmes and
for a programme lead: the scope is a subquery, never a query per programme or per row."""

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from events import services as event_services
from intake.factories import ApplicationFactory
from matching.proposals import propose
from programmes.factories import make_coordinator
from tests.factories import (
    CheckInFactory,
    MatchFactory,
    MeetingFactory,
    NewcomerFactory,
    ProgrammeFactory,
    RematchRequestFactory,
    UserFactory,
)
from tests.postgres import analyze

pytestmark = pytest.mark.django_db

LISTS = [
    "host_participants:index",
    "host_matches:index",
    "host_meetings:index",
    "host_checkins:index",
    "host_rematch_requests:index",
    "event_dates:index",
    "intake_applications:index",
    "host_waiting:index",
    "host_proposals:index",
]
URLS = (
    ["/admin/", reverse("host_followup:index"), reverse("host_suggestions:index")]
    + [reverse(name) for name in LISTS]
    + [reverse(name) + "?export=csv" for name in LISTS]
)


def fill(programme, matches, make_event):
    """``matches`` pairs of ``programme`` with a meeting, a worried check-in and an open
    re-match request each, a waiting newcomer, and an event date with their sign-ups."""
    date = make_event(programme=programme).occurrences.get()
    for _ in range(matches):
        match = MatchFactory(newcomer__programme=programme)
        MeetingFactory(match=match)
        CheckInFactory(match=match, satisfaction=1)
        RematchRequestFactory(match=match)
        NewcomerFactory(programme=programme)
        ApplicationFactory(programme=programme)
        event_services.sign_up(date, match.newcomer.user, notify=False)
    # Once per programme, so that an export stays under the ~80 log entries SQLite inserts in
    # one statement (privacy.audit logs one entry per person exported).
    waiting = NewcomerFactory(programme=programme)
    propose(newcomer=waiting, host=match.host, kind="culture")
    NewcomerFactory(programme=programme, waiting_paused=True)


def count(client, url):
    client.get(url)  # warm up per-process caches
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(context.captured_queries)


@pytest.mark.parametrize("role", ["coordinator", "lead"])
def test_queries_stay_constant_as_programmes_and_rows_grow(client, make_event, role):
    user = UserFactory()
    first, second = ProgrammeFactory(), ProgrammeFactory()
    if role == "lead":
        user.groups.add(Group.objects.get(name="Programme leads"))
    else:
        make_coordinator(user, first, second)
    fill(first, 1, make_event)
    fill(ProgrammeFactory(), 1, make_event)  # someone else's
    client.force_login(user)
    analyze()
    few = {url: count(client, url) for url in URLS}

    fill(first, 6, make_event)
    fill(second, 6, make_event)
    for _ in range(3):
        other = ProgrammeFactory()
        if role == "coordinator":
            make_coordinator(user, other)
        fill(other, 3, make_event)
    analyze()
    many = {url: count(client, url) for url in URLS}
    print(f"\n{role}: queries with few rows {few}\n{role}: with many rows {many}")
    assert many == few
