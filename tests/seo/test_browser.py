"""A visitor in a real browser reads the month grid in Danish words and switches language
to the same month; the head tells a crawler where the page lives."""

import pytest
from django.utils import timezone

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_month_grid_in_danish_words_switches_to_english(page_in_browser, live_server, make_event):
    make_event()  # ten days from now
    today = timezone.localdate()
    tab = page_in_browser
    tab.goto(live_server.url + "/da/kalender/")
    tab.get_by_role("link", name="Måned", exact=True).click()
    danish = f"/da/kalender/maaned/{today.year}/{today.month}/"
    assert tab.url == live_server.url + danish
    assert tab.locator('link[rel="canonical"]').get_attribute("href") == live_server.url + danish
    assert tab.locator('meta[name="robots"]').get_attribute("content") == "noindex"

    tab.get_by_role("navigation", name="Sprog").get_by_role("link", name="English").click()
    english = f"/events-calendar/month/{today.year}/{today.month}/"
    assert tab.url == live_server.url + english
    assert tab.locator("html").get_attribute("lang") == "en"
