from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.conf.urls.static import static
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from home import views as home_views
from home.sitemaps import PageSitemap

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path(
        "sitemap.xml",
        sitemap,
        {"sitemaps": {"pages": PageSitemap}},
        name="sitemap",
    ),
]

if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# English at /, Danish at /da/. Wagtail's catch-all page route comes last.
urlpatterns += i18n_patterns(
    path("search/", home_views.search, name="search"),
    path("accounts/", include("allauth.urls")),
    path("portal/", include("portal.urls")),
    path("privacy/", include("privacy.urls")),
    path("events/", include("events.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)
