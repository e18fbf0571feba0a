"""The follow-up screen stays the same size however many pairs need attention: each list
shows its first rows and how many there are, with a link to the whole list a page at a time.
(At 100 times the demo it was 3.6 s and over 500 KB, every row of every list.)"""

import datetime
import re

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from portal import day
from tests.factories import MatchFactory, UserFactory
from tests.programmes.test_scoping_queries import analyze

pytestmark = pytest.mark.django_db

URL = "/admin/host-programme/follow-up/"


@pytest.fixture
def lead_client(client):
    user = UserFactory()
    user.groups.add(Group.objects.get(name="Programme leads"))
    client.force_login(user)
    return client


def quiet_pairs(count):
    """Pairs three months in that never logged a meeting."""
    start = timezone.localdate() - datetime.timedelta(days=90)
    return [MatchFactory(start_date=start) for _ in range(count)]


def quiet_rows(html):
    """The pairs listed under "Pairs without a meeting" (each has a link to its meetings)."""
    return re.findall(re.escape(reverse("host_meetings:index")) + r"\?match=(\d+)", html)


def queries(client, url):
    client.get(url)
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200
    return len(context.captured_queries)


def test_a_long_list_shows_its_first_rows_its_size_and_a_link_to_all(lead_client):
    pairs = quiet_pairs(day.FOLLOWUP_ROWS + 5)
    html = lead_client.get(URL).text
    assert len(quiet_rows(html)) == day.FOLLOWUP_ROWS
    total = len(pairs)
    assert f"Pairs without a meeting ({total})" in html
    assert f"The first {day.FOLLOWUP_ROWS} of {total} are shown." in html
    assert '<a href="?section=quiet">Show all</a>' in html
    # A short list has no such line.
    assert "?section=call" not in html


def test_the_whole_list_a_page_at_a_time(lead_client, monkeypatch):
    monkeypatch.setattr(day, "FOLLOWUP_PAGE_SIZE", 10)
    pairs = quiet_pairs(25)
    first = lead_client.get(URL + "?section=quiet").text
    assert len(quiet_rows(first)) == 10
    assert "Page 1 of 3" in first
    assert 'href="?section=quiet&amp;p=2"' in first
    # Only that list, with the way back.
    assert "New pairs to call" not in first
    assert "Back to every list of the follow-up" in first
    last = lead_client.get(URL + "?section=quiet&p=3").text
    assert len(quiet_rows(last)) == 5
    shown = set()
    for number in (1, 2, 3):
        shown |= set(quiet_rows(lead_client.get(URL + f"?section=quiet&p={number}").text))
    assert shown == {str(pair.pk) for pair in pairs}
    # Page numbers out of range or garbage give the nearest page, never an error.
    assert "Page 3 of 3" in lead_client.get(URL + "?section=quiet&p=99").text
    assert "Page 1 of 3" in lead_client.get(URL + "?section=quiet&p=abc").text
    # An unknown list shows the overview.
    assert "New pairs to call" in lead_client.get(URL + "?section=nothing").text


@pytest.mark.parametrize("query", ["", "?section=quiet", "?section=quiet&p=2"])
def test_queries_and_rows_stay_the_same_with_few_and_many_pairs(lead_client, query, monkeypatch):
    monkeypatch.setattr(day, "FOLLOWUP_PAGE_SIZE", 3)
    monkeypatch.setattr(day, "FOLLOWUP_ROWS", 3)
    quiet_pairs(6)
    analyze()
    few = queries(lead_client, URL + query), len(quiet_rows(lead_client.get(URL + query).text))
    quiet_pairs(30)
    analyze()
    many = queries(lead_client, URL + query), len(quiet_rows(lead_client.get(URL + query).text))
    assert many == few


def test_marking_a_pair_followed_up_returns_to_the_same_page_of_the_list(lead_client, monkeypatch):
    monkeypatch.setattr(day, "FOLLOWUP_PAGE_SIZE", 10)
    quiet_pairs(15)
    page = lead_client.get(URL + "?section=quiet&p=2").text
    assert 'name="next" value="/admin/host-programme/follow-up/?section=quiet&amp;p=2"' in page
    pair = quiet_rows(page)[0]
    response = lead_client.post(
        reverse("host_matches:note", args=[pair]),
        {
            "next": URL + "?section=quiet&p=2",
            "note-followed_up": "on",
            "note-date": timezone.localdate().isoformat(),
            "note-channel": "phone",
            "note-text": "Called both.",
        },
    )
    assert response.status_code == 302
    assert response["Location"] == URL + "?section=quiet&p=2"
