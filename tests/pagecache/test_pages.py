"""The anonymous full-page cache: served without a query, purged on change, never mixed up
with what a logged-in visitor, a visitor with a message or a form's visitor sees."""

import pytest
from django.contrib.messages import constants
from django.contrib.messages.storage.base import Message
from django.contrib.messages.storage.cookie import CookieStorage
from django.http import HttpRequest
from django.test import Client

from events.models import SignUpMode
from events.services import sign_up
from home.models import ContentPage, FooterSettings, GuidePage
from tests.factories import UserFactory
from tests.home.conftest import publish

from .helpers import text, url_in

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("language", ["en", "da"])
def test_the_second_anonymous_visit_is_served_without_a_query(
    client, content_page, django_assert_num_queries, language
):
    url = url_in(language, content_page)
    first = client.get(url)
    with django_assert_num_queries(0):
        second = client.get(url)
    assert second.status_code == 200
    assert second.content == first.content
    assert second["X-Page-Cache"] == "hit"
    assert "public" in second["Cache-Control"]
    assert "s-maxage=" in second["Cache-Control"]


def test_each_language_has_its_own_copy(client, content_page):
    client.get(url_in("en", content_page))
    danish = client.get(url_in("da", content_page))
    assert danish["X-Page-Cache"] == "miss"
    assert "Giv to timer om måneden." in text(client.get(url_in("da", content_page)))
    assert "Give two hours a month." in text(client.get(url_in("en", content_page)))


def test_a_conditional_get_with_the_etag_is_answered_304(client, content_page):
    url = url_in("en", content_page)
    etag = client.get(url)["ETag"]
    assert etag
    not_modified = client.get(url, headers={"if-none-match": etag})
    assert not_modified.status_code == 304
    assert not_modified.content == b""
    assert client.get(url, headers={"if-none-match": '"other"'}).status_code == 200


def test_publishing_a_change_purges_the_page(client, content_page):
    url = url_in("en", content_page)
    assert "Give two hours a month." in text(client.get(url))
    content_page.intro_en = "Give one evening a month."
    content_page.save_revision().publish()
    response = client.get(url)
    assert "Give one evening a month." in text(response)
    assert "Give two hours a month." not in text(response)


def test_publishing_a_change_purges_the_danish_copy_too(client, content_page):
    url = url_in("da", content_page)
    client.get(url)
    content_page.intro_da = "Giv en aften om måneden."
    content_page.save_revision().publish()
    assert "Giv en aften om måneden." in text(client.get(url))


def test_an_unpublished_page_is_gone_at_once(client, content_page):
    url = url_in("en", content_page)
    assert client.get(url).status_code == 200
    content_page.unpublish()
    assert client.get(url).status_code == 404


def test_a_moved_page_leaves_its_old_address_and_its_old_listing(client, home_page, guide):
    step = guide.get_children().first().specific
    old_url = url_in("en", step)
    assert client.get(old_url).status_code == 200
    assert "Start-up" in text(client.get(url_in("en", guide)))
    # A guide step may only live under a guide: move it under a second guide.
    second_guide = publish(home_page, GuidePage(title_en="Another guide", slug_en="another-guide"))
    step.move(second_guide, pos="last-child")
    moved = client.get(old_url)  # Wagtail's automatic redirect, not the cached page
    assert moved.status_code == 301
    assert moved["Location"] == "/another-guide/step-1/"
    assert "Start-up" not in text(client.get(url_in("en", guide)))
    assert "Start-up" in text(client.get(url_in("en", second_guide)))


def test_a_child_page_change_shows_on_the_listing_that_names_it(client, guide):
    guide_url = url_in("en", guide)
    assert "Start-up" in text(client.get(guide_url))
    step = guide.get_children().first().specific
    step.title_en = "Getting started"
    step.save_revision().publish()
    assert "Getting started" in text(client.get(guide_url))


def test_a_logged_in_visitor_never_gets_the_anonymous_copy(client, content_page):
    url = url_in("en", content_page)
    client.get(url)
    client.get(url)  # now cached
    client.force_login(UserFactory())
    response = client.get(url)
    assert "X-Page-Cache" not in response
    assert "Log out" in text(response)
    assert response["Cache-Control"] == "private, no-store"


def test_the_anonymous_copy_never_comes_from_a_logged_in_visit(content_page):
    url = url_in("en", content_page)
    member = Client()
    member.force_login(UserFactory())
    assert "Log out" in text(member.get(url))
    anonymous = Client()
    response = anonymous.get(url)
    assert "Log out" not in text(response)
    assert "Log in" in text(response)


def message_cookie(message):
    storage = CookieStorage(HttpRequest())
    return storage._encode([Message(constants.SUCCESS, message)])


def test_a_visitor_with_a_message_waiting_sees_it_not_the_cached_page(client, content_page):
    url = url_in("en", content_page)
    client.get(url)
    client.get(url)  # cached
    client.cookies["messages"] = message_cookie("Your sign-up is confirmed.")
    response = client.get(url)
    assert "Your sign-up is confirmed." in text(response)
    client.cookies.pop("messages", None)
    assert "Your sign-up is confirmed." not in text(Client().get(url))


