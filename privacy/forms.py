from django import forms
from django.utils.translation import gettext_lazy as _


class ConfirmErasureForm(forms.Form):
    """The participant's own confirmation step before their data is erased."""

    confirm = forms.BooleanField(
        label=_("I understand that my data is erased for good and cannot be brought back."),
        error_messages={"required": _("Tick the box to confirm that you want your data erased.")},
    )
