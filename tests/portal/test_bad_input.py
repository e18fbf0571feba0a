"""Bad input sent to the portal and the coordinators' admin gets a clear message and keeps
what was typed, or a 404 for an id that cannot exist: never a server error."""

import datetime

import pytest

from programmes.factories import make_coordinator
from tests.factories import MatchFactory, UserFactory

pytestmark = pytest.mark.django_db

HUGE_ID = 2**64 + 1


@pytest.fixture
def coordinator_client(client):
    user = UserFactory(email="coordinator@example.com")
    make_coordinator(user)
    client.force_login(user)
    return client


@pytest.fixture
def match():
    return MatchFactory(start_date=datetime.date(2025, 1, 15))


def edit_match(client, match, **data):
    return client.post(f"/admin/host-programme/matches/edit/{match.pk}/", data)


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        ({"start_date": "", "end_date": "2025-07-15"}, "start_date", "This field is required."),
        ({"start_date": "", "end_date": ""}, "start_date", "This field is required."),
        ({"start_date": "15/13/2025", "end_date": ""}, "start_date", "Enter a valid date."),
        (
            {"start_date": "not a date", "end_date": "2025-07-15"},
            "start_date",
            "Enter a valid date.",
        ),
    ],
)
def test_a_bad_start_date_on_a_match_is_a_message_that_keeps_the_input(
    coordinator_client, match, data, field, message
):
    response = edit_match(coordinator_client, match, **data)
    assert response.status_code == 200
    assert response.context["form"].errors[field] == [message]
    html = response.content.decode()
    assert f'value="{data["start_date"]}"' in html or data["start_date"] == ""
    match.refresh_from_db()
    assert match.start_date == datetime.date(2025, 1, 15)


def test_an_empty_end_date_gives_the_six_month_default(coordinator_client, match):
    response = edit_match(coordinator_client, match, start_date="2025-02-01", end_date="")
    assert response.status_code == 302
    match.refresh_from_db()
    assert (match.start_date, match.end_date) == (
        datetime.date(2025, 2, 1),
        datetime.date(2025, 8, 1),
    )


@pytest.mark.parametrize("end_date", ["", "9999-12-31"])
def test_a_start_date_far_in_the_future_is_refused_with_a_message(
    coordinator_client, match, end_date
):
    response = edit_match(coordinator_client, match, start_date="9999-12-01", end_date=end_date)
    assert response.status_code == 200
    assert response.context["form"].errors["start_date"] == [
        "The start date can be at most a year from today."
    ]
    assert 'value="9999-12-01"' in response.content.decode()


def test_creating_a_match_far_in_the_future_is_refused_with_a_message(coordinator_client, match):
    from tests.factories import HostFactory, NewcomerFactory

    newcomer, host = NewcomerFactory(), HostFactory()
    response = coordinator_client.post(
        "/admin/host-programme/matches/new/",
        {
            "newcomer": newcomer.pk,
            "host": host.pk,
            "kind": "culture",
            "start_date": "9999-12-01",
            "end_date": "",
        },
    )
    assert response.status_code == 200
    assert response.context["form"].errors["start_date"] == [
        "The start date can be at most a year from today."
    ]


def test_the_match_rules_refuse_dates_that_would_overflow_the_calendar():
    from django.core.exceptions import ValidationError

    from portal import services
    from tests.factories import HostFactory, NewcomerFactory

    with pytest.raises(ValidationError) as error:
        services.create_match(
            NewcomerFactory(), HostFactory(), "culture", start_date=datetime.date(9999, 12, 1)
        )
    assert error.value.message_dict == {
        "start_date": ["The start date can be at most a year from today."]
    }
    with pytest.raises(ValidationError) as error:
        services.create_match(
            NewcomerFactory(),
            HostFactory(),
            "culture",
            start_date=datetime.date(2025, 1, 1),
            end_date=datetime.date(9999, 12, 31),
        )
    assert error.value.message_dict == {
        "end_date": ["A match lasts at most two years: choose an earlier end date."]
    }


PORTAL_URLS_WITH_IDS = [
    "/portal/matches/{id}/meetings/",
    "/portal/matches/{id}/meetings/new/",
    "/portal/matches/{match}/meetings/{id}/edit/",
    "/portal/matches/{match}/meetings/{id}/delete/",
    "/portal/matches/{id}/check-in/",
    "/portal/matches/{id}/rematch/",
    "/portal/matches/{id}/wheels/",
]


@pytest.mark.parametrize("template", PORTAL_URLS_WITH_IDS)
@pytest.mark.parametrize("huge", [2**63, HUGE_ID])
def test_an_id_beyond_64_bits_in_a_portal_url_is_not_found(client, pair, template, huge):
    client.force_login(pair.newcomer.user)
    response = client.get(template.format(id=huge, match=pair.pk))
    assert response.status_code == 404


ADMIN_URLS_WITH_IDS = [
    "/admin/host-programme/participants/edit/{id}/",
    "/admin/host-programme/participants/invite/{id}/",
    "/admin/host-programme/matches/edit/{id}/",
    "/admin/host-programme/matches/end/{id}/",
    "/admin/host-programme/meetings/inspect/{id}/",
    "/admin/host-programme/check-ins/inspect/{id}/",
    "/admin/host-programme/rematch-requests/resolve/{id}/",
]


@pytest.mark.parametrize("template", ADMIN_URLS_WITH_IDS)
def test_an_id_beyond_64_bits_in_an_admin_url_is_not_found(coordinator_client, template):
    response = coordinator_client.get(template.format(id=HUGE_ID))
    assert response.status_code == 404


def test_marking_a_check_in_beyond_64_bits_followed_up_is_not_found(coordinator_client):
    response = coordinator_client.post(f"/admin/host-programme/check-ins/followed-up/{HUGE_ID}/")
    assert response.status_code == 404


@pytest.mark.parametrize(
    "url",
    [
        "/admin/host-programme/meetings/?match={id}",
        "/admin/host-programme/check-ins/?match={id}",
        "/admin/host-programme/participants/?p={id}",
    ],
)
def test_an_id_beyond_64_bits_in_an_admin_filter_is_ignored(coordinator_client, match, url):
    response = coordinator_client.get(url.format(id=HUGE_ID))
    assert response.status_code == 200


def test_an_activity_idea_id_beyond_64_bits_is_a_message_that_keeps_the_meeting(
    client, pair, activity_ideas
):
    client.force_login(pair.newcomer.user)
    response = client.post(
        f"/portal/matches/{pair.pk}/meetings/new/",
        {
            "date": pair.start_date.isoformat(),
            "duration_minutes": "90",
            "activities": ["coffee"],
            "note": "Walked by the lakes",
            "activity_idea": str(HUGE_ID),
        },
    )
    assert response.status_code == 200
    assert response.context["form"].errors["activity_idea"] == [
        "Select a valid choice. That choice is not one of the available choices."
    ]
    assert "Walked by the lakes" in response.content.decode()


def test_an_activity_idea_in_the_query_string_beyond_64_bits_is_ignored(
    client, pair, activity_ideas
):
    client.force_login(pair.newcomer.user)
    response = client.get(f"/portal/matches/{pair.pk}/meetings/new/?idea={HUGE_ID}")
    assert response.status_code == 200
