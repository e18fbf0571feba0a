"""The demo builds a calendar with about a dozen upcoming events across the categories, a
monthly welcome meeting, a host course and a full event with a waiting list, and signs the
portal's demo participants up. A second run changes nothing."""

from django.utils import timezone, translation

from events.models import Category, EventCalendarPage, EventOccurrence, EventPage, SignUp

from .conftest import load_demo


def snapshot():
    return (
        sorted(EventPage.objects.values_list("slug_en", flat=True)),
        sorted(EventOccurrence.objects.values_list("event__slug_en", "start", "pk")),
        list(SignUp.objects.order_by("pk").values_list("occurrence_id", "user_id", "status")),
    )


def test_the_demo_calendar(demo, client, mailoutbox):
    assert "events: calendar with 15 events" in demo.output

    calendar = EventCalendarPage.objects.get()
    assert calendar.live and calendar.show_in_menus
    with translation.override("da"):
        assert calendar.get_url() == "/da/arrangementer/"
    assert calendar.get_url() == "/calendar/"

    now = timezone.now()
    upcoming = EventPage.objects.live().filter(occurrences__end__gte=now).distinct()
    assert upcoming.count() == 13
    assert set(upcoming.values_list("category", flat=True)) == {
        Category.WELCOME,
        Category.HOST_COURSE,
        Category.SOCIAL,
        Category.INFORMATION,
        Category.JOB_SEARCH,
        Category.LANGUAGE,
        Category.FAMILY,
    }
    assert all(page.title_da and page.intro_da and page.venue_name_da for page in upcoming)

    welcome = EventPage.objects.get(slug_en="monthly-welcome-meeting")
    dates = list(welcome.occurrences.order_by("start"))
    assert welcome.recurrence == "FREQ=MONTHLY;BYDAY=1TU;COUNT=6"
    assert len(dates) == 6
    assert {timezone.localtime(d.start).isoweekday() for d in dates} == {2}
    assert {timezone.localtime(d.start).day <= 7 for d in dates} == {True}

    full = EventPage.objects.get(slug_en="cooking-together-danish-classics").occurrences.get()
    assert full.is_full()
    waiting = list(full.signups.waiting().values_list("user__email", flat=True))
    assert waiting == ["waiting@example.com", "host2@example.com"]

    signed_up = set(SignUp.objects.active().values_list("user__email", flat=True))
    assert {
        "newcomer@example.com",
        "newcomer2@example.com",
        "host@example.com",
        "host2@example.com",
        "waiting@example.com",
    } <= signed_up
    assert EventOccurrence.objects.past().filter(signups__attended=True).exists()
    assert demo.emails == ()  # the demo emails nobody

    page = client.get("/calendar/")
    assert page.status_code == 200
    assert "Monthly welcome meeting" in page.content.decode()

    before = snapshot()
    load_demo()
    assert snapshot() == before
    assert mailoutbox == []
