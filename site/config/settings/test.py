"""Test settings: fast hashing, in-memory email and cache, no manifest for static files."""

from .base import *  # noqa: F403

SECRET_KEY = "test-only-key"  # noqa: S105 (tests only)
DEBUG = False
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}
DEMO_CONTENT_ALLOWED = True
WAGTAILADMIN_BASE_URL = "http://testserver"
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True

if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":  # noqa: F405
    # Each test writes its rows in one uncommitted transaction into tables that the previous
    # tests' flushes left with statistics saying "empty" (reltuples 0). Trusting them, the
    # planner nests index scans without a join condition, and a coordinator list over eight
    # joined tables of ~80 rows took 10-75 s (seen with auto_explain). Production tables
    # are analysed by autovacuum as they grow, so this is a property of the test database
    # only: there, joins use hash or merge joins, whatever the statistics say.
    DATABASES["default"].setdefault("OPTIONS", {})["options"] = "-c enable_nestloop=off"  # noqa: F405
