"""When an event page is published, its dates follow the new start, end and rule, and any
places the editor added are offered to the waiting list."""

from wagtail.signals import page_published


def event_published(sender, instance, **kwargs):
    from .occurrences import sync_occurrences
    from .services import promote_waiting_list

    for occurrence in sync_occurrences(instance):
        promote_waiting_list(occurrence)


def connect():
    from .models import EventPage

    page_published.connect(event_published, sender=EventPage, dispatch_uid="events_sync_dates")
