"""Events of one programme or shared by all, and the calendar's programme filter."""

import re

import pytest
from django.utils import translation

from tests.factories import ProgrammeFactory

pytestmark = pytest.mark.django_db


def titles(response):
    pattern = r'class="event-item__title"><a href="[^"]+">([^<]+)</a>'
    return re.findall(pattern, response.content.decode())


@pytest.fixture
def programmes():
    hosts = ProgrammeFactory(name_en="Host Programme", name_da="Værtsprogram", slug="hosts")
    mentors = ProgrammeFactory(
        name_en="Career Mentor Programme", name_da="Karrierementorprogram", slug="mentors"
    )
    return hosts, mentors


def test_the_calendar_filters_by_programme_and_shared_events_show_under_each(
    client, calendar_page, make_event, programmes
):
    hosts, mentors = programmes
    make_event(title_en="Host course", programme=hosts)
    make_event(title_en="Mentor breakfast", programme=mentors)
    make_event(title_en="Summer party")  # shared by all programmes
    with translation.override("en"):
        url = calendar_page.get_url()

    assert titles(client.get(url)) == ["Host course", "Mentor breakfast", "Summer party"]
    assert titles(client.get(url, {"programme": "hosts"})) == ["Host course", "Summer party"]
    assert titles(client.get(url, {"programme": "mentors"})) == [
        "Mentor breakfast",
        "Summer party",
    ]
    # An unknown programme is no filter, never an error.
    assert len(titles(client.get(url, {"programme": "nonsense"}))) == 3
    page = client.get(url).content.decode()
    assert '<option value="mentors">Career Mentor Programme</option>' in page
    assert "All programmes" in page


def test_the_programme_filter_speaks_danish(client, calendar_page, make_event, programmes):
    make_event(title_en="Mentor breakfast", title_da="Mentormorgenmad", programme=programmes[1])
    with translation.override("da"):
        url = calendar_page.get_url()
        page = client.get(url).content.decode()
    assert '<option value="mentors">Karrierementorprogram</option>' in page
    assert "Alle programmer" in page


def test_with_one_programme_there_is_nothing_to_choose(client, calendar_page, make_event):
    ProgrammeFactory(slug="only")
    make_event(title_en="Picnic")
    with translation.override("en"):
        page = client.get(calendar_page.get_url()).content.decode()
    assert 'name="programme"' not in page
