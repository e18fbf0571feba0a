"""Production settings for the cross-process test's gunicorn: only static files differ.

Production's static storage needs the manifest ``collectstatic`` writes; the test serves the
app folders' files instead, so it need not run collectstatic. Everything else, the shared
Redis cache and the login limits included, is production's.
"""

from config.settings.production import *  # noqa: F403

STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}
WHITENOISE_USE_FINDERS = True
