"""The portal's rules come from the participant's or the match's programme, and a match keeps
the rules it started with."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.test import override_settings
from django.utils import translation

from portal import services
from portal.models import HostKind, Match
from privacy.consent import Purpose, give_consent, withdraw_consent
from privacy.retention import retention_days_after_last_match, retention_days_never_matched
from tests.factories import HostFactory, MatchFactory, NewcomerFactory, ProgrammeFactory

pytestmark = pytest.mark.django_db

START = datetime.date(2026, 1, 10)


@pytest.fixture
def long_programme():
    """Twelve-month matches, two to four meetings a month, check-ins at 2, 5, 8 and 11 months."""
    return ProgrammeFactory(
        match_length_months=12,
        meetings_per_month_min=2,
        meetings_per_month_max=4,
        first_checkin_after_months=2,
        checkin_every_months=3,
    )


def pair_in(programme, **host_fields):
    newcomer = NewcomerFactory(programme=programme)
    host = HostFactory(programme=programme, **host_fields)
    return newcomer, host


def test_a_match_takes_its_programmes_length_rhythm_and_check_ins(long_programme):
    newcomer, host = pair_in(long_programme)
    match = services.create_match(newcomer, host, HostKind.CULTURE, start_date=START, notify=False)

    assert match.programme == long_programme
    assert match.end_date == datetime.date(2027, 1, 10)
    progress = services.match_progress(match, today=datetime.date(2026, 4, 20))
    assert (progress.month, progress.total_months) == (4, 12)
    assert (progress.expected_min, progress.expected_max) == (3 * 2, 4 * 4)
    assert services.checkin_due_dates(match) == [
        datetime.date(2026, 3, 10),
        datetime.date(2026, 6, 10),
        datetime.date(2026, 9, 10),
        datetime.date(2026, 12, 10),
    ]


def test_changing_the_programme_leaves_running_matches_alone(long_programme):
    newcomer, host = pair_in(long_programme, capacity=2)
    running = services.create_match(
        newcomer, host, HostKind.CULTURE, start_date=START, notify=False
    )
    long_programme.match_length_months = 4
    long_programme.meetings_per_month_min = 1
    long_programme.meetings_per_month_max = 1
    long_programme.first_checkin_after_months = 1
    long_programme.checkin_every_months = 1
    long_programme.save()

    running = Match.objects.get(pk=running.pk)
    today = datetime.date(2026, 4, 20)
    progress = services.match_progress(running, today=today)
    assert running.end_date == datetime.date(2027, 1, 10)
    assert (progress.expected_min, progress.expected_max, progress.total_months) == (6, 16, 12)
    assert services.checkin_due_dates(running)[0] == datetime.date(2026, 3, 10)

    newer = services.create_match(newcomer, host, HostKind.CAREER, start_date=START, notify=False)
    progress = services.match_progress(newer, today=today)
    assert newer.end_date == datetime.date(2026, 5, 10)
    assert (progress.expected_min, progress.expected_max, progress.total_months) == (3, 4, 4)
    assert services.checkin_due_dates(newer)[:2] == [
        datetime.date(2026, 2, 10),
        datetime.date(2026, 3, 10),
    ]


def test_a_kind_the_programme_has_no_track_for_is_refused():
    mentors = ProgrammeFactory(tracks=[(HostKind.CAREER, "Career mentor", "Karrierementor")])
    newcomer, host = pair_in(mentors)
    with pytest.raises(ValidationError) as error:
        services.create_match(newcomer, host, HostKind.CULTURE, notify=False)
    assert error.value.message_dict["kind"] == [f"{mentors.name} has no culture host track."]
    assert not Match.objects.exists()


def test_a_newcomer_and_a_host_of_different_programmes_are_not_matched():
    newcomer = NewcomerFactory(programme=ProgrammeFactory())
    host = HostFactory(programme=ProgrammeFactory())
    with pytest.raises(ValidationError) as error:
        services.create_match(newcomer, host, HostKind.CULTURE, notify=False)
    assert error.value.message_dict["host"] == [f"{host} is in another programme than {newcomer}."]


def test_the_match_email_names_the_programmes_track_in_each_language(mailoutbox, on_commit):
    mentors = ProgrammeFactory(
        tracks=[(HostKind.CAREER, "Career mentor", "Karrierementor")],
        meetings_per_month_min=2,
        meetings_per_month_max=3,
    )
    newcomer = NewcomerFactory(programme=mentors, user__preferred_language="en")
    host = HostFactory(programme=mentors, user__preferred_language="da")
    with on_commit():
        services.create_match(newcomer, host, HostKind.CAREER, start_date=START)
    by_address = {message.to[0]: message.body for message in mailoutbox}
    english, danish = by_address[newcomer.user.email], by_address[host.user.email]
    assert "will be your career mentor." in english
    assert "Pairs meet 2 to 3 times a month" in english
    assert "karrierementor" in danish
    assert "Parrene mødes 2 til 3 gange om måneden" in danish
    # Signed by the programme, in each person's language.
    assert english.rstrip().endswith(f"Best wishes,\n{mentors.name_en}")
    assert danish.rstrip().endswith(f"\n{mentors.name_da}")


def test_the_portal_names_the_kind_by_the_programmes_track(client):
    mentors = ProgrammeFactory(tracks=[(HostKind.CAREER, "Career mentor", "Karrierementor")])
    newcomer, host = pair_in(mentors)
    MatchFactory(newcomer=newcomer, host=host, kind=HostKind.CAREER)
    client.force_login(newcomer.user)
    page = client.get("/portal/").content.decode()
    assert "Your career mentor" in page
    with translation.override("da"):
        assert "Din karrierementor" in client.get("/da/portal/").content.decode()


def test_a_rematch_request_goes_to_the_programmes_contact(mailoutbox, on_commit, settings):
    settings.COORDINATOR_EMAIL = "site@example.com"
    programme = ProgrammeFactory(contact_email="odense@example.com")
    match = MatchFactory(newcomer=NewcomerFactory(programme=programme))
    with on_commit():
        services.request_rematch(match, match.newcomer, "We never find a time.")
    assert [message.to for message in mailoutbox] == [["odense@example.com"]]


def test_without_a_contact_the_site_address_is_the_fallback(mailoutbox, on_commit, settings):
    settings.COORDINATOR_EMAIL = "site@example.com"
    match = MatchFactory(newcomer=NewcomerFactory(programme=ProgrammeFactory(contact_email="")))
    with on_commit():
        services.request_rematch(match, match.newcomer, "We never find a time.")
    assert [message.to for message in mailoutbox] == [["site@example.com"]]


@override_settings(
    PRIVACY_RETENTION_DAYS_AFTER_LAST_MATCH=730, PRIVACY_RETENTION_DAYS_NEVER_MATCHED=365
)
def test_retention_days_come_from_the_programme_with_the_settings_as_defaults():
    own = NewcomerFactory(
        programme=ProgrammeFactory(
            retention_days_after_last_match=100, retention_days_never_matched=30
        )
    )
    default = NewcomerFactory(programme=ProgrammeFactory())
    assert (retention_days_after_last_match(own), retention_days_never_matched(own)) == (100, 30)
    assert (
        retention_days_after_last_match(default),
        retention_days_never_matched(default),
    ) == (730, 365)


def test_a_consent_withdrawal_goes_to_the_participants_programme(mailoutbox, on_commit, settings):
    settings.COORDINATOR_EMAIL = "site@example.com"
    newcomer = NewcomerFactory(programme=ProgrammeFactory(contact_email="mentor@example.com"))
    give_consent(newcomer.user, Purpose.PRIVACY_NOTICE)
    with on_commit():
        withdraw_consent(newcomer.user, Purpose.PRIVACY_NOTICE)
    assert [message.to for message in mailoutbox] == [["mentor@example.com"]]
