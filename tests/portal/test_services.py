"""The programme's rules in portal/services.py: matching, progress, check-ins, re-matches."""

import datetime

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import ValidationError
from django.utils import timezone

from portal import services
from portal.models import CheckIn, HostKind, Match, RematchRequest
from tests.factories import (
    CheckInFactory,
    HostFactory,
    MatchFactory,
    MeetingFactory,
    NewcomerFactory,
    RematchRequestFactory,
    UserFactory,
)

from .conftest import answered_on

pytestmark = pytest.mark.django_db

START = datetime.date(2025, 1, 15)


# --- looking things up ------------------------------------------------------------------------


def test_participant_for_returns_the_profile_or_none():
    newcomer = NewcomerFactory()
    assert services.participant_for(newcomer.user) == newcomer
    assert services.participant_for(UserFactory()) is None
    assert services.participant_for(AnonymousUser()) is None
    assert services.participant_for(None) is None


def test_matches_for_lists_only_the_participants_matches_newest_first(
    django_assert_num_queries,
):
    newcomer = NewcomerFactory()
    old = MatchFactory(
        newcomer=newcomer,
        start_date=START,
        status=Match.Status.COMPLETED,
        ended_on=START + datetime.timedelta(days=100),
    )
    new = MatchFactory(newcomer=newcomer, start_date=START + datetime.timedelta(days=200))
    MatchFactory()  # someone else's
    with django_assert_num_queries(1):
        matches = list(services.matches_for(newcomer))
        names = [(m.newcomer.user.email, m.host.user.email) for m in matches]
    assert matches == [new, old]
    assert len(names) == 2
    host_matches = list(services.matches_for(new.host))
    assert host_matches == [new]


# --- progress -----------------------------------------------------------------------------------


def test_progress_in_the_second_month_without_meetings_is_behind():
    match = MatchFactory(start_date=START)
    progress = services.match_progress(match, today=datetime.date(2025, 2, 20))
    assert progress == services.MatchProgress(
        month=2,
        total_months=6,
        meetings_logged=0,
        expected_min=1,
        expected_max=4,
        on_track=False,
        days_left=145,
    )


def test_progress_counts_meetings_and_is_on_track_at_one_a_month():
    match = MatchFactory(start_date=START)
    MeetingFactory(match=match, date=datetime.date(2025, 1, 25))
    MeetingFactory(match=match, date=datetime.date(2025, 2, 25))
    progress = services.match_progress(match, today=datetime.date(2025, 3, 20))
    assert (progress.month, progress.meetings_logged, progress.expected_min) == (3, 2, 2)
    assert progress.on_track is True


def test_progress_in_the_first_month_is_on_track_without_meetings():
    match = MatchFactory(start_date=START)
    progress = services.match_progress(match, today=START)
    assert (progress.month, progress.expected_min, progress.expected_max) == (1, 0, 2)
    assert progress.on_track is True
    assert progress.days_left == 181


def test_progress_uses_an_annotated_meeting_count_without_a_query(django_assert_num_queries):
    match = MatchFactory(start_date=START)
    match.meeting_count = 3
    with django_assert_num_queries(0):
        progress = services.match_progress(match, today=datetime.date(2025, 3, 20))
    assert progress.meetings_logged == 3


def test_progress_is_capped_at_the_last_month_and_stops_when_the_match_ends():
    match = MatchFactory(start_date=START)
    late = services.match_progress(match, today=datetime.date(2025, 12, 1))
    assert (late.month, late.total_months, late.days_left) == (6, 6, 0)
    services.end_match(
        match, Match.Status.ENDED_EARLY, "Moved away", datetime.date(2025, 3, 1), notify=False
    )
    ended = services.match_progress(match, today=datetime.date(2025, 12, 1))
    assert (ended.month, ended.expected_min, ended.days_left) == (2, 1, 0)


def test_a_longer_match_counts_its_partial_last_month():
    match = MatchFactory(start_date=START, end_date=datetime.date(2025, 8, 1))
    assert services.total_months(match) == 7


# --- check-ins ----------------------------------------------------------------------------------


def test_checkins_fall_due_a_month_in_and_then_every_two_months():
    match = MatchFactory(start_date=START)
    assert services.checkin_due_dates(match) == [
        datetime.date(2025, 2, 15),
        datetime.date(2025, 4, 15),
        datetime.date(2025, 6, 15),
    ]


