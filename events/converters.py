"""A URL converter for database ids.

Django's ``<int:...>`` matches any run of digits, and SQLite cannot even look up a number
beyond 64 bits (``OverflowError``: a 500 instead of "not found"). ``<dbid:...>`` matches at
most 18 digits, which every database takes, so a longer number is simply a 404.
"""

from django.urls import converters, register_converter


class DatabaseIdConverter(converters.IntConverter):
    regex = "[0-9]{1,18}"


register_converter(DatabaseIdConverter, "dbid")
