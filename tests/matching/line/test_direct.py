"""A match made directly in the admin: the hard rules still refuse; the track, promised places,
another match or a proposal, the host course and a paused wait are warnings that need "create
anyway" ticked. Nothing is created until then, and what was typed stays."""

import pytest
from django.utils import timezone
from wagtail.models import ModelLogEntry

from events import services as event_services
from events.models import SignUp
from matching.direct import direct_match_warnings
from matching.proposals import propose
from portal.models import HostKind, Match
from tests.factories import HostFactory, MatchFactory, NewcomerFactory
from tests.portal.test_coordinator_day import admin_language

pytestmark = pytest.mark.django_db

ADD_URL = "/admin/host-programme/matches/new/"


def form_data(newcomer, host, kind=HostKind.CULTURE, **extra):
    return {
        "newcomer": newcomer.pk,
        "host": host.pk,
        "kind": kind,
        "start_date": timezone.localdate().isoformat(),
        **extra,
    }


def test_a_plain_match_has_no_warning(newcomer, host):
    assert direct_match_warnings(newcomer, host, HostKind.CULTURE) == []


def test_another_track_warns_and_needs_create_anyway(client, coordinator, newcomer, host):
    client.force_login(coordinator)
    response = client.post(ADD_URL, form_data(newcomer, host, kind=HostKind.CAREER))
    html = response.content.decode()
    assert response.status_code == 200
    assert "asked for a culture host, not a career host." in html
    assert "tick this box to create the match anyway" in html
    assert not Match.objects.exists()

    response = client.post(
        ADD_URL, form_data(newcomer, host, kind=HostKind.CAREER, create_anyway="on")
    )
    assert response.status_code == 302
    match = Match.objects.get()
    assert match.kind == HostKind.CAREER
    entry = ModelLogEntry.objects.get(action="matching.direct_match_warned")
    assert entry.user == coordinator
    assert "asked for a culture host" in entry.data["warnings"][0]


def test_the_warnings_in_danish(client, coordinator, newcomer, host):
    admin_language(coordinator, "da")
    client.force_login(coordinator)
    response = client.post(ADD_URL, form_data(newcomer, host, kind=HostKind.CAREER))
    html = response.content.decode()
    assert "har bedt om en kulturvært, ikke en erhvervsvært." in html


def test_full_capacity_stays_a_hard_limit(client, coordinator, newcomer, host, programme):
    MatchFactory(host=host, newcomer__programme=programme)
    client.force_login(coordinator)
    response = client.post(ADD_URL, form_data(newcomer, host, create_anyway="on"))
    assert response.status_code == 200
    assert "their full capacity" in response.content.decode()
    assert Match.objects.count() == 1


def test_a_pending_proposal_and_promised_places_warn(newcomer, host, programme):
    other_host = HostFactory(programme=programme)
    propose(newcomer=newcomer, host=other_host, kind=HostKind.CULTURE)
    propose(newcomer=NewcomerFactory(programme=programme), host=host, kind=HostKind.CULTURE)
    warnings = direct_match_warnings(newcomer, host, HostKind.CULTURE)
    assert any("has a match proposal waiting for answers" in w for w in warnings)
    assert any("free places are promised" in w for w in warnings)


def test_another_active_match_and_a_paused_wait_warn(newcomer, host, programme):
    MatchFactory(newcomer=newcomer, kind=HostKind.CAREER, host__programme=programme)
    newcomer.waiting_paused = True
    warnings = direct_match_warnings(newcomer, host, HostKind.CULTURE)
    assert any("already has an active match of another kind" in w for w in warnings)
    assert any("wait is paused" in w for w in warnings)


def test_the_host_course_warns_until_attended_or_waived(newcomer, host, programme, make_event):
    programme.requires_host_course = True
    programme.save()
    host.programme.refresh_from_db()
    assert any(
        "requires a host course" in w for w in direct_match_warnings(newcomer, host, "culture")
    )

    host.host_course_waived = True
    assert direct_match_warnings(newcomer, host, "culture") == []

    host.host_course_waived = False
    course = make_event(title_en="Host course", category="host_course").occurrences.get()
    event_services.sign_up(course, host.user, notify=False)
    assert direct_match_warnings(newcomer, host, "culture") != []
    SignUp.objects.filter(user=host.user).update(attended=True)
    assert direct_match_warnings(newcomer, host, "culture") == []
