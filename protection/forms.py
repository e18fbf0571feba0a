"""A honeypot for public forms: a field people never see or fill in, and bots often do."""

from django import forms
from django.utils.translation import gettext_lazy as _

HONEYPOT_FIELD = "website"


class HoneypotFormMixin:
    """Adds a hidden-from-people ``website`` field; a form that fills it in is invalid.

    Render the field with ``{% include "components/honeypot.html" with field=form.website %}``,
    which keeps it out of sight, out of the tab order and away from screen readers.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields[HONEYPOT_FIELD] = forms.CharField(
            label=_("Leave this field empty"),
            required=False,
            max_length=200,
            widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
        )

    def clean_website(self):
        if self.cleaned_data.get(HONEYPOT_FIELD):
            raise forms.ValidationError(
                _("This form could not be sent. Leave the last field empty and try again.")
            )
        return ""

    @property
    def caught_by_honeypot(self):
        return HONEYPOT_FIELD in self.errors
