"""Privacy fixtures: a coordinator and an editor (as the admin tests make them), a pair of
participants, and the events fixtures for the sign-up export."""

import pytest
from django.contrib.auth.models import Group
from django.utils import translation

from portal.invitations import mark_email_verified
from programmes.factories import make_coordinator
from tests.events.conftest import calendar_page, make_event  # noqa: F401 (fixtures)
from tests.factories import MatchFactory, UserFactory
from tests.portal.conftest import other_pair, pair  # noqa: F401 (fixtures)
from tests.portal.test_admin import coordinator_client  # noqa: F401 (fixture)


@pytest.fixture(autouse=True)
def english_to_begin_with():
    translation.activate("en")
    yield
    translation.deactivate()


@pytest.fixture
def coordinator(db):
    user = UserFactory(email="coordinator@example.com", first_name="Karen")
    make_coordinator(user)
    return user


@pytest.fixture
def editor(db):
    user = UserFactory(email="editor@example.com", first_name="Erik")
    user.groups.add(Group.objects.get(name="Editors"))
    return user


@pytest.fixture
def match(db):
    match = MatchFactory(
        newcomer__user__first_name="Omar",
        newcomer__user__last_name="Haddad",
        host__user__first_name="Mette",
        host__user__last_name="Holm",
    )
    for person in (match.newcomer, match.host):
        mark_email_verified(person.user)
    return match


@pytest.fixture
def other_match(db):
    return MatchFactory(
        newcomer__user__first_name="Bilal",
        newcomer__user__last_name="Nasser",
        host__user__first_name="Karen",
        host__user__last_name="Dahl",
    )
