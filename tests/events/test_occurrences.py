"""Event pages as editors enter them: validation, recurring dates from a rule (in Danish
wall-clock time), and dates regenerated on publish without losing anyone's sign-up."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from events import services
from events.models import Audience, EventOccurrence, EventPage, SignUpMode
from events.models.pages import expand_rule

from .conftest import local

pytestmark = pytest.mark.django_db


def test_a_single_event_has_exactly_one_date(make_event):
    event = make_event()
    (date,) = EventOccurrence.objects.filter(event=event)
    assert (date.start, date.end) == (event.start, event.end)


def test_a_monthly_rule_gives_the_first_tuesday_at_the_same_local_time_across_summer_time():
    starts = expand_rule("FREQ=MONTHLY;BYDAY=1TU;COUNT=4", local(2027, 2, 2, 17))
    assert [s.date() for s in starts] == [
        datetime.date(2027, 2, 2),
        datetime.date(2027, 3, 2),
        datetime.date(2027, 4, 6),
        datetime.date(2027, 5, 4),
    ]
    assert {(s.hour, s.minute) for s in starts} == {(17, 0)}
    assert [s.utcoffset() for s in starts] == [
        datetime.timedelta(hours=1),
        datetime.timedelta(hours=1),
        datetime.timedelta(hours=2),
        datetime.timedelta(hours=2),
    ]


def test_the_rule_may_be_typed_with_its_rrule_prefix_and_spaces():
    starts = expand_rule("RRULE: FREQ=WEEKLY; COUNT=2", local(2027, 1, 5, 10))
    assert [s.date() for s in starts] == [datetime.date(2027, 1, 5), datetime.date(2027, 1, 12)]


def test_an_until_date_ends_the_series():
    starts = expand_rule("FREQ=WEEKLY;UNTIL=20270120", local(2027, 1, 5, 10))
    assert len(starts) == 3


def page_errors(**fields):
    values = {
        "title": "Welcome meeting",
        "slug": "welcome",
        "venue_name": "Library",
        "venue_address": "Street 1, 2100 København Ø",
        "start": local(2027, 1, 5, 17),
        "end": local(2027, 1, 5, 19),
        **fields,
    }
    with pytest.raises(ValidationError) as error:
        EventPage(**values).clean()
    return error.value.message_dict


def test_an_endless_rule_is_refused():
    errors = page_errors(recurrence="FREQ=DAILY")
    assert errors["recurrence"] == [
        "The rule gives more than 60 dates. Add COUNT or UNTIL to end it."
    ]


def test_an_unreadable_rule_is_refused():
    errors = page_errors(recurrence="EVERY TUESDAY")
    assert errors["recurrence"][0].startswith("This is not a rule we can read")


def test_the_start_must_be_the_first_date_of_the_series():
    errors = page_errors(
        start=local(2027, 1, 4, 17),
        end=local(2027, 1, 4, 19),
        recurrence="FREQ=MONTHLY;BYDAY=1TU;COUNT=3",
    )
    assert errors["recurrence"][0].startswith("The start above must be the first date")


def test_end_before_start_is_refused():
    errors = page_errors(end=local(2027, 1, 5, 16))
    assert errors["end"] == ["The event must end after it starts."]


def test_public_sign_up_needs_an_event_for_everyone():
    errors = page_errors(signup_mode=SignUpMode.PUBLIC, audience=Audience.HOSTS)
    assert errors["signup_mode"] == [
        "Public sign-up is only possible when the event is for everyone."
    ]


def test_places_must_fit_one_person_with_the_guests_allowed():
    errors = page_errors(capacity=2, max_guests=2)
    assert list(errors) == ["capacity"]


def test_changing_the_rule_keeps_dates_with_sign_ups_and_drops_empty_ones(make_event, newcomer):
    event = make_event(recurrence="FREQ=WEEKLY;COUNT=4")
    dates = list(event.occurrences.order_by("start"))
    services.sign_up(dates[3], newcomer)

    event.recurrence = "FREQ=WEEKLY;COUNT=2"
    event.save_revision().publish()

    remaining = list(event.occurrences.order_by("start"))
    assert remaining == [dates[0], dates[1], dates[3]]
    assert dates[3].signups.get().user == newcomer


def test_extending_a_series_adds_dates_and_keeps_the_existing_ones(make_event):
    event = make_event(recurrence="FREQ=WEEKLY;COUNT=2")
    before = list(event.occurrences.order_by("start").values_list("pk", flat=True))

    event.recurrence = "FREQ=WEEKLY;COUNT=3"
    event.save_revision().publish()

    after = list(event.occurrences.order_by("start").values_list("pk", flat=True))
    assert after[:2] == before
    assert len(after) == 3


def test_moving_a_single_event_moves_its_date_and_keeps_the_sign_ups(make_event, newcomer):
    event = make_event()
    date = event.occurrences.get()
    services.sign_up(date, newcomer)

    event.start += datetime.timedelta(days=1, hours=1)
    event.end += datetime.timedelta(days=1, hours=1)
    event.save_revision().publish()

    moved = event.occurrences.get()
    assert moved.pk == date.pk
    assert moved.start == event.start
    assert moved.signups.get().user == newcomer


def test_a_series_entered_afterwards_gets_its_past_dates_which_are_then_kept(make_event):
    event = make_event(start=local(2020, 1, 7, 17), recurrence="FREQ=WEEKLY;COUNT=2")
    assert event.occurrences.count() == 2

    event.recurrence = "FREQ=WEEKLY;COUNT=1"
    event.save_revision().publish()
    assert event.occurrences.count() == 2


def test_the_preview_shows_the_dates_the_draft_rule_gives(make_event, calendar_page):
    event = make_event(title_en="Welcome meeting", start=local(2030, 1, 1, 17))
    event.recurrence = "FREQ=MONTHLY;BYDAY=1TU;COUNT=3"  # edited, not yet published
    response = event.make_preview_request()
    assert response.status_code == 200
    html = response.render().content.decode()
    assert "3 dates, see below" in html
    assert "Tuesday 5 February 2030" in html
    assert event.occurrences.count() == 1  # nothing is saved by a preview


def test_a_new_unsaved_event_and_calendar_can_be_previewed(calendar_page, home_page):
    from events.models import EventCalendarPage

    draft = EventPage(
        title="Draft picnic",
        slug="draft-picnic",
        venue_name="Park",
        venue_address="Street 1",
        start=local(2030, 6, 1, 12),
        end=local(2030, 6, 1, 14),
    )
    draft.set_url_path(calendar_page)
    assert "Saturday 1 June 2030" in draft.make_preview_request().render().content.decode()
    new_calendar = EventCalendarPage(title="Calendar", slug="calendar")
    assert new_calendar.make_preview_request().status_code == 200
