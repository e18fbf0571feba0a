"""Communications staff edit both languages side by side in the Wagtail admin."""

import pytest
from django.contrib.auth.models import Group
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from home.models import ContactSettings
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(client):
    user = UserFactory(email="editor@example.com")
    user.groups.add(Group.objects.get(name="Editors"))
    client.force_login(user)
    return user


def test_edit_view_shows_english_and_danish_fields(client, editor, content_page):
    response = client.get(f"/admin/pages/{content_page.pk}/edit/")
    assert response.status_code == 200
    html = response.text
    for field in ("title", "slug", "intro", "seo_title", "search_description"):
        assert f'name="{field}_en"' in html, field
        assert f'name="{field}_da"' in html, field
    # StreamFields are drawn by Wagtail's JavaScript into these containers.
    assert 'id="body_en"' in html
    assert 'id="body_da"' in html
    assert 'name="action-publish"' in html


def test_publishing_from_the_admin_saves_both_languages(client, editor, content_page):
    data = nested_form_data(
        {
            "title_en": "Become a volunteer host",
            "title_da": "Bliv frivillig vært",
            "slug_en": "become-a-host",
            "slug_da": "bliv-vaert",
            "intro_en": "Two hours a month make a difference.",
            "intro_da": "To timer om måneden gør en forskel.",
            "body_en": streamfield([("paragraph", rich_text("<p>New English text.</p>"))]),
            "body_da": streamfield([("paragraph", rich_text("<p>Ny dansk tekst.</p>"))]),
            "action-publish": "action-publish",
        }
    )
    response = client.post(f"/admin/pages/{content_page.pk}/edit/", data)

    assert response.status_code == 302, response.context["form"].errors
    content_page.refresh_from_db()
    assert content_page.title_en == "Become a volunteer host"
    assert content_page.title_da == "Bliv frivillig vært"
    english = client.get("/become-a-host/").text
    danish = client.get("/da/bliv-vaert/").text
    assert "<h1>Become a volunteer host</h1>" in english
    assert "New English text." in english
    assert "<h1>Bliv frivillig vært</h1>" in danish
    assert "Ny dansk tekst." in danish


def test_preview_renders_the_draft_in_the_admin(client, editor, content_page):
    data = nested_form_data(
        {
            "title_en": "Preview title",
            "slug_en": "become-a-host",
            "body_en": streamfield([("paragraph", rich_text("<p>Draft text.</p>"))]),
            "body_da": streamfield([]),
        }
    )
    preview_url = f"/admin/pages/{content_page.pk}/edit/preview/"
    assert client.post(preview_url, data).json() == {"is_valid": True, "is_available": True}
    assert "Draft text." in client.get(preview_url).text


def test_contact_person_is_edited_once_and_translated(client, editor, home_page):
    site = home_page.get_site()
    contact = ContactSettings.for_site(site)
    contact.name = "Anna Jensen"
    contact.role_en = "Programme coordinator"
    contact.role_da = "Programkoordinator"
    contact.email = "hosts@example.dk"
    contact.save()

    assert "Anna Jensen</strong>, Programme coordinator" in client.get("/").text
    assert "Anna Jensen</strong>, Programkoordinator" in client.get("/da/").text


def test_editors_edit_the_contact_person_in_both_languages(client, editor, home_page):
    site = home_page.get_site()
    response = client.get(f"/admin/settings/home/contactsettings/{site.pk}/")
    assert response.status_code == 200
    assert 'name="role_en"' in response.text
    assert 'name="role_da"' in response.text


def programme_page_data(programme, **fields):
    return nested_form_data(
        {
            "title_en": "Career mentors",
            "title_da": "Karrierementorer",
            "slug_en": "career-mentors",
            "slug_da": "karrierementorer",
            "programme": programme.pk if programme else "",
            "intro_en": "A mentor for your working life.",
            "intro_da": "En mentor til dit arbejdsliv.",
            "body_en": streamfield([]),
            "body_da": streamfield([]),
            "action-publish": "action-publish",
            **fields,
        }
    )


def test_an_editor_publishes_a_programme_page_choosing_its_programme(
    client, editor, home_page, mentors
):
    url = f"/admin/pages/add/home/programmepage/{home_page.pk}/"
    form = client.get(url)
    assert form.status_code == 200
    assert 'name="programme"' in form.text
    assert "Career Mentor Programme" in form.text

    # Without a programme: a clear message, and what was typed is kept.
    missing = client.post(url, programme_page_data(None))
    assert missing.status_code == 200
    assert missing.context["form"].errors["programme"] == ["This field is required."]
    assert "A mentor for your working life.</textarea>" in missing.text

    published = client.post(url, programme_page_data(mentors))
    assert published.status_code == 302
    assert "Accompanying partners meet a mentor" in client.get("/career-mentors/").text
    # Every programme has its page now: the type is no longer offered.
    refused = client.get(url)
    assert (refused.status_code, refused["Location"]) == (302, "/admin/")
