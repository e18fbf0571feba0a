"""The sitemap and the calendar feeds: kept until the next change, 304 for what the client
already has."""

import pytest
from django.urls import reverse

from events.models import CalendarFeed
from events.services import sign_up
from home.models import ContentPage
from tests.home.conftest import publish

pytestmark = pytest.mark.django_db


def test_the_sitemap_is_kept_and_answers_304(client, content_page, django_assert_num_queries):
    first = client.get("/sitemap.xml")
    assert first.status_code == 200
    assert "/become-a-host/" in first.content.decode()
    assert first["ETag"]
    with django_assert_num_queries(0):
        second = client.get("/sitemap.xml")
    assert second.content == first.content
    assert client.get("/sitemap.xml", headers={"if-none-match": first["ETag"]}).status_code == 304


def test_the_sitemap_lists_a_newly_published_page_at_once(client, home_page, content_page):
    etag = client.get("/sitemap.xml")["ETag"]
    publish(home_page, ContentPage(title_en="Results", slug_en="results", slug_da="resultater"))
    response = client.get("/sitemap.xml", headers={"if-none-match": etag})
    assert response.status_code == 200
    assert "/results/" in response.content.decode()
    assert "/da/resultater/" in response.content.decode()


def test_the_public_feed_is_kept_and_answers_304(client, make_event, django_assert_num_queries):
    make_event(title_en="Picnic by the lakes")
    url = reverse("events:feed")
    first = client.get(url)
    assert "Picnic by the lakes" in first.content.decode()
    with django_assert_num_queries(0):
        second = client.get(url)
    assert second.content == first.content
    assert second["Content-Type"] == first["Content-Type"]
    assert client.get(url, headers={"if-none-match": first["ETag"]}).status_code == 304


def test_the_public_feed_shows_a_new_event_at_once(client, make_event):
    make_event(title_en="Picnic by the lakes")
    etag = client.get(reverse("events:feed"))["ETag"]
    make_event(title_en="Language café at the library")
    response = client.get(reverse("events:feed"), headers={"if-none-match": etag})
    assert response.status_code == 200
    assert "Language café at the library" in response.content.decode()


def test_an_events_file_is_kept_and_answers_304(client, make_event, django_assert_num_queries):
    event = make_event()
    url = reverse("events:event_ics", args=[event.pk])
    first = client.get(url)
    assert first["Content-Disposition"] == f'attachment; filename="{event.slug}.ics"'
    with django_assert_num_queries(0):
        client.get(url)
    assert client.get(url, headers={"if-none-match": first["ETag"]}).status_code == 304


def test_a_personal_feed_is_kept_per_address_and_follows_sign_ups(
    client, make_event, newcomer, django_assert_max_num_queries
):
    first_event = make_event(title_en="Picnic by the lakes")
    second_event = make_event(title_en="Language café at the library")
    sign_up(first_event.occurrences.get(), newcomer, notify=False)
    feed = CalendarFeed.objects.create(user=newcomer)
    url = reverse("events:personal_feed", args=[feed.token])
    first = client.get(url)
    assert "Picnic by the lakes" in first.content.decode()
    assert first["Cache-Control"] == "private, no-store"
    with django_assert_max_num_queries(1):  # finding the address: it may have been revoked
        assert client.get(url).content == first.content
    assert client.get(url, headers={"if-none-match": first["ETag"]}).status_code == 304

    sign_up(second_event.occurrences.get(), newcomer, notify=False)
    assert "Language café at the library" in client.get(url).content.decode()

    feed.delete()
    assert client.get(url).status_code == 404


def test_with_the_page_cache_off_the_sitemap_is_built_each_time(client, content_page, settings):
    """PAGE_CACHE_ENABLED=false (the benchmark's "uncached" run, or an operator turning the
    cache off) builds the sitemap for every request, still with a 304 for an unchanged one."""
    settings.PAGE_CACHE_ENABLED = False
    first = client.get("/sitemap.xml")
    ContentPage.objects.filter(pk=content_page.pk).update(
        last_published_at="2031-01-01T00:00Z"
    )  # no signal
    second = client.get("/sitemap.xml")
    assert "2031-01-01" in second.content.decode()
    assert second["ETag"] != first["ETag"]
    assert client.get("/sitemap.xml", headers={"if-none-match": second["ETag"]}).status_code == 304


def test_the_sitemap_is_kept_once_whatever_the_query_string(client, content_page):
    """Junk query strings must not each build and keep a sitemap of their own."""
    from django.core.cache import caches

    client.get("/sitemap.xml", headers={"cookie": "sessionid=x"})  # past the page cache
    kept = len(caches["pages"]._cache)
    for junk in ("?x=1", "?x=2", "?p=1", "?p=01", "?utm_source=a"):
        response = client.get("/sitemap.xml" + junk, headers={"cookie": "sessionid=x"})
        assert response.status_code == 200
    assert len(caches["pages"]._cache) == kept
    assert client.get("/sitemap.xml?p=" + "9" * 5000).status_code == 404
