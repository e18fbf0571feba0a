"""Check-in reminders for the daily ``send_reminders`` command (notifications app).

Each participant of an active match is asked to check in on the schedule the match copied
from its programme when it was created (by default a month into the match, then every two
months; see ``services.checkin_due_dates``). Reminders belong to a programme through their
match. While a check-in is due (today or
overdue) and unanswered, this source yields a reminder; its key names the due date, so each
due check-in is reminded about once, and a day the command did not run is caught up on the next.
"""

from django.db.models import Count
from django.urls import reverse
from django.utils import translation

from notifications.reminders import Reminder

from . import services
from .models import Match


def checkin_reminders(today):
    matches = (
        Match.objects.active()
        .filter(start_date__lte=today)
        .select_related("newcomer__user", "host__user")
        .prefetch_related("check_ins")
        .annotate(meeting_count=Count("meetings"))
        .order_by("start_date", "pk")
    )
    for match in matches:
        for participant, partner in ((match.newcomer, match.host), (match.host, match.newcomer)):
            user = participant.user
            if not user.is_active:
                continue
            due = services.current_checkin_due_date(participant, match, today)
            if due is None:
                continue
            with translation.override(user.preferred_language):
                check_in_path = reverse("portal:check_in", kwargs={"match_id": match.pk})
            yield Reminder(
                key=f"checkin:{match.pk}:{participant.pk}:{due.isoformat()}",
                user=user,
                template_name="portal/email/checkin_reminder",
                context={
                    "participant": participant,
                    "partner": partner,
                    "match": match,
                    "due_date": due,
                    "progress": services.match_progress(match, today),
                    "check_in_path": check_in_path,
                },
            )
