"""The suggestion screens as Wagtail viewsets: "Suggest matches" sits in the Host programme
menu (portal/wagtail_hooks.py puts it in the group), a newcomer's "Suggest hosts" opens from
the participants listing and the whole-list screen."""

from django.urls import path
from django.utils.translation import gettext_lazy
from wagtail.admin.menu import MenuItem
from wagtail.admin.viewsets.base import ViewSet

from . import admin_views


class SuggestionsMenuItem(MenuItem):
    def is_shown(self, request):
        return admin_views.proposal_permissions.user_has_permission(request.user, "add")


class SuggestionsViewSet(ViewSet):
    name = "host_suggestions"
    url_prefix = "host-programme/suggestions"
    icon = "group"
    menu_label = gettext_lazy("Suggest matches")
    menu_order = 25
    menu_item_class = SuggestionsMenuItem

    def get_urlpatterns(self):
        return [
            path("", admin_views.SuggestionsIndexView.as_view(), name="index"),
            path("<int:pk>/", admin_views.WholeListView.as_view(), name="programme"),
        ]


class NewcomerHostsViewSet(ViewSet):
    """No menu item: opened from a waiting newcomer's row."""

    name = "host_suggest_hosts"
    url_prefix = "host-programme/suggest-hosts"

    def get_urlpatterns(self):
        return [path("<int:pk>/", admin_views.NewcomerHostsView.as_view(), name="newcomer")]
