"""Programmes (issue 8): participants and matches belong to a programme.

An existing install's people move into a first programme made from the constants and settings
the code used until now: nothing is lost, every participant and match is assigned, and every
match takes the rhythm and check-in schedule it has run by so far. A fresh install (no
participants) gets no programme here; the admin or the demo creates them.
"""

import django.db.models.deletion
from django.db import migrations, models



# The rules as they were before programmes (portal.models / portal.services constants). Kept
# here, frozen: the migration must do the same thing whatever the code says later.
MATCH_LENGTH_MONTHS = 6
MEETINGS_PER_MONTH = (1, 2)
FIRST_CHECKIN_AFTER_MONTHS, CHECKIN_EVERY_MONTHS = 1, 2
MAX_YEARS_IN_DENMARK = 3
TRACKS = [
    ("career", "Career host", "Erhvervsvært"),
    ("culture", "Culture host", "Kulturvært"),
]
SUCCESS_CRITERIA = [
    ("Understanding Danish norms and culture", "Forståelse af danske normer og kultur", 70),
    ("Feeling included in Danish society", "At føle sig inkluderet i det danske samfund", 70),
    ("Using culture and leisure offers", "At bruge kultur- og fritidstilbud", 70),
    ("Work or education", "Arbejde eller uddannelse", 70),
    ("Wanting to stay in Denmark", "Ønsket om at blive i Danmark", 50),
]


def move_into_first_programme(apps, schema_editor):
    from django.conf import settings

    Participant = apps.get_model("portal", "Participant")
    Match = apps.get_model("portal", "Match")
    Programme = apps.get_model("programmes", "Programme")
    Track = apps.get_model("programmes", "Track")
    SuccessCriterion = apps.get_model("programmes", "SuccessCriterion")
    db = schema_editor.connection.alias
    if not Participant.objects.using(db).exists():
        return
    programme = Programme.objects.using(db).create(
        name="Host Programme",
        name_en="Host Programme",
        name_da="Værtsprogram",
        description="",
        description_en="",
        description_da="",
        slug="host-programme",
        contact_email=getattr(settings, "COORDINATOR_EMAIL", ""),
        match_length_months=MATCH_LENGTH_MONTHS,
        meetings_per_month_min=MEETINGS_PER_MONTH[0],
        meetings_per_month_max=MEETINGS_PER_MONTH[1],
        first_checkin_after_months=FIRST_CHECKIN_AFTER_MONTHS,
        checkin_every_months=CHECKIN_EVERY_MONTHS,
        max_years_in_denmark=MAX_YEARS_IN_DENMARK,
        retention_days_after_last_match=getattr(
            settings, "PRIVACY_RETENTION_DAYS_AFTER_LAST_MATCH", None
        ),
        retention_days_never_matched=getattr(settings, "PRIVACY_RETENTION_DAYS_NEVER_MATCHED", None),
        active=True,
    )
    for order, (kind, english, danish) in enumerate(TRACKS):
        Track.objects.using(db).create(
            programme=programme, sort_order=order, kind=kind, name=english, name_en=english,
            name_da=danish,
        )
    for order, (english, danish, target) in enumerate(SUCCESS_CRITERIA):
        SuccessCriterion.objects.using(db).create(
            programme=programme, sort_order=order, name=english, name_en=english,
            name_da=danish, target_percent=target,
        )
    Participant.objects.using(db).update(programme=programme)
    Match.objects.using(db).update(
        programme=programme,
        meetings_per_month_min=MEETINGS_PER_MONTH[0],
        meetings_per_month_max=MEETINGS_PER_MONTH[1],
        first_checkin_after_months=FIRST_CHECKIN_AFTER_MONTHS,
        checkin_every_months=CHECKIN_EVERY_MONTHS,
    )
    if schema_editor.connection.vendor == "postgresql":
        # The rows just changed have deferred foreign-key checks; run them now, or the
        # ALTER TABLE below refuses ("pending trigger events").
        schema_editor.execute("SET CONSTRAINTS ALL IMMEDIATE")


def back_out_of_programmes(apps, schema_editor):
    """Going back drops the columns; the programme rows are removed with their table."""


class Migration(migrations.Migration):

    dependencies = [
        ('portal', '0005_match_log'),
        ('programmes', '0001_initial'),
    ]

    operations = [
        migrations.AddField(
            model_name='match',
            name='checkin_every_months',
            field=models.PositiveSmallIntegerField(editable=False, null=True, verbose_name='then a check-in every (months)'),
        ),
        migrations.AddField(
            model_name='match',
            name='first_checkin_after_months',
            field=models.PositiveSmallIntegerField(editable=False, null=True, verbose_name='first check-in after (months)'),
        ),
        migrations.AddField(
            model_name='match',
            name='meetings_per_month_max',
            field=models.PositiveSmallIntegerField(editable=False, null=True, verbose_name='meetings a month, at most'),
        ),
        migrations.AddField(
            model_name='match',
            name='meetings_per_month_min',
            field=models.PositiveSmallIntegerField(editable=False, null=True, verbose_name='meetings a month, at least'),
        ),
        migrations.AddField(
            model_name='match',
            name='programme',
            field=models.ForeignKey(null=True, on_delete=django.db.models.deletion.PROTECT, related_name='matches', to='programmes.programme', verbose_name='programme'),
        ),
        migrations.AddField(
            model_name='participant',
            name='programme',
            field=models.ForeignKey(null=True, on_delete=django.db.models.deletion.PROTECT, related_name='participants', to='programmes.programme', verbose_name='programme'),
        ),
        migrations.AlterField(
            model_name='match',
            name='end_date',
            field=models.DateField(blank=True, help_text="Leave empty for the programme's match length after the start.", verbose_name='end date'),
        ),
        migrations.RunPython(move_into_first_programme, back_out_of_programmes),
        migrations.AlterField(
            model_name='match',
            name='programme',
            field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='matches', to='programmes.programme', verbose_name='programme'),
        ),
        migrations.AlterField(
            model_name='participant',
            name='programme',
            field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='participants', to='programmes.programme', verbose_name='programme'),
        ),
    ]
