"""A coordinator in a real browser (Chromium through Playwright): opens "Suggest matches" for
the culture track, drops one suggested pair, swaps the host of another, and confirms; the
proposals are made for exactly the pairs kept."""

import pytest

from matching.models import MatchProposal
from programmes.factories import make_coordinator
from tests.factories import UserFactory
from tests.portal.conftest import verify_email
from tests.portal.test_browser import log_in

from .conftest import host, waiting

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_a_coordinator_drops_swaps_and_confirms_suggested_pairs(browser, live_server, home_page):
    sofia = waiting("Sofia", days=90)
    ana = waiting("Ana", days=60)
    luis = waiting("Luis", days=30)
    host("Henrik", area="Valby")
    mette = host("Mette")
    jonas = host("Jonas")
    coordinator = verify_email(UserFactory(email="coordinator@example.com", first_name="Karen"))
    make_coordinator(coordinator)

    context = browser.new_context(locale="en-GB")
    tab = context.new_page()
    tab.set_default_timeout(10_000)
    log_in(tab, live_server, coordinator, start="/admin/host-programme/suggestions/")
    row = tab.locator("main tr", has_text="Culture host")
    row.get_by_role("link", name="Suggest matches").click()
    assert "3 pairs suggested" in tab.locator("main").inner_text()

    tab.get_by_label("Propose Luis").uncheck()
    tab.get_by_label("Host for Sofia").select_option(str(mette.pk))
    tab.get_by_label("Host for Ana").select_option(str(jonas.pk))
    tab.get_by_role("button", name="Confirm and send the proposals").click()
    tab.wait_for_load_state()
    assert "2 match proposals have been made." in tab.locator(".messages").inner_text()

    made = {(p.newcomer_id, p.host_id) for p in MatchProposal.objects.all()}
    assert made == {(sofia.pk, mette.pk), (ana.pk, jonas.pk)}
    assert luis.pk not in {newcomer for newcomer, _ in made}
    context.close()
