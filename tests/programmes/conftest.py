"""Fixtures for the programmes tests: the events fixtures, for dates of one programme or
shared by all."""

from tests.events.conftest import calendar_page, make_event  # noqa: F401 (fixtures)
