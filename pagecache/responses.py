"""Keeping a whole response on the page cache and answering conditional requests."""

import hashlib

from django.conf import settings
from django.http import HttpResponse
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import parse_http_date_safe

from . import generation

# Headers worth keeping with a cached body; the middleware around the view adds the rest
# (security headers, Content-Security-Policy, Vary) to every response again.
KEPT_HEADERS = ("Content-Type", "Content-Disposition", "Last-Modified", "X-Robots-Tag")


def etag_for(content):
    return f'"{hashlib.sha256(content).hexdigest()[:32]}"'


def digest(parts):
    return hashlib.sha256("|".join(str(part) for part in parts).encode()).hexdigest()[:40]


def key_for(kind, *parts):
    return f"{kind}:{generation.current()}:{digest(parts)}"


def freeze(response):
    """What is kept of a rendered response: its body, ETag and a few headers."""
    if "ETag" not in response:
        response["ETag"] = etag_for(response.content)
    headers = {name: response[name] for name in KEPT_HEADERS + ("ETag",) if name in response}
    return {"content": response.content, "headers": headers}


def thaw(stored):
    response = HttpResponse(stored["content"])
    for name, value in stored["headers"].items():
        response[name] = value
    return response


def conditional(request, response):
    """304 Not Modified when the client already has this ETag (or, without one, this
    Last-Modified); otherwise the response itself."""
    last_modified = parse_http_date_safe(response.get("Last-Modified", "")) or None
    return get_conditional_response(
        request, etag=response.get("ETag"), last_modified=last_modified, response=response
    )


def cached_response(request, key, build, timeout, cache_control=None):
    """The response ``build()`` makes, kept under ``key`` until the next change (the key
    carries the generation) or ``timeout`` seconds; conditional requests get a 304. With the
    page cache switched off (``PAGE_CACHE_ENABLED``), built every time, still with its ETag."""
    cache = generation.page_cache()
    stored = cache.get(key) if settings.PAGE_CACHE_ENABLED else None
    if stored is None:
        response = build()
        if response.status_code != 200 or response.cookies or response.streaming:
            return response
        if hasattr(response, "render") and not response.is_rendered:
            response.render()
        stored = freeze(response)
        if settings.PAGE_CACHE_ENABLED:
            cache.set(key, stored, timeout)
    response = thaw(stored)
    if cache_control:
        patch_cache_control(response, **cache_control)
    return conditional(request, response)
