"""The demo has pictures: illustrations drawn in code, stored as ordinary Wagtail images with
alternative text in both languages, on every public page and in the listings."""

import re

from django.utils import translation

from events.models import EventCalendarPage, EventPage
from home.demo import images_data
from home.models import ActivityIdeaPage, ActivityIndexPage, ContentPage, HomePage
from pictures.models import SiteImage


def test_every_alternative_text_in_the_data_file_fits_the_field():
    longest = SiteImage._meta.get_field("description").max_length
    for key, data in images_data().items():
        for language, text in data["alt"].items():
            assert 0 < len(text) <= longest, (key, language, len(text))


def test_every_illustration_is_an_image_with_alt_text_in_both_languages(demo):
    images = SiteImage.objects.order_by("title")
    assert images.count() == len(images_data())
    for image in images:
        assert image.description_en and image.description_da, image.title
        assert image.description_en != image.description_da, image.title
        assert image.file.size < 30_000, (image.title, image.file.size)
        assert (image.width, image.height) == (1200, 675)


def test_every_content_page_and_event_has_a_picture(demo):
    for model in (HomePage, ContentPage, ActivityIndexPage, ActivityIdeaPage):
        for page in model.objects.live():
            assert page.image is not None, page.title
    assert EventCalendarPage.objects.get().image.title == "Illustration – a calendar"
    assert not EventPage.objects.live().filter(image__isnull=True).exists()


def test_the_conversation_wheel_page_shows_the_wheel(client, demo):
    page = ActivityIdeaPage.objects.get(slug_en="conversation-wheel")
    assert page.image.title == "Illustration – the conversation wheel"

    english = client.get(page.url).text
    assert re.search(
        r'<img alt="The conversation wheel: a circle in eight coloured slices', english
    )
    with translation.override("da"):
        danish = client.get(page.get_url()).text
    assert re.search(
        r'<img alt="Samtalehjulet: en cirkel i otte farvede felter, ét for hvert livsområde', danish
    )


def test_each_activity_idea_has_a_picture_in_the_listing(client, demo):
    index = ActivityIndexPage.objects.get()
    html = client.get(index.url).text

    cards = re.findall(r'<li class="card">(.*?)</li>', html, re.S)
    assert len(cards) == ActivityIdeaPage.objects.live().count() == 5
    for card in cards:
        assert '<div class="card__picture"><picture>' in card
        assert 'alt=""' in card  # the card's title says what it is; the picture is decoration
        assert 'loading="lazy"' in card


def test_the_host_page_has_an_image_with_a_caption(client, demo):
    html = client.get(ContentPage.objects.get(slug_en="become-a-host").url).text

    assert "Most pairs meet over a cup of coffee, once or twice a month." in html
    assert "Illustration: the Host Programme" in html
