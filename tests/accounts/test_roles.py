"""Roles declared once in code (accounts/roles.py) and the command that keeps the groups in
line with them: created from nothing, hand-made changes undone and reported, idempotent, run by
itself after migrate; editors hold nothing on participant data."""

from io import StringIO

import pytest
from django.apps import apps
from django.contrib.auth.models import Group, Permission
from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command
from wagtail.models import GroupCollectionPermission, GroupPagePermission, Page

from accounts import role_sync, roles
from privacy import registry
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def model_permissions(group):
    return {
        f"{p.content_type.app_label}.{p.codename}"
        for p in group.permissions.select_related("content_type")
    }


def page_permissions(group):
    return {
        (row.page.depth, row.permission.codename)
        for row in GroupPagePermission.objects.filter(group=group).select_related(
            "page", "permission"
        )
    }


def collection_permissions(group):
    return {
        (
            row.collection.depth,
            f"{row.permission.content_type.app_label}.{row.permission.codename}",
        )
        for row in GroupCollectionPermission.objects.filter(group=group).select_related(
            "collection", "permission__content_type"
        )
    }


def made(changes):
    """What a sync changed, as text; warnings (skipped permissions) left out."""
    return [str(change) for change in changes if change.action != role_sync.SKIPPED]


def sync_roles(*args):
    out = StringIO()
    call_command("sync_roles", *args, stdout=out)
    return out.getvalue()


def assert_in_line(role):
    group = Group.objects.get(name=role.group_name)
    assert model_permissions(group) == set(role.permissions)
    assert page_permissions(group) == {(1, codename) for codename in role.page_permissions}
    assert collection_permissions(group) == {(1, name) for name in role.collection_permissions}


# --- the command ---------------------------------------------------------------------------


def test_from_an_empty_group_table_the_three_groups_are_created_with_their_permissions():
    Group.objects.all().delete()

    output = sync_roles()

    assert sorted(Group.objects.values_list("name", flat=True)) == [
        "Coordinators",
        "Editors",
        "Programme leads",
    ]
    for role in roles.ROLES:
        assert_in_line(role)
        assert f"Roles: {role.group_name}: created group" in output
    assert "Roles: Editors: added page permission wagtailcore.publish_page on page" in output
    assert "Roles: Coordinators: added permission portal.view_participant" in output


def test_a_permission_added_by_hand_is_removed_and_reported():
    coordinators = Group.objects.get(name="Coordinators")
    editors = Group.objects.get(name="Editors")
    coordinators.permissions.add(
        Permission.objects.get(content_type__app_label="home", codename="change_footersettings")
    )
    editors.permissions.add(
        Permission.objects.get(content_type__app_label="portal", codename="view_participant")
    )
    # and a page permission on a page other than the root: nothing declares it
    home = Page.get_first_root_node().add_child(title="Somewhere", slug="somewhere")
    GroupPagePermission.objects.create(
        group=editors,
        page=home,
        permission=Permission.objects.get(codename="bulk_delete_page"),
    )

    output = sync_roles()

    assert "Roles: Coordinators: removed permission home.change_footersettings" in output
    assert "Roles: Editors: removed permission portal.view_participant" in output
    assert (
        f"Roles: Editors: removed page permission wagtailcore.bulk_delete_page on page {home.pk}"
        in output
    )
    assert "Roles: 3 change(s); the groups are in line." in output
    assert_in_line(roles.COORDINATOR)
    assert_in_line(roles.EDITOR)


def test_a_declared_permission_taken_away_by_hand_comes_back():
    editors = Group.objects.get(name="Editors")
    GroupPagePermission.objects.filter(group=editors, permission__codename="publish_page").delete()
    editors.permissions.remove(Permission.objects.get(codename="change_contactsettings"))

    changes = role_sync.sync()

    root = Page.get_first_root_node()
    assert made(changes) == [
        "Editors: added permission home.change_contactsettings",
        f"Editors: added page permission wagtailcore.publish_page on page {root.pk}",
    ]
    assert_in_line(roles.EDITOR)


def test_running_twice_changes_nothing():
    Group.objects.filter(name="Programme leads").delete()
    assert made(role_sync.sync()) != []
    before = {group.name: model_permissions(group) for group in Group.objects.all()}

    assert made(role_sync.sync()) == []
    assert "Roles: no changes; the groups were already in line." in sync_roles()
    assert {group.name: model_permissions(group) for group in Group.objects.all()} == before


def test_other_groups_are_left_alone():
    moderators = Group.objects.get(name="Moderators")  # Wagtail's own, not a declared role
    before = model_permissions(moderators)
    custom = Group.objects.create(name="Board")
    custom.permissions.add(Permission.objects.get(codename="view_match"))

    role_sync.sync()

    assert model_permissions(moderators) == before
    assert model_permissions(custom) == {"portal.view_match"}


