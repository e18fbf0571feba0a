"""Made-up waiting lists for the benchmark and the tests: plain ``Profile`` objects with
attributes mixed like Copenhagen's (languages, interests, fields, times, postcodes,
capacities 1–3), from a seeded generator so every run sees the same people."""

import random

from .scoring import HOST, NEWCOMER, Profile

# Languages newcomers in Copenhagen speak (weights roughly as the programme's intake), and
# the languages hosts speak besides Danish.
NEWCOMER_LANGUAGES = {
    "en": 60,
    "ar": 12,
    "es": 10,
    "uk": 10,
    "fa": 6,
    "fr": 6,
    "de": 5,
    "pt": 4,
    "ru": 5,
    "hi": 5,
    "tr": 3,
    "it": 4,
    "pl": 3,
    "so": 2,
    "ti": 2,
    "zh": 4,
    "ur": 3,
    "ro": 2,
}
HOST_LANGUAGES = {
    "en": 85,
    "de": 15,
    "es": 8,
    "fr": 8,
    "sv": 10,
    "no": 8,
    "ar": 3,
    "uk": 1,
    "it": 2,
    "pl": 2,
    "tr": 2,
    "fa": 1,
    "pt": 2,
    "ru": 1,
}
LEVELS = ["basic", "conversational", "fluent", "native"]
INTERESTS = 30  # ids 1..30
FIELDS = 20  # ids 1..20
TIMES = ["weekday_daytime", "evenings", "weekends"]
AREAS = [
    ("København K", "1050"),
    ("København N", "2200"),
    ("København S", "2300"),
    ("København NV", "2400"),
    ("Valby", "2500"),
    ("Vanløse", "2720"),
    ("Brønshøj", "2700"),
    ("Frederiksberg", "2000"),
    ("Østerbro", "2100"),
    ("Amager", "2770"),
    ("Hvidovre", "2650"),
    ("Gentofte", "2820"),
    ("Lyngby", "2800"),
    ("Gladsaxe", "2860"),
    ("Rødovre", "2610"),
]
TRACKS = ["career", "culture"]


def _pick_languages(rng, table, count):
    codes = rng.choices(list(table), weights=list(table.values()), k=count)
    return list(dict.fromkeys(codes))


def newcomer(rng, pk):
    codes = _pick_languages(rng, NEWCOMER_LANGUAGES, rng.randint(1, 3))
    languages = {code: rng.choice(LEVELS[1:]) for code in codes}
    languages[codes[0]] = "native"
    if rng.random() < 0.4:
        languages.setdefault("da", "basic")
    area, postcode = rng.choice(AREAS)
    return Profile(
        id=pk,
        role=NEWCOMER,
        tracks=frozenset([rng.choices(TRACKS, weights=[3, 2])[0]]),
        languages=languages,
        interests=frozenset(rng.sample(range(1, INTERESTS + 1), rng.randint(1, 5))),
        field=rng.randint(1, FIELDS) if rng.random() < 0.85 else None,
        availability=frozenset(rng.sample(TIMES, rng.randint(1, 3))),
        postcode=postcode,
        area=area,
        birth_year=rng.randint(1965, 2003),
        waiting_days=int(rng.expovariate(1 / 90)),
        name=f"Newcomer {pk}",
    )


def host(rng, pk, require_course=0.15):
    languages = {"da": "native"}
    for code in _pick_languages(rng, HOST_LANGUAGES, rng.randint(1, 3)):
        languages.setdefault(code, rng.choice(LEVELS))
    area, postcode = rng.choice(AREAS)
    tracks = rng.choices([["career"], ["culture"], ["career", "culture"]], weights=[4, 4, 2])[0]
    return Profile(
        id=pk,
        role=HOST,
        tracks=frozenset(tracks),
        languages=languages,
        interests=frozenset(rng.sample(range(1, INTERESTS + 1), rng.randint(1, 5))),
        field=rng.randint(1, FIELDS) if rng.random() < 0.9 else None,
        availability=frozenset(rng.sample(TIMES, rng.randint(1, 3))),
        postcode=postcode,
        area=area,
        birth_year=rng.randint(1950, 2000),
        free_places=rng.choices([1, 2, 3], weights=[6, 3, 1])[0],
        host_course_ok=rng.random() >= require_course,
        name=f"Host {pk}",
    )


def waiting_list(seed, newcomers, hosts):
    """``(newcomers, hosts)``: two lists of profiles, the same for the same arguments."""
    rng = random.Random(seed)  # noqa: S311 (made-up people, not secrets)
    people = [newcomer(rng, pk) for pk in range(1, newcomers + 1)]
    offering = [host(rng, 100_000 + pk) for pk in range(1, hosts + 1)]
    return people, offering
