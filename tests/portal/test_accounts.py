"""Accounts: coordinators create participants, who set a password from the invitation email
and log in with it, with an emailed sign-in code, or after a password reset."""

import re

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group

from accounts.models import User
from portal.invitations import create_participant_account, send_invitation
from portal.models import Participant
from programmes.defaults import first_programme
from tests.factories import HostFactory, NewcomerFactory, UserFactory

from .conftest import verify_email

pytestmark = pytest.mark.django_db

PASSWORD = "demo-host-programme"


def link_in(body):
    return re.search(r"http://testserver(/\S+)", body).group(1)


@pytest.fixture
def newcomer():
    participant = NewcomerFactory(user__email="omar@example.com", user__first_name="Omar")
    verify_email(participant.user)
    return participant


def test_creating_a_participant_makes_a_verified_account_without_a_password():
    participant = create_participant_account(
        email="Amina@Example.com",
        first_name="Amina",
        last_name="Yusuf",
        preferred_language="da",
        role=Participant.Role.NEWCOMER,
        programme=first_programme(),
        languages="Somali, English",
    )
    user = participant.user
    assert (user.email, user.first_name, user.preferred_language) == (
        "amina@example.com",
        "Amina",
        "da",
    )
    assert user.has_usable_password() is False
    assert user.is_staff is False
    address = EmailAddress.objects.get(user=user)
    assert (address.email, address.verified, address.primary) == ("amina@example.com", True, True)
    assert participant.role == Participant.Role.NEWCOMER


def test_the_invitation_is_in_the_participants_language_and_sets_a_password(
    client, mailoutbox, on_commit
):
    participant = create_participant_account(
        email="amina@example.com",
        first_name="Amina",
        preferred_language="da",
        role=Participant.Role.NEWCOMER,
        programme=first_programme(),
        languages="Somali",
    )
    with on_commit():
        send_invitation(participant)
    participant.refresh_from_db()
    assert participant.invited_at is not None
    [email] = mailoutbox
    assert email.to == ["amina@example.com"]
    assert email.subject == "Velkommen til værtsprogrammet: vælg din adgangskode"
    assert email.body.startswith("Hej Amina")
    link = link_in(email.body)
    assert link.startswith("/da/accounts/password/reset/key/")

    # The link leads to a form (the key moves into the session, out of the URL) ...
    response = client.get(link)
    assert response.status_code == 302
    form_url = response["Location"]
    page = client.get(form_url)
    assert page.status_code == 200
    assert "Vælg din adgangskode" in page.content.decode()
    # ... and choosing a password logs the participant in, onto the Danish portal.
    response = client.post(
        form_url,
        {
            "password1": "Sommer i Aarhus 2025",
            "password2": "Sommer i Aarhus 2025",
            "privacy_notice": "on",  # see tests/privacy/test_consent.py
        },
    )
    assert response.status_code == 302
    assert response["Location"] == "/da/portal/"
    user = User.objects.get(email="amina@example.com")
    assert user.check_password("Sommer i Aarhus 2025")
    assert client.get("/da/portal/").wsgi_request.user == user


def test_an_english_invitation_links_to_the_english_pages(mailoutbox, on_commit):
    host = HostFactory(user__first_name="Mette")
    with on_commit():
        send_invitation(host)
    [email] = mailoutbox
    assert email.subject == "Welcome to the host programme: choose your password"
    assert "Thank you for volunteering as a host!" in email.body
    assert link_in(email.body).startswith("/accounts/password/reset/key/")
    assert "http://testserver/accounts/login/" in email.body


def test_an_used_invitation_link_no_longer_works(client, mailoutbox, on_commit):
    participant = NewcomerFactory()
    with on_commit():
        send_invitation(participant)
    link = link_in(mailoutbox[0].body)
    participant.user.set_password("Another password 123")
    participant.user.save()
    response = client.get(link, follow=True)
    assert "This link no longer works" in response.content.decode()


def test_password_login_lands_on_the_portal_in_the_users_language(client):
    user = verify_email(UserFactory(email="mette@example.com", preferred_language="da"))
    HostFactory(user=user)
    response = client.post("/accounts/login/", {"login": "mette@example.com", "password": PASSWORD})
    assert response.status_code == 302
    assert response["Location"] == "/da/portal/"


def test_login_returns_to_where_the_participant_was_going(client, newcomer):
    response = client.get("/portal/profile/")
    assert response.status_code == 302
    assert response["Location"] == "/accounts/login/?next=/portal/profile/"
    response = client.post(
        "/accounts/login/?next=/portal/profile/",
        {"login": "omar@example.com", "password": PASSWORD, "next": "/portal/profile/"},
    )
    assert response["Location"] == "/portal/profile/"


