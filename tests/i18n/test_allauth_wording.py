"""allauth's own messages that the site shows are in the glossary's Danish, not allauth's
(»Loggede succesfuldt ind med …«, »Password ændret med success.«): accounts/allauth_wording.py
lists them and the project's catalogue translates them."""

import re
from pathlib import Path

import allauth
import polib
import pytest
from django.utils import translation

from accounts.allauth_wording import ALLAUTH_MESSAGES
from portal.invitations import create_participant_account, send_invitation
from portal.models import Participant
from programmes.defaults import first_programme
from tests.factories import HostFactory, UserFactory
from tests.portal.conftest import verify_email

from .test_catalogue_wording import glossary_violations

PASSWORD = "Sommer i Aarhus 2025"

# What the site says in Danish, for each of allauth's messages it can show.
DANISH = {
    "Password": "Adgangskode",
    "Remember Me": "Husk mig",
    "The email address and/or password you specified are not correct.": (
        "E-mailadressen eller adgangskoden er forkert."
    ),
    "Too many failed login attempts. Try again later.": (
        "Der har været for mange forsøg på at logge ind. Prøv igen senere."
    ),
    "This account is currently inactive.": "Denne konto er lukket.",
    "Be patient, you are sending too many requests.": (
        "Du har sendt for mange forespørgsler. Vent lidt, og prøv igen."
    ),
    "The email address is not assigned to any user account.": (
        "Der er ingen konto med denne e-mailadresse."
    ),
    "Code": "Kode",
    "Incorrect code.": "Koden er forkert.",
    "New Password": "Ny adgangskode",
    "New Password (again)": "Gentag den nye adgangskode",
    "You must type the same password each time.": "Skriv den samme adgangskode i begge felter.",
    "The password reset token was invalid.": (
        "Linket til at vælge en ny adgangskode virker ikke længere."
    ),
    "Change Password": "Skift adgangskode",
    "Current Password": "Nuværende adgangskode",
    "Please type your current password.": "Skriv din nuværende adgangskode.",
    "Successfully signed in as %(name)s.": "Du er logget ind som %(name)s.",
    "You have signed out.": "Du er logget ud.",
    "Password successfully changed.": "Din adgangskode er ændret.",
    "Password successfully set.": "Din adgangskode er gemt.",
    "Confirmation email sent to %(email)s.": "Vi har sendt et bekræftelseslink til %(email)s.",
    "A sign-in code has been sent to %(recipient)s.": (
        "Vi har sendt en loginkode til %(recipient)s."
    ),
    "Unable to confirm %(email)s because it is already confirmed by a different account.": (
        "%(email)s kunne ikke bekræftes: adressen hører allerede til en anden konto."
    ),
    "Your primary email address must be verified.": "Du skal først bekræfte din e-mailadresse.",
}

ALLAUTH_DANISH = {
    entry.msgid: entry.msgstr
    for entry in polib.pofile(
        str(Path(allauth.__file__).parent / "locale/da/LC_MESSAGES/django.po")
    )
}


def test_every_listed_message_has_its_danish_wording_here():
    assert set(ALLAUTH_MESSAGES) == set(DANISH)


@pytest.mark.parametrize("msgid", ALLAUTH_MESSAGES)
def test_each_allauth_message_renders_in_the_glossarys_danish(msgid):
    assert msgid in ALLAUTH_DANISH  # still allauth's own wording, so the override applies
    with translation.override("da"):
        danish = translation.gettext(msgid)
    assert danish == DANISH[msgid]
    assert glossary_violations(danish) == []


def test_allauths_own_danish_is_what_the_overrides_replace():
    """The check above compares with our wording, not allauth's: these differ."""
    replaced = [msgid for msgid in ALLAUTH_MESSAGES if ALLAUTH_DANISH[msgid] != DANISH[msgid]]
    assert "Successfully signed in as %(name)s." in replaced
    assert "Password successfully changed." in replaced
    assert "The password reset token was invalid." in replaced


def visible(response):
    return " ".join(re.sub(r"<[^>]+>", " ", response.content.decode()).split())


@pytest.fixture
def danish_host():
    user = verify_email(UserFactory(email="mette@example.com", preferred_language="da"))
    user.set_password(PASSWORD)
    user.save()
    HostFactory(user=user)
    return user


@pytest.mark.django_db
def test_a_wrong_password_in_danish(client, danish_host):
    page = visible(client.get("/da/accounts/login/"))
    assert "Adgangskode" in page
    assert "Husk mig" in page
    response = client.post(
        "/da/accounts/login/", {"login": "mette@example.com", "password": "forkert"}
    )
    assert "E-mailadressen eller adgangskoden er forkert." in visible(response)


@pytest.mark.django_db
def test_a_wrong_sign_in_code_in_danish(client, danish_host, mailoutbox):
    response = client.post("/da/accounts/login/code/", {"email": "mette@example.com"})
    confirm_url = response["Location"]
    assert "Kode" in visible(client.get(confirm_url))
    response = client.post(confirm_url, {"code": "AAAA-AAAA"})
    assert "Koden er forkert." in visible(response)


@pytest.mark.django_db
def test_changing_the_password_in_danish(client, danish_host):
    client.force_login(danish_host)
    page = visible(client.get("/da/accounts/password/change/"))
    for words in ("Skift adgangskode", "Nuværende adgangskode", "Ny adgangskode"):
        assert words in page
    assert "Gentag den nye adgangskode" in page
    response = client.post(
        "/da/accounts/password/change/",
        {"oldpassword": "forkert", "password1": "Vinter i Odense 7", "password2": "x"},
    )
    assert "Skriv din nuværende adgangskode." in visible(response)


@pytest.mark.django_db
def test_choosing_two_different_passwords_in_danish(client, mailoutbox, on_commit):
    participant = create_participant_account(
        email="amina@example.com",
        first_name="Amina",
        preferred_language="da",
        role=Participant.Role.NEWCOMER,
        programme=first_programme(),
    )
    with on_commit():
        send_invitation(participant)
    link = re.search(r"https?://[^/\s]+(/\S+)", mailoutbox[0].body).group(1)
    form_url = client.get(link)["Location"]
    response = client.post(
        form_url, {"password1": PASSWORD, "password2": "Noget andet", "privacy_notice": "on"}
    )
    assert "Skriv den samme adgangskode i begge felter." in visible(response)


@pytest.mark.django_db
def test_an_invitation_link_used_twice_in_danish(client, mailoutbox, on_commit):
    participant = create_participant_account(
        email="amina@example.com",
        first_name="Amina",
        preferred_language="da",
        role=Participant.Role.NEWCOMER,
        programme=first_programme(),
    )
    with on_commit():
        send_invitation(participant)
    link = re.search(r"https?://[^/\s]+(/\S+)", mailoutbox[0].body).group(1)
    bad_link = link.rstrip("/")[:-3] + "zzz/"
    page = visible(client.get(bad_link, follow=True))
    assert "Linket virker ikke længere" in page
