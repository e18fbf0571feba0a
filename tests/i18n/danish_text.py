"""Finding Danish words that Danish writes in lower case, capitalised in the middle of a
sentence: weekdays, months and language names (»onsdag den 2. december«, »på dansk«)."""

import re

WEEKDAYS = ["mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag"]
MONTHS = [
    "januar",
    "februar",
    "marts",
    "april",
    "maj",
    "juni",
    "juli",
    "august",
    "september",
    "oktober",
    "november",
    "december",
]
LANGUAGES = ["dansk", "engelsk", "tysk", "fransk", "spansk", "arabisk", "ukrainsk"]

_CAPITALISED = "|".join(word.capitalize() for word in WEEKDAYS + MONTHS + LANGUAGES)
# Mid-sentence: after a lower-case word, a number (also »2.«), a comma, semicolon or colon,
# and a space.
# (After a colon Danish goes on in lower case unless a whole sentence follows, and a weekday,
# month or language name on its own is not one.)
MID_SENTENCE = re.compile(rf"(?:(?<=[a-zæøå0-9,;:)] )|(?<=[0-9]\. ))({_CAPITALISED})\b")

_INLINE = r"a|abbr|b|em|i|small|span|strong|time"


def page_lines(html):
    """A page's visible text, one line per block element (inline markup removed)."""
    html = re.sub(r"<(script|style|head)\b[^>]*>.*?</\1>", "\n", html, flags=re.S | re.I)
    html = re.sub(rf"</?({_INLINE})\b[^>]*>", "", html)
    html = re.sub(r"<[^>]+>", "\n", html)
    return [" ".join(line.split()) for line in html.splitlines() if line.strip()]


def capitalised_mid_sentence(lines):
    """The lines (of a page or an email) where such a word is capitalised mid-sentence."""
    return [line for line in lines if MID_SENTENCE.search(line)]
