"""Check-in reminders: due or overdue, unanswered check-ins get one email, in the
participant's language, through the shared daily ``send_reminders`` command."""

import datetime
import logging
import re
import smtplib

import pytest
from django.core.mail.backends import locmem
from django.core.management import call_command
from django.utils import timezone

from notifications.models import SentReminder
from notifications.reminders import send_due_reminders
from portal import services
from portal.models import Match
from portal.reminders import checkin_reminders
from tests.factories import CheckInFactory, MatchFactory

from .conftest import answered_on

pytestmark = pytest.mark.django_db

START = datetime.date(2025, 1, 15)  # check-ins due 15 Feb, 15 Apr, 15 Jun


@pytest.fixture
def match():
    return MatchFactory(
        start_date=START,
        newcomer__user__first_name="Omar",
        newcomer__user__email="omar@example.com",
        host__user__first_name="Mette",
        host__user__email="mette@example.com",
        host__user__preferred_language="da",
    )


def test_nothing_is_due_before_the_first_month(match):
    assert list(checkin_reminders(datetime.date(2025, 2, 14))) == []


def test_both_participants_are_reminded_when_a_check_in_falls_due(match):
    reminders = list(checkin_reminders(datetime.date(2025, 2, 15)))
    assert [(r.key, r.user.email) for r in reminders] == [
        (f"checkin:{match.pk}:{match.newcomer.pk}:2025-02-15", "omar@example.com"),
        (f"checkin:{match.pk}:{match.host.pk}:2025-02-15", "mette@example.com"),
    ]
    assert reminders[0].context["check_in_path"] == f"/portal/matches/{match.pk}/check-in/"
    assert reminders[1].context["check_in_path"] == f"/da/portal/matches/{match.pk}/check-in/"


def test_an_answered_check_in_is_not_reminded_about(match):
    answered_on(CheckInFactory(match=match, participant=match.newcomer), datetime.date(2025, 2, 16))
    reminders = list(checkin_reminders(datetime.date(2025, 3, 1)))
    assert [r.user for r in reminders] == [match.host.user]
    # The next due date brings a new reminder with a new key.
    reminders = list(checkin_reminders(datetime.date(2025, 4, 15)))
    assert [r.key for r in reminders] == [
        f"checkin:{match.pk}:{match.newcomer.pk}:2025-04-15",
        f"checkin:{match.pk}:{match.host.pk}:2025-04-15",
    ]


def test_ended_matches_get_no_reminders(match):
    services.end_match(match, Match.Status.COMPLETED, ended_on=START.replace(month=2), notify=False)
    assert list(checkin_reminders(datetime.date(2025, 2, 20))) == []


def test_queries_do_not_grow_with_the_number_of_matches(django_assert_num_queries):
    for _ in range(2):
        MatchFactory(start_date=START)
    with django_assert_num_queries(2):
        few = list(checkin_reminders(datetime.date(2025, 2, 20)))
    for _ in range(6):
        CheckInFactory(match=MatchFactory(start_date=START))
    with django_assert_num_queries(2):
        many = list(checkin_reminders(datetime.date(2025, 2, 20)))
    assert (len(few), len(many)) == (4, 10)  # six newcomers have answered


def test_sent_once_in_each_participants_language(match, mailoutbox):
    sent = send_due_reminders(datetime.date(2025, 2, 20), sources=[checkin_reminders])
    assert len(sent) == 2
    by_address = {m.to[0]: m for m in mailoutbox}
    english, danish = by_address["omar@example.com"], by_address["mette@example.com"]
    assert english.subject == "How is your match going? A short check-in"
    assert english.body.startswith("Hello Omar,")
    assert "month 2 of 6 of your match with Mette" in english.body
    assert f"http://testserver/portal/matches/{match.pk}/check-in/" in english.body
    assert "never to Mette" in english.body
    assert danish.subject == "Hvordan går det med jeres match? En kort opfølgning"
    assert danish.body.startswith("Hej Mette")
    link = re.search(r"http://testserver(/\S+)", danish.body).group(1)
    assert link == f"/da/portal/matches/{match.pk}/check-in/"

    assert send_due_reminders(datetime.date(2025, 2, 21), sources=[checkin_reminders]) == []
    assert len(mailoutbox) == 2


def test_the_daily_command_sends_each_check_in_reminder_once(mailoutbox):
    today = timezone.localdate()
    match = MatchFactory(start_date=today - datetime.timedelta(days=40))
    call_command("send_reminders")
    call_command("send_reminders")
    assert sorted(m.to[0] for m in mailoutbox) == sorted(
        [match.newcomer.user.email, match.host.user.email]
    )
    assert SentReminder.objects.filter(key__startswith=f"checkin:{match.pk}:").count() == 2


BROKEN_ADDRESS = "broken@example.com"


class RefusesOneAddressBackend(locmem.EmailBackend):
    """The outbox of the tests, with a mail server that refuses one address."""

    def send_messages(self, messages):
        for message in messages:
            if BROKEN_ADDRESS in message.to:
                raise smtplib.SMTPRecipientsRefused({BROKEN_ADDRESS: (550, b"No such user")})
        return super().send_messages(messages)


def test_one_failed_reminder_is_logged_and_retried_while_the_rest_go_out(
    match, mailoutbox, settings, caplog
):
    broken = MatchFactory(
        start_date=START,
        newcomer__user__email=BROKEN_ADDRESS,
        host__user__email="karen@example.com",
    )
    settings.EMAIL_BACKEND = f"{__name__}.RefusesOneAddressBackend"
    with caplog.at_level(logging.ERROR, logger="notifications.reminders"):
        sent = send_due_reminders(datetime.date(2025, 2, 20), sources=[checkin_reminders])
    assert sorted(m.to[0] for m in mailoutbox) == [
        "karen@example.com",
        "mette@example.com",
        "omar@example.com",
    ]
    assert len(sent) == 3
    assert f"checkin:{broken.pk}:{broken.newcomer.pk}:2025-02-15" in caplog.text
    assert not SentReminder.objects.filter(recipient=BROKEN_ADDRESS).exists()

    # The next run, with the address working again, sends only the one that failed.
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    sent = send_due_reminders(datetime.date(2025, 2, 21), sources=[checkin_reminders])
    assert [reminder.user.email for reminder in sent] == [BROKEN_ADDRESS]
    assert [m.to[0] for m in mailoutbox[3:]] == [BROKEN_ADDRESS]
