"""The waiting list becomes a field (``Participant.waiting_since``). Newcomers who were waiting
before it keep the wait the coordinator's home page showed: from the day they were registered,
or from the day their last match ended early if that is later. Newcomers with an active or a
completed match are not waiting."""

import datetime

from django.db import migrations
from django.utils import timezone


def fill_waiting_since(apps, schema_editor):
    Participant = apps.get_model("portal", "Participant")
    Match = apps.get_model("portal", "Match")
    done = set(
        Match.objects.filter(status__in=["active", "completed"]).values_list(
            "newcomer_id", flat=True
        )
    )
    newcomers = Participant.objects.filter(role="newcomer", erased_at__isnull=True)
    for newcomer in newcomers.exclude(pk__in=done).iterator():
        since = newcomer.created_at
        last_ended = (
            Match.objects.filter(newcomer=newcomer, ended_on__isnull=False)
            .order_by("-ended_on")
            .values_list("ended_on", flat=True)
            .first()
        )
        if last_ended is not None:
            ended = timezone.make_aware(datetime.datetime.combine(last_ended, datetime.time()))
            since = max(since, ended)
        Participant.objects.filter(pk=newcomer.pk).update(waiting_since=since)


class Migration(migrations.Migration):
    dependencies = [("portal", "0007_common_ground_and_waiting")]

    operations = [migrations.RunPython(fill_waiting_since, migrations.RunPython.noop)]
