"""Helpers for the PostgreSQL pass of the suite."""

from django.db import connection


def analyze():
    """On PostgreSQL, let the planner see the rows a test made. They sit in the test's one
    uncommitted transaction, in tables that earlier tests' flushes left with statistics saying
    "empty"; trusting those, the planner nested index scans without join conditions and one
    coordinator list over eight joined tables took 10-75 s (auto_explain). ANALYZE counts the
    transaction's own rows, as autovacuum's statistics would count a production database's."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
