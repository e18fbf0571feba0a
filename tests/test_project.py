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
    "WAGTAILADMIN_BASE_URL": "https://hostprogramme.example.dk",
    "DATABASE_URL": "sqlite:///unused-production.sqlite3",
    "REDIS_URL": "redis://127.0.0.1:6379/0",
    "ALLAUTH_TRUSTED_PROXY_COUNT": "1",
    "EMAIL_HOST": "smtp.example.dk",
    "DEFAULT_FROM_EMAIL": "Host Programme <hostprogramme@example.dk>",
    "COORDINATOR_EMAIL": "coordinator@example.dk",
    "DJANGO_SETTINGS_MODULE": "config.settings.production",
}
REQUIRED_IN_PRODUCTION = [name for name in PRODUCTION_ENV if name != "DJANGO_SETTINGS_MODULE"]


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


@pytest.mark.parametrize("missing", REQUIRED_IN_PRODUCTION)
def test_production_settings_refuse_to_start_without(missing):
    env = {**PRODUCTION_ENV, missing: ""}
    result = manage("check", env=env)
    assert result.returncode != 0
    assert f"Set the {missing} environment variable" in result.stderr
    others = [name for name in REQUIRED_IN_PRODUCTION if name != missing]
    assert [name for name in others if f"Set the {name} " in result.stderr] == []


def test_production_settings_name_everything_missing_at_once():
    nothing = dict.fromkeys(REQUIRED_IN_PRODUCTION, "")
    result = manage(
        "check", env={**nothing, "DJANGO_SETTINGS_MODULE": "config.settings.production"}
    )
    assert result.returncode != 0
    named = [name for name in REQUIRED_IN_PRODUCTION if f"Set the {name} " in result.stderr]
    assert named == REQUIRED_IN_PRODUCTION


def test_production_refuses_a_plain_http_public_address():
    env = {**PRODUCTION_ENV, "WAGTAILADMIN_BASE_URL": "http://127.0.0.1:8000"}
    result = manage("check", env=env)
    assert result.returncode != 0
    assert "WAGTAILADMIN_BASE_URL must be the site's https:// address" in result.stderr


def test_production_takes_the_public_address_and_proxy_count_from_the_environment():
    code = (
        "from django.conf import settings as s; "
        "print(s.WAGTAILADMIN_BASE_URL, s.ALLAUTH_TRUSTED_PROXY_COUNT, "
        "s.CACHES['default']['BACKEND'])"
    )
    result = manage("shell", "--no-imports", "-c", code, env=PRODUCTION_ENV)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        "https://hostprogramme.example.dk",
        "1",
        "django.core.cache.backends.redis.RedisCache",
    ]


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
