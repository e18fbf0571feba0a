"""What search engines and link previews read in a page's <head>: its canonical address, a
description, Open Graph tags, and whether the page is kept out of search results.

Kept in one place so every page gets the same rules whatever template it uses; the template
tags in ``home/templatetags/seo_tags.py`` only hand these values to ``templates/base.html``.
"""

from django.utils import translation
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

# The programme's one name, per language (the Danish catalogue says "Værtsprogrammet"): the
# header, every <title>, og:site_name and the email sender; WAGTAIL_SITE_NAME (the admin) is
# the same lazy string.
SITE_NAME = gettext_lazy("Host Programme")

DESCRIPTION_LENGTH = 160

# Open Graph wants a territory with the language.
OG_LOCALES = {"en": "en_GB", "da": "da_DK"}

# Views kept out of search results: personal, one-off (a link with a token) or endless ones
# (search results; the month grid and the archive, which link on without end, say so in
# their context: ``noindex``).
NOINDEX_NAMESPACES = {"portal", "evaluation", "events"}
NOINDEX_URL_NAMES = {"search"}


def site_name():
    return str(SITE_NAME)


def default_description():
    return _(
        "The host programme matches newcomers to Denmark with a volunteer local host, a career "
        "host or a culture host, for about six months: meetings once or twice a month, shared "
        "events and a coordinator to turn to."
    )


def page_description(page):
    """The page's search description, else its introduction, else the site's default."""
    text = ""
    if page is not None:
        text = (getattr(page, "search_description", "") or "").strip()
        if not text:
            text = (getattr(page, "intro", "") or getattr(page, "summary", "") or "").strip()
    if not text:
        return default_description()
    return Truncator(" ".join(text.split())).chars(DESCRIPTION_LENGTH)


def is_noindex(request):
    """Whether the page answering ``request`` asks search engines not to index it."""
    if request is None:
        return False
    match = getattr(request, "resolver_match", None)
    if match is not None:
        if match.url_name and match.url_name.startswith("account_"):
            return True  # allauth: log in, sign-up, password reset, sign-in code
        if set(match.namespaces) & NOINDEX_NAMESPACES or match.url_name in NOINDEX_URL_NAMES:
            return True
        if "token" in match.kwargs:
            return True
    return False


def canonical_url(request):
    """The address of the page being read, without its query (filters, pagination)."""
    if request is None:
        return ""
    return request.build_absolute_uri(request.path)


def og_locale(language=None):
    return OG_LOCALES.get(language or translation.get_language() or "en", "en_GB")


def page_image(page):
    """The page's picture, if it has one (``BasePage.image``)."""
    return getattr(page, "image", None) if page is not None else None


def share_image(request, page):
    """The page's picture cropped for link previews: ``{"url": absolute address, "width",
    "height"}`` (a small picture is not enlarged, so its own size), or None."""
    image = page_image(page)
    if image is None:
        return None
    from wagtail.images.models import SourceImageIOError

    from pagecache.generation import kept
    from pictures.renditions import SHARE_FILTER

    def rendition():
        try:
            made = image.get_rendition(SHARE_FILTER)
        except SourceImageIOError:  # the file is missing: a page without a preview image
            return ""
        return {"url": made.url, "width": made.width, "height": made.height}

    found = kept(f"share-picture:{image.pk}", rendition)
    if not found:
        return None
    url = request.build_absolute_uri(found["url"]) if request is not None else found["url"]
    return {**found, "url": url}
