"""Coordinators' suggestion screens in the Wagtail admin: the best hosts for one waiting
newcomer (with a button to propose one), and "suggest matches for the whole waiting list" per
programme and track (drop or swap any pair, confirm the rest). Each looks its programme or
newcomer up through the scoping rule (another programme's is 404) and costs the same number of
queries whatever the number of people; the rules are in ``matching.suggestions``."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Count
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import get_language, gettext_lazy, ngettext
from django.utils.translation import gettext as _
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin

from portal.models import Participant
from programmes.models import Programme
from programmes.policies import policy_for
from programmes.scoping import get_scoped_or_404, programmes_for, scoped

from . import candidates, suggestions
from .models import MatchProposal

proposal_permissions = policy_for(MatchProposal)


def admin_language():
    return (get_language() or "en").split("-")[0]


class SuggestionMixin(PermissionCheckedMixin, WagtailAdminTemplateMixin):
    permission_policy = proposal_permissions
    permission_required = "add"
    header_icon = "group"

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": reverse("host_suggestions:index"), "label": _("Suggest matches")},
            {"url": "", "label": self.get_page_title()},
        ]


class SuggestionsIndexView(SuggestionMixin, TemplateView):
    """The coordinator's programmes and tracks with how many are waiting in each."""

    template_name = "matching/admin/suggestions_index.html"
    page_title = gettext_lazy("Suggest matches")

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": "", "label": _("Suggest matches")}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        programmes = list(
            programmes_for(user).filter(active=True).prefetch_related("tracks").order_by("pk")
        )
        waiting = (
            scoped(Participant.objects.all(), user)
            .filter(
                role=Participant.Role.NEWCOMER,
                waiting_since__isnull=False,
                waiting_paused=False,
                erased_at__isnull=True,
                user__is_active=True,
            )
            .values("programme_id", "wanted_host_kind")
            .annotate(count=Count("pk"))
        )
        counts = {(row["programme_id"], row["wanted_host_kind"]): row["count"] for row in waiting}
        context["tracks"] = [
            {
                "programme": programme,
                "name": track.name,
                "waiting": counts.get((programme.pk, track.kind), 0),
                "url": reverse("host_suggestions:programme", args=[programme.pk])
                + f"?kind={track.kind}",
            }
            for programme in programmes
            for track in programme.tracks.all()
        ]
        return context


class WholeListView(SuggestionMixin, TemplateView):
    """The best assignment of one programme's waiting list in one track. GET shows it; POST
    proposes the pairs left ticked, with the hosts chosen in their selects."""

    template_name = "matching/admin/whole_list.html"

    @cached_property
    def programme(self):
        return get_scoped_or_404(
            Programme.objects.prefetch_related("tracks"), self.request.user, pk=self.kwargs["pk"]
        )

    @cached_property
    def kind(self):
        kinds = self.programme.offered_kinds()
        kind = self.request.POST.get("kind") or self.request.GET.get("kind") or ""
        if not kind and kinds:
            return kinds[0]
        if kind not in kinds:
            raise Http404
        return kind

    def get_page_title(self):
        return _("Suggest matches for the whole waiting list")

    def get_page_subtitle(self):
        return f"{self.programme} · {self.programme.track_name(self.kind)}"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        rows, unmatched = suggestions.whole_list(self.programme, self.kind, admin_language())
        posted = getattr(self, "posted", None)
        for row in rows:
            row.kept = True
            row.chosen_host_id = row.host.pk
            if posted is not None:
                row.kept = row.newcomer.pk in posted
                row.chosen_host_id = posted.get(row.newcomer.pk) or row.host.pk
        context.update(
            programme=self.programme,
            kind=self.kind,
            track_name=self.programme.track_name(self.kind),
            rows=rows,
            unmatched=unmatched,
            total=sum(row.score for row in rows),
            other_tracks=[
                (track.name, f"?kind={track.kind}")
                for track in self.programme.tracks.all()
                if track.kind != self.kind
            ],
        )
        return context

    def chosen_pairs(self):
        """``{newcomer id: host id or None}`` of the ticked rows, as far as they can be read
        (kept for showing the form again), and whether all could be read."""
        pairs, readable = {}, True
        for value in self.request.POST.getlist("keep"):
            try:
                newcomer_id = int(value)
            except ValueError:
                readable = False
                continue
            try:
                pairs[newcomer_id] = int(self.request.POST.get(f"host-{newcomer_id}", ""))
            except ValueError:
                pairs[newcomer_id] = None
                readable = False
        return pairs, readable

    def post(self, request, *args, **kwargs):
        kind = self.kind  # another programme, or a track it lacks: 404 before anything else
        self.posted, readable = self.chosen_pairs()
        try:
            if not readable:
                raise ValidationError(_("Choose a host from the list for each kept pair."))
            proposals = suggestions.propose_pairs(
                self.programme, kind, list(self.posted.items()), by_user=request.user
            )
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
            return self.render_to_response(self.get_context_data())
        messages.success(
            request,
            ngettext(
                "%(count)s match proposal has been made.",
                "%(count)s match proposals have been made.",
                len(proposals),
            )
            % {"count": len(proposals)},
        )
        return redirect(
            reverse("host_suggestions:programme", args=[self.programme.pk]) + f"?kind={kind}"
        )


