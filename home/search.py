"""Site search over the public pages, in the visitor's language."""

from .models import (
    ActivityIdeaPage,
    ActivityIndexPage,
    ContentPage,
    GuidePage,
    GuideStepPage,
    HomePage,
)

SEARCHABLE_MODELS = [
    HomePage,
    ContentPage,
    GuidePage,
    GuideStepPage,
    ActivityIndexPage,
    ActivityIdeaPage,
]


def search_pages(query, language):
    """Live, public pages whose text in ``language`` matches ``query``, best match first.

    One query per page model (a fixed number, whatever the size of the site).
    """
    fields = [f"title_{language}", f"intro_{language}", f"body_{language}"]
    hits = []
    for model in SEARCHABLE_MODELS:
        hits.extend(
            model.objects.live().public().search(query, fields=fields).annotate_score("_score")
        )
    return sorted(hits, key=lambda page: page._score or 0, reverse=True)
