"""Faults testers found in the calendar, the event pages and the feeds: events behind a view
restriction shown in public listings, 500s on bad input, feeds that outlive an account or
are downloaded whole every time, and pages that offer what no longer makes sense."""

import datetime
import re

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar
from wagtail.models import PageViewRestriction

from events import services
from events.models import CalendarFeed, SignUp, SignUpMode

from .conftest import days_from_now, local
from .test_views import text, url_in

pytestmark = pytest.mark.django_db


# Events behind a view restriction ---------------------------------------------------------


def restrict(page, kind):
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=kind, password="secret" if kind == "password" else ""
    )
    if kind == "groups":
        restriction.groups.add(Group.objects.get(name="Coordinators"))


@pytest.mark.parametrize("kind", ["password", "login", "groups"])
def test_restricted_events_are_left_out_of_every_public_listing_and_feed(
    client, calendar_page, make_event, kind
):
    # Within the coming year, which the public feed covers.
    soon = days_from_now(20)
    make_event(title_en="Open picnic", start=soon)
    hidden = make_event(
        title_en="Board meeting",
        venue_name_en="The secret room",
        intro_en="Confidential agenda",
        start=soon + datetime.timedelta(hours=3),
    )
    make_event(title_en="Old open party", start=local(2020, 3, 5, 17))
    hidden_past = make_event(title_en="Old board meeting", start=local(2020, 3, 6, 17))
    restrict(hidden, kind)
    restrict(hidden_past, kind)

    base = url_in("en", calendar_page)
    pages = {
        "list": client.get(base),
        "month": client.get(base + f"month/{soon.year}/{soon.month}/"),
        "archive": client.get(base + "archive/"),
        "feed": client.get(reverse("events:feed")),
    }
    assert "Open picnic" in text(pages["list"])
    assert "Open picnic" in text(pages["month"])
    assert "Old open party" in text(pages["archive"])
    assert "Open picnic" in pages["feed"].content.decode()
    for name, response in pages.items():
        content = response.content.decode()
        for secret in ["Board meeting", "The secret room", "Confidential agenda"]:
            assert secret not in content, (name, secret)


@pytest.mark.parametrize(
    ("kind", "offered"), [("password", False), ("login", True), ("groups", False)]
)
def test_my_events_offers_restricted_events_only_to_those_let_in(
    client, make_event, newcomer, kind, offered
):
    make_event(title_en="Open picnic")
    restrict(make_event(title_en="Board meeting"), kind)
    client.force_login(newcomer)
    page = text(client.get(reverse("events:mine")))
    assert "Open picnic" in page
    assert ("Board meeting" in page) is offered


def test_a_member_of_the_group_is_offered_the_groups_event(client, make_event, newcomer):
    restrict(make_event(title_en="Board meeting"), "groups")
    newcomer.groups.add(Group.objects.get(name="Coordinators"))
    client.force_login(newcomer)
    assert "Board meeting" in text(client.get(reverse("events:mine")))


def test_a_participant_cannot_sign_up_for_an_event_they_may_not_see(client, make_event, newcomer):
    event = make_event(title_en="Board meeting")
    restrict(event, "groups")
    client.force_login(newcomer)
    response = client.post(reverse("events:sign_up", args=[event.occurrences.get().pk]))
    assert response.status_code == 404
    assert not SignUp.objects.exists()


# Bad input: a message or a 404, never a 500 -------------------------------------------------


def test_a_next_parameter_without_a_slash_goes_back_to_the_event(client, make_event, newcomer):
    event = make_event()
    date = event.occurrences.get()
    client.force_login(newcomer)
    response = client.post(reverse("events:sign_up", args=[date.pk]), {"next": "abc"})
    assert response.status_code == 302
    assert response["Location"] == event.url
    assert SignUp.objects.get().user == newcomer


