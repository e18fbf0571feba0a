"""Every programme that existed before surveys gets the default ones (evaluation/defaults.py),
so the first match that ends after the upgrade is asked how it went."""

from django.db import migrations


def create(apps, schema_editor):
    from evaluation.defaults import create_default_surveys

    Programme = apps.get_model("programmes", "Programme")
    for programme in Programme.objects.all():
        create_default_surveys(
            programme,
            Survey=apps.get_model("evaluation", "Survey"),
            Question=apps.get_model("evaluation", "Question"),
            SuccessCriterion=apps.get_model("programmes", "SuccessCriterion"),
        )


class Migration(migrations.Migration):
    dependencies = [("evaluation", "0001_initial"), ("programmes", "0004_vocabulary_and_matching_rules")]

    operations = [migrations.RunPython(create, migrations.RunPython.noop)]
