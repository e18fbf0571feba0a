"""Fixtures for the roles tests: the events fixtures, for a date with sign-ups."""

from tests.events.conftest import calendar_page, make_event  # noqa: F401 (fixtures)
