"""iCalendar (RFC 5545) files made with the ``icalendar`` package.

Every date is written in Danish time with ``TZID=Europe/Copenhagen`` and the matching
VTIMEZONE, so calendar programmes show the right hour on both sides of summer time. Text is
written in the active language; callers switch language first.
"""

import datetime
from urllib.parse import urlsplit

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import Calendar, Event

from .models import EVENT_TIME_ZONE, SignUp

PRODID = "-//Host Programme//Events calendar//EN"
# Every calendar file is published (METHOD:PUBLISH, see ``new_calendar``), and says so in its
# content type too, as RFC 6047 asks of calendar data in email and Outlook expects.
CONTENT_TYPE = "text/calendar; charset=utf-8; method=PUBLISH"
ATTACHMENT_TYPE = "text/calendar; method=PUBLISH"  # the email adds its own charset


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


def last_change(occurrence):
    """When this date's entry last changed (publishing the event, cancelling the date), so
    an unchanged feed is byte for byte the same and calendar apps can be told "not
    modified"."""
    changes = [occurrence.event.last_published_at, occurrence.cancelled_at]
    return max((c for c in changes if c), default=None)


def occurrence_event(occurrence, cancelled=False, event_url=None, stamp=None):
    """One VEVENT for one date. ``occurrence.event`` should be fetched with it. A date
    annotated with ``my_status`` "waiting" (the personal feed) is marked as a waiting-list
    place: a title prefix and ``STATUS:TENTATIVE``."""
    page = occurrence.event
    url = event_url or absolute_url(page.get_url())
    cancelled = cancelled or occurrence.cancelled
    waiting = getattr(occurrence, "my_status", None) == SignUp.Status.WAITING
    title = str(page.title)
    if waiting:
        title = _("Waiting list: %(event_title)s") % {"event_title": title}
    vevent = Event()
    vevent.add("uid", f"event-date-{occurrence.pk}@{_domain()}")
    vevent.add("dtstamp", (stamp or timezone.now()).astimezone(datetime.UTC))
    vevent.add("dtstart", occurrence.start.astimezone(EVENT_TIME_ZONE))
    vevent.add("dtend", occurrence.end.astimezone(EVENT_TIME_ZONE))
    vevent.add("summary", title)
    description = "\n\n".join(part for part in [page.intro, url] if part)
    vevent.add("description", description)
    vevent.add("location", f"{page.venue_name}, {page.venue_address}")
    vevent.add("url", url)
    vevent.add("categories", [str(page.get_category_display())])
    if cancelled:
        status = "CANCELLED"
    elif waiting:
        status = "TENTATIVE"
    else:
        status = "CONFIRMED"
    vevent.add("status", status)
    vevent.add("sequence", 1 if cancelled else 0)
    return vevent


def build(occurrences, name=None):
    """A calendar with one VEVENT per date, as bytes. Each date is stamped with its last
    change rather than the time of the request, so the same calendar gives the same bytes
    (and ETag)."""
    calendar = new_calendar(name)
    occurrences = list(occurrences)
    urls = {}
    for occurrence in occurrences:
        page = occurrence.event
        if page.pk not in urls:
            urls[page.pk] = absolute_url(page.get_url())
        calendar.add_component(
            occurrence_event(occurrence, event_url=urls[page.pk], stamp=last_change(occurrence))
        )
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
