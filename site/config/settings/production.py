"""Production settings: everything secret or site-specific comes from the environment.

Refuses to start with an incomplete configuration rather than fall back to a default that only
suits a developer's machine (a known secret key, the database file in the code folder, a cache
each server process keeps to itself, email links to http://127.0.0.1:8000). Every missing
variable is named in one message, so one failed start lists everything to set.
"""

import os

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403

DEBUG = False


def missing_configuration(environ):
    """The sentences saying what the environment lacks; empty when production can start."""
    problems = []

    def require(name, why):
        if not environ.get(name, "").strip():
            problems.append(f"Set the {name} environment variable ({why}).")

    require("SECRET_KEY", "a long random string")
    require("ALLOWED_HOSTS", "the host names the site answers to, comma-separated")
    require("WAGTAILADMIN_BASE_URL", "the site's public address, e.g. https://example.dk")
    require("DATABASE_URL", "postgres://user:password@host:5432/name")
    require(
        "REDIS_URL",
        "a cache shared by every server process, e.g. redis://localhost:6379/0; without it "
        "each process counts login attempts on its own and the limits multiply",
    )
    require(
        "ALLAUTH_TRUSTED_PROXY_COUNT",
        "how many proxies in front of the site add to X-Forwarded-For: 1 behind one nginx, "
        "0 when gunicorn faces the internet",
    )
    require("DEFAULT_FROM_EMAIL", "the sender of the site's email")
    require("COORDINATOR_EMAIL", "where coordinator notices go")
    backend = environ.get("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
    if backend == "django.core.mail.backends.smtp.EmailBackend":
        require("EMAIL_HOST", "the SMTP server for outgoing email")
    base_url = environ.get("WAGTAILADMIN_BASE_URL", "").strip()
    if base_url and not base_url.startswith("https://"):
        problems.append(
            f"WAGTAILADMIN_BASE_URL must be the site's https:// address, not {base_url!r}."
        )
    return problems


_problems = missing_configuration(os.environ)
if _problems:
    raise ImproperlyConfigured(
        "Production settings are incomplete (see .env.example):\n" + "\n".join(_problems)
    )

WAGTAILADMIN_BASE_URL = WAGTAILADMIN_BASE_URL.rstrip("/")  # noqa: F405

# Background tasks wait in the database for `manage.py db_worker` (README: Production).
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)  # noqa: F405
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", str(60 * 60 * 24 * 365)))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
DEMO_CONTENT_ALLOWED = False
