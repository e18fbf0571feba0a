"""A programme (three years in Denmark at most, postcodes 1000-2999) with its public page and
two application forms, newcomers and hosts, in English and Danish."""

import datetime

import pytest
from django.core.cache import cache
from django.test import Client, TestCase
from django.utils import timezone

from home.models import ProgrammePage
from intake.models import ApplicationFormPage
from portal.models import Participant
from programmes.models import Interest, ProfessionalField
from tests.factories import ProgrammeFactory


def publish(parent, page):
    parent.add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


@pytest.fixture(autouse=True)
def fresh_cache():
    """Rate limits and resend cooldowns live in the cache: each test starts without any."""
    cache.clear()
    yield
    cache.clear()


class CommittingClient(Client):
    """A test client whose every request ends as a committed transaction would: what the
    request deferred with ``transaction.on_commit`` (the emails) runs when it returns (the
    test's own transaction never commits)."""

    def request(self, **request):
        with TestCase.captureOnCommitCallbacks(execute=True):
            return super().request(**request)


@pytest.fixture
def client():
    return CommittingClient()


@pytest.fixture
def programme(db):
    return ProgrammeFactory(
        name_en="Host Programme",
        name_da="Værtsprogram",
        max_years_in_denmark=3,
        postcodes="1000-2999",
    )


@pytest.fixture
def programme_page(home_page, programme):
    return publish(
        home_page,
        ProgrammePage(
            title_en="The host programme",
            title_da="Værtsprogrammet",
            slug_en="host-programme",
            slug_da="vaertsprogrammet",
            programme=programme,
        ),
    )


@pytest.fixture
def form_page(programme_page, programme):
    return publish(
        programme_page,
        ApplicationFormPage(
            title_en="Apply as a newcomer",
            title_da="Ansøg som nytilkommen",
            slug_en="apply",
            slug_da="ansoeg",
            programme=programme,
            role=Participant.Role.NEWCOMER,
            thank_you_en="<p>Thank you for applying.</p>",
            thank_you_da="<p>Tak for din ansøgning.</p>",
            alternatives_en=(
                '<p>Try <a href="https://example.com/language">the language café</a>.</p>'
            ),
            alternatives_da='<p>Prøv <a href="https://example.com/language">sprogcaféen</a>.</p>',
        ),
    )


@pytest.fixture
def host_form_page(programme_page, programme):
    return publish(
        programme_page,
        ApplicationFormPage(
            title_en="Become a host",
            title_da="Bliv vært",
            slug_en="become-a-host",
            slug_da="bliv-vaert",
            programme=programme,
            role=Participant.Role.HOST,
        ),
    )


@pytest.fixture
def vocabulary(db):
    return {
        "sailing": Interest.objects.create(name_en="Sailing", name_da="Sejlads"),
        "cooking": Interest.objects.create(name_en="Cooking", name_da="Madlavning"),
        "engineering": ProfessionalField.objects.create(
            name_en="Engineering", name_da="Ingeniørarbejde"
        ),
    }


def years_ago(years, today=None):
    today = today or timezone.localdate()
    return today.replace(year=today.year - years)


def newcomer_answers(**changes):
    """What a newcomer types into the form (POST data)."""
    data = {
        "first_name": "Amira",
        "last_name": "Haddad",
        "email": "amira@example.com",
        "phone": "+45 12 34 56 78",
        "preferred_language": "da",
        "arrived_in_denmark": (timezone.localdate() - datetime.timedelta(days=400)).isoformat(),
        "postcode": "2200",
        "area": "Nørrebro",
        "language_1": "ar",
        "level_1": "native",
        "language_2": "en",
        "level_2": "fluent",
        "interests": "Chess",
        "professional_field": "Civil engineer",
        "education": "MSc",
        "wanted_host_kind": "career",
        "availability": ["evenings", "weekends"],
        "has_partner": "on",
        "bio": "I moved here with my husband last year.",
        "consent": "on",
        "website": "",
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}
