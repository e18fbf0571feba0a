"""The events fixtures, for sign-ups and host courses."""

from tests.events.conftest import calendar_page, make_event  # noqa: F401 (fixtures)
