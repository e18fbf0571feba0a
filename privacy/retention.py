"""How long personal data is kept, and the daily run that erases what has expired.

A participant is erased (through ``privacy.erasure.erase_person``, like any other erasure):

- ``PRIVACY_RETENTION_DAYS_AFTER_LAST_MATCH`` days after their last match ended (the day it
  ended, or its planned end date), when no match of theirs is still active;
- ``PRIVACY_RETENTION_DAYS_NEVER_MATCHED`` days after their last activity (registered, invited
  or logged in), when they were never matched.

The day counts come from the two functions below, which take the participant: they return the
participant's programme's own values and fall back to the settings.
Applications (``intake``) have their own kinds: one never confirmed is deleted two days after
it was sent, a declined one the programme's never-matched days after the decision.
"""

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.db.models import Exists, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone

from .erasure import erase_person

AFTER_LAST_MATCH = "after_last_match"
NEVER_MATCHED = "never_matched"
UNCONFIRMED_SIGNUPS = "unconfirmed_signups"
UNCONFIRMED_APPLICATIONS = "unconfirmed_applications"
DECLINED_APPLICATIONS = "declined_applications"


def _programme_value(participant, name):
    programme = getattr(participant, "programme", None) if participant is not None else None
    return getattr(programme, name, None) if programme is not None else None


def retention_days_after_last_match(participant=None):
    days = _programme_value(participant, "retention_days_after_last_match")
    return days if days is not None else settings.PRIVACY_RETENTION_DAYS_AFTER_LAST_MATCH


def retention_days_never_matched(participant=None):
    days = _programme_value(participant, "retention_days_never_matched")
    return days if days is not None else settings.PRIVACY_RETENTION_DAYS_NEVER_MATCHED


@dataclass(frozen=True)
class Due:
    participant: object
    kind: str
    erase_on: datetime.date  # the first day on which the data has expired


def _local_date(moment):
    return timezone.localdate(moment) if moment else None


def _candidates():
    from portal.models import Match, Participant

    theirs = Q(newcomer=OuterRef("pk")) | Q(host=OuterRef("pk"))
    last_end = (
        Match.objects.filter(theirs)
        .annotate(end=Coalesce("ended_on", "end_date"))
        .order_by("-end")
        .values("end")[:1]
    )
    return (
        Participant.objects.filter(erased_at__isnull=True)
        .select_related("user", "programme")
        .annotate(
            has_active_match=Exists(Match.objects.active().filter(theirs)),
            has_match=Exists(Match.objects.filter(theirs)),
            last_match_end=Subquery(last_end),
        )
        .filter(has_active_match=False)
        .order_by("pk")
    )


def erase_date(participant):
    """When the participant's data expires (needs the annotations of ``_candidates``)."""
    if participant.has_match:
        days = retention_days_after_last_match(participant)
        return Due(participant, AFTER_LAST_MATCH, participant.last_match_end + _days(days))
    activity = [
        _local_date(participant.created_at),
        _local_date(participant.invited_at),
        _local_date(participant.user.last_login),
    ]
    last_activity = max(day for day in activity if day)
    days = retention_days_never_matched(participant)
    return Due(participant, NEVER_MATCHED, last_activity + _days(days))


def _days(days):
    return datetime.timedelta(days=days)


def due_for_erasure(today=None):
    """Every participant whose data has expired on ``today``."""
    today = today or timezone.localdate()
    return [due for due in map(erase_date, _candidates()) if due.erase_on <= today]


def _purge_unconfirmed_signups():
    """Public event sign-ups never confirmed by email (the events app decides when they
    expire: ``events.services.UNCONFIRMED_SIGNUP_LIFETIME``)."""
    from events.services import purge_unconfirmed_signups

    return purge_unconfirmed_signups()


def _purge_applications(today):
    """Applications never confirmed, and declined ones past their retention (the intake app
    decides when: ``intake.services``)."""
    from intake.services import purge_declined, purge_unconfirmed

    return purge_unconfirmed(), purge_declined(today)


def apply_retention(today=None, *, dry_run=False):
    """Erase everything that has expired; return how many of each kind."""
    counts = {
        AFTER_LAST_MATCH: 0,
        NEVER_MATCHED: 0,
        UNCONFIRMED_SIGNUPS: 0,
        UNCONFIRMED_APPLICATIONS: 0,
        DECLINED_APPLICATIONS: 0,
    }
    for due in due_for_erasure(today):
        if not dry_run:
            erase_person(due.participant.user)
        counts[due.kind] += 1
    if not dry_run:
        counts[UNCONFIRMED_SIGNUPS] = _purge_unconfirmed_signups()
        unconfirmed, declined = _purge_applications(today)
        counts[UNCONFIRMED_APPLICATIONS] = unconfirmed
        counts[DECLINED_APPLICATIONS] = declined
    return counts
