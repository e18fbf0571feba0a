"""Renditions are served under the production URL configuration (DEBUG off): the media_image
view sends them with a long cache lifetime."""

import re

import pytest
from django.conf import settings
from django.urls import reverse

from pictures.renditions import picture_html

pytestmark = pytest.mark.django_db


def test_every_rendition_in_a_picture_is_served_with_a_long_cache_lifetime(client, image):
    assert not settings.DEBUG
    html = picture_html(image)
    urls = set(re.findall(r"(/media/images/[^\s\"]+)", html))
    assert len(urls) == 9  # three formats at three widths

    types = set()
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        assert "max-age=2592000" in response.headers["Cache-Control"]
        types.add(response.headers["Content-Type"])
    assert types == {"image/avif", "image/webp", "image/jpeg"}


def test_the_route_is_the_media_image_view(image):
    rendition = image.get_rendition("width-400|format-webp")
    assert rendition.url == reverse("media_image", args=[rendition.file.name])
