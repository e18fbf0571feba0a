"""The coordinators' "Host programme" menu in the Wagtail admin.

Participants, matches, meetings, check-ins, re-match requests and the follow-up overview.
Every screen needs the portal models' permissions, which only the Coordinators group has
(see migrations/0002_coordinators_group.py): editors and participants never see them.
"""

import datetime

import django_filters
from django.db.models import Case, Count, Exists, IntegerField, Max, OuterRef, Q, Value, When
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import BooleanColumn, Column, StatusTagColumn, TitleColumn
from wagtail.admin.views import generic
from wagtail.admin.viewsets.base import ViewSet, ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets import Button
from wagtail.log_actions import LogFormatter

from adminui.columns import LocalDateColumn, admin_date
from evaluation.admin_views import SurveyViewSet
from evaluation.report_views import REPORT_PERMISSION, OutcomesReportView
from matching.viewsets import SuggestionsViewSet
from notifications.admin_views import GroupMessageViewSet
from privacy.audit import AuditedViewSetMixin
from programmes.admin_mixins import ScopedViewSetMixin
from programmes.admin_views import InterestViewSet, ProfessionalFieldViewSet, ProgrammeViewSet
from programmes.scoping import programmes_for, scoped
from protection.exports import SpreadsheetSafeExportMixin

from . import admin_panels, admin_views, endings
from .admin_forms import MatchCreateForm, MatchEditForm, ParticipantAdminForm
from .models import CheckIn, HostKind, Match, Meeting, Participant, RematchRequest
from .services import LOW_SATISFACTION

KIND_CHOICES = HostKind.choices
LISTING_TEXT_CHARS = 300  # long free text is cut in listings; the full text is one click away
YES_NO = [("yes", gettext_lazy("Yes")), ("no", gettext_lazy("No"))]


def active_match_exists():
    return Exists(
        Match.objects.active().filter(Q(newcomer=OuterRef("pk")) | Q(host=OuterRef("pk")))
    )


def pair_name(match):
    return _("%(newcomer)s & %(host)s") % {"newcomer": match.newcomer, "host": match.host}


# --- participants -------------------------------------------------------------------------------


def programme_filter(field_name="programme"):
    """A filter by programme offering only the programmes the user sees."""
    return django_filters.ModelChoiceFilter(
        label=gettext_lazy("Programme"),
        field_name=field_name,
        queryset=lambda request: programmes_for(request.user).only_choices(),
    )


class ParticipantFilterSet(WagtailFilterSet):
    programme = programme_filter()
    kind = django_filters.ChoiceFilter(
        label=gettext_lazy("Host kind"), choices=KIND_CHOICES, method="filter_kind"
    )
    matched = django_filters.ChoiceFilter(
        label=gettext_lazy("Has an active match"), choices=YES_NO, method="filter_matched"
    )

    class Meta:
        model = Participant
        fields = ["role"]

    def filter_kind(self, queryset, name, value):
        offers = "offers_career_hosting" if value == HostKind.CAREER else "offers_culture_hosting"
        return queryset.filter(Q(wanted_host_kind=value) | Q(**{offers: True}))

    def filter_matched(self, queryset, name, value):
        return queryset.filter(has_active_match=(value == "yes"))


class ParticipantIndexView(SpreadsheetSafeExportMixin, generic.IndexView):
    def get_base_queryset(self):
        return Participant.objects.select_related("user").annotate(
            has_active_match=active_match_exists()
        )

    @cached_property
    def columns(self):
        # The name links to the participant and carries the row's buttons (edit, invitation,
        # suggest hosts), as Wagtail's own title column does; a TitleColumn given in
        # list_display has neither.
        columns = list(super().columns)
        name = columns[0]
        columns[0] = self._get_title_column_class(TitleColumn)(
            name.name,
            label=name.label,
            accessor=name.accessor,
            sort_key=name.sort_key,
            get_url=self.get_edit_url,
        )
        return columns

    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        if self.user_has_permission("change"):
            buttons.append(
                Button(
                    _("Send the invitation again"),
                    url=reverse("host_participants:invite", args=[instance.pk]),
                    icon_name="mail",
                    priority=15,
                )
            )
        if instance.is_newcomer and instance.waiting_since and not instance.waiting_paused:
            buttons.append(
                Button(
                    _("Suggest hosts"),
                    url=reverse("host_suggest_hosts:newcomer", args=[instance.pk]),
                    icon_name="group",
                    priority=5,
                )
            )
        return buttons


