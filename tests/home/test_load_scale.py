"""``manage.py load_scale``: made-up data in the demo's shapes, and the pages that must not
grow with it cost the same number of queries after one unit as after three more."""

from io import StringIO

import pytest
from django.contrib.auth.models import Group
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from evaluation.defaults import create_for
from events.models import EventOccurrence, EventPage, SignUp
from intake.models import Application
from portal.models import CheckIn, Match, Meeting, Participant
from tests.factories import ProgrammeFactory, UserFactory
from tests.programmes.test_scoping_queries import analyze

pytestmark = pytest.mark.django_db


@pytest.fixture
def programmes():
    first, second = ProgrammeFactory(), ProgrammeFactory()
    create_for(first)
    return first, second


def test_one_unit_has_the_demos_shapes(calendar_page, programmes):
    call_command("load_scale", "--times", "1", stdout=StringIO())
    assert Participant.objects.count() == 20
    assert Match.objects.count() == 8
    assert Meeting.objects.count() == 100
    assert EventPage.objects.child_of(calendar_page).count() == 3
    assert EventOccurrence.objects.count() >= 3
    assert 0 < SignUp.objects.count() <= 30
    assert Application.objects.count() == 3
    assert CheckIn.objects.exists()
    # The newcomers without a match wait; both programmes have people.
    waiting = Participant.objects.filter(role="newcomer", waiting_since__isnull=False)
    assert waiting.count() == 10 - 8
    assert {p.programme_id for p in Participant.objects.all()} == {p.pk for p in programmes}
    # Event pages answer in both languages.
    event = EventPage.objects.child_of(calendar_page).first()
    assert event.live and event.slug_da.startswith("skala-")


def test_it_needs_the_demo_first(db, programmes):
    with pytest.raises(CommandError, match="load_demo"):
        call_command("load_scale", "--times", "1")


def test_it_refuses_settings_without_demo_content(settings, calendar_page, programmes):
    settings.DEMO_CONTENT_ALLOWED = False
    with pytest.raises(CommandError, match="do not allow"):
        call_command("load_scale", "--times", "1")


def queries(client, url):
    client.get(url)
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(context.captured_queries)


def test_pages_cost_the_same_queries_as_the_data_grows(
    client, calendar_page, make_event, programmes
):
    event = make_event()
    lead = UserFactory()
    lead.groups.add(Group.objects.get(name="Programme leads"))
    anonymous = ["/", calendar_page.url, event.url, "/events/calendar.ics", "/sitemap.xml"]
    staff = ["/admin/", "/admin/host-programme/follow-up/"]

    def costs():
        analyze()
        client.logout()
        counts = {url: queries(client, url) for url in anonymous}
        client.force_login(lead)
        counts.update({url: queries(client, url) for url in staff})
        return counts

    call_command("load_scale", "--times", "1", "--seed", "1", stdout=StringIO())
    few = costs()
    call_command("load_scale", "--times", "3", "--seed", "2", stdout=StringIO())
    assert costs() == few
