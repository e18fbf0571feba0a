"""The coordinators' "Applications" in the Wagtail admin: the review queue (filters,
spreadsheet export), the review screen, and the home page's "Applications to review" panel.
Everything follows the scoping rule: a coordinator sees their programmes' applications only."""

import django_filters
from django.db.models import Q
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, StatusTagColumn, TitleColumn
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet

from adminui.columns import LocalDateColumn
from portal.admin_panels import ApplicationsToReviewPanel
from portal.models import HostKind
from privacy.audit import log_export
from programmes.admin_mixins import ScopedViewSetMixin
from programmes.scoping import programmes_for, scoped
from protection.exports import SpreadsheetSafeExportMixin

from . import admin_views, services
from .models import Application

CONFIRMED_STATUSES = [
    (value, label)
    for value, label in Application.Status.choices
    if value != Application.Status.UNCONFIRMED
]


class ApplicationFilterSet(WagtailFilterSet):
    programme = django_filters.ModelChoiceFilter(
        label=gettext_lazy("Programme"),
        field_name="programme",
        queryset=lambda request: programmes_for(request.user).only_choices(),
    )
    status = django_filters.ChoiceFilter(label=gettext_lazy("Status"), choices=CONFIRMED_STATUSES)
    track = django_filters.ChoiceFilter(
        label=gettext_lazy("Track"), choices=HostKind.choices, method="filter_track"
    )

    class Meta:
        model = Application
        fields = ["role"]

    def filter_track(self, queryset, name, value):
        offers = "offers_career_hosting" if value == HostKind.CAREER else "offers_culture_hosting"
        return queryset.filter(Q(wanted_host_kind=value) | Q(**{offers: True}))


class ApplicationIndexView(SpreadsheetSafeExportMixin, generic.IndexView):
    """Confirmed applications, oldest first (unconfirmed ones are nobody's to review yet)."""

    default_ordering = "confirmed_at"

    def get_base_queryset(self):
        return (
            Application.objects.confirmed()
            .select_related("programme")
            .prefetch_related("programme__tracks")
        )

    def get_edit_url(self, instance):
        return reverse("intake_applications:review", args=[instance.pk])

    def as_spreadsheet(self, queryset, spreadsheet_format):
        rows = list(queryset)
        # One audit entry per application in the download (and per participant made from one).
        log_export(
            rows,
            list_name=Application._meta.verbose_name_plural,
            export_format=spreadsheet_format,
            user=self.request.user,
            extra_objects=rows,
        )
        return super().as_spreadsheet(rows, spreadsheet_format)


class StatusColumn(StatusTagColumn):
    def get_primary(self, instance):
        return instance.status == Application.Status.TO_REVIEW


class EligibleColumn(Column):
    """The programme's rules checked again today (no query: the programme is joined)."""

    def get_value(self, instance):
        if services.application_problems(instance):
            return _("No longer eligible")
        return _("Eligible")


def tracks_text(application):
    return ", ".join(str(application.programme.track_name(k)) for k in application.track_kinds)


class ApplicationViewSet(ScopedViewSetMixin, ModelViewSet):
    model = Application
    name = "intake_applications"
    url_prefix = "applications"
    icon = "form"
    menu_label = gettext_lazy("Applications")
    menu_order = 199
    add_to_admin_menu = True
    index_view_class = ApplicationIndexView
    filterset_class = ApplicationFilterSet
    copy_view_enabled = False
    inspect_view_enabled = False
    add_to_reference_index = False
    search_fields = ["first_name", "last_name", "email", "area", "professional_field"]
    search_backend_name = None
    list_per_page = 50
    list_display = [
        TitleColumn("first_name", label=gettext_lazy("Name"), accessor=str, sort_key="first_name"),
        Column("role", label=gettext_lazy("Role"), accessor="get_role_display", sort_key="role"),
        Column("tracks", label=gettext_lazy("Track"), accessor=tracks_text),
        Column("programme", label=gettext_lazy("Programme")),
        LocalDateColumn("confirmed_at", label=gettext_lazy("Confirmed"), sort_key="confirmed_at"),
        EligibleColumn("eligible", label=gettext_lazy("Rules today")),
        StatusColumn(
            "status", label=gettext_lazy("Status"), accessor="get_status_display", sort_key="status"
        ),
    ]
    list_export = [
        "first_name",
        "last_name",
        "email",
        "phone",
        "get_role_display",
        "programme",
        "preferred_language",
        "postcode",
        "area",
        "arrived_in_denmark",
        "professional_field",
        "education",
        "confirmed_at",
        "get_status_display",
    ]
    export_headings = {
        "first_name": gettext_lazy("First name"),
        "last_name": gettext_lazy("Last name"),
        "email": gettext_lazy("Email address"),
        "phone": gettext_lazy("Phone"),
        "get_role_display": gettext_lazy("Role"),
        "programme": gettext_lazy("Programme"),
        "preferred_language": gettext_lazy("Preferred language"),
        "postcode": gettext_lazy("Postcode"),
        "area": gettext_lazy("Area"),
        "arrived_in_denmark": gettext_lazy("Arrived in Denmark"),
        "professional_field": gettext_lazy("Professional field"),
        "education": gettext_lazy("Education"),
        "confirmed_at": gettext_lazy("Confirmed"),
        "get_status_display": gettext_lazy("Status"),
    }
    export_filename = "applications"

    def get_common_view_kwargs(self, **kwargs):
        view_kwargs = super().get_common_view_kwargs(**kwargs)
        for name in ("add", "edit", "delete", "copy", "history", "usage", "inspect"):
            view_kwargs[f"{name}_url_name"] = None
        return view_kwargs

    def register_admin_url_finder(self):
        pass  # no edit view: the review screen is the object's page

    def get_urlpatterns(self):
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
            path("review/<int:pk>/", admin_views.ReviewView.as_view(), name="review"),
        ]


@hooks.register("register_admin_viewset")
def register_applications():
    return ApplicationViewSet()


@hooks.register("construct_homepage_panels")
def add_applications_panel(request, panels):
    user = request.user
    if admin_views.application_permissions.user_has_permission(user, "change"):
        panels.append(
            ApplicationsToReviewPanel(applications=scoped(Application.objects.all(), user))
        )


@hooks.register("register_log_actions")
def register_application_actions(actions):
    actions.register_action(
        services.ACCEPTED,
        gettext_lazy("Accept application"),
        gettext_lazy("Accepted the application"),
    )
    actions.register_action(
        services.DECLINED,
        gettext_lazy("Decline application"),
        gettext_lazy("Declined the application"),
    )
    actions.register_action(
        services.NOTES_SAVED, gettext_lazy("Interview notes"), gettext_lazy("Saved interview notes")
    )
