"""The participant's GDPR download: everything held about them, nothing about others."""

import datetime
import json

import pytest
from django.utils import timezone

from events.models import SignUp
from portal.models import RematchRequest, WheelEntry
from tests.events import conftest as event_fixtures
from tests.factories import CheckInFactory, MeetingFactory

pytestmark = pytest.mark.django_db

calendar_page = event_fixtures.calendar_page
make_event = event_fixtures.make_event


@pytest.fixture
def rich_pair(pair, other_pair):
    """The first pair with data on both sides, and the other pair with data of its own."""
    MeetingFactory(
        match=pair,
        author=pair.host,
        date=pair.start_date + datetime.timedelta(days=14),
        note="Host's note on the museum visit",
        activities=["museum_city"],
    )
    CheckInFactory(match=pair, participant=pair.newcomer, note_for_coordinator="Going well")
    CheckInFactory(match=pair, participant=pair.host, note_for_coordinator="HOST-ONLY answer")
    RematchRequest.objects.create(match=pair, participant=pair.newcomer, reason="Time zones")
    RematchRequest.objects.create(match=pair, participant=pair.host, reason="HOST-ONLY reason")
    WheelEntry.objects.create(participant=pair.newcomer, area="work", importance=5, note="Lab")
    WheelEntry.objects.create(participant=pair.host, area="work", importance=1, note="HOST-ONLY")
    CheckInFactory(match=other_pair, participant=other_pair.newcomer, note_for_coordinator="OTHER")
    pair.newcomer.intake_notes = "Chemist; prefers weekends."
    pair.newcomer.save()
    return pair


def download(client, participant):
    client.force_login(participant.user)
    response = client.get("/portal/my-data.json")
    assert response.status_code == 200
    return response, json.loads(response.content)


def test_the_download_is_a_json_attachment(client, pair):
    response, _data = download(client, pair.newcomer)
    assert response["Content-Type"] == "application/json"
    today = timezone.localdate().isoformat()
    assert response["Content-Disposition"] == f'attachment; filename="my-data-{today}.json"'


def test_the_download_holds_the_participants_own_data(client, rich_pair):
    pair = rich_pair
    _response, data = download(client, pair.newcomer)
    user = pair.newcomer.user
    assert data["account"]["email"] == user.email
    assert data["account"]["first_name"] == "Amira"
    assert "password" not in data["account"]
    assert data["profile"]["role"] == "newcomer"
    assert data["profile"]["programme"] == "Host Programme"
    assert data["profile"]["phone"] == "+45 11 22 33 44"
    assert data["profile"]["intake_notes"] == "Chemist; prefers weekends."
    assert data["matches"] == [
        {
            "id": pair.pk,
            "programme": "Host Programme",
            "kind": "culture",
            "partner": "Henrik Host",
            "my_role": "newcomer",
            "start_date": pair.start_date.isoformat(),
            "end_date": pair.end_date.isoformat(),
            "status": "active",
            "ended_on": None,
            "end_reason": "",
            "created_at": pair.created_at.isoformat(),
        }
    ]
    # Both sides' meetings of the pair, as the participant sees them in the portal.
    assert [(m["note"], m["logged_by_me"], m["logged_by"]) for m in data["meetings"]] == [
        ("Coffee at the harbour", True, "Amira Newcomer"),
        ("Host's note on the museum visit", False, "Henrik Host"),
    ]
    assert [c["note_for_coordinator"] for c in data["check_ins"]] == ["Going well"]
    assert [(r["reason"], r["status"]) for r in data["rematch_requests"]] == [
        ("Time zones", "open")
    ]
    assert [(w["area"], w["importance"], w["note"]) for w in data["conversation_wheel"]] == [
        ("work", 5, "Lab")
    ]


def test_the_download_holds_nothing_private_about_anyone_else(client, rich_pair, other_pair):
    response, _data = download(client, rich_pair.newcomer)
    body = response.content.decode()
    assert "HOST-ONLY" not in body
    assert "OTHER" not in body
    assert rich_pair.host.user.email not in body
    assert "+45 55 66 77 88" not in body  # the partner's phone
    assert "Bilal" not in body and "Karen" not in body
    assert "Visited the city library" not in body


def test_event_sign_ups_are_included_without_their_secret_token(client, pair, make_event):
    event = make_event()
    occurrence = event.occurrences.get()
    signup = SignUp.objects.create(
        occurrence=occurrence, user=pair.newcomer.user, status=SignUp.Status.CONFIRMED, guests=1
    )
    response, data = download(client, pair.newcomer)
    assert len(data["events.signup"]) == 1
    exported = data["events.signup"][0]
    assert exported["occurrence"] == str(occurrence)
    assert (exported["status"], exported["guests"]) == ("confirmed", 1)
    assert "token" not in exported
    assert signup.token not in response.content.decode()


def test_every_declared_model_with_personal_data_has_its_section(client, rich_pair):
    """The download is driven by the registry: every model declaring personal data about a
    participant has its section (or says why it is left out), the same registry the
    completeness test in tests/privacy checks."""
    from privacy import registry

    _response, data = download(client, rich_pair.newcomer)
    for declaration in registry.personal_declarations():
        if declaration.export is False or declaration.rows is None:
            assert str(declaration.not_exported_because), declaration.label
            continue
        assert declaration.key in data, declaration.label
        if declaration.export is None:  # the default export: every personal, non-secret field
            for row in data[declaration.key]:
                wanted = set(declaration.personal) - set(declaration.secret)
                assert wanted <= set(row), declaration.label


def test_reminders_sent_to_the_participant_are_in_the_download(client, pair):
    from notifications.models import SentReminder

    SentReminder.objects.create(key="checkin:1:2:2026-01-01", recipient=pair.newcomer.user.email)
    SentReminder.objects.create(key="checkin:1:3:2026-01-01", recipient=pair.host.user.email)
    _response, data = download(client, pair.newcomer)
    assert [(r["key"], r["recipient"]) for r in data["reminders_sent"]] == [
        ("checkin:1:2:2026-01-01", pair.newcomer.user.email)
    ]
