"""``/sitemap.xml`` listing every live public page in English and Danish with alternates."""

from django.contrib.sitemaps import Sitemap
from wagtail.models import Page, Site


class PageSitemap(Sitemap):
    i18n = True
    alternates = True
    x_default = True

    def items(self):
        site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
        if site is None:
            return Page.objects.none()
        return (
            site.root_page.get_descendants(inclusive=True)
            .live()
            .public()
            .order_by("path")
            .specific()
        )

    def location(self, page):
        # Called with the item's language active, so the localised slug path is returned.
        return page.get_url_parts()[2]

    def lastmod(self, page):
        return page.last_published_at
