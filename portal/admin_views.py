"""Coordinators' screens in the Wagtail admin beyond plain listing and editing: creating a
participant with an invitation, creating/ending matches through the programme's rules,
resolving re-match requests, marking check-ins as followed up, and the follow-up overview.

Every view checks the portal models' permissions, which only the Coordinators group holds;
editors and participants never get in.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView, TemplateView, View
from wagtail.admin.utils import get_valid_next_url_from_request
from wagtail.admin.views import generic
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.admin.widgets import Button

from adminui.columns import admin_date
from home.wording import language_in_sentence
from programmes.policies import policy_for
from programmes.scoping import get_scoped_or_404, scoped

from . import endings, match_log, services
from .admin_forms import EndMatchForm, ExtendMatchForm, MatchNoteForm, ResolveRematchForm
from .admin_panels import pair_label
from .invitations import send_invitation
from .models import CheckIn, Match, MatchNote, Participant, RematchRequest

participant_permissions = policy_for(Participant)
match_permissions = policy_for(Match)
checkin_permissions = policy_for(CheckIn)
rematch_permissions = policy_for(RematchRequest)

FOLLOWUP_URL_NAME = "host_followup:index"


def safe_next(request, default):
    """The ``next`` parameter if Wagtail finds it points into this site, else ``default``."""
    return get_valid_next_url_from_request(request) or default


# --- participants -------------------------------------------------------------------------------


class ParticipantCreateView(generic.CreateView):
    """Creates the user account with the participant, then (by default) emails the invitation."""

    def save_instance(self):
        participant = super().save_instance()
        self.invited = bool(self.form.cleaned_data.get("send_invitation"))
        if self.invited:
            send_invitation(participant)
        return participant

    def get_success_message(self, instance):
        if self.invited:
            return _(
                "%(name)s is registered and has been emailed an invitation (%(language)s)."
            ) % {
                "name": instance,
                "language": language_in_sentence(instance.user.get_preferred_language_display()),
            }
        return _("%(name)s is registered. No invitation was sent yet.") % {"name": instance}


class ParticipantDeleteView(generic.DeleteView):
    """The coordinator's "Delete" erases (privacy.erasure): matches, meetings and check-in
    scores must survive for the reports, so the participant is anonymised in place instead of
    deleted (a plain delete of someone with a match failed with ProtectedError)."""

    template_name = "portal/admin/erase_participant.html"
    page_title = gettext_lazy("Erase")
    header_icon = "bin"

    def get_usage_url(self):
        return None  # nothing is deleted, so no reference can block it

    @property
    def confirmation_message(self):
        return _("Are you sure you want to erase this participant?")

    def get_context_data(self, **kwargs):
        from privacy.summary import erasure_summary

        context = super().get_context_data(**kwargs)
        context["summary"] = erasure_summary(self.object)
        return context

    def delete_action(self):
        from privacy.erasure import erase_participant

        self.erased_name = str(self.object)
        erase_participant(self.object)

    def get_success_message(self):
        return _("%(name)s has been erased.") % {"name": self.erased_name}


class ResendInvitationView(PermissionCheckedMixin, WagtailAdminTemplateMixin, TemplateView):
    permission_policy = participant_permissions
    permission_required = "change"
    template_name = "portal/admin/resend_invitation.html"
    header_icon = "mail"
    index_url_name = "host_participants:index"

    @cached_property
    def participant(self):
        return get_scoped_or_404(
            Participant.objects.select_related("user"), self.request.user, pk=self.kwargs["pk"]
        )

    def get_page_title(self):
        return _("Send the invitation again")

    def get_page_subtitle(self):
        return str(self.participant)

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": reverse(self.index_url_name), "label": _("Participants")},
            {"url": "", "label": self.get_header_title()},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            participant=self.participant,
            back_url=reverse("host_participants:edit", args=[self.participant.pk]),
        )
        return context

    def post(self, request, pk):
        send_invitation(self.participant)
        messages.success(
            request,
            _("A new invitation has been emailed to %(email)s.")
            % {"email": self.participant.user.email},
        )
        return redirect(self.index_url_name)


# --- matches ------------------------------------------------------------------------------------


class MatchCreateView(generic.CreateView):
    """Creates the match through services.create_match (capacity, kinds, one per kind)."""

    def form_valid(self, form):
        try:
            return super().form_valid(form)
        except ValidationError as error:  # lost a race with another coordinator's match
            form.add_error(None, error)
            self.produced_error_message = self.get_error_message()
            return self.form_invalid(form)

    def get_success_message(self, instance):
        if self.form.cleaned_data.get("notify"):
            return _("Match created: %(match)s. Both participants have been emailed.") % {
                "match": instance
            }
        return _("Match created: %(match)s. Nobody was emailed.") % {"match": instance}


class MatchEditView(generic.EditView):
    """Edits the dates; shows the pair, its progress and links to its meetings and check-ins."""

    template_name = "portal/admin/match_edit.html"

    @cached_property
    def header_more_buttons(self):
        buttons = super().header_more_buttons
        if self.object.is_active and self.user_has_permission("change"):
            buttons.append(
                Button(
                    _("Extend the match"),
                    url=reverse("host_matches:extend", args=[self.object.pk]),
                    icon_name="date",
                    priority=4,
                )
            )
            buttons.append(
                Button(
                    _("End the match"),
                    url=reverse("host_matches:end", args=[self.object.pk]),
                    icon_name="cross",
                    priority=5,
                )
            )
        return buttons

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        # The match as saved: after a refused edit, self.object holds what was typed (perhaps
        # no start date at all), and progress is about the saved match anyway.
        match = Match.objects.select_related("newcomer__user", "host__user").get(pk=self.object.pk)
        context.update(
            match=match,
            progress=services.match_progress(match),
            end_url=reverse("host_matches:end", args=[match.pk]) if match.is_active else None,
            meetings_url=reverse("host_meetings:index") + f"?match={match.pk}",
            checkins_url=reverse("host_checkins:index") + f"?match={match.pk}",
            extend_url=(
                reverse("host_matches:extend", args=[match.pk]) if match.is_active else None
            ),
            notes=match_log.notes_for(match),
            note_form=MatchNoteForm(prefix="note"),
            note_url=reverse("host_matches:note", args=[match.pk]),
            edit_url=reverse("host_matches:edit", args=[match.pk]),
        )
        return context


class ParticipantEditView(generic.EditView):
    @cached_property
    def header_more_buttons(self):
        buttons = super().header_more_buttons
        if self.user_has_permission("change"):
            buttons.append(
                Button(
                    _("Send the invitation again"),
                    url=reverse("host_participants:invite", args=[self.object.pk]),
                    icon_name="mail",
                    priority=5,
                )
            )
        return buttons


class EndMatchView(PermissionCheckedMixin, WagtailAdminTemplateMixin, FormView):
    permission_policy = match_permissions
    permission_required = "change"
    template_name = "portal/admin/end_match.html"
    form_class = EndMatchForm
    header_icon = "group"

    @cached_property
    def match(self):
        return get_scoped_or_404(
            Match.objects.select_related("newcomer__user", "host__user"),
            self.request.user,
            pk=self.kwargs["pk"],
        )

    def get_page_title(self):
        return _("End the match")

    def get_page_subtitle(self):
        return str(self.match)

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": reverse("host_matches:index"), "label": _("Matches")},
            {"url": reverse("host_matches:edit", args=[self.match.pk]), "label": str(self.match)},
            {"url": "", "label": _("End the match")},
        ]

    def get_initial(self):
        today = timezone.localdate()
        status = Match.Status.COMPLETED if today >= self.match.end_date else ""
        return {"status": status, "ended_on": min(today, self.match.end_date), "notify": True}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            match=self.match,
            progress=services.match_progress(self.match),
            back_url=safe_next(self.request, reverse("host_matches:edit", args=[self.match.pk])),
            next=self.request.GET.get("next", ""),
        )
        return context

    def form_valid(self, form):
        data = form.cleaned_data
        try:
            services.end_match(
                self.match,
                data["status"],
                reason=data["end_reason"],
                ended_on=data["ended_on"],
                notify=data["notify"],
            )
        except ValidationError as error:
            form.add_error(None, error)
            return self.form_invalid(form)
        messages.success(self.request, _("The match has ended: %(match)s.") % {"match": self.match})
        return redirect(safe_next(self.request, reverse("host_matches:index")))


class MatchActionMixin(PermissionCheckedMixin, WagtailAdminTemplateMixin):
    """A coordinator's form about one match, reached from its edit page or the follow-up list."""

    permission_policy = match_permissions
    permission_required = "change"
    header_icon = "group"

    @cached_property
    def match(self):
        return get_scoped_or_404(
            Match.objects.select_related("newcomer__user", "host__user"),
            self.request.user,
            pk=self.kwargs["pk"],
        )

    def get_page_subtitle(self):
        return str(self.match)

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": reverse("host_matches:index"), "label": _("Matches")},
            {"url": reverse("host_matches:edit", args=[self.match.pk]), "label": str(self.match)},
            {"url": "", "label": self.get_page_title()},
        ]

    def back_url(self):
        return safe_next(self.request, reverse("host_matches:edit", args=[self.match.pk]))

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            match=self.match,
            back_url=self.back_url(),
            next=self.request.POST.get("next", self.request.GET.get("next", "")),
        )
        return context


