"""Keep an event page's dates (``EventOccurrence`` rows) in step with what the editor entered.

Run when a page is published. Dates the rule gives and that are missing are created (past
ones too, so an event entered afterwards appears in the archive). Past dates are history:
never moved or removed. Upcoming dates that the rule no longer gives are removed only if
nobody has signed up for them; a date with sign-ups stays, and a coordinator cancels it,
which tells the people signed up.
"""

from django.db import transaction
from django.utils import timezone

from .models import EventOccurrence, SignUp


@transaction.atomic
def sync_occurrences(page, now=None):
    """Create, move and remove the page's dates. Returns its upcoming dates."""
    now = now or timezone.now()
    duration = page.end - page.start
    starts = page.occurrence_starts() or [page.start]
    existing = list(page.occurrences.order_by("start"))

    if not page.is_recurring and len(existing) == 1:
        # A single event keeps its one date, and the people signed up, when it moves.
        occurrence = existing[0]
        if (occurrence.start, occurrence.end) != (starts[0], starts[0] + duration):
            occurrence.start, occurrence.end = starts[0], starts[0] + duration
            occurrence.save(update_fields=["start", "end"])
        return [occurrence] if occurrence.end >= now else []

    by_start = {occurrence.start: occurrence for occurrence in existing}
    kept = []
    for start in starts:
        occurrence = by_start.pop(start, None)
        if occurrence is None:
            occurrence = EventOccurrence.objects.create(
                event=page, start=start, end=start + duration
            )
        elif occurrence.end >= now and occurrence.end != start + duration:
            occurrence.end = start + duration
            occurrence.save(update_fields=["end"])
        kept.append(occurrence)

    leftovers = [o for o in by_start.values() if o.end >= now]
    with_signups = set(
        SignUp.objects.active()
        .filter(occurrence__in=leftovers)
        .values_list("occurrence_id", flat=True)
    )
    for occurrence in leftovers:
        if occurrence.pk in with_signups:
            kept.append(occurrence)
        else:
            occurrence.delete()
    return sorted((o for o in kept if o.end >= now), key=lambda o: o.start)
