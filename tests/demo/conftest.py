"""The demo database, built once per test session.

Every test in this package reads the same demo, loaded by ``manage.py load_demo`` once, the
way Django's ``TestCase.setUpTestData`` works: the load runs in an outer transaction that
stays open while this package's tests run, each test runs in a savepoint of its own that is
rolled back afterwards (pytest-django's ``db``), and the outer transaction is rolled back
when the package is done, so the rest of the suite never sees the demo. Tests here may change
the demo (load it again, edit a page); the next test gets it back as loaded.

The demo tests all live here, so the package runs once per session; tests that need a
database without the demo (the refusals under production-like settings, a builder on its
own) stay beside their app's tests.
"""

from dataclasses import dataclass
from io import StringIO

import pytest
from django.core import mail
from django.core.cache import cache
from django.core.management import call_command
from django.db import transaction
from django.urls import get_resolver

from tests.postgres import analyze


@dataclass(frozen=True)
class Demo:
    output: str  # what load_demo printed
    emails: tuple  # the emails sent while it loaded (there should be none)


def load_demo():
    out = StringIO()
    call_command("load_demo", stdout=out)
    return out.getvalue()


@pytest.fixture(scope="package")
def demo_database(django_db_setup, django_db_blocker):
    # Load the URLconf first, as manage.py's system checks do: Wagtail starts keeping its
    # reference index for the admin's models (matches) when their views are registered.
    get_resolver().url_patterns  # noqa: B018
    with django_db_blocker.unblock():
        cache.clear()
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            outbox = mail.outbox = []
            output = load_demo()
            analyze()  # the demo's rows are uncommitted: PostgreSQL's statistics miss them
            yield Demo(output=output, emails=tuple(outbox))
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)
            cache.clear()  # Wagtail caches the site's root paths


@pytest.fixture
def demo(demo_database, db):
    """The demo, loaded once per session; changes a test makes are rolled back after it."""
    return demo_database
