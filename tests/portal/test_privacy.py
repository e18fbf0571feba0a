"""Privacy by construction: login, participants only, own data only, CSRF, no caching."""

import datetime

import pytest
from django.test import Client
from django.utils import timezone

from portal.models import CheckIn, Match, Meeting, Participant, RematchRequest
from tests.factories import CheckInFactory, MeetingFactory, UserFactory

pytestmark = pytest.mark.django_db

# Every portal URL without an id, and every one with a match id ({m}) or a meeting id ({x}).
PLAIN_URLS = [
    "/portal/",
    "/portal/meetings/",
    "/portal/check-in/",
    "/portal/wheel/",
    "/portal/profile/",
    "/portal/my-data/",
    "/portal/my-data.json",
]
MATCH_URLS = [
    "/portal/matches/{m}/meetings/",
    "/portal/matches/{m}/meetings/new/",
    "/portal/matches/{m}/check-in/",
    "/portal/matches/{m}/rematch/",
    "/portal/matches/{m}/wheels/",
]
MEETING_URLS = [
    "/portal/matches/{m}/meetings/{x}/edit/",
    "/portal/matches/{m}/meetings/{x}/delete/",
]
POST_URLS = [
    "/portal/matches/{m}/meetings/new/",
    "/portal/matches/{m}/meetings/{x}/edit/",
    "/portal/matches/{m}/meetings/{x}/delete/",
    "/portal/matches/{m}/check-in/",
    "/portal/matches/{m}/rematch/",
    "/portal/wheel/",
    "/portal/profile/",
]


def fill(url, match):
    meeting = match.meetings.get(author=match.newcomer)
    return url.format(m=match.pk, x=meeting.pk)


def all_urls(match):
    return PLAIN_URLS + [fill(url, match) for url in MATCH_URLS + MEETING_URLS]


def test_every_portal_page_sends_anonymous_visitors_to_login_and_back(client, pair):
    for url in all_urls(pair):
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"] == f"/accounts/login/?next={url}", url


def test_danish_portal_pages_send_to_the_danish_login(client, pair):
    response = client.get(f"/da/portal/matches/{pair.pk}/meetings/")
    assert response.status_code == 302
    assert response["Location"] == (
        f"/da/accounts/login/?next=/da/portal/matches/{pair.pk}/meetings/"
    )


def test_every_portal_response_is_private_and_never_stored(client, pair):
    def assert_private(response, url):
        directives = {d.strip() for d in response["Cache-Control"].split(",")}
        assert {"private", "no-store"} <= directives, (url, response["Cache-Control"])

    for url in all_urls(pair):
        assert_private(client.get(url), url)  # the redirect to login too
    client.force_login(pair.newcomer.user)
    for url in all_urls(pair):
        response = client.get(url)
        assert response.status_code in (200, 302), url
        assert_private(response, url)
    client.force_login(UserFactory())
    assert_private(client.get("/portal/"), "/portal/ (not a participant)")


def test_someone_who_is_not_a_participant_gets_a_friendly_refusal(client, pair):
    editor = UserFactory(email="editor@example.com")
    client.force_login(editor)
    for url in all_urls(pair):
        response = client.get(url)
        assert response.status_code == 403, url
        assert "The portal is for participants" in response.content.decode()
        assert pair.host.user.email not in response.content.decode()


@pytest.mark.parametrize("url", MATCH_URLS + MEETING_URLS)
def test_another_participant_gets_404_for_every_url_with_an_id(client, pair, other_pair, url):
    # The other newcomer has a match, meetings and check-ins of their own...
    client.force_login(other_pair.newcomer.user)
    own = fill(url, other_pair)
    assert client.get(own).status_code == 200, own
    # ...but the first pair's ids are simply not found, for reading and for writing.
    target = fill(url, pair)
    response = client.get(target)
    assert response.status_code == 404, target
    assert "no-store" in response["Cache-Control"]
    assert "Page not found" in response.content.decode()
    if url in POST_URLS:
        assert client.post(target, {"reason": "x", "duration_minutes": "60"}).status_code == 404
        assert RematchRequest.objects.count() == 0
        assert pair.meetings.count() == 1


def test_the_partner_cannot_edit_or_delete_a_meeting_they_did_not_log(client, pair):
    meeting = pair.meetings.get(author=pair.newcomer)
    client.force_login(pair.host.user)
    edit = f"/portal/matches/{pair.pk}/meetings/{meeting.pk}/edit/"
    delete = f"/portal/matches/{pair.pk}/meetings/{meeting.pk}/delete/"
    assert client.get(edit).status_code == 404
    changes = {"date": str(meeting.date), "duration_minutes": "60"}
    assert client.post(edit, changes).status_code == 404
    assert client.get(delete).status_code == 404
    assert client.post(delete).status_code == 404
    meeting.refresh_from_db()
    assert meeting.duration_minutes == 120
    # The host still sees it in the shared log, without edit links.
    response = client.get(f"/portal/matches/{pair.pk}/meetings/")
    assert "Coffee at the harbour" in response.content.decode()
    assert edit not in response.content.decode()