class KindsColumn(Column):
    """The kinds a host offers, or the kind a newcomer wants."""

    def get_value(self, instance):
        if instance.is_host:
            kinds = instance.offered_host_kinds
        else:
            kinds = [instance.wanted_host_kind] if instance.wanted_host_kind else []
        return ", ".join(str(HostKind(kind).label) for kind in kinds)


class ParticipantViewSet(ScopedViewSetMixin, AuditedViewSetMixin, ModelViewSet):
    model = Participant
    name = "host_participants"
    url_prefix = "host-programme/participants"
    icon = "user"
    menu_label = gettext_lazy("Participants")
    menu_order = 10
    index_view_class = ParticipantIndexView
    add_view_class = admin_views.ParticipantCreateView
    edit_view_class = admin_views.ParticipantEditView
    delete_view_class = admin_views.ParticipantDeleteView
    copy_view_enabled = False
    filterset_class = ParticipantFilterSet
    search_fields = [
        "user__first_name",
        "user__last_name",
        "user__email",
        "area",
        "languages",
        "interests",
        "professional_field",
    ]
    search_backend_name = None
    list_per_page = 50
    list_display = [
        TitleColumn("user", label=gettext_lazy("Name"), sort_key="user__first_name"),
        Column("role", label=gettext_lazy("Role"), accessor="get_role_display", sort_key="role"),
        KindsColumn("kinds", label=gettext_lazy("Host kind")),
        Column("area", label=gettext_lazy("Area"), sort_key="area"),
        Column("languages", label=gettext_lazy("Languages")),
        BooleanColumn("has_active_match", label=gettext_lazy("Active match")),
        LocalDateColumn("invited_at", label=gettext_lazy("Invited"), sort_key="invited_at"),
    ]
    list_export = [
        "user.first_name",
        "user.last_name",
        "user.email",
        "phone",
        "get_role_display",
        "user.preferred_language",
        "languages",
        "area",
        "professional_field",
        "wanted_host_kind",
        "offers_career_hosting",
        "offers_culture_hosting",
        "capacity",
        "has_active_match",
        "created_at",
    ]
    export_headings = {
        "user.first_name": gettext_lazy("First name"),
        "user.last_name": gettext_lazy("Last name"),
        "user.email": gettext_lazy("Email address"),
        "phone": gettext_lazy("Phone"),
        "get_role_display": gettext_lazy("Role"),
        "user.preferred_language": gettext_lazy("Preferred language"),
        "languages": gettext_lazy("Languages"),
        "area": gettext_lazy("Area"),
        "professional_field": gettext_lazy("Professional field"),
        "wanted_host_kind": gettext_lazy("Host kind wanted"),
        "offers_career_hosting": gettext_lazy("Offers career hosting"),
        "offers_culture_hosting": gettext_lazy("Offers culture hosting"),
        "capacity": gettext_lazy("Newcomers at a time"),
        "has_active_match": gettext_lazy("Active match"),
        "created_at": gettext_lazy("Registered"),
    }
    export_filename = "participants"

    def get_form_class(self, for_update=False):
        return ParticipantAdminForm

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("invite/<int:pk>/", admin_views.ResendInvitationView.as_view(), name="invite"),
        ]


# --- matches ------------------------------------------------------------------------------------


class MatchFilterSet(WagtailFilterSet):
    programme = programme_filter()

    class Meta:
        model = Match
        fields = ["status", "kind"]


