"""Common ground in points and words, and the hard rules, over plain profiles."""

import pytest

from matching.scoring import (
    HOST,
    NEWCOMER,
    Profile,
    Weights,
    hard_rule_problems,
    problems_in_words,
    reasons_in_words,
    score,
)
from tests.factories import ProgrammeFactory

NAMES_EN = {"interest": {7: "Sailing", 9: "IT security"}, "field": {3: "Engineering"}}
NAMES_DA = {"interest": {7: "Sejlads", 9: "IT-sikkerhed"}, "field": {3: "Ingeniørarbejde"}}


def newcomer(**kwargs):
    values = {
        "id": 1,
        "role": NEWCOMER,
        "tracks": frozenset({"career"}),
        "languages": {"es": "native", "en": "fluent"},
        "waiting_days": 30,
    }
    return Profile(**{**values, **kwargs})


def host(**kwargs):
    values = {
        "id": 2,
        "role": HOST,
        "tracks": frozenset({"career", "culture"}),
        "languages": {"da": "native", "es": "conversational"},
        "free_places": 1,
    }
    return Profile(**{**values, **kwargs})


def test_every_kind_of_common_ground_scores_its_weight_and_gives_its_reason():
    n = newcomer(
        interests=frozenset({7, 8}),
        field=3,
        availability=frozenset({"weekends", "evenings"}),
        area="Frederiksberg",
        birth_year=1990,
    )
    h = host(
        interests=frozenset({7, 9}),
        field=3,
        availability=frozenset({"weekends"}),
        area="frederiksberg ",
        birth_year=1982,
    )
    weights = Weights(
        language=5, interest=7, professional_field=11, availability=13, area=17, age=19
    )
    points, reasons = score(n, h, weights)
    assert points == 5 + 7 + 11 + 13 + 17 + 19
    assert reasons == [
        {"code": "language", "values": ["es"]},
        {"code": "interest", "values": [7]},
        {"code": "field", "values": [3]},
        {"code": "availability", "values": ["weekends"]},
        {"code": "area", "values": ["Frederiksberg"]},
        {"code": "age", "values": []},
    ]
    assert reasons_in_words(reasons, "en", NAMES_EN) == (
        "both speak Spanish; both like sailing; same professional field: engineering; "
        "both free at weekends; both live in Frederiksberg; close in age"
    )
    assert reasons_in_words(reasons, "da", NAMES_DA) == (
        "begge taler spansk; begge kan lide sejlads; samme faglige område: ingeniørarbejde; "
        "begge har tid i weekenden; begge bor i Frederiksberg; næsten samme alder"
    )


def test_lists_in_words_and_names_that_keep_their_capitals():
    reasons = [
        {"code": "language", "values": ["ar", "en"]},
        {"code": "interest", "values": [7, 9]},
        {"code": "availability", "values": ["weekday_daytime", "evenings"]},
    ]
    assert reasons_in_words(reasons, "en", NAMES_EN) == (
        "both speak Arabic and English; both like sailing and IT security; "
        "both free on weekdays in the daytime and in the evenings"
    )
    assert reasons_in_words(reasons, "da", NAMES_DA) == (
        "begge taler arabisk og engelsk; begge kan lide sejlads og IT-sikkerhed; "
        "begge har tid på hverdage om dagen og om aftenen"
    )


def test_the_weights_come_from_the_programme(db):
    programme = ProgrammeFactory(weight_language=9, weight_interest=0, weight_area=4)
    weights = Weights.from_programme(programme)
    n = newcomer(interests=frozenset({7}), postcode="2000")
    h = host(interests=frozenset({7}), postcode="2000")
    points, reasons = score(n, h, weights)
    assert points == 9 + 0 + 4
    assert [reason["code"] for reason in reasons] == ["language", "interest", "area"]


def test_a_little_of_a_language_is_not_a_shared_language():
    n = newcomer(languages={"da": "basic", "ar": "native"})
    h = host(languages={"da": "native", "en": "fluent"})
    assert score(n, h)[0] == 0
    assert hard_rule_problems(n, h) == ["language"]


def test_a_pair_that_breaks_no_rule_has_no_problems():
    assert hard_rule_problems(newcomer(), host()) == []


@pytest.mark.parametrize(
    ("change_newcomer", "change_host", "rematched", "problem", "english", "danish"),
    [
        (
            {"languages": {"uk": "native"}},
            {},
            set(),
            "language",
            "They share no language.",
            "De har intet sprog til fælles.",
        ),
        (
            {"tracks": frozenset({"culture"})},
            {"tracks": frozenset({"career"})},
            set(),
            "track",
            "The host does not offer the newcomer's track.",
            "Værten tilbyder ikke den nytilkomnes spor.",
        ),
        (
            {},
            {"free_places": 0},
            set(),
            "capacity",
            "The host has no free place.",
            "Værten har ingen ledig plads.",
        ),
        (
            {},
            {"host_course_ok": False},
            set(),
            "host_course",
            "The host has not attended a host course.",
            "Værten har ikke deltaget i et værtskursus.",
        ),
        (
            {},
            {},
            {(1, 2)},
            "rematched",
            "Their earlier match ended after a re-match request.",
            "Deres tidligere match sluttede efter et ønske om nyt match.",
        ),
    ],
)
def test_each_hard_rule_broken_once(
    change_newcomer, change_host, rematched, problem, english, danish
):
    problems = hard_rule_problems(newcomer(**change_newcomer), host(**change_host), rematched)
    assert problems == [problem]
    assert problems_in_words(problems, "en") == [english]
    assert problems_in_words(problems, "da") == [danish]
