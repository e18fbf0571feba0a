"""An image cannot be used without alternative text: the image form asks for it in English
and Danish, and a page whose picture lacks it cannot be published (a draft can be saved)."""

import io

import pytest
from django.contrib.auth.models import Group
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from home.models import ContentPage
from pictures.models import SiteImage
from tests.factories import UserFactory

from .conftest import make_image, png

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(client):
    user = UserFactory(email="editor@example.com")
    user.groups.add(Group.objects.get(name="Editors"))
    client.force_login(user)
    return user


@pytest.fixture
def content_page(home_page):
    page = ContentPage(
        title_en="Become a host",
        title_da="Bliv vært",
        slug_en="become-a-host",
        slug_da="bliv-vaert",
    )
    home_page.add_child(instance=page)
    page.save_revision().publish()
    return page


def upload(client, **fields):
    data = {"title": "Coffee", "collection": "1", **fields}
    data["file"] = io.BytesIO(png())
    data["file"].name = "coffee.png"
    return client.post("/admin/images/add/", data)


def test_an_image_without_danish_alternative_text_is_not_uploaded(client, editor):
    response = upload(client, description_en="A cup of coffee.", description_da="")

    assert response.status_code == 200
    form = response.context["form"]
    assert form.errors["description_da"] == [
        "Write the alternative text in Danish: an image cannot be used without it."
    ]
    assert form["description_en"].value() == "A cup of coffee."  # what was typed is kept
    assert not SiteImage.objects.exists()


def test_an_image_with_alternative_text_in_both_languages_is_uploaded(client, editor):
    response = upload(client, description_en="A cup of coffee.", description_da="En kop kaffe.")

    assert response.status_code == 302
    image = SiteImage.objects.get()
    assert (image.description_en, image.description_da) == ("A cup of coffee.", "En kop kaffe.")


def test_the_image_form_labels_both_languages(client, editor):
    image = make_image()
    html = client.get(f"/admin/images/{image.pk}/").text

    assert 'name="description_en"' in html
    assert 'name="description_da"' in html
    assert "Alternative text (English)" in html
    assert "Alternative text (Danish)" in html


def page_data(image=None, action="action-publish", body=None):
    data = {
        "title_en": "Become a host",
        "title_da": "Bliv vært",
        "slug_en": "become-a-host",
        "slug_da": "bliv-vaert",
        "intro_en": "",
        "intro_da": "",
        "image": image.pk if image else "",
        "body_en": streamfield(body or [("paragraph", rich_text("<p>Text.</p>"))]),
        "body_da": streamfield(body or [("paragraph", rich_text("<p>Tekst.</p>"))]),
    }
    if action:
        data[action] = action
    return nested_form_data(data)


def test_a_page_whose_picture_lacks_danish_alt_text_is_not_published(client, editor, content_page):
    image = make_image(alt_da="")

    response = client.post(f"/admin/pages/{content_page.pk}/edit/", page_data(image))

    assert response.status_code == 200
    errors = response.context["form"].errors["image"]
    assert errors == [
        "This picture has no alternative text in Danish, so the page cannot be published with "
        "it. Add the text to the image under Images (what the picture shows, for people who "
        "cannot see it), or choose another picture."
    ]
    content_page.refresh_from_db()
    assert content_page.image_id is None
    assert "<picture>" not in client.get("/become-a-host/").text


def test_the_message_names_both_languages_when_both_are_missing(client, editor, content_page):
    image = make_image(alt_en="", alt_da="")

    response = client.post(f"/admin/pages/{content_page.pk}/edit/", page_data(image))

    assert "no alternative text in English or Danish" in response.context["form"].errors["image"][0]


def test_a_draft_with_such_a_picture_can_still_be_saved(client, editor, content_page):
    image = make_image(alt_da="")

    response = client.post(f"/admin/pages/{content_page.pk}/edit/", page_data(image, action=None))

    assert response.status_code == 302
    content_page.refresh_from_db()
    assert content_page.get_latest_revision_as_object().image == image
    assert content_page.image_id is None  # the live page is unchanged


def test_a_page_whose_picture_has_alt_text_is_published_with_its_picture(
    client, editor, content_page
):
    image = make_image()

    response = client.post(f"/admin/pages/{content_page.pk}/edit/", page_data(image))

    assert response.status_code == 302, response.context["form"].errors
    html = client.get("/become-a-host/").text
    assert 'alt="Two people at a table."' in html
    assert 'fetchpriority="high"' in html
    assert 'alt="To personer ved et bord."' in client.get("/da/bliv-vaert/").text


def test_an_image_block_without_alt_text_is_not_published(client, editor, content_page):
    image = make_image()
    body = [("image", {"image": image.pk, "alt_text": "", "decorative": ""})]

    response = client.post(f"/admin/pages/{content_page.pk}/edit/", page_data(body=body))

    assert response.status_code == 200
    error = response.context["form"].errors.as_data()["body_en"][0]
    assert "Please add some alt text for your image or mark it as decorative" in str(
        error.as_json_data()
    )


def test_a_decorative_image_block_needs_no_alt_text(client, editor, content_page):
    image = make_image()
    body = [("image", {"image": image.pk, "alt_text": "", "decorative": "on"})]

    response = client.post(f"/admin/pages/{content_page.pk}/edit/", page_data(body=body))

    assert response.status_code == 302, response.context["form"].errors
    assert ' alt=""' in client.get("/become-a-host/").text


def test_the_image_block_speaks_danish_to_a_danish_editor(db):
    """Wagtail has no Danish words for its image block's fields and error: ours are used."""
    from django.core.exceptions import ValidationError
    from django.utils import translation

    from home.blocks import picture_block

    block = picture_block()
    value = block.to_python({"image": make_image().pk, "alt_text": "", "decorative": False})
    with translation.override("da"):
        assert str(block.child_blocks["decorative"].label) == "Billedet er kun pynt"
        assert str(block.child_blocks["alt_text"].label) == "Alternativ tekst"
        with pytest.raises(ValidationError) as raised:
            block.clean(value)
        assert "Skriv en alternativ tekst til billedet" in str(raised.value.as_json_data())
