"""The whole way in a real browser (Debian's Chromium through Playwright, the live server):
a newcomer applies on the public site and confirms by the emailed link, the coordinator accepts
the application, the newcomer chooses a password and sees their place in line, the coordinator
proposes the best host, both say yes in the portal, and the match starts with the host's
contact details shown."""

import re

import pytest
from wagtail.users.models import UserProfile

from intake.models import Application
from matching.models import MatchProposal
from portal.models import Match
from programmes.factories import make_coordinator
from tests.factories import HostFactory, UserFactory

from .conftest import years_ago

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PASSWORD = "Sommer i Aarhus 2025"


def link_in(mail):
    return re.search(r"https?://[^/\s]+(/\S+)", mail.body)[1]


def log_in(tab, live_server, email, start):
    tab.goto(live_server.url + start)
    form = tab.locator("form.account-form")
    form.locator('input[name="login"]').fill(email)
    form.locator('input[name="password"]').fill(PASSWORD)
    form.locator('button[type="submit"]').click()
    tab.wait_for_url(live_server.url + start)


def test_from_an_application_on_the_site_to_a_started_match(
    browser, live_server, form_page, programme, mailoutbox
):
    coordinator = UserFactory(email="karen@example.com", first_name="Karen")
    coordinator.set_password(PASSWORD)
    coordinator.save()
    make_coordinator(coordinator, programme)
    UserProfile.get_for_user(coordinator)
    host = HostFactory(
        programme=programme,
        user__first_name="Henrik",
        user__email="henrik@example.com",
        phone="+45 22 33 44 55",
        language_skills=[{"language": "ar", "level": "fluent"}],
        offers_career_hosting=True,
    )
    host.user.set_password(PASSWORD)
    host.user.save()
    for user in (coordinator, host.user):
        user.emailaddress_set.create(email=user.email, verified=True, primary=True)

    def new_tab():
        context = browser.new_context(locale="en-GB")
        tab = context.new_page()
        tab.set_default_timeout(15_000)
        return tab

    # The newcomer applies and confirms.
    newcomer_tab = new_tab()
    newcomer_tab.goto(live_server.url + "/host-programme/apply/")
    form = newcomer_tab.locator("form.application-form")
    form.get_by_label("First name").fill("Amira")
    form.get_by_label("Last name").fill("Haddad")
    form.get_by_label("Email").fill("amira@example.com")
    form.get_by_label("When did you arrive in Denmark?").fill(years_ago(1).isoformat())
    form.get_by_label("Postcode").fill("2200")
    form.get_by_label("Language 1", exact=True).select_option("ar")
    form.get_by_label("How well, language 1").select_option("native")
    form.get_by_label("Career host").check()
    form.get_by_label("Evenings").check()
    form.get_by_label("I agree that the programme keeps and uses my application").check()
    form.get_by_role("button", name="Send my application").click()
    newcomer_tab.get_by_role("heading", name="Check your email").wait_for()
    newcomer_tab.goto(live_server.url + link_in(mailoutbox[-1]))
    newcomer_tab.get_by_role("button", name="Confirm my application").click()
    newcomer_tab.get_by_text("Thank you: your application is confirmed.").wait_for()

    # The coordinator accepts it: the newcomer is invited to the portal.
    application = Application.objects.get()
    coordinator_tab = new_tab()
    review = f"/admin/applications/review/{application.pk}/"
    log_in(coordinator_tab, live_server, coordinator.email, review)
    coordinator_tab.get_by_role("button", name="Accept", exact=True).click()
    coordinator_tab.wait_for_load_state()
    application.refresh_from_db()
    assert application.status == Application.Status.ACCEPTED
    newcomer = application.participant

    # The newcomer chooses a password and sees their place in line.
    invitation = next(
        mail for mail in mailoutbox if mail.to == ["amira@example.com"] and "password" in mail.body
    )
    newcomer_tab.goto(live_server.url + link_in(invitation))
    newcomer_tab.fill('input[name="password1"]', PASSWORD)
    newcomer_tab.fill('input[name="password2"]', PASSWORD)
    newcomer_tab.check('input[name="privacy_notice"]')
    newcomer_tab.locator('button[name="action"]').click()
    newcomer_tab.wait_for_url(re.compile(r".*/portal/$"))
    assert "waiting line" in newcomer_tab.inner_text("main").lower()

    # The coordinator proposes the best host, with the reasons in words.
    coordinator_tab.goto(live_server.url + f"/admin/host-programme/suggest-hosts/{newcomer.pk}/")
    assert "both speak Arabic" in coordinator_tab.inner_text("main")
    coordinator_tab.get_by_role("button", name="Propose Henrik").click()
    coordinator_tab.wait_for_load_state()
    proposal = MatchProposal.objects.get()

    # Both say yes in the portal; the match starts and the contact details show.
    newcomer_tab.goto(live_server.url + f"/portal/proposals/{proposal.pk}/")
    assert "+45 22 33 44 55" not in newcomer_tab.content()  # no contact details yet
    newcomer_tab.get_by_role("button", name="Yes, I would like to meet").click()
    host_tab = new_tab()
    log_in(host_tab, live_server, host.user.email, f"/portal/proposals/{proposal.pk}/")
    host_tab.get_by_role("button", name="Yes, I would like to meet").click()
    host_tab.wait_for_load_state()
    match = Match.objects.get()
    assert (match.newcomer, match.host, match.status) == (newcomer, host, "active")
    newcomer_tab.goto(live_server.url + "/portal/")
    assert "+45 22 33 44 55" in newcomer_tab.content()
