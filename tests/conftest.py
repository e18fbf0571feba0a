"""Fixtures shared by every test: a site with a home page, and a real browser.

Browser tests drive Debian's Chromium (/usr/bin/chromium) through Playwright against
pytest-django's live server; no browser is ever downloaded.
"""

import os
import shutil
import threading

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


@pytest.fixture(scope="module")
def demo_server(django_db_setup, django_db_blocker):
    """A live server over the demo's public site (programmes, pages, calendar), built once for
    a module of browser tests that only read it.

    pytest-django's ``live_server`` makes every test transactional and empties the database
    after each, so each such test built the demo again: 5-10 s a test. Here the demo is
    committed once and served by a live server of the module's own; when the module is done,
    the database is emptied and given back the rows its migrations made, as
    ``serialized_rollback`` does. Its tests are marked ``django_db`` (each in a transaction
    rolled back after it, which also tells pytest-django to make the test database) and
    must not commit changes."""
    import io

    from django.apps import apps
    from django.contrib.contenttypes.models import ContentType
    from django.core.management import call_command
    from django.db import DEFAULT_DB_ALIAS, connections
    from pytest_django.live_server_helper import LiveServer

    from events import demo as events_demo
    from home import demo as pages_demo
    from programmes import demo as programmes_demo

    connection = connections[DEFAULT_DB_ALIAS]
    name = str(connection.settings_dict["NAME"])
    if not (name.startswith("test_") or connection.vendor == "sqlite" and "memory" in name):
        pytest.fail(f"demo_server would build the demo in {name}, not a test database")
    with django_db_blocker.unblock():
        # The programmes come first, as in load_demo: the home page lists their pages.
        for builder in (programmes_demo, pages_demo, events_demo):
            builder.build(stdout=io.StringIO())
        server = LiveServer("localhost")
    try:
        yield server
    finally:
        server.stop()
        # The server answers each request in a thread of its own that stopping it does not
        # wait for; one still rendering a page while the database is emptied would write
        # rows (a content type) that the restore then contradicts.
        for thread in threading.enumerate():
            if "process_request_thread" in thread.name:
                thread.join(timeout=30)
        with django_db_blocker.unblock():
            # Wagtail's Task looks up its content type as the restore builds it; with every
            # content type known beforehand none is made afresh under a new id.
            ContentType.objects.get_for_models(*apps.get_models())
            call_command(
                "flush",
                verbosity=0,
                interactive=False,
                reset_sequences=False,  # the restored rows keep their ids: new ones come after
                inhibit_post_migrate=True,
            )
            connection.creation.deserialize_db_from_string(
                type(connection)._test_serialized_contents
            )
            ContentType.objects.clear_cache()


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
