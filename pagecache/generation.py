"""The site-wide generation: part of every cached page's key, changed on every content change.

It is a random token rather than a counter, so a generation lost to eviction or a restarted
cache can never come back and revive old entries.

During a request the generation is read from the shared cache once and remembered until the
request ends (the frame's fragments all ask for it); outside a request (a command, a worker)
it is read every time, so a long-running process never holds on to an old one.
"""

import uuid
from contextvars import ContextVar

from django.conf import settings
from django.core.cache import caches
from django.db import transaction

GENERATION_KEY = "generation"

# A dict while a request is being answered (request_started/request_finished), else None.
_this_request = ContextVar("page_cache_generation", default=None)


def page_cache():
    return caches[settings.PAGE_CACHE_ALIAS]


def request_started(**kwargs):
    _this_request.set({})


def request_finished(**kwargs):
    _this_request.set(None)


def remember(value):
    """Keep ``value`` as the generation for the rest of this request (the page cache's
    middleware reads it together with the page)."""
    memo = _this_request.get()
    if memo is not None and value:
        memo["value"] = value


def current():
    """The generation now in force (created on first use)."""
    memo = _this_request.get()
    if memo is not None and "value" in memo:
        return memo["value"]
    cache = page_cache()
    value = cache.get(GENERATION_KEY)
    if value is None:
        cache.add(GENERATION_KEY, uuid.uuid4().hex[:12], timeout=None)
        value = cache.get(GENERATION_KEY)
    remember(value)
    return value


def _new_generation():
    value = uuid.uuid4().hex[:12]
    page_cache().set(GENERATION_KEY, value, timeout=None)
    remember(value)


def bump():
    """Purge every cached page, frame fragment and feed.

    At once (this process and the tests see the change straight away) and again when the
    transaction commits: a page rendered by another process between the two, from data not yet
    committed, would otherwise stay cached with the old content under the new generation."""
    _new_generation()
    transaction.on_commit(_new_generation)


# What every page's frame needs (the site's root page, the menu, a picture's preview address)
# kept in this process for the generation in force, on top of the shared cache: a page then
# asks the shared cache for the generation once and for none of these. A new generation (any
# content change, in any process) leaves the old values behind at the next request.
_local = {"generation": None, "values": {}}
LOCAL_MOST = 1000  # entries kept in this process: a bound, far above what a site needs
# How long a frame entry stays on the shared cache: every change leaves the old generation's
# entries behind, so they must expire rather than pile up (the footer's fragment: the same).
FRAME_SECONDS = 60 * 60


def kept(key, compute):
    """``compute()``, kept until the next change: in this process, then on the page cache."""
    generation = current()
    if _local["generation"] != generation or len(_local["values"]) >= LOCAL_MOST:
        _local.update(generation=generation, values={})
    values = _local["values"]
    if key in values:
        return values[key]
    shared_key = f"frame:{generation}:{key}"
    value = page_cache().get(shared_key)
    if value is None:
        value = compute()
        page_cache().set(shared_key, value, FRAME_SECONDS)
    values[key] = value
    return value


def keep_site_root_paths():
    """Every page address needs the sites' root paths in the language being read, which
    wagtail-modeltranslation fetches from the shared cache again each time the language
    changes (a page's links in the other language): kept with the frame instead. Sites and
    pages are among what changes the generation (``pagecache.signals``)."""
    from django.utils.translation import get_language
    from wagtail_modeltranslation import patch_wagtailadmin

    fetch = patch_wagtailadmin._localized_site_get_site_root_paths
    if getattr(fetch, "kept", False):
        return

    def kept_site_root_paths():
        return kept(f"site-root-paths:{get_language()}", fetch)

    kept_site_root_paths.kept = True
    patch_wagtailadmin._localized_site_get_site_root_paths = kept_site_root_paths
