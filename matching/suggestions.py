"""The coordinator's suggestions: the best hosts for one waiting newcomer, the best assignment
for a whole waiting list, and turning the pairs the coordinator keeps into match proposals.

Proposing checks everything again against the database as it is now (someone may have been
matched or proposed meanwhile, a host's place taken): a pair that breaks a hard rule or a
newcomer no longer waiting stops the whole confirmation with a clear message, and nothing is
proposed (one transaction, the hosts' rows locked while places are counted).
"""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from portal.models import Participant

from . import assignment, candidates, scoring
from .proposals import propose


@dataclass
class Row:
    """One proposed pair on the whole-list screen, with the hosts it could be swapped to."""

    newcomer: object  # Participant
    waiting_days: int
    host: object  # Participant or None
    score: int
    reasons: str
    options: list  # (Participant, points) of every feasible host, best first


def whole_list(programme, kind, language, today=None):
    """``(rows, unmatched)``: the best assignment's pairs as ``Row`` (longest wait first) and
    the waiting newcomers it leaves without a host (``(Participant, waiting days)``)."""
    found = candidates.load(programme, kind, today=today)
    pairs = assignment.best_assignment(found.newcomers, found.hosts, found.weights, found.rematched)
    points, feasible = assignment.score_matrix(
        found.newcomers, found.hosts, found.weights, found.rematched
    )
    names = found.names(language)
    position = {profile.id: i for i, profile in enumerate(found.newcomers)}
    rows = []
    for pair in pairs:
        i = position[pair.newcomer.id]
        options = sorted(
            (
                (found.people[host.id], int(points[i, j]))
                for j, host in enumerate(found.hosts)
                if feasible[i, j]
            ),
            key=lambda option: (-option[1], str(option[0])),
        )
        rows.append(
            Row(
                newcomer=found.people[pair.newcomer.id],
                waiting_days=pair.newcomer.waiting_days,
                host=found.people[pair.host.id],
                score=pair.score,
                reasons=scoring.reasons_in_words(pair.reasons, language, names),
                options=options,
            )
        )
    matched = {pair.newcomer.id for pair in pairs}
    unmatched = [
        (found.people[profile.id], profile.waiting_days)
        for profile in found.newcomers
        if profile.id not in matched
    ]
    return rows, unmatched


def hosts_for_newcomer(newcomer, language, today=None):
    """``(host participant, free places, points, reasons in words)`` best first."""
    found = candidates.one_newcomer(newcomer, today=today)
    names = found.names(language)
    return [
        (
            found.people[host.id],
            host.free_places,
            points,
            scoring.reasons_in_words(reasons, language, names),
        )
        for host, points, reasons in candidates.ranked_hosts(found)
    ]


def _problem(newcomer, host, reasons_not):
    return _("%(newcomer)s and %(host)s: %(problems)s") % {
        "newcomer": newcomer,
        "host": host,
        "problems": " ".join(reasons_not),
    }


def propose_pairs(programme, kind, pairs, *, by_user):
    """Propose each ``(newcomer id, host id)`` of ``pairs`` in ``programme`` and ``kind``;
    returns the proposals. Raises a ValidationError listing every problem, and proposes
    nothing, when any pair can no longer be proposed."""
    if not pairs:
        raise ValidationError(_("Choose at least one pair to propose."))
    newcomer_ids = [newcomer_id for newcomer_id, _host in pairs]
    if len(set(newcomer_ids)) != len(newcomer_ids):
        raise ValidationError(_("A newcomer can be proposed to one host at a time."))
    with transaction.atomic():
        # Lock the hosts so two coordinators confirming at once cannot both take a last place.
        list(
            Participant.objects.select_for_update()
            .filter(pk__in={host_id for _newcomer, host_id in pairs})
            .values_list("pk", flat=True)
        )
        waiting = {
            p.pk: p
            for p in candidates.waiting_newcomers(programme, kind).filter(pk__in=newcomer_ids)
        }
        found = candidates.load(programme, kind, newcomers=list(waiting.values()))
        newcomer_profiles = {profile.id: profile for profile in found.newcomers}
        host_profiles = {profile.id: profile for profile in found.hosts}
        taken = {}
        problems = []
        checked = []
        for newcomer_id, host_id in pairs:
            newcomer = newcomer_profiles.get(newcomer_id)
            host = host_profiles.get(host_id)
            if newcomer is None:
                problems.append(
                    _("%(newcomer)s is no longer waiting for a proposal in this track.")
                    % {"newcomer": _name_of(programme, newcomer_id)}
                )
                continue
            if host is None:
                problems.append(
                    _("%(host)s is not a host offering this track in the programme.")
                    % {"host": _name_of(programme, host_id)}
                )
                continue
            taken[host_id] = taken.get(host_id, 0) + 1
            broken = scoring.hard_rule_problems(newcomer, host, found.rematched)
            if taken[host_id] > host.free_places and scoring.NO_FREE_PLACE not in broken:
                broken.append(scoring.NO_FREE_PLACE)
            if broken:
                problems.append(
                    _problem(newcomer.name, host.name, scoring.problems_in_words(broken))
                )
                continue
            checked.append((newcomer, host))
        if problems:
            raise ValidationError(problems)
        proposals = []
        for newcomer, host in checked:
            points, reasons = scoring.score(newcomer, host, found.weights)
            proposal = propose(
                newcomer=found.people[newcomer.id],
                host=found.people[host.id],
                kind=kind,
                score=points,
                reasons=reasons,
                by_user=by_user,
            )
            proposals.append(proposal)
    return proposals


def _name_of(programme, participant_id):
    """The name of a participant of ``programme`` (never of another programme's)."""
    participant = (
        Participant.objects.select_related("user")
        .filter(pk=participant_id, programme=programme)
        .first()
    )
    return str(participant) if participant else _("Someone")
