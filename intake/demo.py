"""Demo applications in the coordinators' review queue.

``build(stdout)`` is run by ``manage.py load_demo`` after the portal's builder. The rows are in
``demo_content/applications.yaml``, built with ``intake/factories.py`` and found again by
email, so a second run changes nothing. Dates are relative to the day it runs.
"""

import datetime
from pathlib import Path

from django.utils import timezone

from home.demo_support import load, upsert
from programmes.models import Programme

from .factories import ApplicationFactory, HostApplicationFactory
from .models import Application

APPLICATIONS = Path(__file__).resolve().parent / "demo_content" / "applications.yaml"


def _ago(days, now):
    # Whole days back from midnight, so a second run the same day gives the same times.
    midnight = now.replace(hour=9, minute=0, second=0, microsecond=0)
    return midnight - datetime.timedelta(days=days)


def build(stdout):
    stdout.write("Intake: applications to review")
    now = timezone.localtime()
    today = timezone.localdate()
    programmes = {programme.slug: programme for programme in Programme.objects.all()}
    for row in load(APPLICATIONS)["applications"]:
        fields = dict(row)
        email = fields.pop("email")
        fields["programme"] = programmes[fields.pop("programme")]
        arrived = fields.pop("arrived_days_ago", None)
        fields["arrived_in_denmark"] = (
            today - datetime.timedelta(days=arrived) if arrived is not None else None
        )
        confirmed = _ago(fields.pop("confirmed_days_ago"), now)
        fields.update(
            status=Application.Status.TO_REVIEW,
            confirmed_at=confirmed,
            consent_given_at=confirmed - datetime.timedelta(minutes=20),
            consent_language=fields["preferred_language"],
        )
        existing = Application.objects.filter(email=email).first()
        if existing is not None and existing.status != Application.Status.TO_REVIEW:
            continue  # decided in the demo since: leave it
        factory = HostApplicationFactory if fields["role"] == "host" else ApplicationFactory
        upsert(factory, {"email": email}, **fields)
    count = Application.objects.to_review().count()
    stdout.write(f"  {count} applications to review")
