"""Moments relative to today that do not depend on the hour the tests run at.

Waiting days are counted in calendar days in the programme's time zone. ``now - N days``
lands on the previous local date when the tests run late in the evening across a change of
summer time, so a wait "of 45 days" would read 44; the local noon N days ago never does."""

import datetime

from django.utils import timezone


def days_ago(days):
    """Local noon ``days`` calendar days before today."""
    day = timezone.localdate() - datetime.timedelta(days=days)
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(12)))
