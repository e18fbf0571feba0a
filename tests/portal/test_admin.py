"""The coordinators' "Host programme" admin: who gets in, and what each screen does."""

import datetime
import re

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from accounts.models import User
from portal import services
from portal.models import CheckIn, Match, Participant, RematchRequest
from portal.wagtail_hooks import KindsColumn
from programmes.defaults import first_programme
from programmes.factories import make_coordinator
from tests.factories import (
    CheckInFactory,
    HostFactory,
    MatchFactory,
    MeetingFactory,
    NewcomerFactory,
    RematchRequestFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def coordinator():
    user = UserFactory(email="coordinator@example.com", first_name="Karen")
    make_coordinator(user)
    return user


@pytest.fixture
def editor():
    user = UserFactory(email="editor@example.com")
    user.groups.add(Group.objects.get(name="Editors"))
    return user


@pytest.fixture
def coordinator_client(client, coordinator):
    client.force_login(coordinator)
    return client


@pytest.fixture
def match():
    return MatchFactory(
        newcomer__user__first_name="Omar",
        newcomer__user__last_name="Haddad",
        host__user__first_name="Mette",
        host__user__last_name="Holm",
    )


def admin_urls(match):
    meeting = MeetingFactory(match=match)
    check_in = CheckInFactory(match=match)
    rematch = RematchRequestFactory(match=match)
    participant = match.newcomer
    return [
        "/admin/host-programme/follow-up/",
        "/admin/host-programme/participants/",
        "/admin/host-programme/participants/new/",
        f"/admin/host-programme/participants/edit/{participant.pk}/",
        f"/admin/host-programme/participants/invite/{participant.pk}/",
        "/admin/host-programme/participants/?export=csv",
        "/admin/host-programme/matches/",
        "/admin/host-programme/matches/new/",
        f"/admin/host-programme/matches/edit/{match.pk}/",
        f"/admin/host-programme/matches/end/{match.pk}/",
        "/admin/host-programme/meetings/",
        f"/admin/host-programme/meetings/inspect/{meeting.pk}/",
        "/admin/host-programme/check-ins/",
        f"/admin/host-programme/check-ins/inspect/{check_in.pk}/",
        "/admin/host-programme/rematch-requests/",
        f"/admin/host-programme/rematch-requests/resolve/{rematch.pk}/",
    ]


# --- who gets in --------------------------------------------------------------------------------


def test_coordinators_open_every_host_programme_screen(coordinator_client, match):
    for url in admin_urls(match):
        assert coordinator_client.get(url).status_code == 200, url


def test_editors_are_refused_every_host_programme_screen(client, editor, match):
    client.force_login(editor)
    assert client.get("/admin/").status_code == 200  # editors do use the admin
    for url in admin_urls(match):
        response = client.get(url)
        assert response.status_code in (302, 403), url
        if response.status_code == 302:
            assert response["Location"] == "/admin/", url
    html = client.get("/admin/").content.decode()
    assert "Host programme" not in html
    assert "Omar" not in html


def test_editors_cannot_post_to_the_actions(client, editor, match, mailoutbox):
    client.force_login(editor)
    rematch = RematchRequestFactory(match=match)
    check_in = CheckInFactory(match=match)
    posts = [
        (f"/admin/host-programme/matches/end/{match.pk}/", {"status": "completed"}),
        (f"/admin/host-programme/rematch-requests/resolve/{rematch.pk}/", {"decision": "end"}),
        (f"/admin/host-programme/participants/invite/{match.newcomer.pk}/", {}),
        (f"/admin/host-programme/check-ins/followed-up/{check_in.pk}/", {}),
    ]
    for url, data in posts:
        assert client.post(url, data).status_code in (302, 403), url
    match.refresh_from_db()
    rematch.refresh_from_db()
    check_in.refresh_from_db()
    assert match.is_active
    assert rematch.status == RematchRequest.Status.OPEN
    assert check_in.followed_up_at is None
    assert mailoutbox == []


def test_participants_cannot_open_the_admin(client, match):
    client.force_login(match.newcomer.user)
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"] == "/accounts/login/?next=/admin/"
    response = client.get("/admin/host-programme/participants/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_the_coordinator_menu_groups_the_screens(coordinator_client):
    html = coordinator_client.get("/admin/").content.decode()
    assert "Host programme" in html
    for label in ("Follow-up", "Participants", "Matches", "Meetings", "Check-ins"):
        assert label in html
    assert "Re-match requests" in html


# --- participants -------------------------------------------------------------------------------


def participant_form(**overrides):
    data = {
        "email": "Amina@Example.com",
        "first_name": "Amina",
        "last_name": "Yusuf",
        "preferred_language": "da",
        "programme": str(first_programme().pk),
        "role": "newcomer",
        "phone": "+45 12 34 56 78",
        "languages": "Somali, English",
        "interests": "Football, cooking",
        "professional_field": "Nursing",
        "area": "Aarhus",
        "birth_year": "1994",
        "bio": "I moved to Aarhus last year.",
        "arrived_in_denmark": "2025-03-01",
        "wanted_host_kind": "culture",
        "capacity": "1",
        "intake_notes": "Would like to practise Danish.",
        "send_invitation": "on",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def test_creating_a_participant_creates_the_account_and_invites_them(
    coordinator_client, mailoutbox, on_commit
):
    with on_commit():
        response = coordinator_client.post(
            "/admin/host-programme/participants/new/", participant_form()
        )
    assert response.status_code == 302
    participant = Participant.objects.get(user__email="amina@example.com")
    user = participant.user
    assert (user.first_name, user.last_name, user.preferred_language) == ("Amina", "Yusuf", "da")
    assert user.has_usable_password() is False
    assert (participant.role, participant.area, participant.wanted_host_kind) == (
        "newcomer",
        "Aarhus",
        "culture",
    )
    assert participant.invited_at is not None
    assert EmailAddress.objects.filter(user=user, verified=True, primary=True).count() == 1
    [email] = mailoutbox
    assert email.to == ["amina@example.com"]
    assert email.subject == "Velkommen til værtsprogrammet: vælg din adgangskode"
    assert "/da/accounts/password/reset/key/" in email.body


def test_a_participant_can_be_registered_without_an_invitation_yet(coordinator_client, mailoutbox):
    coordinator_client.post(
        "/admin/host-programme/participants/new/", participant_form(send_invitation=None)
    )
    assert Participant.objects.get(user__email="amina@example.com").invited_at is None
    assert mailoutbox == []


def test_participant_form_errors_keep_what_was_typed(coordinator_client, mailoutbox):
    UserFactory(email="amina@example.com")
    response = coordinator_client.post(
        "/admin/host-programme/participants/new/",
        participant_form(role="host", wanted_host_kind=""),
    )
    assert response.status_code == 200
    form = response.context["form"]
    assert form.errors["email"] == ["Another account already uses this email address."]
    assert form.errors["offers_culture_hosting"] == [
        "A host offers career hosting, culture hosting or both."
    ]
    assert "I moved to Aarhus last year.</textarea>" in response.content.decode()
    assert Participant.objects.count() == 0
    assert mailoutbox == []


def test_editing_a_participant_updates_their_account(coordinator_client, match):
    participant = match.newcomer
    EmailAddress.objects.create(
        user=participant.user, email=participant.user.email, verified=True, primary=True
    )
    url = f"/admin/host-programme/participants/edit/{participant.pk}/"
    page = coordinator_client.get(url)
    assert page.context["form"].initial["email"] == participant.user.email
    response = coordinator_client.post(
        url,
        participant_form(
            email="omar.h@example.com", first_name="Omar", last_name="Haddad", area="Odense"
        ),
    )
    assert response.status_code == 302
    participant.refresh_from_db()
    assert participant.user.email == "omar.h@example.com"
    assert participant.area == "Odense"
    assert list(
        EmailAddress.objects.filter(user=participant.user).values_list(
            "email", "verified", "primary"
        )
    ) == [("omar.h@example.com", True, True)]


def test_resending_the_invitation(coordinator_client, match, mailoutbox, on_commit):
    participant = match.host
    with on_commit():
        response = coordinator_client.post(
            f"/admin/host-programme/participants/invite/{participant.pk}/"
        )
    assert response.status_code == 302
    [email] = mailoutbox
    assert email.to == [participant.user.email]
    assert email.subject == "Welcome to the host programme: choose your password"


def test_participant_listing_filters_searches_and_exports(coordinator_client, match):
    waiting = NewcomerFactory(user__first_name="Waleed", area="Vejle")
    html = coordinator_client.get("/admin/host-programme/participants/").content.decode()
    assert "Omar Haddad" in html and "Mette Holm" in html and "Waleed" in html

    response = coordinator_client.get("/admin/host-programme/participants/?role=host")
    assert [p.pk for p in response.context["object_list"]] == [match.host.pk]
    response = coordinator_client.get("/admin/host-programme/participants/?matched=no")
    assert [p.pk for p in response.context["object_list"]] == [waiting.pk]
    response = coordinator_client.get("/admin/host-programme/participants/?q=vejle")
    assert [p.pk for p in response.context["object_list"]] == [waiting.pk]

    export = coordinator_client.get("/admin/host-programme/participants/?export=csv")
    content = b"".join(export.streaming_content).decode("utf-8-sig")
    assert "First name,Last name,Email address" in content
    assert match.newcomer.user.email in content


def test_participant_listing_shows_the_kinds_offered_or_wanted():
    column = KindsColumn("kinds")
    assert column.get_value(HostFactory()) == "Career host, Culture host"
    assert column.get_value(HostFactory(offers_career_hosting=False)) == "Culture host"
    assert column.get_value(NewcomerFactory(wanted_host_kind="career")) == "Career host"
    assert column.get_value(NewcomerFactory(wanted_host_kind="")) == ""


def test_deleting_a_participant_erases_them_and_frees_the_address(coordinator_client):
    # The coordinator's delete is an erasure (privacy.erasure): the anonymised row stays.
    participant = NewcomerFactory(user__email="gone@example.com")
    response = coordinator_client.post(
        f"/admin/host-programme/participants/delete/{participant.pk}/"
    )
    assert response.status_code == 302
    participant.refresh_from_db()
    assert participant.is_erased
    assert not User.objects.filter(email="gone@example.com").exists()


# --- matches ------------------------------------------------------------------------------------


def test_creating_a_match_in_the_admin_emails_both(coordinator_client, mailoutbox, on_commit):
    newcomer = NewcomerFactory(user__email="omar@example.com")
    host = HostFactory(user__email="mette@example.com", user__preferred_language="da")
    with on_commit():
        response = coordinator_client.post(
            "/admin/host-programme/matches/new/",
            {
                "newcomer": newcomer.pk,
                "host": host.pk,
                "kind": "culture",
                "start_date": "2025-09-01",
                "end_date": "",
                "notify": "on",
            },
        )
    assert response.status_code == 302
    match = Match.objects.get()
    assert (match.start_date, match.end_date) == (
        datetime.date(2025, 9, 1),
        datetime.date(2026, 3, 1),
    )
    subjects = sorted((m.to[0], m.subject) for m in mailoutbox)
    assert subjects == [
        ("mette@example.com", "Du er blevet matchet med en nytilkommen"),
        ("omar@example.com", "We have found a host for you"),
    ]


def test_match_rules_show_as_form_errors(coordinator_client, match, mailoutbox):
    response = coordinator_client.post(
        "/admin/host-programme/matches/new/",
        {
            "newcomer": NewcomerFactory().pk,
            "host": match.host.pk,
            "kind": "culture",
            "start_date": "2025-09-01",
        },
    )
    assert response.status_code == 200
    assert response.context["form"].errors == {
        "host": ["Mette Holm already has 1 active match, their full capacity."]
    }
    assert (
        "Mette Holm already has 1 active match, their full capacity." in response.content.decode()
    )
    assert Match.objects.count() == 1
    assert mailoutbox == []


def test_the_match_form_only_offers_participants_in_the_right_role(coordinator_client, match):
    form = coordinator_client.get("/admin/host-programme/matches/new/").context["form"]
    assert list(form.fields["newcomer"].queryset) == [match.newcomer]
    assert list(form.fields["host"].queryset) == [match.host]


def test_editing_a_match_changes_only_its_dates(coordinator_client, match):
    other = NewcomerFactory()
    response = coordinator_client.post(
        f"/admin/host-programme/matches/edit/{match.pk}/",
        {"start_date": "2025-01-10", "end_date": "2025-08-10", "newcomer": other.pk},
    )
    assert response.status_code == 302
    match.refresh_from_db()
    assert (match.start_date, match.end_date, match.newcomer_id) == (
        datetime.date(2025, 1, 10),
        datetime.date(2025, 8, 10),
        match.newcomer_id,
    )
    assert match.newcomer != other


def test_ending_a_match_early_needs_a_reason(coordinator_client, match, mailoutbox, on_commit):
    url = f"/admin/host-programme/matches/end/{match.pk}/"
    today = timezone.localdate().isoformat()
    response = coordinator_client.post(
        url, {"status": "ended_early", "ended_on": today, "end_reason": "", "notify": "on"}
    )
    assert response.status_code == 200
    assert response.context["form"].errors == {
        "end_reason": ["Give a reason when a match ends early."]
    }
    match.refresh_from_db()
    assert match.is_active
    with on_commit():
        response = coordinator_client.post(
            url, {"status": "ended_early", "ended_on": today, "end_reason": "Moved", "notify": "on"}
        )
    assert response.status_code == 302
    match.refresh_from_db()
    assert (match.status, match.end_reason) == (Match.Status.ENDED_EARLY, "Moved")
    assert len(mailoutbox) == 2


# --- re-match requests --------------------------------------------------------------------------


def test_rematch_email_links_to_the_admin_queue(match, mailoutbox, coordinator_client, on_commit):
    with on_commit():
        services.request_rematch(match, match.newcomer, "Our schedules never fit.")
    link = re.search(r"http://testserver(/admin/\S+)", mailoutbox[0].body).group(1)
    assert link == "/admin/host-programme/rematch-requests/"
    html = coordinator_client.get(link).content.decode()
    assert "Omar Haddad" in html
    assert "Our schedules never fit." in html


def test_the_rematch_queue_lists_open_requests_first(coordinator_client, match):
    kept = RematchRequestFactory(match=match, participant=match.host, status="kept")
    old_open = RematchRequestFactory(match=match)
    other = MatchFactory()
    new_open = RematchRequestFactory(match=other)
    RematchRequest.objects.filter(pk=old_open.pk).update(
        created_at=timezone.now() - datetime.timedelta(days=3)
    )
    response = coordinator_client.get("/admin/host-programme/rematch-requests/")
    assert [r.pk for r in response.context["object_list"]] == [new_open.pk, old_open.pk, kept.pk]


def test_resolving_a_rematch_by_keeping_the_match(
    coordinator_client, coordinator, match, mailoutbox, on_commit
):
    rematch = RematchRequestFactory(match=match)
    with on_commit():
        response = coordinator_client.post(
            f"/admin/host-programme/rematch-requests/resolve/{rematch.pk}/",
            {"decision": "keep", "note": "Let's meet on Monday."},
        )
    assert response.status_code == 302
    rematch.refresh_from_db()
    assert (rematch.status, rematch.resolved_by) == ("kept", coordinator)
    assert [m.to for m in mailoutbox] == [[match.newcomer.user.email]]
    page = coordinator_client.get(f"/admin/host-programme/rematch-requests/resolve/{rematch.pk}/")
    assert "Save the decision" not in page.content.decode()


def test_resolving_a_rematch_by_ending_the_match(coordinator_client, match, mailoutbox, on_commit):
    rematch = RematchRequestFactory(match=match)
    with on_commit():
        response = coordinator_client.post(
            f"/admin/host-programme/rematch-requests/resolve/{rematch.pk}/", {"decision": "end"}
        )
    assert response.status_code == 302
    match.refresh_from_db()
    assert match.status == Match.Status.ENDED_EARLY
    assert len(mailoutbox) == 3  # ended (x2) + answer to the one who asked


# --- follow-up ----------------------------------------------------------------------------------


def followup_rows(today):
    call = MatchFactory(start_date=today - datetime.timedelta(days=20))
    quiet = MatchFactory(start_date=today - datetime.timedelta(days=100))
    MeetingFactory(match=quiet, date=today - datetime.timedelta(days=60))
    worried = CheckInFactory(match=quiet, satisfaction=1, note_for_coordinator="Hard to meet.")
    rematch = RematchRequestFactory(match=quiet, participant=quiet.host)
    ending = MatchFactory(start_date=today - datetime.timedelta(days=170))
    MeetingFactory(match=ending, date=today - datetime.timedelta(days=3))
    return call, quiet, worried, rematch, ending


def test_the_followup_view_lists_each_kind_with_a_link_to_act(coordinator_client):
    today = timezone.localdate()
    call, quiet, worried, rematch, ending = followup_rows(today)
    response = coordinator_client.get("/admin/host-programme/follow-up/")
    assert response.status_code == 200
    overview = response.context["overview"]
    assert overview.new_matches_to_call == [call]
    assert overview.quiet_matches == [quiet]
    assert overview.attention_check_ins == [worried]
    assert overview.open_rematch_requests == [rematch]
    assert overview.ending_soon == [ending]
    html = response.content.decode()
    assert f'href="/admin/host-programme/matches/edit/{call.pk}/"' in html
    assert f'href="/admin/host-programme/meetings/?match={quiet.pk}"' in html
    assert f'action="/admin/host-programme/check-ins/followed-up/{worried.pk}/"' in html
    assert f'href="/admin/host-programme/rematch-requests/resolve/{rematch.pk}/"' in html
    assert f'href="/admin/host-programme/matches/end/{ending.pk}/?next=' in html
    assert "Hard to meet." in html


def test_marking_a_check_in_followed_up_removes_it_from_the_list(coordinator_client):
    check_in = CheckInFactory(satisfaction=2)
    response = coordinator_client.post(
        f"/admin/host-programme/check-ins/followed-up/{check_in.pk}/",
        {"next": "/admin/host-programme/follow-up/"},
    )
    assert response["Location"] == "/admin/host-programme/follow-up/"
    check_in.refresh_from_db()
    assert check_in.followed_up_at is not None
    overview = coordinator_client.get("/admin/host-programme/follow-up/").context["overview"]
    assert overview.attention_check_ins == []


def test_marking_followed_up_ignores_an_outside_next(coordinator_client):
    check_in = CheckInFactory(satisfaction=2)
    response = coordinator_client.post(
        f"/admin/host-programme/check-ins/followed-up/{check_in.pk}/",
        {"next": "https://evil.example.com/"},
    )
    assert response["Location"] == "/admin/host-programme/follow-up/"


def count_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries), rows_listed(response)


def rows_listed(response):
    if "overview" in response.context:
        return response.context["overview"].total
    return response.context["page_obj"].paginator.count


@pytest.mark.parametrize(
    "url",
    [
        "/admin/host-programme/follow-up/",
        "/admin/host-programme/participants/",
        "/admin/host-programme/matches/",
        "/admin/host-programme/meetings/",
        "/admin/host-programme/check-ins/",
        "/admin/host-programme/rematch-requests/",
    ],
)
def test_admin_listing_queries_do_not_grow(coordinator_client, url, django_assert_max_num_queries):
    today = timezone.localdate()
    followup_rows(today)
    coordinator_client.get(url)  # warm caches (content types, site settings)
    few_queries, few_rows = count_queries(coordinator_client, url)
    for _ in range(8):
        followup_rows(today)
    with django_assert_max_num_queries(few_queries):
        response = coordinator_client.get(url)
    assert rows_listed(response) == 9 * few_rows


def test_check_in_and_meeting_listings_filter_by_match(coordinator_client, match):
    MeetingFactory(match=match)
    MeetingFactory()
    CheckInFactory(match=match, participant=match.host, satisfaction=2)
    CheckInFactory()
    meetings = coordinator_client.get(f"/admin/host-programme/meetings/?match={match.pk}")
    assert [m.match_id for m in meetings.context["object_list"]] == [match.pk]
    check_ins = coordinator_client.get(f"/admin/host-programme/check-ins/?match={match.pk}")
    assert [c.participant for c in check_ins.context["object_list"]] == [match.host]
    worrying = coordinator_client.get("/admin/host-programme/check-ins/?attention=yes")
    assert [c.satisfaction for c in worrying.context["object_list"]] == [2]
    assert CheckIn.objects.count() == 2
