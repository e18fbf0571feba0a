"""The coordinators' screens: sign-ups and waiting list per date, attendance, CSV export,
emailing everyone signed up, cancelling. Editors edit event pages but never see sign-ups."""

import csv
import io

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from events import services
from events.models import EventPage, SignUp, SignUpMode
from programmes.defaults import first_programme
from programmes.factories import make_coordinator
from tests.factories import UserFactory

from .conftest import days_from_now

pytestmark = pytest.mark.django_db


@pytest.fixture
def coordinator():
    user = UserFactory(email="coordinator@example.com")
    make_coordinator(user)
    return user


@pytest.fixture
def editor():
    user = UserFactory(email="editor@example.com")
    user.groups.add(Group.objects.get(name="Editors"))
    return user


@pytest.fixture
def full_date(make_event, newcomer, danish_newcomer, make_newcomer):
    """A date with two places: Amira (+1 guest) has them; Olga and Sam wait in that order."""
    event = make_event(
        title_en="Cooking evening", capacity=2, max_guests=1, programme=first_programme()
    )
    date = event.occurrences.get()
    services.sign_up(date, newcomer, guests=1, notify=False)
    services.sign_up(date, danish_newcomer, notify=False)
    services.sign_up(date, make_newcomer(email="sam@example.com", first_name="Sam"), notify=False)
    return date


def test_a_coordinator_sees_the_dates_with_places_and_waiting_list(client, coordinator, full_date):
    client.force_login(coordinator)
    assert "Event sign-ups" in client.get(reverse("wagtailadmin_home")).content.decode()
    response = client.get(reverse("event_dates:index"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Cooking evening" in html
    assert "2 / 2" in html
    assert reverse("event_dates:signups", args=[full_date.pk]) in html


def test_a_coordinator_sees_who_has_a_place_and_who_waits_in_order(client, coordinator, full_date):
    client.force_login(coordinator)
    response = client.get(reverse("event_dates:signups", args=[full_date.pk]))
    assert response.status_code == 200
    html = response.content.decode()
    confirmed_part, waiting_part = html.split('id="waiting-heading"')
    assert "amira@example.com" in confirmed_part
    assert "olga@example.com" not in confirmed_part
    assert waiting_part.index("olga@example.com") < waiting_part.index("sam@example.com")
    assert "2 of 2 places taken" in html
    assert "1 guest" in html
    assert "2 on the waiting list" in html


def test_the_csv_export_has_everyone_signed_up_with_guests_and_position(
    client, coordinator, full_date
):
    client.force_login(coordinator)
    response = client.get(reverse("event_dates:export", args=[full_date.pk]))
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0] == [
        "Name",
        "Email",
        "Status",
        "Place in line",
        "Guests",
        "Language",
        "Signed up",
        "Attended",
    ]
    assert [(r[1], r[2], r[3], r[4], r[5]) for r in rows[1:]] == [
        ("amira@example.com", "Has a place", "", "1", "en"),
        ("olga@example.com", "On the waiting list", "1", "0", "da"),
        ("sam@example.com", "On the waiting list", "2", "0", "en"),
    ]


def test_a_coordinator_emails_everyone_each_in_their_language(
    client, coordinator, full_date, mailoutbox
):
    client.force_login(coordinator)
    response = client.post(
        reverse("event_dates:email", args=[full_date.pk]),
        {
            "subject_en": "Bring an apron",
            "message_en": "We cook Danish food.",
            "subject_da": "Tag et forklæde med",
            "message_da": "Vi laver dansk mad.",
            "include_waiting": "on",
        },
    )
    assert response.status_code == 302
    subjects = {m.to[0]: m.subject for m in mailoutbox}
    assert subjects == {
        "amira@example.com": "Bring an apron",
        "olga@example.com": "Tag et forklæde med",
        "sam@example.com": "Bring an apron",
    }


def test_the_email_form_needs_both_languages(client, coordinator, full_date, mailoutbox):
    client.force_login(coordinator)
    response = client.post(
        reverse("event_dates:email", args=[full_date.pk]),
        {"subject_en": "Hello", "message_en": "Hi"},
    )
    assert response.status_code == 200
    assert mailoutbox == []


def test_a_coordinator_cancels_a_date_and_everyone_is_emailed(
    client, coordinator, full_date, mailoutbox, django_capture_on_commit_callbacks
):
    client.force_login(coordinator)
    assert client.get(reverse("event_dates:cancel", args=[full_date.pk])).status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("event_dates:cancel", args=[full_date.pk]),
            {"message_en": "The kitchen is closed.", "message_da": "Køkkenet er lukket."},
        )
    full_date.refresh_from_db()
    assert full_date.cancelled is True
    assert sorted(m.to[0] for m in mailoutbox) == [
        "amira@example.com",
        "olga@example.com",
        "sam@example.com",
    ]
    olga = next(m for m in mailoutbox if m.to == ["olga@example.com"])
    assert "Køkkenet er lukket." in olga.body


def test_attendance_is_marked_after_the_event(client, coordinator, make_event, newcomer, host):
    event = make_event(start=days_from_now(-1))
    date = event.occurrences.get()
    came = SignUp.objects.create(occurrence=date, user=newcomer, status="confirmed")
    absent = SignUp.objects.create(occurrence=date, user=host, status="confirmed")
    client.force_login(coordinator)
    page = client.get(reverse("event_dates:signups", args=[date.pk])).content.decode()
    assert "Save attendance" in page

    client.post(reverse("event_dates:attendance", args=[date.pk]), {"attended": [came.pk]})
    came.refresh_from_db()
    absent.refresh_from_db()
    assert (came.attended, absent.attended) == (True, False)


