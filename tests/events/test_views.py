"""The public calendar and event pages in English and Danish, signing up from the event
page and from "My events", and public sign-up confirmed by the emailed link."""

import datetime
import re

import pytest
from django.urls import reverse
from django.utils import translation

from events import services
from events.models import Audience, Category, SignUp, SignUpMode

from .conftest import days_from_now, local

pytestmark = pytest.mark.django_db


def url_in(language, page):
    with translation.override(language):
        return page.get_url()


def reverse_in(language, name, args=()):
    with translation.override(language):
        return reverse(name, args=args)


def text(response):
    """The page's visible text with whitespace collapsed, for exact phrase checks."""
    html = response.content.decode()
    html = re.sub(r"<(script|style)[^>]*>.*?</\1>", " ", html, flags=re.S)
    html = re.sub(r"</?(time|span|strong|a|abbr)\b[^>]*>", "", html)
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def test_the_calendar_lists_upcoming_events_by_month_in_english(client, calendar_page, make_event):
    make_event(title_en="Welcome meeting", start=local(2030, 3, 5, 17))
    make_event(title_en="Spring picnic", start=local(2030, 4, 12, 12))
    make_event(title_en="Last year's party", start=local(2020, 12, 1, 18))

    response = client.get(url_in("en", calendar_page))
    assert response.status_code == 200
    page = text(response)
    assert "March 2030 Tuesday 5 March 2030, 17:00–19:00 Welcome meeting" in page
    assert "April 2030 Friday 12 April 2030, 12:00–14:00 Spring picnic" in page
    assert "Last year's party" not in page


def test_the_calendar_in_danish(client, calendar_page, make_event):
    make_event(title_en="Welcome meeting", title_da="Velkomstmøde", start=local(2030, 3, 5, 17))
    response = client.get(url_in("da", calendar_page))
    assert response.status_code == 200
    page = text(response)
    assert "Marts 2030 Tirsdag den 5. marts 2030 kl. 17.00–19.00 Velkomstmøde" in page
    assert '<html lang="da">' in response.content.decode()


def test_the_calendar_filters_by_category_and_audience(client, calendar_page, make_event):
    make_event(title_en="Host course", category=Category.HOST_COURSE, audience=Audience.HOSTS)
    make_event(title_en="CV workshop", category=Category.JOB_SEARCH, audience=Audience.NEWCOMERS)
    make_event(title_en="Picnic", category=Category.SOCIAL)
    url = url_in("en", calendar_page)

    assert _titles(client.get(url, {"category": "host_course"})) == ["Host course"]
    # Events open to everyone are for newcomers and hosts too.
    assert _titles(client.get(url, {"audience": "newcomers"})) == ["CV workshop", "Picnic"]
    assert _titles(client.get(url, {"audience": "hosts"})) == ["Host course", "Picnic"]
    assert _titles(client.get(url, {"category": "nonsense"})) == [
        "Host course",
        "CV workshop",
        "Picnic",
    ]


def _titles(response):
    pattern = r'class="event-item__title"><a href="[^"]+">([^<]+)</a>'
    return re.findall(pattern, response.content.decode())


def test_the_archive_lists_past_events_newest_first(client, calendar_page, make_event):
    make_event(title_en="Old picnic", start=local(2020, 6, 1, 12))
    make_event(title_en="Older course", start=local(2019, 2, 1, 12))
    make_event(title_en="Future party")
    response = client.get(url_in("en", calendar_page) + "archive/")
    assert _titles(response) == ["Old picnic", "Older course"]
    da = client.get(url_in("da", calendar_page) + "archive/")
    assert "<h1>Tidligere arrangementer</h1>" in da.content.decode()