def test_checkin_due_until_answered_and_again_at_the_next_date():
    match = MatchFactory(start_date=START)
    newcomer, host = match.newcomer, match.host
    assert services.checkin_due(newcomer, match, today=datetime.date(2025, 2, 14)) is False
    assert services.checkin_due(newcomer, match, today=datetime.date(2025, 2, 15)) is True
    assert services.checkin_due(newcomer, match, today=datetime.date(2025, 3, 30)) is True

    answered_on(CheckInFactory(match=match, participant=newcomer), datetime.date(2025, 2, 16))
    assert services.checkin_due(newcomer, match, today=datetime.date(2025, 3, 30)) is False
    # The partner's answer does not count for the host.
    assert services.checkin_due(host, match, today=datetime.date(2025, 3, 30)) is True
    assert services.checkin_due(newcomer, match, today=datetime.date(2025, 4, 15)) is True


def test_a_checkin_answered_before_the_due_date_does_not_clear_it():
    match = MatchFactory(start_date=START)
    answered_on(CheckInFactory(match=match), datetime.date(2025, 2, 1))
    assert services.checkin_due(match.newcomer, match, today=datetime.date(2025, 2, 15)) is True


def test_next_checkin_date_is_the_owed_one_or_the_next_one():
    match = MatchFactory(start_date=START)
    newcomer = match.newcomer
    assert services.next_checkin_date(newcomer, match, today=START) == datetime.date(2025, 2, 15)
    owed = services.next_checkin_date(newcomer, match, today=datetime.date(2025, 3, 1))
    assert owed == datetime.date(2025, 2, 15)
    answered_on(CheckInFactory(match=match), datetime.date(2025, 3, 1))
    later = services.next_checkin_date(newcomer, match, today=datetime.date(2025, 3, 2))
    assert later == datetime.date(2025, 4, 15)
    answered_on(CheckInFactory(match=match), datetime.date(2025, 6, 20))
    assert services.next_checkin_date(newcomer, match, today=datetime.date(2025, 7, 1)) is None


def test_no_checkin_is_due_on_an_ended_match():
    match = MatchFactory(start_date=START)
    services.end_match(match, Match.Status.COMPLETED, ended_on=START.replace(month=3), notify=False)
    assert services.checkin_due(match.newcomer, match, today=datetime.date(2025, 4, 20)) is False
    assert services.next_checkin_date(match.newcomer, match) is None


def test_record_check_in_saves_the_answer():
    match = MatchFactory()
    check_in = services.record_check_in(match, match.host, 2, False, "We never find a time.")
    check_in.refresh_from_db()
    assert (check_in.participant, check_in.satisfaction, check_in.wants_to_continue) == (
        match.host,
        2,
        False,
    )
    assert check_in.note_for_coordinator == "We never find a time."
    assert check_in.needs_attention is True


def test_record_check_in_refuses_outsiders_ended_matches_and_bad_scores():
    match = MatchFactory()
    with pytest.raises(ValidationError):
        services.record_check_in(match, NewcomerFactory(), 4, True)
    with pytest.raises(ValidationError) as error:
        services.record_check_in(match, match.newcomer, 6, True)
    assert "satisfaction" in error.value.message_dict
    services.end_match(match, Match.Status.COMPLETED, notify=False)
    with pytest.raises(ValidationError):
        services.record_check_in(match, match.newcomer, 4, True)
    assert CheckIn.objects.count() == 0


# --- next step ----------------------------------------------------------------------------------


def test_suggested_next_step_follows_the_match():
    newcomer = NewcomerFactory()
    assert "looking for a good match" in services.suggested_next_step(newcomer, None)
    match = MatchFactory(newcomer=newcomer, start_date=START, host__user__first_name="Mette")
    assert services.suggested_next_step(newcomer, match, today=START + datetime.timedelta(3)) == (
        "Agree on a first meeting with Mette – a coffee or a walk is a good start."
    )
    step = services.suggested_next_step(newcomer, match, today=datetime.date(2025, 2, 20))
    assert step == "Answer a short check-in: tell us how the match is going."
    answered_on(CheckInFactory(match=match), datetime.date(2025, 2, 20))
    MeetingFactory(match=match, date=datetime.date(2025, 1, 20))
    step = services.suggested_next_step(newcomer, match, today=datetime.date(2025, 2, 21))
    assert step == ("Log each meeting after you meet, and pick an activity idea for the next one.")
    step = services.suggested_next_step(newcomer, match, today=datetime.date(2025, 3, 20))
    assert step == "It has been a while: suggest a date for your next meeting to Mette."
    services.end_match(match, Match.Status.COMPLETED, notify=False)
    assert services.suggested_next_step(newcomer, match).startswith("Your match has ended.")