class MatchNoteView(MatchActionMixin, FormView):
    """Add a note to the match's log; with "followed up" ticked the pair leaves the lists of
    pairs to call and quiet pairs. A refused note comes back here with what was typed."""

    template_name = "portal/admin/match_note.html"
    form_class = MatchNoteForm

    def get_page_title(self):
        return _("Add a note to the match's log")

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "prefix": "note"}

    def get_initial(self):
        return {"date": timezone.localdate(), "followed_up": "followed_up" in self.request.GET}

    def form_valid(self, form):
        data = form.cleaned_data
        try:
            match_log.add_note(
                self.match,
                author=self.request.user,
                text=data["text"],
                channel=data["channel"],
                date=data["date"],
                followed_up=data["followed_up"],
            )
        except ValidationError as error:
            form.add_error(None, error)
            return self.form_invalid(form)
        if data["followed_up"]:
            message = _("%(match)s is marked as followed up.")
        else:
            message = _("The note is added to the log of %(match)s.")
        messages.success(self.request, message % {"match": pair_label(self.match)})
        return redirect(self.back_url())


class ExtendMatchView(MatchActionMixin, FormView):
    """A later end date, so the daily command does not end the match yet; the reason goes to
    the audit log."""

    template_name = "portal/admin/extend_match.html"
    form_class = ExtendMatchForm

    def get_page_title(self):
        return _("Extend the match")

    def get_context_data(self, **kwargs):
        return {
            **super().get_context_data(**kwargs),
            "progress": services.match_progress(self.match),
        }

    def form_valid(self, form):
        try:
            endings.extend_match(
                self.match,
                end_date=form.cleaned_data["end_date"],
                reason=form.cleaned_data["reason"],
                by_user=self.request.user,
            )
        except ValidationError as error:
            if hasattr(error, "error_dict"):
                for field, errors in error.error_dict.items():
                    form.add_error(field if field in form.fields else None, errors)
            else:
                form.add_error(None, error)
            return self.form_invalid(form)
        messages.success(
            self.request,
            _("%(match)s now ends on %(date)s.")
            % {"match": pair_label(self.match), "date": admin_date(self.match.end_date)},
        )
        return redirect(self.back_url())


