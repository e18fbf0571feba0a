"""Weekdays, months and language names are lower case mid-sentence in Danish pages and emails
(»onsdag den 2. december 2026«, »Sprog: dansk«), and the long date reads as Danish does."""

import datetime

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import translation

from events import services
from events.models import EventLanguage
from events.templatetags.events_tags import long_date
from home.wording import language_in_sentence
from notifications.reminders import run_daily
from tests.events.conftest import local

from .danish_text import capitalised_mid_sentence, page_lines

pytestmark = pytest.mark.django_db


def test_the_scan_finds_a_capitalised_weekday_month_or_language_mid_sentence():
    assert capitalised_mid_sentence(["Påmindelse: Picnic, Onsdag 2. december 2026"])
    assert capitalised_mid_sentence(["Hvornår: Onsdag 2. december 2026, 17:00"])
    assert capitalised_mid_sentence(["Et nyt link sendes til olga@example.com på Dansk."])
    assert capitalised_mid_sentence(["Vi ses den 2. December"])
    assert capitalised_mid_sentence(["Kategori · For: Alle · Sprog: Engelsk og dansk"])
    assert not capitalised_mid_sentence(["Onsdag den 2. december 2026, 17:00", "Dansk"])
    assert not capitalised_mid_sentence(["December 2026", "Sprog: dansk"])


def test_the_long_date_reads_as_danish_writes_it():
    wednesday = local(2026, 12, 2, 17)
    with translation.override("da"):
        assert long_date(wednesday) == "onsdag den 2. december 2026"
    with translation.override("en"):
        assert long_date(wednesday) == "Wednesday 2 December 2026"


def test_a_language_name_in_a_sentence():
    with translation.override("da"):
        assert language_in_sentence("Dansk") == "dansk"
    with translation.override("en"):
        assert language_in_sentence("Danish") == "Danish"


@pytest.fixture
def danish_event(make_event):
    return make_event(
        title_da="Sprogcafé",
        start=local(2030, 12, 4, 17),
        event_language=EventLanguage.BOTH,
        capacity=10,
        max_guests=1,
        reminder_days_before=3,
    )


def url_in(language, page):
    with translation.override(language):
        return page.get_url()


def test_danish_event_pages_write_weekdays_months_and_languages_in_lower_case(
    client, calendar_page, danish_event, danish_newcomer
):
    client.force_login(danish_newcomer)
    date = danish_event.occurrences.get()
    services.sign_up(date, danish_newcomer, notify=False)
    with translation.override("da"):
        mine = reverse("events:mine")
    pages = {
        "calendar": url_in("da", calendar_page),
        "event": url_in("da", danish_event),
        "my events": mine,
    }
    found = {}
    for name, url in pages.items():
        response = client.get(url)
        assert response.status_code == 200, name
        assert "december" in response.content.decode(), name  # the date is on the page
        found[name] = capitalised_mid_sentence(page_lines(response.content.decode()))
    assert found == {"calendar": [], "event": [], "my events": []}


def email_lines(message):
    return [message.subject, *message.body.splitlines()]


def test_danish_event_emails_write_weekdays_months_and_languages_in_lower_case(
    danish_event, danish_newcomer, on_commit, mailoutbox
):
    date = danish_event.occurrences.get()
    with on_commit():
        services.sign_up(date, danish_newcomer, guests=1)
    confirmation = mailoutbox[-1]
    assert "Hvornår: onsdag den 4. december 2030 kl. 17.00–19.00" in confirmation.body
    assert "Sprog: " in confirmation.body

    with on_commit():
        run_daily(today=datetime.date(2030, 12, 2))
    with on_commit():
        services.cancel_occurrence(date)
    scanned = [m for m in mail.outbox if m.to == [danish_newcomer.email]]
    assert len(scanned) == 3  # the confirmation, the reminder and the cancellation
    assert {m.subject: capitalised_mid_sentence(email_lines(m)) for m in scanned} == {
        m.subject: [] for m in scanned
    }
