"""Old English addresses under /da/ keep working.

Danish pages use Danish words in their addresses (/da/arrangementer/bekraeft/<token>/), but
links already mailed out or bookmarked read /da/events/confirm/<token>/. When such an address
finds nothing, it is looked up with the English words and, if it names one of the site's
views, answered with a permanent redirect to the Danish address of the same view.
"""

from django.conf import settings
from django.http import HttpResponsePermanentRedirect
from django.urls import Resolver404, resolve, reverse
from django.utils import translation


class PermanentRedirect308(HttpResponsePermanentRedirect):
    status_code = 308  # keeps a form's POST a POST


def translated_address(path):
    """The address in its own language of an English-worded ``/<language>/...`` path, or
    None when the English words name no view either."""
    for code, _name in settings.LANGUAGES:
        prefix = f"/{code}/"
        if code == settings.LANGUAGE_CODE or not path.startswith(prefix):
            continue
        with translation.override(settings.LANGUAGE_CODE):
            try:
                match = resolve("/" + path[len(prefix) :])
            except Resolver404:
                return None
        if match.url_name in (None, "wagtail_serve"):
            return None  # Wagtail pages have their own slugs per language
        with translation.override(code):
            address = reverse(match.view_name, args=match.args, kwargs=match.kwargs)
        return address if address != path else None
    return None


class EnglishAddressesUnderDanishMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.status_code != 404:
            return response
        address = translated_address(request.path_info)
        if address is None:
            return response
        query = request.GET.urlencode()
        if query:
            address += "?" + query
        if request.method in ("GET", "HEAD"):
            return HttpResponsePermanentRedirect(address)
        return PermanentRedirect308(address)
