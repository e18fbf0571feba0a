"""iCalendar (RFC 5545) files made with the ``icalendar`` package.

Every date is written in Danish time with ``TZID=Europe/Copenhagen`` and the matching
VTIMEZONE, so calendar programmes show the right hour on both sides of summer time. Text is
written in the active language; callers switch language first.
"""

import datetime
from urllib.parse import urlsplit

from django.conf import settings
from django.utils import timezone
from icalendar import Calendar, Event

from .models import EVENT_TIME_ZONE

PRODID = "-//Host Programme//Events calendar//EN"


def _domain():
    return urlsplit(settings.WAGTAILADMIN_BASE_URL).hostname or "localhost"


def absolute_url(path):
    """The full address of a site path, for calendar files and emails (also used by
    ``events.services``)."""
    if path.startswith("http"):
        return path
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def new_calendar(name=None):
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    if name:
        calendar.add("x-wr-calname", name)
        calendar.add("x-wr-timezone", str(EVENT_TIME_ZONE))
    return calendar


def occurrence_event(occurrence, cancelled=False, event_url=None):
    """One VEVENT for one date. ``occurrence.event`` should be fetched with it."""
    page = occurrence.event
    url = event_url or absolute_url(page.get_url())
    cancelled = cancelled or occurrence.cancelled
    vevent = Event()
    vevent.add("uid", f"event-date-{occurrence.pk}@{_domain()}")
    vevent.add("dtstamp", timezone.now().astimezone(datetime.UTC))
    vevent.add("dtstart", occurrence.start.astimezone(EVENT_TIME_ZONE))
    vevent.add("dtend", occurrence.end.astimezone(EVENT_TIME_ZONE))
    vevent.add("summary", str(page.title))
    description = "\n\n".join(part for part in [page.intro, url] if part)
    vevent.add("description", description)
    vevent.add("location", f"{page.venue_name}, {page.venue_address}")
    vevent.add("url", url)
    vevent.add("categories", [str(page.get_category_display())])
    vevent.add("status", "CANCELLED" if cancelled else "CONFIRMED")
    vevent.add("sequence", 1 if cancelled else 0)
    return vevent


def build(occurrences, name=None):
    """A calendar with one VEVENT per date, as bytes."""
    calendar = new_calendar(name)
    occurrences = list(occurrences)
    urls = {}
    for occurrence in occurrences:
        page = occurrence.event
        if page.pk not in urls:
            urls[page.pk] = absolute_url(page.get_url())
        calendar.add_component(occurrence_event(occurrence, event_url=urls[page.pk]))
    if occurrences:
        first = min(o.start for o in occurrences).date() - datetime.timedelta(days=366)
        last = max(o.end for o in occurrences).date() + datetime.timedelta(days=366)
        calendar.add_missing_timezones(first_date=first, last_date=last)
    return calendar.to_ical()


def occurrence_calendar(occurrence, cancelled=False):
    """The ``.ics`` attached to an email about one date."""
    calendar = new_calendar()
    calendar.add_component(occurrence_event(occurrence, cancelled=cancelled))
    start = occurrence.start.date()
    calendar.add_missing_timezones(
        first_date=start - datetime.timedelta(days=366),
        last_date=start + datetime.timedelta(days=366),
    )
    return calendar.to_ical()
