"""Run inside the site (``manage.py shell``) by ``bench/pages.py``: the addresses to measure, a
session cookie for a participant and a coordinator, and the query count of the logged-in pages.
Prints one JSON object."""

import json

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from accounts.models import User
from events.models import EventOccurrence
from home.models import GuideStepPage

PARTICIPANT = "newcomer@example.com"
COORDINATOR = "coordinator@example.com"


def _session(email):
    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(User.objects.get(email=email))
    return client


def _queries(client, url):
    client.get(url)  # warm the per-process caches, as a running server has them
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    return response.status_code, len(context.captured_queries)


def main():
    step = GuideStepPage.objects.live().public().order_by("path").first()
    # The demo's first upcoming event: the same page at every data size.
    date = (
        EventOccurrence.objects.live()
        .public()
        .filter(start__gte=timezone.now())
        .exclude(event__slug_en__startswith="scale-")
        .select_related("event")
        .order_by("start", "pk")
        .first()
    )
    participant, coordinator = _session(PARTICIPANT), _session(COORDINATOR)
    followup = "/admin/host-programme/follow-up/"
    dashboard_status, dashboard_queries = _queries(participant, "/portal/")
    followup_status, followup_queries = _queries(coordinator, followup)
    print(
        json.dumps(
            {
                "guide_step": step.url,
                "calendar": date.event.get_parent().url,
                "event": date.event.url,
                "participant_cookie": participant.cookies["sessionid"].value,
                "coordinator_cookie": coordinator.cookies["sessionid"].value,
                "followup": followup,
                "queries": {
                    "portal dashboard": [dashboard_status, dashboard_queries],
                    "follow-up view": [followup_status, followup_queries],
                },
            }
        )
    )
