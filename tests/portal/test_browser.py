"""The portal in a real browser (Debian's Chromium through Playwright, against the live server):
a newcomer logs in and logs a meeting, the host sees it, a re-match request reaches the
coordinators' queue in the admin, the language switch keeps the page, and axe-core finds no
serious or critical problems on the portal pages."""

import datetime

import pytest
from django.utils import timezone

from portal.models import Meeting, RematchRequest, WheelEntry
from programmes.factories import make_coordinator
from tests.accessibility import assert_no_serious_axe_violations
from tests.factories import UserFactory

from .conftest import make_pair, verify_email

pytestmark = [
    pytest.mark.browser,
    # serialized_rollback keeps the groups made by data migrations (Coordinators, Editors).
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PASSWORD = "demo-host-programme"  # tests.factories.UserFactory's password


@pytest.fixture
def browser_pair(home_page):
    match = make_pair()
    verify_email(match.newcomer.user)
    verify_email(match.host.user)
    return match


def log_in(tab, live_server, user, start="/portal/"):
    """Open a portal page, get sent to the login form, log in and come back."""
    tab.goto(live_server.url + start)
    assert tab.url.startswith(live_server.url + "/accounts/login/")
    form = tab.locator("form.account-form")
    form.locator('input[name="login"]').fill(user.email)
    form.locator('input[name="password"]').fill(PASSWORD)
    form.locator('button[type="submit"]').click()
    tab.wait_for_url(live_server.url + start)


def test_newcomer_logs_a_meeting_and_the_host_sees_it(browser, live_server, browser_pair):
    match = browser_pair
    newcomer_context = browser.new_context(locale="en-GB")
    tab = newcomer_context.new_page()
    tab.set_default_timeout(10_000)
    log_in(tab, live_server, match.newcomer.user)

    assert tab.locator("h1").inner_text() == "Welcome, Amira"
    card = tab.locator("section.match-card")
    assert card.locator("h2").inner_text() == "Henrik Host"
    assert match.host.user.email in card.inner_text()

    card.get_by_role("link", name="Log a meeting").click()
    assert tab.locator("h1").inner_text() == "Log a meeting with Henrik Host"
    day = timezone.localdate() - datetime.timedelta(days=3)
    tab.get_by_label("Date of the meeting").fill(day.isoformat())
    tab.get_by_label("Duration (minutes)").fill("110")
    tab.get_by_role("group", name="What did you do?").get_by_label("Cooking together").check()
    tab.get_by_label("Note (optional)").fill("We baked cinnamon buns")
    tab.get_by_role("button", name="Log the meeting").click()

    tab.wait_for_url(f"{live_server.url}/portal/matches/{match.pk}/meetings/")
    assert "The meeting is logged." in tab.locator(".messages").inner_text()
    entry = tab.locator("li.meeting").first
    assert "We baked cinnamon buns" in entry.inner_text()
    assert entry.locator("dt", has_text="Logged by").locator("xpath=..").inner_text().split() == [
        "Logged",
        "by",
        "you",
    ]
    meeting = Meeting.objects.get()
    assert (meeting.author, meeting.date, meeting.duration_minutes) == (match.newcomer, day, 110)
    newcomer_context.close()

    host_context = browser.new_context(locale="en-GB")
    tab = host_context.new_page()
    tab.set_default_timeout(10_000)
    log_in(tab, live_server, match.host.user)
    assert tab.locator("section.match-card h2").inner_text() == "Amira Newcomer"
    assert "1 meeting logged." in tab.locator("section.match-card").inner_text()
    tab.get_by_role("navigation", name="My portal").get_by_role("link", name="Meetings").click()
    entry = tab.locator("li.meeting").first
    assert "We baked cinnamon buns" in entry.inner_text()
    assert "Amira Newcomer" in entry.inner_text()
    assert entry.get_by_role("link", name="Edit").count() == 0
    host_context.close()


def test_a_rematch_request_reaches_the_coordinators_queue(
    page_in_browser, browser, live_server, browser_pair
):
    match = browser_pair
    tab = page_in_browser
    log_in(tab, live_server, match.newcomer.user)
    tab.get_by_role("link", name="Ask for a new match").click()
    tab.get_by_label("Why would you like a new match?").fill("We live too far apart")
    tab.get_by_role("button", name="Send the request").click()
    assert "Your request has been sent." in tab.locator(".messages").inner_text()
    assert "Open" in tab.locator("li.request").inner_text()
    request = RematchRequest.objects.get()
    assert (request.participant, request.reason) == (match.newcomer, "We live too far apart")

    coordinator = verify_email(UserFactory(email="coordinator@example.com", first_name="Karen"))
    make_coordinator(coordinator)
    context = browser.new_context(locale="en-GB")
    admin_tab = context.new_page()
    admin_tab.set_default_timeout(10_000)
    queue_path = "/admin/host-programme/rematch-requests/"
    # The admin sends staff to the one login form (allauth's, with its limits), then back.
    log_in(admin_tab, live_server, coordinator, start=queue_path)
    row = admin_tab.locator("main tr", has_text="Amira Newcomer")
    assert "We live too far apart" in row.inner_text()
    assert row.inner_text().split("\t")[-1].lower() == "open"
    context.close()


def test_switching_language_keeps_the_portal_page(page_in_browser, live_server, browser_pair):
    match = browser_pair
    tab = page_in_browser
    path = f"/portal/matches/{match.pk}/meetings/"
    log_in(tab, live_server, match.newcomer.user, start=path)
    assert tab.locator("h1").inner_text() == "Meetings with Henrik Host"

    tab.get_by_role("navigation", name="Language").get_by_role("link", name="Dansk").click()
    assert tab.url == f"{live_server.url}/da{path}"
    assert tab.locator("html").get_attribute("lang") == "da"
    assert tab.locator("h1").inner_text() == "Møder med Henrik Host"

    tab.get_by_role("navigation", name="Sprog").get_by_role("link", name="English").click()
    assert tab.url == f"{live_server.url}{path}"
    assert tab.locator("h1").inner_text() == "Meetings with Henrik Host"


def test_portal_pages_have_no_serious_accessibility_problems(
    page_in_browser, live_server, browser_pair
):
    match = browser_pair
    WheelEntry.objects.create(participant=match.newcomer, area="work", importance=5)
    WheelEntry.objects.create(participant=match.host, area="family", importance=3)
    tab = page_in_browser
    log_in(tab, live_server, match.newcomer.user)
    pages = [
        "/portal/",
        f"/portal/matches/{match.pk}/meetings/",
        f"/portal/matches/{match.pk}/meetings/new/",
        f"/portal/matches/{match.pk}/check-in/",
        f"/portal/matches/{match.pk}/rematch/",
        f"/portal/matches/{match.pk}/wheels/",
        "/portal/wheel/",
        "/portal/profile/",
        "/portal/my-data/",
        "/da/portal/",
    ]
    for path in pages:
        tab.goto(live_server.url + path)
        assert_no_serious_axe_violations(tab)
    # A form showing its errors, too.
    tab.goto(f"{live_server.url}/portal/matches/{match.pk}/meetings/new/")
    tab.get_by_label("Duration (minutes)").fill("3")
    tab.get_by_role("button", name="Log the meeting").click()
    assert "Enter a duration between 5 and 720 minutes" in tab.locator("main").inner_text()
    assert tab.get_by_label("Duration (minutes)").input_value() == "3"
    assert_no_serious_axe_violations(tab)
