"""Language switching, hreflang alternates, the sitemap and search in each language."""

import xml.etree.ElementTree as ET

import pytest

pytestmark = pytest.mark.django_db

SITEMAP_NS = {
    "s": "http://www.sitemaps.org/schemas/sitemap/0.9",
    "xhtml": "http://www.w3.org/1999/xhtml",
}


def test_language_switcher_leads_to_the_same_page_in_the_other_language(client, content_page):
    english = client.get("/become-a-host/").text
    danish = client.get("/da/bliv-vaert/").text

    assert 'href="/da/bliv-vaert/" hreflang="da" lang="da">Dansk</a>' in english
    assert '<span aria-current="true" lang="en">English</span>' in english
    assert 'href="/become-a-host/" hreflang="en" lang="en">English</a>' in danish
    assert '<span aria-current="true" lang="da">Dansk</span>' in danish


def test_pages_declare_hreflang_alternates_for_both_languages(client, content_page):
    html = client.get("/da/bliv-vaert/").text
    assert '<link rel="alternate" hreflang="en" href="http://testserver/become-a-host/">' in html
    assert '<link rel="alternate" hreflang="da" href="http://testserver/da/bliv-vaert/">' in html
    assert (
        '<link rel="alternate" hreflang="x-default" href="http://testserver/become-a-host/">'
        in html
    )


def test_language_switch_on_a_non_page_view_keeps_the_view(client, home_page):
    html = client.get("/search/?q=host").text
    assert 'href="/da/soeg/?q=host" hreflang="da"' in html


def test_sitemap_lists_every_page_in_both_languages_with_alternates(client, guide, content_page):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    tree = ET.fromstring(response.content)
    locations = {url.find("s:loc", SITEMAP_NS).text for url in tree.findall("s:url", SITEMAP_NS)}
    assert locations == {
        "http://testserver/",
        "http://testserver/da/",
        "http://testserver/become-a-host/",
        "http://testserver/da/bliv-vaert/",
        "http://testserver/five-steps/",
        "http://testserver/da/fem-trin/",
        "http://testserver/five-steps/step-1/",
        "http://testserver/da/fem-trin/trin-1/",
        "http://testserver/five-steps/step-2/",
        "http://testserver/da/fem-trin/trin-2/",
        "http://testserver/five-steps/step-3/",
        "http://testserver/da/fem-trin/trin-3/",
    }
    danish_entry = next(
        url
        for url in tree.findall("s:url", SITEMAP_NS)
        if url.find("s:loc", SITEMAP_NS).text == "http://testserver/da/bliv-vaert/"
    )
    alternates = {
        link.get("hreflang"): link.get("href")
        for link in danish_entry.findall("xhtml:link", SITEMAP_NS)
    }
    assert alternates == {
        "en": "http://testserver/become-a-host/",
        "da": "http://testserver/da/bliv-vaert/",
        "x-default": "http://testserver/become-a-host/",
    }


def test_sitemap_leaves_out_unpublished_pages(client, home_page):
    from home.models import ContentPage

    draft = ContentPage(title_en="Draft", slug_en="draft", live=False)
    home_page.add_child(instance=draft)
    assert b"/draft/" not in client.get("/sitemap.xml").content


def test_search_finds_pages_in_the_visitors_language(client, content_page, guide):
    english = client.get("/search/", {"q": "newcomer"}).text
    danish = client.get("/da/soeg/", {"q": "nytilkommen"}).text
    danish_with_english_word = client.get("/da/soeg/", {"q": "newcomer"}).text

    assert '<a href="/become-a-host/">Become a host</a>' in english
    assert "1 page found" in english
    assert '<a href="/da/bliv-vaert/">Bliv vært</a>' in danish
    assert "1 side fundet" in danish
    assert "0 sider fundet" in danish_with_english_word


def test_search_without_a_query_shows_only_the_form(client, home_page):
    html = client.get("/search/").text
    assert '<label for="search-query">What are you looking for?</label>' in html
    assert "found for" not in html
