from tests.events.conftest import calendar_page, english_to_begin_with, make_event  # noqa: F401
from tests.portal.conftest import other_pair, pair  # noqa: F401
from tests.portal.test_admin import coordinator, coordinator_client  # noqa: F401
