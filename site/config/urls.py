from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.conf.urls.static import static
from django.urls import include, path, re_path
from django.utils.translation import gettext_lazy as _
from django.views.generic import RedirectView
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from config import views as config_views
from home import views as home_views
from home.sitemaps import sitemap_view


def to_allauth(pattern_name):
    """Send an old login address to allauth's page, keeping ``?next=``."""
    return RedirectView.as_view(pattern_name=pattern_name, query_string=True)


# Account pages allauth offers that this site does not use: a participant's login address is
# the coordinator's to change, and a first password is chosen through the emailed invitation
# link. They answer 404. (accounts/signup/ stays: it explains that there is no sign-up;
# accounts/password/change/ stays: it asks for the current password.)
CLOSED_ACCOUNT_PAGES = [
    "accounts/email/",
    "accounts/reauthenticate/",
    "accounts/password/set/",
]

urlpatterns = [
    # Every login goes through allauth, whose attempts are limited (ACCOUNT_RATE_LIMITS).
    path("admin/login/", to_allauth("account_login")),
    path("admin/password_reset/", to_allauth("account_reset_password")),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("sitemap.xml", sitemap_view, name="sitemap"),
    path("robots.txt", home_views.robots_txt, name="robots_txt"),
]

if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
else:
    # Uploaded images, when no proxy in front serves MEDIA_ROOT itself (README: Production).
    urlpatterns += [
        re_path(
            r"^media/(?P<path>(?:original_images|images)/[^/]+)$",
            config_views.serve_image_file,
            name="media_image",
        )
    ]

# English at /, Danish at /da/, each with its own words: the patterns marked _() are
# translated in the Danish catalogue (/da/arrangementer/..., /da/soeg/). Old English
# addresses under /da/ redirect to the Danish ones (home.middleware). Wagtail's catch-all page
# route comes last.
urlpatterns += i18n_patterns(
    path(_("search/"), home_views.search, name="search"),
    *(path(closed, config_views.not_found) for closed in CLOSED_ACCOUNT_PAGES),
    path("accounts/", include("allauth.urls")),
    path("_util/login/", to_allauth("account_login")),
    path("portal/", include("portal.urls")),
    path(_("privacy/"), include("privacy.urls")),
    path(_("events/"), include("events.urls")),
    path(_("survey/"), include("evaluation.urls")),
    path(_("applications/"), include("intake.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)
