"""Responsive renditions: one set of sizes and formats for every picture on the public site.

Each picture is offered as AVIF, WebP and JPEG (the browser takes the first it supports) at
up to three widths; ``sizes`` tells the browser how wide the picture is shown, so a phone
downloads the 400-pixel file. Widths never exceed the original: two candidates of the same
width would make the ``srcset`` invalid.

A picture in the body is shown whole. The hero and the listing cards are cut to one shape
(``HERO_RATIO``, ``CARD_RATIO``) around the image's focal point, which editors set in the
admin, so a tall photo does not push the page down and cards line up.
"""

import hashlib

from django.utils.html import format_html
from wagtail.images.models import Picture, SourceImageIOError

FORMATS = ("avif", "webp", "jpeg")
WIDTHS = (400, 800, 1200)
# How wide a picture is shown: the full width on a phone, the text column on a desktop.
BODY_SIZES = "(max-width: 48rem) 100vw, 46rem"
CARD_SIZES = "(max-width: 40rem) 100vw, 20rem"
HERO_RATIO = (2, 1)
CARD_RATIO = (16, 9)
# The picture of a link preview (og:image, home/seo.py): one JPEG in the shape previews use.
SHARE_FILTER = "fill-1200x630|format-jpeg"


def widths_for(image):
    """The rendition widths for ``image``: those below its own width, and its own width
    (capped at the largest) as the last one."""
    largest = min(image.width, WIDTHS[-1])
    return [width for width in WIDTHS if width < largest] + [largest]


def _resize(width, ratio):
    if ratio is None:
        return f"width-{width}"
    return f"fill-{width}x{round(width * ratio[1] / ratio[0])}"


def filter_specs(image, ratio=None):
    """Every rendition of ``image``: each format at each width, cut to ``ratio`` if given."""
    return [
        f"{_resize(width, ratio)}|format-{fmt}" for fmt in FORMATS for width in widths_for(image)
    ]


def every_filter_spec(image):
    """Every rendition the site may show of ``image``: in a body, as a hero, on a card and in
    a link preview (an SVG is shown as it is)."""
    if image.is_svg():
        return ["original"]
    return [
        *filter_specs(image),
        *filter_specs(image, HERO_RATIO),
        *filter_specs(image, CARD_RATIO),
        SHARE_FILTER,
    ]


def prepare_renditions(image):
    """Make every rendition of ``image`` now, so that no visitor waits for them: a page
    showing a dozen new pictures took 5 s to render the first time (AVIF is slow to encode).
    Returns False when the original file is missing."""
    try:
        image.get_renditions(*every_filter_spec(image))
    except SourceImageIOError:
        return False
    return True


def picture_html(image, *, sizes=BODY_SIZES, hero=False, alt=None, ratio=None):
    """The ``<picture>`` for ``image`` with width and height set: the hero loads at once with
    high priority, every other picture only when it comes near the screen. ``alt`` overrides
    the image's own alternative text ("" for a decorative use); ``None`` keeps the image's
    (or an image block's own text). ``ratio`` (width, height) cuts it to that shape.

    Kept with the page frame until the next change (an image saved is one): looking up nine
    renditions for each of the calendar's cards was nearly half of its render."""
    if image is None:
        return ""
    from django.utils.translation import get_language

    from pagecache.generation import kept

    # The image's own alternative text is read in the active language.
    focal_point = (image.focal_point_x, image.focal_point_y, image.focal_point_width)
    parts = (image.pk, image.file.name, focal_point, sizes, hero, alt, ratio)
    key = hashlib.sha1(repr((*parts, get_language())).encode(), usedforsecurity=False)
    return kept(
        f"picture:{key.hexdigest()}",
        lambda: _picture(image, sizes=sizes, hero=hero, alt=alt, ratio=ratio),
    )


def _picture(image, *, sizes, hero, alt, ratio):
    try:
        if image.is_svg():
            renditions = {"original": image.get_rendition("original")}
        else:
            renditions = image.get_renditions(*filter_specs(image, ratio))
    except SourceImageIOError:
        # The original file is missing (a lost upload, a copied database): the page is shown
        # without the picture rather than not at all.
        return ""
    attrs = {"sizes": sizes, "decoding": "async"}
    if hero:
        attrs.update(loading="eager", fetchpriority="high")
    else:
        attrs["loading"] = "lazy"
    if alt is not None:
        attrs["alt"] = alt
    return format_html("{}", Picture(renditions, attrs))
