"""iCalendar files: one per event, the public feed and the private personal feed. Each is
parsed back with the ``icalendar`` package and checked for correct time zones."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse
from django.utils import translation
from icalendar import Calendar

from events import services
from events.models import CalendarFeed

from .conftest import local

pytestmark = pytest.mark.django_db
COPENHAGEN = ZoneInfo("Europe/Copenhagen")


def parse(response):
    assert response["Content-Type"] == "text/calendar; charset=utf-8; method=PUBLISH"
    calendar = Calendar.from_ical(response.content)
    assert calendar["VERSION"] == "2.0"
    assert str(calendar["PRODID"]) == "-//Host Programme//Events calendar//EN"
    return calendar


def events_of(calendar):
    return calendar.walk("VEVENT")


def test_an_events_ics_file_has_every_date_in_danish_time(client, make_event):
    event = make_event(
        title_en="Welcome meeting",
        start=local(2030, 3, 5, 17),
        recurrence="FREQ=MONTHLY;BYDAY=1TU;COUNT=2",
    )
    response = client.get(reverse("events:event_ics", args=[event.pk]))
    assert response["Content-Disposition"] == f'attachment; filename="{event.slug}.ics"'
    calendar = parse(response)

    (timezone_component,) = calendar.walk("VTIMEZONE")
    assert timezone_component["TZID"] == "Europe/Copenhagen"
    first, second = events_of(calendar)
    assert first["SUMMARY"] == "Welcome meeting"
    assert first["DTSTART"].params["TZID"] == "Europe/Copenhagen"
    assert first.decoded("DTSTART") == datetime.datetime(2030, 3, 5, 17, tzinfo=COPENHAGEN)
    assert first.decoded("DTEND") == datetime.datetime(2030, 3, 5, 19, tzinfo=COPENHAGEN)
    # After the switch to summer time the meeting is still at 17:00 local time (15:00 UTC).
    assert second.decoded("DTSTART") == datetime.datetime(2030, 4, 2, 17, tzinfo=COPENHAGEN)
    assert second.decoded("DTSTART").astimezone(datetime.UTC).hour == 15
    assert first["UID"] != second["UID"]
    assert str(first["LOCATION"]) == (
        "Fælledparken, by the bandstand, Fælledparken, 2100 København Ø"
    )
    assert str(first["URL"]).startswith("http://testserver/events-calendar/")
    assert first["STATUS"] == "CONFIRMED"


def test_the_ics_file_is_in_the_language_of_the_address(client, make_event):
    event = make_event(title_en="Welcome meeting", title_da="Velkomstmøde")
    with translation.override("da"):
        url = reverse("events:event_ics", args=[event.pk])
    assert url.startswith("/da/")
    (vevent,) = events_of(parse(client.get(url)))
    assert vevent["SUMMARY"] == "Velkomstmøde"
    assert "/da/kalender/" in str(vevent["URL"])


def test_the_public_feed_lists_upcoming_dates_with_cancellations(client, make_event):
    make_event(title_en="Picnic")
    cancelled = make_event(title_en="Boat trip")
    make_event(title_en="Long ago", start=local(2020, 1, 1, 12))
    services.cancel_occurrence(cancelled.occurrences.get())

    response = client.get(reverse("events:feed"))
    assert response["Content-Disposition"] == 'inline; filename="events.ics"'
    calendar = parse(response)
    assert str(calendar["X-WR-CALNAME"]) == "Events"
    status = {str(e["SUMMARY"]): str(e["STATUS"]) for e in events_of(calendar)}
    assert status == {"Picnic": "CONFIRMED", "Boat trip": "CANCELLED"}


def test_the_feed_has_no_unpublished_events(client, make_event):
    draft = make_event(title_en="Draft")
    draft.unpublish()
    assert events_of(parse(client.get(reverse("events:feed")))) == []


def test_a_personal_feed_lists_my_events_and_stops_working_when_revoked(
    client, make_event, newcomer, host
):
    mine = make_event(title_en="Picnic", capacity=1)
    waiting = make_event(title_en="Cooking", capacity=1)
    not_mine = make_event(title_en="Host course")
    services.sign_up(mine.occurrences.get(), newcomer)
    services.sign_up(waiting.occurrences.get(), host)
    services.sign_up(waiting.occurrences.get(), newcomer)
    services.sign_up(not_mine.occurrences.get(), host)

    client.force_login(newcomer)
    client.post(reverse("events:manage_feed"), {"action": "create"})
    feed = CalendarFeed.objects.get(user=newcomer)
    page = client.get(reverse("events:mine")).content.decode()
    feed_url = f"http://testserver/events/calendar-feed/{feed.token}.ics"
    assert f'value="{feed_url}"' in page

    client.logout()  # calendar apps do not log in
    response = client.get(feed_url)
    assert response["Cache-Control"] == "private, no-store"
    entries = sorted((str(e["SUMMARY"]), str(e["STATUS"])) for e in events_of(parse(response)))
    # The place in line is marked as one, not shown as a place.
    assert entries == [("Picnic", "CONFIRMED"), ("Waiting list: Cooking", "TENTATIVE")]

    client.force_login(newcomer)
    client.post(reverse("events:manage_feed"), {"action": "revoke"})
    assert client.get(feed_url).status_code == 404
    assert not CalendarFeed.objects.filter(user=newcomer).exists()


def test_a_new_feed_address_replaces_the_old_one(client, newcomer):
    client.force_login(newcomer)
    client.post(reverse("events:manage_feed"), {"action": "create"})
    old = CalendarFeed.objects.get(user=newcomer).token
    client.post(reverse("events:manage_feed"), {"action": "create"})
    new = CalendarFeed.objects.get(user=newcomer).token
    assert new != old
    assert client.get(reverse("events:personal_feed", args=[old])).status_code == 404
    assert client.get(reverse("events:personal_feed", args=[new])).status_code == 200


def test_a_personal_feed_is_in_the_participants_language(client, make_event, danish_newcomer):
    event = make_event(title_en="Picnic", title_da="Skovtur")
    services.sign_up(event.occurrences.get(), danish_newcomer)
    feed = CalendarFeed.objects.create(user=danish_newcomer)
    calendar = parse(client.get(reverse("events:personal_feed", args=[feed.token])))
    assert str(calendar["X-WR-CALNAME"]) == "Mine arrangementer"
    assert [str(e["SUMMARY"]) for e in events_of(calendar)] == ["Skovtur"]


def test_managing_the_feed_needs_a_login(client):
    response = client.post(reverse("events:manage_feed"), {"action": "create"})
    assert response.status_code == 302
    assert CalendarFeed.objects.count() == 0
