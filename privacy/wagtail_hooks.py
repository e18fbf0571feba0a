"""Wagtail admin: the audit log's own actions, each participant's consents and audit log
(privacy/admin_views.py), and the data-protection officer's page (privacy/views.py)."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.viewsets.base import ViewSet

from . import admin_views, audit
from .views import PersonalDataRegisterView, coordinator_policy


@hooks.register("register_log_actions")
def register_privacy_log_actions(actions):
    audit.register_actions(actions)


class ParticipantPrivacyViewSet(ViewSet):
    """No menu item: the screens open from a participant's edit page."""

    name = "privacy_audit"
    url_prefix = "privacy/participants"

    def get_urlpatterns(self):
        return [
            path(
                "<int:pk>/audit/",
                admin_views.ParticipantAuditView.as_view(),
                name="participant",
            ),
            path(
                "<int:pk>/audit/results/",
                admin_views.ParticipantAuditView.as_view(results_only=True),
                name="participant_results",
            ),
            path(
                "<int:pk>/consents/",
                admin_views.ParticipantConsentsView.as_view(),
                name="consents",
            ),
        ]


@hooks.register("register_admin_viewset")
def register_participant_privacy():
    return ParticipantPrivacyViewSet()


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [
        path(
            "personal-data/",
            PersonalDataRegisterView.as_view(),
            name="privacy_register",
        )
    ]


class CoordinatorMenuItem(MenuItem):
    def is_shown(self, request):
        return coordinator_policy().user_has_permission(request.user, "change")


@hooks.register("register_settings_menu_item")
def register_menu_item():
    return CoordinatorMenuItem(
        gettext_lazy("Personal data held"),
        reverse("privacy_register"),
        icon_name="lock",
        order=900,
    )
