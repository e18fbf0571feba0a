"""The portal's demo builder on its own, in a database without the rest of the demo (only the
programmes its people belong to, which load_demo builds first): it is idempotent, and refused
where demo content is not allowed. (What the whole demo builds is
tested in tests/demo/, on a demo loaded once per session.)"""

from io import StringIO

import pytest
from allauth.account.models import EmailAddress
from django.core.exceptions import ImproperlyConfigured
from django.core.management import CommandError, call_command

from accounts.models import User
from portal import demo
from portal.models import CheckIn, Match, Meeting, Participant, RematchRequest, WheelEntry
from programmes import demo as programmes_demo

pytestmark = pytest.mark.django_db

DEMO_EMAILS = [
    "coordinator@example.com",
    "newcomer@example.com",
    "host@example.com",
    "newcomer2@example.com",
    "host2@example.com",
    "waiting@example.com",
]


def counts():
    return {
        model.__name__: model.objects.count()
        for model in (
            User,
            EmailAddress,
            Participant,
            Match,
            Meeting,
            CheckIn,
            RematchRequest,
            WheelEntry,
        )
    }


def test_the_builder_alone_is_idempotent():
    programmes_demo.build(StringIO())
    demo.build(StringIO())
    first = counts()
    demo.build(StringIO())
    assert counts() == first


def test_refused_where_demo_content_is_not_allowed(settings):
    settings.DEMO_CONTENT_ALLOWED = False
    with pytest.raises(ImproperlyConfigured):
        demo.build(StringIO())
    with pytest.raises(CommandError):
        call_command("load_demo", stdout=StringIO())
    assert not User.objects.filter(email__in=DEMO_EMAILS).exists()
