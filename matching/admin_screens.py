"""The coordinators' waiting list and match proposals in the Wagtail admin (menu "Host
programme"). Both follow the scoping rule: a listing of the user's programmes only, and
another programme's person or proposal answers 404.

- Waiting list (``host_waiting``): every waiting newcomer with their place in the line of their
  programme and track, the day they joined, days waiting, paused, pending proposal; filters,
  CSV export (formula-safe), pagination, a constant number of queries. Pause / resume keeps
  the place and is audit-logged.
- Match proposals (``host_proposals``): every proposal with both answers; withdraw a pending
  one.
"""

import django_filters
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import BooleanColumn, Column, StatusTagColumn, TitleColumn
from wagtail.admin.views import generic
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.admin.widgets import Button

from adminui.columns import LocalDateColumn
from portal.models import HostKind, Participant
from portal.wagtail_hooks import YES_NO, ReadOnlyViewSet, programme_filter
from programmes.policies import policy_for
from programmes.scoping import get_scoped_or_404
from protection.exports import SpreadsheetSafeExportMixin

from . import proposals, waiting
from .models import MatchProposal

participant_permissions = policy_for(Participant)
proposal_permissions = policy_for(MatchProposal)


def days_waiting(participant):
    return waiting_days(participant.waiting_since)


def waiting_days(since):
    if since is None:
        return None
    return max((timezone.localdate() - timezone.localtime(since).date()).days, 0)


# --- the waiting list ---------------------------------------------------------------------------


class WaitingFilterSet(WagtailFilterSet):
    programme = programme_filter()
    kind = django_filters.ChoiceFilter(
        label=gettext_lazy("Track"), field_name="wanted_host_kind", choices=HostKind.choices
    )
    paused = django_filters.ChoiceFilter(
        label=gettext_lazy("Paused"), choices=YES_NO, method="filter_paused"
    )
    proposal = django_filters.ChoiceFilter(
        label=gettext_lazy("Pending proposal"), choices=YES_NO, method="filter_proposal"
    )

    class Meta:
        model = Participant
        fields = []

    def filter_paused(self, queryset, name, value):
        return queryset.filter(waiting_paused=(value == "yes"))

    def filter_proposal(self, queryset, name, value):
        return queryset.filter(pending_proposal=(value == "yes"))


class WaitingIndexView(SpreadsheetSafeExportMixin, generic.IndexView):
    # The line's order: programme, track, then who joined first.
    default_ordering = "waiting_since"
    page_title = gettext_lazy("Waiting list")

    def get_base_queryset(self):
        return waiting.with_places(
            waiting.waiting_newcomers(Participant.objects.select_related("user", "programme"))
        ).prefetch_related("programme__tracks")

    def order_queryset(self, queryset):
        queryset = super().order_queryset(queryset)
        if self.ordering in ("waiting_since", "-waiting_since"):
            return queryset.order_by("programme__pk", "wanted_host_kind", self.ordering, "pk")
        return queryset

    def get_edit_url(self, instance):
        return reverse("host_participants:edit", args=[instance.pk])

    def to_row_dict(self, item):
        item.days_waiting = days_waiting(item)  # computed, for the export's column
        return super().to_row_dict(item)

    def get_list_more_buttons(self, instance):
        buttons = []
        if participant_permissions.user_has_permission(self.request.user, "change"):
            buttons.append(
                Button(
                    _("Resume waiting") if instance.waiting_paused else _("Pause waiting"),
                    url=reverse("host_waiting:pause", args=[instance.pk]),
                    icon_name="pick",
                    priority=10,
                )
            )
        return buttons


class TrackColumn(Column):
    def get_value(self, instance):
        return instance.programme.track_name(instance.wanted_host_kind)


class DaysWaitingColumn(Column):
    def get_value(self, instance):
        return days_waiting(instance)


