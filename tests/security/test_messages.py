"""allauth's messages appear in the language of the page that shows them, in our wording."""

import pytest
from django.contrib.messages import get_messages

from portal.invitations import mark_email_verified
from tests.factories import HostFactory, UserFactory

from .conftest import PASSWORD

pytestmark = pytest.mark.django_db


def shown_messages(response):
    return [str(message) for message in get_messages(response.wsgi_request)]


def test_a_danish_participant_logging_in_on_the_english_page_is_greeted_in_danish(
    client, participant
):
    response = client.post(
        "/accounts/login/", {"login": "omar@example.com", "password": PASSWORD}, follow=True
    )
    assert response.redirect_chain[-1][0] == "/da/portal/"
    assert shown_messages(response) == ["Du er logget ind som Omar."]


def test_an_english_participant_logging_in_on_the_danish_page_is_greeted_in_english(client):
    user = UserFactory(email="mette@example.com", first_name="Mette", preferred_language="en")
    mark_email_verified(user)
    HostFactory(user=user)
    response = client.post(
        "/da/accounts/login/", {"login": "mette@example.com", "password": PASSWORD}, follow=True
    )
    assert response.redirect_chain[-1][0] == "/portal/"
    assert shown_messages(response) == ["You are logged in as Mette."]


def test_logging_in_towards_a_danish_page_greets_in_danish(client, participant):
    response = client.post(
        "/accounts/login/?next=/da/portal/profile/",
        {"login": "omar@example.com", "password": PASSWORD, "next": "/da/portal/profile/"},
    )
    assert response["Location"] == "/da/portal/profile/"
    assert shown_messages(response) == ["Du er logget ind som Omar."]


def test_logging_out_from_a_danish_page_lands_on_the_danish_home_page_in_danish(
    client, participant
):
    client.force_login(participant.user)
    response = client.post("/da/accounts/logout/")
    assert response["Location"] == "/da/"
    assert shown_messages(response) == ["Du er logget ud."]


def test_logging_out_from_an_english_page_says_so_in_english(client, participant):
    client.force_login(participant.user)
    response = client.post("/accounts/logout/")
    assert response["Location"] == "/"
    assert shown_messages(response) == ["You have logged out."]