class NewcomerHostsView(SuggestionMixin, TemplateView):
    """The best hosts for one waiting newcomer, each with a button to propose them."""

    template_name = "matching/admin/newcomer_hosts.html"

    @cached_property
    def newcomer(self):
        return get_scoped_or_404(
            Participant.objects.select_related(
                "user", "chosen_field", "programme"
            ).prefetch_related("chosen_interests", "programme__tracks"),
            self.request.user,
            pk=self.kwargs["pk"],
            role=Participant.Role.NEWCOMER,
        )

    def get_page_title(self):
        return _("Suggest hosts")

    def get_page_subtitle(self):
        return str(self.newcomer)

    def state(self):
        """Why no host can be proposed now, or ``""``."""
        newcomer = self.newcomer
        if not newcomer.wanted_host_kind:
            return _("Choose the host kind this newcomer wants before suggesting hosts.")
        if newcomer.waiting_since is None:
            return _("This newcomer is not on the waiting list.")
        if newcomer.waiting_paused:
            return _("This newcomer's wait is paused.")
        if (
            MatchProposal.objects.pending()
            .filter(newcomer=newcomer, kind=newcomer.wanted_host_kind)
            .exists()
        ):
            return _("This newcomer already has a match proposal waiting for answers.")
        return ""

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        newcomer = self.newcomer
        hosts = []
        if newcomer.wanted_host_kind:
            hosts = suggestions.hosts_for_newcomer(newcomer, admin_language())
        context.update(
            newcomer=newcomer,
            state=self.state(),
            hosts=hosts,
            track_name=newcomer.programme.track_name(newcomer.wanted_host_kind)
            if newcomer.wanted_host_kind
            else "",
            waiting_days=candidates.newcomer_profile(newcomer).waiting_days,
            back_url=reverse("host_participants:edit", args=[newcomer.pk]),
        )
        return context

    def post(self, request, *args, **kwargs):
        newcomer = self.newcomer
        try:
            state = self.state()
            if state:
                raise ValidationError(state)
            try:
                host_id = int(request.POST.get("host", ""))
            except ValueError:
                raise ValidationError(_("Choose a host from the list.")) from None
            suggestions.propose_pairs(
                newcomer.programme,
                newcomer.wanted_host_kind,
                [(newcomer.pk, host_id)],
                by_user=request.user,
            )
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
            return self.render_to_response(self.get_context_data())
        messages.success(
            request,
            _("%(newcomer)s has been proposed to a host. Both are asked in their language.")
            % {"newcomer": newcomer},
        )
        return redirect(reverse("host_suggest_hosts:newcomer", args=[newcomer.pk]))
