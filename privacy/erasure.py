"""Erasing a person: one function, used by the coordinator's "Erase", the participant's own
request in the portal and the daily retention run.

Personal data is removed or anonymised in every model the registry declares; the rows that
reports count (matches, meetings' dates and durations, check-in scores) stay, attached to the
anonymised participant. The account can no longer log in and its email address is free again.
"""

import json

from django.db import transaction

from . import registry

ERASED_TEXT = "[erased]"
ERASED_EMAIL_DOMAIN = "erased.invalid"  # .invalid never resolves (RFC 2606): nothing is sent


def erased_email(user):
    return f"erased-{user.pk}@{ERASED_EMAIL_DOMAIN}"


def is_erased_email(email):
    return (email or "").lower().endswith("@" + ERASED_EMAIL_DOMAIN)


def scrub(text, identifiers):
    """``text`` with every identifier (email, full name) replaced by ERASED_TEXT."""
    if not text:
        return text
    lowered = text.lower()
    for identifier in identifiers:
        start = lowered.find(identifier.lower())
        while start != -1:
            text = text[:start] + ERASED_TEXT + text[start + len(identifier) :]
            lowered = text.lower()
            start = lowered.find(identifier.lower(), start + len(ERASED_TEXT))
    return text


def scrub_json(value, identifiers):
    """A JSON value with every identifier replaced inside its strings (keys included)."""
    if value in (None, "", {}, []):
        return value
    return json.loads(scrub(json.dumps(value, ensure_ascii=False), identifiers))


def _erase_order(declaration):
    # The account goes last: the other models find their rows through it.
    return (declaration.label == "accounts.User", declaration.label)


@transaction.atomic
def erase_person(user):
    """Erase ``user`` (and their participant record) everywhere; return {model label: rows}.

    Safe to run twice: a second run finds nothing left to anonymise."""
    person = registry.Person.of(user)
    counts = {}
    for declaration in sorted(registry.personal_declarations(), key=_erase_order):
        counts[declaration.label] = declaration.erase(person)
        if declaration.after_erase:
            declaration.after_erase(person)
    return counts


def erase_participant(participant):
    return erase_person(participant.user)
