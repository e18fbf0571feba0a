from tests.events.conftest import (  # noqa: F401 (fixtures shared with the events tests)
    calendar_page,
    empty_cache,
    english_to_begin_with,
    make_event,
)
from tests.home.conftest import guide  # noqa: F401
