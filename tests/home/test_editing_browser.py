"""The page edit view in a real browser: axe-core finds no serious or critical problems in
the Draftail fields and the language toggle, with one language shown and with both."""

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django.test import Client

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
    editor = UserFactory(email="editor@example.com")
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

    tab.goto(f"{live_server.url}/admin/pages/{content_page.pk}/edit/")
    # Draftail and the language toggle are drawn by JavaScript once the page has loaded.
    tab.locator(".Draftail-Editor").first.wait_for()
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
