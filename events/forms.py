"""Forms of the public calendar and of signing up."""

import re

from django import forms
from django.utils.translation import gettext_lazy as _

from programmes.models import Programme
from protection.forms import HoneypotFormMixin

from .models import Audience, Category

NAME_MAX_LENGTH = 100
# Characters no one's name needs, which spam and markup do: <a href=...>, {{ }}, [url], ...
NAME_FORBIDDEN = re.compile(r"[<>{}\[\]|\\/@#$%^*=+~_`]")
NAME_LOOKS_LIKE_ADDRESS = re.compile(
    r"https?:|www\.|\.(com|net|org|info|biz|dk|io|ru|xyz|top|link|click|shop)\b", re.I
)


def clean_person_name(value):
    """A person's name as typed into a public form, or a ValidationError saying what to fix.
    Sign-up confirmations are addressed by name, so a "name" must not carry a link or
    markup into an email sent to someone else's address."""
    value = " ".join(value.split())
    if NAME_LOOKS_LIKE_ADDRESS.search(value):
        raise forms.ValidationError(_("Please write your name, not a web address."))
    if NAME_FORBIDDEN.search(value) or any(ord(c) < 32 for c in value):
        raise forms.ValidationError(
            _("Please write just your name: letters, spaces, hyphens and apostrophes.")
        )
    if not any(c.isalpha() for c in value):
        raise forms.ValidationError(_("Please write your name with letters, not only numbers."))
    return value


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

    programme = forms.ChoiceField(label=_("Programme"), required=False)

    FILTERS = ("category", "audience", "programme")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        programmes = [(p.slug, p.name) for p in Programme.objects.active().only_choices()]
        if len(programmes) < 2:
            del self.fields["programme"]  # one programme: nothing to choose
        else:
            self.fields["programme"].choices = [("", _("All programmes")), *programmes]

    def filters(self):
        """The chosen filters; anything invalid counts as no filter."""
        if not self.is_valid():
            return dict.fromkeys(self.FILTERS, "")
        return {key: self.cleaned_data.get(key, "") for key in self.FILTERS}


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


class PublicSignUpForm(HoneypotFormMixin, GuestsMixin, forms.Form):
    name = forms.CharField(
        label=_("Your name"),
        max_length=NAME_MAX_LENGTH,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    email = forms.EmailField(
        label=_("Your email"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    guests = forms.TypedChoiceField(label=_("Guests"), coerce=int, empty_value=0, required=False)

    def clean_name(self):
        return clean_person_name(self.cleaned_data["name"])

    def visible_fields(self):
        """Everything but the honeypot, which the template renders on its own."""
        return [field for field in super().visible_fields() if field.name != "website"]
