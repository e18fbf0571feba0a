"""The rules of signing up for events, as plain functions the views and the admin call.

- Capacity counts people and their guests and is never exceeded: every decision about a
  place is taken inside a transaction that first locks the date's row (``SELECT ... FOR
  UPDATE`` on PostgreSQL; SQLite serialises writers anyway), so simultaneous sign-ups queue
  up behind the lock and each sees the places the previous one took.
- A full date puts people on a waiting list in the order they came. When a place frees, the
  first in line moves up (strictly in order: nobody jumps the queue) and is emailed.
- Signing up twice changes nothing. The sign-up deadline and the audience are enforced.
- Emails go out after the transaction commits, in each recipient's language, with the
  event's ``.ics`` attached.
"""

import datetime

from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from notifications.emails import send_email_to_user
from portal.models import Participant
from portal.services import participant_for

from . import ical
from .ical import absolute_url
from .models import Audience, EventOccurrence, SignUp

AUDIENCE_ROLES = {
    Audience.EVERYONE: {Participant.Role.NEWCOMER, Participant.Role.HOST},
    Audience.NEWCOMERS: {Participant.Role.NEWCOMER},
    Audience.HOSTS: {Participant.Role.HOST},
}


# A second request for the same date from the same address within this time sends no new
# confirmation email: the first one is on its way.
CONFIRMATION_RESEND_COOLDOWN = datetime.timedelta(minutes=10)
# Public sign-ups nobody confirmed are deleted after this long (the link stops working).
UNCONFIRMED_SIGNUP_LIFETIME = datetime.timedelta(days=2)


class SignUpError(Exception):
    """A sign-up that the rules refuse; the message is shown to the person."""


def audience_allows(event, user):
    participant = participant_for(user)
    return participant is not None and participant.role in AUDIENCE_ROLES[event.audience]


def audience_refusal(event, user):
    """Why this user may not sign up as a participant, or ``None``."""
    if participant_for(user) is None:
        return _("Signing up here is for programme participants. Please log in to the portal.")
    if not audience_allows(event, user):
        if event.audience == Audience.NEWCOMERS:
            return _("This event is for newcomers.")
        return _("This event is for hosts.")
    return None


def date_refusal(occurrence, now=None):
    """Why nobody can sign up for this date (cancelled, closed, no sign-up), or ``None``."""
    now = now or timezone.now()
    if not occurrence.event.signup_enabled:
        return _("This event needs no sign-up: just come.")
    if occurrence.cancelled:
        return _("This date has been cancelled.")
    if not occurrence.signup_open(now):
        return _("Sign-up for this date has closed.")
    return None


def check_guests(event, guests):
    if guests < 0 or guests > event.max_guests:
        if event.max_guests == 0:
            raise SignUpError(_("Guests cannot come to this event."))
        raise SignUpError(
            ngettext(
                "You can bring at most %(count)s guest.",
                "You can bring at most %(count)s guests.",
                event.max_guests,
            )
            % {"count": event.max_guests}
        )


def _lock(occurrence):
    """The date again, with its row locked until the transaction ends. It is read fresh
    (no ``places_taken`` annotation), so ``taken()`` counts the places under the lock."""
    return (
        EventOccurrence.objects.select_for_update(of=("self",))
        .select_related("event")
        .get(pk=occurrence.pk)
    )


def _place_or_queue(occurrence, places):
    """Confirmed if the party fits and nobody is waiting already; otherwise waiting.
    Call with the date locked."""
    capacity = occurrence.event.capacity
    if capacity is None:
        return SignUp.Status.CONFIRMED
    if SignUp.objects.filter(occurrence_id=occurrence.pk, status=SignUp.Status.WAITING).exists():
        return SignUp.Status.WAITING
    if occurrence.taken() + places <= capacity:
        return SignUp.Status.CONFIRMED
    return SignUp.Status.WAITING


