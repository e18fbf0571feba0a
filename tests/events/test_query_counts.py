"""The calendar, event and "My events" pages make the same number of queries whether there
are two events or twenty, two sign-ups or thirty."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from events import services

from .conftest import days_from_now

pytestmark = pytest.mark.django_db


def queries_for(client, url):
    client.get(url)  # warm the per-process caches (site root, content types)
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200
    return len(context.captured_queries)


def add_events(make_event, users, count, start_day):
    for number in range(count):
        event = make_event(
            start=days_from_now(start_day + number),
            signup_closes_days_before=0,  # open tomorrow's dates too, whatever the hour
            capacity=2,
            recurrence="FREQ=WEEKLY;COUNT=2" if number % 2 else "",
        )
        for date in event.occurrences.all():
            for user in users:
                services.sign_up(date, user, notify=False)


@pytest.fixture
def people(make_newcomer):
    return [make_newcomer(email=f"person{i}@example.com") for i in range(3)]


@pytest.mark.parametrize("path", ["", "month/{year}/{month}/", "archive/"])
def test_calendar_views(client, calendar_page, make_event, people, path):
    first = days_from_now(1)
    url = calendar_page.url + path.format(year=first.year, month=first.month)
    add_events(make_event, people, 2, start_day=1)
    few = queries_for(client, url)
    add_events(make_event, people, 18, start_day=1)
    assert queries_for(client, url) == few


def test_event_page_with_many_dates_and_sign_ups(client, make_event, people, newcomer):
    event = make_event(capacity=1, recurrence="FREQ=DAILY;COUNT=2", start=days_from_now(2))
    client.force_login(newcomer)
    for date in event.occurrences.all():
        for user in (people[0], newcomer):
            services.sign_up(date, user, notify=False)
    few = queries_for(client, event.url)

    event.recurrence = "FREQ=DAILY;COUNT=20"
    event.save_revision().publish()
    for date in event.occurrences.all():
        for user in [*people, newcomer]:
            services.sign_up(date, user, notify=False)
    assert event.occurrences.count() == 20
    assert queries_for(client, event.url) == few


def test_my_events_page(client, make_event, people, newcomer):
    client.force_login(newcomer)
    add_events(make_event, [*people, newcomer], 2, start_day=1)
    add_events(make_event, people, 2, start_day=5)
    few = queries_for(client, reverse("events:mine"))
    add_events(make_event, [*people, newcomer], 10, start_day=10)
    add_events(make_event, people, 10, start_day=30)
    assert queries_for(client, reverse("events:mine")) == few


def test_the_feeds(client, make_event, people, newcomer):
    from events.models import CalendarFeed

    feed = CalendarFeed.objects.create(user=newcomer)
    urls = [reverse("events:feed"), reverse("events:personal_feed", args=[feed.token])]
    add_events(make_event, [*people, newcomer], 2, start_day=1)
    few = [queries_for(client, url) for url in urls]
    add_events(make_event, [*people, newcomer], 12, start_day=5)
    assert [queries_for(client, url) for url in urls] == few