def test_a_sign_up_changes_the_places_left_shown_at_once(client, make_event, newcomer):
    event = make_event(capacity=3)
    url = url_in("en", event)
    assert "3 places left" in text(client.get(url))
    assert client.get(url)["X-Page-Cache"] == "hit"
    sign_up(event.occurrences.get(), newcomer, notify=False)
    assert "2 places left" in text(client.get(url))


def test_the_calendar_shows_the_new_places_left_after_a_sign_up(
    client, calendar_page, make_event, newcomer
):
    event = make_event(capacity=3)
    url = url_in("en", calendar_page)
    assert "3 places left" in text(client.get(url))
    sign_up(event.occurrences.get(), newcomer, notify=False)
    assert "2 places left" in text(client.get(url))


def test_a_page_with_the_public_sign_up_form_is_not_kept_and_its_form_works(make_event):
    """The form carries the visitor's own CSRF token: that page is rendered each time."""
    event = make_event(signup_mode=SignUpMode.PUBLIC, capacity=5)
    visitor = Client(enforce_csrf_checks=True)
    url = url_in("en", event)
    visitor.get(url)
    page = visitor.get(url)
    assert "X-Page-Cache" not in page
    html = page.content.decode()
    token = html.split('name="csrfmiddlewaretoken" value="')[1].split('"')[0]
    action = url + f"sign-up/{event.occurrences.get().pk}/"
    sent = visitor.post(
        action,
        {"csrfmiddlewaretoken": token, "name": "Maria Hansen", "email": "maria@example.com"},
    )
    assert sent.status_code == 200
    assert "We have sent a link to maria@example.com." in text(sent)


def test_a_cached_event_page_leads_to_a_sign_up_form_that_works(make_event):
    """An event with several dates links to each date's form: the event page is cached, the
    form's page is not, and posting it works for a visitor who came from the cached copy."""
    event = make_event(signup_mode=SignUpMode.PUBLIC, recurrence="FREQ=WEEKLY;COUNT=2")
    url = url_in("en", event)
    Client().get(url)  # someone else's visit fills the cache
    visitor = Client(enforce_csrf_checks=True)
    page = visitor.get(url)
    assert page["X-Page-Cache"] == "hit"
    first = event.occurrences.order_by("start").first()
    form_url = url + f"sign-up/{first.pk}/"
    assert f'href="{form_url}"' in page.content.decode()
    form = visitor.get(form_url)
    assert "X-Page-Cache" not in form
    token = form.content.decode().split('name="csrfmiddlewaretoken" value="')[1].split('"')[0]
    sent = visitor.post(
        form_url,
        {"csrfmiddlewaretoken": token, "name": "Maria Hansen", "email": "maria@example.com"},
    )
    assert "We have sent a link to maria@example.com." in text(sent)


def test_a_post_is_never_answered_from_the_cache(client, content_page):
    url = url_in("en", content_page)
    client.get(url)
    client.get(url)
    assert "X-Page-Cache" not in client.post(url)


def test_the_footer_follows_its_settings_at_once(client, home_page, content_page):
    url = url_in("en", content_page)
    client.get(url)
    footer = FooterSettings.for_site(home_page.get_site())
    footer.about_en = "A programme of the municipality."
    footer.save()
    assert "A programme of the municipality." in text(client.get(url))
    # ...also for a logged-in visitor, whose page is rendered each time but whose frame is kept.
    client.force_login(UserFactory())
    footer.about_en = "Run by volunteers."
    footer.save()
    assert "Run by volunteers." in text(client.get(url))


def test_a_new_menu_page_shows_in_every_pages_header(client, home_page, content_page):
    url = url_in("en", content_page)
    assert "Results" not in text(client.get(url))
    publish(home_page, ContentPage(title_en="Results", slug_en="results", show_in_menus=True))
    assert "Results" in text(client.get(url))


def test_a_preview_is_never_kept(admin_client, client, content_page):
    url = url_in("en", content_page)
    client.get(url)
    content_page.intro_en = "A draft nobody should see."
    content_page.save_revision()  # a draft, not published
    assert "A draft nobody should see." not in text(client.get(url))


def test_a_browser_that_accepts_gzip_gets_the_kept_page_compressed(client, content_page):
    """Compressed once when kept, not for each visitor; its own ETag, and Vary says why."""
    import gzip

    url = url_in("en", content_page)
    plain = client.get(url)
    compressed = client.get(url, headers={"accept-encoding": "gzip, deflate, br"})
    assert compressed["X-Page-Cache"] == "hit"
    assert compressed["Content-Encoding"] == "gzip"
    assert gzip.decompress(compressed.content) == plain.content
    assert len(compressed.content) < len(plain.content) / 2
    assert int(compressed["Content-Length"]) == len(compressed.content)
    assert "Accept-Encoding" in compressed["Vary"] and "Accept-Encoding" in plain["Vary"]
    assert "Content-Encoding" not in plain
    assert compressed["ETag"] != plain["ETag"]
    again = client.get(
        url, headers={"accept-encoding": "gzip", "if-none-match": compressed["ETag"]}
    )
    assert again.status_code == 304
