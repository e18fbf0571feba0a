"""Event reminders for the daily ``send_reminders`` command (notifications app).

Everyone with a place gets one reminder, ``reminder_days_before`` days before the date (set
per event). A day the command did not run is caught up on the next run, as long as the event
has not happened yet; the key makes sure nobody gets the same reminder twice.
"""

import datetime

from django.db.models import Max
from django.utils import timezone

from notifications.reminders import Reminder

from .models import EVENT_TIME_ZONE, EventPage, SignUp
from .queries import local_day_bounds
from .services import email_context, ics_attachment


def event_reminders(today):
    horizon = EventPage.objects.live().aggregate(days=Max("reminder_days_before"))["days"] or 0
    start, end = local_day_bounds(today, today + datetime.timedelta(days=horizon))
    signups = (
        SignUp.objects.filter(
            status=SignUp.Status.CONFIRMED,
            occurrence__cancelled=False,
            occurrence__event__live=True,
            occurrence__start__gte=max(start, timezone.now()),
            occurrence__start__lt=end,
        )
        .select_related("user", "occurrence__event")
        .order_by("occurrence__start", "pk")
    )
    for signup in signups:
        occurrence = signup.occurrence
        day = occurrence.start.astimezone(EVENT_TIME_ZONE).date()
        if (day - today).days > occurrence.event.reminder_days_before:
            continue
        yield reminder_for(signup, occurrence)


def reminder_for(signup, occurrence):
    recipient = signup.recipient
    language = recipient.preferred_language
    return Reminder(
        key=f"event:{occurrence.pk}:signup:{signup.pk}",
        user=recipient,
        template_name="events/email/reminder",
        context=email_context(signup, language),
        attachments=(ics_attachment(occurrence, language),),
    )


__all__ = ["event_reminders"]
