"""Serve published Wagtail pages to anonymous visitors from the page cache.

Served from the cache, and stored in it, only when every response to this request would be the
same for every visitor:

- a GET (or HEAD, served only) by a visitor who is not logged in and has no message waiting;
- a page served by Wagtail (``wagtail_serve``: not the portal, search, feeds or admin, not a
  preview), answering 200 without setting a cookie and not marked private or no-store;
- rendered without a CSRF token: a page with a POST form (an event's public sign-up form, an
  application form, a password-protected page's form) carries a token that belongs to one
  visitor, so it is never stored and its form keeps working as before;
- stored only from a request without a session, so that a page shown because a visitor's
  session holds a page password is never handed to others.

Pages that qualify carry ``Cache-Control: public`` with a short ``max-age`` and an ETag, and a
conditional GET with that ETag is answered ``304 Not Modified``.
"""

from django.conf import settings
from django.contrib.messages import get_messages
from django.utils import translation
from django.utils.cache import patch_cache_control

from .responses import conditional, etag_for, freeze, key_for, thaw

UNCACHEABLE_DIRECTIVES = ("private", "no-store", "no-cache")
MAX_QUERY_LENGTH = 256


def page_key(request):
    return key_for(
        "page",
        request.scheme,
        request.get_host(),
        translation.get_language(),
        request.get_full_path(),
    )


def may_serve_cached(request):
    """Whether this request may get (or give) the anonymous copy."""
    if not settings.PAGE_CACHE_ENABLED or request.method not in ("GET", "HEAD"):
        return False
    if request.path_info.startswith(settings.CSP_ADMIN_PREFIX):
        return False
    if len(request.META.get("QUERY_STRING", "")) > MAX_QUERY_LENGTH:
        return False
    if request.user.is_authenticated:
        return False
    return len(get_messages(request)) == 0


def may_store(request, response):
    match = getattr(request, "resolver_match", None)
    cache_control = response.get("Cache-Control", "").lower()
    return (
        request.method == "GET"
        and match is not None
        and match.url_name == "wagtail_serve"
        and not getattr(request, "is_preview", False)
        and response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not any(directive in cache_control for directive in UNCACHEABLE_DIRECTIVES)
        # A rendered {% csrf_token %}: the page holds a token for this visitor only.
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and not request.user.is_authenticated
        and len(get_messages(request)) == 0
    )


def make_public(response):
    patch_cache_control(
        response,
        public=True,
        max_age=settings.PAGE_CACHE_MAX_AGE,
        s_maxage=settings.PAGE_CACHE_S_MAXAGE,
    )
    return response


class AnonymousPageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        from .generation import page_cache

        if not may_serve_cached(request):
            return self.get_response(request)
        key = page_key(request)
        stored = page_cache().get(key)
        if stored is not None:
            response = make_public(thaw(stored))
            response["X-Page-Cache"] = "hit"
            return conditional(request, response)
        response = self.get_response(request)
        if may_store(request, response):
            response["ETag"] = etag_for(response.content)
            make_public(response)
            page_cache().set(key, freeze(response), settings.PAGE_CACHE_SECONDS)
            response["X-Page-Cache"] = "miss"
            return conditional(request, response)
        return response
