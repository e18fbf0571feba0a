"""Editors preview a page in English and in Danish, and see which Danish fields are empty and
show the English text instead."""

import pytest
from django.contrib.auth.models import Group
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from home.models import ProgrammePage
from tests.factories import ProgrammeFactory, UserFactory

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


# Which Danish fields are empty and fall back to English ---------------------------------------


@pytest.fixture
def half_translated(home_page):
    """A page written in English whose Danish introduction and body are still empty."""
    from home.models import ContentPage

    from .conftest import publish

    return publish(
        home_page,
        ContentPage(
            title_en="Results",
            title_da="Resultater",
            slug_en="results",
            slug_da="resultater",
            intro_en="What the programme achieved.",
            body_en=[("paragraph", "<p>Nine in ten pairs met every month.</p>")],
        ),
    )


def test_missing_danish_fields_are_the_empty_ones_with_english_text(half_translated, content_page):
    from home.editing import missing_danish_fields

    assert missing_danish_fields(half_translated) == ["intro", "body"]
    assert missing_danish_fields(content_page) == []
    # A field empty in both languages is not "missing in Danish".
    half_translated.intro_en = ""
    assert missing_danish_fields(half_translated) == ["body"]


def test_edit_view_names_the_empty_danish_fields_at_the_top(client, editor, half_translated):
    html = client.get(f"/admin/pages/{half_translated.pk}/edit/").text
    assert "data-danish-missing" in html
    assert (
        "These fields are empty in Danish, so the Danish page shows the English text: "
        "introduction, body." in html
    )


def test_edit_view_marks_each_empty_danish_field(client, editor, half_translated):
    response = client.get(f"/admin/pages/{half_translated.pk}/edit/")
    form = response.context["form"]
    note = "Empty in Danish: the Danish page shows the English text."
    assert form.fields["intro_da"].help_text.startswith(note)
    assert form.fields["body_da"].help_text == note
    assert note not in form.fields["intro_en"].help_text
    assert note not in form.fields["title_da"].help_text  # the Danish title is there
    # Wagtail draws the help text under the field and ties the field to it.
    html = response.text
    assert 'aria-describedby="panel-child-content-child-intro_da-helptext"' in html
    assert html.count(note) >= 2


def test_edit_view_of_a_complete_page_shows_no_notice(client, editor, content_page):
    html = client.get(f"/admin/pages/{content_page.pk}/edit/").text
    assert "data-danish-missing" not in html
    assert "Empty in Danish" not in html


def test_the_notice_follows_the_latest_draft(client, editor, half_translated):
    half_translated.intro_da = "Hvad programmet opnåede."
    half_translated.save_revision()
    html = client.get(f"/admin/pages/{half_translated.pk}/edit/").text
    assert "This field is empty in Danish, so the Danish page shows the English text: body." in (
        html
    )


def test_page_listing_tags_pages_with_empty_danish_fields(
    client, editor, home_page, half_translated, content_page
):
    html = client.get(f"/admin/pages/{home_page.pk}/").text
    assert html.count("Danish missing:") == 1
    assert "Danish missing: introduction, body" in html


def test_page_listing_follows_drafts(client, editor, home_page, half_translated):
    half_translated.intro_da = "Hvad programmet opnåede."
    half_translated.body_da = [("paragraph", "<p>Ni ud af ti par mødtes hver måned.</p>")]
    half_translated.save_revision()
    html = client.get(f"/admin/pages/{home_page.pk}/").text
    assert "Danish missing" not in html


def test_page_listing_queries_do_not_grow_with_the_pages(
    client, editor, home_page, django_assert_max_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from home.models import ContentPage

    from .conftest import publish

    def add_pages(count, start):
        for number in range(start, start + count):
            page = publish(
                home_page,
                ContentPage(
                    title_en=f"Page {number}",
                    slug_en=f"page-{number}",
                    intro_en="English only.",
                    body_en=[("paragraph", "<p>English only.</p>")],
                ),
            )
            page.intro_en = "A draft."
            page.save_revision()  # every other kind: published, and with a draft

    def listing_queries():
        with CaptureQueriesContext(connection) as queries:
            html = client.get(f"/admin/pages/{home_page.pk}/").text
        return len(queries), html.count("Danish missing:")

    add_pages(2, 0)
    few, tagged_few = listing_queries()
    add_pages(8, 2)
    many, tagged_many = listing_queries()
    assert (tagged_few, tagged_many) == (2, 10)
    assert many <= few + 2  # Wagtail's own listing may vary by a query or two


def test_rich_text_fields_name_their_editor_after_the_field(client, editor, home_page):
    """A RichTextField's Draftail editor is named after its field and language, as blocks'
    editors are after their block: its <label for> points at Draftail's hidden input."""
    import json

    from intake.models import ApplicationFormPage

    from .conftest import publish

    programme_page = publish(
        home_page,
        ProgrammePage(
            title_en="The host programme",
            slug_en="host-programme",
            programme=ProgrammeFactory(),
        ),
    )
    form_page = publish(
        programme_page,
        ApplicationFormPage(
            title_en="Apply as a newcomer",
            slug_en="apply",
            thank_you_en="<p>Thank you for applying.</p>",
        ),
    )
    response = client.get(f"/admin/pages/{form_page.pk}/edit/")
    widget = response.context["form"].fields["thank_you_da"].widget
    assert widget.options["ariaLabel"] == "Thank-you text [da]"
    options = json.loads(
        widget.get_context("thank_you_da", "", {})["widget"]["attrs"]["data-w-init-detail-value"]
    )
    assert options["ariaLabel"] == "Thank-you text [da]"
    # Each form has its own options: the model's widget is left as it was.
    assert (
        "ariaLabel"
        not in ApplicationFormPage._meta.get_field("thank_you_da").formfield().widget.options
    )
