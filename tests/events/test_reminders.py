"""Event reminders go out through the one reminder mechanism (``manage.py send_reminders``),
a configurable number of days before each date, once, in each person's language."""

import datetime

import pytest
from django.core.management import call_command
from django.utils import timezone

from events import services
from events.models import SignUpMode
from events.reminders import event_reminders
from notifications.reminders import send_due_reminders

from .conftest import days_from_now

pytestmark = pytest.mark.django_db


def test_the_day_before_everyone_with_a_place_is_reminded_once(
    make_event, newcomer, danish_newcomer, make_newcomer, mailoutbox
):
    event = make_event(capacity=2, start=days_from_now(3), reminder_days_before=1)
    date = event.occurrences.get()
    services.sign_up(date, newcomer, notify=False)
    services.sign_up(date, danish_newcomer, notify=False)
    services.sign_up(date, make_newcomer(email="waiting@example.com"), notify=False)
    today = timezone.localdate()

    assert list(event_reminders(today + datetime.timedelta(days=1))) == []

    day_before = today + datetime.timedelta(days=2)
    sent = send_due_reminders(today=day_before, sources=[event_reminders])
    assert sorted(r.user.email for r in sent) == ["amira@example.com", "olga@example.com"]
    by_address = {m.to[0]: m for m in mailoutbox}
    assert by_address["amira@example.com"].subject.startswith("Reminder: ")
    assert by_address["olga@example.com"].subject.startswith("Påmindelse: ")
    assert by_address["olga@example.com"].attachments[0][0] == "event.ics"

    assert send_due_reminders(today=day_before, sources=[event_reminders]) == []


def test_a_missed_day_is_caught_up_while_the_event_is_still_ahead(make_event, newcomer):
    event = make_event(start=days_from_now(2), reminder_days_before=3)
    services.sign_up(event.occurrences.get(), newcomer, notify=False)
    today = timezone.localdate()
    assert [r.user for r in event_reminders(today)] == [newcomer]
    assert [r.key for r in event_reminders(today)] == [
        f"event:{event.occurrences.get().pk}:signup:{newcomer.event_signups.get().pk}"
    ]


def test_no_reminder_for_a_cancelled_date_or_a_cancelled_sign_up(make_event, newcomer, host):
    cancelled_date = make_event(
        start=days_from_now(1), signup_closes_days_before=0
    ).occurrences.get()
    services.sign_up(cancelled_date, newcomer, notify=False)
    services.cancel_occurrence(cancelled_date)
    other = make_event(start=days_from_now(1), signup_closes_days_before=0).occurrences.get()
    signup = services.sign_up(other, host, notify=False)[0]
    services.cancel_signup(signup)
    assert list(event_reminders(timezone.localdate())) == []


def test_public_sign_ups_are_reminded_at_their_email_in_their_language(make_event, mailoutbox):
    event = make_event(
        start=days_from_now(1), signup_closes_days_before=0, signup_mode=SignUpMode.PUBLIC
    )
    signup = services.sign_up_public(event.occurrences.get(), "Maria", "maria@example.com", "da")
    services.confirm_public(signup)

    sent = send_due_reminders(today=timezone.localdate(), sources=[event_reminders])
    assert [r.user.email for r in sent] == ["maria@example.com"]
    (email,) = [m for m in mailoutbox if m.subject.startswith("Påmindelse")]
    assert email.body.startswith("Hej Maria")


def test_the_daily_command_sends_event_reminders(make_event, newcomer, mailoutbox, settings):
    settings.REMINDER_SOURCES = ["events.reminders.event_reminders"]
    event = make_event(start=days_from_now(1), signup_closes_days_before=0)
    services.sign_up(event.occurrences.get(), newcomer, notify=False)
    call_command("send_reminders")
    assert [m.to for m in mailoutbox] == [["amira@example.com"]]
