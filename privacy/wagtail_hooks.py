"""Wagtail admin: the audit log's own actions, and each participant's consents and audit
log (privacy/admin_views.py)."""

from django.urls import path
from wagtail import hooks
from wagtail.admin.viewsets.base import ViewSet

from . import admin_views, audit


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
