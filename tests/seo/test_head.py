"""What a search engine or a link preview reads in every page's <head>, in both languages."""

import re

import pytest
from django.test import override_settings
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file


def head(response):
    html = response.content.decode()
    return html[: html.index("</head>")]


def meta(html, attribute, name):
    found = re.findall(rf'<meta {attribute}="{re.escape(name)}" content="([^"]*)">', html)
    return found


@pytest.mark.django_db
class TestCanonicalAndDescription:
    def test_page_with_search_description(self, client, guide):
        guide.search_description_en = "Five steps to a good programme."
        guide.save_revision().publish()
        html = head(client.get("/five-steps/?utm_source=x"))
        assert '<link rel="canonical" href="http://testserver/five-steps/">' in html
        assert meta(html, "name", "description") == ["Five steps to a good programme."]
        assert meta(html, "property", "og:title") == ["Five steps"]
        assert meta(html, "property", "og:url") == ["http://testserver/five-steps/"]

    def test_danish_page_falls_back_to_its_intro(self, client, guide):
        html = head(client.get("/da/fem-trin/"))
        assert '<link rel="canonical" href="http://testserver/da/fem-trin/">' in html
        assert meta(html, "name", "description") == ["Sådan driver I et godt værtsprogram."]
        assert meta(html, "property", "og:locale") == ["da_DK"]
        assert meta(html, "property", "og:locale:alternate") == ["en_GB"]
        assert meta(html, "property", "og:site_name") == ["Værtsprogrammet"]
        assert "<title>Fem trin · Værtsprogrammet</title>" in html

    def test_one_name_in_the_header_and_title_in_each_language(self, client, guide):
        # The header's name may carry a soft hyphen where a phone can break the word.
        danish = client.get("/da/fem-trin/").text.replace("\u00ad", "")
        english = client.get("/five-steps/").text
        name = r'class="site-name"[^>]*>(<img [^>]*>)?<span>{}</span></a>'
        assert re.search(name.format("Værtsprogrammet"), danish)
        assert re.search(name.format("Host Programme"), english)

    def test_english_og_locale_and_name(self, client, guide):
        html = head(client.get("/five-steps/"))
        assert meta(html, "property", "og:locale") == ["en_GB"]
        assert meta(html, "property", "og:site_name") == ["Host Programme"]
        assert "<title>Five steps · Host Programme</title>" in html

    def test_page_without_text_gets_the_site_default(self, client, guide):
        guide.intro_en = guide.intro_da = ""
        guide.save_revision().publish()
        english = meta(head(client.get("/five-steps/")), "name", "description")
        danish = meta(head(client.get("/da/fem-trin/")), "name", "description")
        assert english[0].startswith("The host programme matches newcomers to Denmark")
        assert danish[0].startswith("Værtsprogrammet sætter nytilkomne i Danmark sammen")

    def test_a_view_that_is_no_page_gets_a_description(self, client, home_page):
        html = head(client.get("/accounts/login/"))
        assert len(meta(html, "name", "description")) == 1
        assert '<link rel="canonical" href="http://testserver/accounts/login/">' in html

    def test_without_an_image_a_small_card(self, client, guide):
        html = head(client.get("/five-steps/"))
        assert meta(html, "name", "twitter:card") == ["summary"]
        assert meta(html, "property", "og:image") == []


@pytest.mark.django_db
def test_page_image_becomes_the_share_image(client, guide, tmp_path):
    """A page's picture is its link preview, cropped, with its alternative text in the
    language being read."""
    with override_settings(MEDIA_ROOT=tmp_path):
        image = get_image_model().objects.create(
            title="Two people at a café",
            file=get_test_image_file(),
            description_en="A café table",
            description_da="Et cafébord",
        )
        guide.image = image
        guide.save_revision().publish()
        html = head(client.get("/five-steps/"))
        danish = head(client.get("/da/fem-trin/"))
    (url,) = meta(html, "property", "og:image")
    assert url.startswith("http://testserver/media/images/") and "fill-1200x630" in url
    assert meta(html, "name", "twitter:card") == ["summary_large_image"]
    # The test picture is 640 px wide: cropped to the preview's shape, not enlarged, and its
    # size said as it is.
    assert meta(html, "property", "og:image:width") == ["640"]
    assert meta(html, "property", "og:image:height") == ["336"]
    assert meta(html, "property", "og:image:alt") == ["A café table"]
    assert meta(danish, "property", "og:image:alt") == ["Et cafébord"]


@pytest.mark.django_db
class TestNoindex:
    @pytest.mark.parametrize(
        "path",
        [
            "/accounts/login/",
            "/da/accounts/login/",
            "/accounts/signup/",
            "/accounts/password/reset/",
            "/search/?q=host",
            "/da/search/?q=vært",
        ],
    )
    def test_kept_out_of_search_results(self, client, home_page, path):
        html = head(client.get(path, follow=True))
        assert meta(html, "name", "robots") == ["noindex"]

    def test_month_and_archive_are_noindex(self, client, calendar_page):
        month = head(client.get("/events-calendar/month/2026/12/", follow=True))
        archive = head(client.get("/events-calendar/archive/", follow=True))
        assert meta(month, "name", "robots") == ["noindex"]
        assert meta(archive, "name", "robots") == ["noindex"]

    def test_portal_is_noindex(self, client, home_page):
        from tests.factories import NewcomerFactory

        newcomer = NewcomerFactory()
        client.force_login(newcomer.user)
        html = head(client.get("/portal/"))
        assert meta(html, "name", "robots") == ["noindex"]

    def test_content_pages_and_the_calendar_are_indexed(self, client, guide, calendar_page):
        for path in ["/", "/five-steps/", "/da/fem-trin/", "/events-calendar/"]:
            assert meta(head(client.get(path)), "name", "robots") == [], path


@pytest.mark.django_db
def test_robots_txt_names_the_sitemap_and_closes_private_areas(client, home_page):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.content.decode().splitlines()
    assert lines[0] == "User-agent: *"
    for path in ["/admin/", "/portal/", "/accounts/"]:
        assert f"Disallow: {path}" in lines
    assert "Sitemap: http://testserver/sitemap.xml" in lines
