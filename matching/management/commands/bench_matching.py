"""``manage.py bench_matching``: the whole-waiting-list solver against the greedy baseline on
made-up people (``matching.synthetic``; in memory, no database), timed on one core."""

import time

from django.core.management.base import BaseCommand

from matching import assignment, synthetic


def _timed(function, *args):
    start = time.perf_counter()
    result = function(*args)
    return result, time.perf_counter() - start


def longest_wait_left(newcomers, pairs):
    matched = {pair.newcomer.id for pair in pairs}
    waits = [p.waiting_days for p in newcomers if p.id not in matched]
    return max(waits, default=0)


def run(*, seed, newcomers, hosts, weights=None):
    """The figures of one run, as a dict per method."""
    people, offering = synthetic.waiting_list(seed, newcomers, hosts)
    _, scoring_time = _timed(assignment.score_matrix, people, offering, weights)
    rows = {}
    for label, function in (
        ("optimal", assignment.best_assignment),
        ("greedy", assignment.greedy_assignment),
    ):
        pairs, seconds = _timed(function, people, offering, weights)
        rows[label] = {
            "seconds": seconds,
            "matched": len(pairs),
            "total_score": sum(pair.score for pair in pairs),
            "longest_wait_left": longest_wait_left(people, pairs),
        }
    return {
        "places": sum(p.free_places for p in offering),
        "scoring_seconds": scoring_time,
        "rows": rows,
    }


class Command(BaseCommand):
    help = "Time the matching solver on made-up waiting lists and compare it with greedy."

    def add_arguments(self, parser):
        parser.add_argument("--seed", type=int, default=2026)
        parser.add_argument("--newcomers", type=int, default=1000)
        parser.add_argument("--hosts", type=int, default=1000)

    def handle(self, *args, seed, newcomers, hosts, **options):
        result = run(seed=seed, newcomers=newcomers, hosts=hosts)
        out = self.stdout.write
        out(
            f"{newcomers} waiting newcomers, {hosts} hosts with {result['places']} places "
            f"(seed {seed}); scoring all pairs alone: {result['scoring_seconds']:.2f} s"
        )
        out("")
        out(
            f"{'method':<10}{'seconds':>9}{'matched':>9}{'total score':>13}"
            f"{'longest wait left':>19}"
        )
        for label, row in result["rows"].items():
            out(
                f"{label:<10}{row['seconds']:>9.2f}{row['matched']:>9}{row['total_score']:>13}"
                f"{row['longest_wait_left']:>14} days"
            )
        optimal, greedy = result["rows"]["optimal"], result["rows"]["greedy"]
        out("")
        out(
            f"optimal vs greedy: {optimal['matched'] - greedy['matched']:+} matched, "
            f"{optimal['total_score'] - greedy['total_score']:+} total score; "
            f"goal: score and solve under 2 s (took {optimal['seconds']:.2f} s)"
        )
