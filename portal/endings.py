"""Matches end by themselves on their end date; a coordinator can extend one first.

- ``end_matches_due`` is a daily step of the ``send_reminders`` command (``DAILY_STEPS`` in the
  settings): every active match whose end date has come (today, or a day the command did not
  run) is completed with ``ended_on`` = its end date. Never the day before; a match already
  ended is left alone, so running it twice changes nothing.
- ``goodbye_reminders`` is a reminder source (``REMINDER_SOURCES``): both people of a match the
  daily step ended get one goodbye email in their own language. The reminder key makes it once
  per person, and an email that failed is tried again on the next run (for a week).
- ``extend_match`` gives an active match a later end date, with the reason in the audit log.
"""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from notifications.reminders import Reminder

from . import services
from .models import Match

MATCH_EXTENDED = "portal.match_extend"
GOODBYE_CATCH_UP_DAYS = 7  # a goodbye that could not be sent is retried this long


def end_matches_due(today=None, matches=None):
    """Complete every active match whose end date is today or earlier. Returns those ended."""
    today = today or timezone.localdate()
    matches = Match.objects.all() if matches is None else matches
    ended = []
    due = matches.filter(status=Match.Status.ACTIVE, end_date__lte=today).order_by("end_date", "pk")
    for pk in due.values_list("pk", flat=True):
        with transaction.atomic():
            # Locked and read again: a coordinator may have ended or extended it meanwhile.
            match = Match.objects.select_for_update().filter(pk=pk).first()
            if match is None or not match.is_active or match.end_date > today:
                continue
            services.end_match(match, Match.Status.COMPLETED, ended_on=match.end_date, notify=False)
            Match.objects.filter(pk=pk).update(ended_on_schedule=True)
            match.ended_on_schedule = True
        ended.append(match)
    return ended


def _calendar_path(language):
    """The events calendar's path in ``language``, or "" when the site has none."""
    from events.models import EventCalendarPage

    calendar = EventCalendarPage.objects.live().first()
    if calendar is None:
        return ""
    with translation.override(language):
        return calendar.get_url() or ""


def goodbye_reminders(today):
    """One goodbye per person of each match the daily step ended in the last week."""
    matches = (
        Match.objects.filter(
            status=Match.Status.COMPLETED,
            ended_on_schedule=True,
            ended_on__lte=today,
            ended_on__gte=today - datetime.timedelta(days=GOODBYE_CATCH_UP_DAYS),
        )
        .select_related("newcomer__user", "host__user", "programme")
        .order_by("ended_on", "pk")
    )
    calendar_paths = {}
    for match in matches:
        for participant, partner in ((match.newcomer, match.host), (match.host, match.newcomer)):
            user = participant.user
            if not user.is_active or participant.is_erased:
                continue
            language = user.preferred_language
            if language not in calendar_paths:
                calendar_paths[language] = _calendar_path(language)
            yield Reminder(
                key=f"goodbye:{match.pk}:{participant.pk}",
                user=user,
                template_name="portal/email/match_goodbye",
                context={
                    "participant": participant,
                    "partner": partner,
                    "match": match,
                    "portal_path": services.portal_path(language),
                    "calendar_path": calendar_paths[language],
                    "coordinator_email": match.programme.coordinator_email,
                },
            )


def extend_match(match, *, end_date, reason, by_user=None, today=None):
    """Move an active match's end date later, so the daily step does not end it yet."""
    today = today or timezone.localdate()
    errors = {}
    if not match.is_active:
        raise ValidationError(_("This match has already ended."))
    if end_date is None:
        errors["end_date"] = [_("Enter the new end date.")]
    elif end_date <= max(match.end_date, today):
        errors["end_date"] = [
            _("Choose a date after %(date)s.")
            % {"date": formats.date_format(max(match.end_date, today))}
        ]
    else:
        errors.update(services.match_date_errors(match.start_date, end_date, today=today))
    if not (reason or "").strip():
        errors["reason"] = [_("Give the reason for extending the match.")]
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        previous = match.end_date
        match.end_date = end_date
        match.save(update_fields=["end_date"])
        log(
            match,
            MATCH_EXTENDED,
            user=by_user,
            data={
                "from": previous.isoformat(),
                "to": end_date.isoformat(),
                "reason": reason.strip(),
            },
        )
    return match
