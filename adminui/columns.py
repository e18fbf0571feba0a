"""Dates in admin listings as dates, in the admin user's language.

Wagtail's ``DateColumn`` shows relative times ("3 days ago"), and every date in the future
reads "Just now", which is wrong for event dates and match end dates. ``LocalDateColumn``
shows the date itself: "5 Dec 2026 17:00" in English, "5. dec. 2026 17.00" in Danish, and a
plain date without a time ("5 Dec 2026") for date fields. Datetimes are shown in the site's
time zone.
"""

import datetime

from django.utils import dateformat, timezone, translation
from wagtail.admin.ui.tables import Column

# Django's own locale formats are close but not these ("N j, Y" in English, "j. F Y" in
# Danish), so the two formats are spelled out per language here.
FORMATS = {
    "en": ("j M Y", "j M Y H:i"),
    "da": ("j. b. Y", "j. b. Y H.i"),
}
# Danish abbreviates months with a full stop, except the ones too short to shorten.
DANISH_UNABBREVIATED = {"maj.": "maj", "jun.": "juni", "jul.": "juli"}


def admin_date(value, language=None):
    """``value`` (a date or datetime) as the admin listings show it, or "" for none."""
    if value is None or value == "":
        return ""
    language = (language or translation.get_language() or "en").split("-")[0]
    date_format, datetime_format = FORMATS.get(language, FORMATS["en"])
    if isinstance(value, datetime.datetime):
        if timezone.is_aware(value):
            value = timezone.localtime(value)
        text = dateformat.format(value, datetime_format)
    else:
        text = dateformat.format(value, date_format)
    if language == "da":
        for short, full in DANISH_UNABBREVIATED.items():
            text = text.replace(short, full)
    return text


class LocalDateColumn(Column):
    """A listing column for a date or datetime, shown as a date (see the module docstring)."""

    def get_value(self, instance):
        return admin_date(super().get_value(instance))
