"""Coordinators see only their programmes. Every coordinator screen and export (found from the
admin's URL patterns, so a new screen is covered without editing this file) is crawled as a
coordinator of programme B with programme A's objects' ids in the URLs and A's people's names
as search terms: every object URL answers 404, no page or export shows A's names. A
programme lead sees both programmes."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone

from events import services as event_services
from events.models import SignUp
from intake.factories import ApplicationFactory
from intake.models import Application
from matching.models import MatchProposal
from matching.proposals import propose
from portal.models import Match, RematchRequest
from privacy.consent import give_consent
from privacy.models import Purpose
from programmes.factories import make_coordinator
from programmes.scoping import programmes_for
from tests.accounts.test_role_screens import coordinator_screens
from tests.factories import (
    CheckInFactory,
    MatchFactory,
    MatchNoteFactory,
    MeetingFactory,
    NewcomerFactory,
    ProgrammeFactory,
    RematchRequestFactory,
    UserFactory,
    WheelEntryFactory,
)

pytestmark = pytest.mark.django_db

# Names only programme A's people have; none of them may appear to B's coordinator.
A_NAMES = ["Zebulon", "Quintessa", "Ulrikke", "Xandra"]
B_NAMES = ["Bertram", "Birthe"]

# Every namespace the crawl covers; a URL of an object of programme A in each.
SCOPED_NAMESPACES = {
    "host_participants",
    "host_matches",
    "host_meetings",
    "host_checkins",
    "host_rematch_requests",
    "event_dates",
    "privacy_audit",
    "host_suggestions",
    "host_suggest_hosts",
    "intake_applications",
    "host_waiting",
    "host_proposals",
}
# Coordinators hold no permission on programmes at all: refused, as before.
REFUSED_NAMESPACES = {"programmes"}


def programme_people(programme, newcomer_name, host_name):
    match = MatchFactory(
        newcomer__programme=programme,
        newcomer__user__first_name=newcomer_name,
        host__user__first_name=host_name,
    )
    MeetingFactory(match=match, note=f"Met {newcomer_name}")
    check_in = CheckInFactory(match=match, satisfaction=1, wants_to_continue=False)
    rematch = RematchRequestFactory(match=match, reason=f"{newcomer_name} moved")
    MatchNoteFactory(match=match, text=f"Called {newcomer_name}")
    WheelEntryFactory(participant=match.newcomer)
    give_consent(match.newcomer.user, Purpose.PRIVACY_NOTICE)
    return match, check_in, rematch


@pytest.fixture
def world(make_event):
    a = ProgrammeFactory(name_en="Programme A")
    b = ProgrammeFactory(name_en="Programme B")
    a_match, a_check_in, a_rematch = programme_people(a, "Zebulon", "Quintessa")
    b_match, _, _ = programme_people(b, "Bertram", "Birthe")
    waiting = NewcomerFactory(programme=a, user__first_name="Ulrikke")
    a_application = ApplicationFactory(programme=a, first_name="Xandra")
    ApplicationFactory(programme=b, first_name="Bertram", email="bertram@example.com")
    a_proposal = propose(newcomer=waiting, host=a_match.host, kind="culture")
    b_waiting = NewcomerFactory(programme=b, user__first_name="Bertram")
    propose(newcomer=b_waiting, host=b_match.host, kind="culture")

    a_date = make_event(title_en="A's own evening", programme=a).occurrences.get()
    event_services.sign_up(a_date, a_match.newcomer.user, notify=False)
    shared = make_event(title_en="Shared picnic").occurrences.get()
    for participant in (a_match.host, waiting, b_match.newcomer):
        event_services.sign_up(shared, participant.user, notify=False)
    SignUp.objects.create(
        occurrence=shared,
        name="Petra Public",
        email="petra@example.com",
        status=SignUp.Status.CONFIRMED,
        queued_at=timezone.now(),
    )
    return {
        "a": a,
        "b": b,
        "a_match": a_match,
        "b_match": b_match,
        "a_date": a_date,
        "shared": shared,
        "objects": {
            "host_participants": a_match.newcomer,
            "host_matches": a_match,
            "host_meetings": a_match.meetings.get(),
            "host_checkins": a_check_in,
            "host_rematch_requests": a_rematch,
            "event_dates": a_date,
            "privacy_audit": a_match.newcomer,
            "host_suggestions": a,
            "host_suggest_hosts": waiting,
            "intake_applications": a_application,
            "host_waiting": waiting,
            "host_proposals": a_proposal,
            "programmes": a,
        },
    }


def crawl(objects):
    """(namespace, URL) of every coordinator screen, with A's objects' ids."""
    for namespace, name, converters in coordinator_screens():
        kwargs = {}
        if converters:
            assert converters == ("pk",), f"{namespace}:{name} takes {converters}"
            assert namespace in objects, f"{namespace}:{name}: add an object for it here"
            kwargs = {"pk": objects[namespace].pk}
        yield (
            namespace,
            bool(converters),
            reverse(f"{namespace}:{name}" if namespace else name, kwargs=kwargs),
        )


def body(response):
    if getattr(response, "streaming", False):
        return b"".join(response.streaming_content).decode("utf-8", "replace")
    return response.content.decode("utf-8", "replace")


def shows_any(text, names):
    return [name for name in names if name in text]


@pytest.fixture
def coordinator_b(world):
    return make_coordinator(UserFactory(first_name="Carla"), world["b"])


def test_the_scoping_rule(world, coordinator_b):
    lead = UserFactory()
    lead.groups.add(Group.objects.get(name="Programme leads"))
    assert list(programmes_for(coordinator_b)) == [world["b"]]
    assert set(programmes_for(lead)) >= {world["a"], world["b"]}
    assert set(programmes_for(UserFactory(is_superuser=True))) >= {world["a"], world["b"]}
    assert list(programmes_for(UserFactory())) == []


def test_a_coordinator_of_b_finds_nothing_of_a_on_any_screen(client, world, coordinator_b):
    client.force_login(coordinator_b)
    checked = 0
    for namespace, has_object, url in crawl(world["objects"]):
        response = client.get(url)
        if namespace in REFUSED_NAMESPACES:
            assert response.status_code in (302, 403), url
            continue
        if has_object:
            # Not found, by GET and by POST (a screen that takes only one of them says 405
            # to the other, which tells nothing either).
            posted = client.post(url, {"status": "completed", "decision": "end"})
            answers = {response.status_code, posted.status_code}
            assert 404 in answers and answers <= {404, 405}, (url, answers)
        else:
            assert response.status_code in (200, 405), (url, response.status_code)
            assert not shows_any(body(response), A_NAMES), url
            # A's people's names as search terms: each shows up only as often as a name
            # nobody has does (the search box repeats what was typed).
            echoes = body(client.get(url, {"q": "Nobodyhasthisname"})).count("Nobodyhasthisname")
            for name in A_NAMES:
                found = body(client.get(url, {"q": name}))
                assert found.count(name) == echoes, (url, name)
                assert not shows_any(found, [other for other in A_NAMES if other != name]), url
        checked += 1
    assert checked >= 35
    # Nothing of A was changed by the POSTs.
    assert Match.objects.get(pk=world["a_match"].pk).is_active
    assert RematchRequest.objects.filter(status=RematchRequest.Status.OPEN).count() == 2
    assert Application.objects.filter(status=Application.Status.TO_REVIEW).count() == 2
    assert MatchProposal.objects.pending().count() == 2
    world["objects"]["host_waiting"].refresh_from_db()
    assert not world["objects"]["host_waiting"].waiting_paused


def test_the_listings_and_exports_show_b_and_not_a(client, world, coordinator_b):
    """A positive control: B's coordinator does see B's people where A's are missing."""
    client.force_login(coordinator_b)
    for name in (
        "host_participants",
        "host_matches",
        "host_checkins",
        "host_rematch_requests",
        "intake_applications",
        "host_waiting",
        "host_proposals",
    ):
        for params in ({}, {"export": "csv"}):
            text = body(client.get(reverse(f"{name}:index"), params))
            assert "Bertram" in text, (name, params)
            assert not shows_any(text, A_NAMES), (name, params)
    meetings = body(client.get(reverse("host_meetings:index"), {"export": "csv"}))
    assert "Bertram" in meetings and not shows_any(meetings, A_NAMES)
    home = body(client.get("/admin/"))
    assert "Bertram" in home and not shows_any(home, A_NAMES)
    followup = body(client.get(reverse("host_followup:index")))
    assert "Bertram" in followup and not shows_any(followup, A_NAMES)