def _promote(occurrence, now):
    """Move people up from the waiting list while the first in line fits. Call locked."""
    if occurrence.cancelled or occurrence.start <= now:
        return []
    capacity = occurrence.event.capacity
    taken = occurrence.taken()
    promoted = []
    for signup in SignUp.objects.filter(occurrence_id=occurrence.pk).waiting():
        if capacity is not None and taken + signup.places > capacity:
            break
        signup.status = SignUp.Status.CONFIRMED
        signup.save(update_fields=["status"])
        taken += signup.places
        promoted.append(signup)
    return promoted


def sign_up(occurrence, user, guests=0, now=None, notify=True):
    """Sign a participant up for one date. Returns ``(signup, created)``; signing up again
    returns the existing sign-up unchanged. Raises ``SignUpError`` with the reason."""
    now = now or timezone.now()
    with transaction.atomic():
        occurrence = _lock(occurrence)
        existing = SignUp.objects.active().filter(occurrence=occurrence, user=user).first()
        if existing:
            return existing, False
        refusal = date_refusal(occurrence, now) or audience_refusal(occurrence.event, user)
        if refusal:
            raise SignUpError(refusal)
        check_guests(occurrence.event, guests)
        signup = SignUp.objects.create(
            occurrence=occurrence,
            user=user,
            language=user.preferred_language,
            guests=guests,
            status=_place_or_queue(occurrence, 1 + guests),
            # Taken under the lock, so the waiting list's order is the order of decisions.
            queued_at=timezone.now(),
        )
        if notify:
            transaction.on_commit(lambda: notify_place_or_queue(signup))
    return signup, True


def sign_up_public(occurrence, name, email, language, guests=0, now=None):
    """A member of the public asks for a place: nothing is reserved until they confirm by
    the emailed link. Asking again resends the link, at most once per
    ``CONFIRMATION_RESEND_COOLDOWN``. Returns the sign-up, with ``link_sent`` saying
    whether a confirmation email goes out now."""
    now = now or timezone.now()
    if not occurrence.event.public_signup:
        raise SignUpError(_("Signing up here is for programme participants."))
    refusal = date_refusal(occurrence, now)
    if refusal:
        raise SignUpError(refusal)
    check_guests(occurrence.event, guests)
    # A request left unconfirmed too long is over (its link no longer works): start afresh.
    SignUp.objects.filter(
        occurrence=occurrence, user__isnull=True, email__iexact=email
    ).expired_unconfirmed(now).delete()
    existing = (
        SignUp.objects.active()
        .filter(occurrence=occurrence, user__isnull=True, email__iexact=email)
        .first()
    )
    if existing is None:
        try:
            with transaction.atomic():
                existing = SignUp.objects.create(
                    occurrence=occurrence,
                    name=name,
                    email=email,
                    language=language,
                    guests=guests,
                    status=SignUp.Status.UNCONFIRMED,
                )
        except IntegrityError:  # the same address at the same moment
            existing = SignUp.objects.active().get(
                occurrence=occurrence, user__isnull=True, email__iexact=email
            )
    existing.link_sent = False
    if existing.status == SignUp.Status.UNCONFIRMED and _start_resend_cooldown(existing):
        existing.link_sent = True
        signup = existing
        transaction.on_commit(lambda: notify_public_confirmation(signup))
    return existing


def _start_resend_cooldown(signup):
    """True (and the cooldown starts) unless a link for this sign-up (one per date and
    address) went out within the cooldown. Kept on the shared cache, so every server
    process agrees."""
    key = f"events:confirmation-sent:{signup.pk}"
    return cache.add(key, True, timeout=int(CONFIRMATION_RESEND_COOLDOWN.total_seconds()))


def purge_unconfirmed_signups(now=None):
    """Delete public sign-ups never confirmed within ``UNCONFIRMED_SIGNUP_LIFETIME``: they
    hold a stranger's name and address for nothing. Returns how many were deleted."""
    deleted, _by_model = SignUp.objects.expired_unconfirmed(now).delete()
    return deleted


