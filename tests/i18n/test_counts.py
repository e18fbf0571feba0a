"""Every number that meets a noun has its plural form: "1 guest", "2 guests", "1 gæst"."""

import re
from pathlib import Path

import polib
import pytest
from django.urls import reverse
from django.utils import translation

from events import services
from events.models import SignUp
from programmes.factories import make_coordinator
from tests.events.conftest import days_from_now
from tests.factories import NewcomerFactory, UserFactory

CATALOGUE = Path(__file__).resolve().parents[2] / "locale/da/LC_MESSAGES/django.po"

# English plural nouns a count can meet in this site's strings.
PLURAL_NOUNS = (
    "people|persons|guests|emails|dates|days|years|minutes|hours|weeks|months|places|"
    "times|meetings|matches|things|rows|participants|pages|events|sign-ups|requests"
)
COUNT_MEETS_NOUN = re.compile(rf"%\(\w+\)[sd] (?:\w+ )?(?:{PLURAL_NOUNS})\b")

# Strings whose number can never be 1, with the reason.
ALWAYS_PLURAL = {
    # low < high here (the equal case is its own ngettext string), so high is at least 2.
    "Pairs meet %(low)s to %(high)s times a month, for about two hours each time.",
}


def test_the_check_finds_a_count_without_a_plural_form():
    assert COUNT_MEETS_NOUN.search("Attendance saved for %(count)s people.")
    assert COUNT_MEETS_NOUN.search("%(taken)s of %(capacity)s places taken")
    assert COUNT_MEETS_NOUN.search("You can bring at most %(count)s guests.")
    assert not COUNT_MEETS_NOUN.search("You are number %(position)s on the waiting list.")


def test_every_string_where_a_number_meets_a_noun_has_a_plural_form():
    """A msgid without a plural whose number meets a plural noun renders "1 people"."""
    singular_only = [
        entry.msgid
        for entry in polib.pofile(str(CATALOGUE))
        if not entry.msgid_plural
        and COUNT_MEETS_NOUN.search(entry.msgid)
        and entry.msgid not in ALWAYS_PLURAL
    ]
    assert singular_only == []


@pytest.mark.parametrize(
    "language, allowed, expected",
    [
        ("en", 1, "You can bring at most 1 guest."),
        ("en", 2, "You can bring at most 2 guests."),
        ("da", 1, "Du kan højst tage 1 gæst med."),
        ("da", 2, "Du kan højst tage 2 gæster med."),
    ],
)
@pytest.mark.django_db
def test_too_many_guests_names_the_limit_with_its_plural(
    make_event, newcomer, language, allowed, expected
):
    date = make_event(capacity=10, max_guests=allowed).occurrences.get()
    with translation.override(language), pytest.raises(services.SignUpError) as refused:
        services.sign_up(date, newcomer, guests=allowed + 1)
    assert str(refused.value) == expected


@pytest.fixture
def coordinator():
    user = UserFactory(email="coordinator@example.com")
    make_coordinator(user)
    return user


def signed_up(make_event, people, capacity=None):
    date = make_event(start=days_from_now(-1), capacity=capacity).occurrences.get()
    for number in range(people):
        user = NewcomerFactory(user__email=f"person{number}@example.com").user
        SignUp.objects.create(occurrence=date, user=user, status="confirmed")
    return date


def messages_after(response):
    return [str(message) for message in response.context["messages"]]


@pytest.mark.parametrize(
    "people, expected",
    [(1, "Attendance saved for 1 person."), (2, "Attendance saved for 2 people.")],
)
@pytest.mark.django_db
def test_the_attendance_message_counts_people(client, coordinator, make_event, people, expected):
    date = signed_up(make_event, people)
    client.force_login(coordinator)
    response = client.post(
        reverse("event_dates:attendance", args=[date.pk]), {"attended": []}, follow=True
    )
    assert messages_after(response) == [expected]


@pytest.mark.parametrize(
    "people, expected",
    [(1, "1 of 1 place taken"), (2, "2 of 2 places taken")],
)
@pytest.mark.django_db
def test_the_sign_up_list_counts_places(client, coordinator, make_event, people, expected):
    date = signed_up(make_event, people, capacity=people)
    client.force_login(coordinator)
    html = client.get(reverse("event_dates:signups", args=[date.pk])).content.decode()
    assert expected in html


@pytest.mark.parametrize(
    "people, expected",
    [(1, "1 place taken (no limit)"), (2, "2 places taken (no limit)")],
)
@pytest.mark.django_db
def test_the_sign_up_list_counts_places_without_a_limit(
    client, coordinator, make_event, people, expected
):
    date = signed_up(make_event, people)
    client.force_login(coordinator)
    html = client.get(reverse("event_dates:signups", args=[date.pk])).content.decode()
    assert expected in html
