"""A programme's public page: its own description, tracks, who it is for, contact person and
upcoming events (its own and shared ones), in English and Danish; one page per programme."""

import re
import xml.etree.ElementTree as ET

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page

from home.models import ContentPage, HomePage, ProgrammePage
from tests.events.conftest import days_from_now

pytestmark = pytest.mark.django_db


def event_titles(response):
    return re.findall(r'class="event-item__title"><a href="[^"]+">([^<]+)</a>', response.text)


def test_the_page_shows_the_programme_in_english(client, programme_page):
    response = client.get("/career-mentors/")
    assert response.status_code == 200
    text = response.text
    assert "<h1>Career mentors</h1>" in text
    assert '<p class="lead">A mentor for your working life in Denmark.</p>' in text
    assert "<p>Accompanying partners meet a mentor from their field.</p>" in text
    assert '<ul class="programme-tracks">\n      <li>Career mentor</li>\n    </ul>' in text
    assert "Newcomers who have lived in Denmark for at most 2 years." in text
    assert "People who live in Copenhagen Municipality." in text
    assert "<strong>Mette Mentor</strong>" in text
    assert '<a href="mailto:mentors@example.com">mentors@example.com</a>' in text
    assert '<a href="tel:+4533663366">+45 33 66 33 66</a>' in text
    assert 'href="mailto:mentors@example.com?subject=Career%20Mentor%20Programme"' in text
    assert "Write to or call Mette Mentor, who will tell you how to join" in text


def test_the_page_shows_the_programme_in_danish(client, programme_page):
    response = client.get("/da/karrierementorer/")
    assert response.status_code == 200
    text = response.text
    assert '<html lang="da">' in text
    assert "<h1>Karrierementorer</h1>" in text
    assert "<p>Medfølgende partnere møder en mentor fra deres fag.</p>" in text
    assert "<li>Karrierementor</li>" in text
    assert "Nytilkomne, der har boet i Danmark i højst 2 år." in text
    assert "Bliv en del af programmet" in text
    assert "Accompanying partners" not in text


def test_its_events_are_its_own_and_the_shared_ones_never_another_programmes(
    client, programme_page, mentors, hosts, calendar_page, make_event
):
    make_event(title_en="Mentor breakfast", programme=mentors, start=days_from_now(3))
    make_event(title_en="Host course", programme=hosts, start=days_from_now(4))
    make_event(title_en="Summer party", start=days_from_now(5))  # shared by all
    make_event(title_en="Last year's party", start=days_from_now(-300))  # over

    response = client.get("/career-mentors/")

    assert event_titles(response) == ["Mentor breakfast", "Summer party"]
    assert 'Summer party</a></h3>\n        <p class="event-item__meta">' in response.text
    assert "For all programmes" in response.text
    assert '<a href="/events-calendar/?programme=mentors">' in response.text
    calendar = client.get("/events-calendar/?programme=mentors")
    assert event_titles(calendar) == ["Mentor breakfast", "Summer party"]


def test_without_events_the_page_says_so(client, programme_page, calendar_page):
    response = client.get("/career-mentors/")
    assert event_titles(response) == []
    assert "No events are planned just now. Look again soon." in response.text


def test_the_query_count_stays_the_same_as_events_grow(
    client, programme_page, mentors, calendar_page, make_event, settings
):
    settings.PAGE_CACHE_ENABLED = False  # measure the page's rendering, not the page cache
    make_event(programme=mentors)
    client.get("/career-mentors/")  # warm the site's root-path cache
    with CaptureQueriesContext(connection) as few:
        assert len(event_titles(client.get("/career-mentors/"))) == 1
    for day in range(2, 12):
        make_event(programme=mentors if day % 2 else None, start=days_from_now(day))
    client.get("/career-mentors/")  # warm the page frame again: publishing events renewed it
    with CaptureQueriesContext(connection) as many:
        assert len(event_titles(client.get("/career-mentors/"))) == ProgrammePage.UPCOMING_EVENTS
    assert len(many) == len(few)


