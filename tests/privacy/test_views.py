"""Erasing from the admin (the coordinator) and from the portal (the person), both with a
confirmation screen that says what will happen; never a server error."""

import pytest
from django.utils import translation

from portal.models import Match, Participant
from tests.factories import MatchFactory

pytestmark = pytest.mark.django_db


def erase_url(participant):
    return f"/admin/host-programme/participants/delete/{participant.pk}/"


def test_erasing_a_matched_participant_in_the_admin_is_not_a_server_error(coordinator_client, pair):
    # Before: a plain delete raised ProtectedError (the match points at the participant): 500.
    page = coordinator_client.get(erase_url(pair.newcomer))
    assert page.status_code == 200
    body = page.content.decode()
    assert "What is erased" in body
    assert "1 match, with its dates and kind" in body
    assert "1 active match ends today." in body
    assert "This cannot be undone." in body
    response = coordinator_client.post(erase_url(pair.newcomer))
    assert response.status_code == 302
    participant = Participant.objects.get(pk=pair.newcomer.pk)
    assert participant.is_erased
    assert Match.objects.filter(pk=pair.pk).exists()
    listing = coordinator_client.get(response["Location"]).content.decode()
    assert "Amira Newcomer has been erased." in listing


def test_the_admin_confirmation_is_in_danish(coordinator_client, coordinator, pair):
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(coordinator)
    profile.preferred_language = "da"
    profile.save()
    body = coordinator_client.get(erase_url(pair.newcomer)).content.decode()
    with translation.override("da"):
        assert translation.gettext("This cannot be undone.") in body
    assert "Dette kan ikke fortrydes." in body


def test_a_participant_erases_their_own_data_after_confirming(client, pair):
    client.force_login(pair.newcomer.user)
    page = client.get("/portal/my-data/erase/")
    assert page.status_code == 200
    assert "Your name, email address, phone number" in page.content.decode()
    # Without the tick nothing happens, and the reason is given.
    refused = client.post("/portal/my-data/erase/", {})
    assert refused.status_code == 200
    assert "Tick the box to confirm" in refused.content.decode()
    assert not Participant.objects.get(pk=pair.newcomer.pk).is_erased
    done = client.post("/portal/my-data/erase/", {"confirm": "on"}, follow=True)
    assert done.redirect_chain[-1][0] == "/portal/my-data/erased/"
    assert "Your data has been erased and your account is closed." in done.content.decode()
    assert Participant.objects.get(pk=pair.newcomer.pk).is_erased
    assert client.get("/portal/").status_code == 302  # logged out


def test_the_portal_erasure_speaks_danish(client, pair):
    client.force_login(pair.newcomer.user)
    page = client.get("/da/portal/my-data/erase/").content.decode()
    assert "Slet mine data" in page
    done = client.post("/da/portal/my-data/erase/", {"confirm": "on"}, follow=True)
    assert done.redirect_chain[-1][0] == "/da/portal/my-data/erased/"
    assert "Dine data er slettet" in done.content.decode()


def test_another_participant_is_never_erased_through_the_portal(client, pair, other_pair):
    client.force_login(other_pair.newcomer.user)
    client.post("/portal/my-data/erase/", {"confirm": "on", "participant": pair.newcomer.pk})
    assert not Participant.objects.get(pk=pair.newcomer.pk).is_erased
    assert Participant.objects.get(pk=other_pair.newcomer.pk).is_erased


def test_a_host_with_two_matches_shows_both_in_the_summary(coordinator_client, pair):
    MatchFactory(host=pair.host, kind="career")
    body = coordinator_client.get(erase_url(pair.host)).content.decode()
    assert "2 matches, with their dates and kinds" in body
