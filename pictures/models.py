"""The site's image model: Wagtail's image with its alternative text in English and Danish.

Wagtail's own ``description`` field is the alternative text (``image.default_alt_text`` reads
it, and Wagtail's image blocks and rich-text images use it). A custom image model is the clean
way to translate it: registering Wagtail's own ``wagtailimages.Image`` with modeltranslation
would add columns to a table whose migrations belong to Wagtail. ``pictures/translation.py``
makes ``description_en`` and ``description_da``; ``description`` reads the active language's
text, falling back to English. ``pictures/forms.py`` makes both required on upload and edit.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.images.models import AbstractImage, AbstractRendition
from wagtail.images.models import Image as WagtailImage


class SiteImage(AbstractImage):
    # Who may add, change or choose images is still decided by wagtailimages.Image's
    # permissions (Wagtail's image permission policy checks those for a custom model too),
    # so the roles in accounts/roles.py are unchanged.
    admin_form_fields = tuple(
        field
        for name in WagtailImage.admin_form_fields
        for field in (("description_en", "description_da") if name == "description" else (name,))
    )

    class Meta(AbstractImage.Meta):
        verbose_name = _("image")
        verbose_name_plural = _("images")


class SiteRendition(AbstractRendition):
    image = models.ForeignKey(SiteImage, on_delete=models.CASCADE, related_name="renditions")

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)
