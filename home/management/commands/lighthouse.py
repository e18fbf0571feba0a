"""Lighthouse (mobile) on the public site served under the production settings.

``make lighthouse`` (README) builds the demo into a scratch SQLite database under the
development settings (the demo refuses production), then runs this command. It collects the
static files, starts gunicorn with ``config.settings.production`` and a complete production
environment pointing at that database (http on localhost, so no TLS redirect), and runs the
``lighthouse`` npm package installed in ``tools/lighthouse`` against home, the guide, a guide
step, the calendar and an event page in English and Danish, in Debian's Chromium. It prints
the four category scores per page, writes the JSON reports to ``--out`` and fails when any
score is below ``--minimum`` (95).
"""

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import translation

from home.public_pages import sample_pages

from .screenshots import free_port, wait_until_up

CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
PAGES = ("home", "guide", "guide_step", "calendar", "event")
LIGHTHOUSE = Path(settings.BASE_DIR) / "tools/lighthouse/node_modules/.bin/lighthouse"
CHROME_FLAGS = (
    "--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage"
    " --disable-background-networking --disable-component-update --disable-sync"
)


def production_environment(port, database_url):
    """What config.settings.production requires, for a local run over plain http."""
    env = dict(os.environ)
    env.update(
        DJANGO_SETTINGS_MODULE="config.settings.production",
        SECRET_KEY="lighthouse-run-" + "x" * 40,
        ALLOWED_HOSTS="localhost,127.0.0.1",
        WAGTAILADMIN_BASE_URL="https://hostprogramme.example.dk",
        DATABASE_URL=database_url,
        REDIS_URL=os.environ.get("LIGHTHOUSE_REDIS_URL", "redis://127.0.0.1:6379/12"),
        ALLAUTH_TRUSTED_PROXY_COUNT="0",
        DEFAULT_FROM_EMAIL="Host Programme <hostprogramme@example.dk>",
        COORDINATOR_EMAIL="coordinator@example.dk",
        EMAIL_BACKEND="django.core.mail.backends.console.EmailBackend",
        # Served over http on localhost: no redirect to https (browsers count localhost as
        # a secure origin, as Lighthouse does). Everything else is as on a server.
        SECURE_SSL_REDIRECT="false",
    )
    return env


class Command(BaseCommand):
    help = "Runs Lighthouse (mobile) on the public pages served under the production settings."

    def add_arguments(self, parser):
        parser.add_argument("--minimum", type=int, default=95)
        parser.add_argument("--out", default="lighthouse-reports")
        parser.add_argument("--pages", default=",".join(PAGES))

    def handle(self, *args, minimum, out, pages, **options):
        if not LIGHTHOUSE.exists():
            raise CommandError(
                f"Lighthouse is not installed: cd tools/lighthouse && npm install ({LIGHTHOUSE})"
            )
        chromium = os.environ.get("CHROME_PATH", "/usr/bin/chromium")
        if not Path(chromium).exists():
            raise CommandError(f"Chromium not found at {chromium}: apt-get install chromium")
        database = settings.DATABASES["default"]
        if database["ENGINE"] != "django.db.backends.sqlite3":
            raise CommandError("Run with DATABASE_URL=sqlite:///... (make lighthouse does).")
        database_url = f"sqlite:///{database['NAME']}"
        keys = [key for key in pages.split(",") if key]
        paths = []
        for code, _name in settings.LANGUAGES:
            with translation.override(code):
                found = sample_pages()
            paths += [(f"{key} ({code})", found[key]) for key in keys if key in found]
        if not paths:
            raise CommandError("No pages found: load the demo first.")

        port = free_port()
        env = production_environment(port, database_url)
        python = sys.executable
        # The subprocesses below run fixed programs with arguments built here (S603).
        subprocess.run(  # noqa: S603
            [python, "manage.py", "collectstatic", "--noinput", "-v", "0"], env=env, check=True
        )
        gunicorn = shutil.which("gunicorn", path=str(Path(python).parent)) or "gunicorn"
        server = subprocess.Popen(  # noqa: S603
            [gunicorn, "config.wsgi", "--pythonpath", "site", "-w", "2", "-b", f"127.0.0.1:{port}"]
            + ["--log-level", "warning"],
            env=env,
        )
        base_url = f"http://localhost:{port}"
        folder = Path(out)
        folder.mkdir(parents=True, exist_ok=True)
        rows = []
        try:
            wait_until_up(base_url + "/")
            for label, path in paths:
                rows.append((label, path, self.run_one(base_url + path, label, folder, chromium)))
        finally:
            server.terminate()
            server.wait(timeout=20)

        self.stdout.write(f"{'page':<22} " + " ".join(f"{c:>14}" for c in CATEGORIES))
        failed = []
        for label, path, scores in rows:
            self.stdout.write(
                f"{label:<22} " + " ".join(f"{scores.get(c, '–'):>14}" for c in CATEGORIES)
            )
            low = [c for c in CATEGORIES if scores.get(c) is None or scores[c] < minimum]
            if low:
                failed.append(f"{path}: {', '.join(low)}")
        self.stdout.write(f"Reports: {folder.resolve()}")
        if failed:
            raise CommandError(f"Below {minimum}:\n" + "\n".join(failed))
        self.stdout.write(self.style.SUCCESS(f"Every score is at least {minimum}."))

    def run_one(self, url, label, folder, chromium):
        name = label.replace(" ", "-").replace("(", "").replace(")", "")
        report = folder / f"{name}.json"
        env = dict(os.environ, CHROME_PATH=chromium)
        started = time.monotonic()
        # Lighthouse now and then fails to record a page load's trace (NO_NAVSTART, "run
        # Lighthouse again"): that is tried once more; a low score never is.
        for _attempt in range(2):
            report.unlink(missing_ok=True)
            result = subprocess.run(  # noqa: S603
                [
                    str(LIGHTHOUSE),
                    url,
                    "--quiet",
                    "--output=json",
                    f"--output-path={report}",
                    f"--only-categories={','.join(CATEGORIES)}",
                    f"--chrome-flags={CHROME_FLAGS}",
                ],
                env=env,
                capture_output=True,
                text=True,
            )
            if result.returncode == 0 and report.exists():
                break
            self.stderr.write(f"Lighthouse failed on {url}:\n{result.stderr[-2000:]}")
        else:
            return {}
        data = json.loads(report.read_text())
        scores = {
            key: round((category["score"] or 0) * 100)
            for key, category in data["categories"].items()
        }
        self.stdout.write(f"  {label}: {scores} ({time.monotonic() - started:.0f} s)")
        return scores
