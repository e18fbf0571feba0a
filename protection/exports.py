"""Spreadsheet exports that a spreadsheet program cannot turn into formulas.

A cell that starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return is read as a
formula by Excel, LibreOffice and Google Sheets (CSV injection), so a participant whose name
is ``=HYPERLINK(...)`` could plant a live link in a coordinator's spreadsheet. Such text gets
a leading apostrophe, which the programs show as plain text.
"""

import datetime
import decimal

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# Values the CSV writer writes as they are; anything else (a model instance such as a match or
# a participant) is written as its text, so it is checked as text.
PLAIN_VALUES = (str, int, float, decimal.Decimal, datetime.date, datetime.time, type(None))


def spreadsheet_safe(value):
    """``value`` unchanged unless it is text that a spreadsheet would read as a formula."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def spreadsheet_safe_row(values):
    return [spreadsheet_safe(value) for value in values]


class SpreadsheetSafeExportMixin:
    """For Wagtail index views with ``list_export``: CSV cells pass through
    ``spreadsheet_safe``. (Wagtail's XLSX export already stores such text as text.)"""

    def preprocess_field_value(self, field, value, export_format):
        value = super().preprocess_field_value(field, value, export_format)
        if export_format == self.FORMAT_CSV:
            if not isinstance(value, PLAIN_VALUES):
                value = str(value)  # what csv.writer would write: "=Evil & Host (Culture host)"
            return spreadsheet_safe(value)
        return value
