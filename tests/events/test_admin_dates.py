"""The coordinators' event-date listing shows each date as a date, in the admin's language;
a future date used to read "Just now"."""

import pytest
from wagtail.users.models import UserProfile

from programmes.factories import make_coordinator
from tests.factories import UserFactory

from .conftest import local

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "language, shown", [("en", "5 Dec 2030 17:00"), ("da", "5. dec. 2030 17.00")]
)
def test_event_dates_read_as_dates_in_each_language(client, make_event, language, shown):
    make_event(title_en="Winter market", start=local(2030, 12, 5, 17))
    coordinator = UserFactory()
    make_coordinator(coordinator)
    profile = UserProfile.get_for_user(coordinator)
    profile.preferred_language = language
    profile.save()
    client.force_login(coordinator)
    html = client.get("/admin/event-dates/").content.decode()
    assert shown in html
    assert "Just now" not in html and "Lige nu" not in html
