"""A visitor in a real browser: reads in English, switches to Danish and back, walks the guide.

Runs Debian's Chromium through Playwright against the live server, on the demo content.
"""

import pytest

from tests.accessibility import assert_no_serious_axe_violations

# The demo is built once for the module (demo_server); each test reads it in a transaction
# of its own.
pytestmark = [pytest.mark.browser, pytest.mark.django_db]


@pytest.fixture
def demo_site(demo_server):
    """The demo's public site, served by ``demo_server``."""


def test_visitor_switches_language_and_back(page_in_browser, demo_server, demo_site):
    tab = page_in_browser
    tab.goto(demo_server.url + "/become-a-host/")
    assert tab.locator("html").get_attribute("lang") == "en"
    assert tab.locator("h1").inner_text() == "Become a host"

    tab.get_by_role("navigation", name="Language").get_by_role("link", name="Dansk").click()
    assert tab.url == demo_server.url + "/da/bliv-vaert/"
    assert tab.locator("html").get_attribute("lang") == "da"
    assert tab.locator("h1").inner_text() == "Bliv vært"

    tab.get_by_role("navigation", name="Sprog").get_by_role("link", name="English").click()
    assert tab.url == demo_server.url + "/become-a-host/"
    assert tab.locator("h1").inner_text() == "Become a host"


def test_visitor_walks_the_guide_step_by_step(page_in_browser, demo_server, demo_site):
    tab = page_in_browser
    tab.goto(demo_server.url + "/five-steps-to-a-good-host-programme/")
    contents = tab.get_by_role("navigation", name="Contents").get_by_role("link")
    assert contents.count() == 5

    contents.first.click()
    seen = [tab.locator("h1").inner_text()]
    assert tab.locator(".eyebrow").inner_text() == "STEP 1 OF 5"
    for number in range(2, 6):
        tab.get_by_role("link", name="Next step").click()
        assert tab.locator(".eyebrow").inner_text() == f"STEP {number} OF 5"
        seen.append(tab.locator("h1").inner_text())
    assert tab.get_by_role("link", name="Next step").count() == 0
    assert len(set(seen)) == 5

    tab.get_by_role("link", name="Previous step").click()
    assert tab.locator("h1").inner_text() == seen[3]


def test_skip_link_moves_focus_to_the_main_content(page_in_browser, demo_server, demo_site):
    tab = page_in_browser
    tab.goto(demo_server.url + "/")
    tab.keyboard.press("Tab")
    skip = tab.get_by_role("link", name="Skip to main content")
    assert skip.evaluate("element => element === document.activeElement")
    tab.keyboard.press("Enter")
    # Following the link is a (same-page) navigation: wait for it instead of reading the
    # address at once, which raced with it.
    tab.wait_for_url(demo_server.url + "/#main", timeout=5_000)
    assert tab.url.endswith("#main")


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/da/",
        "/five-steps-to-a-good-host-programme/",
        "/five-steps-to-a-good-host-programme/communication/",
        "/activity-ideas/",
        "/da/ideer-til-aktiviteter/samtalehjulet/",
        "/questions-and-answers/",
        "/results/",
        "/search/?q=host",
    ],
)
def test_public_pages_have_no_serious_accessibility_violations(
    page_in_browser, demo_server, demo_site, path
):
    page_in_browser.goto(demo_server.url + path)
    assert_no_serious_axe_violations(page_in_browser)
