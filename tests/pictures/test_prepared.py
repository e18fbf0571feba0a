"""An image's renditions are made when it is uploaded or changed, once the change is
committed, so the first visitor of a page with new pictures does not wait for them."""

import io

import pytest
from django.core.management import call_command

from pictures.models import SiteRendition
from pictures.renditions import SHARE_FILTER, every_filter_spec, picture_html

from .conftest import make_image

pytestmark = pytest.mark.django_db


@pytest.fixture
def prepared(settings):
    settings.PICTURES_PREPARE_RENDITIONS = True


def test_an_uploaded_image_has_every_rendition_once_committed(
    prepared, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        image = make_image()
        assert not image.renditions.exists()  # not before the upload is committed
    specs = set(image.renditions.values_list("filter_spec", flat=True))
    # Three widths in three formats, whole and cut for the hero and cards, and the preview.
    assert len(specs) == 3 * 3 * 3 + 1
    assert specs == set(every_filter_spec(image))
    assert SHARE_FILTER in specs

    made = SiteRendition.objects.count()
    picture_html(image)  # the page that shows it makes nothing more
    assert SiteRendition.objects.count() == made


def test_the_command_makes_what_is_missing_and_names_a_lost_file(capsys):
    kept = make_image(title="Kept")
    lost = make_image(title="Lost")
    lost.file.storage.delete(lost.file.name)
    out, err = io.StringIO(), io.StringIO()
    call_command("prepare_renditions", stdout=out, stderr=err)
    assert set(kept.renditions.values_list("filter_spec", flat=True)) == set(
        every_filter_spec(kept)
    )
    assert "Renditions are ready for 1 of 2 images." in out.getvalue()
    assert f"The file of image {lost.pk} (Lost) is missing." in err.getvalue()
