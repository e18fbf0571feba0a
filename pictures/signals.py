"""When an image is saved (uploaded, its file replaced, its focal point moved), its renditions
are made in the background once the change is committed (``pictures.tasks``): by the task
worker in production (``manage.py db_worker``), at once in development."""

from django.conf import settings
from django.db import transaction


def prepare_after_save(sender, instance, **kwargs):
    if not getattr(settings, "PICTURES_PREPARE_RENDITIONS", True) or kwargs.get("raw"):
        return
    from pictures.tasks import prepare_image_renditions

    image_id = instance.pk
    transaction.on_commit(lambda: prepare_image_renditions.enqueue(image_id))
