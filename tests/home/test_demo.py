"""The demo command refuses where the settings do not allow demo content. (What it builds is
tested in tests/demo/, on a demo loaded once per session.)"""

from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from wagtail.models import Page

from home.models import HomePage


def test_refuses_without_permission_and_creates_nothing(db, settings):
    settings.DEMO_CONTENT_ALLOWED = False
    pages_before = Page.objects.count()

    with pytest.raises(CommandError, match="Refusing to load demo content"):
        call_command("load_demo", stdout=StringIO())

    assert Page.objects.count() == pages_before
    assert not HomePage.objects.exists()
    assert not get_user_model().objects.exists()
