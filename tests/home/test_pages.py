"""The public page types: where they may be created, and how they render in both languages."""

import pytest
from wagtail.models import Page

from home.models import (
    ActivityIdeaPage,
    ActivityIndexPage,
    ContentPage,
    GuidePage,
    GuideStepPage,
    HomePage,
)

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("page_type", "allowed_parents"),
    [
        (HomePage, {Page}),
        (ContentPage, {HomePage, ContentPage}),
        (GuidePage, {HomePage}),
        (GuideStepPage, {GuidePage}),
        (ActivityIndexPage, {HomePage}),
        (ActivityIdeaPage, {ActivityIndexPage}),
    ],
)
def test_each_page_type_has_exactly_its_allowed_parents(page_type, allowed_parents):
    every_type = [Page, HomePage, ContentPage, GuidePage, GuideStepPage]
    every_type += [ActivityIndexPage, ActivityIdeaPage]
    creatable_under = {parent for parent in every_type if page_type.can_create_at(parent())}
    assert creatable_under == allowed_parents


def test_only_one_home_page_can_exist(home_page):
    assert HomePage.can_create_at(Page.get_first_root_node()) is False


def test_home_page_renders_in_english_at_root_and_danish_under_da(client, home_page):
    english = client.get("/")
    danish = client.get("/da/")
    assert english.status_code == 200
    assert danish.status_code == 200
    assert "<h1>Host Programme</h1>" in english.text
    assert '<html lang="en">' in english.text
    assert "<h1>Værtsprogram</h1>" in danish.text
    assert '<html lang="da">' in danish.text


def test_content_page_uses_its_slug_in_each_language(client, content_page):
    english = client.get("/become-a-host/")
    danish = client.get("/da/bliv-vaert/")
    assert "Hosts meet a newcomer once or twice a month." in english.text
    assert "Værter mødes med en nytilkommen en til to gange om måneden." in danish.text
    assert client.get("/da/become-a-host/").status_code == 404


def test_empty_danish_fields_fall_back_to_english(client, home_page):
    page = ContentPage(
        title_en="Results", slug_en="results", intro_en="What the evaluation showed."
    )
    home_page.add_child(instance=page)
    page.save_revision().publish()

    response = client.get("/da/results/")

    assert response.status_code == 200
    assert "<h1>Results</h1>" in response.text
    assert "What the evaluation showed." in response.text


def test_guide_lists_its_steps_in_order_as_contents(client, guide):
    response = client.get("/five-steps/")
    text = response.text
    assert text.index("Start-up") < text.index("Recruiting") < text.index("Communication")
    assert 'href="/five-steps/step-1/"' in text


def test_guide_step_links_to_previous_and_next_step(client, guide):
    first = client.get("/five-steps/step-1/").text
    middle = client.get("/da/fem-trin/trin-2/").text
    last = client.get("/five-steps/step-3/").text

    assert 'rel="prev"' not in first
    assert 'href="/five-steps/step-2/" rel="next"' in first
    assert "Step 1 of 3" in first
    assert 'href="/da/fem-trin/trin-1/" rel="prev"' in middle
    assert 'href="/da/fem-trin/trin-3/" rel="next"' in middle
    assert "Trin 2 af 3" in middle
    assert 'rel="next"' not in last


def test_activity_ideas_show_who_it_suits_time_and_cost(client, activity_index):
    english = client.get("/activities/").text
    danish = client.get("/da/aktiviteter/samtalehjulet/").text
    assert "Every pair, first meeting" in english
    assert "About an hour" in english
    assert "Free" in english
    assert "Alle par, første møde" in danish
    assert "Cirka en time" in danish
    assert "Gratis" in danish


def test_menu_shows_pages_marked_for_menus_in_the_visitors_language(client, content_page):
    assert 'href="/become-a-host/"' in client.get("/").text
    assert 'href="/da/bliv-vaert/">Bliv vært</a>' in client.get("/da/").text


def test_unknown_page_is_a_translated_404(client, home_page):
    response = client.get("/da/findes-ikke/")
    assert response.status_code == 404
    assert "Siden blev ikke fundet" in response.text


def test_404_leads_to_the_front_page_in_the_visitors_language(client, home_page):
    assert '<a href="/da/">Gå til forsiden</a>' in client.get("/da/findes-ikke/").text
    assert '<a href="/">Go to the front page</a>' in client.get("/missing/").text
