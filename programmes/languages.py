"""Languages people speak, chosen from ISO 639 (pycountry) instead of a hand-typed list, with
their names in English and Danish, and how well someone speaks each.

A person's languages are stored as a list of ``{"language": "<ISO 639-1 code>", "level":
"<Level>"}`` (``portal.Participant.language_skills`` and the applications); matching compares
the codes, so "Spanish" and "spansk" are the same language.
"""

import gettext
from functools import cache

import pycountry
from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _


class Level(models.TextChoices):
    BASIC = "basic", _("A little")
    CONVERSATIONAL = "conversational", _("Conversational")
    FLUENT = "fluent", _("Fluent")
    NATIVE = "native", _("Native language")


# Ranked, so a matching rule can ask for "at least conversational".
LEVEL_RANK = {Level.BASIC: 1, Level.CONVERSATIONAL: 2, Level.FLUENT: 3, Level.NATIVE: 4}


@cache
def _catalogue(language):
    if language == "en":
        return gettext.NullTranslations()
    return gettext.translation(
        "iso639-3", pycountry.LOCALES_DIR, languages=[language], fallback=True
    )


@cache
def _codes():
    """ISO 639-1 code → English name, for the languages that have a two-letter code."""
    return {lang.alpha_2: lang.name for lang in pycountry.languages if hasattr(lang, "alpha_2")}


def _current():
    return (get_language() or "en").split("-")[0]


def language_name(code, language=None):
    """The name of language ``code`` in ``language`` (default: the active one), as it stands
    at the start of a list item; Danish writes it in lower case mid-sentence (``.lower()``)."""
    english = _codes().get(code)
    if english is None:
        return code
    return _catalogue(language or _current()).gettext(english)


def is_known(code):
    return code in _codes()


@cache
def _sorted_choices(language):
    choices = [(code, language_name(code, language)) for code in _codes()]
    return tuple(sorted(choices, key=lambda choice: choice[1].casefold()))


def language_choices(language=None):
    """``(code, name)`` pairs sorted by name in ``language`` (default: the active one)."""
    return list(_sorted_choices(language or _current()))


def describe(skills, language=None):
    """ "Spanish (fluent), Danish (a little)" for a stored list of skills."""
    labels = dict(Level.choices)
    parts = []
    for skill in skills or []:
        name = language_name(skill["language"], language)
        level = str(labels.get(skill.get("level"), "")).lower()
        parts.append(f"{name} ({level})" if level else name)
    return ", ".join(parts)
