"""The account pages the portal does not use are closed: a participant's login address is the
coordinator's to change, and passwords are chosen through an emailed link."""

import pytest

pytestmark = pytest.mark.django_db

CLOSED = [
    "/accounts/email/",
    "/da/accounts/email/",
    "/accounts/reauthenticate/",
    "/accounts/password/set/",
]


@pytest.mark.parametrize("path", CLOSED)
def test_unused_account_pages_are_not_found(client, participant, path):
    client.force_login(participant.user)
    assert client.get(path).status_code == 404


def test_a_participant_cannot_change_their_login_address_or_make_the_site_email_anyone(
    client, participant, mailoutbox
):
    client.force_login(participant.user)
    response = client.post("/accounts/email/", {"action_add": "", "email": "stranger@example.com"})
    assert response.status_code == 404
    assert mailoutbox == []
    participant.user.refresh_from_db()
    assert participant.user.email == "omar@example.com"


@pytest.mark.parametrize(
    "path", ["/accounts/login/", "/accounts/password/reset/", "/accounts/login/code/"]
)
def test_the_account_pages_the_portal_uses_stay_open(client, path):
    assert client.get(path).status_code == 200
