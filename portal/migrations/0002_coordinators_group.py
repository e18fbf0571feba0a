"""Coordinators manage participants, matches, meetings, check-ins and re-match requests;
editors (who publish public pages) never see them.

Creates the "Coordinators" group if the events app has not already, and gives it the portal
models' permissions and access to the Wagtail admin.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

MODELS = ["participant", "match", "meeting", "checkin", "rematchrequest", "wheelentry"]


def grant(apps, schema_editor):
    app_config = apps.get_app_config("portal")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _created = Group.objects.get_or_create(name="Coordinators")
    group.permissions.add(
        *Permission.objects.filter(
            content_type__app_label="portal", content_type__model__in=MODELS
        )
    )
    group.permissions.add(
        *Permission.objects.filter(content_type__app_label="wagtailadmin", codename="access_admin")
    )


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group = Group.objects.filter(name="Coordinators").first()
    if group:
        group.permissions.remove(
            *Permission.objects.filter(
                content_type__app_label="portal", content_type__model__in=MODELS
            )
        )


class Migration(migrations.Migration):
    dependencies = [
        ("portal", "0001_initial"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
