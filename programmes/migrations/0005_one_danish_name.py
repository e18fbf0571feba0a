"""The first programme's Danish name is "Værtsprogrammet", as in the site's header, titles and
email sender; renamed only where it still reads the old "Værtsprogram" (a coordinator's own
choice stays)."""

from django.db import migrations


def rename(apps, schema_editor):
    Programme = apps.get_model("programmes", "Programme")
    Programme.objects.filter(slug="host-programme", name_da="Værtsprogram").update(
        name_da="Værtsprogrammet"
    )


def unrename(apps, schema_editor):
    Programme = apps.get_model("programmes", "Programme")
    Programme.objects.filter(slug="host-programme", name_da="Værtsprogrammet").update(
        name_da="Værtsprogram"
    )


class Migration(migrations.Migration):
    dependencies = [("programmes", "0004_vocabulary_and_matching_rules")]

    operations = [migrations.RunPython(rename, unrename)]
