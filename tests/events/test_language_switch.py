"""The language switcher keeps a calendar sub-view (month grid, archive) and its filters."""

import pytest

from tests.events.conftest import local

pytestmark = pytest.mark.django_db


def test_month_grid_switches_to_the_same_month_in_danish(client, make_event):
    make_event(start=local(2030, 3, 5, 17))  # the grid answers for the months of its events
    html = client.get("/events-calendar/month/2030/3/").text
    assert 'href="/da/kalender/maaned/2030/3/" hreflang="da" lang="da">Dansk</a>' in html


def test_archive_with_filters_switches_back_to_english(client, calendar_page):
    html = client.get("/da/kalender/arkiv/?category=host_course").text
    assert (
        'href="/events-calendar/archive/?category=host_course" hreflang="en" lang="en">English</a>'
        in html
    )
