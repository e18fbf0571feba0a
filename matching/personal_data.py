"""Match proposals hold who was suggested to whom and why: personal data, declared for the
registry (privacy/registry.py). An erased person's proposals are deleted: a proposal that was
accepted lives on as its match, one that was not has no use once the person is gone."""

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from privacy import texts
from privacy.registry import DELETE, KEEP, declare

from .models import MatchProposal


def _proposals(person):
    if person.participant is None:
        return MatchProposal.objects.none()
    participant = person.participant
    return MatchProposal.objects.filter(Q(newcomer=participant) | Q(host=participant))


declare(
    "matching.MatchProposal",
    category=_("Match proposals"),
    purpose=_("Suggesting a newcomer and a host to each other, and asking both before a match."),
    shown=texts.SHOWN_PORTAL_AND_ADMIN,
    seen_by=texts.SEEN_BY_PAIR_AND_COORDINATORS,
    kept=texts.KEPT_WITH_PARTICIPANT,
    personal={"newcomer": KEEP, "host": KEEP, "reasons": KEEP, "decline_reason": KEEP},
    not_personal=[
        "programme",
        "kind",
        "score",
        "status",
        "newcomer_answer",
        "newcomer_answered_at",
        "host_answer",
        "host_answered_at",
        "created_by",
        "created_at",
        "decided_at",
        "match",
    ],
    rows=_proposals,
    erase_mode=DELETE,
    export_key="match_proposals",
)
