"""Site search over the public pages, in the visitor's language.

The search index holds every language's fields (see ``BasePage.search_fields``). The backend
finds candidates across languages; a candidate is kept only when each search word appears in
the text the visitor actually reads in their language (with the usual English fallback).
"""

from django.utils import translation
from wagtail.models import Page

MAX_CANDIDATES = 200


def visible_text(page):
    """Title, introduction and body as shown in the active language (fallbacks applied)."""
    parts = [page.title, getattr(page, "intro", "") or ""]
    body = getattr(page, "body", None)
    if body:
        parts.extend(body.stream_block.get_searchable_content(body))
    return " ".join(parts).lower()


def search_pages(query, language):
    """Live, public pages matching ``query`` in ``language``, best match first."""
    words = [word.lower() for word in query.split() if word.strip()]
    if not words:
        return []
    candidates = Page.objects.live().public().specific().search(query)[:MAX_CANDIDATES]
    with translation.override(language):
        return [page for page in candidates if all(word in visible_text(page) for word in words)]
