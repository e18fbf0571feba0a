"""Every portal email in both languages: each recipient reads it in their own language,
with names as typed (plain text, no HTML escaping) and links to the right language's pages."""

import datetime

import pytest

from portal import services
from portal.invitations import send_invitation
from portal.models import HostKind, Match
from tests.factories import HostFactory, NewcomerFactory, RematchRequestFactory, UserFactory

pytestmark = pytest.mark.django_db

START = datetime.date(2025, 9, 1)


@pytest.fixture
def pair():
    newcomer = NewcomerFactory(
        user__first_name="Siobhán",
        user__last_name="O'Brien",
        user__email="siobhan@example.com",
        user__preferred_language="en",
    )
    host = HostFactory(
        user__first_name="Søren",
        user__last_name="Ærø",
        user__email="soren@example.com",
        user__preferred_language="da",
    )
    return newcomer, host


def to(mailoutbox, address):
    [message] = [m for m in mailoutbox if m.to == [address]]
    return message


def test_match_created_in_each_language(pair, mailoutbox):
    newcomer, host = pair
    services.create_match(newcomer, host, HostKind.CAREER, start_date=START)
    english = to(mailoutbox, "siobhan@example.com")
    assert english.subject == "We have found a host for you"
    assert english.body.startswith("Hello Siobhán,\n")
    assert "Søren will be your career host." in english.body
    assert "The match runs from 1 September 2025 to 1 March 2026." in english.body
    assert "http://testserver/portal/\n" in english.body

    danish = to(mailoutbox, "soren@example.com")
    assert danish.subject == "Du er blevet matchet med en nytilkommen"
    assert danish.body.startswith("Hej Søren\n")
    assert (
        "Du er blevet matchet med Siobhán, som er ny i Danmark, og i jeres match er du "
        "erhvervsvært." in danish.body
    )
    assert "fra 1. september 2025 til 1. marts 2026" in danish.body
    assert "http://testserver/da/portal/\n" in danish.body
    assert "&#x27;" not in english.body + danish.body


def test_match_ended_in_each_language(pair, mailoutbox):
    newcomer, host = pair
    match = services.create_match(newcomer, host, HostKind.CULTURE, START, notify=False)
    services.end_match(match, Match.Status.COMPLETED, ended_on=datetime.date(2026, 3, 1))
    english = to(mailoutbox, "siobhan@example.com")
    assert english.subject == "Your match in the host programme has ended"
    assert "Your match with Søren ended on 1 March 2026." in english.body
    assert "Thank you for the months you spent together" in english.body
    danish = to(mailoutbox, "soren@example.com")
    assert danish.subject == "Dit match i værtsprogrammet er afsluttet"
    assert "Dit match med Siobhán sluttede den 1. marts 2026." in danish.body


def test_rematch_request_goes_to_the_coordinator_in_english_by_default(pair, mailoutbox, settings):
    settings.COORDINATOR_EMAIL = "team@example.com"
    newcomer, host = pair
    match = services.create_match(newcomer, host, HostKind.CULTURE, START, notify=False)
    services.request_rematch(match, host, "Vi har meget forskellige ønsker.")
    email = to(mailoutbox, "team@example.com")
    assert email.subject == "Re-match request from Søren Ærø"
    assert email.body.startswith("Søren Ærø (host) has asked for a re-match in:")
    assert "Vi har meget forskellige ønsker." in email.body


def test_rematch_answer_in_the_participants_language(pair, mailoutbox):
    newcomer, host = pair
    match = services.create_match(newcomer, host, HostKind.CULTURE, START, notify=False)
    request = RematchRequestFactory(match=match, participant=host)
    services.resolve_rematch(request, keep=True, by_user=UserFactory(), note="Vi ringer i morgen.")
    email = to(mailoutbox, "soren@example.com")
    assert email.subject == "Du har fået svar på dit ønske om nyt match"
    assert "dit nuværende match fortsætter" in email.body
    assert "Besked fra koordinatoren:\nVi ringer i morgen." in email.body


def test_invitation_in_each_language(pair, mailoutbox):
    newcomer, host = pair
    send_invitation(newcomer)
    send_invitation(host)
    english = to(mailoutbox, "siobhan@example.com")
    assert english.subject == "Welcome to the Host Programme: choose your password"
    assert "(the link works for 3 days)" in english.body
    assert "You log in with your email address, siobhan@example.com." in english.body
    danish = to(mailoutbox, "soren@example.com")
    assert danish.subject == "Velkommen til værtsprogrammet: vælg din adgangskode"
    assert "Tak fordi du vil være frivillig vært!" in danish.body
    assert "(linket virker i 3 dage)" in danish.body
    assert "http://testserver/da/accounts/login/" in danish.body
