"""Serve published Wagtail pages to anonymous visitors from the page cache.

The middleware sits near the top of the stack (after WhiteNoise), so that a page kept in the
cache is answered almost as cheaply as a static file: no session, no database, no template.
What it keeps is the whole response as the rest of the stack finished it (its security,
Content-Security-Policy, Vary and language headers included).

Served from the cache, and stored in it, only when every response to this request would be the
same for every visitor:

- a GET (or HEAD, served only) without a session cookie (so never a logged-in visitor, nor a
  visitor whose session holds a page password or a message) and without a message cookie;
- a page served by Wagtail (``wagtail_serve``: not the portal, search or admin, not a
  preview), the sitemap or a public feed, answering 200 without setting a cookie and not
  marked private or no-store;
- rendered without a CSRF token: a page with a POST form (an event's public sign-up form, an
  application form, a password-protected page's form) carries a token that belongs to one
  visitor, so it is never stored and its form keeps working as before.

Pages that qualify carry ``Cache-Control: public`` with a short ``max-age`` and ``s-maxage``
and an ETag, and a conditional GET with that ETag is answered ``304 Not Modified``.
"""

import gzip
import re

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.exceptions import DisallowedHost
from django.http import HttpResponse
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.translation import get_language_from_path

from .generation import GENERATION_KEY, kept, page_cache, remember
from .generation import current as current_generation
from .responses import conditional, digest, etag_for

UNCACHEABLE_DIRECTIVES = ("private", "no-store", "no-cache")
MAX_QUERY_LENGTH = 256
# What is kept: Wagtail's pages, and the sitemap and public feeds (whose views keep their own
# copy too, but answering here skips sessions and the rest of the stack).
KEPT_VIEWS = {"wagtail_serve", "sitemap", "events:feed", "events:event_ics"}
# Headers never kept with a page: per response or per visitor.
NOT_KEPT = {"set-cookie", "date", "expires", "x-page-cache", "content-length"}
# Kept pages this big or bigger are kept compressed too (Django's GZipMiddleware's own rule).
COMPRESS_FROM = 200
ACCEPTS_GZIP = re.compile(r"\bgzip\b")


def page_key(request):
    """The page's key, without the generation: a kept page carries the generation it was
    rendered in, so the page and the generation now in force come in one round trip to the
    cache (``get_many``), and a page of an older generation is not served."""
    language = get_language_from_path(request.path_info) or settings.LANGUAGE_CODE
    parts = (request.scheme, request.get_host(), language, request.get_full_path())
    return f"page:{digest(parts)}"


def may_serve_cached(request):
    """Whether this request may get (or give) the anonymous copy: decided from the request
    alone, before any session or database is touched."""
    return (
        settings.PAGE_CACHE_ENABLED
        and request.method in ("GET", "HEAD")
        and not request.path_info.startswith(settings.CSP_ADMIN_PREFIX)
        and len(request.META.get("QUERY_STRING", "")) <= MAX_QUERY_LENGTH
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and CookieStorage.cookie_name not in request.COOKIES
    )


def may_store(request, response):
    match = getattr(request, "resolver_match", None)
    user = getattr(request, "user", None)
    cache_control = response.get("Cache-Control", "").lower()
    return (
        request.method == "GET"
        and match is not None
        and match.view_name in KEPT_VIEWS
        and not getattr(request, "is_preview", False)
        and response.status_code == 200
        and not response.streaming
        # No session started, no message left for later, no CSRF cookie set...
        and not response.cookies
        and not any(directive in cache_control for directive in UNCACHEABLE_DIRECTIVES)
        # ...and no {% csrf_token %} rendered: the page would hold a token for one visitor.
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        and (user is None or not user.is_authenticated)
    )


def make_public(response):
    if "Cache-Control" in response:
        return response  # the view's own (the feed's 15 minutes)
    patch_cache_control(
        response,
        public=True,
        max_age=settings.PAGE_CACHE_MAX_AGE,
        s_maxage=settings.PAGE_CACHE_S_MAXAGE,
    )
    return response


def freeze(response, generation):
    headers = [(name, value) for name, value in response.items() if name.lower() not in NOT_KEPT]
    stored = {"headers": headers, "generation": generation}
    if len(response.content) >= COMPRESS_FROM and not response.has_header("Content-Encoding"):
        # Kept compressed only, once, rather than compressed for every visitor: a page is a
        # fifth of its size, the sitemap a tenth, and that is all that comes from the cache on
        # a hit. The rare client without gzip gets it uncompressed again (a millisecond). It
        # holds nothing secret: no token, no one's data.
        stored["gzip"] = gzip.compress(response.content, compresslevel=6, mtime=0)
    else:
        stored["content"] = response.content
    return stored


def thaw(stored, request):
    """The kept response, compressed for a client that accepts gzip (every browser)."""
    accepts = ACCEPTS_GZIP.search(request.META.get("HTTP_ACCEPT_ENCODING", ""))
    compressed = stored.get("gzip") if accepts else None
    if compressed is None and "content" not in stored:
        stored = {**stored, "content": gzip.decompress(stored["gzip"])}
    response = HttpResponse(compressed or stored["content"])
    for name, value in stored["headers"]:
        response[name] = value
    if "gzip" in stored:
        patch_vary_headers(response, ("Accept-Encoding",))
    if compressed:
        response["Content-Encoding"] = "gzip"
        if response.has_header("ETag"):  # another representation, another ETag
            response["ETag"] = response["ETag"].removesuffix('"') + '-gzip"'
    response["Content-Length"] = str(len(response.content))
    return response


class AnonymousPageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not may_serve_cached(request):
            return self.get_response(request)
        key = page_key(request)
        found = page_cache().get_many([key, GENERATION_KEY])
        remember(found.get(GENERATION_KEY))
        generation = current_generation()
        stored = found.get(key)
        if stored is not None and stored.get("generation") == generation:
            response = thaw(stored, request)
            response["X-Page-Cache"] = "hit"
            return conditional(request, response)
        response = self.get_response(request)
        if may_store(request, response):
            response["ETag"] = etag_for(response.content)
            make_public(response)
            # Kept with the generation read before rendering: had a change bumped it meanwhile,
            # the page would be stale at once rather than kept under the new generation.
            stored = freeze(response, generation)
            page_cache().set(key, stored, settings.PAGE_CACHE_SECONDS)
            response = thaw(stored, request)
            response["X-Page-Cache"] = "miss"
            return conditional(request, response)
        return response


class KnownSiteMiddleware:
    """The Wagtail site answering this request, kept until the next change like the rest of
    the frame (``pagecache.generation.kept``) instead of looked up in the database on every
    request; with it its root page, which keeps its specific page once routing has fetched it
    in this process, so the home page then routes without a query. Only for a host in
    ALLOWED_HOSTS (any other gets its 400 further on)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        from wagtail.models import Site

        try:
            host = request.get_host()
        except DisallowedHost:
            return self.get_response(request)

        def find_site():
            return Site.find_for_request(request) or ""

        request._wagtail_site = kept(f"site:{host}:{request.get_port()}", find_site) or None
        return self.get_response(request)
