"""factory_boy factories for the portal's participants and matches, used by the tests and by
the demo (which runs without the tests, so they live here and tests/factories.py re-exports
them)."""

import datetime

import factory
from django.utils import timezone

from accounts.factories import UserFactory
from portal.models import (
    CheckIn,
    HostKind,
    Match,
    MatchNote,
    Meeting,
    Participant,
    RematchRequest,
    WheelEntry,
)
from programmes.defaults import first_programme


class ParticipantFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Participant

    user = factory.SubFactory(UserFactory)
    # Everyone is in the same first programme unless a test says otherwise.
    programme = factory.LazyFunction(first_programme)
    role = Participant.Role.NEWCOMER
    languages = "English"
    language_skills = factory.LazyFunction(lambda: [{"language": "en", "level": "fluent"}])
    interests = "Cooking, hiking"
    professional_field = "Engineering"
    area = "Copenhagen"
    bio = factory.Faker("sentence")


class NewcomerFactory(ParticipantFactory):
    role = Participant.Role.NEWCOMER
    arrived_in_denmark = factory.LazyFunction(
        lambda: timezone.localdate() - datetime.timedelta(days=200)
    )
    wanted_host_kind = HostKind.CULTURE


class HostFactory(ParticipantFactory):
    role = Participant.Role.HOST
    offers_career_hosting = True
    offers_culture_hosting = True
    capacity = 1


class MatchFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Match

    newcomer = factory.SubFactory(NewcomerFactory)
    host = factory.SubFactory(HostFactory, programme=factory.SelfAttribute("..newcomer.programme"))
    programme = factory.SelfAttribute("newcomer.programme")
    kind = HostKind.CULTURE
    start_date = factory.LazyFunction(lambda: timezone.localdate() - datetime.timedelta(days=40))


class MeetingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Meeting

    match = factory.SubFactory(MatchFactory)
    author = factory.SelfAttribute("match.newcomer")
    date = factory.LazyAttribute(lambda o: o.match.start_date + datetime.timedelta(days=7))
    duration_minutes = 120
    activities = factory.LazyFunction(lambda: ["coffee"])


class CheckInFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CheckIn

    match = factory.SubFactory(MatchFactory)
    participant = factory.SelfAttribute("match.newcomer")
    satisfaction = 4
    wants_to_continue = True


class RematchRequestFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = RematchRequest

    match = factory.SubFactory(MatchFactory)
    participant = factory.SelfAttribute("match.newcomer")
    reason = "We rarely find time that suits us both."


class WheelEntryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = WheelEntry

    participant = factory.SubFactory(ParticipantFactory)
    area = "family"
    importance = 3


class MatchNoteFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MatchNote

    match = factory.SubFactory(MatchFactory)
    text = "Called both; all well."
    channel = MatchNote.Channel.PHONE
