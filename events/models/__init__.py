"""The events calendar: Wagtail pages the editors publish, and the dates and sign-ups
the coordinators follow. Re-exported here so ``events.models.X`` keeps working."""

from .pages import (
    EVENT_TIME_ZONE,
    Audience,
    Category,
    EventCalendarPage,
    EventLanguage,
    EventPage,
    SignUpMode,
)
from .records import (
    CalendarFeed,
    EventOccurrence,
    OccurrenceQuerySet,
    PublicRecipient,
    SignUp,
)

__all__ = [
    "EVENT_TIME_ZONE",
    "Audience",
    "CalendarFeed",
    "Category",
    "EventCalendarPage",
    "EventLanguage",
    "EventOccurrence",
    "EventPage",
    "OccurrenceQuerySet",
    "PublicRecipient",
    "SignUp",
    "SignUpMode",
]
