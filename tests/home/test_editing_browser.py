"""The page edit view in a real browser: axe-core finds no serious or critical problems in
the Draftail fields and the language toggle, with one language shown and with both."""

import io

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django.test import Client

from events import demo as events_demo
from events.models import EventPage
from home import demo
from home.models import ContentPage, GuideStepPage, HomePage
from intake.models import ApplicationFormPage
from portal import demo as portal_demo
from programmes import demo as programmes_demo
from tests.accessibility import assert_no_serious_axe_violations
from tests.factories import UserFactory

pytestmark = [
    pytest.mark.browser,
    # serialized_rollback keeps the groups and root page made by data migrations.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

CALLOUT = {"kind": "tip", "title": "Tip", "text": "<p>Meet somewhere calm.</p>"}
QUESTION = {"question": "How often?", "answer": "<p>Once or twice a month.</p>"}


def log_in_as_editor(tab, live_server):
    editor = UserFactory(email="page-editor@example.com")
    editor.groups.add(Group.objects.get(name="Editors"))
    client = Client()
    client.force_login(editor)
    tab.context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                "url": live_server.url,
            }
        ]
    )


def open_edit_view(tab, live_server, page):
    tab.goto(f"{live_server.url}/admin/pages/{page.pk}/edit/")
    # Draftail and the language toggle are drawn by JavaScript once the page has loaded.
    tab.locator(".locale-picker button.locale-toggle").first.wait_for()
    tab.locator(".Draftail-Editor").first.wait_for()


def show_both_languages(tab):
    for toggle in tab.locator(".locale-picker button.locale-toggle").all():
        if toggle.get_attribute("aria-pressed") != "true":
            toggle.click()


def test_edit_view_passes_axe_with_one_and_both_languages_shown(
    page_in_browser, live_server, content_page
):
    # Rich text in a paragraph and inside blocks (a tip's text, an answer), in both languages.
    for language in ("en", "da"):
        body = getattr(content_page, f"body_{language}")
        body.append(("callout", CALLOUT))
        body.append(("question", QUESTION))
    content_page.save_revision().publish()
    log_in_as_editor(page_in_browser, live_server)
    tab = page_in_browser

    open_edit_view(tab, live_server, content_page)
    english, danish = tab.locator(".locale-picker button.locale-toggle").all()
    assert english.get_attribute("aria-pressed") == "true"
    assert danish.get_attribute("aria-pressed") == "false"
    assert tab.locator("[role=textbox][aria-label='Paragraph']:visible").count() == 1
    assert_no_serious_axe_violations(tab)

    danish.click()
    assert danish.get_attribute("aria-pressed") == "true"
    assert tab.locator("[role=textbox][aria-label='Paragraph']:visible").count() == 2
    assert tab.locator("[role=textbox][aria-label='Answer']:visible").count() == 2
    assert_no_serious_axe_violations(tab)


def test_demo_pages_edit_views_and_listing_pass_axe(page_in_browser, live_server):
    """The demo's pages hold every kind of block; a page with its Danish introduction
    missing shows the notice, the marked field and the listing's tag, all of which pass too."""
    programmes_demo.build(stdout=io.StringIO())
    demo.build(stdout=io.StringIO())
    portal_demo.build(stdout=io.StringIO())  # the participants the events' sign-ups need
    events_demo.build(stdout=io.StringIO())
    home = HomePage.objects.get()
    pages = [
        home,
        GuideStepPage.objects.order_by("path").first(),
        ContentPage.objects.order_by("path").first(),
        EventPage.objects.order_by("path").first(),
        ApplicationFormPage.objects.order_by("path").first(),  # rich text fields
    ]
    half_translated = pages[2]
    half_translated.intro_da = ""
    half_translated.save_revision().publish()
    log_in_as_editor(page_in_browser, live_server)
    tab = page_in_browser

    for page in pages:
        open_edit_view(tab, live_server, page)
        show_both_languages(tab)
        assert_no_serious_axe_violations(tab)
    open_edit_view(tab, live_server, half_translated)
    assert tab.locator("[data-danish-missing]").is_visible()

    tab.goto(f"{live_server.url}/admin/pages/{home.pk}/")
    assert tab.locator(".danish-missing", has_text="Danish missing: introduction").count() == 1
    assert_no_serious_axe_violations(tab)