def test_a_programme_page_goes_only_under_the_home_page(home_page, mentors):
    assert ProgrammePage.can_create_at(home_page) is True
    assert ProgrammePage.can_create_at(Page.get_first_root_node()) is False
    content = ContentPage(title="About", slug="about")
    home_page.add_child(instance=content)
    assert ProgrammePage.can_create_at(content) is False
    # Its only children are its application forms (the intake app).
    assert ProgrammePage.subpage_types == ["intake.ApplicationFormPage"]
    assert "home.ProgrammePage" in HomePage.subpage_types


def test_only_one_page_per_programme(home_page, programme_page, mentors, hosts):
    # The editor is offered only the programmes without a page.
    form_class = ProgrammePage.get_edit_handler().get_form_class()
    assert list(
        form_class(instance=ProgrammePage(), for_user=None).fields["programme"].queryset
    ) == [hosts]
    own = form_class(instance=programme_page, for_user=None).fields["programme"]
    assert set(own.queryset) == {mentors, hosts}
    assert own.required is True
    # A second page for the same programme is refused with a clear message.
    second = ProgrammePage(title="Mentors again", slug="mentors-again", programme=mentors)
    with pytest.raises(ValidationError) as refused:
        second.validate_unique()
    assert refused.value.message_dict == {"programme": ["This programme already has a page."]}
    # Once every programme has a page, the page type is no longer offered.
    assert ProgrammePage.can_create_at(home_page) is True
    page = ProgrammePage(title="Hosts", slug="hosts", programme=hosts)
    home_page.add_child(instance=page)
    assert ProgrammePage.can_create_at(home_page) is False


def test_a_copied_page_does_not_take_the_programme(programme_page, home_page):
    copy = programme_page.copy(
        update_attrs={"slug": "copy", "slug_en": "copy", "slug_da": "kopi", "title": "Copy"}
    )
    assert copy.specific.programme is None
    programme_page.refresh_from_db()
    assert programme_page.programme.slug == "mentors"


def test_the_page_still_renders_when_its_programme_is_gone(client, programme_page, mentors):
    mentors.delete()
    response = client.get("/career-mentors/")
    assert response.status_code == 200
    assert "<h1>Career mentors</h1>" in response.text
    assert "Accompanying partners" not in response.text


SITEMAP_NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def test_the_page_is_in_the_sitemap_in_both_languages(client, programme_page):
    tree = ET.fromstring(client.get("/sitemap.xml").content)
    locations = {url.find("s:loc", SITEMAP_NS).text for url in tree.findall("s:url", SITEMAP_NS)}
    assert {"http://testserver/career-mentors/", "http://testserver/da/karrierementorer/"} <= (
        locations
    )


def test_search_finds_the_page_by_its_programmes_description(client, programme_page):
    english = client.get("/search/", {"q": "accompanying partners"})
    danish = client.get("/da/soeg/", {"q": "medfølgende partnere"})
    assert [page.pk for page in english.context["page_obj"]] == [programme_page.pk]
    assert [page.pk for page in danish.context["page_obj"]] == [programme_page.pk]
    assert client.get("/search/", {"q": "medfølgende"}).context["page_obj"].paginator.count == 0


def test_search_follows_a_change_to_the_programmes_description(client, programme_page, mentors):
    mentors.description_en = "Spouses find their way into Danish working life."
    mentors.save()
    found = client.get("/search/", {"q": "spouses"})
    assert [page.pk for page in found.context["page_obj"]] == [programme_page.pk]


def test_the_home_page_lists_the_programme_pages_in_each_language(client, programme_page):
    english = client.get("/").text
    danish = client.get("/da/").text
    assert '<h2 id="programmes-heading">Our programmes</h2>' in english
    assert '<a href="/career-mentors/">Career mentors</a>' in english
    assert "A mentor for your working life in Denmark." in english
    assert '<h2 id="programmes-heading">Vores programmer</h2>' in danish
    assert '<a href="/da/karrierementorer/">Karrierementorer</a>' in danish


def test_the_home_page_has_no_programme_list_without_programme_pages(client, home_page):
    assert "programmes-heading" not in client.get("/").text
