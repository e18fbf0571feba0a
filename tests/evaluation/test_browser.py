"""Answering the end-of-match survey on a phone-sized screen, by keyboard, in a real browser
(Debian's Chromium through Playwright): save halfway, come back by the same link, send; the
page never scrolls sideways and axe finds nothing serious."""

import pytest

from evaluation import invitations
from evaluation.defaults import create_for
from evaluation.models import SurveyInvitation
from portal import services
from programmes.defaults import first_programme
from tests.accessibility import assert_no_serious_axe_violations
from tests.factories import MatchFactory

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def invitation(home_page):
    create_for(first_programme())
    match = MatchFactory(newcomer__user__first_name="Amira")
    services.end_match(match, "completed", notify=False)
    invitations.invite_ended_matches()
    return SurveyInvitation.objects.get(participant=match.newcomer)


def test_a_newcomer_answers_on_a_phone_by_keyboard(page_in_browser, live_server, invitation):
    tab = page_in_browser
    tab.set_viewport_size({"width": 390, "height": 844})
    url = live_server.url + f"/survey/{invitations.token_for(invitation)}/"
    tab.goto(url)
    tab.get_by_role("heading", name="How did your host programme go?").wait_for()
    assert_no_serious_axe_violations(tab)
    assert tab.evaluate("document.documentElement.scrollWidth") <= 390

    satisfied = tab.get_by_role("group", name="I was satisfied with the meetings with my host.")
    satisfied.get_by_label("Agree", exact=True).focus()
    tab.keyboard.press("Space")  # choose by keyboard
    tab.get_by_role("button", name="Save and finish later").click()
    tab.get_by_text("Your answers are saved.").wait_for()

    tab.goto(url)  # back later with the same link
    assert satisfied.get_by_label("Agree", exact=True).is_checked()
    tab.get_by_role(
        "group", name="What was your work situation when the match started?"
    ).get_by_label("Looking for work").check()
    tab.get_by_role("group", name="What is your work situation now?").get_by_label(
        "In education"
    ).check()
    tab.get_by_role("button", name="Send my answers").click()
    tab.get_by_role("heading", name="Thank you for your answers").wait_for()
    invitation.refresh_from_db()
    assert invitation.is_answered
    assert set(invitation.answers.values_list("value", flat=True)) == {
        "4",
        "job_seeking",
        "education",
    }
