"""The i18n tests render real pages and emails, with the events tests' calendar fixtures."""

from tests.events.conftest import (  # noqa: F401  (fixtures, found by name)
    calendar_page,
    danish_newcomer,
    empty_cache,
    english_to_begin_with,
    make_event,
    newcomer,
)
