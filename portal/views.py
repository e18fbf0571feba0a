"""The participant portal. Thin views: the programme's rules are in ``services`` and
``meetings``; every object is looked up through the logged-in participant, so another
person's match or meeting is simply not found (404)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from home.models import ContactSettings
from matching import proposals, waiting

from . import services
from .export import export_filename, participant_export
from .forms import (
    AccountForm,
    CheckInForm,
    MeetingForm,
    RematchForm,
    WheelForm,
    profile_form_class,
)
from .mixins import participant_required
from .models import CheckIn, LifeArea, RematchRequest, WheelEntry
from .wheel import wheel_chart, wheel_values


def _match_or_404(participant, match_id):
    """One of the participant's own matches; anyone else's id answers 404."""
    return get_object_or_404(services.matches_for(participant), pk=match_id)


def _add_form_errors(form, error):
    """Show a ValidationError raised by a service on the form, by field where it names one."""
    if hasattr(error, "error_dict"):
        for field, messages_ in error.message_dict.items():
            for message in messages_:
                form.add_error(field if field in form.fields else None, message)
    else:
        for message in error.messages:
            form.add_error(None, message)


# ---------------------------------------------------------------------------------------------
# Dashboard
# ---------------------------------------------------------------------------------------------


@require_GET
@participant_required
def dashboard(request):
    participant = request.participant
    today = timezone.localdate()
    matches = list(
        services.matches_for(participant)
        .annotate(meeting_count=Count("meetings"))
        .prefetch_related("check_ins", "programme__tracks")
    )
    active = []
    for match in matches:
        if not match.is_active:
            continue
        active.append(
            {
                "match": match,
                "partner": match.partner_of(participant),
                "progress": services.match_progress(match, today),
                "next_step": services.suggested_next_step(participant, match, today),
                "checkin_due": services.checkin_due(participant, match, today),
                "next_checkin": services.next_checkin_date(participant, match, today),
            }
        )
    ended = [
        {"match": match, "partner": match.partner_of(participant)}
        for match in matches
        if not match.is_active
    ]
    context = {
        "section": "dashboard",
        "participant": participant,
        "active_matches": active,
        "ended_matches": ended,
        "proposals": [
            {"proposal": item, "other": proposals.other_of(item, participant)}
            for item in proposals.pending_for(participant)
        ],
        # A waiting newcomer's place in line and the estimate (None for anyone else).
        "waiting": waiting.waiting_status(participant, today),
    }
    if not active:
        context["waiting_next_step"] = services.suggested_next_step(participant, None, today)
        # The participant's programme's contact person, else the site's.
        context["contact"] = participant.programme.contact_details() or (
            ContactSettings.for_request(request)
        )
    return render(request, "portal/dashboard.html", context)


def _choose_match(request, url_name, section, only_active):
    """The sub-navigation's Meetings and Check-in links: straight to the one active match,
    or a short list to choose from."""
    matches = list(services.matches_for(request.participant).prefetch_related("programme__tracks"))
    active = [match for match in matches if match.is_active]
    if len(active) == 1:
        return redirect(url_name, match_id=active[0].pk)
    choices = active if only_active else matches
    return render(
        request,
        "portal/choose_match.html",
        {
            "section": section,
            "matches": [(m, m.partner_of(request.participant)) for m in choices],
            "url_name": url_name,
        },
    )


@require_GET
@participant_required
def meetings_index(request):
    return _choose_match(request, "portal:meetings", "meetings", only_active=False)


@require_GET
@participant_required
def checkin_index(request):
    return _choose_match(request, "portal:check_in", "check_in", only_active=True)


# ---------------------------------------------------------------------------------------------
# Meetings
# ---------------------------------------------------------------------------------------------


@require_GET
@participant_required
def meeting_list(request, match_id):
    participant = request.participant
    match = _match_or_404(participant, match_id)
    meetings = match.meetings.select_related("author__user", "activity_idea").order_by(
        "-date", "-pk"
    )
    return render(
        request,
        "portal/meeting_list.html",
        {
            "section": "meetings",
            "match": match,
            "partner": match.partner_of(participant),
            "meetings": meetings,
            "can_log": match.is_active,
        },
    )


def _read_only_redirect(request, match):
    messages.info(request, _("This match has ended, so its meeting log can no longer be changed."))
    return redirect("portal:meetings", match_id=match.pk)


@require_http_methods(["GET", "POST"])
@participant_required
def meeting_form(request, match_id, meeting_id=None):
    participant = request.participant
    match = _match_or_404(participant, match_id)
    meeting = None
    if meeting_id is not None:
        # Only the author can edit: the partner's entries are not found.
        meeting = get_object_or_404(match.meetings, pk=meeting_id, author=participant)
    if not match.is_active:
        return _read_only_redirect(request, match)
    form = MeetingForm(request.POST or None, instance=meeting, match=match, author=participant)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(
            request, _("The meeting has been saved.") if meeting else _("The meeting is logged.")
        )
        return redirect("portal:meetings", match_id=match.pk)
    return render(
        request,
        "portal/meeting_form.html",
        {
            "section": "meetings",
            "match": match,
            "partner": match.partner_of(participant),
            "form": form,
            "meeting": meeting,
        },
    )


@require_http_methods(["GET", "POST"])
@participant_required
def meeting_delete(request, match_id, meeting_id):
    participant = request.participant
    match = _match_or_404(participant, match_id)
    meeting = get_object_or_404(match.meetings, pk=meeting_id, author=participant)
    if not match.is_active:
        return _read_only_redirect(request, match)
    if request.method == "POST":
        meeting.delete()
        messages.success(request, _("The meeting has been deleted."))
        return redirect("portal:meetings", match_id=match.pk)
    return render(
        request,
        "portal/meeting_confirm_delete.html",
        {"section": "meetings", "match": match, "meeting": meeting},
    )


# ---------------------------------------------------------------------------------------------
# Check-in and re-match
# ---------------------------------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
@participant_required
def check_in(request, match_id):
    participant = request.participant
    match = _match_or_404(participant, match_id)
    form = CheckInForm(request.POST or None) if match.is_active else None
    if request.method == "POST" and form is not None and form.is_valid():
        try:
            services.record_check_in(
                match,
                participant,
                satisfaction=form.cleaned_data["satisfaction"],
                wants_to_continue=form.cleaned_data["wants_to_continue"],
                note=form.cleaned_data["note"],
            )
        except ValidationError as error:
            _add_form_errors(form, error)
        else:
            messages.success(
                request, _("Thank you! Your check-in has been sent to the coordinator.")
            )
            return redirect("portal:check_in", match_id=match.pk)
    # Only the participant's own answers: the partner's are never shown.
    previous = CheckIn.objects.filter(match=match, participant=participant).order_by(
        "-created_at", "-pk"
    )
    return render(
        request,
        "portal/check_in.html",
        {
            "section": "check_in",
            "match": match,
            "partner": match.partner_of(participant),
            "form": form,
            "previous": previous,
            "checkin_due": services.checkin_due(participant, match),
            "next_checkin": services.next_checkin_date(participant, match),
        },
    )


@require_http_methods(["GET", "POST"])
@participant_required
def rematch(request, match_id):
    participant = request.participant
    match = _match_or_404(participant, match_id)
    own_requests = list(
        RematchRequest.objects.filter(match=match, participant=participant).order_by(
            "-created_at", "-pk"
        )
    )
    has_open = any(r.status == RematchRequest.Status.OPEN for r in own_requests)
    form = RematchForm(request.POST or None) if match.is_active and not has_open else None
    if request.method == "POST" and form is not None and form.is_valid():
        try:
            services.request_rematch(match, participant, form.cleaned_data["reason"])
        except ValidationError as error:
            _add_form_errors(form, error)
        else:
            messages.success(
                request,
                _("Your request has been sent. A coordinator will contact you soon."),
            )
            return redirect("portal:rematch", match_id=match.pk)
    return render(
        request,
        "portal/rematch.html",
        {
            "section": "dashboard",
            "match": match,
            "partner": match.partner_of(participant),
            "form": form,
            "requests": own_requests,
            "has_open": has_open,
        },
    )


# ---------------------------------------------------------------------------------------------
# Profile
# ---------------------------------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
@participant_required
def profile(request):
    participant = request.participant
    user = request.user
    data = request.POST or None
    account_form = AccountForm(data, instance=user)
    profile_form = profile_form_class(participant)(data, instance=participant)
    if request.method == "POST" and account_form.is_valid() and profile_form.is_valid():
        with transaction.atomic():
            account_form.save()
            profile_form.save()
        language = user.preferred_language
        # Say it, and show the profile again, in the language just chosen.
        with translation.override(language):
            messages.success(request, _("Your profile has been saved."))
            url = reverse("portal:profile")
        # The URL carries the language (/portal/… or /da/portal/…), so the portal switches
        # with the redirect when the preferred language changed.
        return redirect(url)
    return render(
        request,
        "portal/profile.html",
        {
            "section": "profile",
            "participant": participant,
            "account_form": account_form,
            "profile_form": profile_form,
        },
    )


# ---------------------------------------------------------------------------------------------
# Conversation wheel
# ---------------------------------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
@participant_required
def wheel(request):
    participant = request.participant
    form = WheelForm(request.POST or None, participant=participant)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Your conversation wheel has been saved."))
        return redirect("portal:wheel")
    entries = form.entries
    active_matches = [
        (match, match.partner_of(participant))
        for match in services.matches_for(participant).active()
    ]
    return render(
        request,
        "portal/wheel.html",
        {
            "section": "wheel",
            "form": form,
            "chart": wheel_chart(wheel_values(entries)),
            "has_entries": bool(entries),
            "active_matches": active_matches,
        },
    )


@require_GET
@participant_required
def match_wheels(request, match_id):
    participant = request.participant
    match = _match_or_404(participant, match_id)
    if not match.is_active:
        # Wheels are a conversation starter for a running match, not history to keep showing.
        raise Http404
    partner = match.partner_of(participant)
    values = {participant.pk: {}, partner.pk: {}}
    notes = {participant.pk: {}, partner.pk: {}}
    for entry in WheelEntry.objects.filter(participant__in=[participant, partner]):
        values[entry.participant_id][entry.area] = entry.importance
        notes[entry.participant_id][entry.area] = entry.note
    people = [
        {
            "person": participant,
            "is_me": True,
            "chart_id": "wheel-mine",
            "chart": wheel_chart(values[participant.pk]),
        },
        {
            "person": partner,
            "is_me": False,
            "chart_id": "wheel-partner",
            "chart": wheel_chart(values[partner.pk]),
        },
    ]
    rows = [
        {
            "label": area.label,
            "mine": values[participant.pk].get(area.value),
            "my_note": notes[participant.pk].get(area.value, ""),
            "theirs": values[partner.pk].get(area.value),
            "their_note": notes[partner.pk].get(area.value, ""),
        }
        for area in LifeArea
    ]
    return render(
        request,
        "portal/match_wheels.html",
        {
            "section": "wheel",
            "match": match,
            "partner": partner,
            "people": people,
            "rows": rows,
        },
    )


# ---------------------------------------------------------------------------------------------
# My data (GDPR)
# ---------------------------------------------------------------------------------------------


@require_GET
@participant_required
def my_data(request):
    return render(request, "portal/my_data.html", {"section": "my_data"})


@require_GET
@participant_required
def my_data_json(request):
    response = JsonResponse(
        participant_export(request.participant),
        json_dumps_params={"indent": 2, "ensure_ascii": False},
    )
    response["Content-Disposition"] = f'attachment; filename="{export_filename()}"'
    return response


# ---------------------------------------------------------------------------------------------
# Privacy and consent: the person's consents, each withdrawable (privacy/consent.py)
# ---------------------------------------------------------------------------------------------


@require_GET
@participant_required
def consents(request):
    from privacy import consent

    user = request.user
    return render(
        request,
        "portal/consents.html",
        {
            "section": "consents",
            "records": consent.consents_of(user),
            "needs_privacy_notice": consent.needs_privacy_notice(user),
            "notice_version": consent.PRIVACY_NOTICE_VERSION,
        },
    )


@require_http_methods(["GET", "POST"])
@participant_required
def consent_withdraw(request, purpose):
    """Ask first (a page, no JavaScript needed), then withdraw at once on POST."""
    from privacy import consent
    from privacy.models import Purpose

    if purpose not in Purpose.values or not consent.has_consent(request.user, purpose):
        raise Http404
    if request.method == "POST":
        consent.withdraw_consent(request.user, purpose)
        messages.success(
            request,
            _("Withdrawn: »%(purpose)s«. The coordinator has been told.")
            % {"purpose": Purpose(purpose).label},
        )
        return redirect("portal:consents")
    return render(
        request,
        "portal/consent_withdraw.html",
        {
            "section": "consents",
            "purpose": Purpose(purpose),
            "text": consent.purpose_text(purpose),
        },
    )


@require_http_methods(["POST"])
@participant_required
def consent_give(request, purpose):
    """Acknowledge the privacy notice's current version (again) from the portal."""
    from privacy import consent
    from privacy.models import Purpose

    if purpose not in Purpose.values:
        raise Http404
    consent.give_consent(request.user, purpose)
    messages.success(request, _("Thank you. Your answer has been recorded."))
    return redirect("portal:consents")


# ---------------------------------------------------------------------------------------------
# Erasing my data (GDPR right to erasure), with a confirmation step
# ---------------------------------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
@participant_required
def erase_my_data(request):
    from django.contrib.auth import logout

    from privacy.erasure import erase_participant
    from privacy.forms import ConfirmErasureForm
    from privacy.summary import erasure_summary

    participant = request.participant
    form = ConfirmErasureForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        erase_participant(participant)
        language = translation.get_language()
        logout(request)  # a new session: the message below survives, the login does not
        translation.activate(language)
        messages.success(request, _("Your data has been erased and your account is closed."))
        return redirect(reverse("portal:erased"))
    return render(
        request,
        "portal/erase_my_data.html",
        {"section": "my_data", "form": form, "summary": erasure_summary(participant)},
    )


@require_GET
def erased(request):
    """Where the participant lands after erasing their data: no longer logged in."""
    return render(request, "portal/erased.html")
