"""``/sitemap.xml`` reads the pages in one query, however many page types there are, and costs
the same number of queries with few and many events."""

import re

import pytest
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext

pytestmark = pytest.mark.django_db


def page_queries(client):
    client.get("/sitemap.xml")
    caches["pages"].clear()  # measure building the sitemap, not the kept copy (pagecache/)
    with CaptureQueriesContext(connection) as context:
        response = client.get("/sitemap.xml")
    assert response.status_code == 200
    reading_pages = [
        query["sql"]
        for query in context.captured_queries
        if re.search(r'FROM "(wagtailcore_page|home_\w+page|events_\w+page)"', query["sql"])
    ]
    return len(context.captured_queries), len(reading_pages), response.content


def test_the_sitemap_reads_pages_once_with_few_and_many_events(
    client, guide, activity_index, content_page, make_event
):
    make_event()
    queries, reading_pages, content = page_queries(client)
    # Every page's address and publishing date are on the page row itself: no second query
    # per page type (home, guide, guide step, activity index and idea, calendar, event...).
    assert reading_pages == 1
    for _ in range(15):
        make_event()
    more_queries, more_reading_pages, more_content = page_queries(client)
    assert (more_queries, more_reading_pages) == (queries, reading_pages)
    assert more_content.count(b"<url>") == content.count(b"<url>") + 15 * 2
