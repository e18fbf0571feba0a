"""The public calendar feed covers the last month and the coming year, so what a subscribed
calendar app downloads again and again does not grow with the years of events."""

import pytest
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from icalendar import Calendar

from .conftest import days_from_now

pytestmark = pytest.mark.django_db


def summaries(client):
    calendar = Calendar.from_ical(client.get(reverse("events:feed")).content)
    return sorted(str(event["SUMMARY"]) for event in calendar.walk("VEVENT"))


def test_the_feed_has_last_month_and_the_coming_year(client, make_event):
    make_event(title_en="Long past", start=days_from_now(-45))
    make_event(title_en="Last week", start=days_from_now(-7))
    make_event(title_en="Next month", start=days_from_now(30))
    make_event(title_en="In eleven months", start=days_from_now(335))
    make_event(title_en="In fourteen months", start=days_from_now(425))
    assert summaries(client) == ["In eleven months", "Last week", "Next month"]


def test_the_feed_costs_the_same_with_years_of_events(client, make_event):
    for day in (-10, 20):
        make_event(start=days_from_now(day))
    url = reverse("events:feed")
    client.get(url)
    caches["pages"].clear()  # measure building the feed, not the kept copy (pagecache/)
    with CaptureQueriesContext(connection) as few:
        small = client.get(url).content
    for day in range(-900, -60, 40):
        make_event(start=days_from_now(day))
    for day in range(400, 1200, 40):
        make_event(start=days_from_now(day))
    caches["pages"].clear()
    with CaptureQueriesContext(connection) as many:
        assert client.get(url).content == small
    assert len(many.captured_queries) == len(few.captured_queries)