def test_the_month_grid_is_a_table_with_the_events_on_their_days(client, calendar_page, make_event):
    make_event(title_en="Welcome meeting", start=local(2030, 3, 5, 17))
    response = client.get(url_in("en", calendar_page) + "month/2030/3/")
    html = response.content.decode()
    assert "<caption>March 2030: 1 event</caption>" in html
    assert html.count('<th scope="col">') == 7
    assert '<abbr title="Monday">Mon</abbr>' in html
    assert re.search(r"Tuesday 5 March 2030</span>.*?17:00 Welcome meeting", html, re.S)
    assert 'rel="prev">← February 2030' in html
    # March 2030 holds the calendar's last date: the pager stops there (tests/seo).
    assert 'rel="next"' not in html

    da = client.get(url_in("da", calendar_page) + "month/2030/3/")
    assert "<caption>Marts 2030: 1 arrangement</caption>" in da.content.decode()


def test_a_month_that_does_not_exist_is_not_found(client, calendar_page):
    assert client.get(url_in("en", calendar_page) + "month/2030/13/").status_code == 404


def test_the_calendar_links_its_subscribable_feed(client, calendar_page):
    html = client.get(url_in("en", calendar_page)).content.decode()
    assert (
        '<link rel="alternate" type="text/calendar" title="Events" '
        'href="http://testserver/events/calendar.ics">' in html
    )
    da = client.get(url_in("da", calendar_page)).content.decode()
    assert 'href="http://testserver/da/arrangementer/calendar.ics">' in da


def test_the_event_page_shows_time_place_language_and_places_left(client, make_event, newcomer):
    event = make_event(
        title_en="Picnic",
        start=local(2030, 6, 1, 12),
        capacity=10,
        max_guests=2,
        event_language="en+da",
    )
    services.sign_up(event.occurrences.get(), newcomer, guests=2)
    response = client.get(url_in("en", event))
    page = text(response)
    assert "When Saturday 1 June 2030, 12:00–14:00" in page
    assert "Where Fælledparken, by the bandstand, Fælledparken, 2100 København Ø" in page
    assert "Language English and Danish" in page
    assert "7 places left" in page
    assert "You may bring up to 2 guests, for example family." in page
    assert "openstreetmap.org/search?query=F%C3%A6lledparken" in response.content.decode()
    assert "Log in to sign up" in page

    da = text(client.get(url_in("da", event)))
    assert "Hvornår Lørdag den 1. juni 2030 kl. 12.00–14.00" in da
    assert "Sprog Engelsk og dansk" in da
    assert "7 ledige pladser" in da


def test_a_full_event_shows_the_waiting_list(client, make_event, newcomer, host):
    event = make_event(capacity=1)
    date = event.occurrences.get()
    services.sign_up(date, newcomer)
    services.sign_up(date, host)
    assert "Full: waiting list (1 waiting)" in text(client.get(url_in("en", event)))
    assert "Alt optaget: venteliste (1 venter)" in text(client.get(url_in("da", event)))


def test_a_participant_signs_up_from_the_event_page_with_a_guest(
    client, make_event, newcomer, mailoutbox, django_capture_on_commit_callbacks
):
    event = make_event(capacity=5, max_guests=2)
    date = event.occurrences.get()
    client.force_login(newcomer)

    page = client.get(url_in("en", event))
    assert page["Cache-Control"] == "private, no-store"
    assert f'action="/events/dates/{date.pk}/sign-up/"' in page.content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse_in("en", "events:sign_up", [date.pk]),
            {"guests": "1", "next": url_in("en", event)},
            follow=True,
        )
    assert response.redirect_chain == [(url_in("en", event), 302)]
    assert "You have a place at" in text(response)
    assert "You have a place. With 1 guest." in text(response)
    assert "3 places left" in text(response)
    assert mailoutbox[0].subject.startswith("You have a place")


def test_a_participant_on_the_waiting_list_sees_their_position_and_can_leave(
    client, make_event, make_newcomer, newcomer
):
    event = make_event(capacity=1)
    date = event.occurrences.get()
    services.sign_up(date, make_newcomer(email="first@example.com"))
    services.sign_up(date, make_newcomer(email="second@example.com"))
    client.force_login(newcomer)

    response = client.post(
        reverse_in("da", "events:sign_up", [date.pk]), {"next": url_in("da", event)}, follow=True
    )
    assert "er optaget: du er nummer 2 på ventelisten." in text(response)
    assert "Du er nummer 2 på ventelisten." in text(response)

    mine = SignUp.objects.get(user=newcomer)
    response = client.post(reverse_in("da", "events:cancel", [mine.pk]), follow=True)
    assert "Du er ikke længere tilmeldt" in text(response)
    mine.refresh_from_db()
    assert mine.status == "cancelled"