# --- re-match requests ----------------------------------------------------------------------------


class ResolveRematchView(PermissionCheckedMixin, WagtailAdminTemplateMixin, FormView):
    permission_policy = rematch_permissions
    permission_required = "change"
    template_name = "portal/admin/resolve_rematch.html"
    form_class = ResolveRematchForm
    header_icon = "resubmit"

    @cached_property
    def rematch_request(self):
        return get_scoped_or_404(
            RematchRequest.objects.select_related(
                "participant__user", "match__newcomer__user", "match__host__user", "resolved_by"
            ),
            self.request.user,
            pk=self.kwargs["pk"],
        )

    def get_page_title(self):
        return _("Re-match request")

    def get_page_subtitle(self):
        return str(self.rematch_request.participant)

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": reverse("host_rematch_requests:index"), "label": _("Re-match requests")},
            {"url": "", "label": self.get_header_title()},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        request = self.rematch_request
        context.update(
            rematch=request,
            is_open=request.status == RematchRequest.Status.OPEN,
            check_ins=CheckIn.objects.filter(match=request.match)
            .select_related("participant__user")
            .order_by("-created_at")[:5],
            progress=services.match_progress(request.match),
            match_url=reverse("host_matches:edit", args=[request.match_id]),
        )
        return context

    def post(self, request, *args, **kwargs):
        if self.rematch_request.status != RematchRequest.Status.OPEN:
            messages.error(request, _("This request has already been resolved."))
            return redirect("host_rematch_requests:index")
        return super().post(request, *args, **kwargs)

    def form_valid(self, form):
        keep = form.cleaned_data["decision"] == ResolveRematchForm.KEEP
        services.resolve_rematch(
            self.rematch_request,
            keep=keep,
            by_user=self.request.user,
            note=form.cleaned_data["note"],
        )
        if keep:
            message = _("The match continues; %(name)s has been emailed.")
        else:
            message = _(
                "The match has ended and both participants have been emailed. "
                "Create a new match for %(name)s when you have found one."
            )
        messages.success(self.request, message % {"name": self.rematch_request.participant})
        return redirect(safe_next(self.request, reverse("host_rematch_requests:index")))


