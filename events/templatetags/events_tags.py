"""Dates as people write them in each language, always in Danish time."""

import datetime

from django import template
from django.utils import formats, timezone
from django.utils.text import capfirst
from django.utils.translation import pgettext

from events.models import EVENT_TIME_ZONE

register = template.Library()


def _local(value):
    if isinstance(value, datetime.datetime) and timezone.is_aware(value):
        return value.astimezone(EVENT_TIME_ZONE)
    return value


@register.filter
def long_date(value):
    """Wednesday 2 December 2026 / onsdag den 2. december 2026.

    Danish writes weekdays and months in lower case, also first in a list item or after a
    colon; a template that starts a sentence with the date adds ``|capfirst`` itself."""
    if not value:
        return ""
    return formats.date_format(_local(value), pgettext("date format", "l j F Y"))


@register.filter
def long_datetime(value):
    """Wednesday 2 December 2026, 17:00 / onsdag den 2. december 2026 kl. 17.00."""
    if not value:
        return ""
    return formats.date_format(_local(value), pgettext("date format", "l j F Y, H:i"))


@register.filter
def full_datetime(value):
    """2 December 2026, 17:00 / 2. december 2026 kl. 17.00."""
    if not value:
        return ""
    return formats.date_format(_local(value), "DATETIME_FORMAT")


@register.filter
def day_month(value):
    """2 December / 2. december."""
    if not value:
        return ""
    return formats.date_format(_local(value), "MONTH_DAY_FORMAT")


@register.filter
def full_date(value):
    """2 December 2026 / 2. december 2026."""
    if not value:
        return ""
    return formats.date_format(_local(value), "DATE_FORMAT")


@register.filter
def month_year(value):
    """December 2026 / December 2026."""
    if not value:
        return ""
    return capfirst(formats.date_format(_local(value), "YEAR_MONTH_FORMAT"))


@register.filter
def clock(value):
    """17:00 / 17.00, in Danish time."""
    if not value:
        return ""
    return formats.time_format(_local(value), "TIME_FORMAT")
