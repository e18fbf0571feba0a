"""Common ground between a newcomer and a host: the score, its reasons, and the hard rules.

Everything here is a pure function over plain values (``Profile``, ``Weights``); nothing
touches the database, so the benchmark (``manage.py bench_matching``) and the tests build
profiles in memory and ``matching.candidates`` loads them for the screens.

The points (each weight is a programme setting, see ``programmes.Programme.weight_*``):

- each language both speak at least conversationally: ``language``;
- each interest both chose: ``interest``;
- the same professional field: ``professional_field``;
- each time of the week both are free: ``availability``;
- the same area (or, without an area, the same postcode): ``area``;
- born within ten years of each other: ``age``.

A reason is plain data, ``{"code": "language", "values": ["es"]}``, stored with a proposal
and put into words in the reader's language by ``reasons_in_words``.
"""

from dataclasses import dataclass, field

from django.utils import translation
from django.utils.text import get_text_list
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from programmes.languages import LEVEL_RANK, Level, language_name

NEWCOMER = "newcomer"
HOST = "host"

# A language counts as shared (for the hard rule and for points) when both speak it at least
# this well: "a little" on either side is not enough to hold a conversation.
SHARED_LANGUAGE_LEVEL = LEVEL_RANK[Level.CONVERSATIONAL]
# Born at most this many years apart counts as "close in age".
AGE_GAP_YEARS = 10

# The hard rules, in the order they are reported.
NO_SHARED_LANGUAGE = "language"
WRONG_TRACK = "track"
NO_FREE_PLACE = "capacity"
NO_HOST_COURSE = "host_course"
REMATCHED_BEFORE = "rematched"
HARD_RULES = (NO_SHARED_LANGUAGE, WRONG_TRACK, NO_FREE_PLACE, NO_HOST_COURSE, REMATCHED_BEFORE)

# The order reasons are given in, and the availability values in the order of the week.
REASON_ORDER = ("language", "interest", "field", "availability", "area", "age")
AVAILABILITY_ORDER = ("weekday_daytime", "evenings", "weekends")


@dataclass(frozen=True)
class Weights:
    """Points per kind of common ground; the defaults are the programme model's defaults."""

    language: int = 3
    interest: int = 2
    professional_field: int = 4
    availability: int = 1
    area: int = 2
    age: int = 1

    @classmethod
    def from_programme(cls, programme):
        return cls(
            language=programme.weight_language,
            interest=programme.weight_interest,
            professional_field=programme.weight_professional_field,
            availability=programme.weight_availability,
            area=programme.weight_area,
            age=programme.weight_age,
        )


DEFAULT_WEIGHTS = Weights()


@dataclass(frozen=True)
class Profile:
    """What matching knows about one person. ``tracks`` is the kind a newcomer wants (one) or
    the kinds a host offers; ``languages`` maps ISO 639-1 codes to ``Level`` values;
    ``free_places`` (hosts) is their capacity less active matches and pending proposals;
    ``host_course_ok`` (hosts) is true when the host course was attended, waived or not
    required."""

    id: int
    role: str
    tracks: frozenset = frozenset()
    languages: dict = field(default_factory=dict)
    interests: frozenset = frozenset()
    field: int | None = None
    availability: frozenset = frozenset()
    postcode: str = ""
    area: str = ""
    birth_year: int | None = None
    waiting_days: int = 0
    free_places: int = 0
    host_course_ok: bool = True
    name: str = ""

    def spoken(self):
        """The languages spoken well enough to talk in."""
        return {
            code
            for code, level in self.languages.items()
            if LEVEL_RANK.get(level, 0) >= SHARED_LANGUAGE_LEVEL
        }

    @property
    def track(self):
        """A newcomer's one track (or ``None``)."""
        return next(iter(sorted(self.tracks)), None)

    def area_key(self):
        """What "living in the same place" compares: the area, else the postcode."""
        return (self.area.strip().casefold(), self.postcode.strip())


def shared_languages(newcomer, host):
    return sorted(newcomer.spoken() & host.spoken())


def _same_place(newcomer, host):
    """The area both live in (as the newcomer wrote it), or "" when not the same."""
    n_area, n_post = newcomer.area_key()
    h_area, h_post = host.area_key()
    if n_area and n_area == h_area:
        return newcomer.area.strip()
    if not n_area and not h_area and n_post and n_post == h_post:
        return newcomer.postcode.strip()
    return ""