class WaitingViewSet(ReadOnlyViewSet):
    model = Participant
    name = "host_waiting"
    url_prefix = "host-programme/waiting-list"
    icon = "time"
    menu_label = gettext_lazy("Waiting list")
    menu_order = 12
    index_view_class = WaitingIndexView
    inspect_view_enabled = False
    filterset_class = WaitingFilterSet
    list_per_page = 50
    search_fields = ["user__first_name", "user__last_name", "user__email", "area"]
    search_backend_name = None
    list_display = [
        Column("place_in_line", label=gettext_lazy("Place"), sort_key="place_in_line"),
        TitleColumn("user", label=gettext_lazy("Name"), sort_key="user__first_name"),
        Column("programme", label=gettext_lazy("Programme")),
        TrackColumn("track", label=gettext_lazy("Track"), sort_key="wanted_host_kind"),
        LocalDateColumn("waiting_since", label=gettext_lazy("Joined"), sort_key="waiting_since"),
        DaysWaitingColumn("days_waiting", label=gettext_lazy("Days waiting")),
        BooleanColumn("waiting_paused", label=gettext_lazy("Paused")),
        BooleanColumn("pending_proposal", label=gettext_lazy("Pending proposal")),
    ]
    list_export = [
        "place_in_line",
        "user.first_name",
        "user.last_name",
        "user.email",
        "programme",
        "wanted_host_kind",
        "waiting_since",
        "days_waiting",
        "waiting_paused",
        "pending_proposal",
    ]
    export_headings = {
        "place_in_line": gettext_lazy("Place"),
        "user.first_name": gettext_lazy("First name"),
        "user.last_name": gettext_lazy("Last name"),
        "user.email": gettext_lazy("Email address"),
        "programme": gettext_lazy("Programme"),
        "wanted_host_kind": gettext_lazy("Track"),
        "waiting_since": gettext_lazy("Joined"),
        "days_waiting": gettext_lazy("Days waiting"),
        "waiting_paused": gettext_lazy("Paused"),
        "pending_proposal": gettext_lazy("Pending proposal"),
    }
    export_filename = "waiting-list"

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("pause/<int:pk>/", PauseView.as_view(), name="pause"),
        ]


class PauseView(PermissionCheckedMixin, WagtailAdminTemplateMixin, TemplateView):
    """Pause a waiting newcomer (or resume them): a confirmation, then a POST."""

    permission_policy = participant_permissions
    permission_required = "change"
    template_name = "matching/admin/pause.html"
    header_icon = "time"

    @cached_property
    def participant(self):
        return get_scoped_or_404(
            waiting.waiting_newcomers(Participant.objects.select_related("user")),
            self.request.user,
            pk=self.kwargs["pk"],
        )

    def get_page_title(self):
        return _("Resume waiting") if self.participant.waiting_paused else _("Pause waiting")

    def get_page_subtitle(self):
        return str(self.participant)

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": reverse("host_waiting:index"), "label": _("Waiting list")},
            {"url": "", "label": self.get_header_title()},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            participant=self.participant,
            place=waiting.place_in_line(self.participant),
            back_url=reverse("host_waiting:index"),
        )
        return context

    def post(self, request, pk):
        participant = self.participant
        paused = not participant.waiting_paused
        waiting.set_paused(participant, paused, by_user=request.user)
        message = (
            _("%(name)s's wait is paused; the place in line is kept.")
            if paused
            else _("%(name)s is waiting again, at the same place in line.")
        )
        messages.success(request, message % {"name": participant})
        return redirect("host_waiting:index")


# --- match proposals ----------------------------------------------------------------------------


class ProposalFilterSet(WagtailFilterSet):
    programme = programme_filter()

    class Meta:
        model = MatchProposal
        fields = ["status", "kind"]


class ProposalIndexView(SpreadsheetSafeExportMixin, generic.IndexView):
    default_ordering = "-created_at"
    page_title = gettext_lazy("Match proposals")

    def get_base_queryset(self):
        return MatchProposal.objects.select_related(
            "newcomer__user", "host__user", "programme"
        ).prefetch_related("programme__tracks")

    def get_edit_url(self, instance):
        return None

    def get_list_more_buttons(self, instance):
        buttons = []
        if instance.is_pending and proposal_permissions.user_has_permission(
            self.request.user, "change"
        ):
            buttons.append(
                Button(
                    _("Withdraw the proposal"),
                    url=reverse("host_proposals:withdraw", args=[instance.pk]),
                    icon_name="cross",
                    priority=10,
                )
            )
        return buttons