class MatchIndexView(SpreadsheetSafeExportMixin, generic.IndexView):
    default_ordering = "-start_date"

    def get_base_queryset(self):
        return Match.objects.select_related("newcomer__user", "host__user").annotate(
            meeting_count=Count("meetings"), last_meeting=Max("meetings__date")
        )

    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        if instance.is_active and self.user_has_permission("change"):
            buttons.append(
                Button(
                    _("End the match"),
                    url=reverse("host_matches:end", args=[instance.pk]),
                    icon_name="cross",
                    priority=15,
                )
            )
        return buttons


class MatchStatusColumn(StatusTagColumn):
    def get_primary(self, instance):
        return instance.is_active


class MatchViewSet(ScopedViewSetMixin, AuditedViewSetMixin, ModelViewSet):
    model = Match
    name = "host_matches"
    url_prefix = "host-programme/matches"
    icon = "group"
    menu_label = gettext_lazy("Matches")
    menu_order = 20
    index_view_class = MatchIndexView
    add_view_class = admin_views.MatchCreateView
    edit_view_class = admin_views.MatchEditView
    edit_template_name = "portal/admin/match_edit.html"
    copy_view_enabled = False
    filterset_class = MatchFilterSet
    search_fields = [
        "newcomer__user__first_name",
        "newcomer__user__last_name",
        "host__user__first_name",
        "host__user__last_name",
    ]
    search_backend_name = None
    list_per_page = 50
    list_display = [
        TitleColumn("pair", label=gettext_lazy("Pair"), accessor=pair_name),
        Column("kind", label=gettext_lazy("Kind"), accessor="get_kind_display", sort_key="kind"),
        LocalDateColumn("start_date", label=gettext_lazy("Start"), sort_key="start_date"),
        LocalDateColumn("end_date", label=gettext_lazy("End"), sort_key="end_date"),
        MatchStatusColumn(
            "status", label=gettext_lazy("Status"), accessor="get_status_display", sort_key="status"
        ),
        Column("meeting_count", label=gettext_lazy("Meetings"), sort_key="meeting_count"),
        LocalDateColumn(
            "last_meeting", label=gettext_lazy("Last meeting"), sort_key="last_meeting"
        ),
    ]
    list_export = [
        "newcomer",
        "host",
        "get_kind_display",
        "start_date",
        "end_date",
        "get_status_display",
        "ended_on",
        "meeting_count",
        "last_meeting",
    ]
    export_headings = {
        "newcomer": gettext_lazy("Newcomer"),
        "host": gettext_lazy("Host"),
        "get_kind_display": gettext_lazy("Kind"),
        "start_date": gettext_lazy("Start"),
        "end_date": gettext_lazy("End"),
        "get_status_display": gettext_lazy("Status"),
        "ended_on": gettext_lazy("Ended on"),
        "meeting_count": gettext_lazy("Meetings"),
        "last_meeting": gettext_lazy("Last meeting"),
    }
    export_filename = "matches"

    def get_form_class(self, for_update=False):
        return MatchEditForm if for_update else MatchCreateForm

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("end/<int:pk>/", admin_views.EndMatchView.as_view(), name="end"),
            path("extend/<int:pk>/", admin_views.ExtendMatchView.as_view(), name="extend"),
            path("note/<int:pk>/", admin_views.MatchNoteView.as_view(), name="note"),
        ]


# --- read-only listings: meetings and check-ins -------------------------------------------------


class ReadOnlyViewSet(ScopedViewSetMixin, AuditedViewSetMixin, ModelViewSet):
    """A listing (with inspect and export) but no add, edit, copy or delete: these are the
    participants' own records."""

    copy_view_enabled = False
    inspect_view_enabled = True
    add_to_reference_index = False

    def get_common_view_kwargs(self, **kwargs):
        view_kwargs = super().get_common_view_kwargs(**kwargs)
        for name in ("add", "edit", "delete", "copy", "history", "usage"):
            view_kwargs[f"{name}_url_name"] = None
        return view_kwargs

    def register_admin_url_finder(self):
        pass  # no edit view to point to

    def get_urlpatterns(self):
        urlpatterns = [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
        ]
        if self.inspect_view_enabled:
            urlpatterns.append(path("inspect/<int:pk>/", self.inspect_view, name="inspect"))
        return urlpatterns


