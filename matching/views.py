"""The portal's pages for a match proposal: only its two people see it (anyone else: 404).

A short profile of the other person (no surname, no contact details) and Accept / Decline as
plain POST forms that work without JavaScript; declining asks for a confirmation and an
optional reason for the coordinator. The rules are in ``matching.proposals``."""

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from portal.mixins import participant_required

from . import proposals
from .models import MatchProposal


class DeclineForm(forms.Form):
    reason = forms.CharField(
        label=gettext_lazy("Would you like to tell the coordinator why? (optional)"),
        help_text=gettext_lazy("Only the coordinators read this; the other person is not told."),
        required=False,
        max_length=proposals.DECLINE_REASON_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4}),
    )


def _proposal_or_404(participant, proposal_id):
    return get_object_or_404(proposals.proposals_for(participant), pk=proposal_id)


def _context(participant, proposal, **extra):
    other = proposals.other_of(proposal, participant)
    return {
        "section": "dashboard",
        "participant": participant,
        "proposal": proposal,
        "other": other,
        "profile": proposals.short_profile(other),
        "own_answer": proposals.own_answer(proposal, participant),
        **extra,
    }


def _show_errors(request, error):
    for message in error.messages:
        messages.error(request, message)


@require_http_methods(["GET", "POST"])
@participant_required
def proposal(request, proposal_id):
    participant = request.participant
    item = _proposal_or_404(participant, proposal_id)
    if request.method == "POST":
        try:
            item = proposals.answer(item, participant, accept=True)
        except ValidationError as error:
            _show_errors(request, error)
        else:
            if item.match_id:
                messages.success(
                    request, _("You have both said yes: your match has started. Welcome!")
                )
                return redirect("portal:dashboard")
            messages.success(
                request,
                _(
                    "Thank you for saying yes. We will tell you as soon as the other person "
                    "answers."
                ),
            )
        return redirect("portal:proposal", proposal_id=item.pk)
    return render(request, "matching/proposal.html", _context(participant, item))


@require_http_methods(["GET", "POST"])
@participant_required
def proposal_decline(request, proposal_id):
    participant = request.participant
    item = _proposal_or_404(participant, proposal_id)
    if item.status != MatchProposal.Status.PENDING or proposals.own_answer(item, participant):
        return redirect("portal:proposal", proposal_id=item.pk)
    form = DeclineForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            proposals.answer(item, participant, accept=False, reason=form.cleaned_data["reason"])
        except ValidationError as error:
            if hasattr(error, "error_dict"):
                for message in error.message_dict.get("reason", []):
                    form.add_error("reason", message)
            else:
                _show_errors(request, error)
                return redirect("portal:proposal", proposal_id=item.pk)
        else:
            messages.success(
                request,
                _("Thank you for letting us know. We have told the coordinator."),
            )
            return redirect("portal:dashboard")
    return render(request, "matching/proposal_decline.html", _context(participant, item, form=form))
