"""The layout on a phone (390 × 844) and a desktop (1280 × 800), in a real browser on the
demo's pages: nothing scrolls sideways, the home page's two ways in are on the first screen,
the phone's Menu button works without JavaScript, and the month fits a phone."""

import pytest
from django.utils import translation

from home.public_pages import sample_pages
from tests.accessibility import assert_no_serious_axe_violations

# The demo is built once for the module (demo_server); each test reads it in a transaction
# of its own.
pytestmark = [pytest.mark.browser, pytest.mark.django_db]

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 800}
PUBLIC_PAGES = (
    "home",
    "guide",
    "guide_step",
    "calendar",
    "month",
    "archive",
    "event",
    "activities",
    "activity",
    "search",
    "login",
)


@pytest.fixture
def demo_site(demo_server):
    """The addresses of the demo's sample pages in each language, served by ``demo_server``."""
    return {code: _pages(code) for code in ("en", "da")}


def _pages(code):
    with translation.override(code):
        return sample_pages()


@pytest.fixture
def tab_at(browser):
    contexts = []

    def open_tab(viewport, **options):
        context = browser.new_context(viewport=viewport, locale="en-GB", **options)
        contexts.append(context)
        tab = context.new_page()
        tab.set_default_timeout(10_000)
        return tab

    yield open_tab
    for context in contexts:
        context.close()


def test_no_public_page_scrolls_sideways_on_a_phone(demo_server, demo_site, tab_at):
    tab = tab_at(PHONE, is_mobile=True, has_touch=True)
    too_wide = []
    seen = 0
    for code, pages in demo_site.items():
        assert set(pages) >= set(PUBLIC_PAGES), code
        for key in PUBLIC_PAGES:
            tab.goto(demo_server.url + pages[key])
            widths = tab.evaluate(
                "() => [document.scrollingElement.scrollWidth, window.innerWidth]"
            )
            seen += 1
            if widths[0] > widths[1]:
                too_wide.append((pages[key], widths))
    assert seen == 2 * len(PUBLIC_PAGES)
    assert too_wide == []


def test_the_month_is_a_list_that_fits_a_phone(demo_server, demo_site, tab_at):
    tab = tab_at(PHONE, is_mobile=True)
    tab.goto(demo_server.url + demo_site["en"]["month"])
    table = tab.locator(".month-grid")
    # Not scrolled inside a box either: the whole month is as wide as the screen at most.
    assert table.evaluate("t => t.getBoundingClientRect().right") <= PHONE["width"]
    days = tab.locator(".month-grid td:visible")
    assert days.count() >= 1
    # Each day shown says its date in words, as a list would.
    assert days.first.locator(".month-grid__long").is_visible()


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
@pytest.mark.parametrize("code", ["en", "da"])
def test_home_shows_the_programme_and_both_ways_in_on_the_first_screen(
    demo_server, demo_site, tab_at, viewport, code
):
    from intake.models import ApplicationFormPage

    tab = tab_at(viewport)
    tab.goto(demo_server.url + demo_site[code]["home"])
    first_screen = viewport["height"]
    assert tab.locator("h1").bounding_box()["y"] < first_screen
    assert tab.locator(".home-hero .lead").bounding_box()["y"] < first_screen
    links = tab.locator(".home-hero__actions a")
    assert links.count() == 2
    with translation.override(code):
        expected = [
            ApplicationFormPage.objects.live().filter(role=role).order_by("path").first().url
            for role in ("newcomer", "host")
        ]
    assert [links.nth(i).get_attribute("href") for i in range(2)] == expected
    for i in range(2):
        box = links.nth(i).bounding_box()
        assert box["y"] + box["height"] <= first_screen, links.nth(i).inner_text()
    assert_no_serious_axe_violations(tab)


def test_phone_menu_opens_and_closes_without_javascript(demo_server, demo_site, tab_at):
    tab = tab_at(PHONE, java_script_enabled=False)
    tab.goto(demo_server.url + "/")
    menu = tab.get_by_role("navigation", name="Main")
    search = tab.get_by_label("Search the site")
    assert not menu.is_visible()
    assert not search.is_visible()
    button = tab.locator(".site-menu__button")
    assert button.inner_text().strip() == "Menu"
    assert button.bounding_box()["y"] < 80  # in the bar, not below a list of links

    button.click()
    assert menu.get_by_role("link", name="Events").is_visible()
    assert search.is_visible()
    menu.get_by_role("link", name="Events").click()
    assert tab.locator("h1").inner_text() == "Events"
    assert not tab.get_by_role("navigation", name="Main").is_visible()


def test_phone_menu_is_reached_by_keyboard_and_passes_axe_open(demo_server, demo_site, tab_at):
    tab = tab_at(PHONE)
    tab.goto(demo_server.url + "/")
    tab.locator(".site-menu__button").focus()
    tab.keyboard.press("Enter")
    assert tab.locator("#site-menu").evaluate("d => d.open")
    # The next stop after the button is the search box inside the menu.
    tab.keyboard.press("Tab")
    assert tab.evaluate("() => document.activeElement.id") == "site-search"
    assert_no_serious_axe_violations(tab)
    tab.keyboard.press("Escape")
    assert not tab.locator("#site-menu").evaluate("d => d.open")
    assert tab.evaluate("() => document.activeElement.tagName") == "SUMMARY"


def test_desktop_shows_the_menu_and_a_labelled_search_without_a_button(
    demo_server, demo_site, tab_at
):
    tab = tab_at(DESKTOP, java_script_enabled=False)
    tab.goto(demo_server.url + demo_site["da"]["home"])
    assert not tab.locator(".site-menu__button").is_visible()
    assert tab.get_by_role("navigation", name="Hovedmenu").get_by_role("link").first.is_visible()
    label = tab.locator("label[for=site-search]")
    assert label.is_visible()
    assert label.inner_text() == "Søg på hjemmesiden"
    # The header is two rows at most: the home page's heading starts high on the screen.
    assert tab.locator("header.site-header").bounding_box()["height"] < 130


def test_event_page_has_a_sidebar_beside_the_content_on_a_desktop(demo_server, demo_site, tab_at):
    tab = tab_at(DESKTOP)
    tab.goto(demo_server.url + demo_site["en"]["event"])
    main = tab.locator(".page-layout__main").bounding_box()
    sidebar = tab.locator(".sidebar").bounding_box()
    assert sidebar["x"] >= main["x"] + main["width"]
    assert sidebar["y"] < 400
    # Together they use most of the desktop's width.
    assert sidebar["x"] + sidebar["width"] - main["x"] >= 0.8 * DESKTOP["width"]
    assert_no_serious_axe_violations(tab)
