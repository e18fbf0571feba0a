"""The coordinator's day: the admin home page's panels, the match log, marking a pair followed
up, matches ending by themselves on their end date (goodbye emails), extending a match, and
dates shown as dates in the admin listings. In English and Danish."""

import datetime
import io

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import ModelLogEntry
from wagtail.users.models import UserProfile

from notifications.reminders import run_daily
from portal import day, services
from portal.models import Match, MatchNote
from programmes.factories import make_coordinator
from tests.clock import days_ago
from tests.factories import (
    CheckInFactory,
    MatchFactory,
    MatchNoteFactory,
    MeetingFactory,
    NewcomerFactory,
    RematchRequestFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

HOME = "/admin/"
FOLLOWUP = "/admin/host-programme/follow-up/"


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


def admin_language(user, language):
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()


def ago(days):
    return timezone.localdate() - datetime.timedelta(days=days)


def day_rows():
    """One row for each panel: a pair to call, a low check-in, a re-match request, a match
    ending soon and a newcomer waiting."""
    call = MatchFactory(start_date=ago(20))
    worried = CheckInFactory(match=call, satisfaction=1)
    quiet = MatchFactory(start_date=ago(100))
    rematch = RematchRequestFactory(match=quiet, participant=quiet.host)
    ending = MatchFactory(start_date=ago(170))
    MeetingFactory(match=ending, date=ago(3))
    waiting = NewcomerFactory()
    return call, worried, rematch, ending, waiting


# --- the home page's panels ---------------------------------------------------------------------


def panel_counts(html):
    import re

    return [int(n) for n in re.findall(r'class="coordinator-count">(\d+)<', html)]


def test_the_coordinators_home_page_shows_the_day_at_a_glance(coordinator_client):
    call, worried, rematch, ending, waiting = day_rows()
    html = coordinator_client.get(HOME).content.decode()
    for heading in [
        "Pairs to call this week",
        "Low check-ins and re-match requests",
        "Matches ending within 30 days",
        "Newcomers waiting for a match",
    ]:
        assert heading in html
    # Waiting: the newcomer just registered (plus nobody else; matched newcomers are not).
    # The last two: applications to review and surveys not answered (none).
    assert panel_counts(html) == [1, 2, 1, 1, 0, 0]
    assert f'href="/admin/host-programme/matches/edit/{call.pk}/"' in html
    assert f'href="/admin/host-programme/rematch-requests/resolve/{rematch.pk}/"' in html
    assert f'href="/admin/host-programme/participants/edit/{waiting.pk}/"' in html
    assert "Waiting 0 days, since" in html
    # Its list in full (the overview shows only the first rows too).
    assert 'href="/admin/host-programme/follow-up/?section=call"' in html
    # The panel links to the waiting list (place in line, pause, export).
    assert 'href="/admin/host-programme/waiting-list/"' in html


def test_the_panels_are_in_danish_for_a_danish_coordinator(coordinator_client, coordinator):
    day_rows()
    admin_language(coordinator, "da")
    html = coordinator_client.get(HOME).content.decode()
    assert "Par, der skal ringes til i denne uge" in html
    assert "Nytilkomne, der venter på et match" in html
    assert "Den længste ventetid er 0 dage." in html


def test_editors_see_no_participant_panels(client, editor):
    day_rows()
    client.force_login(editor)
    html = client.get(HOME).content.decode()
    assert "Pairs to call this week" not in html
    assert "Newcomers waiting for a match" not in html


def test_the_wait_counts_from_joining_the_list_and_a_match_ended_early_keeps_the_place():
    joined = days_ago(50)
    long_ago = NewcomerFactory(waiting_since=joined)
    rematched_newcomer = NewcomerFactory(waiting_since=days_ago(130))
    rematched = MatchFactory(newcomer=rematched_newcomer, start_date=ago(120))
    assert rematched.newcomer_waited_since is not None
    assert [p.pk for p in day.newcomers_waiting()] == [long_ago.pk]  # matched: not waiting

    services.end_match(rematched, Match.Status.ENDED_EARLY, reason="No chemistry", notify=False)
    finished = MatchFactory(start_date=ago(200))
    services.end_match(finished, Match.Status.COMPLETED, notify=False)
    MatchFactory()  # an active match: not waiting
    waiting = list(day.newcomers_waiting())
    # Back at the old place: ahead of someone who joined later.
    assert [p.pk for p in waiting] == [rematched_newcomer.pk, long_ago.pk]
    assert [day.days_waiting(p) for p in waiting] == [130, 50]
    assert finished.newcomer not in waiting


def test_home_page_queries_do_not_grow_with_the_rows(coordinator_client):
    day_rows()
    coordinator_client.get(HOME)  # warm caches
    with CaptureQueriesContext(connection) as few:
        coordinator_client.get(HOME)
    for _ in range(12):
        day_rows()
    with CaptureQueriesContext(connection) as many:
        html = coordinator_client.get(HOME).content.decode()
    assert panel_counts(html) == [13, 26, 13, 13, 0, 0]  # applications, surveys: none
    assert len(many) == len(few)


# --- the match log ------------------------------------------------------------------------------


def test_the_coordinator_sees_and_adds_to_the_match_log(coordinator_client, coordinator):
    match = MatchFactory()
    MatchNoteFactory(match=match, text="Newcomer found a job lead.", author=coordinator)
    url = f"/admin/host-programme/matches/edit/{match.pk}/"
    html = coordinator_client.get(url).content.decode()
    assert "Coordinators' log (1)" in html
    assert "Newcomer found a job lead." in html
    response = coordinator_client.post(
        f"/admin/host-programme/matches/note/{match.pk}/",
        {
            "next": url,
            "note-date": timezone.localdate().isoformat(),
            "note-channel": "meeting",
            "note-text": "Met both at the library.",
        },
    )
    assert response.status_code == 302
    assert response["Location"] == url
    note = MatchNote.objects.get(text="Met both at the library.")
    assert (note.author, note.channel, note.followed_up) == (coordinator, "meeting", False)
    assert "Met both at the library." in coordinator_client.get(url).content.decode()


def test_an_empty_or_bad_note_is_refused_with_a_message_keeping_what_was_typed(
    coordinator_client,
):
    match = MatchFactory()
    response = coordinator_client.post(
        f"/admin/host-programme/matches/note/{match.pk}/",
        {"note-date": "not a date", "note-channel": "phone", "note-text": "Kept text"},
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "Enter a valid date." in html
    assert "Kept text" in html
    response = coordinator_client.post(
        f"/admin/host-programme/matches/note/{match.pk}/",
        {"note-date": "2026-01-05", "note-channel": "phone", "note-text": "   "},
    )
    assert "This field is required." in response.content.decode()
    assert MatchNote.objects.count() == 0


def test_participants_never_see_the_match_log(client):
    match = MatchFactory()
    MatchNoteFactory(match=match, text="Confidential: host is worried.")
    for person in (match.newcomer, match.host):
        client.force_login(person.user)
        for url in [
            "/portal/",
            f"/portal/matches/{match.pk}/meetings/",
            "/portal/my-data/",
            "/da/portal/",
        ]:
            response = client.get(url)
            assert response.status_code == 200, url
            assert "Confidential: host is worried." not in response.content.decode(), url
        response = client.get(f"/admin/host-programme/matches/edit/{match.pk}/")
        assert response.status_code == 302  # to the admin login


def test_the_my_data_download_leaves_the_log_out(client):
    match = MatchFactory()
    MatchNoteFactory(match=match, text="Confidential: host is worried.")
    client.force_login(match.newcomer.user)
    response = client.get("/portal/my-data.json")
    assert response.status_code == 200
    assert "Confidential" not in response.content.decode()


def test_editors_are_refused_the_match_log(client, editor):
    match = MatchFactory()
    MatchNoteFactory(match=match, text="Confidential: host is worried.")
    client.force_login(editor)
    for url in [
        f"/admin/host-programme/matches/edit/{match.pk}/",
        f"/admin/host-programme/matches/note/{match.pk}/",
        f"/admin/host-programme/matches/extend/{match.pk}/",
    ]:
        response = client.get(url)
        assert response.status_code in (302, 403), url
        assert "Confidential" not in response.content.decode()
    client.post(
        f"/admin/host-programme/matches/note/{match.pk}/",
        {"note-date": "2026-01-05", "note-channel": "phone", "note-text": "Editor's note"},
    )
    assert not MatchNote.objects.filter(text="Editor's note").exists()


def test_erasing_a_person_erases_the_log_text_of_their_matches():
    from privacy.erasure import erase_participant

    match = MatchFactory()
    note = MatchNoteFactory(match=match, text="Confidential: host is worried.")
    erase_participant(match.newcomer)
    note.refresh_from_db()
    assert note.text == ""
    assert note.channel == "phone"  # still counts as a follow-up call


# --- mark followed up with a note ---------------------------------------------------------------


def test_marking_a_pair_to_call_followed_up_writes_a_note_and_takes_it_off_the_list(
    coordinator_client, coordinator
):
    call = MatchFactory(start_date=ago(20))
    quiet = MatchFactory(start_date=ago(100))
    html = coordinator_client.get(FOLLOWUP).content.decode()
    assert html.count(f'action="/admin/host-programme/matches/note/{call.pk}/"') == 1
    assert html.count(f'action="/admin/host-programme/matches/note/{quiet.pk}/"') == 1
    for match, text in [(call, "Both happy, met twice."), (quiet, "Busy month, meeting soon.")]:
        response = coordinator_client.post(
            f"/admin/host-programme/matches/note/{match.pk}/",
            {
                "next": FOLLOWUP,
                "note-followed_up": "on",
                "note-date": timezone.localdate().isoformat(),
                "note-channel": "phone",
                "note-text": text,
            },
        )
        assert response["Location"] == FOLLOWUP
    overview = coordinator_client.get(FOLLOWUP).context["overview"]
    assert overview.new_matches_to_call == []
    assert overview.quiet_matches == []
    notes = MatchNote.objects.order_by("pk")
    assert [(n.match, n.text, n.followed_up, n.author) for n in notes] == [
        (call, "Both happy, met twice.", True, coordinator),
        (quiet, "Busy month, meeting soon.", True, coordinator),
    ]


def test_a_note_that_is_not_a_follow_up_keeps_the_pair_on_the_list():
    call = MatchFactory(start_date=ago(20))
    MatchNoteFactory(match=call, text="No answer, try again Friday.")
    assert list(day.pairs_to_call()) == [call]


def test_a_quiet_pair_followed_up_long_ago_is_quiet_again():
    quiet = MatchFactory(start_date=ago(200))
    MatchNoteFactory(match=quiet, followed_up=True, date=ago(60))
    assert list(day.quiet_pairs()) == [quiet]


# --- ending on the end date ---------------------------------------------------------------------


def goodbyes(mailoutbox):
    subjects = {
        "Thank you for your match in the host programme",
        "Tak for jeres match i værtsprogrammet",
    }
    return [email for email in mailoutbox if email.subject in subjects]


def ending_pair(end_date):
    match = MatchFactory(
        start_date=end_date - datetime.timedelta(days=180),
        end_date=end_date,
        newcomer__user__first_name="Amira",
        newcomer__user__preferred_language="da",
        host__user__first_name="Henrik",
        host__user__preferred_language="en",
    )
    return match


def test_a_match_ends_by_itself_on_its_end_date_not_the_day_before(mailoutbox):
    today = timezone.localdate()
    match = ending_pair(today + datetime.timedelta(days=1))
    run_daily(today)
    match.refresh_from_db()
    assert match.status == Match.Status.ACTIVE
    assert goodbyes(mailoutbox) == []

    run_daily(today + datetime.timedelta(days=1))
    match.refresh_from_db()
    assert match.status == Match.Status.COMPLETED
    assert match.ended_on == match.end_date
    assert match.ended_on_schedule is True
    by_address = {email.to[0]: email for email in goodbyes(mailoutbox)}
    assert set(by_address) == {match.newcomer.user.email, match.host.user.email}
    english = by_address[match.host.user.email]
    danish = by_address[match.newcomer.user.email]
    assert english.subject == "Thank you for your match in the host programme"
    assert "Your match with Amira ended on" in english.body
    assert "evaluation survey" in english.body
    assert "coordinator@" in english.body or "write to the coordinator" in english.body
    assert danish.subject == "Tak for jeres match i værtsprogrammet"
    assert "Dit match med Henrik sluttede" in danish.body
    assert "spørgeskema" in danish.body


def test_the_goodbye_names_the_programmes_contact_person(mailoutbox):
    from programmes.factories import ProgrammeFactory

    today = timezone.localdate()
    match = ending_pair(today)
    mentors = ProgrammeFactory(contact_name="Mads Mentor", contact_email="mentors@example.com")
    Match.objects.filter(pk=match.pk).update(programme=mentors)
    run_daily(today)
    by_address = {email.to[0]: email.body for email in goodbyes(mailoutbox)}
    assert (
        "write to Mads Mentor, the programme's contact person, at mentors@example.com."
        in by_address[match.host.user.email]
    )
    assert (
        "skriv til Mads Mentor, programmets kontaktperson, på mentors@example.com."
        in by_address[match.newcomer.user.email]
    )


def test_ending_is_idempotent_and_never_emails_twice(mailoutbox):
    today = timezone.localdate()
    match = ending_pair(today - datetime.timedelta(days=2))  # the command missed two days
    run_daily(today)
    assert len(goodbyes(mailoutbox)) == 2
    match.refresh_from_db()
    assert match.ended_on == match.end_date
    run_daily(today)
    run_daily(today + datetime.timedelta(days=1))
    call_command("send_reminders", stdout=io.StringIO())
    assert len(goodbyes(mailoutbox)) == 2
    assert ModelLogEntry.objects.filter(action="portal.match_end").count() == 1


def test_a_goodbye_that_failed_is_sent_on_the_next_run(mailoutbox, monkeypatch):
    import notifications.reminders as reminders

    today = timezone.localdate()
    ending_pair(today)
    real = reminders.send_email_to_user
    monkeypatch.setattr(reminders, "send_email_to_user", lambda *a, **k: 1 / 0)
    run_daily(today)
    assert goodbyes(mailoutbox) == []
    monkeypatch.setattr(reminders, "send_email_to_user", real)
    run_daily(today + datetime.timedelta(days=1))
    assert len(goodbyes(mailoutbox)) == 2


def test_a_match_ended_by_a_coordinator_gets_no_goodbye(mailoutbox):
    from portal import services

    today = timezone.localdate()
    match = ending_pair(today)
    services.end_match(match, Match.Status.COMPLETED, ended_on=today, notify=False)
    run_daily(today)
    assert goodbyes(mailoutbox) == []


# --- extending ----------------------------------------------------------------------------------


def test_the_coordinator_extends_a_match_with_a_reason_and_it_does_not_end(
    coordinator_client, coordinator, mailoutbox
):
    today = timezone.localdate()
    match = ending_pair(today + datetime.timedelta(days=3))
    edit_url = f"/admin/host-programme/matches/edit/{match.pk}/"
    assert f'href="/admin/host-programme/matches/extend/{match.pk}/"' in (
        coordinator_client.get(edit_url).content.decode()
    )
    new_end = today + datetime.timedelta(days=60)
    response = coordinator_client.post(
        f"/admin/host-programme/matches/extend/{match.pk}/",
        {"end_date": new_end.isoformat(), "reason": "Summer holidays: two more months."},
    )
    assert response.status_code == 302
    assert response["Location"] == edit_url
    match.refresh_from_db()
    assert match.end_date == new_end
    entry = ModelLogEntry.objects.get(action="portal.match_extend")
    assert entry.user == coordinator
    assert entry.data["reason"] == "Summer holidays: two more months."
    assert "Summer holidays: two more months." in entry.message

    run_daily(today + datetime.timedelta(days=3))
    match.refresh_from_db()
    assert match.status == Match.Status.ACTIVE
    assert goodbyes(mailoutbox) == []


def test_extending_refuses_an_earlier_date_or_no_reason_keeping_what_was_typed(
    coordinator_client,
):
    today = timezone.localdate()
    match = ending_pair(today + datetime.timedelta(days=10))
    response = coordinator_client.post(
        f"/admin/host-programme/matches/extend/{match.pk}/",
        {"end_date": (today + datetime.timedelta(days=5)).isoformat(), "reason": "Typed reason"},
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "Choose a date after" in html
    assert "Typed reason" in html
    response = coordinator_client.post(
        f"/admin/host-programme/matches/extend/{match.pk}/",
        {"end_date": (today + datetime.timedelta(days=50)).isoformat(), "reason": ""},
    )
    assert "This field is required." in response.content.decode()
    match.refresh_from_db()
    assert match.end_date == today + datetime.timedelta(days=10)


def test_an_ended_match_cannot_be_extended(coordinator_client):
    match = MatchFactory(status=Match.Status.COMPLETED, ended_on=ago(1), start_date=ago(100))
    response = coordinator_client.post(
        f"/admin/host-programme/matches/extend/{match.pk}/",
        {
            "end_date": (timezone.localdate() + datetime.timedelta(days=30)).isoformat(),
            "reason": "More time",
        },
    )
    assert "This match has already ended." in response.content.decode()


# --- dates as dates in the listings -------------------------------------------------------------


@pytest.mark.parametrize(
    "language, start, end",
    [("en", "5 Dec 2030", "5 Jun 2031"), ("da", "5. dec. 2030", "5. juni 2031")],
)
def test_the_match_listing_shows_future_dates_as_dates(
    coordinator_client, coordinator, language, start, end
):
    MatchFactory(start_date=datetime.date(2030, 12, 5), end_date=datetime.date(2031, 6, 5))
    admin_language(coordinator, language)
    html = coordinator_client.get("/admin/host-programme/matches/").content.decode()
    assert start in html
    assert end in html
    assert "Just now" not in html and "Lige nu" not in html


def test_datetimes_in_listings_show_the_local_time(coordinator_client, coordinator):
    check_in = CheckInFactory()
    moment = datetime.datetime(2026, 12, 5, 16, 0, tzinfo=datetime.UTC)  # 17:00 in Copenhagen
    type(check_in).objects.filter(pk=check_in.pk).update(created_at=moment)
    html = coordinator_client.get("/admin/host-programme/check-ins/").content.decode()
    assert "5 Dec 2026 17:00" in html
    admin_language(coordinator, "da")
    html = coordinator_client.get("/admin/host-programme/check-ins/").content.decode()
    assert "5. dec. 2026 17.00" in html