@pytest.mark.parametrize(
    "name", ["signups", "export", "email", "cancel", "attendance"], ids=lambda n: n
)
def test_an_editor_cannot_see_or_change_sign_ups(client, editor, full_date, name):
    client.force_login(editor)
    url = reverse(f"event_dates:{name}", args=[full_date.pk])
    response = client.get(url) if name != "attendance" else client.post(url)
    assert response.status_code in (302, 403)
    assert "amira@example.com" not in response.content.decode()
    assert SignUp.objects.filter(attended__isnull=False).count() == 0


def test_an_editor_has_no_sign_ups_menu_or_list(client, editor, full_date):
    client.force_login(editor)
    assert client.get(reverse("event_dates:index")).status_code in (302, 403)
    home = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Event sign-ups" not in home


def test_an_editor_edits_event_pages(client, editor, make_event):
    event = make_event()
    client.force_login(editor)
    response = client.get(reverse("wagtailadmin_pages:edit", args=[event.pk]))
    assert response.status_code == 200
    html = response.content.decode()
    assert 'name="recurrence"' in html
    assert 'name="venue_name_da"' in html
    add = reverse("wagtailadmin_pages:add", args=["events", "eventpage", event.get_parent().pk])
    assert client.get(add).status_code == 200


def test_an_event_with_sign_ups_cannot_be_deleted(client, editor, full_date):
    client.force_login(editor)
    event = full_date.event
    response = client.post(reverse("wagtailadmin_pages:delete", args=[event.pk]), follow=True)
    assert "People are signed up for this event." in response.content.decode()
    assert EventPage.objects.filter(pk=event.pk).exists()


def test_an_event_without_sign_ups_can_be_deleted(client, editor, make_event):
    event = make_event(signup_mode=SignUpMode.NONE)
    client.force_login(editor)
    client.post(reverse("wagtailadmin_pages:delete", args=[event.pk]))
    assert not EventPage.objects.filter(pk=event.pk).exists()


def test_garbled_attendance_is_a_message_not_a_server_error(
    client, coordinator, make_event, newcomer
):
    date = make_event(start=days_from_now(-1)).occurrences.get()
    signup = SignUp.objects.create(occurrence=date, user=newcomer, status="confirmed")
    client.force_login(coordinator)
    response = client.post(
        reverse("event_dates:attendance", args=[date.pk]),
        {"attended": [signup.pk, "abc"]},
        follow=True,
    )
    assert response.status_code == 200
    assert "The attendance list could not be read, so nothing was saved." in (
        response.content.decode()
    )
    signup.refresh_from_db()
    assert signup.attended is None


def test_an_admin_id_beyond_64_bits_is_not_found(client, coordinator):
    client.force_login(coordinator)
    assert client.get(reverse("event_dates:index") + "9" * 25 + "/").status_code == 404


def test_every_typed_cell_of_the_sign_ups_csv_is_plain_text(client, coordinator, make_event):
    date = make_event(signup_mode=SignUpMode.PUBLIC).occurrences.get()
    # Typed before names were checked, or by a participant: a tab or carriage return in
    # front of a formula is run by spreadsheet programmes too.
    SignUp.objects.create(
        occurrence=date, name="\t=1+2", email="tab@example.com", status="confirmed"
    )
    SignUp.objects.create(occurrence=date, name="", email="=cmd@example.com", status="confirmed")
    client.force_login(coordinator)
    response = client.get(reverse("event_dates:export", args=[date.pk]))
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    cells = {row[0] for row in rows[1:]} | {row[1] for row in rows[1:]}
    assert "'\t=1+2" in cells
    assert "'=cmd@example.com" in cells
    assert not [cell for cell in cells if cell[:1] in ("=", "+", "-", "@", "\t", "\r")]


def test_the_event_dates_csv_export_neutralises_formulas(client, coordinator, make_event):
    make_event(title_en='=HYPERLINK("http://evil.example","Open")')
    client.force_login(coordinator)
    response = client.get(reverse("event_dates:index"), {"export": "csv"})
    body = b"".join(response.streaming_content if response.streaming else [response.content])
    assert "'=HYPERLINK(" in body.decode("utf-8-sig")


def test_an_overlong_email_message_is_refused_and_kept(client, coordinator, full_date, mailoutbox):
    client.force_login(coordinator)
    long_message = "Hello." * 1000  # 6000 characters
    response = client.post(
        reverse("event_dates:email", args=[full_date.pk]),
        {
            "subject_en": "Hi",
            "message_en": long_message,
            "subject_da": "Hej",
            "message_da": "Hej",
        },
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "Ensure this value has at most 5000 characters (it has 6000)." in html
    assert long_message in html
    assert mailoutbox == []


def test_an_overlong_cancellation_message_is_refused(client, coordinator, full_date):
    client.force_login(coordinator)
    response = client.post(
        reverse("event_dates:cancel", args=[full_date.pk]), {"message_en": "x" * 2001}
    )
    assert response.status_code == 200
    assert "Ensure this value has at most 2000 characters (it has 2001)." in (
        response.content.decode()
    )
    full_date.refresh_from_db()
    assert not full_date.cancelled