def test_suggested_next_step_near_the_end():
    match = MatchFactory(start_date=START, host__user__first_name="Mette")
    for day in (1, 2, 3, 4, 5):
        MeetingFactory(match=match, date=datetime.date(2025, day, 20))
    for due in services.checkin_due_dates(match):
        answered_on(CheckInFactory(match=match), due)
    step = services.suggested_next_step(match.newcomer, match, today=datetime.date(2025, 6, 30))
    assert step.startswith("Your match ends soon: plan a last meeting with Mette")


# --- creating and ending matches ----------------------------------------------------------------


def test_create_match_defaults_to_six_months_and_emails_both(mailoutbox, on_commit):
    newcomer = NewcomerFactory(user__email="omar@example.com", user__first_name="Omar")
    host = HostFactory(
        user__email="mette@example.com", user__first_name="Mette", user__preferred_language="da"
    )
    with on_commit():
        match = services.create_match(newcomer, host, HostKind.CULTURE, start_date=START)
    assert (match.start_date, match.end_date, match.status) == (
        START,
        datetime.date(2025, 7, 15),
        Match.Status.ACTIVE,
    )
    assert sorted(m.to[0] for m in mailoutbox) == ["mette@example.com", "omar@example.com"]
    to_newcomer = next(m for m in mailoutbox if m.to == ["omar@example.com"])
    assert to_newcomer.subject == "We have found a host for you"
    assert "Mette will be your culture host." in to_newcomer.body
    assert "http://testserver/portal/" in to_newcomer.body


def test_create_match_without_notify_sends_nothing(mailoutbox):
    services.create_match(NewcomerFactory(), HostFactory(), HostKind.CAREER, notify=False)
    assert mailoutbox == []


def test_create_match_refuses_swapped_roles():
    newcomer, host = NewcomerFactory(), HostFactory()
    with pytest.raises(ValidationError) as error:
        services.create_match(host, newcomer, HostKind.CULTURE)
    assert set(error.value.message_dict) >= {"newcomer", "host"}
    assert Match.objects.count() == 0


def test_create_match_refuses_a_kind_the_host_does_not_offer(mailoutbox):
    host = HostFactory(
        offers_career_hosting=False, user__first_name="Mette", user__last_name="Holm"
    )
    with pytest.raises(ValidationError) as error:
        services.create_match(NewcomerFactory(), host, HostKind.CAREER)
    assert error.value.message_dict == {"kind": ["Mette Holm is not a career host."]}
    assert mailoutbox == []


def test_create_match_never_goes_beyond_the_hosts_capacity():
    host = HostFactory(capacity=2, user__first_name="Mette", user__last_name="Holm")
    services.create_match(NewcomerFactory(), host, HostKind.CULTURE, notify=False)
    services.create_match(NewcomerFactory(), host, HostKind.CAREER, notify=False)
    with pytest.raises(ValidationError) as error:
        services.create_match(NewcomerFactory(), host, HostKind.CULTURE, notify=False)
    assert error.value.message_dict == {
        "host": ["Mette Holm already has 2 active matches, their full capacity."]
    }
    # An ended match frees the place.
    services.end_match(
        Match.objects.filter(host=host).first(), Match.Status.COMPLETED, notify=False
    )
    services.create_match(NewcomerFactory(), host, HostKind.CULTURE, notify=False)
    assert Match.objects.active().filter(host=host).count() == 2


def test_a_newcomer_has_one_active_match_per_kind():
    newcomer = NewcomerFactory(user__first_name="Omar", user__last_name="Haddad")
    services.create_match(newcomer, HostFactory(), HostKind.CULTURE, notify=False)
    with pytest.raises(ValidationError) as error:
        services.create_match(newcomer, HostFactory(), HostKind.CULTURE, notify=False)
    assert error.value.message_dict == {
        "newcomer": ["Omar Haddad already has an active match with a culture host."]
    }
    services.create_match(newcomer, HostFactory(), HostKind.CAREER, notify=False)
    assert Match.objects.active().filter(newcomer=newcomer).count() == 2


def test_create_match_refuses_an_end_before_the_start():
    with pytest.raises(ValidationError) as error:
        services.create_match(
            NewcomerFactory(), HostFactory(), HostKind.CULTURE, START, START, notify=False
        )
    assert list(error.value.message_dict) == ["end_date"]


