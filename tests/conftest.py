"""Fixtures shared by every test: a site with a home page, and a real browser.

Browser tests drive Debian's Chromium (/usr/bin/chromium) through Playwright against
pytest-django's live server; no browser is ever downloaded.
"""

import os
import shutil

import pytest
from wagtail.models import Page, Site

from home.models import HomePage

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Keep a copy of what the migrations put in the test database (Wagtail's root page, the
    role groups that accounts.role_sync puts in line after migrate), so that transactional
    tests with ``serialized_rollback=True`` get it back after each flush.

    Django keeps that copy on the connection object, but connection objects are per context,
    and Playwright's sync API runs the tests in a context of its own, where a fresh connection
    object has no copy. Keeping it on the connection class makes every connection see it."""
    from django.db import connections

    with django_db_blocker.unblock():
        for connection in connections.all():
            contents = getattr(connection, "_test_serialized_contents", None)
            if not contents:
                contents = connection.creation.serialize_db_to_string()
            type(connection)._test_serialized_contents = contents


@pytest.fixture(autouse=True)
def empty_caches():
    """Each test starts with empty caches: the page cache and the default cache (rate limits,
    Wagtail's renditions) outlive a test's database. Kept renditions are found by image id,
    and a rolled-back test gives its ids to the next one, whose image would otherwise be
    shown with the previous test's files."""
    from django.core.cache import caches

    caches["pages"].clear()
    caches["default"].clear()
    yield


@pytest.fixture(scope="session", autouse=True)
def media_root(tmp_path_factory):
    """Uploaded images and their renditions go to a temporary folder, not the project's
    media/ folder."""
    from django.test import override_settings

    folder = tmp_path_factory.mktemp("media")
    with override_settings(MEDIA_ROOT=folder):
        yield folder


@pytest.fixture
def home_page(db):
    """A live home page as the root of the default site, in English and Danish."""
    root = Page.get_first_root_node()
    home = HomePage(
        title_en="Host Programme",
        title_da="Værtsprogram",
        slug_en="home",
        slug_da="hjem",
        intro_en="Meet a local host during your first years in Denmark.",
        intro_da="Mød en lokal vært i dine første år i Danmark.",
    )
    root.add_child(instance=home)
    Site.objects.all().delete()
    Site.objects.create(hostname="localhost", root_page=home, is_default_site=True)
    return home


@pytest.fixture(scope="session")
def browser():
    """One headless Chromium for the whole session."""
    if not shutil.which(CHROMIUM) and not os.path.exists(CHROMIUM):
        pytest.fail(f"Chromium not found at {CHROMIUM}: install Debian's 'chromium' package.")
    # Playwright's sync API runs an event loop in this thread; Django's ORM calls made by the
    # test around it are still synchronous and safe.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        yield chromium
        chromium.close()


@pytest.fixture
def page_in_browser(browser):
    """A fresh browser context and tab (no cookies shared between tests)."""
    context = browser.new_context(locale="en-GB")
    tab = context.new_page()
    tab.set_default_timeout(10_000)
    yield tab
    context.close()


@pytest.fixture
def on_commit(django_capture_on_commit_callbacks):
    """``with on_commit():`` runs what was deferred with ``transaction.on_commit`` (the portal's
    emails) when the block ends, as a real commit would: the test's own transaction never
    commits, and a change rolled back inside the block sends nothing."""
    return lambda: django_capture_on_commit_callbacks(execute=True)
