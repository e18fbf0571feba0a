"""The programme leads' admin: programmes with their tracks and success criteria edited inline.

Shown under the coordinators' "Host programme" menu (portal/wagtail_hooks.py) to users with
the programmes' permissions (programme leads, superusers)."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import BooleanColumn, Column, TitleColumn
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet

from .models import Interest, ProfessionalField, Programme

SAVED_NEW_MATCHES_ONLY = _(
    "Programme '%(object)s' saved. Changes to the match length, the meeting rhythm and the "
    "check-ins apply to new matches only; running matches keep their rules."
)


class ProgrammeCreateView(generic.CreateView):
    success_message = SAVED_NEW_MATCHES_ONLY

    def save_instance(self):
        """A new programme starts with the default evaluation surveys, which count toward
        the success criteria just saved with it; its coordinators edit them from there."""
        from evaluation.defaults import create_for

        instance = super().save_instance()
        create_for(instance)
        return instance


class ProgrammeEditView(generic.EditView):
    success_message = SAVED_NEW_MATCHES_ONLY


class ProgrammeViewSet(ModelViewSet):
    model = Programme
    name = "programmes"
    url_prefix = "host-programme/programmes"
    icon = "site"
    menu_label = _("Programmes")
    menu_order = 90
    add_view_class = ProgrammeCreateView
    edit_view_class = ProgrammeEditView
    copy_view_enabled = False
    inspect_view_enabled = False
    search_fields = ["name", "name_en", "name_da", "area", "contact_name"]
    search_backend_name = None
    list_display = [
        TitleColumn("name", label=_("Name"), sort_key="name"),
        Column("area", label=_("Area"), sort_key="area"),
        Column("contact_name", label=_("Contact person")),
        Column("match_length_months", label=_("Months")),
        BooleanColumn("active", label=_("Active")),
    ]
    list_filter = ["active"]


class VocabularyViewSet(ModelViewSet):
    """A bilingual list coordinators keep (interests, professional fields)."""

    icon = "tag"
    menu_order = 95
    copy_view_enabled = False
    inspect_view_enabled = False
    search_fields = ["name_en", "name_da"]
    search_backend_name = None
    list_display = [
        TitleColumn("name_en", label=_("English"), sort_key="name_en"),
        Column("name_da", label=_("Danish"), sort_key="name_da"),
    ]
    form_fields = ["name_en", "name_da"]


class InterestViewSet(VocabularyViewSet):
    model = Interest
    name = "interests"
    url_prefix = "host-programme/interests"
    menu_label = _("Interests")


class ProfessionalFieldViewSet(VocabularyViewSet):
    model = ProfessionalField
    name = "professional_fields"
    url_prefix = "host-programme/professional-fields"
    menu_label = _("Professional fields")
    menu_order = 96
