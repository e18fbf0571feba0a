"""Uploaded images are served without DEBUG, as in production; private documents are not."""

import pytest
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file

pytestmark = pytest.mark.django_db


@pytest.fixture
def image(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return Image.objects.create(title="Harbour", file=get_test_image_file("harbour.png"))


def test_an_image_rendition_is_served(client, image):
    rendition = image.get_rendition("fill-80x60")
    assert rendition.url.startswith("/media/images/")
    response = client.get(rendition.url)
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert b"".join(response.streaming_content).startswith(b"\x89PNG")


def test_the_original_image_is_served(client, image):
    response = client.get(image.file.url)
    assert response.status_code == 200


def test_other_uploads_are_not_served_from_media(client, settings, image):
    (settings.MEDIA_ROOT / "documents").mkdir()
    (settings.MEDIA_ROOT / "documents" / "minutes.pdf").write_bytes(b"%PDF-1.4 private")
    assert client.get("/media/documents/minutes.pdf").status_code == 404
    assert client.get("/media/images/../documents/minutes.pdf").status_code == 404
