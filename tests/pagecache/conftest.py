"""Fixtures for the page cache tests: the public pages of tests/home and tests/events."""

import pytest

from tests.events.conftest import (  # noqa: F401 (fixtures)
    calendar_page,
    empty_cache,
    english_to_begin_with,
    make_event,
    newcomer,
)
from tests.home.conftest import content_page, guide  # noqa: F401 (fixtures)


@pytest.fixture
def anonymous(client):
    return client
