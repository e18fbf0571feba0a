"""The waiting line, proposals and direct matches: a programme with a short waiting line and a
host with a free place (these fixtures replace the matching tests' helpers of the same names)."""

import pytest

from portal.models import HostKind
from programmes.factories import make_coordinator
from tests.clock import days_ago  # noqa: F401 (the line's tests import it from here)
from tests.factories import HostFactory, NewcomerFactory, ProgrammeFactory, UserFactory


@pytest.fixture
def programme(db):
    return ProgrammeFactory(name_en="Harbour Programme", name_da="Havneprogrammet")


@pytest.fixture
def newcomer(programme):
    return NewcomerFactory(
        programme=programme,
        user__first_name="Siobhán",
        user__last_name="O'Brien",
        user__email="siobhan@example.com",
        user__preferred_language="en",
        phone="+45 11 22 33 44",
        wanted_host_kind=HostKind.CULTURE,
        waiting_since=days_ago(30),
        language_skills=[
            {"language": "es", "level": "native"},
            {"language": "da", "level": "basic"},
        ],
        area="Frederiksberg",
        professional_field="Engineering",
    )


@pytest.fixture
def host(programme):
    return HostFactory(
        programme=programme,
        user__first_name="Søren",
        user__last_name="Ærøskøbing",
        user__email="soren@example.com",
        user__preferred_language="da",
        phone="+45 55 66 77 88",
        area="Valby",
    )


@pytest.fixture
def coordinator(programme):
    return make_coordinator(UserFactory(first_name="Carla"), programme)
