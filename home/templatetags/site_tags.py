"""Template tags for the site chrome: language alternates and the main menu."""

from django import template
from django.conf import settings
from django.http import Http404
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
    suffix = ""
    if isinstance(page, Page) and page.pk:
        # A routable page's sub-view (say /events/month/2026/11/) keeps its route, and any
        # view keeps its query (filters), in the other language.
        page_url = page.get_url(request=request) or ""
        if page_url and request.path.startswith(page_url):
            suffix = request.path[len(page_url) :]
        if request.META.get("QUERY_STRING"):
            suffix += "?" + request.META["QUERY_STRING"]
    route = _subpage_route(page, suffix)
    for code, _name in settings.LANGUAGES:
        if isinstance(page, Page) and page.pk:
            with translation.override(code):
                url = (page.get_url(request=request) or "") + _translated_suffix(
                    page, suffix, route
                )
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


def _subpage_route(page, suffix):
    """The named route of a routable page's sub-view (say "month" for month/2026/11/), in
    the language being read, or None."""
    path = suffix.split("?", 1)[0]
    if not path or not hasattr(page, "resolve_subpage"):
        return None
    try:
        match = page.resolve_subpage("/" + path)
    except Http404:
        return None
    return match if match.url_name else None


def _translated_suffix(page, suffix, route):
    """The sub-view's route in the active language's words (month/ → maaned/), its query
    kept."""
    if route is None:
        return suffix
    query = "?" + suffix.split("?", 1)[1] if "?" in suffix else ""
    return page.reverse_subpage(route.url_name, args=route.args, kwargs=route.kwargs) + query


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