def score(newcomer, host, weights=None):
    """``(points, reasons)`` for the pair; reasons as plain data in ``REASON_ORDER``."""
    weights = weights or DEFAULT_WEIGHTS
    points = 0
    reasons = []
    languages = shared_languages(newcomer, host)
    if languages:
        points += weights.language * len(languages)
        reasons.append({"code": "language", "values": languages})
    interests = sorted(newcomer.interests & host.interests)
    if interests:
        points += weights.interest * len(interests)
        reasons.append({"code": "interest", "values": interests})
    if newcomer.field is not None and newcomer.field == host.field:
        points += weights.professional_field
        reasons.append({"code": "field", "values": [newcomer.field]})
    times = [
        time for time in AVAILABILITY_ORDER if time in newcomer.availability & host.availability
    ]
    if times:
        points += weights.availability * len(times)
        reasons.append({"code": "availability", "values": times})
    place = _same_place(newcomer, host)
    if place:
        points += weights.area
        reasons.append({"code": "area", "values": [place]})
    if (
        newcomer.birth_year
        and host.birth_year
        and abs(newcomer.birth_year - host.birth_year) <= AGE_GAP_YEARS
    ):
        points += weights.age
        reasons.append({"code": "age", "values": []})
    return points, reasons


def hard_rule_problems(newcomer, host, earlier_rematched_pairs=frozenset()):
    """The hard rules the pair breaks (codes of ``HARD_RULES``); empty when they may be
    proposed. ``earlier_rematched_pairs`` holds ``(newcomer id, host id)`` of matches that
    ended after a re-match request: those two are never put together again."""
    problems = []
    if not shared_languages(newcomer, host):
        problems.append(NO_SHARED_LANGUAGE)
    if newcomer.track is None or newcomer.track not in host.tracks:
        problems.append(WRONG_TRACK)
    if host.free_places < 1:
        problems.append(NO_FREE_PLACE)
    if not host.host_course_ok:
        problems.append(NO_HOST_COURSE)
    if (newcomer.id, host.id) in earlier_rematched_pairs:
        problems.append(REMATCHED_BEFORE)
    return problems


# --- in words -----------------------------------------------------------------------------------


def _lower_first(name):
    """ "Sailing" → "sailing" mid-sentence, but "IT" stays "IT"."""
    if len(name) > 1 and name[1].isupper():
        return name
    return name[:1].lower() + name[1:]


def _name(names, kind, value):
    return str((names or {}).get(kind, {}).get(value, value))


def _reason_in_words(reason, names, language):
    code, values = reason.get("code"), reason.get("values") or []
    if code == "language":
        listed = [language_name(value, language) for value in values]
        if language == "da":
            listed = [name.lower() for name in listed]
        return _("both speak %(languages)s") % {"languages": get_text_list(listed, _("and"))}
    if code == "interest":
        listed = [_lower_first(_name(names, "interest", value)) for value in values]
        return _("both like %(interests)s") % {"interests": get_text_list(listed, _("and"))}
    if code == "field":
        field_name = _lower_first(_name(names, "field", values[0])) if values else ""
        return _("same professional field: %(field)s") % {"field": field_name}
    if code == "availability":
        times = {
            "weekday_daytime": pgettext("both free", "on weekdays in the daytime"),
            "evenings": pgettext("both free", "in the evenings"),
            "weekends": pgettext("both free", "at weekends"),
        }
        listed = [str(times.get(value, value)) for value in values]
        return _("both free %(times)s") % {"times": get_text_list(listed, _("and"))}
    if code == "area":
        return _("both live in %(area)s") % {"area": values[0] if values else ""}
    if code == "age":
        return _("close in age")
    return ""


def reasons_in_words(reasons, language, names=None):
    """The reasons as one line in ``language`` ("en" or "da"): "both speak Spanish; both
    like sailing; same professional field: engineering; both free at weekends; both live in
    Frederiksberg". ``names`` gives the interests' and fields' names in that language:
    ``{"interest": {id: name}, "field": {id: name}}`` (ids without a name are shown as
    they are)."""
    with translation.override(language):
        words = [_reason_in_words(reason, names, language) for reason in reasons]
        return "; ".join(word for word in words if word)


def problems_in_words(problems, language=None):
    """The broken hard rules as short sentences in ``language`` (default: the active one)."""
    with translation.override(language or translation.get_language()):
        messages = {
            NO_SHARED_LANGUAGE: _("They share no language."),
            WRONG_TRACK: _("The host does not offer the newcomer's track."),
            NO_FREE_PLACE: _("The host has no free place."),
            NO_HOST_COURSE: _("The host has not attended a host course."),
            REMATCHED_BEFORE: _("Their earlier match ended after a re-match request."),
        }
        return [str(messages[problem]) for problem in problems if problem in messages]