def test_event_dates_of_a_are_hidden_and_a_shared_date_shows_only_bs_people(
    client, world, coordinator_b, mailoutbox
):
    client.force_login(coordinator_b)
    dates = body(client.get(reverse("event_dates:index")))
    assert "Shared picnic" in dates and "own evening" not in dates

    shared = world["shared"].pk
    signups = body(client.get(reverse("event_dates:signups", args=[shared])))
    assert "Bertram" in signups and "Petra Public" in signups
    assert not shows_any(signups, A_NAMES)
    export = body(client.get(reverse("event_dates:export", args=[shared])))
    assert "Bertram" in export and "petra@example.com" in export
    assert not shows_any(export, A_NAMES)

    response = client.post(
        reverse("event_dates:email", args=[shared]),
        {
            "subject_en": "Bring a blanket",
            "message_en": "It may be cold.",
            "subject_da": "Tag et tæppe med",
            "message_da": "Det kan blive koldt.",
            "include_waiting": "on",
        },
    )
    assert response.status_code == 302
    recipients = sorted(address for mail in mailoutbox for address in mail.to)
    b_newcomer = world["b_match"].newcomer.user.email
    assert recipients == sorted([b_newcomer, "petra@example.com"])


def test_only_a_programme_lead_cancels_a_date_shared_by_all_programmes(
    client, world, coordinator_b, mailoutbox
):
    """A shared date reaches every programme's people: B's coordinator cannot cancel it (A's
    people would be told by someone who cannot see them), a programme lead can."""
    shared = world["shared"]
    cancel = reverse("event_dates:cancel", args=[shared.pk])
    client.force_login(coordinator_b)
    signups = body(client.get(reverse("event_dates:signups", args=[shared.pk])))
    assert "a programme lead cancels it" in signups and cancel not in signups
    refused = client.get(cancel, follow=True)
    assert refused.redirect_chain[-1][0] == reverse("event_dates:signups", args=[shared.pk])
    assert "a programme lead cancels it" in body(refused)
    form = {"message_en": "Rain.", "message_da": "Regn."}
    assert client.post(cancel, form).status_code == 302
    shared.refresh_from_db()
    assert not shared.cancelled and mailoutbox == []

    lead = UserFactory()
    lead.groups.add(Group.objects.get(name="Programme leads"))
    client.force_login(lead)
    assert cancel in body(client.get(reverse("event_dates:signups", args=[shared.pk])))
    assert client.post(cancel, form).status_code == 302
    shared.refresh_from_db()
    assert shared.cancelled


