"""Retention: the daily run erases a participant on the day their data expires, not the day
before, through the same erasure; it reports counts per kind."""

import datetime
from io import StringIO

import pytest
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone

from portal.models import Match, Participant
from privacy import retention
from tests.factories import NewcomerFactory

pytestmark = pytest.mark.django_db

ENDED = datetime.date(2026, 3, 31)


@pytest.fixture
def ended_pair(pair):
    Match.objects.filter(pk=pair.pk).update(status=Match.Status.COMPLETED, ended_on=ENDED)
    return pair


def erased(participant):
    return Participant.objects.get(pk=participant.pk).is_erased


@override_settings(PRIVACY_RETENTION_DAYS_AFTER_LAST_MATCH=730)
def test_a_pair_is_erased_on_the_day_its_data_expires_and_not_before(ended_pair):
    expires = ENDED + datetime.timedelta(days=730)
    counts = retention.apply_retention(expires - datetime.timedelta(days=1))
    assert counts[retention.AFTER_LAST_MATCH] == 0
    assert not erased(ended_pair.newcomer) and not erased(ended_pair.host)
    counts = retention.apply_retention(expires)
    assert counts[retention.AFTER_LAST_MATCH] == 2
    assert erased(ended_pair.newcomer) and erased(ended_pair.host)
    assert Match.objects.filter(pk=ended_pair.pk).exists()  # the anonymous match stays


def test_an_active_match_is_never_expired(pair):
    far_future = timezone.localdate() + datetime.timedelta(days=10_000)
    assert retention.apply_retention(far_future)[retention.AFTER_LAST_MATCH] == 0
    assert not erased(pair.newcomer)


def test_the_last_of_several_matches_counts(ended_pair):
    later = ENDED + datetime.timedelta(days=100)
    Match.objects.create(
        newcomer=ended_pair.newcomer,
        host=ended_pair.host,
        kind="career",
        start_date=ENDED,
        status=Match.Status.ENDED_EARLY,
        ended_on=later,
    )
    days = retention.retention_days_after_last_match()
    retention.apply_retention(ENDED + datetime.timedelta(days=days))
    assert not erased(ended_pair.newcomer)
    retention.apply_retention(later + datetime.timedelta(days=days))
    assert erased(ended_pair.newcomer)


@override_settings(PRIVACY_RETENTION_DAYS_NEVER_MATCHED=365)
def test_someone_never_matched_is_erased_a_year_after_their_last_activity():
    waiting = NewcomerFactory()
    registered = timezone.localdate(waiting.created_at)
    login = timezone.make_aware(datetime.datetime.combine(registered, datetime.time(12)))
    login += datetime.timedelta(days=30)
    type(waiting.user).objects.filter(pk=waiting.user.pk).update(last_login=login)
    expires = timezone.localdate(login) + datetime.timedelta(days=365)
    assert (
        retention.apply_retention(expires - datetime.timedelta(days=1))[retention.NEVER_MATCHED]
        == 0
    )
    assert not erased(waiting)
    assert retention.apply_retention(expires)[retention.NEVER_MATCHED] == 1
    assert erased(waiting)
    # Already erased: not counted again.
    assert retention.apply_retention(expires)[retention.NEVER_MATCHED] == 0


def test_the_command_reports_counts_per_kind(ended_pair):
    out = StringIO()
    call_command("apply_retention", "--dry-run", "--today", "2030-01-01", stdout=out)
    assert out.getvalue().splitlines() == [
        "Dry run: nothing was erased.",
        "2 participants erased after their last match ended.",
        "0 participants erased who were never matched.",
        "0 unconfirmed event sign-ups deleted.",
        "0 unconfirmed applications deleted.",
        "0 declined applications deleted.",
    ]
    assert not erased(ended_pair.newcomer)
    out = StringIO()
    call_command("apply_retention", "--today", "2030-01-01", stdout=out)
    assert out.getvalue().splitlines()[0] == "2 participants erased after their last match ended."
    assert erased(ended_pair.newcomer)


def test_the_daily_run_also_deletes_sign_ups_never_confirmed(make_event):
    from events import services
    from events.models import SignUp, SignUpMode

    date = make_event(signup_mode=SignUpMode.PUBLIC).occurrences.get()
    old = services.sign_up_public(date, "Old", "old@example.com", "en")
    services.sign_up_public(date, "Recent", "recent@example.com", "en")
    SignUp.objects.filter(pk=old.pk).update(created_at=timezone.now() - datetime.timedelta(days=3))
    out = StringIO()
    call_command("apply_retention", stdout=out)
    assert "1 unconfirmed event sign-up deleted." in out.getvalue()
    assert list(SignUp.objects.values_list("name", flat=True)) == ["Recent"]
