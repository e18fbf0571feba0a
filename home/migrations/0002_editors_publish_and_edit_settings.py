"""Communications editors publish pages and edit the shared contact person and footer.

Wagtail's own "Editors" group may edit but not publish; here they publish what they write.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations


def grant(apps, schema_editor):
    app_config = apps.get_app_config("home")
    app_config.models_module = True
    create_permissions(app_config, verbosity=0)
    app_config.models_module = None

    Group = apps.get_model("auth.Group")
    Permission = apps.get_model("auth.Permission")
    Page = apps.get_model("wagtailcore.Page")
    GroupPagePermission = apps.get_model("wagtailcore.GroupPagePermission")

    editors, _ = Group.objects.get_or_create(name="Editors")
    root = Page.objects.filter(depth=1).first()
    publish = Permission.objects.get(content_type__app_label="wagtailcore", codename="publish_page")
    if root is not None:
        GroupPagePermission.objects.get_or_create(group=editors, page=root, permission=publish)
    editors.permissions.add(
        *Permission.objects.filter(
            content_type__app_label="home",
            codename__in=["change_contactsettings", "change_footersettings"],
        )
    )


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
