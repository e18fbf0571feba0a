"""Template tags for the site chrome: language alternates and the main menu."""

from django import template
from django.conf import settings
from django.http import Http404
from django.urls import translate_url
from django.utils import translation
from wagtail.models import Page, Site

register = template.Library()

SIDEBAR_PAGES = 12


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


def _frame_cached(request, name, compute):
    """``compute()`` kept on the page cache per host until the next content change (the key
    carries the page cache's generation, see pagecache/). Page objects keep every language's
    title and path, so one entry serves both languages."""
    from pagecache.generation import kept

    return kept(f"{name}:{request.get_host()}", compute)


def _site_root_page(request):
    site = Site.find_for_request(request)
    return site.root_page if site else None


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

    def menu():
        root = _site_root_page(request)
        if root is None:
            return []
        return list(root.get_children().live().public().in_menu().order_by("path"))

    if getattr(request, "is_preview", False):
        return menu()
    return _frame_cached(request, "menu", menu)


@register.simple_tag(takes_context=True)
def site_root(context):
    request = context["request"]
    if getattr(request, "is_preview", False):
        return _site_root_page(request)
    return _frame_cached(request, "root", lambda: _site_root_page(request) or "")


@register.simple_tag(takes_context=True)
def section_navigation(context):
    """The pages beside the current one for the sidebar: ``(heading page, pages)``.

    Below a section (a page under a top-level page): that section and its pages. A top-level
    page with pages of its own: itself and them. Otherwise the other top-level pages in the
    menu (the main menu on a phone is folded away; on a desktop the sidebar offers where to
    go next). A few queries, however many pages there are."""
    page = context.get("page")
    if not isinstance(page, Page) or not page.pk:
        return None, []
    root = site_root(context)
    if not root:
        return None, []
    parent = page.get_parent()
    if parent is None or page.pk == root.pk:
        return None, []
    if parent.pk != root.pk:
        section = parent
    elif page.get_children().live().public().exists():
        section = page
    else:
        return None, [item for item in main_menu(context) if item.pk != page.pk]
    # Bounded: a section of many pages (the calendar's events) shows its own link only.
    pages = list(section.get_children().live().public().order_by("path")[: SIDEBAR_PAGES + 1])
    return section, pages if len(pages) <= SIDEBAR_PAGES else []
