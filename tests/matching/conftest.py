"""People who can be matched: newcomers waiting in a track and hosts with free places, with
languages, interests and a field to score."""

import pytest
from wagtail.users.models import UserProfile

from programmes.defaults import first_programme
from programmes.factories import make_coordinator
from programmes.models import Interest, ProfessionalField
from tests.clock import days_ago
from tests.events.conftest import calendar_page, make_event  # noqa: F401 (fixtures)
from tests.factories import HostFactory, NewcomerFactory, UserFactory


def waiting(first_name, days=30, programme=None, kind="culture", **kwargs):
    values = {
        "user__first_name": first_name,
        "programme": programme or first_programme(),
        "wanted_host_kind": kind,
        "waiting_since": days_ago(days),
        "language_skills": [{"language": "es", "level": "native"}],
    }
    return NewcomerFactory(**{**values, **kwargs})


def host(first_name, programme=None, **kwargs):
    values = {
        "user__first_name": first_name,
        "programme": programme or first_programme(),
        "language_skills": [
            {"language": "da", "level": "native"},
            {"language": "es", "level": "fluent"},
        ],
        "capacity": 1,
    }
    return HostFactory(**{**values, **kwargs})


def admin_language(user, language):
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()


@pytest.fixture
def vocabulary(db):
    return {
        "sailing": Interest.objects.create(name_en="Sailing", name_da="Sejlads"),
        "cooking": Interest.objects.create(name_en="Cooking", name_da="Madlavning"),
        "engineering": ProfessionalField.objects.create(
            name_en="Engineering", name_da="Ingeniørarbejde"
        ),
    }


@pytest.fixture
def coordinator(db):
    return make_coordinator(UserFactory(first_name="Karen"))


@pytest.fixture
def coordinator_client(client, coordinator):
    client.force_login(coordinator)
    return client
