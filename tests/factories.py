"""factory_boy factories for users and the portal's participants and matches."""

import datetime

import factory
from django.utils import timezone

from accounts.models import User
from portal.models import (
    CheckIn,
    HostKind,
    Match,
    MatchNote,
    Meeting,
    Participant,
    RematchRequest,
)


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@example.com")
    first_name = factory.Faker("first_name")
    last_name = factory.Faker("last_name")
    preferred_language = "en"
    password = factory.PostGenerationMethodCall("set_password", "demo-host-programme")

    @factory.post_generation
    def save_password(obj, create, extracted, **kwargs):  # noqa: N805
        if create:
            obj.save()


class ParticipantFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Participant

    user = factory.SubFactory(UserFactory)
    role = Participant.Role.NEWCOMER
    languages = "English"
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
    host = factory.SubFactory(HostFactory)
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


class MatchNoteFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MatchNote

    match = factory.SubFactory(MatchFactory)
    text = "Called both; all well."
    channel = MatchNote.Channel.PHONE
