"""A programme's page in a real browser (Debian's Chromium through Playwright): a visitor
reads it in English, follows the link to its events in the calendar, switches to Danish;
axe-core finds no serious or critical problems in either language."""

import pytest

from tests.accessibility import assert_no_serious_axe_violations
from tests.events.conftest import days_from_now

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_a_visitor_reads_a_programme_page_in_both_languages(
    page_in_browser, live_server, programme_page, mentors, make_event
):
    make_event(title_en="Mentor breakfast", programme=mentors, start=days_from_now(3))
    make_event(title_en="Summer party", start=days_from_now(5))
    tab = page_in_browser
    tab.goto(live_server.url + "/career-mentors/")
    assert tab.locator("h1").inner_text() == "Career mentors"
    events = tab.get_by_role("region", name="Upcoming events")
    assert events.locator("h3").all_inner_texts() == ["Mentor breakfast", "Summer party"]
    assert tab.get_by_role("link", name="Write to the contact person").get_attribute("href") == (
        "mailto:mentors@example.com?subject=Career%20Mentor%20Programme"
    )
    assert_no_serious_axe_violations(tab)

    tab.get_by_role("link", name="All events for Career Mentor Programme in the calendar").click()
    assert tab.url == live_server.url + "/events-calendar/?programme=mentors"
    tab.go_back()

    tab.get_by_role("navigation", name="Language").get_by_role("link", name="Dansk").click()
    assert tab.url == live_server.url + "/da/karrierementorer/"
    assert tab.locator("h1").inner_text() == "Karrierementorer"
    assert tab.get_by_role("heading", name="Bliv en del af programmet").count() == 1
    assert_no_serious_axe_violations(tab)
