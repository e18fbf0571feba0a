"""The host programme's rules, as plain functions the portal and the admin both call.

The numbers come from the programme (programmes.Programme), never from constants here: a
match copies its programme's rhythm and check-in schedule when it is created.

- A match joins one newcomer and one host of the same programme in one of the programme's
  kinds (tracks) and lasts the programme's match length (six months by default) unless told
  otherwise.
- A host never has more active matches than their capacity; a newcomer has at most one active
  match of each kind.
- Pairs meet as often as the programme says (one or two times a month by default); progress is
  measured against that rhythm.
- Each participant checks in after the programme's first interval (a month by default) and
  then at its regular interval (every two months by default).
- A re-match request goes to the programme's contact address, whose coordinator keeps the
  match or ends it.
- A form sent twice (a double click, back and send again) records one meeting and one check-in.
- Creating or ending a match, and resolving a re-match request, emails the people concerned
  in their own language, once the change is committed (never for a change rolled back).
"""

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from wagtail.log_actions import log

from notifications.emails import send_email_on_commit, send_email_to_user_on_commit
from privacy.audit import MATCH_ENDED, REMATCH_RESOLVED

from .models import (
    CheckIn,
    HostKind,
    Match,
    Meeting,
    Participant,
    RematchRequest,
    add_months,
)

# The coordinators' follow-up windows (the rhythm and check-in schedule are the programme's).
FOLLOW_UP_CALL_FROM_DAYS = 14  # call a new pair two to four weeks after the start
FOLLOW_UP_CALL_UNTIL_DAYS = 28
QUIET_AFTER_DAYS = 42  # six weeks without a meeting
ENDING_WITHIN_DAYS = 30
LOW_SATISFACTION = 2

# Admin URL names (see portal/wagtail_hooks.py); used for links in coordinator emails.
REMATCH_QUEUE_URL_NAME = "host_rematch_requests:index"

# ---------------------------------------------------------------------------------------------
# Looking things up, always starting from the participant
# ---------------------------------------------------------------------------------------------


def participant_for(user):
    """The participant profile of a user account, or None (anonymous, staff without one)."""
    if user is None or not getattr(user, "is_authenticated", False):
        return None
    try:
        return user.participant
    except Participant.DoesNotExist:
        return None


def matches_for(participant):
    """Every match of the participant, newest first, with both people's accounts loaded."""
    return (
        Match.objects.for_participant(participant)
        .select_related("newcomer__user", "host__user", "programme")
        .order_by("-start_date", "-pk")
    )


# ---------------------------------------------------------------------------------------------
# Progress against the programme's rhythm
# ---------------------------------------------------------------------------------------------


def months_between(start, end):
    """Whole months from ``start`` to ``end`` (same day-of-month logic as ``add_months``)."""
    if end < start:
        return 0
    months = (end.year - start.year) * 12 + end.month - start.month
    while months > 0 and add_months(start, months) > end:
        months -= 1
    return months


def total_months(match):
    """The length of the match in months, rounding a partial last month up (6 by default)."""
    months = months_between(match.start_date, match.end_date)
    if add_months(match.start_date, months) < match.end_date:
        months += 1
    return max(months, 1)


def _effective_today(match, today):
    """The day progress is measured on: today, but never after the match ended."""
    today = today or timezone.localdate()
    if not match.is_active:
        today = min(today, match.ended_on or match.end_date)
    return min(today, match.end_date)


@dataclass(frozen=True)
class MatchProgress:
    month: int  # 1-based, "month 2 of 6"
    total_months: int
    meetings_logged: int
    expected_min: int  # meetings expected so far at one a month
    expected_max: int  # ... and at two a month
    on_track: bool
    days_left: int


def match_progress(match, today=None, meetings_logged=None):
    """Where a match stands: which month, how many meetings against the programme's rhythm
    (as the match copied it when it was created: 1–2 a month by default).

    ``meetings_logged`` may be passed (or annotated on the match as ``meeting_count``) to save a
    query; otherwise the meetings are counted.
    """
    day = _effective_today(match, today)
    total = total_months(match)
    completed = min(months_between(match.start_date, day), total)
    month = min(completed + 1, total)
    if meetings_logged is None:
        meetings_logged = getattr(match, "meeting_count", None)
    if meetings_logged is None:
        meetings_logged = match.meetings.count()
    expected_min = completed * match.rule("meetings_per_month_min")
    expected_max = month * match.rule("meetings_per_month_max")
    if match.is_active:
        days_left = max((match.end_date - (today or timezone.localdate())).days, 0)
    else:
        days_left = 0
    return MatchProgress(
        month=month,
        total_months=total,
        meetings_logged=meetings_logged,
        expected_min=expected_min,
        expected_max=expected_max,
        on_track=meetings_logged >= expected_min,
        days_left=days_left,
    )


