"""Make every image's renditions now: after a deploy that changes the widths or formats the
site shows (pictures/renditions.py), or for images uploaded before renditions were made on
upload. Images whose renditions exist are passed over quickly."""

from django.core.management.base import BaseCommand

from pictures.models import SiteImage
from pictures.renditions import prepare_renditions


class Command(BaseCommand):
    help = "Makes the renditions the site shows of every image."

    def handle(self, *args, **options):
        made = total = 0
        for image in SiteImage.objects.order_by("pk").iterator():
            total += 1
            if prepare_renditions(image):
                made += 1
            else:
                self.stderr.write(f"The file of image {image.pk} ({image.title}) is missing.")
        self.stdout.write(f"Renditions are ready for {made} of {total} images.")
