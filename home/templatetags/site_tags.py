"""Template tags for the site chrome: language alternates and the main menu."""

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils import translation
from wagtail.models import Page, Site

register = template.Library()


@register.simple_tag(takes_context=True)
def language_alternates(context):
    """The current page in every language: code, local name, URL, absolute URL and whether
    it is the language being read. A Wagtail page has its own slug per language; any other
    view is translated through its URL pattern."""
    request = context["request"]
    page = context.get("page")
    current = translation.get_language()
    alternates = []
    for code, _name in settings.LANGUAGES:
        if isinstance(page, Page) and page.pk:
            with translation.override(code):
                url = page.get_url(request=request)
        else:
            # translate_url resolves the path in the language being read, then reverses it.
            url = translate_url(request.get_full_path(), code)
        alternates.append(
            {
                "code": code,
                "name": translation.get_language_info(code)["name_local"],
                "url": url,
                "absolute_url": request.build_absolute_uri(url),
                "current": code == current,
            }
        )
    return alternates


@register.simple_tag(takes_context=True)
def main_menu(context):
    """Pages below the site's home page marked 'show in menus'."""
    request = context["request"]
    site = Site.find_for_request(request)
    if site is None:
        return Page.objects.none()
    return site.root_page.get_children().live().public().in_menu().order_by("path")


@register.simple_tag(takes_context=True)
def site_root(context):
    site = Site.find_for_request(context["request"])
    return site.root_page if site else None