def test_permissions_of_an_app_not_installed_are_skipped_with_a_warning(monkeypatch):
    assert not apps.is_installed("surveys")
    later = roles.Role(
        key="later",
        group_name="Later",
        summary="",
        permissions=frozenset({"portal.view_match", "surveys.view_survey"}),
    )
    monkeypatch.setattr(role_sync, "ROLES", (later,))

    output = sync_roles()

    assert "Roles: Later: skipped surveys.view_survey (the surveys app is not installed)" in output
    assert model_permissions(Group.objects.get(name="Later")) == {"portal.view_match"}


def test_a_permission_that_an_installed_app_does_not_have_is_a_mistake(monkeypatch):
    typo = roles.Role(
        key="typo",
        group_name="Typo",
        summary="",
        permissions=frozenset({"portal.view_participants"}),
    )
    monkeypatch.setattr(role_sync, "ROLES", (typo,))

    with pytest.raises(ImproperlyConfigured, match="portal.view_participants"):
        role_sync.sync()
    assert not Group.objects.filter(name="Typo").exists()


# --- migrate, the tests' and the demo's databases ---------------------------------------------


def test_the_test_database_has_the_groups_in_line():
    """The test database is made by migrate; the post_migrate sync left nothing to do."""
    assert made(role_sync.sync()) == []
    for role in roles.ROLES:
        assert_in_line(role)


def test_migrate_brings_the_groups_in_line_by_itself():
    Group.objects.filter(name="Programme leads").delete()
    Group.objects.get(name="Coordinators").permissions.add(
        Permission.objects.get(codename="change_contactsettings")
    )
    out = StringIO()

    call_command("migrate", "--noinput", verbosity=1, stdout=out)

    assert "Roles: Programme leads: created group" in out.getvalue()
    assert "Roles: Coordinators: removed permission home.change_contactsettings" in out.getvalue()
    for role in roles.ROLES:
        assert_in_line(role)


def test_the_demo_database_has_the_groups_and_its_people_in_them(home_page):
    Group.objects.all().delete()  # load_demo does not rely on migrate having run the sync

    call_command("load_demo", stdout=StringIO())

    for role in roles.ROLES:
        assert_in_line(role)
    assert list(Group.objects.get(name="Editors").user_set.values_list("email", flat=True)) == [
        "editor@example.com"
    ]
    assert "coordinator@example.com" in Group.objects.get(name="Coordinators").user_set.values_list(
        "email", flat=True
    )


# --- what the roles may do ------------------------------------------------------------------

PROJECT_APPS = {"accounts", "notifications", "home", "portal", "events", "privacy", "programmes"}
# Staff data that editors do edit: the public contact person.
EDITED_BY_EDITORS = {"home.ContactSettings"}


def participant_data_models():
    """Every model of the project's apps that holds personal data, by the privacy registry."""
    return {
        declaration.label.lower()
        for declaration in registry.personal_declarations()
        if declaration.label.split(".")[0] in PROJECT_APPS
        and declaration.label not in EDITED_BY_EDITORS
    }


def test_editors_hold_no_permission_on_participant_data():
    data_models = participant_data_models()
    assert {
        "portal.participant",
        "portal.match",
        "events.signup",
        "events.calendarfeed",
        "privacy.consentrecord",
    } <= data_models

    held = Permission.objects.filter(
        pk__in=Group.objects.get(name="Editors").permissions.values("pk")
    ).select_related("content_type")
    editor_models = {f"{p.content_type.app_label}.{p.content_type.model}" for p in held}

    assert editor_models.isdisjoint(data_models)
    assert not {name.split(".")[0] for name in roles.EDITOR.permissions} & {
        "portal",
        "privacy",
        "programmes",
    }
    assert not {
        name
        for name in roles.EDITOR.permissions
        if name.split("_", 1)[-1] in {"signup", "calendarfeed"}
    }


def test_the_programme_lead_has_every_coordinator_permission_and_edits_programmes():
    assert roles.COORDINATOR.permissions < roles.PROGRAMME_LEAD.permissions
    assert roles.PROGRAMME_LEAD.permissions - roles.COORDINATOR.permissions == {
        "programmes.add_programme",
        "programmes.change_programme",
        "programmes.view_programme",
    }
    assert roles.ALL_PROGRAMMES_PERMISSION in roles.PROGRAMME_LEAD.permissions
    assert roles.ALL_PROGRAMMES_PERMISSION not in roles.COORDINATOR.permissions


def test_programme_leads_and_superusers_see_every_programme_and_coordinators_do_not():
    coordinator = UserFactory()
    coordinator.groups.add(Group.objects.get(name="Coordinators"))
    lead = UserFactory()
    lead.groups.add(Group.objects.get(name="Programme leads"))
    superuser = UserFactory(is_superuser=True)

    assert roles.sees_every_programme(coordinator) is False
    assert roles.sees_every_programme(lead) is True
    assert roles.sees_every_programme(superuser) is True


def test_roles_are_found_by_key():
    assert roles.get("programme_lead") is roles.PROGRAMME_LEAD
    with pytest.raises(LookupError, match="editor, coordinator, programme_lead"):
        roles.get("admin")
