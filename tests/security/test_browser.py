"""In a real browser: the login form's focus order, and the Wagtail admin working under its
Content-Security-Policy (no violations reported in the console)."""

import pytest

from tests.factories import UserFactory

from .conftest import PASSWORD

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def focused(tab):
    return tab.evaluate(
        "() => { const e = document.activeElement;"
        " return e.name || e.getAttribute('href') || e.tagName; }"
    )


def test_tab_goes_from_the_email_to_the_password(page_in_browser, live_server, home_page):
    tab = page_in_browser
    tab.goto(live_server.url + "/accounts/login/")
    tab.locator('input[name="login"]').focus()
    tab.keyboard.press("Tab")
    assert focused(tab) == "password"
    tab.keyboard.press("Tab")
    assert focused(tab) == "/accounts/password/reset/"


def csp_problems(tab):
    problems = []
    tab.on(
        "console",
        lambda message: (
            problems.append(message.text)
            if "Content Security Policy" in message.text
            or "Content-Security-Policy" in message.text
            else None
        ),
    )
    return problems


def test_the_admin_works_under_its_policy(page_in_browser, live_server, home_page):
    from portal.invitations import mark_email_verified

    editor = UserFactory(email="editor@example.com", is_superuser=True, is_staff=True)
    mark_email_verified(editor)
    tab = page_in_browser
    problems = csp_problems(tab)

    tab.goto(live_server.url + "/admin/")
    assert tab.url == live_server.url + "/accounts/login/?next=/admin/"
    tab.locator('input[name="login"]').fill("editor@example.com")
    tab.locator('input[name="password"]').fill(PASSWORD)
    tab.locator('form.account-form button[type="submit"]').click()
    tab.wait_for_url(live_server.url + "/admin/")

    tab.goto(live_server.url + f"/admin/pages/{home_page.pk}/edit/")
    tab.wait_for_load_state("networkidle")
    assert tab.locator("#id_title_en").input_value() == "Host Programme"

    # The public site with Wagtail's user bar (its own scripts and styles) for the editor.
    tab.goto(live_server.url + "/")
    tab.wait_for_load_state("networkidle")
    assert tab.locator("wagtail-userbar").count() == 1
    assert problems == []


def test_the_public_site_and_portal_log_no_policy_violations(
    page_in_browser, live_server, home_page
):
    tab = page_in_browser
    problems = csp_problems(tab)
    for path in ["/", "/da/", "/accounts/login/"]:
        tab.goto(live_server.url + path)
        tab.wait_for_load_state("networkidle")
    assert problems == []
