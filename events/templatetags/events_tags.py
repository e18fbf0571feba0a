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
def day_month(value):
    """2 December / 2. december."""
    if not value:
        return ""
    return formats.date_format(_local(value), pgettext("date format", "j F"))


@register.filter
def full_date(value):
    """2 December 2026 / 2. december 2026."""
    if not value:
        return ""
    return formats.date_format(_local(value), pgettext("date format", "j F Y"))


@register.filter
def month_year(value):
    """December 2026 / December 2026."""
    if not value:
        return ""
    return capfirst(formats.date_format(_local(value), "F Y"))


@register.filter
def clock(value):
    """17:00 in Danish time."""
    if not value:
        return ""
    return formats.time_format(_local(value), "H:i")
