"""On a phone, the demo's home page with its pictures weighs under 300 KB in all, and the
browser picks the modern format at the size the screen needs."""

import pytest

# The demo is built once for the module (demo_server); each test reads it in a transaction
# of its own.
pytestmark = [pytest.mark.browser, pytest.mark.django_db]

BUDGET = 300 * 1024

# Every resource of the page, as the browser received it (headers and body).
TRANSFERRED = """() => {
  const entries = [...performance.getEntriesByType('navigation'),
                   ...performance.getEntriesByType('resource')];
  return entries.map(e => ({name: e.name, bytes: e.transferSize}));
}"""


@pytest.fixture
def demo_site(demo_server):
    """The demo's public site, served by ``demo_server``."""


@pytest.mark.parametrize("path", ["/", "/da/"])
def test_the_home_page_weighs_under_300_kb_on_a_phone(browser, demo_server, demo_site, path):
    context = browser.new_context(
        viewport={"width": 390, "height": 844}, device_scale_factor=3, is_mobile=True
    )
    tab = context.new_page()
    try:
        tab.goto(demo_server.url + path)
        # Bring every lazy picture into view, so that all of them count.
        tab.evaluate("window.scrollTo(0, document.body.scrollHeight)")
        tab.wait_for_load_state("networkidle")
        entries = tab.evaluate(TRANSFERRED)
        hero = tab.locator(".page-picture img")
        hero_src = hero.evaluate("img => img.currentSrc")
        hero_width = hero.evaluate("img => img.getBoundingClientRect().width")
    finally:
        context.close()

    total = sum(entry["bytes"] for entry in entries)
    pictures = [entry for entry in entries if "/media/images/" in entry["name"]]
    print(f"{path}: {total / 1024:.1f} KB in {len(entries)} files, {len(pictures)} pictures")
    assert pictures, "the page has pictures"
    # Measured, not cached: each file came over the network once (a file the page uses twice,
    # like the logo that is also the favicon, is fetched once and reused).
    fetched = {}
    for entry in entries:
        fetched[entry["name"]] = max(fetched.get(entry["name"], 0), entry["bytes"])
    assert all(size > 0 for size in fetched.values()), entries
    assert total < BUDGET, entries
    assert hero_src.endswith(".avif")
    assert hero_width <= 390
