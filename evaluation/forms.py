"""The survey as a form: one field per question, in the reader's language."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import TEXT_ANSWER_MAX_LENGTH, Question


def field_name(question):
    return f"q{question.pk}"


class SurveyForm(forms.Form):
    """``finishing``: the person sends their answers, so required questions need one; saving
    halfway keeps whatever is there."""

    def __init__(self, *args, questions, finishing=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.questions = list(questions)
        for question in self.questions:
            required = finishing and question.required
            if question.kind == Question.Kind.TEXT:
                field = forms.CharField(
                    label=question.text,
                    required=required,
                    max_length=TEXT_ANSWER_MAX_LENGTH,
                    widget=forms.Textarea(attrs={"rows": 4}),
                )
            else:
                field = forms.ChoiceField(
                    label=question.text,
                    required=required,
                    choices=question.choice_list(),
                    widget=forms.RadioSelect,
                    error_messages={"required": _("Choose an answer to this question.")},
                )
            self.fields[field_name(question)] = field

    def answers(self):
        """(question, value) for every question answered."""
        for question in self.questions:
            value = self.cleaned_data.get(field_name(question))
            if value not in (None, ""):
                yield question, value
