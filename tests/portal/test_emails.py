"""Every portal email in both languages: each recipient reads it in their own language,
with names as typed (plain text, no HTML escaping) and links to the right language's pages."""

import datetime

import pytest
from django.db import transaction

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


def test_match_created_in_each_language(pair, mailoutbox, on_commit):
    newcomer, host = pair
    with on_commit():
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
    assert "fra den 1. september 2025 til den 1. marts 2026" in danish.body
    assert "http://testserver/da/portal/\n" in danish.body
    assert "&#x27;" not in english.body + danish.body


def test_match_ended_in_each_language(pair, mailoutbox, on_commit):
    newcomer, host = pair
    match = services.create_match(newcomer, host, HostKind.CULTURE, START, notify=False)
    with on_commit():
        services.end_match(match, Match.Status.COMPLETED, ended_on=datetime.date(2026, 3, 1))
    english = to(mailoutbox, "siobhan@example.com")
    assert english.subject == "Your match in the host programme has ended"
    assert "Your match with Søren ended on 1 March 2026." in english.body
    assert "Thank you for the months you spent together" in english.body
    danish = to(mailoutbox, "soren@example.com")
    assert danish.subject == "Dit match i værtsprogrammet er afsluttet"
    assert "Dit match med Siobhán sluttede den 1. marts 2026." in danish.body


def test_rematch_request_goes_to_the_coordinator_in_english_by_default(
    pair, mailoutbox, settings, on_commit
):
    settings.COORDINATOR_EMAIL = "team@example.com"
    newcomer, host = pair
    match = services.create_match(newcomer, host, HostKind.CULTURE, START, notify=False)
    with on_commit():
        services.request_rematch(match, host, "Vi har meget forskellige ønsker.")
    email = to(mailoutbox, "team@example.com")
    assert email.subject == "Re-match request from Søren Ærø"
    assert email.body.startswith("Søren Ærø (host) has asked for a re-match. The match:")
    assert "Vi har meget forskellige ønsker." in email.body


def test_rematch_answer_in_the_participants_language(pair, mailoutbox, on_commit):
    newcomer, host = pair
    match = services.create_match(newcomer, host, HostKind.CULTURE, START, notify=False)
    request = RematchRequestFactory(match=match, participant=host)
    with on_commit():
        services.resolve_rematch(
            request, keep=True, by_user=UserFactory(), note="Vi ringer i morgen."
        )
    email = to(mailoutbox, "soren@example.com")
    assert email.subject == "Du har fået svar på dit ønske om nyt match"
    assert "dit nuværende match fortsætter" in email.body
    assert "Besked fra koordinatoren:\nVi ringer i morgen." in email.body


def test_invitation_in_each_language(pair, mailoutbox, on_commit):
    newcomer, host = pair
    with on_commit():
        send_invitation(newcomer)
        send_invitation(host)
    english = to(mailoutbox, "siobhan@example.com")
    assert english.subject == "Welcome to the host programme: choose your password"
    assert "(the link works for 3 days)" in english.body
    assert "You log in with your email address, siobhan@example.com." in english.body
    danish = to(mailoutbox, "soren@example.com")
    assert danish.subject == "Velkommen til værtsprogrammet: vælg din adgangskode"
    assert "Tak, fordi du vil være frivillig vært!" in danish.body
    assert "(linket virker i 3 dage)" in danish.body
    assert "http://testserver/da/accounts/login/" in danish.body


class Abandoned(Exception):
    pass


def rolled_back(action):
    """Run ``action`` in a transaction that then rolls back."""
    try:
        with transaction.atomic():
            action()
            raise Abandoned
    except Abandoned:
        pass


@pytest.mark.parametrize(
    "action",
    [
        "create_match",
        "end_match",
        "request_rematch",
        "resolve_rematch",
        "send_invitation",
    ],
)
def test_a_change_rolled_back_sends_no_email(pair, mailoutbox, on_commit, action):
    newcomer, host = pair
    match = services.create_match(newcomer, host, HostKind.CULTURE, START, notify=False)
    request = RematchRequestFactory(match=match, participant=host)
    other_newcomer = NewcomerFactory(wanted_host_kind=HostKind.CAREER)
    actions = {
        "create_match": lambda: services.create_match(other_newcomer, host, HostKind.CAREER),
        "end_match": lambda: services.end_match(match, Match.Status.COMPLETED),
        "request_rematch": lambda: services.request_rematch(match, newcomer, "No time."),
        "resolve_rematch": lambda: services.resolve_rematch(request, keep=False, by_user=None),
        "send_invitation": lambda: send_invitation(newcomer),
    }
    host.capacity = 2
    host.save()
    with on_commit():
        rolled_back(actions[action])
    assert mailoutbox == []
    # ... while the same change, committed, is emailed.
    match.refresh_from_db()
    request.refresh_from_db()
    with on_commit():
        actions[action]()
    assert len(mailoutbox) >= 1


def test_emails_to_a_pair_give_their_programmes_contact_person(mailoutbox, on_commit):
    from programmes.factories import ProgrammeFactory

    mentors = ProgrammeFactory(
        contact_name="Mads Mentor",
        contact_email="mentors@example.com",
        contact_phone="+45 70 10 20 30",
    )
    newcomer = NewcomerFactory(
        programme=mentors, user__email="nadia@example.com", user__preferred_language="en"
    )
    host = HostFactory(
        programme=mentors, user__email="henrik@example.com", user__preferred_language="da"
    )
    with on_commit():
        services.create_match(newcomer, host, HostKind.CAREER, start_date=START)
    english = to(mailoutbox, "nadia@example.com").body
    danish = to(mailoutbox, "henrik@example.com").body
    assert (
        "Questions before then? Write to Mads Mentor, the programme's contact person, at "
        "mentors@example.com. Phone: +45 70 10 20 30.\n" in english
    )
    assert (
        "Spørgsmål inden da? Skriv til Mads Mentor, programmets kontaktperson, på "
        "mentors@example.com. Telefon: +45 70 10 20 30.\n" in danish
    )
