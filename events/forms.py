"""Forms of the public calendar and of signing up."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Audience, Category


class CalendarFilterForm(forms.Form):
    category = forms.ChoiceField(
        label=_("Category"),
        required=False,
        choices=[("", _("All categories")), *Category.choices],
    )
    audience = forms.ChoiceField(
        label=_("For"),
        required=False,
        choices=[("", _("Everyone and all groups")), *Audience.choices],
    )

    def filters(self):
        """The chosen filters; anything invalid counts as no filter."""
        if not self.is_valid():
            return {"category": "", "audience": ""}
        return {key: self.cleaned_data.get(key, "") for key in ("category", "audience")}


def guest_choices(max_guests):
    return [(number, str(number)) for number in range(max_guests + 1)]


class GuestsMixin:
    def __init__(self, *args, max_guests=0, **kwargs):
        super().__init__(*args, **kwargs)
        if max_guests:
            self.fields["guests"].choices = guest_choices(max_guests)
            self.fields["guests"].help_text = _(
                "Family or friends coming with you; they need places too."
            )
        else:
            del self.fields["guests"]

    def guests(self):
        return int(self.cleaned_data.get("guests") or 0)


class ParticipantSignUpForm(GuestsMixin, forms.Form):
    guests = forms.TypedChoiceField(label=_("Guests"), coerce=int, empty_value=0, required=False)


class PublicSignUpForm(GuestsMixin, forms.Form):
    name = forms.CharField(
        label=_("Your name"),
        max_length=200,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    email = forms.EmailField(
        label=_("Your email"), widget=forms.EmailInput(attrs={"autocomplete": "email"})
    )
    guests = forms.TypedChoiceField(label=_("Guests"), coerce=int, empty_value=0, required=False)
