"""The coordinators' review: the queue (scoped, filtered, exported), the answers, the
eligibility flag, accept (participant, consent, invitation, place in line) and decline."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from wagtail.models import ModelLogEntry

from intake.models import Application
from portal.models import Participant
from privacy.models import ConsentRecord, Purpose
from programmes.factories import make_coordinator
from tests.factories import ProgrammeFactory, UserFactory

from .factories import ApplicationFactory, HostApplicationFactory

pytestmark = pytest.mark.django_db


def review_url(application):
    return reverse("intake_applications:review", args=[application.pk])


@pytest.fixture
def coordinator(programme):
    return make_coordinator(UserFactory(first_name="Carla"), programme)


@pytest.fixture
def coordinator_client(client, coordinator):
    client.force_login(coordinator)
    return client


@pytest.fixture
def application(programme, vocabulary):
    application = ApplicationFactory(
        programme=programme,
        first_name="Amira",
        last_name="Haddad",
        email="amira@example.com",
        preferred_language="da",
        language_skills=[
            {"language": "ar", "level": "native"},
            {"language": "es", "level": "conversational"},
        ],
        chosen_field=vocabulary["engineering"],
        professional_field="Civil engineer",
        wanted_host_kind="career",
        availability=["evenings", "weekends"],
        has_children=True,
        consent_language="da",
        consent_given_at=timezone.now() - datetime.timedelta(days=5),
        confirmed_at=timezone.now() - datetime.timedelta(days=4),
    )
    application.chosen_interests.set([vocabulary["sailing"]])
    return application


def test_the_review_shows_every_answer_with_language_names(coordinator_client, application):
    response = coordinator_client.get(review_url(application))
    assert response.status_code == 200
    text = response.content.decode()
    for shown in (
        "Amira Haddad",
        "amira@example.com",
        "Arabic (Native language)",
        "Spanish (Conversational)",
        "Sailing",
        "Engineering; Civil engineer",
        "Evenings, Weekends",
        "Career host",
    ):
        assert shown in text, shown
    assert "Not eligible under the programme" not in text
    # Opening it is in the audit log.
    assert ModelLogEntry.objects.filter(action="privacy.view", object_id=str(application.pk))


def test_an_application_no_longer_eligible_is_flagged(coordinator_client, application, programme):
    programme.postcodes = "3000-3999"  # the rules changed after it was confirmed
    programme.save()
    text = coordinator_client.get(review_url(application)).content.decode()
    assert "Not eligible under the programme" in text
    assert "The programme does not cover this postcode." in text
    listing = coordinator_client.get(reverse("intake_applications:index")).content.decode()
    assert "No longer eligible" in listing


def test_accepting_creates_the_participant_with_every_answer(
    coordinator_client, coordinator, application, mailoutbox, vocabulary
):
    coordinator_client.post(
        review_url(application), {"action": "notes", "interview_notes": "Met her."}
    )
    response = coordinator_client.post(review_url(application), {"action": "accept"})
    assert response.status_code == 302
    application.refresh_from_db()
    assert application.status == Application.Status.ACCEPTED
    assert application.decided_by == coordinator
    participant = application.participant
    user = participant.user
    assert (user.email, user.first_name, user.last_name, user.preferred_language) == (
        "amira@example.com",
        "Amira",
        "Haddad",
        "da",
    )
    assert not user.has_usable_password()
    assert participant.programme == application.programme
    assert participant.role == Participant.Role.NEWCOMER
    assert participant.language_skills == application.language_skills
    assert list(participant.chosen_interests.all()) == [vocabulary["sailing"]]
    assert participant.chosen_field == vocabulary["engineering"]
    assert participant.professional_field == "Civil engineer"
    assert participant.wanted_host_kind == "career"
    assert participant.availability == ["evenings", "weekends"]
    assert participant.has_children and not participant.has_partner
    assert participant.postcode == "2200"
    assert participant.arrived_in_denmark == application.arrived_in_denmark
    assert participant.intake_notes == "Met her."
    # In line from the moment the application was confirmed, not from today.
    assert participant.waiting_since == application.confirmed_at
    # The consent as given with the application, carried to the person.
    consent = ConsentRecord.objects.get(user=user, purpose=Purpose.APPLICATION)
    assert (consent.text_version, consent.language, consent.given_at) == (
        application.consent_version,
        "da",
        application.consent_given_at,
    )
    # The portal invitation, in Danish.
    (mail,) = mailoutbox
    assert mail.to == ["amira@example.com"]
    assert "Vælg din adgangskode her" in mail.body
    assert participant.invited_at is not None
    assert ModelLogEntry.objects.filter(action="intake.accept", object_id=str(application.pk))
    # Decided once: a second accept changes nothing and says so.
    again = coordinator_client.post(review_url(application), {"action": "accept"})
    assert "already been decided" in again.content.decode()
    assert Participant.objects.filter(user__email="amira@example.com").count() == 1


def test_accepting_a_host_copies_what_they_offer(coordinator_client, programme, mailoutbox):
    application = HostApplicationFactory(
        programme=programme,
        offers_career_hosting=True,
        offers_culture_hosting=True,
        capacity=3,
        workplace="Novo",
        lived_abroad=True,
        preferred_language="en",
    )
    coordinator_client.post(review_url(application), {"action": "accept"})
    participant = Application.objects.get(pk=application.pk).participant
    assert participant.role == Participant.Role.HOST
    assert participant.offered_host_kinds == ["career", "culture"]
    assert (participant.capacity, participant.workplace, participant.lived_abroad) == (
        3,
        "Novo",
        True,
    )
    assert participant.waiting_since is None
    assert "Choose your password here" in mailoutbox[0].body


def test_an_address_that_already_has_an_account_is_refused_with_a_message(
    coordinator_client, application, mailoutbox
):
    UserFactory(email="AMIRA@example.com")
    response = coordinator_client.post(review_url(application), {"action": "accept"})
    assert response.status_code == 200
    assert "already has an account" in response.content.decode()
    assert Application.objects.get(pk=application.pk).status == Application.Status.TO_REVIEW
    assert mailoutbox == []


def test_declining_emails_the_reason_in_their_language(coordinator_client, application, mailoutbox):
    empty = coordinator_client.post(review_url(application), {"action": "decline", "reason": "  "})
    assert empty.status_code == 200
    assert Application.objects.get(pk=application.pk).status == Application.Status.TO_REVIEW
    reason = "Vi har ingen erhvervsværter inden for dit fag lige nu."
    coordinator_client.post(review_url(application), {"action": "decline", "reason": reason})
    application.refresh_from_db()
    assert application.status == Application.Status.DECLINED
    assert application.decline_reason == reason
    (mail,) = mailoutbox
    assert mail.to == ["amira@example.com"]
    assert mail.subject == "Din ansøgning til Værtsprogram"
    assert "Koordinatorens begrundelse:" in mail.body and reason in mail.body
    assert not get_user_model().objects.filter(email="amira@example.com").exists()
    assert ModelLogEntry.objects.filter(action="intake.decline", object_id=str(application.pk))


def test_garbage_actions_never_500(coordinator_client, application):
    assert (
        coordinator_client.post(review_url(application), {"action": "explode"}).status_code == 400
    )
    long_notes = coordinator_client.post(
        review_url(application), {"action": "notes", "interview_notes": "x" * 10_000}
    )
    assert long_notes.status_code == 200
    assert "Ensure this value has at most 4000 characters" in long_notes.content.decode()


def test_the_queue_filters_and_hides_unconfirmed(coordinator_client, programme, application):
    HostApplicationFactory(programme=programme, first_name="Henrik")
    ApplicationFactory(
        programme=programme, first_name="Ghost", status="unconfirmed", confirmed_at=None
    )
    ApplicationFactory(
        programme=programme, first_name="Dora", status="declined", wanted_host_kind="culture"
    )
    url = reverse("intake_applications:index")

    def names(**params):
        text = coordinator_client.get(url, params).content.decode()
        return {name for name in ("Amira", "Henrik", "Ghost", "Dora") if name in text}

    assert names() == {"Amira", "Henrik", "Dora"}
    assert names(role="host") == {"Henrik"}
    assert names(status="to_review") == {"Amira", "Henrik"}
    assert names(track="career") == {"Amira"}
    assert names(programme=programme.pk) == {"Amira", "Henrik", "Dora"}


def test_the_export_is_spreadsheet_safe_and_audited(coordinator_client, programme):
    ApplicationFactory(programme=programme, first_name="=HYPERLINK(1)", last_name="Evil")
    response = coordinator_client.get(reverse("intake_applications:index"), {"export": "csv"})
    text = b"".join(response.streaming_content).decode()
    assert "'=HYPERLINK(1)" in text
    assert ModelLogEntry.objects.filter(action="privacy.export").count() == 1


def test_another_programmes_application_is_not_found(client, application):
    other = make_coordinator(UserFactory(), ProgrammeFactory())
    client.force_login(other)
    assert client.get(review_url(application)).status_code == 404
    assert client.post(review_url(application), {"action": "accept"}).status_code == 404
    assert "Amira" not in client.get(reverse("intake_applications:index")).content.decode()
    assert Application.objects.get(pk=application.pk).status == Application.Status.TO_REVIEW


def test_editors_never_see_applications(client, application):
    editor = UserFactory()
    editor.groups.add(Group.objects.get(name="Editors"))
    client.force_login(editor)
    assert client.get(review_url(application)).status_code in (302, 403)
    assert client.get(reverse("intake_applications:index")).status_code in (302, 403)


def test_the_home_page_panel_lists_applications_to_review(coordinator_client, application):
    text = coordinator_client.get("/admin/").content.decode()
    assert "Applications to review" in text
    assert "Amira Haddad" in text and review_url(application) in text


def queries(client, url):
    client.get(url)
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    return len(context.captured_queries)


def test_the_queue_costs_the_same_queries_with_few_and_many_rows(coordinator_client, programme):
    urls = [
        "/admin/",
        reverse("intake_applications:index"),
        reverse("intake_applications:index") + "?export=csv",
    ]
    ApplicationFactory(programme=programme)
    few = {url: queries(coordinator_client, url) for url in urls}
    for _ in range(8):
        ApplicationFactory(programme=programme)
        HostApplicationFactory(programme=programme)
        ApplicationFactory(programme=ProgrammeFactory())
    many = {url: queries(coordinator_client, url) for url in urls}
    assert many == few
