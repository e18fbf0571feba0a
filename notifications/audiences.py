"""Who a message to a group reaches: a coordinator's programmes' people, narrowed by role,
track, status, an event date's sign-ups, or hosts who have not taken the host course.

One function builds the queryset (``recipients``), so the count shown before sending and the
people it is sent to are the same rule."""

import datetime

from django.db.models import Exists, Max, OuterRef, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from evaluation.models import SurveyInvitation
from events.models import Category, SignUp
from portal.models import Match, Participant

ENDING_WITHIN_DAYS = 30
QUIET_AFTER_DAYS = 42  # six weeks without a meeting logged


STATUSES = {
    "waiting": _("Waiting for a match"),
    "matched": _("In an active match"),
    "ending": _("Match ending within 30 days"),
    "quiet": _("No meeting logged for six weeks"),
    "survey_unanswered": _("Survey not answered"),
}


def _active_matches(today):
    return Match.objects.active().filter(Q(newcomer=OuterRef("pk")) | Q(host=OuterRef("pk")))


def quiet_matches(today=None):
    """Active matches, started over six weeks ago, with no meeting in the last six weeks."""
    today = today or timezone.localdate()
    since = today - datetime.timedelta(days=QUIET_AFTER_DAYS)
    return (
        Match.objects.active()
        .filter(start_date__lte=since)
        .annotate(last_meeting=Max("meetings__date"))
        .filter(Q(last_meeting__isnull=True) | Q(last_meeting__lt=since))
    )


def attended_host_course():
    """Sign-ups that count as having taken the host course (for ``Exists`` on a user)."""
    return SignUp.objects.filter(
        user=OuterRef("user"),
        attended=True,
        occurrence__event__category=Category.HOST_COURSE,
    )


def recipients(
    participants,
    *,
    role="",
    track="",
    status="",
    occurrence=None,
    without_host_course=False,
    news=True,
    today=None,
):
    """The people of ``participants`` (already narrowed to the sender's programmes) that the
    choices select; only active, not erased accounts, and for news only those who want it."""
    today = today or timezone.localdate()
    people = participants.filter(erased_at__isnull=True, user__is_active=True)
    if news:
        people = people.filter(receives_news=True)
    if role:
        people = people.filter(role=role)
    if track:
        offers = "offers_career_hosting" if track == "career" else "offers_culture_hosting"
        people = people.filter(
            Q(role="newcomer", wanted_host_kind=track) | Q(role="host", **{offers: True})
        )
    if status == "waiting":
        people = people.filter(role=Participant.Role.NEWCOMER, waiting_since__isnull=False)
    elif status == "matched":
        people = people.filter(Exists(_active_matches(today)))
    elif status == "ending":
        ending = _active_matches(today).filter(
            end_date__lte=today + datetime.timedelta(days=ENDING_WITHIN_DAYS)
        )
        people = people.filter(Exists(ending))
    elif status == "quiet":
        quiet = quiet_matches(today).filter(Q(newcomer=OuterRef("pk")) | Q(host=OuterRef("pk")))
        people = people.filter(Exists(quiet))
    elif status == "survey_unanswered":
        open_invitations = SurveyInvitation.objects.filter(
            participant=OuterRef("pk"), submitted_at__isnull=True
        )
        people = people.filter(Exists(open_invitations))
    if occurrence is not None:
        signed_up = SignUp.objects.filter(
            user=OuterRef("user"),
            occurrence=occurrence,
            status__in=[SignUp.Status.CONFIRMED, SignUp.Status.WAITING],
        )
        people = people.filter(Exists(signed_up))
    if without_host_course:
        people = people.filter(role=Participant.Role.HOST).exclude(Exists(attended_host_course()))
    return people
