"""Which languages an image still lacks alternative text in."""

from django.conf import settings


def missing_alt_text_languages(image):
    """The names of the languages whose alternative text ``image`` lacks ([] for no image)."""
    if image is None:
        return []
    return [
        name
        for code, name in settings.LANGUAGES
        if not (getattr(image, f"description_{code}", "") or "").strip()
    ]
