"""Languages with a level as form rows (a language and a level per row), without JavaScript:
one form field whose widget shows a few rows of two lists, and whose value is the stored list
``[{"language": code, "level": level}]`` (``Participant.language_skills``)."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from programmes.languages import Level, language_choices

ROWS = 5


def _language_choices():
    return [("", "–"), *language_choices()]


class LanguageSkillsWidget(forms.MultiWidget):
    template_name = "portal/widgets/language_skills.html"
    use_fieldset = False  # one label above the rows; each list has its own aria-label

    def __init__(self, rows=ROWS, attrs=None):
        widgets = []
        for row in range(1, rows + 1):
            widgets.append(forms.Select(attrs={"aria-label": _("Language %(row)s") % {"row": row}}))
            widgets.append(
                forms.Select(
                    attrs={"aria-label": _("Level %(row)s") % {"row": row}},
                    choices=[("", "–"), *Level.choices],
                )
            )
        self.rows = rows
        super().__init__(widgets, attrs)

    def get_context(self, name, value, attrs):
        # The language lists are filled at render time, in the active language.
        choices = _language_choices()
        for widget in self.widgets[::2]:
            widget.choices = choices
        context = super().get_context(name, value, attrs)
        subwidgets = context["widget"]["subwidgets"]
        context["widget"]["rows"] = [subwidgets[i : i + 2] for i in range(0, len(subwidgets), 2)]
        return context

    def decompress(self, value):
        flat = []
        for skill in (value or [])[: self.rows]:
            flat += [skill.get("language", ""), skill.get("level", "")]
        return flat + [""] * (2 * self.rows - len(flat))


class LanguageSkillsField(forms.MultiValueField):
    widget = LanguageSkillsWidget

    def __init__(self, rows=ROWS, **kwargs):
        # A model JSONField passes its encoder and decoder; the value is plain data already.
        kwargs.pop("encoder", None)
        kwargs.pop("decoder", None)
        kwargs.pop("max_length", None)
        fields = []
        for _row in range(rows):
            fields.append(forms.CharField(required=False))
            fields.append(forms.ChoiceField(required=False, choices=Level.choices))
        kwargs.setdefault("require_all_fields", False)
        kwargs.setdefault("required", False)
        super().__init__(fields=fields, widget=LanguageSkillsWidget(rows), **kwargs)

    def compress(self, data_list):
        from programmes.languages import is_known

        skills, errors = [], []
        pairs = zip(data_list[::2], data_list[1::2], strict=False)
        for language, level in pairs:
            if not language and not level:
                continue
            if not language or not is_known(language):
                errors.append(_("Choose a language for each level."))
            elif not level:
                errors.append(_("Choose a level for each language."))
            else:
                skills.append({"language": language, "level": level})
        codes = [skill["language"] for skill in skills]
        if len(codes) != len(set(codes)):
            errors.append(_("Give each language once."))
        if errors:
            raise ValidationError(sorted({str(e) for e in errors}))
        return skills


class AvailabilityField(forms.MultipleChoiceField):
    """``Participant.availability`` (a JSON list) as checkboxes."""

    widget = forms.CheckboxSelectMultiple

    def __init__(self, **kwargs):
        from .models import Availability

        kwargs.pop("encoder", None)
        kwargs.pop("decoder", None)
        kwargs.pop("max_length", None)
        kwargs["required"] = False
        super().__init__(choices=Availability.choices, **kwargs)

    def prepare_value(self, value):
        return value or []


# For a ModelForm of Participant: the common-ground fields as people can fill them in.
COMMON_GROUND_FIELD_CLASSES = {
    "language_skills": LanguageSkillsField,
    "availability": AvailabilityField,
}
COMMON_GROUND_WIDGETS = {"chosen_interests": forms.CheckboxSelectMultiple}
