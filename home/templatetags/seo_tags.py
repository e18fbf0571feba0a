"""``{% seo_head %}``: the <head> tags of ``home.seo`` (canonical, description, robots, Open
Graph and Twitter card), and ``{% site_name %}``, the programme's name in the language read."""

from django import template
from django.conf import settings
from django.utils import translation

from home import seo

register = template.Library()


@register.simple_tag
def site_name():
    return seo.site_name()


@register.inclusion_tag("includes/seo_head.html", takes_context=True)
def seo_head(context):
    request = context.get("request")
    page = context.get("page")
    if page is not None and not hasattr(page, "search_description"):
        page = None  # a context's "page" may be a paginator page, not a Wagtail page
    current = translation.get_language() or settings.LANGUAGE_CODE
    title = ""
    if page is not None:
        title = getattr(page, "seo_title", "") or page.title
    share_image = seo.share_image(request, page)
    image = seo.page_image(page)
    return {
        "canonical": seo.canonical_url(request),
        "description": seo.page_description(page),
        "noindex": bool(context.get("noindex")) or seo.is_noindex(request),
        "title": title,
        "site_name": seo.site_name(),
        "og_type": "article" if page is not None and (page.depth or 0) > 2 else "website",
        "og_locale": seo.og_locale(current),
        "og_locale_alternates": [
            seo.og_locale(code) for code, _name in settings.LANGUAGES if code != current
        ],
        "share_image": share_image,
        "image_alt": (getattr(image, "description", "") or getattr(image, "title", ""))
        if image
        else "",
    }