def test_end_match_closes_it_and_emails_both(mailoutbox, on_commit):
    match = MatchFactory(start_date=START)
    with on_commit():
        services.end_match(match, Match.Status.COMPLETED, ended_on=datetime.date(2025, 7, 15))
    match.refresh_from_db()
    assert (match.status, match.ended_on) == (Match.Status.COMPLETED, datetime.date(2025, 7, 15))
    assert sorted(m.to[0] for m in mailoutbox) == sorted(
        [match.newcomer.user.email, match.host.user.email]
    )
    assert {m.subject for m in mailoutbox} == {"Your match in the host programme has ended"}


def test_ending_early_needs_a_reason_and_a_match_ends_only_once(mailoutbox):
    match = MatchFactory(start_date=START)
    with pytest.raises(ValidationError) as error:
        services.end_match(match, Match.Status.ENDED_EARLY, reason="  ")
    assert list(error.value.message_dict) == ["end_reason"]
    with pytest.raises(ValidationError) as error:
        services.end_match(match, Match.Status.COMPLETED, ended_on=START - datetime.timedelta(1))
    assert list(error.value.message_dict) == ["ended_on"]
    with pytest.raises(ValidationError):
        services.end_match(match, Match.Status.ACTIVE)
    services.end_match(match, Match.Status.ENDED_EARLY, reason="Moved to Aarhus", notify=False)
    with pytest.raises(ValidationError):
        services.end_match(match, Match.Status.COMPLETED)
    match.refresh_from_db()
    assert (match.status, match.end_reason) == (Match.Status.ENDED_EARLY, "Moved to Aarhus")
    assert mailoutbox == []


# --- re-match requests --------------------------------------------------------------------------


def test_request_rematch_emails_the_coordinator_with_a_link_to_the_queue(
    mailoutbox, settings, on_commit
):
    settings.COORDINATOR_EMAIL = "team@example.com"
    match = MatchFactory(newcomer__user__first_name="Omar", newcomer__user__last_name="Haddad")
    with on_commit():
        request = services.request_rematch(match, match.newcomer, "Our schedules never fit.")
    assert request.status == RematchRequest.Status.OPEN
    [email] = mailoutbox
    assert email.to == ["team@example.com"]
    assert email.subject == "Re-match request from Omar Haddad"
    assert "Our schedules never fit." in email.body
    # The link to the admin queue is tested in test_admin.py, next to the queue itself.


def test_rematch_email_is_in_the_coordinators_language(mailoutbox, settings, on_commit):
    settings.COORDINATOR_EMAIL = "team@example.com"
    UserFactory(email="team@example.com", preferred_language="da")
    match = MatchFactory(newcomer__user__first_name="Omar", newcomer__user__last_name="Haddad")
    with on_commit():
        services.request_rematch(match, match.newcomer, "Vi ses aldrig.")
    assert mailoutbox[0].subject == "Ønske om nyt match fra Omar Haddad"


def test_one_open_rematch_request_at_a_time(mailoutbox, on_commit):
    match = MatchFactory()
    with on_commit():
        services.request_rematch(match, match.newcomer, "Reason one")
    with pytest.raises(ValidationError):
        services.request_rematch(match, match.newcomer, "Reason two")
    # The partner may still ask.
    with on_commit():
        services.request_rematch(match, match.host, "Reason three")
    assert RematchRequest.objects.count() == 2
    assert len(mailoutbox) == 2


def test_request_rematch_needs_a_reason_a_member_and_an_active_match():
    match = MatchFactory()
    with pytest.raises(ValidationError):
        services.request_rematch(match, match.newcomer, " ")
    with pytest.raises(ValidationError):
        services.request_rematch(match, NewcomerFactory(), "Not my match")
    services.end_match(match, Match.Status.COMPLETED, notify=False)
    with pytest.raises(ValidationError):
        services.request_rematch(match, match.newcomer, "Too late")
    assert RematchRequest.objects.count() == 0


def test_resolving_by_keeping_the_match_tells_the_participant(mailoutbox, on_commit):
    coordinator = UserFactory(is_staff=True)
    request = RematchRequestFactory()
    with on_commit():
        services.resolve_rematch(request, keep=True, by_user=coordinator, note="Let's talk Monday.")
    request.refresh_from_db()
    assert (request.status, request.resolved_by, request.resolution_note) == (
        RematchRequest.Status.KEPT,
        coordinator,
        "Let's talk Monday.",
    )
    assert request.resolved_at is not None
    assert request.match.is_active
    [email] = mailoutbox
    assert email.to == [request.participant.user.email]
    assert email.subject == "Your re-match request has been answered"
    assert "your current match continues" in email.body
    assert "Let's talk Monday." in email.body