def test_the_match_form_and_the_participant_form_offer_only_bs_people_and_programme(
    client, world, coordinator_b
):
    client.force_login(coordinator_b)
    match_form = body(client.get(reverse("host_matches:add")))
    assert "Bertram" in match_form and not shows_any(match_form, A_NAMES)
    participant_form = body(client.get(reverse("host_participants:add")))
    assert "Programme B" in participant_form and "Programme A" not in participant_form
    assert f'<option value="{world["b"].pk}" selected>' in participant_form
    # A forged choice of A's newcomer is refused with a message, and nothing is created.
    a_match = world["a_match"]
    response = client.post(
        reverse("host_matches:add"),
        {
            "newcomer": a_match.newcomer.pk,
            "host": world["b_match"].host.pk,
            "kind": "culture",
            "start_date": "2030-01-01",
        },
    )
    assert response.status_code == 200
    assert "Select a valid choice" in body(response)
    assert Match.objects.count() == 2
    meetings_filter = body(client.get(reverse("host_meetings:index")))
    assert not shows_any(meetings_filter, A_NAMES)
    # The programme filters of the lists offer B only.
    for name in ("host_participants:index", "host_matches:index"):
        listing = body(client.get(reverse(name)))
        assert "Programme B" in listing and "Programme A" not in listing, name


def test_a_programme_lead_sees_both_programmes(client, world):
    lead = UserFactory()
    lead.groups.add(Group.objects.get(name="Programme leads"))
    client.force_login(lead)
    for namespace, has_object, url in crawl(world["objects"]):
        if has_object and namespace not in REFUSED_NAMESPACES:
            assert client.get(url).status_code in (200, 405), url
    participants = body(client.get(reverse("host_participants:index")))
    assert "Zebulon" in participants and "Bertram" in participants
    signups = body(client.get(reverse("event_dates:signups", args=[world["shared"].pk])))
    assert "Ulrikke" in signups and "Bertram" in signups


def test_a_coordinator_without_a_programme_sees_no_one(client, world):
    client.force_login(_no_programme())
    text = body(client.get(reverse("host_participants:index")))
    assert not shows_any(text, A_NAMES + B_NAMES)


def _no_programme():
    user = UserFactory()
    user.groups.add(Group.objects.get(name="Coordinators"))
    return user


def test_the_site_history_report_shows_only_the_coordinators_programmes(
    client, world, coordinator_b
):
    """Wagtail's site history lists every log entry of a model one has a permission on, with
    the object's name: the scope applies there too."""
    from wagtail.log_actions import log

    for match in (world["a_match"], world["b_match"]):
        log(match.newcomer, "wagtail.edit")
        log(match, "wagtail.edit")
    client.force_login(coordinator_b)
    history = body(client.get(reverse("wagtailadmin_reports:site_history")))
    assert "Bertram" in history
    assert not shows_any(history, A_NAMES)

    lead = UserFactory()
    lead.groups.add(Group.objects.get(name="Programme leads"))
    client.force_login(lead)
    history = body(client.get(reverse("wagtailadmin_reports:site_history")))
    assert "Zebulon" in history and "Bertram" in history
