"""Erasure: the person's data is gone everywhere, log entries included; the counts reports need
survive; the account cannot log in; the address is free again; never a server error."""

import datetime
import json

import pytest
from allauth.account.models import EmailAddress
from django.apps import apps
from django.core import serializers
from wagtail.log_actions import log
from wagtail.models import ModelLogEntry

from accounts.models import User
from events.models import CalendarFeed, SignUp
from notifications.models import SentReminder
from portal.models import CheckIn, Match, Meeting, Participant, RematchRequest, WheelEntry
from privacy.erasure import erase_participant
from tests.factories import CheckInFactory, MeetingFactory, UserFactory
from tests.portal.conftest import verify_email

pytestmark = pytest.mark.django_db

PASSWORD = "demo-host-programme"


@pytest.fixture
def full_record(pair, make_event, coordinator):
    """The newcomer of ``pair`` with data in every model that can hold some."""
    newcomer = pair.newcomer
    user = newcomer.user
    newcomer.intake_notes = "Chemist from Aleppo; prefers weekends."
    newcomer.save()
    verify_email(user)
    MeetingFactory(match=pair, author=pair.host, note="Amira showed me her lab")
    CheckInFactory(match=pair, participant=newcomer, satisfaction=4, note_for_coordinator="Tired")
    RematchRequest.objects.create(match=pair, participant=newcomer, reason="Time zones")
    WheelEntry.objects.create(participant=newcomer, area="work", importance=5, note="My lab")
    occurrence = make_event().occurrences.get()
    SignUp.objects.create(occurrence=occurrence, user=user, status="confirmed", attended=True)
    CalendarFeed.objects.create(user=user)
    SentReminder.objects.create(key=f"checkin:{pair.pk}:{newcomer.pk}:x", recipient=user.email)
    log(newcomer, "wagtail.edit", user=coordinator)  # label: "Amira Newcomer"
    log(pair, "wagtail.edit", user=coordinator)  # label: "Amira Newcomer & Henrik Host (...)"
    return pair


def database_dump():
    """Every row of every model, as text."""
    models = [m for m in apps.get_models() if m._meta.managed and not m._meta.proxy]
    rows = []
    for model in models:
        rows.append(serializers.serialize("json", model._base_manager.all()))
    return "\n".join(rows)


def test_erasure_leaves_no_trace_of_the_person_anywhere(full_record):
    pair = full_record
    user = pair.newcomer.user
    email = user.email
    dump = database_dump()
    for trace in [email, "Amira", "Aleppo", "+45 11 22 33 44", "Tired", "Time zones", "My lab"]:
        assert trace in dump  # the test data really is there before...
    erase_participant(pair.newcomer)
    dump = database_dump()
    for trace in [email, "Amira", "Aleppo", "+45 11 22 33 44", "Tired", "Time zones", "My lab"]:
        assert trace not in dump, trace  # ...and nowhere after, log entries included
    assert "Amira showed me her lab" not in dump  # the partner's note about the pair too


def test_erasure_keeps_the_anonymous_counts(full_record):
    pair = full_record
    meetings_before = list(
        Meeting.objects.filter(match=pair).values_list("date", "duration_minutes")
    )
    erase_participant(pair.newcomer)
    participant = Participant.objects.get(pk=pair.newcomer.pk)
    assert participant.is_erased
    match = Match.objects.get(pk=pair.pk)
    assert (match.newcomer_id, match.host_id) == (participant.pk, pair.host.pk)
    assert match.status == Match.Status.ENDED_EARLY  # an erased person cannot go on meeting
    assert sorted(Meeting.objects.filter(match=pair).values_list("date", "duration_minutes")) == (
        sorted(meetings_before)
    )
    assert list(CheckIn.objects.filter(participant=participant).values_list("satisfaction")) == [
        (4,)
    ]
    assert list(WheelEntry.objects.filter(participant=participant).values_list("importance")) == [
        (5,)
    ]
    signup = SignUp.objects.get(user=participant.user)
    assert (signup.status, signup.attended) == ("confirmed", True)
    assert ModelLogEntry.objects.count() == 2  # the history stays, without the name
    # The partner is untouched.
    host = Participant.objects.get(pk=pair.host.pk)
    assert (str(host), host.phone) == ("Henrik Host", "+45 55 66 77 88")


def test_the_erased_account_cannot_log_in_and_its_address_is_free(client, full_record):
    user = full_record.newcomer.user
    email = user.email
    assert client.login(email=email, password=PASSWORD)
    erase_participant(full_record.newcomer)
    # Logged out everywhere: the session opened above is gone.
    assert client.get("/portal/").status_code == 302
    assert not client.login(email=email, password=PASSWORD)
    response = client.post("/accounts/login/", {"login": email, "password": PASSWORD})
    assert response.status_code == 200  # the form again, with an error
    assert "_auth_user_id" not in client.session
    assert not EmailAddress.objects.filter(email__iexact=email).exists()
    newcomer_again = UserFactory(email=email)
    assert User.objects.get(email=email) == newcomer_again
    assert not CalendarFeed.objects.filter(user=user).exists()
    assert SentReminder.objects.get().recipient == ""


def test_erasing_twice_is_harmless(full_record):
    erase_participant(full_record.newcomer)
    participant = Participant.objects.get(pk=full_record.newcomer.pk)
    erase_participant(participant)
    assert Participant.objects.get(pk=participant.pk).is_erased


def test_another_pair_is_untouched(full_record, other_pair):
    before = json.dumps(
        [other_pair.newcomer.user.email, other_pair.newcomer.phone, other_pair.newcomer.bio]
    )
    erase_participant(full_record.newcomer)
    other = Participant.objects.select_related("user").get(pk=other_pair.newcomer.pk)
    assert json.dumps([other.user.email, other.phone, other.bio]) == before
    assert other_pair.meetings.get().note == "Visited the city library"


def test_a_public_sign_up_with_the_same_address_is_anonymised_too(pair, make_event):
    occurrence = make_event().occurrences.get()
    SignUp.objects.create(
        occurrence=occurrence, email=pair.newcomer.user.email.upper(), name="Amira N."
    )
    erase_participant(pair.newcomer)
    signup = SignUp.objects.get()
    assert (signup.name, signup.email.endswith("@erased.invalid")) == ("", True)


def test_an_ended_match_keeps_its_end_date(pair):
    Match.objects.filter(pk=pair.pk).update(
        status=Match.Status.COMPLETED, ended_on=pair.start_date + datetime.timedelta(days=10)
    )
    erase_participant(pair.newcomer)
    match = Match.objects.get(pk=pair.pk)
    assert (match.status, match.ended_on) == (
        Match.Status.COMPLETED,
        pair.start_date + datetime.timedelta(days=10),
    )
