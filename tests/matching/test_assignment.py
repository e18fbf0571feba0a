"""The whole-waiting-list solver against the greedy baseline, on plain profiles."""

import random

import pytest

from matching import assignment, synthetic
from matching.scoring import HOST, NEWCOMER, Profile, hard_rule_problems, score


def person(pk, role, **kwargs):
    values = {
        "id": pk,
        "role": role,
        "tracks": frozenset({"career"}),
        "languages": {"en": "fluent"},
    }
    if role == HOST:
        values["free_places"] = 1
    return Profile(**{**values, **kwargs})


@pytest.mark.parametrize("seed", range(12))
def test_the_optimum_is_never_worse_than_greedy_and_breaks_no_rule(seed):
    rng = random.Random(seed)
    newcomers, hosts = synthetic.waiting_list(seed, rng.randint(5, 60), rng.randint(3, 50))
    rematched = {(newcomers[0].id, hosts[0].id)}
    best = assignment.best_assignment(newcomers, hosts, None, rematched)
    greedy = assignment.greedy_assignment(newcomers, hosts, None, rematched)
    assert assignment.total_value(best) >= assignment.total_value(greedy)
    assert len(best) >= len(greedy)
    taken = {}
    for pair in best:
        assert hard_rule_problems(pair.newcomer, pair.host, rematched) == []
        assert (pair.score, pair.reasons) == score(pair.newcomer, pair.host)
        taken[pair.host.id] = taken.get(pair.host.id, 0) + 1
    assert all(taken[h.id] <= h.free_places for h in hosts if h.id in taken)
    assert len({pair.newcomer.id for pair in best}) == len(best)


def test_the_score_matrix_agrees_with_score_and_the_hard_rules():
    newcomers, hosts = synthetic.waiting_list(5, 80, 80)
    points, feasible = assignment.score_matrix(newcomers, hosts)
    for i, n in enumerate(newcomers):
        for j, h in enumerate(hosts):
            assert points[i, j] == score(n, h)[0]
            assert feasible[i, j] == (not hard_rule_problems(n, h))


def test_a_crafted_case_where_the_optimum_beats_greedy():
    # Anna waited longest and greedy gives her the host both could have; Ben, who speaks
    # only Arabic, is then left without anyone. The solver gives Anna the other host.
    anna = person(
        1, NEWCOMER, languages={"en": "fluent"}, interests=frozenset({1}), waiting_days=60
    )
    ben = person(2, NEWCOMER, languages={"ar": "native"}, waiting_days=30)
    both = person(10, HOST, languages={"en": "fluent", "ar": "fluent"}, interests=frozenset({1}))
    english = person(11, HOST, languages={"en": "native"})
    greedy = assignment.greedy_assignment([anna, ben], [both, english])
    best = assignment.best_assignment([anna, ben], [both, english])
    assert [(p.newcomer.id, p.host.id) for p in greedy] == [(1, 10)]
    assert [(p.newcomer.id, p.host.id) for p in best] == [(1, 11), (2, 10)]
    assert sum(p.score for p in best) > sum(p.score for p in greedy)


def test_a_host_with_three_places_takes_three():
    newcomers = [person(pk, NEWCOMER, waiting_days=7 * pk) for pk in range(1, 5)]
    host = person(10, HOST, free_places=3)
    best = assignment.best_assignment(newcomers, [host])
    assert sorted(p.newcomer.id for p in best) == [2, 3, 4]
    assert {p.host.id for p in best} == {10}


def test_a_long_wait_gets_the_scarce_place_over_better_common_ground():
    host = person(10, HOST, interests=frozenset({1, 2, 3}), field=5)
    patient = person(1, NEWCOMER, waiting_days=200)
    suited = person(2, NEWCOMER, waiting_days=10, interests=frozenset({1, 2, 3}), field=5)
    best = assignment.best_assignment([suited, patient], [host])
    assert [p.newcomer.id for p in best] == [1]


def test_a_few_days_more_waiting_does_not_outweigh_common_ground():
    host = person(10, HOST, interests=frozenset({1, 2, 3}), field=5)
    patient = person(1, NEWCOMER, waiting_days=14)
    suited = person(2, NEWCOMER, waiting_days=10, interests=frozenset({1, 2, 3}), field=5)
    best = assignment.best_assignment([patient, suited], [host])
    assert [p.newcomer.id for p in best] == [2]


def test_nobody_is_paired_against_a_hard_rule_even_when_places_are_left():
    newcomer = person(1, NEWCOMER, languages={"uk": "native"})
    hosts = [person(10, HOST), person(11, HOST, tracks=frozenset({"culture"}))]
    assert assignment.best_assignment([newcomer], hosts) == []
    assert assignment.greedy_assignment([newcomer], hosts) == []


def test_the_benchmark_reports_both_methods(capsys):
    from django.core.management import call_command

    call_command("bench_matching", "--newcomers", "200", "--hosts", "150", "--seed", "3")
    out = capsys.readouterr().out
    assert "200 waiting newcomers, 150 hosts" in out
    assert out.count(" days") == 2
    assert "optimal" in out and "greedy" in out
