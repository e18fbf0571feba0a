"""Consents: given when a participant accepts their invitation, listed in the portal,
withdrawn there with immediate effect, and visible to coordinators in the admin."""

import re

import pytest
from django.conf import settings

from portal.invitations import create_participant_account, send_invitation
from portal.models import Participant
from privacy import consent
from privacy.models import ConsentRecord, Purpose
from programmes.defaults import first_programme

pytestmark = pytest.mark.django_db

PASSWORD = "Sommer i Aarhus 2025"


def link_in(body):
    return re.search(r"https?://[^/\s]+(/\S+)", body).group(1)


def invitation_form(client, mailoutbox, on_commit, language="da"):
    participant = create_participant_account(
        email="amina@example.com",
        first_name="Amina",
        preferred_language=language,
        role=Participant.Role.NEWCOMER,
        programme=first_programme(),
    )
    with on_commit():
        send_invitation(participant)
    response = client.get(link_in(mailoutbox[-1].body))
    return participant, response["Location"]


def test_accepting_the_invitation_requires_the_privacy_notice_and_records_it(
    client, mailoutbox, on_commit
):
    participant, form_url = invitation_form(client, mailoutbox, on_commit)
    page = client.get(form_url).content.decode()
    assert "Jeg har læst privatlivserklæringen" in page
    assert 'href="/da/privatliv/"' in page

    # Not ticked: the form says why, keeps the person on it, and no password is set.
    response = client.post(form_url, {"password1": PASSWORD, "password2": PASSWORD})
    assert response.status_code == 200
    assert "Læs privatlivserklæringen, og sæt kryds for at bekræfte, at du har læst den." in (
        response.content.decode()
    )
    participant.user.refresh_from_db()
    assert not participant.user.has_usable_password()
    assert not ConsentRecord.objects.exists()

    response = client.post(
        form_url, {"password1": PASSWORD, "password2": PASSWORD, "privacy_notice": "on"}
    )
    assert response.status_code == 302
    assert response["Location"] == "/da/portal/"
    [record] = ConsentRecord.objects.all()
    assert (record.user, record.purpose, record.text_version, record.language) == (
        participant.user,
        Purpose.PRIVACY_NOTICE,
        consent.PRIVACY_NOTICE_VERSION,
        "da",
    )
    assert record.withdrawn_at is None
    assert consent.has_consent(participant.user, Purpose.PRIVACY_NOTICE)


def test_someone_who_has_acknowledged_the_notice_is_not_asked_again(client, mailoutbox, on_commit):
    participant, form_url = invitation_form(client, mailoutbox, on_commit, language="en")
    consent.give_consent(participant.user, Purpose.PRIVACY_NOTICE)
    page = client.get(form_url).content.decode()
    assert "I have read the privacy notice" not in page
    response = client.post(form_url, {"password1": PASSWORD, "password2": PASSWORD})
    assert response.status_code == 302
    assert ConsentRecord.objects.count() == 1


def test_a_new_version_of_the_notice_is_asked_for_again(match, monkeypatch):
    user = match.newcomer.user
    consent.give_consent(user, Purpose.PRIVACY_NOTICE)
    assert not consent.needs_privacy_notice(user)
    monkeypatch.setitem(
        consent.PURPOSE_TEXTS,
        Purpose.PRIVACY_NOTICE,
        consent.PURPOSE_TEXTS[Purpose.PRIVACY_NOTICE].__class__(
            purpose=Purpose.PRIVACY_NOTICE,
            version="2027-01-1",
            explanation="",
            withdrawal_effect="",
        ),
    )
    monkeypatch.setattr(consent, "PRIVACY_NOTICE_VERSION", "2027-01-1")
    assert consent.needs_privacy_notice(user)
    consent.give_consent(user, Purpose.PRIVACY_NOTICE)
    assert list(ConsentRecord.objects.active().values_list("text_version", flat=True)) == [
        "2027-01-1",
        "2026-11-1",
    ]


def test_giving_the_same_consent_twice_keeps_the_first_record(match):
    user = match.host.user
    first = consent.give_consent(user, Purpose.PRIVACY_NOTICE)
    again = consent.give_consent(user, Purpose.PRIVACY_NOTICE)
    assert again.pk == first.pk
    assert ConsentRecord.objects.count() == 1