def confirm_public(signup, now=None):
    """The emailed link was followed: take a place or a place in line."""
    now = now or timezone.now()
    with transaction.atomic():
        occurrence = _lock(signup.occurrence)
        signup = SignUp.objects.select_for_update(of=("self",)).get(pk=signup.pk)
        if signup.status != SignUp.Status.UNCONFIRMED:
            return signup
        refusal = date_refusal(occurrence, now)
        if refusal:
            raise SignUpError(refusal)
        if signup.created_at < now - UNCONFIRMED_SIGNUP_LIFETIME:
            raise SignUpError(_("This link has expired. Please sign up again."))
        signup.status = _place_or_queue(occurrence, signup.places)
        signup.queued_at = timezone.now()
        signup.save(update_fields=["status", "queued_at"])
        transaction.on_commit(lambda: notify_place_or_queue(signup))
    return signup


def cancel_signup(signup, now=None):
    """Give up a place (or a place in line); the first in line moves up and is emailed."""
    now = now or timezone.now()
    with transaction.atomic():
        occurrence = _lock(signup.occurrence)
        signup = SignUp.objects.select_for_update(of=("self",)).get(pk=signup.pk)
        if signup.status == SignUp.Status.CANCELLED:
            return []
        if occurrence.start <= now:
            raise SignUpError(_("This date has already started."))
        had_place = signup.status == SignUp.Status.CONFIRMED
        signup.status = SignUp.Status.CANCELLED
        signup.cancelled_at = now
        signup.save(update_fields=["status", "cancelled_at"])
        promoted = _promote(occurrence, now) if had_place else []
        transaction.on_commit(lambda: notify_moved_up(promoted))
    return promoted


def cancelling_needs_confirmation(signup):
    """A place at a full event is gone for good once given up (the first in line takes
    it), so the person is asked to confirm first."""
    return signup.status == SignUp.Status.CONFIRMED and signup.occurrence.is_full()


def promote_waiting_list(occurrence, now=None):
    """Fill free places from the waiting list, e.g. after the editor added places."""
    now = now or timezone.now()
    with transaction.atomic():
        occurrence = _lock(occurrence)
        promoted = _promote(occurrence, now)
        transaction.on_commit(lambda: notify_moved_up(promoted))
    return promoted


def cancel_occurrence(occurrence, message_en="", message_da="", now=None):
    """Cancel one date and email everyone with a place or in line. Returns how many were
    emailed (0 if the date was already cancelled)."""
    now = now or timezone.now()
    with transaction.atomic():
        occurrence = _lock(occurrence)
        if occurrence.cancelled:
            return 0
        occurrence.cancelled = True
        occurrence.cancelled_at = now
        occurrence.save(update_fields=["cancelled", "cancelled_at"])
        signups = list(
            SignUp.objects.filter(
                occurrence=occurrence,
                status__in=[SignUp.Status.CONFIRMED, SignUp.Status.WAITING],
            ).select_related("user", "occurrence__event")
        )
        messages = {"en": message_en, "da": message_da or message_en}
        transaction.on_commit(lambda: notify_cancelled(signups, messages))
    return len(signups)


def cancel_event(event, message_en="", message_da="", now=None):
    """Cancel every upcoming date of an event. Returns how many people were emailed."""
    now = now or timezone.now()
    dates = EventOccurrence.objects.filter(event=event, cancelled=False).upcoming(now)
    return sum(cancel_occurrence(date, message_en, message_da, now) for date in dates)


def email_signed_up(occurrence, subjects, messages, include_waiting=True, signups=None):
    """Send the coordinator's message to everyone signed up for a date, each in their own
    language (``subjects``/``messages`` map language code to text; English is the fallback).
    ``signups`` narrows the recipients (a coordinator's programmes on a shared event).
    Returns the number of emails sent."""
    statuses = [SignUp.Status.CONFIRMED]
    if include_waiting:
        statuses.append(SignUp.Status.WAITING)
    signups = SignUp.objects.all() if signups is None else signups
    signups = signups.filter(occurrence=occurrence, status__in=statuses).select_related(
        "user", "occurrence__event"
    )
    sent = 0
    for signup in signups:
        recipient = signup.recipient
        language = recipient.preferred_language
        context = email_context(signup, language)
        context.update(
            subject=subjects.get(language) or subjects.get("en", ""),
            message=messages.get(language) or messages.get("en", ""),
        )
        sent += send_email_to_user(recipient, "events/email/message", context)
    return sent