def test_a_cancel_with_a_bare_word_as_next_goes_to_my_events(client, make_event, newcomer):
    date = make_event().occurrences.get()
    signup, _ = services.sign_up(date, newcomer, notify=False)
    client.force_login(newcomer)
    response = client.post(
        reverse("events:cancel", args=[signup.pk]), {"next": "abc", "confirm": "yes"}
    )
    assert response["Location"] == reverse("events:mine")


HUGE = "9" * 25


@pytest.mark.parametrize(
    "path",
    [
        f"/events/event-{HUGE}.ics",
        f"/events/dates/{HUGE}/sign-up/",
        f"/events/sign-ups/{HUGE}/cancel/",
    ],
)
def test_ids_beyond_64_bits_are_not_found(client, newcomer, path):
    client.force_login(newcomer)
    assert client.get(path).status_code == 404
    assert client.post(path).status_code == 404


def test_a_public_sign_up_id_beyond_64_bits_is_not_found(client, make_event):
    event = make_event(signup_mode=SignUpMode.PUBLIC)
    assert client.get(url_in("en", event) + f"sign-up/{HUGE}/").status_code == 404


# Personal feed ----------------------------------------------------------------------------


def test_a_deactivated_users_calendar_feed_stops_working(client, make_event, newcomer):
    services.sign_up(make_event().occurrences.get(), newcomer, notify=False)
    feed = CalendarFeed.objects.create(user=newcomer)
    url = reverse("events:personal_feed", args=[feed.token])
    assert client.get(url).status_code == 200
    newcomer.is_active = False
    newcomer.save()
    assert client.get(url).status_code == 404


def test_a_waiting_list_place_is_marked_in_the_feed_in_the_persons_language(
    client, make_event, newcomer, danish_newcomer
):
    date = make_event(title_da="Madlavning", capacity=1).occurrences.get()
    services.sign_up(date, newcomer, notify=False)
    services.sign_up(date, danish_newcomer, notify=False)
    feed = CalendarFeed.objects.create(user=danish_newcomer)
    response = client.get(reverse("events:personal_feed", args=[feed.token]))
    (entry,) = Calendar.from_ical(response.content).walk("VEVENT")
    assert str(entry["SUMMARY"]) == "Venteliste: Madlavning"
    assert str(entry["STATUS"]) == "TENTATIVE"


# Conditional requests -----------------------------------------------------------------------


def test_the_public_feed_answers_304_when_nothing_changed(client, calendar_page, make_event):
    make_event(title_en="Picnic")
    first = client.get(reverse("events:feed"))
    etag = first["ETag"]
    again = client.get(reverse("events:feed"), headers={"if-none-match": etag})
    assert again.status_code == 304
    assert again.content == b""

    make_event(title_en="Quiz night")
    changed = client.get(reverse("events:feed"), headers={"if-none-match": etag})
    assert changed.status_code == 200
    assert "Quiz night" in changed.content.decode()
    assert changed["ETag"] != etag


def test_the_personal_feed_answers_304_until_a_place_changes(client, make_event, newcomer, host):
    date = make_event(title_en="Cooking", capacity=1).occurrences.get()
    services.sign_up(date, host, notify=False)
    services.sign_up(date, newcomer, notify=False)
    url = reverse("events:personal_feed", args=[CalendarFeed.objects.create(user=newcomer).token])
    etag = client.get(url)["ETag"]
    assert client.get(url, headers={"if-none-match": etag}).status_code == 304

    services.cancel_signup(SignUp.objects.get(user=host))  # the newcomer moves up
    moved_up = client.get(url, headers={"if-none-match": etag})
    assert moved_up.status_code == 200
    assert "SUMMARY:Cooking" in moved_up.content.decode()
    assert moved_up["Cache-Control"] == "private, no-store"


def test_an_events_ics_file_answers_304_when_nothing_changed(client, make_event):
    event = make_event()
    url = reverse("events:event_ics", args=[event.pk])
    etag = client.get(url)["ETag"]
    assert client.get(url, headers={"if-none-match": etag}).status_code == 304


