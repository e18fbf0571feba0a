"""Fields of the calendar and event pages that exist in English and Danish. Title and slug
are translated for every page by wagtail-modeltranslation."""

from modeltranslation.translator import TranslationOptions, register

from .models import EventCalendarPage, EventPage


@register(EventCalendarPage)
class EventCalendarPageTranslation(TranslationOptions):
    fields = ("intro", "body")


@register(EventPage)
class EventPageTranslation(TranslationOptions):
    fields = ("intro", "body", "venue_name")
