"""Opening an event page (and a guide step, an activity idea) finds the page by its slug in
the database: the same work with two events under the calendar as with thirty, in English and
in Danish, where before every event under the calendar was loaded and compared in Python."""

import pytest
from django.db import connection
from django.db.models.signals import post_init
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from wagtail.models import Page

from home.models import GuideStepPage
from tests.home.conftest import publish

pytestmark = pytest.mark.django_db


def cost(client, url):
    """Queries made and pages loaded from the database to answer ``url``."""
    client.get(url)  # warm the per-process caches (site root paths, content types)
    loaded = []

    def count(sender, instance, **kwargs):
        if isinstance(instance, Page):
            loaded.append(instance)

    post_init.connect(count)
    try:
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
    finally:
        post_init.disconnect(count)
    assert response.status_code == 200, url
    return len(queries.captured_queries), len(loaded)


def add_events(make_event, count):
    return [make_event() for _ in range(count)]


@pytest.mark.parametrize("language", ["en", "da"])
def test_an_event_page_costs_the_same_with_few_and_many_events(
    client, calendar_page, make_event, language
):
    event = make_event(title_en="Welcome meeting", title_da="Velkomstmøde")
    add_events(make_event, 1)
    prefix = "/da/kalender/" if language == "da" else "/events-calendar/"
    slug = event.slug_da if language == "da" else event.slug_en
    url = f"{prefix}{slug}/"
    few = cost(client, url)

    add_events(make_event, 30)
    many = cost(client, url)
    assert many == few
    assert ("Velkomstmøde" if language == "da" else "Welcome meeting") in client.get(url).text


def test_both_languages_slugs_keep_working(client, calendar_page, make_event):
    event = make_event(slug_en="summer-party", slug_da="sommerfest")
    english_only = make_event(slug_en="board-games", slug_da="")
    make_event(slug_en="other", slug_da="andet")

    assert "Picnic in the park" in client.get("/events-calendar/summer-party/").text
    assert "Picnic i parken" in client.get("/da/kalender/sommerfest/").text
    # Without a Danish slug, the Danish page answers at the English one.
    english_only.refresh_from_db()
    assert client.get(f"/da/kalender/{english_only.slug_en}/").status_code == 200
    # Sub-pages of the event (its public sign-up) route through it as before.
    assert client.get("/events-calendar/summer-party/").status_code == 200
    # The other language's slug is not this language's address, and no slug is no page.
    assert client.get("/da/kalender/summer-party/").status_code == 404
    assert client.get("/events-calendar/no-such-event/").status_code == 404
    assert client.get("/da/kalender/no-such-event/").status_code == 404
    assert event.live


def routing_cost(page, components, language):
    """Queries made and pages loaded to find the page at ``components`` under ``page``."""
    loaded = []

    def count(sender, instance, **kwargs):
        if isinstance(instance, Page):
            loaded.append(instance)

    post_init.connect(count)
    try:
        with translation.override(language), CaptureQueriesContext(connection) as queries:
            found = page.route(RequestFactory().get("/"), components).page
    finally:
        post_init.disconnect(count)
    return found, len(queries.captured_queries), len(loaded)


@pytest.mark.parametrize(("language", "slug"), [("en", "step-2"), ("da", "trin-2")])
def test_a_guide_step_is_found_the_same_way_with_few_and_many_steps(guide, language, slug):
    found, *few = routing_cost(guide, [slug], language)
    for number in range(4, 25):
        publish(
            guide,
            GuideStepPage(
                title_en=f"Step {number}",
                title_da=f"Trin {number}",
                slug_en=f"step-{number}",
                slug_da=f"trin-{number}",
            ),
        )
    again, *many = routing_cost(guide, [slug], language)
    assert many == few
    assert found == again
    assert found.title_en == "Recruiting"


def test_an_activity_idea_is_found_in_both_languages(client, activity_index):
    assert client.get("/activities/conversation-wheel/").status_code == 200
    assert client.get("/da/aktiviteter/samtalehjulet/").status_code == 200
    assert client.get("/da/aktiviteter/nothing-here/").status_code == 404
