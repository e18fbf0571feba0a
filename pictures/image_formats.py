"""Images inside rich text get the same responsive ``<picture>`` as image blocks (Wagtail's
default formats write one fixed-size ``<img>`` without lazy loading)."""

from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail.images.formats import Format, register_image_format, unregister_image_format

from .renditions import BODY_SIZES, picture_html

SIDE_SIZES = "(max-width: 40rem) 100vw, 20rem"


class ResponsiveFormat(Format):
    def __init__(self, name, label, classname, sizes):
        super().__init__(name, label, classname, filter_spec="width-800")
        self.sizes = sizes

    def image_to_html(self, image, alt_text, extra_attributes=None):
        return format_html(
            '<div class="{}">{}</div>',
            self.classname,
            picture_html(image, sizes=self.sizes, alt=alt_text),
        )


for name, label, sizes in [
    ("fullwidth", _("Full width"), BODY_SIZES),
    ("left", _("Left-aligned"), SIDE_SIZES),
    ("right", _("Right-aligned"), SIDE_SIZES),
]:
    unregister_image_format(name)
    register_image_format(ResponsiveFormat(name, label, f"richtext-image {name}", sizes))
