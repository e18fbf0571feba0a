"""A match proposal's life: both people emailed in their language, a short profile without
contact details that only the two of them see, accept by both starts the match, a decline
returns the newcomer to the same place and tells the coordinator, the coordinator withdraws."""

import pytest
from django.core.exceptions import ValidationError
from wagtail.models import ModelLogEntry

from matching import proposals, waiting
from matching.models import MatchProposal
from portal.models import HostKind, Match
from tests.factories import HostFactory, NewcomerFactory

from .conftest import days_ago

pytestmark = pytest.mark.django_db


def to(mailoutbox, address):
    [message] = [m for m in mailoutbox if m.to == [address]]
    return message


@pytest.fixture
def proposal(newcomer, host, coordinator, on_commit):
    with on_commit():
        return proposals.propose(
            newcomer=newcomer, host=host, kind=HostKind.CULTURE, score=7, by_user=coordinator
        )


def test_both_people_are_emailed_in_their_language(proposal, mailoutbox, coordinator):
    english = to(mailoutbox, "siobhan@example.com")
    assert english.subject == "We would like to introduce you to a host"
    assert english.body.startswith("Hello Siobhán,\n")
    assert "Søren could be your culture host." in english.body
    assert f"http://testserver/portal/proposals/{proposal.pk}/\n" in english.body
    assert "Harbour Programme" in english.body  # signed by the programme
    assert "Ærøskøbing" not in english.body and "soren@example.com" not in english.body

    danish = to(mailoutbox, "soren@example.com")
    assert danish.subject == "Vi vil gerne præsentere dig for en nytilkommen"
    assert danish.body.startswith("Hej Søren\n")
    assert f"http://testserver/da/portal/proposals/{proposal.pk}/\n" in danish.body
    assert "Havneprogrammet" in danish.body
    assert "O'Brien" not in danish.body and "siobhan@example.com" not in danish.body
    entry = ModelLogEntry.objects.get(action="matching.propose")
    assert entry.user == coordinator and entry.object_id == str(proposal.pk)


def test_the_profile_page_shows_no_contact_details(client, proposal, newcomer, host):
    client.force_login(host.user)
    html = client.get(f"/portal/proposals/{proposal.pk}/").content.decode()
    assert "A proposed match: Siobhán" in html
    assert "Spanish (native language)" in html and "Danish (a little)" in html
    assert "Frederiksberg" in html and "Engineering" in html
    for private in ("O&#x27;Brien", "O'Brien", "siobhan@example.com", "11 22 33 44"):
        assert private not in html

    client.force_login(newcomer.user)
    html = client.get(f"/da/portal/proposals/{proposal.pk}/").content.decode()
    assert "Forslag til match: Søren" in html
    assert (
        "Ærøskøbing" not in html and "soren@example.com" not in html and "55 66 77 88" not in html
    )


def test_the_dashboard_shows_the_pending_proposal(client, proposal, host):
    client.force_login(host.user)
    html = client.get("/portal/").content.decode()
    assert "A proposed match: Siobhán" in html
    assert f'href="/portal/proposals/{proposal.pk}/"' in html


def test_another_participant_gets_404(client, proposal, programme):
    for other in (NewcomerFactory(programme=programme), HostFactory(programme=programme)):
        client.force_login(other.user)
        assert client.get(f"/portal/proposals/{proposal.pk}/").status_code == 404
        assert client.post(f"/portal/proposals/{proposal.pk}/").status_code == 404
        assert client.post(f"/portal/proposals/{proposal.pk}/decline/").status_code == 404
    proposal.refresh_from_db()
    assert proposal.is_pending and not proposal.newcomer_answer and not proposal.host_answer


