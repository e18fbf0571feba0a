import io

import pytest
from django.core.files.images import ImageFile
from PIL import Image

from pictures.models import SiteImage


def png(width=1200, height=675, colour="#0b5c73"):
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), colour).save(buffer, format="PNG")
    return buffer.getvalue()


def make_image(
    title="A picture",
    alt_en="Two people at a table.",
    alt_da="To personer ved et bord.",
    width=1200,
    height=675,
):
    image = SiteImage(
        title=title,
        description_en=alt_en,
        description_da=alt_da,
        file=ImageFile(io.BytesIO(png(width, height)), name="picture.png"),
    )
    image.save()
    return image


@pytest.fixture
def image(db):
    return make_image()
