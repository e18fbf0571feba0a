"""Dates in each language's own way everywhere: "5 December 2026, 17:00" in English and
"5. december 2026 kl. 17.00" in Danish, on pages, in emails and in the admin."""

import datetime

import pytest
from django.core import mail
from django.utils import formats, translation

from events.models import EVENT_TIME_ZONE
from tests.events.conftest import local
from tests.factories import NewcomerFactory

MOMENT = datetime.datetime(2026, 12, 5, 16, 0, tzinfo=datetime.UTC)  # 17:00 in Copenhagen


@pytest.mark.parametrize(
    ("language", "date", "datetime_", "time", "short"),
    [
        ("en", "5 December 2026", "5 December 2026, 17:00", "17:00", "5 Dec 2026"),
        ("da", "5. december 2026", "5. december 2026 kl. 17.00", "17.00", "05.12.2026"),
    ],
)
def test_named_formats_per_language(language, date, datetime_, time, short):
    local_moment = MOMENT.astimezone(EVENT_TIME_ZONE)
    with translation.override(language):
        assert formats.date_format(local_moment, "DATE_FORMAT") == date
        assert formats.date_format(local_moment, "DATETIME_FORMAT") == datetime_
        assert formats.time_format(local_moment, "TIME_FORMAT") == time
        assert formats.date_format(local_moment, "SHORT_DATE_FORMAT") == short
        assert formats.date_format(local_moment.date()) == date  # the default


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("path", "shown"),
    [
        ("/events-calendar/{slug_en}/", "Saturday 5 December 2026, 17:00</time>–"),
        ("/da/kalender/{slug_da}/", "Lørdag den 5. december 2026 kl. 17.00</time>–"),
    ],
)
def test_event_page_dates(client, make_event, path, shown):
    event = make_event(start=local(2026, 12, 5, 17))
    html = client.get(path.format(slug_en=event.slug_en, slug_da=event.slug_da)).text
    assert shown in html


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "shown"),
    [
        ("en", "When: Saturday 5 December 2026, 17:00–19:00"),
        ("da", "Hvornår: lørdag den 5. december 2026 kl. 17.00–19.00"),
    ],
)
def test_sign_up_email_dates(make_event, on_commit, language, shown):
    from events import services

    newcomer = NewcomerFactory(user__preferred_language=language)
    date = make_event(start=local(2026, 12, 5, 17)).occurrences.get()
    with on_commit():
        services.sign_up(date, newcomer.user, now=MOMENT - datetime.timedelta(days=7))
    (message,) = mail.outbox
    assert shown in message.body
    assert shown in message.alternatives[0][0]  # the HTML part


@pytest.mark.django_db
def test_portal_consents_show_each_languages_date_and_time(client, home_page):
    from privacy.models import ConsentRecord, Purpose

    newcomer = NewcomerFactory(user__preferred_language="da")
    record = ConsentRecord.objects.create(
        user=newcomer.user, purpose=Purpose.choices[0][0], text_version="1", language="da"
    )
    ConsentRecord.objects.filter(pk=record.pk).update(given_at=MOMENT)
    client.force_login(newcomer.user)
    assert "5. december 2026 kl. 17.00" in client.get("/da/portal/privacy/").text
    assert "5 December 2026, 17:00" in client.get("/portal/privacy/").text