def mark_attendance(occurrence, attended_ids, signups=None):
    """Record who came: every confirmed sign-up of the date (of ``signups`` when given: the
    ones a coordinator sees) is marked present or absent. ``attended_ids`` are sign-up ids
    (whole numbers); anything else raises ``ValueError``."""
    attended_ids = {int(pk) for pk in attended_ids}
    signups = SignUp.objects.all() if signups is None else signups
    signups = signups.filter(occurrence=occurrence, status=SignUp.Status.CONFIRMED)
    for signup in signups:
        signup.attended = signup.pk in attended_ids
    SignUp.objects.bulk_update(signups, ["attended"])
    return len(signups)


def waiting_positions(occurrence_ids):
    """``{signup id: position in line}`` for every waiting sign-up of these dates, in one
    query."""
    positions, counters = {}, {}
    rows = (
        SignUp.objects.filter(occurrence_id__in=list(occurrence_ids), status=SignUp.Status.WAITING)
        .order_by("occurrence_id", "queued_at", "pk")
        .values_list("pk", "occurrence_id")
    )
    for pk, occurrence_id in rows:
        counters[occurrence_id] = counters.get(occurrence_id, 0) + 1
        positions[pk] = counters[occurrence_id]
    return positions


# Emails -----------------------------------------------------------------------------------


def email_context(signup, language):
    """What every event email shows, with links in the recipient's language."""
    occurrence = signup.occurrence
    with translation.override(language):
        context = {
            "signup": signup,
            "occurrence": occurrence,
            "event": occurrence.event,
            "event_title": occurrence.event.title,
            "venue_name": occurrence.event.venue_name,
            "event_url": absolute_url(occurrence.event.get_url()),
        }
        if signup.user_id:
            context["manage_url"] = absolute_url(reverse("events:mine"))
        else:
            context["manage_url"] = absolute_url(
                reverse("events:public_cancel", args=[signup.token])
            )
    return context


def ics_attachment(occurrence, language, cancelled=False):
    """The date's ``.ics`` file, written in ``language``, as an email attachment."""
    with translation.override(language):
        ics = ical.occurrence_calendar(occurrence, cancelled=cancelled)
    return ("event.ics", ics, ical.ATTACHMENT_TYPE)


def _send(signup, template, extra=None, cancelled=False):
    recipient = signup.recipient
    language = recipient.preferred_language
    context = email_context(signup, language)
    context.update(extra or {})
    attachment = ics_attachment(signup.occurrence, language, cancelled)
    send_email_to_user(recipient, template, context, attachments=[attachment])


def notify_place_or_queue(signup):
    if signup.status == SignUp.Status.CONFIRMED:
        _send(signup, "events/email/signup_confirmed")
    elif signup.status == SignUp.Status.WAITING:
        _send(signup, "events/email/signup_waiting", {"position": signup.waiting_position()})


def notify_moved_up(signups):
    for signup in signups:
        _send(signup, "events/email/moved_up")


def notify_cancelled(signups, messages):
    for signup in signups:
        language = signup.recipient.preferred_language
        _send(signup, "events/email/date_cancelled", {"message": messages.get(language, "")}, True)


def notify_public_confirmation(signup):
    recipient = signup.recipient
    context = email_context(signup, recipient.preferred_language)
    with translation.override(recipient.preferred_language):
        context["confirm_url"] = absolute_url(reverse("events:public_confirm", args=[signup.token]))
    send_email_to_user(recipient, "events/email/public_confirm", context)