def test_a_host_is_told_a_newcomers_event_is_not_for_them(client, make_event, host):
    event = make_event(audience=Audience.NEWCOMERS)
    client.force_login(host)
    response = client.get(url_in("en", event))
    assert "This event is for newcomers." in text(response)
    assert "/sign-up/" not in response.content.decode()

    date = event.occurrences.get()
    response = client.post(reverse_in("en", "events:sign_up", [date.pk]), follow=True)
    assert "This event is for newcomers." in text(response)
    assert SignUp.objects.count() == 0


def test_signing_up_needs_a_login(client, make_event):
    date = make_event().occurrences.get()
    response = client.post(reverse_in("en", "events:sign_up", [date.pk]))
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")
    assert SignUp.objects.count() == 0


def test_someone_elses_sign_up_cannot_be_cancelled(client, make_event, newcomer, host):
    date = make_event().occurrences.get()
    theirs = services.sign_up(date, host)[0]
    client.force_login(newcomer)
    assert client.post(reverse_in("en", "events:cancel", [theirs.pk])).status_code == 404
    theirs.refresh_from_db()
    assert theirs.status == "confirmed"


def test_my_events_lists_my_sign_ups_and_events_i_can_join(
    client, make_event, newcomer, host, make_newcomer
):
    mine = make_event(title_en="Picnic", capacity=1)
    waiting = make_event(title_en="Cooking", capacity=1)
    open_event = make_event(title_en="Language café")
    hosts_only = make_event(title_en="Host course", audience=Audience.HOSTS)
    services.sign_up(mine.occurrences.get(), newcomer)
    services.sign_up(waiting.occurrences.get(), make_newcomer(email="early@example.com"))
    services.sign_up(waiting.occurrences.get(), newcomer)
    services.sign_up(open_event.occurrences.get(), host)  # someone else's
    services.sign_up(hosts_only.occurrences.get(), host)

    client.force_login(newcomer)
    response = client.get(reverse_in("en", "events:mine"))
    assert response.status_code == 200
    assert response["Cache-Control"] == "private, no-store"
    page = text(response)
    signed_up, can_join = page.split("Events you can join")
    assert "Picnic" in signed_up and "You have a place." in signed_up
    assert "Cooking" in signed_up and "You are number 1 on the waiting list." in signed_up
    assert "Language café" in can_join
    assert "Host course" not in page
    assert "jens@example.com" not in response.content.decode()


def test_my_events_needs_a_login(client):
    response = client.get(reverse_in("en", "events:mine"))
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/?next=/events/mine/")


def test_my_events_in_danish(client, danish_newcomer, make_event):
    client.force_login(danish_newcomer)
    response = client.get(reverse_in("da", "events:mine"))
    assert "<h1>Mine arrangementer</h1>" in response.content.decode()


def test_a_participant_signs_up_from_my_events(client, make_event, newcomer):
    event = make_event(title_en="Language café")
    date = event.occurrences.get()
    client.force_login(newcomer)
    response = client.post(
        reverse_in("en", "events:sign_up", [date.pk]),
        {"next": reverse_in("en", "events:mine")},
        follow=True,
    )
    assert response.redirect_chain == [("/events/mine/", 302)]
    assert SignUp.objects.get().status == "confirmed"


def test_an_unsafe_next_address_is_ignored(client, make_event, newcomer):
    event = make_event()
    date = event.occurrences.get()
    client.force_login(newcomer)
    response = client.post(
        reverse_in("en", "events:sign_up", [date.pk]), {"next": "https://evil.example.com/"}
    )
    assert response["Location"] == url_in("en", event)


