"""Consent in a real browser: a participant accepts the invitation (ticking the privacy
notice), then withdraws the acknowledgement in the portal, without any JavaScript; axe-core
finds no serious or critical problems on the pages."""

import re

import pytest

from portal.invitations import create_participant_account, send_invitation
from portal.models import Participant
from privacy import consent
from privacy.models import Purpose
from programmes.defaults import first_programme
from tests.accessibility import assert_no_serious_axe_violations

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_accept_the_invitation_then_withdraw_without_javascript(
    browser, live_server, home_page, mailoutbox
):
    participant = create_participant_account(
        email="amina@example.com",
        first_name="Amina",
        preferred_language="en",
        role=Participant.Role.NEWCOMER,
        programme=first_programme(),
    )
    send_invitation(participant)
    link = re.search(r"https?://[^/\s]+(/\S+)", mailoutbox[-1].body).group(1)

    context = browser.new_context(locale="en-GB", java_script_enabled=False)
    tab = context.new_page()
    tab.set_default_timeout(10_000)
    tab.goto(live_server.url + link)
    assert tab.locator("h1").inner_text() == "Choose your password"
    # (Left unticked, the browser itself refuses: the box is required. The server's own
    # refusal is tested in test_consent.py.)
    tab.fill('input[name="password1"]', "Sommer i Aarhus 2025")
    tab.fill('input[name="password2"]', "Sommer i Aarhus 2025")
    tab.check('input[name="privacy_notice"]')
    tab.locator('button[name="action"]').click()
    tab.wait_for_url(live_server.url + "/portal/")
    assert consent.has_consent(participant.user, Purpose.PRIVACY_NOTICE)

    tab.get_by_role("link", name="Privacy and consent").click()
    assert tab.locator("h1").inner_text() == "Privacy and consent"
    tab.get_by_role("link", name=re.compile(r"^Withdraw")).click()
    assert "It does not delete anything" in tab.content()
    tab.get_by_role("button", name="Yes, withdraw it").click()
    tab.wait_for_url(live_server.url + "/portal/privacy/")
    assert "The coordinator has been told." in tab.content()
    assert not consent.has_consent(participant.user, Purpose.PRIVACY_NOTICE)
    context.close()

    # The pages pass axe-core (which runs in the page, so with JavaScript on).
    context = browser.new_context(locale="en-GB")
    tab = context.new_page()
    tab.set_default_timeout(10_000)
    tab.goto(live_server.url + "/accounts/login/")
    form = tab.locator("form.account-form")
    form.locator('input[name="login"]').fill("amina@example.com")
    form.locator('input[name="password"]').fill("Sommer i Aarhus 2025")
    form.locator('button[type="submit"]').click()
    tab.wait_for_url(live_server.url + "/portal/")
    for path in ("/portal/privacy/", "/privacy/"):
        tab.goto(live_server.url + path)
        assert_no_serious_axe_violations(tab)
    context.close()
