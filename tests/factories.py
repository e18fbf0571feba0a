"""factory_boy factories for users and the portal's participants and matches."""

import datetime

import factory
from django.utils import timezone

from accounts.models import User
from portal.models import CheckIn, HostKind, Match, Meeting, Participant, RematchRequest
from programmes.defaults import first_programme
from programmes.models import Programme, SuccessCriterion, Track


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


class ProgrammeFactory(factory.django.DjangoModelFactory):
    """A programme with career and culture tracks and two success criteria (``tracks=[...]``
    of (kind, English, Danish) and ``criteria=[...]`` of (English, Danish, target) replace
    them)."""

    class Meta:
        model = Programme
        skip_postgeneration_save = True

    name_en = factory.Sequence(lambda n: f"Programme {n}")
    name_da = factory.Sequence(lambda n: f"Program {n}")
    description_en = "A programme for newcomers."
    description_da = "Et program for nytilkomne."
    slug = factory.Sequence(lambda n: f"programme-{n}")
    contact_name = "Pia Programme"
    contact_email = factory.Sequence(lambda n: f"programme{n}@example.com")

    @factory.post_generation
    def tracks(obj, create, extracted, **kwargs):  # noqa: N805
        if not create:
            return
        tracks = (
            extracted
            if extracted is not None
            else [
                (HostKind.CAREER, "Career host", "Erhvervsvært"),
                (HostKind.CULTURE, "Culture host", "Kulturvært"),
            ]
        )
        for order, (kind, english, danish) in enumerate(tracks):
            Track.objects.create(
                programme=obj, sort_order=order, kind=kind, name_en=english, name_da=danish
            )

    @factory.post_generation
    def criteria(obj, create, extracted, **kwargs):  # noqa: N805
        if not create:
            return
        criteria = (
            extracted
            if extracted is not None
            else [
                ("Feeling included", "At føle sig inkluderet", 70),
                ("Wanting to stay", "Ønsket om at blive", 50),
            ]
        )
        for order, (english, danish, target) in enumerate(criteria):
            SuccessCriterion.objects.create(
                programme=obj,
                sort_order=order,
                name_en=english,
                name_da=danish,
                target_percent=target,
            )


class ParticipantFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Participant

    user = factory.SubFactory(UserFactory)
    # Everyone is in the same first programme unless a test says otherwise.
    programme = factory.LazyFunction(first_programme)
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
