"""Free text has a length limit, phone numbers and dates are checked, and a form sent twice
records one meeting and one check-in. Each refusal is a clear message that keeps the input."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from portal import services
from portal.models import NOTE_MAX_LENGTH, CheckIn, Meeting
from programmes.factories import make_coordinator
from tests.factories import CheckInFactory, RematchRequestFactory, UserFactory

from .test_views import profile_data

pytestmark = pytest.mark.django_db

TOO_LONG = ("word " * 11_600).strip()  # about the 58,000 characters once saved as a meeting note


def too_long_message(limit, text):
    return f"Ensure this value has at most {limit} characters (it has {len(text)})."


def meeting_data(pair, **changes):
    return {
        "date": (pair.start_date + datetime.timedelta(days=3)).isoformat(),
        "duration_minutes": "90",
        "activities": ["coffee", "danish"],
        "note": "Walked by the lakes",
        **changes,
    }


def test_a_very_long_meeting_note_is_refused_and_kept(newcomer_client, pair):
    response = newcomer_client.post(
        f"/portal/matches/{pair.pk}/meetings/new/", meeting_data(pair, note=TOO_LONG)
    )
    assert response.status_code == 200
    assert response.context["form"].errors["note"] == [too_long_message(NOTE_MAX_LENGTH, TOO_LONG)]
    assert TOO_LONG in response.content.decode()
    assert Meeting.objects.filter(match=pair).count() == 1  # only the fixture's


@pytest.mark.parametrize(
    ("url", "data", "field"),
    [
        ("check-in", {"satisfaction": "4", "wants_to_continue": "yes"}, "note"),
        ("rematch", {}, "reason"),
    ],
)
def test_very_long_check_in_notes_and_rematch_reasons_are_refused(
    newcomer_client, pair, url, data, field
):
    response = newcomer_client.post(f"/portal/matches/{pair.pk}/{url}/", {**data, field: TOO_LONG})
    assert response.status_code == 200
    assert response.context["form"].errors[field] == [too_long_message(NOTE_MAX_LENGTH, TOO_LONG)]


def test_the_services_enforce_the_limits_too(pair):
    with pytest.raises(ValidationError) as error:
        services.record_check_in(pair, pair.newcomer, 4, True, note=TOO_LONG)
    assert "note_for_coordinator" in error.value.message_dict
    with pytest.raises(ValidationError) as error:
        services.request_rematch(pair, pair.newcomer, TOO_LONG)
    assert "reason" in error.value.message_dict
    with pytest.raises(ValidationError) as error:
        services.end_match(pair, "ended_early", reason=TOO_LONG)
    assert "end_reason" in error.value.message_dict
    assert CheckIn.objects.count() == 0


def test_a_very_long_bio_is_refused(newcomer_client, pair):
    response = newcomer_client.post("/portal/profile/", profile_data(pair.newcomer, bio=TOO_LONG))
    assert response.status_code == 200
    assert response.context["profile_form"].errors["bio"] == [too_long_message(1000, TOO_LONG)]


@pytest.mark.parametrize(
    ("phone", "valid"),
    [
        ("+45 12 34 56 78", True),
        ("(+45) 12-34-56-78", True),
        ("12345678", True),
        ("call me maybe", False),
        ("=HYPERLINK(1)", False),
        ("12", False),
        ("1" * 20, False),
    ],
)
def test_phone_numbers_are_digits_spaces_plus_dashes_and_parentheses(
    newcomer_client, pair, phone, valid
):
    response = newcomer_client.post("/portal/profile/", profile_data(pair.newcomer, phone=phone))
    if valid:
        assert response.status_code == 302
    else:
        assert response.context["profile_form"].errors["phone"] == [
            "Enter a phone number of digits, for example +45 12 34 56 78."
        ]
        assert f'value="{phone}"' in response.content.decode()


def test_an_arrival_date_in_the_future_or_long_ago_is_refused(newcomer_client, pair):
    today = timezone.localdate()
    future = today + datetime.timedelta(days=1)
    response = newcomer_client.post(
        "/portal/profile/", profile_data(pair.newcomer, arrived_in_denmark=future.isoformat())
    )
    assert response.context["profile_form"].errors["arrived_in_denmark"] == [
        "The arrival date cannot be in the future."
    ]
    response = newcomer_client.post(
        "/portal/profile/", profile_data(pair.newcomer, arrived_in_denmark="1930-05-01")
    )
    assert response.context["profile_form"].errors["arrived_in_denmark"] == [
        "Enter an arrival date within the last 10 years."
    ]
    assert 'value="1930-05-01"' in response.content.decode()
    response = newcomer_client.post(
        "/portal/profile/",
        profile_data(
            pair.newcomer, arrived_in_denmark=(today - datetime.timedelta(days=30)).isoformat()
        ),
    )
    assert response.status_code == 302


@pytest.fixture
def coordinator_client(client):
    user = UserFactory(email="coordinator@example.com")
    make_coordinator(user)
    client.force_login(user)
    return client


def test_coordinators_get_the_same_checks_on_a_participant(coordinator_client, pair):
    participant = pair.newcomer
    year = timezone.localdate().year
    response = coordinator_client.post(
        f"/admin/host-programme/participants/edit/{participant.pk}/",
        {
            "email": participant.user.email,
            "first_name": participant.user.first_name,
            "last_name": participant.user.last_name,
            "preferred_language": "en",
            "role": "newcomer",
            "phone": "ring me",
            "languages": "English",
            "birth_year": str(year + 3),
            "arrived_in_denmark": "2030-01-01",
            "wanted_host_kind": "culture",
            "capacity": "1",
            "intake_notes": "x" * 4001,
        },
    )
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert errors["phone"] == ["Enter a phone number of digits, for example +45 12 34 56 78."]
    assert errors["birth_year"] == [f"Enter a year of birth between {year - 100} and {year - 16}."]
    assert errors["arrived_in_denmark"] == ["The arrival date cannot be in the future."]
    assert errors["intake_notes"] == [too_long_message(4000, "x" * 4001)]


def test_the_follow_up_page_shortens_long_notes(coordinator_client, pair):
    long_note = "We never meet. " * 200
    CheckInFactory(match=pair, satisfaction=1, note_for_coordinator=long_note)
    html = coordinator_client.get("/admin/host-programme/follow-up/").content.decode()
    assert long_note.strip() not in html
    assert long_note[:200] in html
    assert "1 thing to look at today." in html


def test_the_rematch_listing_shortens_long_reasons(coordinator_client, pair):
    RematchRequestFactory(match=pair, reason="Too far apart. " * 200)
    html = coordinator_client.get("/admin/host-programme/rematch-requests/").content.decode()
    assert ("Too far apart. " * 200).strip() not in html
    assert ("Too far apart. " * 10).strip() in html


# ---------------------------------------------------------------------------------------------
# Sent twice
# ---------------------------------------------------------------------------------------------


def test_the_same_meeting_sent_twice_is_logged_once(newcomer_client, pair):
    url = f"/portal/matches/{pair.pk}/meetings/new/"
    first = newcomer_client.post(url, meeting_data(pair))
    second = newcomer_client.post(url, meeting_data(pair, activities=["danish", "coffee"]))
    assert (first.status_code, second.status_code) == (302, 302)
    assert Meeting.objects.filter(match=pair, note="Walked by the lakes").count() == 1
    # A different meeting on the same day is a meeting of its own.
    newcomer_client.post(url, meeting_data(pair, duration_minutes="30"))
    assert Meeting.objects.filter(match=pair, note="Walked by the lakes").count() == 2


def test_the_same_meeting_logged_again_later_is_a_new_meeting(pair):
    meeting = Meeting(
        match=pair,
        author=pair.newcomer,
        date=pair.start_date,
        duration_minutes=60,
        activities=["coffee"],
        note="",
    )
    services.save_meeting(meeting)
    Meeting.objects.filter(pk=meeting.pk).update(
        created_at=timezone.now() - services.DUPLICATE_MEETING_WITHIN - datetime.timedelta(1)
    )
    again = Meeting(
        match=pair,
        author=pair.newcomer,
        date=pair.start_date,
        duration_minutes=60,
        activities=["coffee"],
        note="",
    )
    assert services.save_meeting(again).pk != meeting.pk


def test_a_second_check_in_for_the_same_due_date_is_refused(newcomer_client, pair):
    url = f"/portal/matches/{pair.pk}/check-in/"
    data = {"satisfaction": "4", "wants_to_continue": "yes", "note": "Going well"}
    assert newcomer_client.post(url, data).status_code == 302
    response = newcomer_client.post(url, data)
    assert response.status_code == 200
    [message] = response.context["form"].non_field_errors()
    assert message.startswith("You have already sent this check-in, thank you.")
    assert CheckIn.objects.filter(match=pair, participant=pair.newcomer).count() == 1
    # The partner's own check-in is not affected.
    services.record_check_in(pair, pair.host, 5, True)
