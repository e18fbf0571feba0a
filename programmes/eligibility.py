"""Eligibility rules of a programme as plain functions of (rules, answers, today).

Postcodes are written as a list of single postcodes and ranges, for example
``"1000-2999, 4000"``: commas, semicolons, spaces or new lines separate the parts.
"""

import re

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

POSTCODE = re.compile(r"^\d{4}$")


def parse_postcodes(text):
    """The postcode ranges of ``text`` as a list of (first, last) pairs of ints.

    Raises ValidationError naming each part that is not a four-digit postcode or a range of
    two with the lower one first. An empty text gives an empty list (every postcode)."""
    ranges, bad = [], []
    text = re.sub(r"\s*[-–]\s*", "-", (text or "").strip())
    for part in re.split(r"[,;\s]+", text):
        if not part:
            continue
        first, dash, last = part.partition("-")
        last = last if dash else first
        if POSTCODE.match(first) and POSTCODE.match(last) and int(first) <= int(last):
            ranges.append((int(first), int(last)))
        else:
            bad.append(part)
    if bad:
        raise ValidationError(
            _(
                "Write postcodes of four digits and ranges such as 1000-2999, separated by "
                "commas. Not understood: %(parts)s"
            )
            % {"parts": ", ".join(bad)},
            code="invalid_postcodes",
        )
    return ranges


def postcode_allowed(text, postcode):
    """Whether ``postcode`` falls in the postcodes ``text`` lists (an empty text allows all)."""
    ranges = parse_postcodes(text)
    if not ranges:
        return True
    postcode = (postcode or "").strip()
    if not POSTCODE.match(postcode):
        return False
    return any(first <= int(postcode) <= last for first, last in ranges)


def years_after(date, years):
    """The same day ``years`` later (29 February becomes 28 February)."""
    try:
        return date.replace(year=date.year + years)
    except ValueError:
        return date.replace(year=date.year + years, day=28)


def arrived_recently_enough(arrived, max_years, today=None):
    """Whether someone who arrived on ``arrived`` has been in Denmark at most ``max_years``
    years on ``today``: on the day exactly ``max_years`` years later they still are, the day
    after they are not. No limit (None) allows everyone."""
    if max_years is None:
        return True
    if arrived is None:
        return False
    today = today or timezone.localdate()  # Denmark's date, not the server's
    return today <= years_after(arrived, max_years)


def eligibility_problems(*, max_years, postcodes, arrived, postcode, today=None):
    """Translated reasons why someone does not meet the rules; empty when they do."""
    problems = []
    if not arrived_recently_enough(arrived, max_years, today):
        problems.append(
            ngettext(
                "The programme is for people who have lived in Denmark at most %(years)s year.",
                "The programme is for people who have lived in Denmark at most %(years)s years.",
                max_years,
            )
            % {"years": max_years}
        )
    if not postcode_allowed(postcodes, postcode):
        problems.append(_("The programme does not cover this postcode."))
    return problems
