"""Applying in a real browser (Debian's Chromium through Playwright, against the live server):
the script warns about a postcode outside the area as it is typed, the form is sent, the
emailed link is followed and the application is confirmed. axe-core finds no serious or
critical problems on the form."""

import datetime
import re

import pytest

from intake.models import Application
from tests.accessibility import assert_no_serious_axe_violations

from .conftest import years_ago

pytestmark = [
    pytest.mark.browser,
    # serialized_rollback keeps the groups and root page made by data migrations.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_apply_follow_the_emailed_link_and_see_the_confirmation(
    page_in_browser, live_server, form_page, mailoutbox
):
    tab = page_in_browser
    tab.goto(live_server.url + "/host-programme/apply/")
    assert_no_serious_axe_violations(tab)
    form = tab.locator("form.application-form")
    warning = form.locator(".eligibility-warning")

    form.get_by_label("First name").fill("Amira")
    form.get_by_label("Email").fill("amira@example.com")
    arrival = form.get_by_label("When did you arrive in Denmark?")
    arrival.fill((years_ago(3) - datetime.timedelta(days=1)).isoformat())
    assert warning.inner_text() == (
        "The programme is for people who have lived in Denmark at most 3 years."
    )
    arrival.fill(years_ago(3).isoformat())  # the day three years are up: still eligible
    assert warning.is_hidden()
    form.get_by_label("Postcode").fill("8000")
    assert warning.inner_text() == "The programme does not cover this postcode."
    form.get_by_label("Postcode").fill("2200")
    assert warning.is_hidden()
    form.get_by_label("Language 1", exact=True).select_option("ar")
    form.get_by_label("How well, language 1").select_option("native")
    form.get_by_label("Career host").check()
    form.get_by_label("Evenings").check()
    form.get_by_label("I agree that the programme keeps and uses my application").check()
    form.get_by_role("button", name="Send my application").click()

    tab.get_by_role("heading", name="Check your email").wait_for()
    assert "We have sent a link to amira@example.com." in tab.inner_text("main")
    (mail,) = mailoutbox
    path = re.search(r"https?://[^/\s]+(/\S+)", mail.body)[1]
    tab.goto(live_server.url + path)
    tab.get_by_role("button", name="Confirm my application").click()
    tab.get_by_text("Thank you: your application is confirmed.").wait_for()
    assert "What happens next" in tab.inner_text("main")
    application = Application.objects.get()
    assert application.status == Application.Status.TO_REVIEW
    assert application.language_skills == [{"language": "ar", "level": "native"}]
