"""Site search over the public pages, in the visitor's language.

The search index holds every language's fields (see ``BasePage.search_fields``). The backend
finds candidates across languages; a candidate is kept only when each search word appears in
the text the visitor actually reads in their language (with the usual English fallback).

Only words reach the search backend: quotes, dashes and other punctuation have a meaning to
the database's full-text syntax (SQLite FTS5 fails on ``'";--``), and PostgreSQL refuses a NUL
character outright. Typed text is cleaned for display and searched as its words.
"""

import re
import unicodedata

from django.utils import translation
from wagtail.models import Page

MAX_CANDIDATES = 200
MAX_QUERY_LENGTH = 200
MAX_WORDS = 10
WORD = re.compile(r"\w+")


def clean_query(text):
    """The typed text as shown back to the visitor: without control characters (NUL and the
    like), spaces collapsed, at most ``MAX_QUERY_LENGTH`` characters."""
    text = "".join(" " if unicodedata.category(char) == "Cc" else char for char in text or "")
    return " ".join(text.split())[:MAX_QUERY_LENGTH].strip()


def query_words(query):
    """The words of ``query``, lower-cased, in order, without repeats; punctuation dropped."""
    return list(dict.fromkeys(word.lower() for word in WORD.findall(query)))[:MAX_WORDS]


def visible_text(page):
    """Title, introduction, body (and a programme page's programme) as shown in the active
    language (fallbacks applied)."""
    parts = [page.title, getattr(page, "intro", "") or ""]
    programme_text = getattr(page, "programme_text", None)  # a programme page's programme
    if programme_text is not None:
        parts.append(programme_text())
    body = getattr(page, "body", None)
    if body:
        parts.extend(body.stream_block.get_searchable_content(body))
    return " ".join(parts).lower()


def search_pages(query, language):
    """Live, public pages matching ``query`` in ``language``, best match first."""
    words = query_words(query)
    if not words:
        return []
    candidates = Page.objects.live().public().specific().search(" ".join(words))[:MAX_CANDIDATES]
    with translation.override(language):
        return [page for page in candidates if all(word in visible_text(page) for word in words)]
