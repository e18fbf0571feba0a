"""Who to propose to whom for a whole waiting list: the assignment of waiting newcomers to free
host places that maximises the total, solved by SciPy's ``linear_sum_assignment`` (the
Hungarian method's modern form), with a greedy one-by-one baseline beside it.

The value of putting newcomer *n* in a place of host *h* is

    MATCHED + wait_bonus(n) + score(n, h)

and a pair that breaks a hard rule is never chosen. The three parts are in order of weight:

1. ``MATCHED`` (far above any score) makes one more matched newcomer worth more than any
   common ground, so the solver matches as many people as the hard rules allow.
2. ``wait_bonus`` is one point per full week waited (``WAIT_POINTS_PER_WEEK``): when places
   are scarce, the newcomer who has waited a season longer gets the place even against a
   better-suited one, while a few days' difference is settled by common ground.
3. The common-ground score (``matching.scoring.score``) decides the rest.

A host with several free places becomes that many columns ("slots"). The scores of all pairs
are computed at once with numpy (``score_matrix``), which gives exactly ``scoring.score``'s
points; the reasons are worked out only for the pairs chosen.
"""

from dataclasses import dataclass

import numpy as np
from scipy.optimize import linear_sum_assignment

from . import scoring

MATCHED = 10_000
WAIT_POINTS_PER_WEEK = 1


