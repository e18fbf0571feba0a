"""Fixtures for the events tests: a calendar under the home page, event pages published the
way an editor publishes them (so their dates are generated), and participants."""

import datetime
import itertools

import pytest
from django.core.cache import cache
from django.utils import timezone, translation

from events.models import EVENT_TIME_ZONE, EventCalendarPage, EventPage
from tests.factories import HostFactory, NewcomerFactory, UserFactory

_slugs = itertools.count(1)


@pytest.fixture(autouse=True)
def empty_cache():
    """Rate limits and the confirmation email's cooldown are counted on the cache: each test
    starts with none counted."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def english_to_begin_with():
    """Each test starts in English: a request in Danish leaves Danish active in the thread."""
    translation.activate("en")
    yield
    translation.deactivate()


def local(year, month, day, hour=0, minute=0):
    return datetime.datetime(year, month, day, hour, minute, tzinfo=EVENT_TIME_ZONE)


def days_from_now(days, hour=17):
    date = timezone.localdate() + datetime.timedelta(days=days)
    return local(date.year, date.month, date.day, hour)


@pytest.fixture
def calendar_page(home_page):
    page = EventCalendarPage(
        title_en="Events",
        title_da="Arrangementer",
        slug_en="events-calendar",
        slug_da="kalender",
        intro_en="Meet other participants at our shared events.",
        intro_da="Mød andre deltagere til vores fælles arrangementer.",
    )
    home_page.add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


@pytest.fixture
def make_event(calendar_page):
    """Publish an event page; keyword arguments override the defaults."""

    def make(**fields):
        number = next(_slugs)
        start = fields.pop("start", days_from_now(10))
        values = {
            "title_en": f"Picnic in the park {number}",
            "title_da": f"Picnic i parken {number}",
            "slug_en": f"picnic-{number}",
            "slug_da": f"skovtur-{number}",
            "intro_en": "Bring a blanket and meet other families.",
            "intro_da": "Tag et tæppe med og mød andre familier.",
            "venue_name_en": "Fælledparken, by the bandstand",
            "venue_name_da": "Fælledparken, ved musikpavillonen",
            "venue_address": "Fælledparken, 2100 København Ø",
            "start": start,
            "end": start + datetime.timedelta(hours=2),
            **fields,
        }
        page = EventPage(**values)
        calendar_page.add_child(instance=page)
        page.save_revision().publish()
        page.refresh_from_db()
        return page

    return make


@pytest.fixture
def newcomer():
    return NewcomerFactory(user__email="amira@example.com", user__first_name="Amira").user


@pytest.fixture
def host():
    return HostFactory(user__email="jens@example.com", user__first_name="Jens").user


@pytest.fixture
def danish_newcomer():
    return NewcomerFactory(
        user__email="olga@example.com", user__first_name="Olga", user__preferred_language="da"
    ).user


@pytest.fixture
def make_newcomer():
    return lambda **kwargs: NewcomerFactory(**{f"user__{k}": v for k, v in kwargs.items()}).user


@pytest.fixture
def editor_user():
    """Someone without a participant record (an editor, a coordinator, a member of staff)."""
    return UserFactory(email="editor@example.com")
