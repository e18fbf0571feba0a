"""The public privacy notice (the text participants acknowledge when they accept their
invitation), and the data-protection officer's page in the admin, for coordinators."""

from django.shortcuts import render
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.permission_policies import ModelPermissionPolicy

from . import overview
from .consent import PRIVACY_NOTICE_TEMPLATE, PRIVACY_NOTICE_VERSION


@require_GET
def privacy_notice(request):
    return render(request, PRIVACY_NOTICE_TEMPLATE, {"version": PRIVACY_NOTICE_VERSION})


def coordinator_policy():
    from portal.models import Participant

    return ModelPermissionPolicy(Participant)


class PersonalDataRegisterView(PermissionCheckedMixin, WagtailAdminTemplateMixin, TemplateView):
    permission_required = "change"
    template_name = "privacy/admin/register.html"
    page_title = gettext_lazy("Personal data held")
    header_icon = "lock"

    @property
    def permission_policy(self):
        return coordinator_policy()

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        return super().get_context_data(categories=overview.categories(), **kwargs)