# ---------------------------------------------------------------------------------------------
# Check-ins
# ---------------------------------------------------------------------------------------------


def checkin_due_dates(match):
    """The first check-in after the programme's first interval, then one every interval (by
    default a month in, then every two months), while the match runs."""
    dates = []
    months = match.rule("first_checkin_after_months")
    every = match.rule("checkin_every_months")
    while True:
        due = add_months(match.start_date, months)
        if due >= match.end_date:
            return dates
        dates.append(due)
        months += every


def _answered_since(participant, match, day):
    # Iterates match.check_ins.all() so a prefetch (see checkin_reminders) saves the queries.
    return any(
        check_in.participant_id == participant.pk and timezone.localdate(check_in.created_at) >= day
        for check_in in match.check_ins.all()
    )


def current_checkin_due_date(participant, match, today=None):
    """The due date of the check-in the participant owes now (today or overdue), or None."""
    if not match.is_active:
        return None
    today = today or timezone.localdate()
    past = [due for due in checkin_due_dates(match) if due <= today]
    if not past:
        return None
    due = past[-1]
    return None if _answered_since(participant, match, due) else due


def checkin_due(participant, match, today=None):
    """True when a scheduled check-in has fallen due and the participant has not answered it."""
    return current_checkin_due_date(participant, match, today) is not None


def next_checkin_date(participant, match, today=None):
    """The date the participant is (or will next be) asked to check in; None when none is left."""
    if not match.is_active:
        return None
    today = today or timezone.localdate()
    owed = current_checkin_due_date(participant, match, today)
    if owed:
        return owed
    return next((due for due in checkin_due_dates(match) if due > today), None)


def _check_participant_in_match(match, participant):
    if participant.pk not in (match.newcomer_id, match.host_id):
        raise ValidationError(_("You are not part of this match."))


def checkin_period_start(match, today=None):
    """The first day of the check-in period running today: the latest due date so far, or the
    start of the match before the first one. One check-in per participant per period."""
    today = today or timezone.localdate()
    past = [due for due in checkin_due_dates(match) if due <= today]
    return past[-1] if past else match.start_date


def record_check_in(match, participant, satisfaction, wants_to_continue, note=""):
    """Save a participant's check-in on their active match; a second one for the same due date
    (the form sent twice, say) is refused."""
    _check_participant_in_match(match, participant)
    if not match.is_active:
        raise ValidationError(_("This match has ended, so there is nothing to check in on."))
    with transaction.atomic():
        # Two copies of the form sent at once wait for each other here (PostgreSQL).
        list(Match.objects.select_for_update().filter(pk=match.pk).values_list("pk"))
        today = timezone.localdate()
        since = checkin_period_start(match, today)
        if any(
            timezone.localdate(answered) >= since
            for answered in CheckIn.objects.filter(
                match=match, participant=participant
            ).values_list("created_at", flat=True)
        ):
            upcoming = next((due for due in checkin_due_dates(match) if due > today), None)
            if upcoming:
                raise ValidationError(
                    _(
                        "You have already sent this check-in, thank you. The next one is due "
                        "on %(date)s."
                    )
                    % {"date": formats.date_format(upcoming)}
                )
            raise ValidationError(_("You have already sent this check-in, thank you."))
        return _save_check_in(match, participant, satisfaction, wants_to_continue, note)


def _save_check_in(match, participant, satisfaction, wants_to_continue, note):
    check_in = CheckIn(
        match=match,
        participant=participant,
        satisfaction=satisfaction,
        wants_to_continue=wants_to_continue,
        note_for_coordinator=note or "",
    )
    check_in.full_clean()
    check_in.save()
    return check_in


# ---------------------------------------------------------------------------------------------
# Meetings
# ---------------------------------------------------------------------------------------------

