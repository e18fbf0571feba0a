"""Editors preview a page in English and in Danish, and see which Danish fields are empty and
show the English text instead."""

import pytest
from django.contrib.auth.models import Group
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(client):
    user = UserFactory(email="editor@example.com")
    user.groups.add(Group.objects.get(name="Editors"))
    client.force_login(user)
    return user


def draft_form(**overrides):
    values = {
        "title_en": "Become a host",
        "title_da": "Bliv vært",
        "slug_en": "become-a-host",
        "slug_da": "bliv-vaert",
        "intro_en": "Two hours a month make a difference.",
        "intro_da": "To timer om måneden gør en forskel.",
        "body_en": streamfield([("paragraph", rich_text("<p>English draft.</p>"))]),
        "body_da": streamfield([("paragraph", rich_text("<p>Dansk kladde.</p>"))]),
    }
    values.update(overrides)
    return nested_form_data(values)


def preview(client, page, data, mode=None):
    url = f"/admin/pages/{page.pk}/edit/preview/"
    assert client.post(url, data).json() == {"is_valid": True, "is_available": True}
    return client.get(url, {"mode": mode} if mode else {})


# Preview in English and in Danish ------------------------------------------------------------


def test_edit_view_offers_an_english_and_a_danish_preview(client, editor, content_page):
    html = client.get(f"/admin/pages/{content_page.pk}/edit/").text
    assert '<option value="en" selected>English</option>' in html
    assert '<option value="da">Danish</option>' in html


def test_preview_defaults_to_english(client, editor, content_page):
    response = preview(client, content_page, draft_form())
    html = response.text
    assert '<html lang="en">' in html
    assert "<h1>Become a host</h1>" in html
    assert "English draft." in html
    assert "Dansk kladde." not in html


def test_danish_preview_shows_the_danish_draft_and_danish_template_text(
    client, editor, content_page
):
    html = preview(client, content_page, draft_form(), mode="da").text
    assert '<html lang="da">' in html
    assert "<h1>Bliv vært</h1>" in html
    assert "To timer om måneden gør en forskel." in html
    assert "Dansk kladde." in html
    assert "English draft." not in html
    # The page frame's own words are Danish too (the search label, the skip link).
    assert "Skip to main content" not in html
    english = preview(client, content_page, draft_form(), mode="en").text
    assert "Skip to main content" in english


def test_danish_preview_falls_back_to_english_where_danish_is_empty(client, editor, content_page):
    data = draft_form(intro_da="", body_da=streamfield([]))
    html = preview(client, content_page, data, mode="da").text
    assert "<h1>Bliv vært</h1>" in html
    assert "Two hours a month make a difference." in html
    assert "English draft." in html


def test_previewing_in_danish_leaves_the_admin_in_its_own_language(client, editor, content_page):
    preview(client, content_page, draft_form(), mode="da")
    response = client.get(f"/admin/pages/{content_page.pk}/edit/")
    assert '<html lang="en"' in response.text


def test_event_page_revision_previews_in_both_languages(client, editor, make_event):
    event = make_event()
    revision = event.latest_revision
    url = f"/admin/pages/{event.pk}/revisions/{revision.pk}/view/"
    english = client.get(url).text
    danish = client.get(url, {"mode": "da"}).text
    assert event.title_en in english and event.title_da not in english
    assert event.title_da in danish
    assert "Tag et tæppe med og mød andre familier." in danish
    assert '<html lang="da">' in danish


def test_calendar_page_previews_in_danish(client, editor, calendar_page):
    revision = calendar_page.latest_revision
    url = f"/admin/pages/{calendar_page.pk}/revisions/{revision.pk}/view/"
    danish = client.get(url, {"mode": "da"}).text
    assert "Mød andre deltagere til vores fælles arrangementer." in danish
