"""Content-Security-Policy: strict for the public site and the portal, looser for the admin.

The site's own pages load nothing from elsewhere and use no inline script or style, so their
policy allows only the site itself. Wagtail's admin writes inline scripts (date pickers,
inline panels) and style attributes (the rich-text editor), so under /admin/ those are
allowed too; it still loads nothing from other sites.
"""

from csp.middleware import CSPMiddleware
from django.conf import settings


class SitePolicyMiddleware(CSPMiddleware):
    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        if not report_only and request.path_info.startswith(settings.CSP_ADMIN_PREFIX):
            parts.replace = {**settings.CSP_ADMIN_DIRECTIVES, **(parts.replace or {})}
        return parts