def wait_bonus(waiting_days):
    return (max(waiting_days, 0) // 7) * WAIT_POINTS_PER_WEEK


@dataclass(frozen=True)
class Pair:
    newcomer: scoring.Profile
    host: scoring.Profile
    score: int
    reasons: list


def _index(values):
    """A dense index for the hashable ``values`` (first come, first numbered)."""
    index = {}
    for value in values:
        index.setdefault(value, len(index))
    return index


def _incidence(sets, index):
    """A 0/1 matrix (people × index) of which values each person has."""
    matrix = np.zeros((len(sets), max(len(index), 1)), dtype=np.int32)
    for row, values in enumerate(sets):
        for value in values:
            if value in index:
                matrix[row, index[value]] = 1
    return matrix


def score_matrix(newcomers, hosts, weights=None, earlier_rematched_pairs=()):
    """``(points, feasible)``: two newcomers × hosts arrays; ``points[i, j]`` equals
    ``scoring.score(newcomers[i], hosts[j], weights)[0]`` and ``feasible[i, j]`` is true when
    the pair breaks no hard rule."""
    weights = weights or scoring.DEFAULT_WEIGHTS
    n, m = len(newcomers), len(hosts)
    if not n or not m:
        return np.zeros((n, m), dtype=np.int64), np.zeros((n, m), dtype=bool)
    n_spoken = [p.spoken() for p in newcomers]
    h_spoken = [p.spoken() for p in hosts]
    languages = _index(code for spoken in n_spoken for code in sorted(spoken))
    shared_languages = _incidence(n_spoken, languages) @ _incidence(h_spoken, languages).T

    interests = _index(i for p in newcomers for i in sorted(p.interests))
    shared_interests = (
        _incidence([p.interests for p in newcomers], interests)
        @ _incidence([p.interests for p in hosts], interests).T
    )
    times = {time: i for i, time in enumerate(scoring.AVAILABILITY_ORDER)}
    shared_times = (
        _incidence([p.availability for p in newcomers], times)
        @ _incidence([p.availability for p in hosts], times).T
    )

    n_field = np.array([-1 if p.field is None else p.field for p in newcomers])
    h_field = np.array([-2 if p.field is None else p.field for p in hosts])
    same_field = n_field[:, None] == h_field[None, :]

    # Places: an area matches an area; without areas on both sides, a postcode a postcode.
    places = {}
    n_area = np.array(
        [
            places.setdefault(p.area_key()[0], len(places)) if p.area_key()[0] else -1
            for p in newcomers
        ]
    )
    h_area = np.array([places.get(p.area_key()[0], -2) if p.area_key()[0] else -3 for p in hosts])
    codes = {}
    n_post = np.array(
        [
            codes.setdefault(p.area_key()[1], len(codes))
            if p.area_key()[1] and not p.area_key()[0]
            else -1
            for p in newcomers
        ]
    )
    h_post = np.array(
        [
            codes.get(p.area_key()[1], -2) if p.area_key()[1] and not p.area_key()[0] else -3
            for p in hosts
        ]
    )
    same_place = (n_area[:, None] == h_area[None, :]) | (n_post[:, None] == h_post[None, :])

    n_born = np.array([p.birth_year or 0 for p in newcomers])
    h_born = np.array([p.birth_year or 0 for p in hosts])
    close_in_age = (
        (np.abs(n_born[:, None] - h_born[None, :]) <= scoring.AGE_GAP_YEARS)
        & (n_born[:, None] > 0)
        & (h_born[None, :] > 0)
    )

    points = (
        weights.language * shared_languages.astype(np.int64)
        + weights.interest * shared_interests
        + weights.professional_field * same_field
        + weights.availability * shared_times
        + weights.area * same_place
        + weights.age * close_in_age
    )

    kinds = _index(sorted({kind for p in hosts for kind in p.tracks}))
    host_tracks = _incidence([p.tracks for p in hosts], kinds).astype(bool)
    n_track = np.array([kinds.get(p.track, -1) for p in newcomers])
    right_track = np.zeros((n, m), dtype=bool)
    has_track = n_track >= 0
    right_track[has_track] = host_tracks[:, n_track[has_track]].T
    host_ok = np.array([p.free_places > 0 and p.host_course_ok for p in hosts])
    feasible = (shared_languages > 0) & right_track & host_ok[None, :]
    if earlier_rematched_pairs:
        n_pos = {p.id: i for i, p in enumerate(newcomers)}
        h_pos = {p.id: j for j, p in enumerate(hosts)}
        for newcomer_id, host_id in earlier_rematched_pairs:
            if newcomer_id in n_pos and host_id in h_pos:
                feasible[n_pos[newcomer_id], h_pos[host_id]] = False
    return points, feasible


def _pairs(newcomers, hosts, chosen, weights):
    pairs = []
    for i, j in chosen:
        points, reasons = scoring.score(newcomers[i], hosts[j], weights)
        pairs.append(Pair(newcomers[i], hosts[j], points, reasons))
    pairs.sort(key=lambda pair: (-pair.newcomer.waiting_days, pair.newcomer.id))
    return pairs


def best_assignment(newcomers, hosts, weights=None, earlier_rematched_pairs=()):
    """The pairs (``Pair``) that maximise the total value described above, longest wait
    first. Each host takes at most ``free_places`` newcomers; no pair breaks a hard rule."""
    newcomers, hosts = list(newcomers), list(hosts)
    points, feasible = score_matrix(newcomers, hosts, weights, earlier_rematched_pairs)
    places = np.array([max(p.free_places, 0) for p in hosts], dtype=np.int64)
    if not newcomers or not places.sum():
        return []
    bonus = np.array([wait_bonus(p.waiting_days) for p in newcomers], dtype=np.int64)
    value = np.where(feasible, MATCHED + bonus[:, None] + points, 0)
    # Only hosts with a feasible newcomer need columns; each takes one per free place.
    useful = np.flatnonzero(feasible.any(axis=0) & (places > 0))
    slot_host = np.repeat(useful, places[useful])
    if not len(slot_host):
        return []
    slots = value[:, slot_host]
    rows, columns = linear_sum_assignment(slots, maximize=True)
    chosen = [
        (i, slot_host[c]) for i, c in zip(rows, columns, strict=True) if feasible[i, slot_host[c]]
    ]
    return _pairs(newcomers, hosts, chosen, weights)


def greedy_assignment(newcomers, hosts, weights=None, earlier_rematched_pairs=()):
    """The baseline: newcomers one by one, longest wait first, each given the best-scoring
    host with a free place left (ties to the earlier host)."""
    newcomers, hosts = list(newcomers), list(hosts)
    points, feasible = score_matrix(newcomers, hosts, weights, earlier_rematched_pairs)
    if not newcomers or not hosts:
        return []
    left = np.array([max(p.free_places, 0) for p in hosts], dtype=np.int64)
    order = sorted(range(len(newcomers)), key=lambda i: (-newcomers[i].waiting_days, i))
    chosen = []
    for i in order:
        open_hosts = feasible[i] & (left > 0)
        if not open_hosts.any():
            continue
        j = int(np.argmax(np.where(open_hosts, points[i], -1)))
        left[j] -= 1
        chosen.append((i, j))
    return _pairs(newcomers, hosts, chosen, weights)


def total_value(pairs):
    """The solver's objective for a list of pairs (for comparing with the baseline)."""
    return sum(MATCHED + wait_bonus(p.newcomer.waiting_days) + p.score for p in pairs)