DUPLICATE_MEETING_WITHIN = datetime.timedelta(minutes=10)


def recent_duplicate_meeting(meeting, now=None):
    """The identical meeting (same match, author, date, duration, activities, activity idea and
    note) the same person logged in the last ten minutes, or None. Editing is never a duplicate."""
    if meeting.pk is not None:
        return None
    since = (now or timezone.now()) - DUPLICATE_MEETING_WITHIN
    candidates = Meeting.objects.filter(
        match=meeting.match,
        author=meeting.author,
        date=meeting.date,
        duration_minutes=meeting.duration_minutes,
        activity_idea=meeting.activity_idea,
        note=meeting.note,
        created_at__gte=since,
    )
    activities = sorted(meeting.activities)
    return next((other for other in candidates if sorted(other.activities) == activities), None)


def save_meeting(meeting):
    """Save a new or edited meeting. The same meeting sent twice within a few minutes (a double
    click, back and send again) is saved once: the one already logged is returned."""
    with transaction.atomic():
        # Two copies of the form sent at once wait for each other here (PostgreSQL).
        list(Match.objects.select_for_update().filter(pk=meeting.match_id).values_list("pk"))
        duplicate = recent_duplicate_meeting(meeting)
        if duplicate is not None:
            return duplicate
        meeting.save()
        return meeting


# ---------------------------------------------------------------------------------------------
# Suggested next step on the dashboard
# ---------------------------------------------------------------------------------------------


def suggested_next_step(participant, match, today=None):
    """One short, translated sentence telling the participant what to do next."""
    if match is None:
        return _(
            "A coordinator is looking for a good match for you and will get in touch "
            "before you are introduced."
        )
    if not match.is_active:
        return _("Your match has ended. Thank you for taking part in the host programme!")
    today = today or timezone.localdate()
    partner = match.partner_of(participant)
    name = partner.user.first_name or str(partner)
    if checkin_due(participant, match, today):
        return _("Answer a short check-in: tell us how the match is going.")
    progress = match_progress(match, today)
    if progress.meetings_logged == 0:
        return _(
            "Agree on a first meeting with %(partner)s – a coffee or a walk is a good start."
        ) % {"partner": name}
    if progress.days_left <= ENDING_WITHIN_DAYS:
        return _(
            "Your match ends soon: plan a last meeting with %(partner)s and talk about "
            "staying in touch."
        ) % {"partner": name}
    if not progress.on_track:
        return _("It has been a while: suggest a date for your next meeting to %(partner)s.") % {
            "partner": name
        }
    return _("Log each meeting after you meet, and pick an activity idea for the next one.")


# ---------------------------------------------------------------------------------------------
# Emails
# ---------------------------------------------------------------------------------------------


def portal_path(language):
    """The portal dashboard's path in ``language`` (/portal/ or /da/portal/)."""
    with translation.override(language):
        return reverse("portal:dashboard")


def _email_participant(participant, template_name, context):
    user = participant.user
    send_email_to_user_on_commit(
        user,
        template_name,
        {
            "participant": participant,
            "portal_path": portal_path(user.preferred_language),
            **context,
        },
    )


def coordinator_email(programme=None):
    """Where a programme's coordinator notices go: its contact email, else the setting."""
    return programme.coordinator_email if programme is not None else settings.COORDINATOR_EMAIL


def coordinator_language(email=None):
    """The language of a coordinator mailbox (the site's one by default): its user's preferred
    language, else English."""
    email = email or settings.COORDINATOR_EMAIL
    user = get_user_model().objects.filter(email__iexact=email).first()
    return user.preferred_language if user else "en"


def _notify_pair(match, template_name):
    """Email both people of a match, each in their language, naming the other as partner."""
    for participant, partner in ((match.newcomer, match.host), (match.host, match.newcomer)):
        _email_participant(participant, template_name, {"match": match, "partner": partner})


# ---------------------------------------------------------------------------------------------
# Creating and ending matches
# ---------------------------------------------------------------------------------------------


MATCH_STARTS_AT_MOST_DAYS_AHEAD = 365
MATCH_LASTS_AT_MOST_MONTHS = 24


