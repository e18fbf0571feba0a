"""The rules for logging a meeting, kept apart from the form so the admin can reuse them.

A meeting belongs inside its match: not before the match started, not after it ended, and not
in the future. It lasts between five minutes and twelve hours, and the pair did at least one
thing together.
"""

from django.core.exceptions import ValidationError
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

MIN_DURATION_MINUTES = 5
MAX_DURATION_MINUTES = 720


def match_last_day(match):
    """The last day a meeting can be logged for: the day it ended, else its planned end."""
    if not match.is_active and match.ended_on:
        return match.ended_on
    return match.end_date


def date_errors(match, date, today=None):
    """Messages for a meeting date that falls outside the match or in the future."""
    today = today or timezone.localdate()
    if date is None:
        return []
    if date > today:
        return [_("The date is in the future. Log a meeting after it has taken place.")]
    if date < match.start_date:
        return [
            _("The date is before your match started on %(start)s.")
            % {"start": formats.date_format(match.start_date)}
        ]
    last_day = match_last_day(match)
    if date > last_day:
        return [
            _("The date is after your match ended on %(end)s.")
            % {"end": formats.date_format(last_day)}
        ]
    return []


def duration_errors(minutes):
    if minutes is None:
        return []
    if not MIN_DURATION_MINUTES <= minutes <= MAX_DURATION_MINUTES:
        return [
            ngettext(
                "Enter a duration between %(min)s and %(max)s minute (12 hours).",
                "Enter a duration between %(min)s and %(max)s minutes (12 hours).",
                MAX_DURATION_MINUTES,
            )
            % {"min": MIN_DURATION_MINUTES, "max": MAX_DURATION_MINUTES}
        ]
    return []


def validate_meeting(meeting, today=None):
    """Raise a ValidationError keyed by field for every rule the meeting breaks."""
    errors = {}
    if messages := date_errors(meeting.match, meeting.date, today):
        errors["date"] = messages
    if messages := duration_errors(meeting.duration_minutes):
        errors["duration_minutes"] = messages
    if not meeting.activities:
        errors["activities"] = [_("Choose at least one thing you did together.")]
    if errors:
        raise ValidationError(errors)