def test_the_public_signs_up_with_name_and_email_and_confirms_by_the_link(
    client, make_event, mailoutbox, django_capture_on_commit_callbacks
):
    event = make_event(signup_mode=SignUpMode.PUBLIC, capacity=3, max_guests=1)
    date = event.occurrences.get()

    page = client.get(url_in("da", event))
    form_action = url_in("da", event) + f"tilmelding/{date.pk}/"
    assert f'action="{form_action}"' in page.content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            form_action, {"name": "Maria Hansen", "email": "maria@example.com", "guests": "1"}
        )
    assert "<h1>Tjek din e-mail</h1>" in response.content.decode()
    signup = SignUp.objects.get()
    assert (signup.status, signup.language, signup.guests) == ("unconfirmed", "da", 1)
    confirm_url = re.search(
        r"http://testserver(/da/arrangementer/bekraeft/\S+/)", mailoutbox[0].body
    )[1]

    assert "Bekræft min tilmelding" in text(client.get(confirm_url))
    signup.refresh_from_db()
    assert signup.status == "unconfirmed"  # a link preview does not sign anyone up

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(confirm_url)
    assert "Du har en plads." in text(response)
    signup.refresh_from_db()
    assert signup.status == "confirmed"
    assert mailoutbox[-1].subject.startswith("Du har en plads")

    cancel_url = reverse_in("da", "events:public_cancel", [signup.token])
    response = client.post(cancel_url)
    assert "Du er ikke længere tilmeldt." in text(response)
    signup.refresh_from_db()
    assert signup.status == "cancelled"


def test_the_public_form_shows_errors_tied_to_the_fields(client, make_event):
    event = make_event(signup_mode=SignUpMode.PUBLIC)
    date = event.occurrences.get()
    response = client.post(
        url_in("en", event) + f"sign-up/{date.pk}/", {"name": "", "email": "not-an-address"}
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert 'aria-invalid="true"' in html
    assert 'id="id_email_error"' in html
    assert SignUp.objects.count() == 0


def test_the_public_forms_answers_are_not_cached_as_they_show_what_was_typed(client, make_event):
    event = make_event(signup_mode=SignUpMode.PUBLIC)
    form_url = url_in("en", event) + f"sign-up/{event.occurrences.get().pk}/"
    assert "Cache-Control" not in client.get(form_url)  # the empty form is the same for all

    sent = client.post(form_url, {"name": "Maria Hansen", "email": "maria@example.com"})
    assert "We have sent a link to maria@example.com." in text(sent)
    assert sent["Cache-Control"] == "private, no-store"

    refused = client.post(form_url, {"name": "Maria Hansen", "email": "maria@"})
    assert 'value="Maria Hansen"' in refused.content.decode()
    assert refused["Cache-Control"] == "private, no-store"


def test_the_public_form_does_not_exist_for_participants_only_events(client, make_event):
    event = make_event(signup_mode=SignUpMode.PARTICIPANTS)
    date = event.occurrences.get()
    assert client.get(url_in("en", event) + f"sign-up/{date.pk}/").status_code == 404


def test_a_recurring_event_lists_each_date_with_its_own_places(client, make_event, newcomer):
    event = make_event(capacity=1, start=days_from_now(7), recurrence="FREQ=WEEKLY;COUNT=3")
    first = event.occurrences.order_by("start").first()
    services.sign_up(first, newcomer)
    page = text(client.get(url_in("en", event)))
    assert "3 dates, see below" in page
    assert page.count("1 place left") == 2
    assert page.count("Full: waiting list") == 1


def test_a_cancelled_date_says_so(client, make_event):
    event = make_event()
    services.cancel_occurrence(event.occurrences.get())
    page = text(client.get(url_in("en", event)))
    assert "Cancelled" in page
    assert "Sign up –" not in page


def test_a_past_event_says_it_has_taken_place(client, make_event):
    event = make_event(start=local(2020, 5, 1, 10))
    page = text(client.get(url_in("en", event)))
    assert "(this event has taken place)" in page


def test_sign_up_after_the_deadline_shows_that_it_has_closed(client, make_event, newcomer):
    start = days_from_now(1) + datetime.timedelta(hours=1)
    event = make_event(start=start, signup_closes_days_before=3)
    client.force_login(newcomer)
    page = text(client.get(url_in("en", event)))
    assert "Sign-up for this date has closed." in page
