"""Pictures are served as responsive renditions: AVIF, WebP and JPEG at widths up to the
original's, with width and height set, lazy below the fold and eager for the hero."""

import re

import pytest
from django.template import Context, Template
from django.utils import translation
from wagtail.blocks import StreamValue
from wagtail.images.rect import Rect
from wagtail.rich_text import RichText

from home.blocks import BodyBlock
from pictures.models import SiteImage
from pictures.renditions import CARD_RATIO, picture_html, widths_for

from .conftest import make_image

pytestmark = pytest.mark.django_db


def img_tag(html):
    return re.search(r"<img[^>]*>", html)[0]


def attr(tag, name):
    match = re.search(rf'\s{name}="([^"]*)"', tag)
    return match[1] if match else None


def test_a_picture_offers_avif_webp_and_jpeg_at_three_widths_with_its_size(image):
    html = picture_html(image)

    assert html.startswith("<picture>")
    assert '<source sizes="(max-width: 48rem) 100vw, 46rem"' in html
    assert 'type="image/avif"' in html
    assert 'type="image/webp"' in html
    tag = img_tag(html)
    assert attr(tag, "width") == "400"
    assert attr(tag, "height") == "225"
    assert attr(tag, "loading") == "lazy"
    assert attr(tag, "fetchpriority") is None
    assert attr(tag, "alt") == "Two people at a table."
    assert re.findall(r" (\d+)w", attr(tag, "srcset")) == ["400", "800", "1200"]
    assert attr(tag, "src").endswith(".jpg")


def test_the_hero_loads_at_once_with_high_priority(image):
    tag = img_tag(picture_html(image, hero=True))

    assert attr(tag, "loading") == "eager"
    assert attr(tag, "fetchpriority") == "high"


def test_a_small_original_is_never_offered_twice_at_the_same_width(db):
    image = make_image(width=600, height=400)

    assert widths_for(image) == [400, 600]
    srcset = attr(img_tag(picture_html(image)), "srcset")
    assert re.findall(r" (\d+)w", srcset) == ["400", "600"]


def test_the_alternative_text_follows_the_language(image):
    with translation.override("da"):
        assert attr(img_tag(picture_html(image)), "alt") == "To personer ved et bord."


def test_a_decorative_use_has_an_empty_alt(image):
    assert ' alt=""' in img_tag(picture_html(image, alt=""))


def render_body(blocks):
    block = BodyBlock()
    value = StreamValue(block, blocks, is_lazy=False)
    return block.render(value)


def test_an_image_block_renders_its_own_alt_text_for_this_use(image):
    image_block = BodyBlock.base_blocks["image"]
    value = image_block.normalize(
        {"image": image, "alt_text": "A pair at their first meeting.", "decorative": False}
    )
    html = render_body([("image", value)])

    tag = img_tag(html)
    assert attr(tag, "alt") == "A pair at their first meeting."
    assert attr(tag, "srcset") and attr(tag, "width") and attr(tag, "height")
    assert 'class="body-picture"' in html


def test_a_decorative_image_block_has_an_empty_alt(image):
    image_block = BodyBlock.base_blocks["image"]
    value = image_block.normalize({"image": image, "alt_text": "", "decorative": True})

    assert ' alt=""' in img_tag(render_body([("image", value)]))


def test_an_image_with_caption_shows_its_caption_and_credit(image):
    block = BodyBlock.base_blocks["captioned_image"]
    value = block.normalize(
        {
            "image": {"image": image, "alt_text": "A pot of soup.", "decorative": False},
            "caption": "Cooking together is a good first activity.",
            "credit": "Illustration: the Host Programme",
        }
    )
    html = render_body([("captioned_image", value)])

    assert attr(img_tag(html), "alt") == "A pot of soup."
    assert "<figcaption>Cooking together is a good first activity." in html
    assert "Illustration: the Host Programme" in html


def test_an_image_in_rich_text_is_a_responsive_picture_too(image):
    html = RichText(
        f'<embed embedtype="image" id="{image.pk}" format="left" alt="A map of the city"/>'
    ).__html__()

    assert '<div class="richtext-image left"><picture>' in html
    tag = img_tag(html)
    assert attr(tag, "alt") == "A map of the city"
    assert attr(tag, "loading") == "lazy"
    assert attr(tag, "srcset")


def test_the_picture_tag_is_usable_in_templates(image):
    html = Template("{% load pictures_tags %}{% responsive_picture image hero=True %}").render(
        Context({"image": image})
    )
    assert attr(img_tag(html), "fetchpriority") == "high"
    assert Template("{% load pictures_tags %}{% responsive_picture None %}").render(Context()) == ""


def test_the_hero_and_the_cards_are_cut_to_one_shape_around_the_focal_point(db):
    tall = make_image(width=900, height=1200)
    render = Template("{% load pictures_tags %}{% hero_picture image %}|{% card_picture image %}")
    hero, card = render.render(Context({"image": tall})).split("|")

    hero_tag, card_tag = img_tag(hero), img_tag(card)
    assert (attr(hero_tag, "width"), attr(hero_tag, "height")) == ("400", "200")
    assert attr(hero_tag, "fetchpriority") == "high"
    assert (attr(card_tag, "width"), attr(card_tag, "height")) == ("400", "225")
    assert attr(card_tag, "alt") == ""
    assert re.findall(r" (\d+)w", attr(hero_tag, "srcset")) == ["400", "800", "900"]


def test_a_page_whose_picture_file_is_lost_is_shown_without_it(client, home_page, db):
    """A lost upload (or a database copied without its media) must not take the page down."""
    image = make_image(title="Lost")
    image.file.storage.delete(image.file.name)
    home_page.image = image
    home_page.save_revision().publish()
    assert picture_html(image) == ""
    response = client.get("/")
    assert response.status_code == 200
    assert "<picture" not in response.content.decode().split("<main", 1)[1].split("</main>")[0]


def test_a_picture_is_kept_until_its_image_changes(image, monkeypatch):
    """Shown again, a picture is not looked up again (nine renditions for each card of the
    calendar were nearly half of its render); moving its focal point shows the new cut."""
    first = picture_html(image, ratio=CARD_RATIO)
    looked_up = []
    original = SiteImage.get_renditions
    monkeypatch.setattr(
        SiteImage, "get_renditions", lambda *a, **k: looked_up.append(a) or original(*a, **k)
    )
    assert picture_html(image, ratio=CARD_RATIO) == first
    assert looked_up == []

    image.set_focal_point(Rect(0, 0, 200, 200))
    image.save()
    moved = picture_html(image, ratio=CARD_RATIO)
    assert len(looked_up) == 1
    assert moved != first