def test_resolving_for_a_rematch_ends_the_match(mailoutbox, on_commit):
    request = RematchRequestFactory()
    with on_commit():
        services.resolve_rematch(request, keep=False, by_user=None)
    request.refresh_from_db()
    match = request.match
    match.refresh_from_db()
    assert request.status == RematchRequest.Status.REMATCHED
    assert match.status == Match.Status.ENDED_EARLY
    assert match.end_reason == "Ended after a re-match request."
    subjects = sorted((m.to[0], m.subject) for m in mailoutbox)
    assert subjects == sorted(
        [
            (match.newcomer.user.email, "Your match in the host programme has ended"),
            (match.host.user.email, "Your match in the host programme has ended"),
            (match.newcomer.user.email, "Your re-match request has been answered"),
        ]
    )
    # The partner's email never carries the requester's reason.
    to_host = next(m for m in mailoutbox if m.to == [match.host.user.email])
    assert request.reason not in to_host.body
    with pytest.raises(ValidationError):
        services.resolve_rematch(request, keep=True, by_user=None)


# --- follow-up ----------------------------------------------------------------------------------

TODAY = datetime.date(2025, 6, 1)


def make_followup_rows(copies=1):
    """Rows for every follow-up list, plus rows that must not appear."""
    for _ in range(copies):
        # New, 3 weeks old: call them.
        MatchFactory(start_date=TODAY - datetime.timedelta(days=21))
        # 10 days old: too early to call; 5 weeks: too late (and not quiet yet).
        MatchFactory(start_date=TODAY - datetime.timedelta(days=10))
        MatchFactory(start_date=TODAY - datetime.timedelta(days=35))
        # Quiet: started 3 months ago, last meeting 7 weeks ago.
        quiet = MatchFactory(start_date=TODAY - datetime.timedelta(days=90))
        MeetingFactory(match=quiet, date=TODAY - datetime.timedelta(days=49))
        # Busy: met last week.
        busy = MatchFactory(start_date=TODAY - datetime.timedelta(days=90))
        MeetingFactory(match=busy, date=TODAY - datetime.timedelta(days=7))
        # Ending in 20 days (and quiet, no meetings).
        MatchFactory(start_date=TODAY - datetime.timedelta(days=160))
        # Check-ins: low, not continuing, fine, low-but-followed-up.
        CheckInFactory(match=busy, satisfaction=1)
        CheckInFactory(match=busy, participant=busy.host, satisfaction=4, wants_to_continue=False)
        CheckInFactory(match=busy, satisfaction=5)
        CheckInFactory(match=busy, satisfaction=2, followed_up_at=timezone.now())
        RematchRequestFactory(match=busy)
        RematchRequestFactory(match=busy, participant=busy.host, status="kept")
        # Ended long ago: in no list.
        MatchFactory(
            start_date=TODAY - datetime.timedelta(days=300),
            status=Match.Status.COMPLETED,
            ended_on=TODAY - datetime.timedelta(days=120),
        )


def test_followup_overview_lists_what_needs_a_coordinator():
    make_followup_rows()
    overview = services.followup_overview(today=TODAY)
    started = [m.start_date for m in overview.new_matches_to_call]
    assert started == [TODAY - datetime.timedelta(days=21)]
    assert [m.start_date for m in overview.quiet_matches] == [
        TODAY - datetime.timedelta(days=160),
        TODAY - datetime.timedelta(days=90),
    ]
    assert [m.last_meeting for m in overview.quiet_matches] == [
        None,
        TODAY - datetime.timedelta(days=49),
    ]
    assert [(c.satisfaction, c.wants_to_continue) for c in overview.attention_check_ins] == [
        (1, True),
        (4, False),
    ]
    assert [r.status for r in overview.open_rematch_requests] == ["open"]
    assert [m.end_date for m in overview.ending_soon] == [TODAY + datetime.timedelta(days=22)]
    assert overview.total == 7


@pytest.mark.parametrize("copies", [1, 6])
def test_followup_overview_query_count_does_not_grow(copies, django_assert_num_queries):
    make_followup_rows(copies)
    # Each list's first rows and its size: two queries a list.
    with django_assert_num_queries(10):
        overview = services.followup_overview(today=TODAY)
        for match in overview.new_matches_to_call + overview.quiet_matches + overview.ending_soon:
            str(match)
        for item in overview.attention_check_ins + overview.open_rematch_requests:
            str(item), str(item.match)
    assert overview.total == 7 * copies