def test_csrf_is_enforced_on_every_form(pair):
    csrf_client = Client(enforce_csrf_checks=True)
    csrf_client.force_login(pair.newcomer.user)
    for url in POST_URLS:
        target = fill(url, pair)
        response = csrf_client.post(target, {"reason": "Please", "satisfaction": "3"})
        assert response.status_code == 403, target
    assert RematchRequest.objects.count() == 0
    assert CheckIn.objects.count() == 0
    assert Meeting.objects.count() == 1


def test_extra_fields_posted_to_the_profile_are_ignored(client, pair, other_pair):
    newcomer = pair.newcomer
    client.force_login(newcomer.user)
    response = client.post(
        "/portal/profile/",
        {
            "first_name": "Amira",
            "last_name": "Newcomer",
            "preferred_language": "en",
            "languages": "Arabic, English",
            "wanted_host_kind": "culture",
            # None of these are on the form:
            "role": "host",
            "user": other_pair.newcomer.user.pk,
            "email": "stolen@example.com",
            "is_staff": "on",
            "is_superuser": "on",
            "intake_notes": "overwritten",
            "capacity": "9",
            "match": other_pair.pk,
        },
    )
    assert response.status_code == 302
    newcomer.refresh_from_db()
    newcomer.user.refresh_from_db()
    assert newcomer.languages == "Arabic, English"
    assert newcomer.role == Participant.Role.NEWCOMER
    assert newcomer.user_id == pair.newcomer.user_id
    assert newcomer.user.email != "stolen@example.com"
    assert newcomer.user.is_staff is False
    assert newcomer.user.is_superuser is False
    assert newcomer.intake_notes == ""
    assert newcomer.capacity == 1
    assert list(Match.objects.for_participant(newcomer)) == [pair]


def test_extra_fields_posted_with_a_meeting_are_ignored(client, pair, other_pair):
    client.force_login(pair.newcomer.user)
    response = client.post(
        f"/portal/matches/{pair.pk}/meetings/new/",
        {
            "date": str(timezone.localdate()),
            "duration_minutes": "90",
            "activities": ["cooking"],
            "match": other_pair.pk,
            "author": other_pair.newcomer.pk,
        },
    )
    assert response.status_code == 302
    meeting = Meeting.objects.latest("pk")
    assert meeting.match == pair
    assert meeting.author == pair.newcomer
    assert other_pair.meetings.count() == 1


def test_check_in_answers_are_never_shown_to_the_partner(client, pair):
    CheckInFactory(
        match=pair, participant=pair.newcomer, satisfaction=2, note_for_coordinator="Secret worry"
    )
    CheckInFactory(
        match=pair, participant=pair.host, satisfaction=5, note_for_coordinator="All fine here"
    )
    client.force_login(pair.host.user)
    page = client.get(f"/portal/matches/{pair.pk}/check-in/").content.decode()
    assert "All fine here" in page
    assert "Secret worry" not in page
    client.force_login(pair.newcomer.user)
    page = client.get(f"/portal/matches/{pair.pk}/check-in/").content.decode()
    assert "Secret worry" in page
    assert "All fine here" not in page


def test_an_ended_match_shows_no_contact_details_of_the_former_partner(client, pair):
    Match.objects.filter(pk=pair.pk).update(
        status=Match.Status.COMPLETED, ended_on=timezone.localdate()
    )
    client.force_login(pair.newcomer.user)
    page = client.get("/portal/").content.decode()
    assert "Henrik Host" in page  # the history keeps the name
    assert pair.host.user.email not in page
    assert "+45 55 66 77 88" not in page
    assert "You are waiting for a match" in page


def test_rematch_requests_of_the_partner_are_not_shown(client, pair):
    RematchRequest.objects.create(match=pair, participant=pair.host, reason="Host's own reason")
    client.force_login(pair.newcomer.user)
    page = client.get(f"/portal/matches/{pair.pk}/rematch/").content.decode()
    assert "Host&#x27;s own reason" not in page
    assert "Host's own reason" not in page
    # ...and the newcomer can still ask for one themselves.
    assert 'name="reason"' in page


def test_meetings_of_another_pair_never_appear(client, pair, other_pair):
    MeetingFactory(
        match=other_pair,
        author=other_pair.host,
        date=other_pair.start_date + datetime.timedelta(days=3),
        note="Other pair's private note",
    )
    client.force_login(pair.newcomer.user)
    for url in [f"/portal/matches/{pair.pk}/meetings/", "/portal/", "/portal/my-data.json"]:
        body = client.get(url).content.decode()
        assert "Visited the city library" not in body, url
        assert "private note" not in body, url
        assert "Bilal" not in body, url
