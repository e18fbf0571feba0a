"""Danish addresses in Danish words, each language reversing to its own, and the English words
still working under /da/ for links already mailed out."""

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from events.models import SignUpMode

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("name", "args", "english", "danish"),
    [
        ("search", [], "/search/", "/da/soeg/"),
        ("events:mine", [], "/events/mine/", "/da/arrangementer/mine/"),
        (
            "events:sign_up",
            [7],
            "/events/dates/7/sign-up/",
            "/da/arrangementer/datoer/7/tilmelding/",
        ),
        ("events:public_confirm", ["t"], "/events/confirm/t/", "/da/arrangementer/bekraeft/t/"),
        ("events:public_cancel", ["t"], "/events/cancel/t/", "/da/arrangementer/afbud/t/"),
        ("intake:confirm", ["t"], "/applications/confirm/t/", "/da/ansoegninger/bekraeft/t/"),
        ("evaluation:answer", ["t"], "/survey/t/", "/da/spoergeskema/t/"),
        ("privacy:notice", [], "/privacy/", "/da/privatliv/"),
    ],
)
def test_each_language_reverses_to_its_own_words(name, args, english, danish):
    with translation.override("en"):
        assert reverse(name, args=args) == english
    with translation.override("da"):
        assert reverse(name, args=args) == danish


def test_calendar_routes_in_danish(client, calendar_page):
    today = timezone.localdate()
    with translation.override("da"):
        assert calendar_page.reverse_subpage("archive") == "arkiv/"
        month = calendar_page.reverse_subpage("month", args=[today.year, today.month])
    assert month == f"maaned/{today.year}/{today.month}/"
    assert client.get(f"/da/kalender/{month}").status_code == 200
    assert client.get("/da/kalender/arkiv/").status_code == 200
    # The English words keep working under /da/ (links already shared).
    assert client.get(f"/da/kalender/month/{today.year}/{today.month}/").status_code == 200
    assert client.get("/da/kalender/archive/").status_code == 200
    # The Danish calendar links its own views in Danish.
    html = client.get("/da/kalender/").text
    assert 'href="/da/kalender/arkiv/"' in html
    assert f'href="/da/kalender/{month}"' in html


def test_language_switcher_links_the_translated_route(client, calendar_page):
    today = timezone.localdate()
    english = f"/events-calendar/month/{today.year}/{today.month}/"
    danish = f"/da/kalender/maaned/{today.year}/{today.month}/"
    assert (
        f'href="{danish}?audience=hosts" hreflang="da"'
        in client.get(english, {"audience": "hosts"}).text
    )
    assert f'href="{english}" hreflang="en"' in client.get(danish).text
    assert 'href="/da/soeg/?q=host" hreflang="da"' in client.get("/search/?q=host").text


def test_public_sign_up_in_danish_words(client, make_event):
    event = make_event(signup_mode=SignUpMode.PUBLIC)
    date = event.occurrences.get()
    with translation.override("da"):
        route = event.reverse_subpage("public_signup", args=[date.pk])
    assert route == f"tilmelding/{date.pk}/"
    danish = f"/da/kalender/{event.slug_da}/{route}"
    assert client.get(danish).status_code == 200
    assert client.get(f"/da/kalender/{event.slug_da}/sign-up/{date.pk}/").status_code == 200
    assert client.get(f"/events-calendar/{event.slug_en}/sign-up/{date.pk}/").status_code == 200


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("/da/events/confirm/abc/", "/da/arrangementer/bekraeft/abc/"),
        ("/da/events/cancel/abc/", "/da/arrangementer/afbud/abc/"),
        ("/da/events/mine/", "/da/arrangementer/mine/"),
        ("/da/search/?q=vært", "/da/soeg/?q=v%C3%A6rt"),
        ("/da/applications/confirm/abc/", "/da/ansoegninger/bekraeft/abc/"),
        ("/da/survey/abc/", "/da/spoergeskema/abc/"),
    ],
)
def test_old_english_addresses_under_danish_redirect_permanently(client, home_page, old, new):
    response = client.get(old)
    assert response.status_code == 301
    assert response["Location"] == new


def test_a_confirmation_link_mailed_with_english_words_still_confirms(client, make_event):
    from events import services

    date = make_event(signup_mode=SignUpMode.PUBLIC).occurrences.get()
    signup = services.sign_up_public(date, "Maria", "maria@example.com", "da")
    response = client.get(f"/da/events/confirm/{signup.token}/", follow=True)
    assert response.redirect_chain == [(f"/da/arrangementer/bekraeft/{signup.token}/", 301)]
    assert response.status_code == 200
    assert "<h1>Bekræft din tilmelding</h1>" in response.text


def test_an_unknown_danish_address_is_still_not_found(client, home_page):
    assert client.get("/da/events/no-such-thing/").status_code == 404
    assert client.get("/da/ingen-side/").status_code == 404
