"""Fixtures for the security tests: a participant who can log in, and fresh rate-limit counts."""

import pytest
from django.core.cache import cache

from portal.invitations import mark_email_verified
from tests.factories import NewcomerFactory, UserFactory

PASSWORD = "demo-host-programme"


@pytest.fixture(autouse=True)
def fresh_counts():
    """Rate limits are counted in the cache; every test starts from zero."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def participant(db):
    """A Danish-speaking newcomer with a verified address and the demo password."""
    user = UserFactory(email="omar@example.com", first_name="Omar", preferred_language="da")
    mark_email_verified(user)
    return NewcomerFactory(user=user)


@pytest.fixture
def editor(db):
    user = UserFactory(email="editor@example.com", first_name="Ella", is_superuser=True)
    mark_email_verified(user)
    return user
