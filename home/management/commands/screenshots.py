"""Screenshots of the public site at a phone's and a desktop's width, in both languages.

``make screenshots`` (README) builds the demo and runs this. Without ``--base-url`` it starts
the site itself (``runserver --noreload`` on a free port, the settings this command runs
under) and stops it afterwards; with ``--base-url`` it photographs a site already running.
Playwright drives Debian's Chromium (``/usr/bin/chromium``, or ``$CHROMIUM``), never a
downloaded browser. One full-page PNG per page, width and language, named
``<page>-<language>-<width>.png``.
"""

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import translation

from home.public_pages import sample_pages

WIDTHS = {390: 844, 1280: 800}  # width: height of the first screen
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SHOTS = ("home", "guide_step", "calendar", "event")


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until_up(url, seconds=60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5):  # noqa: S310 (our own http URL)
                return
        except urllib.error.HTTPError:
            return  # it answers
        except OSError:
            time.sleep(0.5)
    raise CommandError(f"The site did not answer at {url} within {seconds} s.")


class Command(BaseCommand):
    help = "Writes PNG screenshots of home, a guide step, the calendar and an event page."

    def add_arguments(self, parser):
        parser.add_argument("--out", default="screenshots", help="folder for the PNGs")
        parser.add_argument(
            "--base-url", default="", help="a site already running (else one is started)"
        )

    def handle(self, *args, out, base_url, **options):
        chromium = os.environ.get("CHROMIUM", "/usr/bin/chromium")
        if not Path(chromium).exists():
            raise CommandError(f"Chromium not found at {chromium}: apt-get install chromium")
        paths = {}
        for code, _name in settings.LANGUAGES:
            with translation.override(code):
                found = sample_pages()
            paths[code] = {key: found[key] for key in SHOTS if found.get(key)}
        if not paths["en"]:
            raise CommandError("No pages found: load the demo first (manage.py load_demo).")
        folder = Path(out)
        folder.mkdir(parents=True, exist_ok=True)

        server = None
        if not base_url:
            port = free_port()
            base_url = f"http://127.0.0.1:{port}"
            server = subprocess.Popen(  # noqa: S603 (runserver, our arguments)
                [sys.executable, "manage.py", "runserver", "--noreload", f"127.0.0.1:{port}"],
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
        try:
            wait_until_up(base_url + "/")
            written = self.photograph(chromium, base_url.rstrip("/"), paths, folder)
        finally:
            if server is not None:
                server.terminate()
                server.wait(timeout=10)
        self.stdout.write(f"{written} screenshots in {folder.resolve()}")

    def photograph(self, chromium, base_url, paths, folder):
        from playwright.sync_api import sync_playwright

        written = 0
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=chromium, headless=True, args=CHROMIUM_ARGS
            )
            try:
                for width, height in WIDTHS.items():
                    context = browser.new_context(
                        viewport={"width": width, "height": height},
                        device_scale_factor=1,
                        is_mobile=width < 600,
                        has_touch=width < 600,
                    )
                    tab = context.new_page()
                    for code, pages in paths.items():
                        for key, path in pages.items():
                            tab.goto(base_url + path, wait_until="networkidle")
                            # A full-page picture shows what is below the fold too: load the
                            # lazy pictures a reader would load by scrolling there.
                            tab.evaluate(
                                "document.querySelectorAll('img[loading=lazy]')"
                                ".forEach(img => { img.loading = 'eager'; })"
                            )
                            tab.wait_for_load_state("networkidle")
                            name = f"{key.replace('_', '-')}-{code}-{width}.png"
                            tab.screenshot(path=str(folder / name), full_page=True)
                            self.stdout.write(f"  {name}  {path}")
                            written += 1
                    context.close()
            finally:
                browser.close()
        return written
