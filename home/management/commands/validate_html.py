"""Check the HTML of every public page with the Nu HTML Checker (vnu.jar, as validator.w3.org).

``make validate-html`` (README) builds the demo and runs this. Every live public page is
rendered in English and in Danish through Django's test client (no server needed), together
with the views that are not pages (month, archive, search, log in), written to a scratch folder
and checked in one run of ``java -jar vnu.jar --errors-only``. Any error fails the command.
"""

import shutil
import subprocess
import tempfile
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.test import Client
from django.test.utils import override_settings
from django.utils import translation
from wagtail.models import Page, Site

from home.public_pages import sample_pages

DEFAULT_JAR = Path(settings.BASE_DIR) / "tools/vnu/node_modules/vnu-jar/build/dist/vnu.jar"


def public_paths():
    """``[(language, path)]``: every live public page and the sample views, in both
    languages."""
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        raise CommandError("No site: load the demo first (make setup).")
    pages = site.root_page.get_descendants(inclusive=True).live().public().specific()
    paths = []
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            found = {page.get_url() for page in pages if isinstance(page, Page)}
            found |= set(sample_pages().values())
        paths += [(code, path) for path in sorted(found) if path]
    return paths


class Command(BaseCommand):
    help = "Checks every public page's HTML (both languages) with the Nu HTML Checker."

    def add_arguments(self, parser):
        parser.add_argument("--jar", default=str(DEFAULT_JAR), help="path of vnu.jar")

    def handle(self, *args, jar, **options):
        java = shutil.which("java")
        if java is None:
            raise CommandError("Java is needed: sudo apt-get install default-jre-headless")
        if not Path(jar).exists():
            raise CommandError(f"{jar} is missing: run make validate-html (it installs it)")
        client = Client()
        with (
            tempfile.TemporaryDirectory() as folder,
            override_settings(ALLOWED_HOSTS=["*"], PAGE_CACHE_ENABLED=False),
        ):
            written = []
            for code, path in public_paths():
                response = client.get(path, follow=True)
                if response.status_code != 200:
                    raise CommandError(f"{path} answered {response.status_code}")
                name = f"{code}{path.replace('/', '_').replace('?', '_')}.html"
                (Path(folder) / name).write_bytes(response.content)
                written.append(name)
            self.stdout.write(f"Checking {len(written)} pages with the Nu HTML Checker…")
            result = subprocess.run(  # noqa: S603 (java and the checker, our arguments)
                [java, "-jar", jar, "--errors-only", "--skip-non-html", folder],
                capture_output=True,
                text=True,
            )
        if result.returncode != 0:
            self.stderr.write(result.stderr or result.stdout)
            raise CommandError("Some pages are not valid HTML (above).")
        self.stdout.write(self.style.SUCCESS(f"All {len(written)} pages are valid HTML."))
