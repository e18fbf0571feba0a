"""Keep an event page's dates (``EventOccurrence`` rows) in step with what the editor entered.

Run when a page is published. Past dates are history and never touched. Upcoming dates that
the new rule no longer produces are removed only if nobody has signed up for them; a date
with sign-ups stays (a coordinator cancels it, which tells the people signed up).
"""

from django.db import transaction
from django.utils import timezone

from .models import EventOccurrence, SignUp


@transaction.atomic
def sync_occurrences(page, now=None):
    """Create, move and remove the page's upcoming dates. Returns the upcoming dates."""
    now = now or timezone.now()
    duration = page.end - page.start
    wanted = [start for start in page.occurrence_starts() if start + duration >= now]
    existing = list(page.occurrences.filter(end__gte=now).order_by("start"))
    has_signups = set(
        SignUp.objects.active()
        .filter(occurrence__in=existing)
        .values_list("occurrence_id", flat=True)
    )

    if not page.is_recurring and len(existing) == 1 and wanted:
        # A single event moved in time keeps its one date and the people signed up for it.
        occurrence = existing[0]
        occurrence.start, occurrence.end = wanted[0], wanted[0] + duration
        occurrence.save(update_fields=["start", "end"])
        return [occurrence]

    by_start = {occurrence.start: occurrence for occurrence in existing}
    kept = []
    for start in wanted:
        occurrence = by_start.pop(start, None)
        if occurrence is None:
            occurrence, _created = EventOccurrence.objects.get_or_create(
                event=page, start=start, defaults={"end": start + duration}
            )
        if occurrence.end != start + duration:
            occurrence.end = start + duration
            occurrence.save(update_fields=["end"])
        kept.append(occurrence)
    for occurrence in by_start.values():
        if occurrence.pk in has_signups:
            kept.append(occurrence)
        else:
            occurrence.delete()
    return sorted(kept, key=lambda occurrence: occurrence.start)
