"""The coordinator's review of one application: every answer, the programme's rules checked
again today, interview notes, and accept or decline. Looked up through the scoping rule, so
another programme's application is "not found"."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin

from portal.models import Availability
from privacy.audit import log_view
from programmes.languages import Level, language_name
from programmes.policies import policy_for
from programmes.scoping import get_scoped_or_404

from . import services
from .forms import DeclineForm, NotesForm
from .models import Application

application_permissions = policy_for(Application)


def language_rows(application):
    """[(name, level label)] of the applicant's languages, in the admin user's language."""
    levels = dict(Level.choices)
    return [
        (language_name(skill.get("language")), levels.get(skill.get("level"), ""))
        for skill in application.language_skills or []
    ]


class ReviewView(PermissionCheckedMixin, WagtailAdminTemplateMixin, TemplateView):
    permission_policy = application_permissions
    permission_required = "change"
    template_name = "intake/admin/review.html"
    header_icon = "form"

    @cached_property
    def application(self):
        return get_scoped_or_404(
            Application.objects.confirmed().select_related(
                "programme", "chosen_field", "decided_by", "participant"
            ),
            self.request.user,
            pk=self.kwargs["pk"],
        )

    def get_page_title(self):
        return _("Application")

    def get_page_subtitle(self):
        return str(self.application)

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": reverse("intake_applications:index"), "label": _("Applications")},
            {"url": "", "label": str(self.application)},
        ]

    def get_context_data(self, notes_form=None, decline_form=None, error=None, **kwargs):
        context = super().get_context_data(**kwargs)
        application = self.application
        context.update(
            application=application,
            programme=application.programme,
            languages=language_rows(application),
            interests=list(application.chosen_interests.all()),
            availability=[
                str(label)
                for value, label in Availability.choices
                if value in (application.availability or [])
            ],
            tracks=[application.programme.track_name(kind) for kind in application.track_kinds],
            problems=services.application_problems(application),
            is_open=application.status == Application.Status.TO_REVIEW,
            notes_form=notes_form
            or NotesForm(initial={"interview_notes": application.interview_notes}),
            decline_form=decline_form or DeclineForm(),
            error=error,
        )
        return context

    def get(self, request, *args, **kwargs):
        response = super().get(request, *args, **kwargs)
        log_view(self.application, user=request.user)
        return response

    def post(self, request, *args, **kwargs):
        application = self.application
        action = request.POST.get("action")
        user = request.user
        try:
            if action == "notes":
                form = NotesForm(request.POST)
                if not form.is_valid():
                    return self.render_to_response(self.get_context_data(notes_form=form))
                services.save_notes(application, form.cleaned_data["interview_notes"], by=user)
                messages.success(request, _("The interview notes are saved."))
            elif action == "accept":
                participant = services.accept_application(application, by=user)
                messages.success(
                    request,
                    _("%(name)s is now a participant; the portal invitation is on its way.")
                    % {"name": participant},
                )
            elif action == "decline":
                form = DeclineForm(request.POST)
                if not form.is_valid():
                    return self.render_to_response(self.get_context_data(decline_form=form))
                services.decline_application(
                    application, by=user, reason=form.cleaned_data["reason"]
                )
                messages.success(
                    request,
                    _("The application is declined; %(name)s is emailed the reason.")
                    % {"name": application},
                )
            else:
                return self.render_to_response(
                    self.get_context_data(error=_("Choose what to do.")), status=400
                )
        except ValidationError as error:
            return self.render_to_response(self.get_context_data(error=" ".join(error.messages)))
        return redirect(reverse("intake_applications:review", args=[application.pk]))
