"""Wagtail admin: the coordinators' "Event dates" screens, and a guard that keeps an editor
from deleting an event that people are signed up for."""

import django_filters
from django.contrib import messages
from django.shortcuts import redirect
from django.urls import path
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import BooleanColumn, Column, TitleColumn
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet

from adminui.columns import LocalDateColumn
from programmes.admin_mixins import ScopedViewSetMixin
from protection.exports import SpreadsheetSafeExportMixin

from . import admin_views, converters  # noqa: F401 (converters registers <dbid:...>)
from .models import Category, EventOccurrence, EventPage, SignUp


class EventDateFilterSet(WagtailFilterSet):
    when = django_filters.ChoiceFilter(
        label=gettext_lazy("When"),
        choices=[("upcoming", gettext_lazy("Upcoming")), ("past", gettext_lazy("Past"))],
        method="filter_when",
        empty_label=gettext_lazy("All dates"),
    )
    category = django_filters.ChoiceFilter(
        label=gettext_lazy("Category"),
        field_name="event__category",
        choices=Category.choices,
    )

    class Meta:
        model = EventOccurrence
        fields = ["cancelled"]

    def filter_when(self, queryset, name, value):
        if value == "upcoming":
            return queryset.upcoming()
        if value == "past":
            return queryset.past()
        return queryset


class PlacesColumn(Column):
    def get_value(self, instance):
        if instance.capacity is None:
            return _("%(taken)s (no limit)") % {"taken": instance.places_taken}
        return f"{instance.places_taken} / {instance.capacity}"


class EventDateIndexView(SpreadsheetSafeExportMixin, generic.IndexView):
    default_ordering = "start"

    def get_base_queryset(self):
        return EventOccurrence.objects.with_places().select_related("event")


class EventDatesViewSet(ScopedViewSetMixin, ModelViewSet):
    """Every date of every event with its places taken and waiting list; each opens the
    date's sign-ups. Dates come from the event pages, so there is no add or edit form."""

    model = EventOccurrence
    name = "event_dates"
    url_prefix = "event-dates"
    icon = "date"
    menu_label = gettext_lazy("Event sign-ups")
    menu_order = 250
    add_to_admin_menu = True
    add_to_reference_index = False
    copy_view_enabled = False
    index_view_class = EventDateIndexView
    filterset_class = EventDateFilterSet
    list_per_page = 50
    list_display = [
        TitleColumn(
            "event",
            label=gettext_lazy("Event"),
            accessor="event.title",
            url_name="event_dates:signups",
        ),
        LocalDateColumn("start", label=gettext_lazy("Starts")),
        PlacesColumn("places_taken", label=gettext_lazy("Places taken")),
        Column("waiting_count", label=gettext_lazy("Waiting list")),
        BooleanColumn("cancelled", label=gettext_lazy("Cancelled")),
    ]
    list_export = ["event.title", "start", "end", "places_taken", "capacity", "waiting_count"]
    export_headings = {
        "event.title": gettext_lazy("Event"),
        "start": gettext_lazy("Starts"),
        "end": gettext_lazy("Ends"),
        "places_taken": gettext_lazy("Places taken"),
        "capacity": gettext_lazy("Places"),
        "waiting_count": gettext_lazy("Waiting list"),
    }
    export_filename = "event-dates"

    def get_common_view_kwargs(self, **kwargs):
        view_kwargs = super().get_common_view_kwargs(**kwargs)
        for name in ("add", "edit", "delete", "history", "usage", "copy", "inspect"):
            view_kwargs[f"{name}_url_name"] = None
        return view_kwargs

    def register_admin_url_finder(self):
        pass  # no edit view to point to

    def get_urlpatterns(self):
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
            path("<dbid:pk>/", admin_views.SignUpsView.as_view(), name="signups"),
            path("<dbid:pk>/export/", admin_views.ExportView.as_view(), name="export"),
            path("<dbid:pk>/attendance/", admin_views.AttendanceView.as_view(), name="attendance"),
            path("<dbid:pk>/email/", admin_views.EmailView.as_view(), name="email"),
            path("<dbid:pk>/cancel/", admin_views.CancelView.as_view(), name="cancel"),
        ]


@hooks.register("register_admin_viewset")
def register_event_dates():
    return EventDatesViewSet()


@hooks.register("before_delete_page")
def keep_events_with_signups(request, page):
    """Deleting an event would silently drop people's places: a coordinator cancels the
    dates first (which tells everyone), then the page can go."""
    events = EventPage.objects.descendant_of(page, inclusive=True)
    taken = SignUp.objects.filter(
        occurrence__event__in=events,
        occurrence__cancelled=False,
        occurrence__end__gte=timezone.now(),
        status__in=[SignUp.Status.CONFIRMED, SignUp.Status.WAITING],
    )
    if taken.exists():
        messages.error(
            request,
            _(
                "People are signed up for this event. Ask a coordinator to cancel its "
                "upcoming dates first; that emails everyone signed up."
            ),
        )
        return redirect("wagtailadmin_explore", page.get_parent().id)
    return None
