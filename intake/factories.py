"""factory_boy factories for applications, used by the tests and the demo."""

import datetime

import factory
from django.utils import timezone

from portal.models import HostKind, Participant
from privacy.consent import APPLICATION_CONSENT_VERSION
from programmes.defaults import first_programme

from .models import Application
from .services import hash_token


class ApplicationFactory(factory.django.DjangoModelFactory):
    """A confirmed newcomer's application waiting for review (``status``, ``role`` and the
    answers can be given)."""

    class Meta:
        model = Application
        skip_postgeneration_save = True

    programme = factory.LazyFunction(first_programme)
    role = Participant.Role.NEWCOMER
    status = Application.Status.TO_REVIEW
    first_name = factory.Faker("first_name")
    last_name = factory.Faker("last_name")
    email = factory.Sequence(lambda n: f"applicant{n}@example.com")
    phone = "+45 12 34 56 78"
    preferred_language = "en"
    arrived_in_denmark = factory.LazyFunction(
        lambda: timezone.localdate() - datetime.timedelta(days=200)
    )
    postcode = "2200"
    area = "Copenhagen"
    language_skills = factory.LazyFunction(lambda: [{"language": "en", "level": "fluent"}])
    wanted_host_kind = HostKind.CULTURE
    availability = factory.LazyFunction(lambda: ["evenings"])
    bio = "I like long walks."
    consent_version = APPLICATION_CONSENT_VERSION
    consent_language = "en"
    consent_given_at = factory.LazyFunction(timezone.now)
    token_hash = factory.Sequence(lambda n: hash_token(f"token-{n}"))
    confirmed_at = factory.LazyFunction(timezone.now)


class HostApplicationFactory(ApplicationFactory):
    role = Participant.Role.HOST
    arrived_in_denmark = None
    wanted_host_kind = ""
    offers_culture_hosting = True
    capacity = 1
    workplace = "A company"