# Pages ------------------------------------------------------------------------------------


def test_a_past_events_page_offers_no_sign_up_and_no_calendar_file(client, make_event):
    event = make_event(start=local(2020, 6, 1, 12))
    response = client.get(url_in("en", event))
    page = text(response)
    assert "This event has taken place." in page
    assert 'id="signup-heading"' not in response.content.decode()
    assert "Add to my calendar" not in page


@pytest.mark.parametrize("view", ["", "month/", "archive/"])
def test_the_calendar_filter_form_sends_to_the_page_it_is_on(client, calendar_page, view):
    if view == "month/":  # this month: the grid answers only for months near its events
        today = timezone.localdate()
        view += f"{today.year}/{today.month}/"
    path = url_in("en", calendar_page) + view
    html = client.get(path, {"audience": "hosts"}).content.decode()
    form = re.search(r'<form class="calendar-filters" method="get" action="([^"]*)">', html)
    assert form[1] == path
    assert f'class="calendar-filters__reset" href="{path}"' in html


# Giving up a place at a full event asks first ---------------------------------------------


@pytest.fixture
def full_date(make_event, newcomer, host):
    date = make_event(title_en="Cooking", capacity=1).occurrences.get()
    services.sign_up(date, newcomer, notify=False)
    services.sign_up(date, host, notify=False)  # waits
    return date


def test_cancel_my_place_at_a_full_event_asks_before_giving_it_away(client, full_date, newcomer):
    signup = SignUp.objects.get(user=newcomer)
    client.force_login(newcomer)
    url = reverse("events:cancel", args=[signup.pk])
    back = url_in("en", full_date.event)

    asked = client.post(url, {"next": back})
    assert asked.status_code == 200
    assert "Cancel my place?" in text(asked)
    assert "the next person on the waiting list gets it" in text(asked)
    signup.refresh_from_db()
    assert signup.status == "confirmed"

    done = client.post(url, {"next": back, "confirm": "yes"})
    assert done["Location"] == back
    signup.refresh_from_db()
    assert signup.status == "cancelled"
    assert SignUp.objects.get(user__email="jens@example.com").status == "confirmed"


def test_the_cancel_address_opened_directly_asks_and_changes_nothing(client, full_date, newcomer):
    signup = SignUp.objects.get(user=newcomer)
    client.force_login(newcomer)
    response = client.get(reverse("events:cancel", args=[signup.pk]))
    assert response.status_code == 200
    assert "Yes, cancel my place" in text(response)
    signup.refresh_from_db()
    assert signup.status == "confirmed"


def test_a_public_cancel_link_warns_that_the_place_goes_to_the_waiting_list(
    client, make_event, newcomer
):
    date = make_event(signup_mode=SignUpMode.PUBLIC, capacity=1).occurrences.get()
    public = services.confirm_public(
        services.sign_up_public(date, "Maria", "maria@example.com", "en")
    )
    services.sign_up(date, newcomer, notify=False)  # waits
    response = client.get(reverse("events:public_cancel", args=[public.token]))
    assert "the next person on the waiting list gets it" in text(response)
    public.refresh_from_db()
    assert public.status == "confirmed"


def test_leaving_the_waiting_list_needs_no_extra_step(client, full_date, host):
    signup = SignUp.objects.get(user=host)
    client.force_login(host)
    client.post(reverse("events:cancel", args=[signup.pk]))
    signup.refresh_from_db()
    assert signup.status == "cancelled"


def test_giving_up_a_place_at_an_event_with_room_needs_no_extra_step(client, make_event, newcomer):
    date = make_event(capacity=10, start=days_from_now(5)).occurrences.get()
    signup, _ = services.sign_up(date, newcomer, notify=False)
    client.force_login(newcomer)
    client.post(reverse("events:cancel", args=[signup.pk]))
    signup.refresh_from_db()
    assert signup.status == "cancelled"
