"""Responses for a signed-in person are theirs alone: no shared cache may keep them."""

from django.conf import settings
from django.utils.cache import patch_cache_control


class PrivateWhenSignedInMiddleware:
    """``Cache-Control: private, no-store`` on every response to a signed-in person.

    Every page's header shows the signed-in person's name, and the portal, exports and
    downloads show their data, so neither a proxy nor the browser's disk may keep them.
    Uploaded images (MEDIA_URL) are the same for everyone and stay cacheable.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        user = getattr(request, "user", None)
        signed_in = user is not None and user.is_authenticated
        if signed_in and not request.path_info.startswith(settings.MEDIA_URL):
            patch_cache_control(response, private=True, no_store=True)
        return response
