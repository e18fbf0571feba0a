"""Small helpers that make a sentence read right in the language it is rendered in."""

from django.utils import translation


def language_in_sentence(name):
    """A language's name as it is written inside a sentence: "in Danish" in English, but
    "på dansk" in Danish, which writes language names in lower case (as it does weekdays and
    months). ``name`` is a choice label such as ``user.get_preferred_language_display()``,
    already translated into the active language."""
    name = str(name)
    if (translation.get_language() or "").startswith("da"):
        return name.lower()
    return name
