"""Coordinators see only the programmes they are given (issue 8). Before, every coordinator
saw everyone, and an existing install's people all moved into the first programme
(portal 0006): each member of the Coordinators group is given the programmes that exist, so
nobody loses sight of the people they follow. New coordinators are given programmes by a
programme lead."""

from django.db import migrations


def give_existing_coordinators_the_programmes(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Programme = apps.get_model("programmes", "Programme")
    group = Group.objects.filter(name="Coordinators").first()
    if group is None:
        return
    users = list(group.user_set.all())
    for programme in Programme.objects.all():
        programme.coordinators.add(*users)


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("portal", "0006_programmes"),
        ("programmes", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(give_existing_coordinators_the_programmes, migrations.RunPython.noop)
    ]
