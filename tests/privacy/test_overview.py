"""The data-protection officer's page: generated from the registry, for coordinators only,
in English and Danish; and the same as Markdown from a command."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.test import override_settings

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

URL = "/admin/personal-data/"


def test_coordinators_see_every_category_with_purpose_and_retention(coordinator_client):
    response = coordinator_client.get(URL)
    assert response.status_code == 200
    body = response.content.decode()
    for text in [
        "Participant profile",
        "Intake notes",
        "Finding a good match, and contact between the two people in a match.",
        "Event sign-ups",
        "Audit log",
        "Erased 730 days after the person&#x27;s last match ends.",
    ]:
        assert text in body, text


@override_settings(PRIVACY_RETENTION_DAYS_AFTER_LAST_MATCH=1)
def test_the_retention_shown_follows_the_setting(coordinator_client):
    body = coordinator_client.get(URL).content.decode()
    assert "Erased 1 day after the person&#x27;s last match ends." in body


def test_the_page_is_in_danish_for_a_danish_coordinator(coordinator_client, coordinator):
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(coordinator)
    profile.preferred_language = "da"
    profile.save()
    body = coordinator_client.get(URL).content.decode()
    assert "Deltagerprofil" in body


def test_editors_and_participants_are_refused(client, pair):
    from django.contrib.auth.models import Group

    editor = UserFactory()
    editor.groups.add(Group.objects.get(name="Editors"))
    client.force_login(editor)
    assert client.get(URL).status_code in (302, 403)
    client.force_login(pair.newcomer.user)
    assert client.get(URL).status_code in (302, 403)


def test_the_command_prints_the_same_overview_as_markdown():
    out = StringIO()
    call_command("personal_data_register", stdout=out)
    text = out.getvalue()
    assert text.startswith("# Personal data held by the programme")
    assert "## Participant profile" in text
    out = StringIO()
    call_command("personal_data_register", language="da", stdout=out)
    assert "## Deltagerprofil" in out.getvalue()
