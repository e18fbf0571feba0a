"""The staff audit trail: each staff action on a participant's data is in Wagtail's audit
log with the right user and object, and coordinators (not editors) read it per person."""

import datetime

import pytest
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from django.utils import timezone
from wagtail.models import ModelLogEntry
from wagtail.users.models import UserProfile

from events.models import EventOccurrence
from events.services import sign_up
from portal.models import Match, Participant, RematchRequest
from privacy import audit
from tests.factories import CheckInFactory, MeetingFactory, RematchRequestFactory

pytestmark = pytest.mark.django_db


def entries(action, model=None):
    found = ModelLogEntry.objects.filter(action=action).order_by("pk")
    if model is not None:
        found = found.filter(content_type=ContentType.objects.get_for_model(model))
    return list(found)


def about(entry_list):
    return sorted((e.content_type.model, e.object_id) for e in entry_list)


def test_opening_a_participants_details_is_logged(client, coordinator, match):
    client.force_login(coordinator)
    url = f"/admin/host-programme/participants/edit/{match.newcomer.pk}/"
    assert client.get(url).status_code == 200
    [entry] = entries(audit.VIEWED)
    assert (entry.user, entry.object_id, entry.label) == (
        coordinator,
        str(match.newcomer.pk),
        "Omar Haddad",
    )
    assert entry.content_type.model_class() is Participant
    assert entry.message == "Opened the details"


def test_inspecting_a_meeting_or_check_in_is_logged(client, coordinator, match):
    meeting = MeetingFactory(match=match, author=match.newcomer)
    check_in = CheckInFactory(match=match, participant=match.host)
    client.force_login(coordinator)
    assert client.get(f"/admin/host-programme/meetings/inspect/{meeting.pk}/").status_code == 200
    assert client.get(f"/admin/host-programme/check-ins/inspect/{check_in.pk}/").status_code == 200
    assert about(entries(audit.VIEWED)) == [
        ("checkin", str(check_in.pk)),
        ("meeting", str(meeting.pk)),
    ]
    assert {e.user for e in entries(audit.VIEWED)} == {coordinator}


@pytest.mark.parametrize(
    "listing",
    ["participants", "matches", "meetings", "check-ins", "rematch-requests"],
)
@pytest.mark.parametrize("export_format", ["csv", "xlsx"])
def test_every_export_is_logged_for_each_participant_in_it(
    client, coordinator, match, other_match, listing, export_format
):
    MeetingFactory(match=match, author=match.newcomer)
    CheckInFactory(match=match, participant=match.newcomer)
    RematchRequestFactory(match=match, participant=match.newcomer)
    client.force_login(coordinator)
    response = client.get(f"/admin/host-programme/{listing}/?export={export_format}")
    assert response.status_code == 200
    b"".join(response.streaming_content) if response.streaming else response.content

    exported = entries(audit.EXPORTED)
    assert exported, listing
    assert {e.user for e in exported} == {coordinator}
    assert len({e.uuid for e in exported}) == 1  # one download, one uuid
    people = {e.object_id for e in exported}
    assert all(e.content_type.model_class() is Participant for e in exported)
    in_the_pair = {str(match.newcomer.pk), str(match.host.pk)}
    if listing in ("participants", "matches"):
        assert people == in_the_pair | {str(other_match.newcomer.pk), str(other_match.host.pk)}
    else:  # only the first pair has meetings, check-ins and re-match requests
        assert people == in_the_pair
    assert exported[0].data["format"] == export_format


def test_a_filtered_export_logs_only_the_people_in_it(client, coordinator, match, other_match):
    client.force_login(coordinator)
    response = client.get(f"/admin/host-programme/meetings/?export=csv&match={match.pk}")
    b"".join(response.streaming_content)
    assert entries(audit.EXPORTED) == []  # no meetings at all: nobody's data went out
    MeetingFactory(match=other_match, author=other_match.host)
    response = client.get(f"/admin/host-programme/meetings/?export=csv&match={other_match.pk}")
    b"".join(response.streaming_content)
    assert {e.object_id for e in entries(audit.EXPORTED)} == {
        str(other_match.newcomer.pk),
        str(other_match.host.pk),
    }
    [entry] = [e for e in entries(audit.EXPORTED) if e.object_id == str(other_match.host.pk)]
    assert entry.message == "Exported in a list of meetings (CSV, 1 row)"


def test_the_event_sign_ups_csv_is_logged(client, coordinator, match, make_event):
    event = make_event()
    occurrence = EventOccurrence.objects.get(event=event)
    sign_up(occurrence, match.newcomer.user, notify=False)
    client.force_login(coordinator)
    response = client.get(reverse("event_dates:export", args=[occurrence.pk]))
    assert response.status_code == 200
    assert about(entries(audit.EXPORTED)) == sorted(
        [("eventoccurrence", str(occurrence.pk)), ("participant", str(match.newcomer.pk))]
    )
    assert {e.user for e in entries(audit.EXPORTED)} == {coordinator}


