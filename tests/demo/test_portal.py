"""The portal's demo: the accounts listed in the README, with matches, meetings, check-ins,
a re-match request and wheels, built idempotently."""

from allauth.account.models import EmailAddress

from accounts.models import User
from matching import waiting as waiting_line
from matching.models import MatchProposal
from notifications.models import SentReminder
from portal import services
from portal.models import CheckIn, Match, Meeting, Participant, RematchRequest, WheelEntry
from programmes.models import Interest, ProfessionalField

from .conftest import load_demo

DEMO_EMAILS = [
    "coordinator@example.com",
    "coordinator2@example.com",
    "lead@example.com",
    "newcomer@example.com",
    "host@example.com",
    "newcomer2@example.com",
    "host2@example.com",
    "waiting@example.com",
    "mentor@example.com",
    "mentor2@example.com",
    "mentor3@example.com",
    "partner@example.com",
    "student@example.com",
    "partner2@example.com",
    "student2@example.com",
]


def counts():
    return {
        model.__name__: model.objects.count()
        for model in (
            User,
            EmailAddress,
            Participant,
            Match,
            Meeting,
            CheckIn,
            RematchRequest,
            WheelEntry,
            MatchProposal,
            Interest,
            ProfessionalField,
        )
    }


def test_load_demo_builds_the_portal_and_a_second_run_changes_nothing(demo, mailoutbox):
    assert "Portal: participants and matches" in demo.output
    first = counts()
    # (Without the former pairs the evaluation demo adds, alumni.*@example.org.)
    alumni = {
        "Participant": Participant.objects.filter(user__email__startswith="alumni.").count(),
        "Match": Match.objects.filter(newcomer__user__email__startswith="alumni.").count(),
        "Meeting": Meeting.objects.filter(
            match__newcomer__user__email__startswith="alumni."
        ).count(),
    }
    first_own = {name: first[name] - alumni.get(name, 0) for name in first}
    # The host programme's 5 people, 2 matches, 4 meetings, 4 check-ins; the career-mentor
    # programme's 7 people, 2 matches, 8 meetings, 2 check-ins; the waiting lines' 40
    # newcomers and 6 hosts with free places (waiting.yaml).
    assert first_own["Participant"] == 58
    assert first_own["Match"] == 4
    assert first_own["Meeting"] == 12
    assert first_own["CheckIn"] == 6
    assert first_own["RematchRequest"] == 1
    assert first_own["WheelEntry"] == 16
    load_demo()
    assert counts() == first
    assert demo.emails == ()  # building the demo emails nobody
    assert mailoutbox == []  # nor does building it again


def test_every_demo_account_logs_in_with_the_published_password(demo, client):
    for email in DEMO_EMAILS:
        user = User.objects.get(email=email)
        assert user.check_password("demo-host-programme"), email
        address = EmailAddress.objects.get(user=user)
        assert (address.email, address.verified, address.primary) == (email, True, True)
    response = client.post(
        "/accounts/login/", {"login": "host@example.com", "password": "demo-host-programme"}
    )
    assert response["Location"] == "/da/portal/"  # Mette prefers Danish


def test_the_coordinator_can_use_the_admin(demo, client):
    coordinator = User.objects.get(email="coordinator@example.com")
    assert coordinator.groups.filter(name="Coordinators").exists()
    assert coordinator.has_perm("wagtailadmin.access_admin")
    client.force_login(coordinator)
    assert client.get("/admin/host-programme/follow-up/").status_code == 200


def test_the_host_programmes_pairs_and_the_waiting_newcomer(demo):
    culture = Match.objects.get(newcomer__user__email="newcomer@example.com")
    career = Match.objects.get(newcomer__user__email="newcomer2@example.com")
    assert (culture.host.user.email, culture.kind, culture.status) == (
        "host@example.com",
        "culture",
        "active",
    )
    assert (career.host.user.email, career.kind) == ("host2@example.com", "career")
    waiting = Participant.objects.get(user__email="waiting@example.com")
    assert waiting.is_newcomer
    assert not Match.objects.for_participant(waiting).exists()
    host_programme = Match.objects.filter(programme__slug="host-programme").exclude(
        newcomer__user__email__startswith="alumni."  # the evaluation demo's former pairs
    )
    assert {m.pk for m in host_programme.filter(meetings__isnull=False)} == {culture.pk, career.pk}
    checked_in = CheckIn.objects.filter(match__programme__slug="host-programme")
    assert {c.match_id for c in checked_in} == {culture.pk, career.pk}
    [request] = RematchRequest.objects.all()
    assert (request.match, request.status) == (career, "open")
    assert set(WheelEntry.objects.values_list("participant__user__email", flat=True)) == {
        "newcomer@example.com",
        "host@example.com",
    }


def test_the_demo_gives_the_follow_up_view_something_to_show(demo):
    overview = services.followup_overview()
    assert [m.newcomer.user.email for m in overview.new_matches_to_call] == [
        "newcomer2@example.com"
    ]
    assert [c.participant.user.email for c in overview.attention_check_ins] == [
        "newcomer2@example.com"
    ]
    assert len(overview.open_rematch_requests) == 1


def test_demo_meetings_are_valid_for_their_match(demo):
    for meeting in Meeting.objects.select_related("match"):
        assert meeting.match.start_date <= meeting.date
        assert meeting.author in (meeting.match.newcomer, meeting.match.host)
        meeting.full_clean()
    assert SentReminder.objects.count() == 0


def test_the_waiting_lines_the_free_hosts_and_the_pending_proposal(demo, client):
    lines = {}
    for person in waiting_line.line():
        lines.setdefault((person.programme.slug, person.wanted_host_kind), []).append(person)
    sizes = {key: len(people) for key, people in lines.items()}
    assert sum(sizes.values()) >= 40
    assert set(sizes) == {
        ("host-programme", "culture"),
        ("host-programme", "career"),
        ("career-mentor-programme", "career"),
    }
    for people in lines.values():
        assert [p.place_in_line for p in people] == list(range(1, len(people) + 1))
        generated = [p for p in people if p.user.email[len("waiting") :][:2].isdigit()]
        assert generated and all(p.language_skills and p.chosen_field_id for p in generated)
    assert Interest.objects.count() >= 20 and ProfessionalField.objects.count() >= 12

    [proposal] = MatchProposal.objects.pending()
    assert proposal.host.user.email == "host2@example.com"
    client.force_login(proposal.host.user)
    dashboard = client.get("/portal/").content.decode()
    assert f"/portal/proposals/{proposal.pk}/" in dashboard

    yuki = Participant.objects.get(user__email="waiting@example.com")
    client.force_login(yuki.user)
    dashboard = client.get("/portal/").content.decode()
    assert "Your place in the waiting line" in dashboard
    assert f"Number {waiting_line.place_in_line(yuki)}" in dashboard