def test_accept_by_both_starts_the_match_with_contact_details(
    client, proposal, newcomer, host, mailoutbox, on_commit
):
    mailoutbox.clear()
    client.force_login(newcomer.user)
    with on_commit():
        response = client.post(f"/portal/proposals/{proposal.pk}/", follow=True)
    assert "We will tell you as soon as the other person answers" in response.content.decode()
    assert not Match.objects.exists() and mailoutbox == []

    client.force_login(host.user)
    with on_commit():
        response = client.post(f"/da/portal/proposals/{proposal.pk}/")
    assert response.status_code == 302
    proposal.refresh_from_db()
    match = Match.objects.get()
    assert proposal.status == MatchProposal.Status.ACCEPTED and proposal.match == match
    assert (match.newcomer, match.host, match.kind) == (newcomer, host, HostKind.CULTURE)
    newcomer.refresh_from_db()
    assert newcomer.waiting_since is None
    assert to(mailoutbox, "siobhan@example.com").subject == "We have found a host for you"
    client.force_login(newcomer.user)
    html = client.get("/portal/").content.decode()
    assert "soren@example.com" in html and "55 66 77 88" in html


def test_a_second_answer_by_the_same_person_is_refused(proposal, newcomer):
    proposals.answer(proposal, newcomer, accept=True)
    with pytest.raises(ValidationError):
        proposals.answer(proposal, newcomer, accept=False)


def test_decline_returns_the_newcomer_to_the_same_place_and_tells_the_coordinator(
    client, proposal, newcomer, host, programme, mailoutbox, on_commit
):
    NewcomerFactory(programme=programme, waiting_since=days_ago(40))
    NewcomerFactory(programme=programme, waiting_since=days_ago(10))
    since = newcomer.waiting_since
    assert waiting.place_in_line(newcomer) == 2
    mailoutbox.clear()
    client.force_login(host.user)
    # Decline asks for a confirmation first.
    page = client.get(f"/portal/proposals/{proposal.pk}/decline/").content.decode()
    assert "Are you sure you do not want to meet Siobhán?" in page
    with on_commit():
        response = client.post(
            f"/portal/proposals/{proposal.pk}/decline/", {"reason": "I move to Aarhus in May."}
        )
    assert response.status_code == 302
    proposal.refresh_from_db()
    assert proposal.status == MatchProposal.Status.DECLINED
    assert proposal.host_answer == MatchProposal.Answer.DECLINED
    assert proposal.decline_reason == "I move to Aarhus in May."
    newcomer.refresh_from_db()
    assert newcomer.waiting_since == since and waiting.place_in_line(newcomer) == 2
    assert not Match.objects.exists()

    coordinator_mail = to(mailoutbox, programme.contact_email)
    assert "Søren Ærøskøbing (host) has declined" in coordinator_mail.body
    assert "I move to Aarhus in May." in coordinator_mail.body
    kind_words = to(mailoutbox, "siobhan@example.com")
    assert "will not go ahead this time" in kind_words.body
    assert "says nothing about you" in kind_words.body
    assert "You keep your place in the waiting line" in kind_words.body
    assert "Aarhus" not in kind_words.body  # the reason is for the coordinator only


def test_a_decline_reason_too_long_keeps_what_was_typed(client, proposal, host):
    client.force_login(host.user)
    text = "Nej tak. " * 200
    response = client.post(f"/portal/proposals/{proposal.pk}/decline/", {"reason": text})
    assert response.status_code == 200
    assert "Nej tak. Nej tak." in response.content.decode()
    proposal.refresh_from_db()
    assert proposal.is_pending


def test_the_coordinator_withdraws_a_pending_proposal(
    client, proposal, coordinator, mailoutbox, on_commit
):
    mailoutbox.clear()
    client.force_login(coordinator)
    listing = client.get("/admin/host-programme/proposals/").content.decode()
    assert "Siobhán O&#x27;Brien &amp; Søren Ærøskøbing" in listing
    with on_commit():
        response = client.post(f"/admin/host-programme/proposals/withdraw/{proposal.pk}/")
    assert response.status_code == 302
    proposal.refresh_from_db()
    assert proposal.status == MatchProposal.Status.WITHDRAWN
    assert sorted(m.to[0] for m in mailoutbox) == ["siobhan@example.com", "soren@example.com"]
    assert ModelLogEntry.objects.filter(action="matching.proposal_withdraw").exists()
    with pytest.raises(ValidationError):
        proposals.answer(proposal, proposal.newcomer, accept=True)