class MatchChoiceFilterMixin(django_filters.FilterSet):
    match = django_filters.ModelChoiceFilter(
        label=gettext_lazy("Match"),
        queryset=lambda request: scoped(
            Match.objects.select_related("newcomer__user", "host__user"), request.user
        ),
    )
    kind = django_filters.ChoiceFilter(
        label=gettext_lazy("Kind"), field_name="match__kind", choices=KIND_CHOICES
    )


class MeetingFilterSet(MatchChoiceFilterMixin, WagtailFilterSet):
    date = django_filters.DateFromToRangeFilter(
        label=gettext_lazy("Date"), widget=DateRangePickerWidget
    )

    class Meta:
        model = Meeting
        fields = []


class MeetingIndexView(SpreadsheetSafeExportMixin, generic.IndexView):
    default_ordering = "-date"

    def get_base_queryset(self):
        return Meeting.objects.select_related(
            "match__newcomer__user", "match__host__user", "author__user"
        )


class MeetingInspectView(generic.InspectView):
    def get_object(self, queryset=None):
        # The viewset checks the scope after this (404 outside it, 403 without permission).
        return get_object_or_404(
            Meeting.objects.select_related("match__newcomer__user", "match__host__user"),
            pk=self.pk,
        )


class MeetingViewSet(ReadOnlyViewSet):
    model = Meeting
    name = "host_meetings"
    url_prefix = "host-programme/meetings"
    icon = "date"
    menu_label = gettext_lazy("Meetings")
    menu_order = 30
    index_view_class = MeetingIndexView
    inspect_view_class = MeetingInspectView
    filterset_class = MeetingFilterSet
    list_per_page = 50
    inspect_view_fields = [
        "match",
        "author",
        "date",
        "duration_minutes",
        "activities",
        "note",
        "activity_idea",
        "created_at",
    ]
    list_display = [
        TitleColumn(
            "pair",
            label=gettext_lazy("Pair"),
            accessor=lambda meeting: pair_name(meeting.match),
        ),
        LocalDateColumn("date", label=gettext_lazy("Date"), sort_key="date"),
        Column("duration_minutes", label=gettext_lazy("Minutes"), sort_key="duration_minutes"),
        Column(
            "activities",
            label=gettext_lazy("What they did"),
            accessor=lambda meeting: ", ".join(str(label) for label in meeting.activity_labels()),
        ),
        Column("author", label=gettext_lazy("Logged by")),
    ]
    list_export = ["match", "date", "duration_minutes", "activities", "author", "note"]
    export_headings = {
        "match": gettext_lazy("Match"),
        "date": gettext_lazy("Date"),
        "duration_minutes": gettext_lazy("Minutes"),
        "activities": gettext_lazy("What they did"),
        "author": gettext_lazy("Logged by"),
        "note": gettext_lazy("Note"),
    }
    export_filename = "meetings"


class CheckInFilterSet(MatchChoiceFilterMixin, WagtailFilterSet):
    attention = django_filters.ChoiceFilter(
        label=gettext_lazy("Needs attention"), choices=YES_NO, method="filter_attention"
    )
    followed_up = django_filters.ChoiceFilter(
        label=gettext_lazy("Followed up"), choices=YES_NO, method="filter_followed_up"
    )

    class Meta:
        model = CheckIn
        fields = ["wants_to_continue"]

    def filter_attention(self, queryset, name, value):
        worrying = Q(satisfaction__lte=LOW_SATISFACTION) | Q(wants_to_continue=False)
        return queryset.filter(worrying) if value == "yes" else queryset.exclude(worrying)

    def filter_followed_up(self, queryset, name, value):
        return queryset.filter(followed_up_at__isnull=(value != "yes"))


class CheckInIndexView(SpreadsheetSafeExportMixin, generic.IndexView):
    default_ordering = "-created_at"

    def get_base_queryset(self):
        return CheckIn.objects.select_related(
            "participant__user", "match__newcomer__user", "match__host__user"
        )