def pair_of(proposal):
    return _("%(newcomer)s & %(host)s") % {"newcomer": proposal.newcomer, "host": proposal.host}


class ProposalStatusColumn(StatusTagColumn):
    def get_primary(self, instance):
        return instance.is_pending


class ProposalViewSet(ReadOnlyViewSet):
    model = MatchProposal
    name = "host_proposals"
    url_prefix = "host-programme/proposals"
    icon = "link"
    menu_label = gettext_lazy("Match proposals")
    menu_order = 15
    index_view_class = ProposalIndexView
    inspect_view_enabled = False
    filterset_class = ProposalFilterSet
    list_per_page = 50
    search_fields = [
        "newcomer__user__first_name",
        "newcomer__user__last_name",
        "host__user__first_name",
        "host__user__last_name",
    ]
    search_backend_name = None
    list_display = [
        TitleColumn("pair", label=gettext_lazy("Pair"), accessor=pair_of),
        Column("kind", label=gettext_lazy("Track"), accessor="kind_label", sort_key="kind"),
        Column("score", label=gettext_lazy("Score"), sort_key="score"),
        LocalDateColumn("created_at", label=gettext_lazy("Proposed"), sort_key="created_at"),
        Column(
            "newcomer_answer",
            label=gettext_lazy("Newcomer's answer"),
            accessor="get_newcomer_answer_display",
        ),
        Column(
            "host_answer", label=gettext_lazy("Host's answer"), accessor="get_host_answer_display"
        ),
        ProposalStatusColumn(
            "status", label=gettext_lazy("Status"), accessor="get_status_display", sort_key="status"
        ),
    ]
    list_export = [
        "newcomer",
        "host",
        "kind_label",
        "score",
        "created_at",
        "get_newcomer_answer_display",
        "get_host_answer_display",
        "get_status_display",
        "decline_reason",
    ]
    export_headings = {
        "newcomer": gettext_lazy("Newcomer"),
        "host": gettext_lazy("Host"),
        "kind_label": gettext_lazy("Track"),
        "score": gettext_lazy("Score"),
        "created_at": gettext_lazy("Proposed"),
        "get_newcomer_answer_display": gettext_lazy("Newcomer's answer"),
        "get_host_answer_display": gettext_lazy("Host's answer"),
        "get_status_display": gettext_lazy("Status"),
        "decline_reason": gettext_lazy("Reason for declining"),
    }
    export_filename = "match-proposals"

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("withdraw/<int:pk>/", WithdrawView.as_view(), name="withdraw"),
        ]


class WithdrawView(PermissionCheckedMixin, WagtailAdminTemplateMixin, TemplateView):
    permission_policy = proposal_permissions
    permission_required = "change"
    template_name = "matching/admin/withdraw.html"
    header_icon = "link"

    @cached_property
    def proposal(self):
        return get_scoped_or_404(
            MatchProposal.objects.select_related("newcomer__user", "host__user", "programme"),
            self.request.user,
            pk=self.kwargs["pk"],
        )

    def get_page_title(self):
        return _("Withdraw the proposal")

    def get_page_subtitle(self):
        return pair_of(self.proposal)

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": reverse("host_proposals:index"), "label": _("Match proposals")},
            {"url": "", "label": self.get_header_title()},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(proposal=self.proposal, back_url=reverse("host_proposals:index"))
        return context

    def post(self, request, pk):
        try:
            proposals.withdraw(self.proposal, by_user=request.user)
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
        else:
            messages.success(
                request,
                _("The proposal %(pair)s is withdrawn; both have been told.")
                % {"pair": pair_of(self.proposal)},
            )
        return redirect("host_proposals:index")