def test_creating_editing_and_ending_a_match_is_logged(client, coordinator, match, other_match):
    client.force_login(coordinator)
    other_match.delete()
    newcomer, host = other_match.newcomer, other_match.host
    today = timezone.localdate()
    response = client.post(
        "/admin/host-programme/matches/new/",
        {
            "newcomer": newcomer.pk,
            "host": host.pk,
            "kind": other_match.kind,
            "start_date": today.isoformat(),
            "end_date": (today + datetime.timedelta(days=180)).isoformat(),
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    new_match = Match.objects.get(newcomer=newcomer, host=host)
    [created] = entries("wagtail.create", Match)
    assert (created.user, created.object_id) == (coordinator, str(new_match.pk))

    response = client.post(
        f"/admin/host-programme/matches/edit/{new_match.pk}/",
        {
            "start_date": today.isoformat(),
            "end_date": (today + datetime.timedelta(days=200)).isoformat(),
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    [edited] = entries("wagtail.edit", Match)
    assert (edited.user, edited.object_id) == (coordinator, str(new_match.pk))

    response = client.post(
        f"/admin/host-programme/matches/end/{new_match.pk}/",
        {"status": Match.Status.ENDED_EARLY, "end_reason": "Moved away", "ended_on": today},
    )
    assert response.status_code == 302
    [ended] = entries(audit.MATCH_ENDED)
    assert (ended.user, ended.object_id) == (coordinator, str(new_match.pk))
    assert ended.message == "Ended the match"


def test_resolving_a_rematch_request_is_logged(client, coordinator, match):
    request = RematchRequestFactory(match=match, participant=match.newcomer)
    client.force_login(coordinator)
    response = client.post(
        f"/admin/host-programme/rematch-requests/resolve/{request.pk}/",
        {"decision": "end", "note": ""},
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    request.refresh_from_db()
    assert request.status == RematchRequest.Status.REMATCHED
    [resolved] = entries(audit.REMATCH_RESOLVED)
    assert (resolved.user, resolved.object_id) == (coordinator, str(request.pk))
    [ended] = entries(audit.MATCH_ENDED)
    assert (ended.user, ended.object_id) == (coordinator, str(match.pk))


def test_the_audit_log_of_a_participant_shows_only_entries_about_them(
    client, coordinator, match, other_match
):
    client.force_login(coordinator)
    client.get(f"/admin/host-programme/participants/edit/{match.newcomer.pk}/")
    client.get(f"/admin/host-programme/participants/edit/{other_match.newcomer.pk}/")
    client.get(f"/admin/host-programme/matches/edit/{match.pk}/")
    client.get(f"/admin/host-programme/matches/edit/{other_match.pk}/")

    url = f"/admin/privacy/participants/{match.newcomer.pk}/audit/"
    edit_page = client.get(f"/admin/host-programme/participants/edit/{match.newcomer.pk}/")
    assert url in edit_page.content.decode()
    shown = list(audit.entries_about(match.newcomer))
    assert about(shown) == [
        ("match", str(match.pk)),
        ("participant", str(match.newcomer.pk)),
        ("participant", str(match.newcomer.pk)),
    ]
    response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    assert html.count("Opened the details") == 3
    assert "Omar Haddad" in html
    assert "Bilal" not in html  # the other pair's entries are not listed
    assert "Karen" in html  # who did it


def test_the_audit_log_is_paginated(client, coordinator, match):
    for _ in range(55):
        audit.log_view(match.newcomer, user=coordinator)
    client.force_login(coordinator)
    url = f"/admin/privacy/participants/{match.newcomer.pk}/audit/"
    first = client.get(url).content.decode()
    second = client.get(url + "?p=2").content.decode()
    assert first.count("Opened the details") == 50
    assert second.count("Opened the details") == 5


def test_editors_cannot_read_the_audit_log(client, editor, match):
    audit.log_view(match.newcomer, user=editor)
    client.force_login(editor)
    url = f"/admin/privacy/participants/{match.newcomer.pk}/audit/"
    for path in (url, url.replace("audit/", "audit/results/")):
        response = client.get(path, follow=True)  # Wagtail sends the refused to the dashboard
        assert response.redirect_chain == [("/admin/", 302)]
        html = response.content.decode()
        assert "Sorry, you do not have permission to access this area." in html
        assert "Opened the details" not in html


def test_the_audit_actions_have_danish_labels(client, coordinator, match):
    audit.log_view(match.newcomer, user=coordinator)
    profile = UserProfile.get_for_user(coordinator)
    profile.preferred_language = "da"
    profile.save()
    client.force_login(coordinator)
    html = client.get(f"/admin/privacy/participants/{match.newcomer.pk}/audit/").content.decode()
    assert "Åbnede oplysningerne" in html
