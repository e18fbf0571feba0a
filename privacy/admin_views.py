"""Coordinators' privacy screens in the Wagtail admin, per participant: their consents, and
the audit trail about them (who opened, exported or changed their data, and when).

Both need a permission on the privacy app that only the Coordinators group holds
(migrations/0001_initial.py): ``privacy.view_consentrecord`` and ``privacy.view_audit_log``.
Editors never see them.
"""

from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.reports import ReportView
from wagtail.models import ModelLogEntry

from portal.models import Participant
from programmes.scoping import get_scoped_or_404

from . import audit
from .models import ConsentRecord

AUDIT_PERMISSION = "privacy.view_audit_log"
CONSENT_PERMISSION = "privacy.view_consentrecord"


def can_view_audit_log(user):
    return user.has_perm(AUDIT_PERMISSION)


def can_view_consents(user):
    return user.has_perm(CONSENT_PERMISSION)


class ParticipantScreenMixin:
    """One participant's privacy screen; refused (403) without ``permission``."""

    permission = None
    header_icon = "lock"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(self.permission):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    @cached_property
    def participant(self):
        return get_scoped_or_404(
            Participant.objects.select_related("user"), self.request.user, pk=self.kwargs["pk"]
        )

    def get_page_subtitle(self):
        return str(self.participant)

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": reverse("host_participants:index"), "label": _("Participants")},
            {
                "url": reverse("host_participants:edit", args=[self.participant.pk]),
                "label": str(self.participant),
            },
            {"url": "", "label": self.get_page_title()},
        ]


class ParticipantAuditView(ParticipantScreenMixin, ReportView):
    """Wagtail's log entries about one participant, newest first, 50 a page."""

    permission = AUDIT_PERMISSION
    page_title = gettext_lazy("Audit log")
    results_template_name = "wagtailadmin/reports/site_history_results.html"
    paginate_by = 50

    @property
    def index_url(self):
        return reverse("privacy_audit:participant", args=[self.participant.pk])

    @property
    def index_results_url(self):
        return reverse("privacy_audit:participant_results", args=[self.participant.pk])

    def get_queryset(self):
        return audit.entries_about(self.participant)

    def decorate_paginated_queryset(self, object_list):
        """Link each entry to its object's edit page where there is one (and it still exists)."""
        url_finder = AdminURLFinder(self.request.user)
        pks = [entry.pk for entry in object_list]
        entries = ModelLogEntry.objects.filter(pk__in=pks).select_related("user", "content_type")
        decorated = {}
        for entry, instance in entries.with_instances():
            entry.edit_url = url_finder.get_edit_url(instance) if instance is not None else None
            decorated[entry.pk] = entry
        return [decorated[pk] for pk in pks]


class ParticipantConsentsView(ParticipantScreenMixin, WagtailAdminTemplateMixin, TemplateView):
    permission = CONSENT_PERMISSION
    page_title = gettext_lazy("Consents")
    template_name = "privacy/admin/consents.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            participant=self.participant,
            records=ConsentRecord.objects.filter(user=self.participant.user),
            audit_url=reverse("privacy_audit:participant", args=[self.participant.pk])
            if can_view_audit_log(self.request.user)
            else None,
        )
        return context
