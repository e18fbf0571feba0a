"""Background work on pictures: renditions are made when an image is uploaded or changed,
not by the first visitor of a page that shows it."""

from django_tasks import task


@task()
def prepare_image_renditions(image_id):
    from pictures.models import SiteImage
    from pictures.renditions import prepare_renditions

    image = SiteImage.objects.filter(pk=image_id).first()
    if image is not None:  # deleted since
        prepare_renditions(image)
