"""Test settings: fast hashing, in-memory email and cache, no manifest for static files."""

import os

from .base import *  # noqa: F403

SECRET_KEY = "test-only-key"  # noqa: S105 (tests only)
DEBUG = False
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# The page cache runs in the tests too: in memory, or on the Redis database named by
# PAGE_CACHE_TEST_REDIS_URL (each test empties it, so give it a database of its own).
_page_cache_redis = os.environ.get("PAGE_CACHE_TEST_REDIS_URL", "")
CACHES["pages"] = (
    {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": _page_cache_redis}
    if _page_cache_redis
    else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "pages"}
)
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}
DEMO_CONTENT_ALLOWED = True
# Renditions are made as pages ask for them: the browser tests build the demo's pictures many
# times, and making all of them each time costs seconds (tests/pictures turn it on).
PICTURES_PREPARE_RENDITIONS = False
WAGTAILADMIN_BASE_URL = "http://testserver"
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
