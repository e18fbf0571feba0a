"""The Danish catalogue uses the glossary's words (../shared/GLOSSARY.md) and its rules."""

import re
from pathlib import Path

import polib
import pytest

CATALOGUE = Path(__file__).resolve().parents[2] / "locale/da/LC_MESSAGES/django.po"

# A term the glossary replaces, or a habit its rules forbid -> what to write instead.
FORBIDDEN = {
    r"login-(kode|side)": "compounds in one word: loginkode, loginsiden",
    r"\bpassword": "adgangskode",
    r"pladser taget": "optagne pladser",
    r"\bvenligst\b": "no »venligst«: the imperative is polite enough",
    r"fuldt booket|\bbook(e|et|ede)?\b": "alle pladser er optaget / bestille",
    r"\bsucces(fuldt)?\b|with success": "»Din adgangskode er ændret.«",
    r"(?<![-\w])e?mail": "e-mail, with a hyphen (»email«, »mail« alone)",
    r"bekræftelses-?e?mail": "e-mail med et bekræftelseslink",
    r"kalender-app": "kalenderapp",
    r"\bTak fordi\b": "a comma before a subordinate clause: »Tak, fordi …«",
    r"[“”]": "»…« for quotations",
    r"\bi (deltager)?portalen\b": "på portalen",
    r"\bi køen?\b|\bnummer i køen\b": "på ventelisten",
    r"\bfulgt op\b(?! på)": "håndteret (a check-in); »der er fulgt op på …«",
    r"\bgrund til afslutning|\bangiv en grund\b": "begrundelse",
    r"\bAfsender\b": "a quote's attribution is not its sender",
    r"\bafmeldt\b": "melde afbud",
    r"\bdetaljer(ne)?\b": "oplysninger",
    r"\bdownload(en)?\b": "hente / filen",
    r"\bher på siden\b(?=.*aktivitet)": "på webstedet",
}

PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|\{\{[^}]*\}\}|<[^>]+>")


def glossary_violations(danish):
    """The forbidden terms found in one Danish text (placeholders and markup left out)."""
    text = PLACEHOLDER.sub(" ", danish)
    return [advice for pattern, advice in FORBIDDEN.items() if re.search(pattern, text, re.I)]


def danish_texts():
    for entry in polib.pofile(str(CATALOGUE)):
        for text in [entry.msgstr, *entry.msgstr_plural.values()]:
            if text:
                yield entry.msgid, text


@pytest.mark.parametrize(
    "bad",
    [
        "Indtast din login-kode",
        "Ret venligst de markerede felter",
        "%(taken)s af %(capacity)s pladser taget",
        "Password ændret med success.",
        "Bekræftelses-email sendt til %(email)s.",
        "Arrangementet er fuldt booket.",
        "Tak fordi du vil være vært!",
        "Søgeresultater for “%(query)s”",
        "Se status i portalen:",
        "Nummer i køen",
        "%(match)s er markeret som fulgt op.",
        "Afsender",
        "Denne tilmelding er afmeldt.",
    ],
)
def test_the_check_finds_the_terms_the_glossary_replaces(bad):
    assert glossary_violations(bad) != []


@pytest.mark.parametrize(
    "good",
    [
        "Skriv din loginkode",
        "Din adgangskode er ændret.",
        "Vi har sendt et bekræftelseslink til %(email)s.",
        "Du logger ind med din e-mailadresse, %(email)s.",
        "Alle pladser er optaget: du er nummer %(position)s på ventelisten.",
        "Tak, fordi du vil være vært!",
        "Søgeresultater for »%(query)s«",
        "der er fulgt op på parret",
    ],
)
def test_the_check_accepts_the_glossarys_words(good):
    assert glossary_violations(good) == []


def test_the_catalogue_uses_the_glossarys_words():
    found = {
        msgid: problems for msgid, text in danish_texts() if (problems := glossary_violations(text))
    }
    assert found == {}


def test_the_catalogue_is_complete_and_nothing_is_fuzzy():
    catalogue = polib.pofile(str(CATALOGUE))
    assert [e.msgid for e in catalogue.untranslated_entries()] == []
    assert [e.msgid for e in catalogue.fuzzy_entries()] == []
