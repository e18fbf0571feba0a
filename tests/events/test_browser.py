"""Events in a real browser (Debian's Chromium through Playwright, against the live server):
participants sign up until the event is full, the next one lands on the waiting list, one
cancels and the first in line moves up. axe-core finds no serious or critical problems on
the calendar (list and month grid) and the event page."""

import pytest
from allauth.account.models import EmailAddress
from django.conf import settings
from django.test import Client
from django.urls import reverse
from django.utils import translation

from events import services
from events.models import EVENT_TIME_ZONE, SignUp
from tests.accessibility import assert_no_serious_axe_violations

from .conftest import days_from_now

pytestmark = [
    pytest.mark.browser,
    # serialized_rollback keeps the groups and root page made by data migrations.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PASSWORD = "demo-host-programme"  # tests.factories.UserFactory's password


def participant(make_newcomer, first_name):
    user = make_newcomer(email=f"{first_name.lower()}@example.com", first_name=first_name)
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    return user


def open_as(browser, live_server, user, path):
    """A fresh browser for ``user``: open the event page, follow "Log in to sign up", log in
    and land back on the event page."""
    context = browser.new_context(locale="en-GB")
    tab = context.new_page()
    tab.set_default_timeout(10_000)
    tab.goto(live_server.url + path)
    tab.get_by_role("link", name="Log in to sign up").click()
    form = tab.locator("form.account-form")
    form.locator('input[name="login"]').fill(user.email)
    form.locator('input[name="password"]').fill(PASSWORD)
    form.locator('button[type="submit"]').click()
    tab.wait_for_url(live_server.url + path)
    return context, tab


def test_sign_up_until_full_then_waiting_list_then_move_up(
    browser, live_server, make_event, make_newcomer, mailoutbox
):
    event = make_event(title_en="Cooking evening", capacity=2, start=days_from_now(8))
    with translation.override("en"):
        path = event.get_url()
    amira, bo, chen = (participant(make_newcomer, name) for name in ("Amira", "Bo", "Chen"))

    tabs = {}
    for user in (amira, bo):
        context, tab = open_as(browser, live_server, user, path)
        tab.get_by_role("button", name="Sign up").click()
        tab.wait_for_url(live_server.url + path)
        assert "You have a place at Cooking evening." in tab.locator(".messages").inner_text()
        tabs[user.first_name] = (context, tab)
    assert "Full: waiting list" in tabs["Bo"][1].locator(".event-date").inner_text()

    context, tab = open_as(browser, live_server, chen, path)
    tabs["Chen"] = (context, tab)
    assert "Full: waiting list" in tab.locator(".event-date").inner_text()
    tab.get_by_role("button", name="Join the waiting list").click()
    tab.wait_for_url(live_server.url + path)
    assert (
        "Cooking evening is full: you are number 1 on the waiting list."
        in tab.locator(".messages").inner_text()
    )
    assert "You are number 1 on the waiting list." in tab.locator(".event-date").inner_text()

    amira_tab = tabs["Amira"][1]
    amira_tab.reload()
    amira_tab.get_by_role("button", name="Cancel my place").click()
    # The event is full, so giving the place away is confirmed on a page of its own.
    assert "the next person on the waiting list gets it" in amira_tab.locator("main").inner_text()
    assert_no_serious_axe_violations(amira_tab)
    assert SignUp.objects.get(user=amira).status == "confirmed"
    amira_tab.get_by_role("button", name="Yes, cancel my place").click()
    amira_tab.wait_for_url(live_server.url + path)
    assert "You are no longer signed up" in amira_tab.locator(".messages").inner_text()

    tab.goto(live_server.url + "/events/mine/")
    mine = tab.locator("section", has=tab.get_by_role("heading", name="You are signed up for"))
    assert "Cooking evening" in mine.inner_text()
    assert "You have a place." in mine.inner_text()
    assert tab.locator('.portal-nav a[aria-current="true"]').inner_text() == "My events"

    statuses = dict(SignUp.objects.values_list("user__first_name", "status"))
    assert statuses == {"Amira": "cancelled", "Bo": "confirmed", "Chen": "confirmed"}
    moved_up = [m for m in mailoutbox if m.subject.startswith("A place for you")]
    assert [m.to for m in moved_up] == [["chen@example.com"]]
    for context, _tab in tabs.values():
        context.close()


@pytest.mark.parametrize("language", ["en", "da"])
def test_calendar_and_event_pages_have_no_serious_axe_violations(
    page_in_browser, live_server, make_event, make_newcomer, language
):
    event = make_event(capacity=2, max_guests=1, recurrence="FREQ=WEEKLY;COUNT=3")
    public = make_event(title_en="Open to all", signup_mode="public")
    date = event.occurrences.first()
    services.sign_up(date, make_newcomer(email="a@example.com"), guests=1, notify=False)
    services.sign_up(date, make_newcomer(email="b@example.com"), notify=False)
    with translation.override(language):
        calendar_url = event.get_parent().get_url()
        event_url = event.get_url()
        public_url = public.get_url()
        mine_url = reverse("events:mine")
    first = date.start.astimezone(EVENT_TIME_ZONE)
    for path in (
        calendar_url,
        f"{calendar_url}month/{first.year}/{first.month}/",
        f"{calendar_url}archive/",
        event_url,
        public_url,  # with the public sign-up form
    ):
        page_in_browser.goto(live_server.url + path)
        assert_no_serious_axe_violations(page_in_browser)

    # A participant's view: sign-up forms with a guests choice, and "My events".
    client = Client()
    client.force_login(make_newcomer(email="c@example.com"))
    page_in_browser.context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                "url": live_server.url,
            }
        ]
    )
    for path in (event_url, mine_url):
        page_in_browser.goto(live_server.url + path)
        assert page_in_browser.locator("form.signup-form").count() >= 1
        assert_no_serious_axe_violations(page_in_browser)
