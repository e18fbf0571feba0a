"""The page frame and a body's links cost the same few queries whatever a page holds, and a
proxy in front is told which URLs to purge."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.contrib.frontend_cache.backends import BaseBackend

from home.models import ContentPage
from tests.factories import UserFactory
from tests.home.conftest import publish

from .helpers import url_in

pytestmark = pytest.mark.django_db


def page_with_links(home_page, count, name):
    targets = [
        publish(home_page, ContentPage(title_en=f"Target {name} {n}", slug_en=f"t-{name}-{n}"))
        for n in range(count)
    ]
    body = [
        ("call_to_action", {"text": "Read on", "page": t, "button_text": "Go"}) for t in targets
    ]
    features = [
        {"title": "Card", "text": "<p>More</p>", "page": t, "link_text": ""} for t in targets
    ]
    body.append(("cards", {"title": "Related", "features": features}))
    return publish(home_page, ContentPage(title_en=f"Links {name}", slug_en=name, body_en=body))


def queries_to_render(client, url):
    client.get(url)  # warm the frame and Wagtail's site root paths
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200
    return len(context)


def test_links_in_a_body_are_fetched_together(client, home_page, settings):
    settings.PAGE_CACHE_ENABLED = False  # measure the rendering itself
    one = page_with_links(home_page, 1, "one-link")
    twelve = page_with_links(home_page, 12, "twelve-links")
    assert queries_to_render(client, url_in("en", twelve)) == queries_to_render(
        client, url_in("en", one)
    )
    html = client.get(url_in("en", twelve)).content.decode()
    assert html.count('href="/t-twelve-links-11/"') == 2


def test_the_frame_costs_no_query_once_kept(client, content_page, settings):
    """A logged-in visitor's page is rendered each time; its menu, home link and footer come
    from the kept frame: the settings and the menu are not read again."""
    client.force_login(UserFactory())
    url = url_in("en", content_page)
    client.get(url)
    with CaptureQueriesContext(connection) as context:
        client.get(url)
    tables = " ".join(query["sql"] for query in context.captured_queries)
    assert "home_footersettings" not in tables
    assert "home_contactsettings" not in tables
    assert '"wagtailcore_page"."show_in_menus" = ' not in tables.replace("\n", " ")


purged = []


class RecordingBackend(BaseBackend):
    def __init__(self, params):
        super().__init__(params)

    def purge(self, url):
        purged.append(url)


def test_a_proxy_is_told_to_purge_the_page_in_both_languages(content_page, settings, on_commit):
    settings.WAGTAILFRONTENDCACHE = {
        "test": {"BACKEND": "tests.pagecache.test_frame_and_links.RecordingBackend"}
    }
    purged.clear()
    with on_commit():
        content_page.intro_en = "Give one evening a month."
        content_page.save_revision().publish()
    assert "http://localhost/become-a-host/" in purged
    assert "http://localhost/da/bliv-vaert/" in purged
    assert "http://localhost/" in purged  # the home page lists it
