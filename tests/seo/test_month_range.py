"""The month grid answers only from its first event's month to a year ahead (or its last
event), and its pager stops at both ends: no endless chain of empty months for crawlers."""

import datetime

import pytest
from django.utils import timezone

from events.queries import add_months
from tests.events.conftest import local

pytestmark = pytest.mark.django_db


def month_path(month):
    return f"/events-calendar/month/{month.year}/{month.month}/"


def this_month():
    return timezone.localdate().replace(day=1)


def test_add_months_crosses_years():
    assert add_months(datetime.date(2026, 12, 1), 1) == datetime.date(2027, 1, 1)
    assert add_months(datetime.date(2026, 1, 1), -1) == datetime.date(2025, 12, 1)
    assert add_months(datetime.date(2026, 11, 1), 14) == datetime.date(2028, 1, 1)


def test_without_events_from_this_month_to_a_year_ahead(client, calendar_page):
    now = this_month()
    assert client.get(month_path(now)).status_code == 200
    assert client.get(month_path(add_months(now, 12))).status_code == 200
    assert client.get(month_path(add_months(now, 13))).status_code == 404
    assert client.get(month_path(add_months(now, -1))).status_code == 404
    assert client.get("/events-calendar/month/2000/1/").status_code == 404
    assert client.get("/events-calendar/month/2100/12/").status_code == 404
    assert client.get("/da/kalender/maaned/2100/12/").status_code == 404


def test_the_first_events_month_opens_the_range_and_has_no_previous_link(client, make_event):
    make_event(start=local(2024, 3, 5, 17))
    first = client.get("/events-calendar/month/2024/3/")
    assert first.status_code == 200
    html = first.content.decode()
    assert 'rel="prev"' not in html
    assert 'rel="next">April 2024 →' in html
    assert client.get("/events-calendar/month/2024/2/").status_code == 404


def test_the_last_month_has_no_next_link(client, calendar_page):
    last = add_months(this_month(), 12)
    html = client.get(month_path(last)).content.decode()
    assert 'rel="next"' not in html
    assert 'rel="prev">' in html
    danish = client.get(f"/da/kalender/maaned/{last.year}/{last.month}/").content.decode()
    assert 'rel="next"' not in danish


def test_an_event_far_ahead_extends_the_range_to_its_month(client, make_event):
    far = add_months(this_month(), 20)
    make_event(start=local(far.year, far.month, 10, 17))
    assert client.get(month_path(far)).status_code == 200
    assert client.get(month_path(add_months(far, 1))).status_code == 404


def test_month_range_costs_two_queries_however_many_events(
    calendar_page, make_event, django_assert_num_queries
):
    """The view restrictions (``public()``), then the first and last date in one query."""
    from events.queries import month_range

    make_event(start=local(2024, 3, 5, 17))
    make_event(start=local(2025, 3, 5, 17))
    with django_assert_num_queries(2):
        first, last = month_range(calendar_page, datetime.date(2026, 11, 23))
    assert (first, last) == (datetime.date(2024, 3, 1), datetime.date(2027, 11, 1))


def test_the_range_reads_the_dates_without_their_sign_ups(calendar_page, make_event):
    """Only the first and last start: not every sign-up of every date ever (places left)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from events.queries import month_range

    make_event()
    with CaptureQueriesContext(connection) as context:
        month_range(calendar_page, timezone.localdate())
    sql = " ".join(query["sql"] for query in context.captured_queries)
    assert "MIN(" in sql.upper()
    assert "events_signup" not in sql
