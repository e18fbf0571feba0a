"""Project-wide guarantees: deployable settings, migrations in step, a complete Danish catalogue."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest

ROOT = Path(__file__).resolve().parent.parent
PRODUCTION_ENV = {
    "SECRET_KEY": "a-long-random-production-secret-key-0123456789-abcdefghijklmnop",
    "ALLOWED_HOSTS": "hostprogramme.example.dk",
    "DJANGO_SETTINGS_MODULE": "config.settings.production",
}


# Variables the test run sets for itself (settings module, the browser tests' async flag).
TEST_ONLY_VARIABLES = {"DJANGO_SETTINGS_MODULE", "DJANGO_ALLOW_ASYNC_UNSAFE"}


def outside_env():
    return {k: v for k, v in os.environ.items() if k not in TEST_ONLY_VARIABLES}


def manage(*args, env=None):
    clean_env = outside_env()
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**clean_env, **(env or {})},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_settings_pass_the_deployment_checklist():
    result = manage("check", "--deploy", "--fail-level", "WARNING", env=PRODUCTION_ENV)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("missing", ["SECRET_KEY", "ALLOWED_HOSTS"])
def test_production_settings_refuse_to_start_without(missing):
    env = {**PRODUCTION_ENV, missing: ""}
    result = manage("check", env=env)
    assert result.returncode != 0
    assert f"Set the {missing} environment variable" in result.stderr


def test_models_and_migrations_are_in_step():
    result = manage("makemigrations", "--check", "--dry-run")
    assert result.returncode == 0, result.stdout + result.stderr


def test_danish_catalogue_is_complete():
    catalogue = polib.pofile(str(ROOT / "locale/da/LC_MESSAGES/django.po"))
    untranslated = [entry.msgid for entry in catalogue.untranslated_entries()]
    fuzzy = [entry.msgid for entry in catalogue.fuzzy_entries()]
    assert untranslated == []
    assert fuzzy == []
    assert catalogue.metadata["Language"] == "da"


def test_danish_catalogue_covers_every_string_in_the_code(tmp_path):
    """makemessages, run on a copy of the code, finds no string the committed catalogue lacks."""
    copy = tmp_path / "project"
    shutil.copytree(
        ROOT,
        copy,
        ignore=shutil.ignore_patterns(".venv", ".git", "staticfiles", "media", "*.sqlite3"),
    )
    result = subprocess.run(
        [sys.executable, "manage.py", "makemessages", "--locale", "da", "--no-obsolete"]
        + ["--ignore", "tests/*", "--ignore", "staticfiles/*"],
        cwd=copy,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    committed = polib.pofile(str(ROOT / "locale/da/LC_MESSAGES/django.po"))
    fresh = polib.pofile(str(copy / "locale/da/LC_MESSAGES/django.po"))
    committed_ids = {(e.msgctxt, e.msgid) for e in committed}
    missing = sorted(e.msgid for e in fresh if (e.msgctxt, e.msgid) not in committed_ids)
    assert missing == []


def test_wsgi_application_loads_with_production_settings():
    code = "import config.wsgi as w; print(type(w.application).__name__)"
    clean_env = outside_env()
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT / "site",
        env={**clean_env, **PRODUCTION_ENV},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "WSGIHandler"
