"""What an erasure will do to one participant, in numbers, for the confirmation screens."""

from dataclasses import dataclass


@dataclass(frozen=True)
class ErasureSummary:
    matches: int
    active_matches: int
    meetings: int


def erasure_summary(participant):
    from portal.models import Match, Meeting

    matches = Match.objects.for_participant(participant)
    return ErasureSummary(
        matches=matches.count(),
        active_matches=matches.active().count(),
        meetings=Meeting.objects.filter(match__in=matches).count(),
    )