# --- check-ins ------------------------------------------------------------------------------------


class MarkFollowedUpView(PermissionCheckedMixin, View):
    permission_policy = checkin_permissions
    permission_required = "change"
    http_method_names = ["post"]

    def post(self, request, pk):
        check_in = get_scoped_or_404(
            CheckIn.objects.select_related("participant__user"), request.user, pk=pk
        )
        if check_in.followed_up_at is None:
            check_in.followed_up_at = timezone.now()
            check_in.save(update_fields=["followed_up_at"])
        messages.success(
            request,
            _("The check-in from %(name)s is marked as followed up.")
            % {"name": check_in.participant},
        )
        return redirect(safe_next(request, reverse(FOLLOWUP_URL_NAME)))


# --- follow-up ------------------------------------------------------------------------------------


class FollowUpView(PermissionCheckedMixin, WagtailAdminTemplateMixin, TemplateView):
    """What to act on today: calls to make, quiet pairs, worried check-ins, re-match requests,
    matches about to end. A fixed number of queries however many pairs there are."""

    permission_policy = match_permissions
    permission_required = "change"
    template_name = "portal/admin/followup.html"
    page_title = gettext_lazy("Follow-up")
    header_icon = "tasks"

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": "", "label": _("Follow-up")}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        querysets = {
            "matches": scoped(Match.objects.all(), user),
            "check_ins": scoped(CheckIn.objects.all(), user),
            "requests": scoped(RematchRequest.objects.all(), user),
        }
        # ``?section=quiet`` shows one list in full, a page at a time; otherwise the first
        # rows of each list.
        section = self.request.GET.get("section", "")
        overview, page = services.followup_section(section, self.request.GET.get("p"), **querysets)
        if overview is None:
            section, overview = "", services.followup_overview(**querysets)
        context.update(
            overview=overview,
            section=section,
            page=page,
            followup_url=reverse(FOLLOWUP_URL_NAME),
            # Where a row's form brings the coordinator back: this list, at this page.
            return_url=self.request.get_full_path(),
            # Translated once for the screen, not once for each row's form.
            channels=[(value, str(label)) for value, label in MatchNote.Channel.choices],
            call_from=services.FOLLOW_UP_CALL_FROM_DAYS // 7,
            call_until=services.FOLLOW_UP_CALL_UNTIL_DAYS // 7,
            quiet_weeks=services.QUIET_AFTER_DAYS // 7,
            ending_days=services.ENDING_WITHIN_DAYS,
            low_satisfaction=services.LOW_SATISFACTION,
        )
        return context