class CheckInViewSet(ReadOnlyViewSet):
    model = CheckIn
    name = "host_checkins"
    url_prefix = "host-programme/check-ins"
    icon = "clipboard-list"
    menu_label = gettext_lazy("Check-ins")
    menu_order = 40
    index_view_class = CheckInIndexView
    filterset_class = CheckInFilterSet
    list_per_page = 50
    inspect_view_fields = [
        "participant",
        "match",
        "satisfaction",
        "wants_to_continue",
        "note_for_coordinator",
        "created_at",
        "followed_up_at",
    ]
    list_display = [
        TitleColumn("participant", label=gettext_lazy("Participant")),
        Column("match", label=gettext_lazy("Match"), accessor=lambda c: pair_name(c.match)),
        Column("satisfaction", label=gettext_lazy("Satisfaction (1–5)"), sort_key="satisfaction"),
        BooleanColumn("wants_to_continue", label=gettext_lazy("Wants to continue")),
        LocalDateColumn("created_at", label=gettext_lazy("Answered"), sort_key="created_at"),
        LocalDateColumn("followed_up_at", label=gettext_lazy("Followed up")),
    ]
    list_export = [
        "participant",
        "match",
        "satisfaction",
        "wants_to_continue",
        "note_for_coordinator",
        "created_at",
        "followed_up_at",
    ]
    export_headings = {
        "participant": gettext_lazy("Participant"),
        "match": gettext_lazy("Match"),
        "satisfaction": gettext_lazy("Satisfaction (1–5)"),
        "wants_to_continue": gettext_lazy("Wants to continue"),
        "note_for_coordinator": gettext_lazy("Note for the coordinator"),
        "created_at": gettext_lazy("Answered"),
        "followed_up_at": gettext_lazy("Followed up"),
    }
    export_filename = "check-ins"

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path(
                "followed-up/<int:pk>/",
                admin_views.MarkFollowedUpView.as_view(),
                name="followed_up",
            ),
        ]


# --- re-match requests --------------------------------------------------------------------------


class RematchFilterSet(WagtailFilterSet):
    class Meta:
        model = RematchRequest
        fields = ["status"]


class RematchIndexView(SpreadsheetSafeExportMixin, generic.IndexView):
    """Open requests first, oldest of them on top; then the resolved ones, newest first."""

    def get_base_queryset(self):
        return (
            RematchRequest.objects.select_related(
                "participant__user", "match__newcomer__user", "match__host__user"
            )
            .annotate(
                open_first=Case(
                    When(status=RematchRequest.Status.OPEN, then=Value(0)),
                    default=Value(1),
                    output_field=IntegerField(),
                )
            )
            .order_by("open_first", "-created_at", "-pk")
        )

    def get_edit_url(self, instance):
        return reverse("host_rematch_requests:resolve", args=[instance.pk])


class RematchStatusColumn(StatusTagColumn):
    def get_primary(self, instance):
        return instance.status == RematchRequest.Status.OPEN


class RematchRequestViewSet(ReadOnlyViewSet):
    model = RematchRequest
    name = "host_rematch_requests"
    url_prefix = "host-programme/rematch-requests"
    icon = "resubmit"
    menu_label = gettext_lazy("Re-match requests")
    menu_order = 50
    index_view_class = RematchIndexView
    inspect_view_enabled = False
    filterset_class = RematchFilterSet
    list_display = [
        TitleColumn("participant", label=gettext_lazy("Asked by")),
        Column("match", label=gettext_lazy("Match"), accessor=lambda r: pair_name(r.match)),
        Column(
            "reason",
            label=gettext_lazy("Reason"),
            accessor=lambda r: Truncator(r.reason).chars(LISTING_TEXT_CHARS),
        ),
        LocalDateColumn("created_at", label=gettext_lazy("Asked"), sort_key="created_at"),
        RematchStatusColumn(
            "status", label=gettext_lazy("Status"), accessor="get_status_display", sort_key="status"
        ),
    ]
    list_export = ["participant", "match", "reason", "created_at", "get_status_display"]
    export_headings = {
        "participant": gettext_lazy("Asked by"),
        "match": gettext_lazy("Match"),
        "reason": gettext_lazy("Reason"),
        "created_at": gettext_lazy("Asked"),
        "get_status_display": gettext_lazy("Status"),
    }
    export_filename = "rematch-requests"

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("resolve/<int:pk>/", admin_views.ResolveRematchView.as_view(), name="resolve"),
        ]


