"""The coordinator's log of a match (MatchNote): calls, meetings with the coordinator, notes.

Only coordinators read or write it; the portal never shows it. Marking a pair "followed up"
from the follow-up screen writes a note too, so the log says who called, when and what was said.
"""

from django.utils import timezone

from .models import MatchNote


def notes_for(match):
    """The match's log, newest first, with each note's author."""
    return MatchNote.objects.filter(match=match).select_related("author").order_by("-date", "-pk")


def add_note(match, *, author, text, channel=MatchNote.Channel.PHONE, date=None, followed_up=False):
    """Add a note to the match's log; ``full_clean`` enforces the length and the channel."""
    note = MatchNote(
        match=match,
        author=author,
        text=(text or "").strip(),
        channel=channel,
        date=date or timezone.localdate(),
        followed_up=followed_up,
    )
    note.full_clean(exclude=["match", "author"])
    note.save()
    return note


def mark_followed_up(match, *, author, text, channel=MatchNote.Channel.PHONE, date=None):
    """The coordinator has followed the pair up: a note that takes it off the lists of pairs to
    call and quiet pairs (see portal/day.py)."""
    return add_note(match, author=author, text=text, channel=channel, date=date, followed_up=True)
