"""The programmes' demo builder on its own, in a database without the rest of the demo: it
makes the two programmes with their staff, a second run changes nothing, and it is refused
where demo content is not allowed. (The whole demo is tested in tests/demo/.)"""

from io import StringIO

import pytest
from django.core.exceptions import ImproperlyConfigured

from accounts import role_sync
from accounts.models import User
from programmes import demo
from programmes.models import Programme, SuccessCriterion, Track

pytestmark = pytest.mark.django_db

STAFF = ["coordinator@example.com", "coordinator2@example.com", "lead@example.com"]


def counts():
    return {
        model.__name__: model.objects.count()
        for model in (User, Programme, Track, SuccessCriterion, Programme.coordinators.through)
    }


def test_the_builder_alone_is_idempotent_and_puts_an_edited_programme_back():
    role_sync.sync()
    demo.build(StringIO())
    first = counts()
    assert first["Programme"] == 2
    assert first["Track"] == 3
    assert first["SuccessCriterion"] == 9
    mentor = Programme.objects.get(slug="career-mentor-programme")
    mentor.name_da = "Et andet navn"
    mentor.save()
    mentor.coordinators.add(User.objects.get(email="coordinator@example.com"))

    demo.build(StringIO())

    assert counts() == first
    mentor.refresh_from_db()
    assert mentor.name_da == "Karrierementorprogram"
    assert [u.email for u in mentor.coordinators.all()] == ["coordinator2@example.com"]


def test_refused_where_demo_content_is_not_allowed(settings):
    settings.DEMO_CONTENT_ALLOWED = False
    with pytest.raises(ImproperlyConfigured):
        demo.build(StringIO())
    assert not User.objects.filter(email__in=STAFF).exists()
    assert not Programme.objects.filter(slug="career-mentor-programme").exists()