# --- follow-up ----------------------------------------------------------------------------------


class OutcomesMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(REPORT_PERMISSION)


class CoordinatorMenuItem(MenuItem):
    def is_shown(self, request):
        return admin_views.match_permissions.user_has_permission(request.user, "change")


class FollowUpViewSet(ViewSet):
    name = "host_followup"
    url_prefix = "host-programme/follow-up"
    icon = "tasks"
    menu_label = gettext_lazy("Follow-up")
    menu_order = 0
    menu_item_class = CoordinatorMenuItem

    def get_urlpatterns(self):
        return [path("", admin_views.FollowUpView.as_view(), name="index")]


class OutcomesReportViewSet(ViewSet):
    name = "outcomes_report"
    url_prefix = "host-programme/outcomes"
    icon = "view"
    menu_label = gettext_lazy("Outcomes report")
    menu_order = 75
    menu_item_class = OutcomesMenuItem

    def get_urlpatterns(self):
        return [path("", OutcomesReportView.as_view(), name="index")]


class HostProgrammeGroup(ViewSetGroup):
    menu_label = gettext_lazy("Host programme")
    menu_icon = "group"
    menu_order = 200
    items = (
        FollowUpViewSet,
        ParticipantViewSet,
        SuggestionsViewSet,
        MatchViewSet,
        MeetingViewSet,
        CheckInViewSet,
        RematchRequestViewSet,
        SurveyViewSet,
        OutcomesReportViewSet,
        GroupMessageViewSet,
        ProgrammeViewSet,
        InterestViewSet,
        ProfessionalFieldViewSet,
    )


@hooks.register("register_admin_viewset")
def register_host_programme():
    # The waiting list and match proposals (matching app) sit in the same menu; imported
    # here because their viewsets build on this module's.
    from matching.admin_screens import ProposalViewSet, WaitingViewSet

    items = list(HostProgrammeGroup.items)
    items[2:2] = [WaitingViewSet, ProposalViewSet]
    return type("HostProgrammeGroup", (HostProgrammeGroup,), {"items": tuple(items)})()


@hooks.register("construct_homepage_panels")
def add_coordinator_panels(request, panels):
    """A coordinator's day at a glance; editors see no participant data, so no panels."""
    user = request.user
    if admin_views.match_permissions.user_has_permission(user, "change"):
        panels.extend(
            admin_panels.coordinator_panels(
                matches=scoped(Match.objects.all(), user),
                check_ins=scoped(CheckIn.objects.all(), user),
                requests=scoped(RematchRequest.objects.all(), user),
                participants=scoped(Participant.objects.all(), user),
            )
        )


class MatchExtendedFormatter(LogFormatter):
    label = gettext_lazy("Extend match")

    def format_message(self, log_entry):
        data = log_entry.data or {}
        try:
            dates = {
                "from": admin_date(datetime.date.fromisoformat(data["from"])),
                "to": admin_date(datetime.date.fromisoformat(data["to"])),
            }
        except (KeyError, TypeError, ValueError):
            return _("Extended the match")
        return _("Extended the match from %(from)s to %(to)s: %(reason)s") % {
            **dates,
            "reason": data.get("reason", ""),
        }


@hooks.register("register_log_actions")
def register_match_log_actions(actions):
    from matching import audit as matching_audit

    actions.register_action(endings.MATCH_EXTENDED)(MatchExtendedFormatter)
    matching_audit.register_actions(actions)