def test_a_wrong_password_shows_an_error_tied_to_the_form(client, newcomer):
    response = client.post("/accounts/login/", {"login": "omar@example.com", "password": "nope"})
    assert response.status_code == 200
    html = response.content.decode()
    assert 'class="error-summary" role="alert"' in html
    assert response.wsgi_request.user.is_anonymous


def test_the_login_page_labels_its_fields_in_both_languages(client):
    html = client.get("/accounts/login/").content.decode()
    assert "<h1>Log in</h1>" in html
    assert '<label for="id_login">Email' in html
    assert '<label for="id_password">Password' in html
    assert "Email me a sign-in code" in html
    assert 'href="/accounts/password/reset/"' in html
    assert "/accounts/signup/" not in html
    html = client.get("/da/accounts/login/").content.decode()
    assert '<html lang="da">' in html
    assert "<h1>Log ind</h1>" in html
    assert "Send mig en loginkode" in html
    assert 'href="/da/accounts/password/reset/"' in html


def test_sign_in_code_by_email_in_the_users_language(client, mailoutbox):
    user = verify_email(UserFactory(email="mette@example.com", preferred_language="da"))
    HostFactory(user=user)
    response = client.post("/accounts/login/code/", {"email": "mette@example.com"})
    assert response.status_code == 302
    [email] = mailoutbox
    assert email.subject == "Din loginkode til værtsprogrammet"
    code = re.search(r"^([A-Z0-9]{4}-[A-Z0-9]{4})$", email.body, re.MULTILINE).group(1)
    page = client.get(response["Location"])
    assert '<label for="id_code">' in page.content.decode()
    response = client.post(response["Location"], {"code": code})
    assert response.status_code == 302
    assert response["Location"] == "/da/portal/"


def test_a_sign_in_code_for_an_unknown_address_offers_no_sign_up(client, mailoutbox):
    client.post("/accounts/login/code/", {"email": "stranger@example.com"})
    [email] = mailoutbox
    assert email.subject == "About your request to the host programme"
    assert "created by a coordinator" in email.body
    assert "signup" not in email.body


def test_password_reset_email_in_the_users_language(client, mailoutbox):
    user = verify_email(UserFactory(email="mette@example.com", preferred_language="da"))
    response = client.post("/accounts/password/reset/", {"email": "mette@example.com"})
    assert response.status_code == 302
    [email] = mailoutbox
    assert email.subject == "Vælg en ny adgangskode til værtsprogrammet"
    link = link_in(email.body)
    response = client.get(link)
    form_url = response["Location"]
    response = client.post(
        form_url, {"password1": "Nyt kodeord 2025!", "password2": "Nyt kodeord 2025!"}
    )
    user.refresh_from_db()
    assert user.check_password("Nyt kodeord 2025!")


def test_there_is_no_sign_up(client):
    response = client.get("/accounts/signup/")
    assert response.status_code == 200
    assert "There is no sign-up form" in response.content.decode()
    response = client.post(
        "/accounts/signup/",
        {"email": "new@example.com", "password1": "x-Secret-123", "password2": "x-Secret-123"},
    )
    assert not User.objects.filter(email="new@example.com").exists()


def test_coordinators_land_in_the_admin_after_logging_in(client):
    coordinator = verify_email(UserFactory(email="coordinator@example.com"))
    group, _ = Group.objects.get_or_create(name="Coordinators")
    coordinator.groups.add(group)
    response = client.post(
        "/accounts/login/", {"login": "coordinator@example.com", "password": PASSWORD}
    )
    assert response["Location"] == "/admin/"


def test_logout_page_asks_and_logs_out(client, newcomer):
    client.force_login(newcomer.user)
    page = client.get("/da/accounts/logout/")
    assert "<h1>Log ud</h1>" in page.content.decode()
    response = client.post("/accounts/logout/")
    assert response.status_code == 302
    assert client.get("/").wsgi_request.user.is_anonymous


def test_allauths_own_pages_get_the_site_chrome_and_labelled_fields(client, newcomer):
    client.force_login(newcomer.user)
    html = client.get("/da/accounts/password/change/").content.decode()
    assert '<html lang="da">' in html
    assert 'class="skip-link"' in html
    assert '<label for="id_oldpassword">' in html
    assert '<label for="id_password1">' in html
    response = client.post(
        "/accounts/password/change/",
        {
            "oldpassword": "wrong",
            "password1": "Nyt kodeord 2025!",
            "password2": "Nyt kodeord 2025!",
        },
    )
    html = response.content.decode()
    assert 'class="error-summary" role="alert"' in html
    assert 'aria-invalid="true"' in html
