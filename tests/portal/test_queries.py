"""The dashboard and the meeting log cost the same number of queries with 1 or 50 meetings."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from portal.models import Match
from tests.factories import CheckInFactory, MeetingFactory

from .conftest import make_pair

pytestmark = pytest.mark.django_db


def count_queries(client, url):
    client.get(url)  # warm up per-process caches (site root paths, content types)
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200
    return len(context.captured_queries)


def add_meetings(match, count, ideas=()):
    for number in range(count):
        MeetingFactory(
            match=match,
            author=match.newcomer if number % 2 else match.host,
            date=match.start_date + datetime.timedelta(days=number % 35),
            activity_idea=ideas[number % len(ideas)] if ideas else None,
        )


def test_dashboard_queries_do_not_grow_with_meetings(client, activity_ideas):
    match = make_pair()
    add_meetings(match, 1)
    client.force_login(match.newcomer.user)
    few = count_queries(client, "/portal/")

    add_meetings(match, 49, activity_ideas)
    CheckInFactory.create_batch(3, match=match, participant=match.newcomer)
    CheckInFactory.create_batch(3, match=match, participant=match.host)
    # Earlier, ended matches in the history cost nothing extra either.
    for number in range(3):
        ended = make_pair(("Ex", f"Host{number}"), days_ago=400 + number)
        Match.objects.filter(pk=ended.pk).update(
            newcomer=match.newcomer, status=Match.Status.COMPLETED
        )
        add_meetings(ended, 5)
    many = count_queries(client, "/portal/")
    print(f"\ndashboard queries: 1 meeting = {few}, 50 meetings = {many}")
    assert match.meetings.count() == 50
    # 5 for the portal (session, user, participant, matches, check-ins) + the site chrome.
    assert many == few


def test_meeting_log_queries_do_not_grow_with_meetings(
    client, activity_ideas, django_assert_max_num_queries
):
    match = make_pair()
    add_meetings(match, 1, activity_ideas)
    client.force_login(match.newcomer.user)
    url = f"/portal/matches/{match.pk}/meetings/"
    few = count_queries(client, url)

    add_meetings(match, 49, activity_ideas)
    with django_assert_max_num_queries(few):
        response = client.get(url)
    assert response.content.decode().count('class="meeting"') == 50
    print(f"\nmeeting log queries: 1 meeting = {few}, 50 meetings = {count_queries(client, url)}")


def test_meeting_form_queries_do_not_grow_with_meetings(
    client, activity_ideas, django_assert_max_num_queries
):
    match = make_pair()
    add_meetings(match, 1)
    client.force_login(match.newcomer.user)
    url = f"/portal/matches/{match.pk}/meetings/new/"
    few = count_queries(client, url)
    add_meetings(match, 49)
    with django_assert_max_num_queries(few):
        client.get(url)


def test_the_dashboard_takes_at_most_twelve_queries(client, activity_ideas):
    """The performance issue's budget for a participant's dashboard (session, user, their
    match and check-ins, proposals, the site frame); Wagtail's editors' bar asked for the
    participant's permissions on every portal page."""
    match = make_pair()
    add_meetings(match, 3, activity_ideas)
    CheckInFactory(match=match, participant=match.newcomer)
    client.force_login(match.newcomer.user)
    assert count_queries(client, "/portal/") <= 12
