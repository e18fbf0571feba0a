"""WSGI entry point: ``gunicorn --pythonpath site config.wsgi``.

``--pythonpath site`` puts the ``site/`` folder on the import path; the lines below do the same
for servers that import this file by path, and put the project root there for the apps.
"""

import os
import sys
from pathlib import Path

SITE_DIR = Path(__file__).resolve().parent.parent
for path in (SITE_DIR, SITE_DIR.parent):
    if str(path) not in sys.path:
        sys.path.insert(0, str(path))

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.production")

from django.core.wsgi import get_wsgi_application  # noqa: E402

application = get_wsgi_application()
