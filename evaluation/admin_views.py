"""The coordinators' survey editor: each programme's surveys, in English and Danish, with their
questions edited inline. Scoped like everything of a programme (``programmes.scoping``)."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.ui.tables import BooleanColumn, Column, TitleColumn
from wagtail.admin.viewsets.model import ModelViewSet

from programmes.admin_mixins import ScopedViewSetMixin
from programmes.models import SuccessCriterion
from programmes.scoping import programmes_for

from .models import Survey


class SurveyForm(WagtailAdminModelForm):
    """Offers only the user's programmes, and only their success criteria; a criterion of
    another programme than the survey's is refused."""

    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, for_user=for_user, **kwargs)
        programmes = programmes_for(for_user)
        self.fields["programme"].queryset = programmes
        criteria = SuccessCriterion.objects.filter(programme__in=programmes).select_related(
            "programme"
        )
        for form in self.formsets["questions"].forms + [self.formsets["questions"].empty_form]:
            field = form.fields["criterion"]
            field.queryset = criteria
            field.label_from_instance = lambda c: f"{c.programme}: {c.name} ({c.target_percent} %)"

    def clean(self):
        cleaned = super().clean()
        programme = cleaned.get("programme")
        for form in self.formsets["questions"].forms:
            criterion = form.cleaned_data.get("criterion") if form.is_valid() else None
            if criterion and programme and criterion.programme_id != programme.pk:
                form.add_error(
                    "criterion", _("Choose a success criterion of the survey's programme.")
                )
            kind = form.cleaned_data.get("kind") if form.is_valid() else None
            if kind == "choice" and not (form.cleaned_data.get("choices_en") or "").strip():
                form.add_error("choices_en", _("Give the choices, one per line."))
        return cleaned


class SurveyViewSet(ScopedViewSetMixin, ModelViewSet):
    model = Survey
    name = "surveys"
    url_prefix = "host-programme/surveys"
    icon = "form"
    menu_label = _("Evaluation surveys")
    menu_order = 70
    copy_view_enabled = False
    inspect_view_enabled = False
    search_fields = ["title_en", "title_da"]
    search_backend_name = None
    list_filter = ["programme", "audience", "active"]
    list_display = [
        TitleColumn("title", label=_("Title")),
        Column("programme", label=_("Programme")),
        Column("audience", label=_("Sent to"), accessor="get_audience_display"),
        BooleanColumn("active", label=_("Sent when a match ends")),
    ]

    def get_form_class(self, for_update=False):
        form_class = super().get_form_class(for_update)
        return type("SurveyAdminForm", (SurveyForm, form_class), {})

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("programme")
