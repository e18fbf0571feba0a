"""What a page rendered without the page cache (a signed-in visitor, or the cache switched off)
keeps from the frame until the next change: the site, its root page, whether a page is
private, the home page's sections. Each is gone the moment what it depends on changes."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction, Site

from home.models import ContentPage
from pagecache import generation
from tests.factories import UserFactory
from tests.home.conftest import publish

from .helpers import text, url_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def uncached(settings):
    settings.PAGE_CACHE_ENABLED = False


def queries(client, url):
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200
    return context.captured_queries


def test_the_home_page_renders_without_a_query_once_kept(client, home_page, guide, uncached):
    client.get("/")
    assert queries(client, "/") == []
    assert queries(client, "/da/") != []  # Danish is kept on its own
    assert queries(client, "/da/") == []


def test_the_home_page_shows_a_changed_step_at_once(client, home_page, guide, uncached):
    assert "Find the right people" not in text(client.get("/"))
    step = guide.get_children().first().specific
    step.title_en = "Find the right people"
    step.save_revision().publish()
    assert "Find the right people" in text(client.get("/"))


def test_a_signed_in_visitor_gets_the_kept_home_page_sections(client, home_page, guide):
    client.force_login(UserFactory())
    client.get("/")
    sql = " ".join(query["sql"] for query in queries(client, "/"))
    assert "home_guidesteppage" not in sql
    assert "events_eventoccurrence" not in sql


def test_a_page_made_private_is_private_at_once(client, content_page, uncached):
    url = url_in("en", content_page)
    assert client.get(url).status_code == 200  # kept: not private
    PageViewRestriction.objects.create(page=content_page, restriction_type="login")
    response = client.get(url)
    assert response.status_code == 302
    assert "login" in response["Location"]


def test_a_page_moved_under_a_private_one_is_private_at_once(client, home_page, uncached):
    private = publish(home_page, ContentPage(title_en="Staff", slug_en="staff"))
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    page = publish(home_page, ContentPage(title_en="Rota", slug_en="rota"))
    assert client.get("/rota/").status_code == 200
    page.move(private, pos="last-child")
    assert client.get("/staff/rota/").status_code == 302


def test_a_new_site_root_is_used_at_once(client, home_page, content_page, uncached):
    assert client.get("/").status_code == 200
    site = Site.objects.get(is_default_site=True)
    site.root_page = content_page
    site.save()
    assert "Give two hours a month." in text(client.get("/"))


def test_a_host_not_allowed_is_refused_before_anything_is_kept(client, home_page, settings):
    settings.ALLOWED_HOSTS = ["localhost", "testserver"]
    assert client.get("/", headers={"host": "evil.example"}).status_code == 400
    assert not any(key.startswith("site:evil") for key in generation._local["values"])


def test_outside_a_request_the_generation_is_read_every_time(home_page):
    """A worker or a command never holds on to a generation another process has changed."""
    first = generation.current()
    generation.page_cache().set(generation.GENERATION_KEY, "changed-elsewhere", None)
    assert generation.current() == "changed-elsewhere" != first


def test_frame_entries_on_the_shared_cache_expire(home_page, client, settings):
    """Each change leaves the old generation's entries behind: they must not stay for ever."""
    settings.PAGE_CACHE_ENABLED = False
    client.get("/")
    cache = generation.page_cache()
    keys = [key for key in cache._cache if ":frame:" in key]  # locmem's own keys
    assert keys
    assert all(cache._expire_info[key] is not None for key in keys)


def test_the_home_page_sections_are_kept_no_longer_than_a_page(home_page, client, settings):
    """The next events and the figures change with the clock, not only with content."""
    import time

    settings.PAGE_CACHE_ENABLED = False
    client.get("/")
    cache = generation.page_cache()
    (key,) = [key for key in cache._cache if "home_content" in key]  # locmem's own keys
    assert cache._expire_info[key] <= time.time() + settings.PAGE_CACHE_SECONDS