def test_the_privacy_notice_is_public_in_both_languages(client):
    english = client.get("/privacy/")
    danish = client.get("/da/privatliv/")
    assert english.status_code == danish.status_code == 200
    assert "<h1>Privacy notice</h1>" in english.content.decode()
    assert "<h1>Privatlivserklæring</h1>" in danish.content.decode()
    assert consent.PRIVACY_NOTICE_VERSION in danish.content.decode()


def test_the_portal_lists_only_the_persons_own_consents(client, match, other_match):
    consent.give_consent(match.newcomer.user, Purpose.PRIVACY_NOTICE, language="en")
    consent.give_consent(other_match.newcomer.user, Purpose.PRIVACY_NOTICE)
    consent.withdraw_consent(other_match.newcomer.user, Purpose.PRIVACY_NOTICE)
    client.force_login(match.newcomer.user)
    html = client.get("/portal/privacy/").content.decode()
    assert html.count("<tr>") == 2  # the heading and the one record
    assert "I have read the privacy notice" in html
    assert 'href="/portal/privacy/privacy_notice/withdraw/"' in html
    assert "Withdrawn" not in html  # the other person's withdrawal is not shown


def test_withdrawing_asks_first_then_takes_effect_at_once(client, match, mailoutbox, on_commit):
    user = match.newcomer.user
    consent.give_consent(user, Purpose.PRIVACY_NOTICE)
    client.force_login(user)

    # The confirmation page explains honestly what it means, and changes nothing yet.
    page = client.get("/portal/privacy/privacy_notice/withdraw/").content.decode()
    assert "It does not delete anything" in page
    assert "If you want your data erased, erase it yourself under »My data«" in page
    assert consent.has_consent(user, Purpose.PRIVACY_NOTICE)

    with on_commit():
        response = client.post("/portal/privacy/privacy_notice/withdraw/")
    assert response.status_code == 302
    assert response["Location"] == "/portal/privacy/"
    # At once: the consent no longer counts ...
    assert not consent.has_consent(user, Purpose.PRIVACY_NOTICE)
    [record] = ConsentRecord.objects.all()
    assert record.withdrawn_at is not None
    # ... the coordinator has been told ...
    [email] = mailoutbox
    assert email.to == [settings.COORDINATOR_EMAIL]
    assert email.subject == "Omar Haddad has withdrawn a consent"
    assert f"/admin/host-programme/participants/edit/{match.newcomer.pk}/" in email.body
    # ... the portal shows it and offers to confirm the notice again ...
    html = client.get("/portal/privacy/").content.decode()
    assert "Withdrawn " in html
    assert 'action="/portal/privacy/privacy_notice/give/"' in html
    # ... and choosing a password asks for the notice again.
    assert consent.needs_privacy_notice(user)


def test_withdrawing_what_was_never_given_is_not_found(client, match):
    client.force_login(match.newcomer.user)
    assert client.get("/portal/privacy/privacy_notice/withdraw/").status_code == 404
    assert client.post("/portal/privacy/privacy_notice/withdraw/").status_code == 404
    assert client.get("/portal/privacy/no_such_purpose/withdraw/").status_code == 404


def test_a_participant_can_confirm_the_notice_in_the_portal(client, match):
    user = match.host.user
    client.force_login(user)
    html = client.get("/da/portal/privacy/").content.decode()
    assert "Privatliv og samtykke" in html
    response = client.post("/da/portal/privacy/privacy_notice/give/")
    assert response.status_code == 302
    [record] = ConsentRecord.objects.all()
    assert (record.user, record.language) == (user, "da")


def test_coordinators_see_a_participants_consents_and_editors_do_not(
    client, coordinator, editor, match
):
    consent.give_consent(match.newcomer.user, Purpose.PRIVACY_NOTICE, language="da")
    consent.withdraw_consent(match.newcomer.user, Purpose.PRIVACY_NOTICE)
    url = f"/admin/privacy/participants/{match.newcomer.pk}/consents/"

    client.force_login(coordinator)
    edit_page = client.get(f"/admin/host-programme/participants/edit/{match.newcomer.pk}/")
    assert url in edit_page.content.decode()
    html = client.get(url).content.decode()
    assert html.count("<td>I have read the privacy notice</td>") == 1
    assert f"<td>{consent.PRIVACY_NOTICE_VERSION}</td>" in html
    assert "<td>da</td>" in html
    assert "<td>–</td>" not in html  # shown as withdrawn

    client.force_login(editor)
    response = client.get(url, follow=True)  # Wagtail sends the refused to the dashboard
    assert response.redirect_chain == [("/admin/", 302)]
    assert "I have read the privacy notice" not in response.content.decode()
