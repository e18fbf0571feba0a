"""``/sitemap.xml`` listing every live public page in English and Danish with alternates.

Its cost grows with the number of pages only as far as it must: the pages come in one query as
plain ``Page`` rows (their address and publishing date are fields every page has, so the
specific page types are not fetched), and each page's address in each language is worked out
once, though Django asks for it again for every alternate of every entry.
"""

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.contrib.sitemaps.views import sitemap
from django.utils.translation import get_language
from wagtail.models import Page, Site

from pagecache.responses import cached_response, key_for


class PageSitemap(Sitemap):
    i18n = True
    alternates = True
    x_default = True

    def items(self):
        site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
        if site is None:
            return Page.objects.none()
        return site.root_page.get_descendants(inclusive=True).live().public().order_by("path")

    def location(self, page):
        # Called with the item's language active, so the localised slug path is returned.
        key = (page.pk, get_language())
        locations = self.__dict__.setdefault("_locations", {})
        if key not in locations:
            locations[key] = page.get_url_parts()[2]
        return locations[key]

    def lastmod(self, page):
        return page.last_published_at


# The sitemap changes only when a page does: kept on the page cache until then (the key carries
# the generation every page change bumps, see pagecache/), and at most an hour, since every
# change (a sign-up too) leaves the old generation's copy behind until it expires.
SITEMAP_CACHE_SECONDS = 60 * 60


def sitemap_view(request):
    """``/sitemap.xml`` from the page cache, with an ETag and the newest page's Last-Modified;
    a conditional request for an unchanged sitemap is answered "304 Not Modified"."""
    # Keyed on its page number alone: any other query string leaves it the same, and must not
    # build and keep another copy each.
    number = request.GET.get("p", "1").lstrip("0")
    key = key_for("sitemap", request.scheme, request.get_host(), number)
    return cached_response(
        request,
        key,
        lambda: sitemap(request, sitemaps={"pages": PageSitemap}),
        SITEMAP_CACHE_SECONDS,
        cache_control={"public": True, "max_age": settings.PAGE_CACHE_MAX_AGE},
    )
