"""Read-side helpers for the calendar, the event page and "My events": a fixed number of
queries however many events or sign-ups there are."""

import datetime
from itertools import groupby

from django.db.models import Max, Min, OuterRef, Q, Subquery
from django.utils import timezone

from portal.services import participant_for

from .models import EVENT_TIME_ZONE, Audience, EventOccurrence, SignUp, SignUpMode
from .services import AUDIENCE_ROLES, waiting_positions


def public_dates(calendar_page):
    """Every date of the live, public events under the calendar (none behind a view
    restriction)."""
    if not calendar_page.path:  # an unsaved page being previewed
        return EventOccurrence.objects.none()
    return (
        EventOccurrence.objects.live().public().filter(event__path__startswith=calendar_page.path)
    )


def calendar_dates(calendar_page):
    """``public_dates`` with places taken and waiting, and the events' pictures."""
    return (
        public_dates(calendar_page)
        .with_places()
        .select_related("event", "event__image")
        .prefetch_related("event__image__renditions")  # the list's pictures, in one query
    )


# The month grid answers from the month of the calendar's first date (or this month) to at least
# this many months ahead, or to its last date's month if that is later; outside it, 404.
MONTHS_AHEAD = 12


def add_months(month, count):
    """The first day of the month ``count`` months after ``month`` (a date)."""
    index = month.year * 12 + month.month - 1 + count
    return datetime.date(index // 12, index % 12 + 1, 1)


def month_range(calendar_page, today):
    """``(first month, last month)`` the month grid shows, as first days of months: from the
    first date of any event under the calendar (or this month) to ``MONTHS_AHEAD`` months
    ahead (or the last date's month). One query after ``public()``'s restrictions."""
    this_month = today.replace(day=1)
    bounds = public_dates(calendar_page).aggregate(first=Min("start"), last=Max("start"))
    first, last = this_month, add_months(this_month, MONTHS_AHEAD)
    if bounds["first"] is not None:
        local_first = bounds["first"].astimezone(EVENT_TIME_ZONE).date().replace(day=1)
        local_last = bounds["last"].astimezone(EVENT_TIME_ZONE).date().replace(day=1)
        first, last = min(first, local_first), max(last, local_last)
    return first, last


# The public feed covers the last month (so a date just past stays in calendar apps) and the
# coming year: a subscribed feed is fetched again and again, and must not grow with the years
# of events in the archive or a series entered far ahead.
FEED_PAST = datetime.timedelta(days=30)
FEED_AHEAD = datetime.timedelta(days=365)


def public_feed_dates(calendar_page, now=None):
    """The dates of the public feed, oldest first, each with its event page."""
    now = now or timezone.now()
    return (
        public_dates(calendar_page)
        .filter(end__gte=now - FEED_PAST, start__lte=now + FEED_AHEAD)
        .select_related("event")
        .order_by("start", "pk")
    )


def apply_filters(occurrences, category="", audience="", programme=""):
    """Filter the dates; ``programme`` (a slug) keeps that programme's events and the events
    shared by all programmes."""
    if programme:
        occurrences = occurrences.filter(
            Q(event__programme__slug=programme) | Q(event__programme__isnull=True)
        )
    if category:
        occurrences = occurrences.filter(event__category=category)
    if audience:  # events for a group, and those open to everyone
        occurrences = occurrences.filter(event__audience__in={audience, Audience.EVERYONE})
    return occurrences


def group_by_month(occurrences):
    """``[(first day of month, [dates...]), ...]`` in the order given, months in Danish time."""

    def month_of(occurrence):
        local = occurrence.start.astimezone(EVENT_TIME_ZONE)
        return datetime.date(local.year, local.month, 1)

    return [(month, list(items)) for month, items in groupby(occurrences, key=month_of)]


def local_day_bounds(first_day, last_day):
    """Aware datetimes from the start of ``first_day`` to the end of ``last_day``."""
    start = datetime.datetime.combine(first_day, datetime.time.min, EVENT_TIME_ZONE)
    end = datetime.datetime.combine(
        last_day + datetime.timedelta(days=1), datetime.time.min, EVENT_TIME_ZONE
    )
    return start, end


def _with_positions(signups):
    """Set ``position`` (in the waiting list, or ``None``) on each sign-up, in one query."""
    positions = waiting_positions(
        {s.occurrence_id for s in signups if s.status == SignUp.Status.WAITING}
    )
    for signup in signups:
        signup.position = positions.get(signup.pk)
    return signups


def user_signups_by_date(user, occurrence_ids):
    """The user's active sign-ups for these dates, keyed by date id, with the waiting list
    position set as ``position``."""
    if not user.is_authenticated:
        return {}
    signups = _with_positions(
        list(SignUp.objects.active().filter(user=user, occurrence_id__in=list(occurrence_ids)))
    )
    return {signup.occurrence_id: signup for signup in signups}


def my_signups(user, now=None):
    """The user's sign-ups for dates not yet over, soonest first, with waiting positions."""
    now = now or timezone.now()
    return _with_positions(
        list(
            SignUp.objects.active()
            .filter(user=user, occurrence__end__gte=now, occurrence__event__live=True)
            .select_related("occurrence__event")
            .order_by("occurrence__start", "pk")
        )
    )


def my_past_signups(user, now=None, limit=10):
    now = now or timezone.now()
    return list(
        SignUp.objects.filter(
            user=user,
            status=SignUp.Status.CONFIRMED,
            occurrence__end__lt=now,
            occurrence__event__live=True,
        )
        .select_related("occurrence__event")
        .order_by("-occurrence__start")[:limit]
    )


def open_for(user, now=None, limit=20):
    """Upcoming dates this participant could still sign up for (audience, deadline, not
    already signed up)."""
    now = now or timezone.now()
    participant = participant_for(user)
    if participant is None:
        return []
    audiences = [a for a, roles in AUDIENCE_ROLES.items() if participant.role in roles]
    occurrences = (
        EventOccurrence.objects.live()
        .visible_to(user)
        .upcoming(now)
        .filter(
            cancelled=False,
            start__gt=now,
            event__audience__in=audiences,
        )
        .exclude(event__signup_mode=SignUpMode.NONE)
        .exclude(pk__in=SignUp.objects.active().filter(user=user).values("occurrence_id"))
        .with_places()
        .select_related("event")
        .order_by("start", "pk")
    )
    result = []
    for occurrence in occurrences:
        if occurrence.signup_open(now):
            result.append(occurrence)
        if len(result) >= limit:
            break
    return result


def feed_dates(user, now=None):
    """The dates a participant's private feed lists: signed up (with a place or in line),
    from 30 days back on, each with ``my_status`` (confirmed or waiting)."""
    now = now or timezone.now()
    active = [SignUp.Status.CONFIRMED, SignUp.Status.WAITING]
    return (
        EventOccurrence.objects.live()
        .filter(
            end__gte=now - datetime.timedelta(days=30),
            signups__user=user,
            signups__status__in=active,
        )
        .annotate(
            my_status=Subquery(
                SignUp.objects.filter(occurrence=OuterRef("pk"), user=user, status__in=active)
                .order_by("pk")
                .values("status")[:1]
            )
        )
        .select_related("event")
        .order_by("start", "pk")
        .distinct()
    )


def programme_upcoming_dates(programme_id, *, limit, now=None):
    """The next ``limit`` dates, not cancelled, of a programme's own events and of the events
    shared by all programmes (never another programme's), in one query."""
    return (
        EventOccurrence.objects.live()
        .public()
        .upcoming(now)
        .filter(cancelled=False)
        .filter(Q(event__programme_id=programme_id) | Q(event__programme__isnull=True))
        .select_related("event")
        .order_by("start", "pk")[:limit]
    )