def match_date_errors(start_date, end_date, today=None):
    """{field: [message]} for match dates outside what the programme plans for: a start at most
    a year ahead, an end after the start and at most two years after it. An empty end date is
    fine (the programme's match length after the start); dates that failed to parse (None)
    are not checked."""
    today = today or timezone.localdate()
    errors = {}
    if start_date is None:
        return errors
    if start_date > today + datetime.timedelta(days=MATCH_STARTS_AT_MOST_DAYS_AHEAD):
        errors["start_date"] = [_("The start date can be at most a year from today.")]
        return errors
    if end_date and end_date <= start_date:
        errors["end_date"] = [_("The end date must be after the start date.")]
    elif end_date and end_date > add_months(start_date, MATCH_LASTS_AT_MOST_MONTHS):
        errors["end_date"] = [_("A match lasts at most two years: choose an earlier end date.")]
    return errors


def validate_match(newcomer, host, kind, start_date, end_date, exclude_pk=None):
    """Raise a ValidationError keyed by field for every rule a new or edited match breaks."""
    errors = match_date_errors(start_date, end_date)
    programme = newcomer.programme
    if host.programme_id != newcomer.programme_id:
        errors.setdefault("host", []).append(
            _("%(host)s is in another programme than %(newcomer)s.")
            % {"host": host, "newcomer": newcomer}
        )
    if newcomer.role != Participant.Role.NEWCOMER:
        errors.setdefault("newcomer", []).append(_("Choose a participant registered as newcomer."))
    if host.role != Participant.Role.HOST:
        errors.setdefault("host", []).append(_("Choose a participant registered as host."))
    if kind not in HostKind.values:
        errors.setdefault("kind", []).append(_("Choose career or culture."))
    elif kind not in programme.offered_kinds():
        errors.setdefault("kind", []).append(
            _("%(programme)s has no %(kind)s track.")
            % {"programme": programme, "kind": HostKind(kind).label.lower()}
        )
    elif host.role == Participant.Role.HOST and kind not in host.offered_host_kinds:
        errors.setdefault("kind", []).append(
            _("%(host)s is not a %(kind)s.")
            % {"host": host, "kind": programme.track_name(kind).lower()}
        )

    active = Match.objects.active()
    if exclude_pk:
        active = active.exclude(pk=exclude_pk)
    if host.role == Participant.Role.HOST:
        host_load = active.filter(host=host).count()
        if host_load >= host.capacity:
            errors.setdefault("host", []).append(
                ngettext(
                    "%(host)s already has %(count)s active match, their full capacity.",
                    "%(host)s already has %(count)s active matches, their full capacity.",
                    host_load,
                )
                % {"host": host, "count": host_load}
            )
    if active.filter(newcomer=newcomer, kind=kind).exists():
        errors.setdefault("newcomer", []).append(
            _("%(newcomer)s already has an active match with a %(kind)s.")
            % {
                "newcomer": newcomer,
                "kind": HostKind(kind).label.lower() if kind in HostKind.values else kind,
            }
        )
    if errors:
        raise ValidationError(errors)


def create_match(newcomer, host, kind, start_date=None, end_date=None, notify=True):
    """Match a newcomer with a host of their programme in one kind, then tell both of them (in
    their languages). The match takes the programme's length, rhythm and check-in schedule."""
    start_date = start_date or timezone.localdate()
    if errors := match_date_errors(start_date, end_date):
        raise ValidationError(errors)
    programme = newcomer.programme
    end_date = end_date or add_months(start_date, programme.match_length_months)
    with transaction.atomic():
        # Lock the host row so two coordinators can't fill the same last place (PostgreSQL).
        host = Participant.objects.select_for_update().select_related("user").get(pk=host.pk)
        validate_match(newcomer, host, kind, start_date, end_date)
        match = Match.objects.create(
            programme=programme,
            newcomer=newcomer,
            host=host,
            kind=kind,
            start_date=start_date,
            end_date=end_date,
        )
    if notify:
        _notify_pair(match, "portal/email/match_created")
    return match


