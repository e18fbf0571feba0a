"""Match proposals: making them (the coordinator confirms suggested pairs) and answering them
(both people accept or decline in the portal). See ``matching.models.MatchProposal``."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from .models import MatchProposal


def propose(*, newcomer, host, kind, score=0, reasons=(), by_user=None):
    """Propose ``newcomer`` and ``host`` to each other in ``kind``; returns the proposal.
    The newcomer keeps their place on the waiting list until a match starts."""
    if MatchProposal.objects.pending().filter(newcomer=newcomer, kind=kind).exists():
        raise ValidationError(_("This newcomer already has a match proposal waiting for answers."))
    with transaction.atomic():
        proposal = MatchProposal.objects.create(
            programme=newcomer.programme,
            newcomer=newcomer,
            host=host,
            kind=kind,
            score=score,
            reasons=list(reasons),
            created_by=by_user,
        )
    return proposal
