"""The site-wide generation: part of every cached page's key, changed on every content change.

It is a random token rather than a counter, so a generation lost to eviction or a restarted
cache can never come back and revive old entries.
"""

import uuid

from django.conf import settings
from django.core.cache import caches
from django.db import transaction

GENERATION_KEY = "generation"


def page_cache():
    return caches[settings.PAGE_CACHE_ALIAS]


def current():
    """The generation now in force (created on first use)."""
    cache = page_cache()
    value = cache.get(GENERATION_KEY)
    if value is None:
        cache.add(GENERATION_KEY, uuid.uuid4().hex[:12], timeout=None)
        value = cache.get(GENERATION_KEY)
    return value


def _new_generation():
    page_cache().set(GENERATION_KEY, uuid.uuid4().hex[:12], timeout=None)


def bump():
    """Purge every cached page, frame fragment and feed.

    At once (this process and the tests see the change straight away) and again when the
    transaction commits: a page rendered by another process between the two, from data not yet
    committed, would otherwise stay cached with the old content under the new generation."""
    _new_generation()
    transaction.on_commit(_new_generation)