def end_match(match, status, reason="", ended_on=None, notify=True):
    """Close an active match as completed or ended early, then tell both participants."""
    if status not in (Match.Status.COMPLETED, Match.Status.ENDED_EARLY):
        raise ValidationError({"status": _("Choose completed or ended early.")})
    if not match.is_active:
        raise ValidationError(_("This match has already ended."))
    ended_on = ended_on or timezone.localdate()
    errors = {}
    if ended_on < match.start_date:
        errors["ended_on"] = _("A match cannot end before it starts.")
    if status == Match.Status.ENDED_EARLY and not (reason or "").strip():
        errors["end_reason"] = _("Give a reason when a match ends early.")
    try:
        Match._meta.get_field("end_reason").run_validators(reason or "")
    except ValidationError as error:
        errors["end_reason"] = error.messages
    if errors:
        raise ValidationError(errors)
    match.status = status
    match.ended_on = ended_on
    match.end_reason = reason or ""
    match.save(update_fields=["status", "ended_on", "end_reason"])
    if status == Match.Status.ENDED_EARLY:
        return_to_waiting_list(match)
    # Audit log; the user is the admin request's (Wagtail's LogContext).
    log(match, MATCH_ENDED, data={"status": status, "ended_on": ended_on})
    if notify:
        _notify_pair(match, "portal/email/match_ended")
    return match


def return_to_waiting_list(match):
    """A match that ended early puts its newcomer back on the waiting list at the place they
    had before it (the day they had been waiting since), unless another match is running."""
    newcomer = match.newcomer
    if newcomer.is_erased or Match.objects.active().filter(newcomer=newcomer).exists():
        return
    newcomer.waiting_since = match.newcomer_waited_since or timezone.now()
    Participant.objects.filter(pk=newcomer.pk).update(waiting_since=newcomer.waiting_since)


# ---------------------------------------------------------------------------------------------
# Re-match requests
# ---------------------------------------------------------------------------------------------


def request_rematch(match, participant, reason):
    """Ask the coordinator for a new match; emails the match's programme's contact address
    (the site's coordinator address when the programme has none)."""
    _check_participant_in_match(match, participant)
    if not match.is_active:
        raise ValidationError(_("This match has already ended."))
    if not (reason or "").strip():
        raise ValidationError({"reason": _("Tell the coordinator why you would like a re-match.")})
    if RematchRequest.objects.filter(
        match=match, participant=participant, status=RematchRequest.Status.OPEN
    ).exists():
        raise ValidationError(
            _("You have already asked for a re-match. A coordinator will contact you.")
        )
    request = RematchRequest(match=match, participant=participant, reason=reason)
    request.full_clean(exclude=["match", "participant"], validate_constraints=False)
    request.save()
    queue_path = reverse(REMATCH_QUEUE_URL_NAME)
    to = coordinator_email(match.programme)
    send_email_on_commit(
        "portal/email/rematch_requested",
        to,
        coordinator_language(to),
        {"request": request, "match": match, "participant": participant, "queue_path": queue_path},
    )
    return request


def resolve_rematch(request, keep, by_user, note=""):
    """Close a re-match request: keep the match, or end it early so a new one can be made."""
    if request.status != RematchRequest.Status.OPEN:
        raise ValidationError(_("This request has already been resolved."))
    with transaction.atomic():
        request.status = RematchRequest.Status.KEPT if keep else RematchRequest.Status.REMATCHED
        request.resolved_at = timezone.now()
        request.resolved_by = by_user
        request.resolution_note = note or ""
        request.save(update_fields=["status", "resolved_at", "resolved_by", "resolution_note"])
        log(request, REMATCH_RESOLVED, user=by_user, data={"status": request.status})
        match = request.match
        if not keep and match.is_active:
            # Stays internal: the end reason is for coordinators, not emailed to the partner.
            end_match(
                match,
                Match.Status.ENDED_EARLY,
                reason=_("Ended after a re-match request.") + (f" {note}" if note else ""),
            )
    _email_participant(
        request.participant, "portal/email/rematch_resolved", {"request": request, "match": match}
    )
    return request


# ---------------------------------------------------------------------------------------------
# Coordinator follow-up
# ---------------------------------------------------------------------------------------------


def followup_overview(today=None, **querysets):
    """What coordinators should act on today; the queries live in portal/day.py. The rows
    may be narrowed first (``matches``, ``check_ins``, ``requests``)."""
    from .day import followup_overview as overview

    return overview(today, **querysets)


def followup_section(section, page_number=1, today=None, **querysets):
    """One list of the follow-up screen in full, a page at a time (portal/day.py)."""
    from .day import followup_section as one_section

    return one_section(section, page_number, today, **querysets)
