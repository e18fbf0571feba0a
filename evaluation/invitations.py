"""Sending the surveys: when a match ends (on its end date, early, or after a re-match), each
person is invited to their programme's survey, then reminded twice if they have not answered.

Everything goes through the one reminder mechanism (notifications.reminders): the daily step
``invite_ended_matches`` makes the invitations for matches that ended, and the reminder source
``survey_emails`` yields the invitation email and the reminders, each with its own key, so no
email is sent twice and a failed one is tried again the next day. An answered invitation gets
nothing more.
"""

import datetime

from django.core import signing
from django.db.models import Exists, OuterRef
from django.urls import reverse
from django.utils import timezone, translation

from notifications.reminders import Reminder
from portal.models import Match, Participant

from .models import Survey, SurveyInvitation

TOKEN_SALT = "evaluation.survey-invitation"  # noqa: S105 (a namespace, not a secret)
# Matches that ended this many days ago or less are invited (a daily run missed for a few
# days still catches up; a survey enabled later does not reach pairs from years ago).
INVITE_CATCH_UP_DAYS = 14
# Reminders this many days after the invitation, if still unanswered.
REMINDER_AFTER_DAYS = (7, 14)
# After this, the link says the survey has closed.
OPEN_FOR_DAYS = 60


def token_for(invitation):
    return signing.dumps(invitation.pk, salt=TOKEN_SALT)


def invitation_for_token(token):
    """The invitation a link is for, or None for a wrong or altered link."""
    try:
        pk = signing.loads(token, salt=TOKEN_SALT)
    except signing.BadSignature:
        return None
    return (
        SurveyInvitation.objects.select_related(
            "survey", "participant__user", "participant__programme", "match"
        )
        .filter(pk=pk)
        .first()
    )


def closes_on(invitation):
    return (invitation.created_at + datetime.timedelta(days=OPEN_FOR_DAYS)).date()


def is_open(invitation, now=None):
    now = now or timezone.now()
    return now <= invitation.created_at + datetime.timedelta(days=OPEN_FOR_DAYS)


def survey_path(invitation, language):
    with translation.override(language):
        return reverse("evaluation:answer", args=[token_for(invitation)])


def invite_ended_matches(today=None):
    """Invite both people of every match that ended in the last ``INVITE_CATCH_UP_DAYS`` to
    their programme's active survey for newcomers or hosts. Returns the invitations made."""
    today = today or timezone.localdate()
    surveys = {
        (survey.programme_id, survey.audience): survey
        for survey in Survey.objects.filter(active=True)
    }
    if not surveys:
        return []
    matches = (
        Match.objects.exclude(status=Match.Status.ACTIVE)
        .filter(
            ended_on__lte=today,
            ended_on__gte=today - datetime.timedelta(days=INVITE_CATCH_UP_DAYS),
        )
        .select_related("newcomer__user", "host__user")
    )
    invited = set(
        SurveyInvitation.objects.filter(match__in=matches).values_list("match", "participant")
    )
    made = []
    for match in matches:
        for participant in (match.newcomer, match.host):
            survey = surveys.get((match.programme_id, participant.role))
            if (
                survey is None
                or (match.pk, participant.pk) in invited
                or participant.is_erased
                or not participant.user.is_active
            ):
                continue
            made.append(SurveyInvitation(survey=survey, match=match, participant=participant))
    return SurveyInvitation.objects.bulk_create(made, ignore_conflicts=True)


def survey_emails(today):
    """The invitation email on the day it is made, and up to two reminders, for every
    unanswered invitation that is still open."""
    since = timezone.now() - datetime.timedelta(days=OPEN_FOR_DAYS)
    invitations = (
        SurveyInvitation.objects.filter(submitted_at__isnull=True, created_at__gte=since)
        .filter(survey__isnull=False)
        .filter(Exists(Participant.objects.filter(pk=OuterRef("participant"), erased_at=None)))
        .select_related("participant__user", "participant__programme", "match", "survey")
        .order_by("created_at", "pk")
    )
    for invitation in invitations:
        user = invitation.participant.user
        if not user.is_active:
            continue
        days = (today - timezone.localtime(invitation.created_at).date()).days
        due = [("invite", 0)] + [
            (f"reminder{number}", after) for number, after in enumerate(REMINDER_AFTER_DAYS, 1)
        ]
        # Only the latest step that is due: someone invited late is not sent three at once.
        step = next(
            (name for name, after in reversed(due) if days >= after),
            None,
        )
        if step is None:
            continue
        yield Reminder(
            key=f"survey:{invitation.pk}:{step}",
            user=user,
            template_name=(
                "evaluation/email/invitation" if step == "invite" else "evaluation/email/reminder"
            ),
            context={
                "participant": invitation.participant,
                "invitation": invitation,
                "survey_path": survey_path(invitation, user.preferred_language),
                "closes_on": closes_on(invitation),
            },
        )
