"""Demo events in English and Danish: the calendar, about a dozen upcoming events across the
categories (a monthly welcome meeting, a host course, one full event with a waiting list),
two past ones for the archive, and the portal's demo participants signed up.

``build(stdout)`` is run by ``manage.py load_demo`` after the portal's builder. The calendar,
venues and events are in ``demo_content/events.yaml``. It is idempotent: pages are found by
their English slug and published only when their content changed, sign-ups by person and
date, and signing up again changes nothing. People missing from the database (the portal
demo not loaded) are simply skipped. Dates are relative to the day it runs, so the calendar
always has something coming up.
"""

import calendar
import datetime
from pathlib import Path

from django.contrib.auth import get_user_model
from django.utils import timezone, translation
from wagtail.models import Site

from home.demo import body, demo_image
from home.demo_support import LANGUAGES, load, publish_if_changed, set_translated
from programmes.models import Programme

from . import services
from .models import (
    EVENT_TIME_ZONE,
    Audience,
    EventCalendarPage,
    EventLanguage,
    EventPage,
    SignUp,
    SignUpMode,
)

EVENTS = Path(__file__).resolve().parent / "demo_content" / "events.yaml"


def first_tuesday_on_or_after(day):
    """The first first-Tuesday-of-a-month on or after ``day``."""
    year, month = day.year, day.month
    while True:
        first_weekday, _days = calendar.monthrange(year, month)
        tuesday = datetime.date(year, month, 1 + (1 - first_weekday) % 7)
        if tuesday >= day:
            return tuesday
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)


def start_of(row, today):
    if row.get("first_tuesday"):
        day = first_tuesday_on_or_after(today + datetime.timedelta(days=3))
    else:
        day = today + datetime.timedelta(days=row["days_ahead"])
    return datetime.datetime.combine(day, datetime.time(row["hour"]), EVENT_TIME_ZONE)


def _add_and_publish(parent, page, apply):
    """Add ``page`` under ``parent`` if it is new, then publish it if its content changed."""
    if page.pk is None:
        apply(page)
        parent.add_child(instance=page)
        page.refresh_from_db()
    publish_if_changed(page, apply)


def build_calendar(data, stdout):
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site is None:
        stdout.write("  events: no default site yet, skipped")
        return None
    home = site.root_page.specific
    page = EventCalendarPage.objects.child_of(home).first() or EventCalendarPage()

    def apply(page):
        for name in ("title", "slug", "intro"):
            set_translated(page, name, data[name])
        page.show_in_menus = True
        page.image = demo_image("calendar")

    _add_and_publish(home, page, apply)
    return page


# Each event's picture: a demo illustration (home/demo_content/images.yaml) for its kind.
CATEGORY_PICTURES = {
    "social": "coffee",
    "welcome": "meeting",
    "information": "questions",
    "host_course": "host",
    "job_search": "career",
    "language": "questions",
    "family": "sport",
}


def build_event(calendar_page, row, venues, today, programmes):
    page = EventPage.objects.child_of(calendar_page).filter(slug_en=row["slug"]["en"]).first()
    venue = venues[row["venue"]]
    start = start_of(row, today)

    def apply(page):
        for name in ("title", "slug", "intro"):
            set_translated(page, name, row[name])
        for language in LANGUAGES:
            setattr(page, f"body_{language}", body(row["body"], language, {}))
        set_translated(page, "venue_name", venue["name"])
        page.venue_address = venue["address"]
        page.start = start
        page.end = start + datetime.timedelta(hours=row["hours"])
        page.recurrence = row.get("recurrence", "")
        page.category = row["category"]
        page.audience = row.get("audience", Audience.EVERYONE)
        page.event_language = row.get("language", EventLanguage.ENGLISH)
        page.capacity = row.get("capacity")
        page.max_guests = row.get("max_guests", 0)
        page.signup_mode = row.get("signup_mode", SignUpMode.PARTICIPANTS)
        page.programme = programmes[row["programme"]] if row.get("programme") else None
        page.image = demo_image(CATEGORY_PICTURES.get(row["category"], "calendar"))

    page = page or EventPage()
    _add_and_publish(calendar_page, page, apply)  # publishing generates the dates
    return page


def build_signups(page, row, users, stdout):
    date = page.occurrences.order_by("start").first()
    if date is None:
        return
    signups = [(s["email"], s.get("guests", 0)) for s in row.get("signups", [])]
    if date.start < timezone.now():
        # Past events: record who came, as a coordinator would have afterwards.
        for email, guests in signups:
            if email in users:
                SignUp.objects.get_or_create(
                    occurrence=date,
                    user=users[email],
                    defaults={
                        "status": SignUp.Status.CONFIRMED,
                        "guests": guests,
                        "queued_at": date.start - datetime.timedelta(days=7),
                        "attended": True,
                    },
                )
        return
    for email, guests in signups:
        if email not in users:
            continue
        try:
            services.sign_up(date, users[email], guests=guests, notify=False)
        except services.SignUpError as error:
            stdout.write(f"  events: {email} not signed up for {page.title_en}: {error}")
    public = row.get("public_signup")
    if public:
        # Made directly: the demo sends no confirmation emails to invented addresses.
        SignUp.objects.get_or_create(
            occurrence=date,
            email=public["email"],
            defaults={
                "name": public["name"],
                "language": public["language"],
                "status": SignUp.Status.CONFIRMED,
                "queued_at": timezone.now(),
            },
        )


def build(stdout):
    # English is the default language; the fields of both languages are set explicitly.
    with translation.override("en"):
        _build(stdout)


def _build(stdout):
    data = load(EVENTS)
    calendar_page = build_calendar(data["calendar"], stdout)
    if calendar_page is None:
        return
    today = timezone.localdate()
    emails = {s["email"] for row in data["events"] for s in row.get("signups", [])}
    users = {u.email: u for u in get_user_model().objects.filter(email__in=emails)}
    programmes = {programme.slug: programme for programme in Programme.objects.all()}
    for row in data["events"]:
        page = build_event(calendar_page, row, data["venues"], today, programmes)
        build_signups(page, row, users, stdout)
    stdout.write(
        f"  events: calendar with {len(data['events'])} events, "
        f"{SignUp.objects.active().count()} sign-ups"
    )
