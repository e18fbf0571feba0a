"""The public application form (newcomers and hosts), built for one programme.

Languages are a few rows of (language, level) selects, so they work without JavaScript. The
questions a role does not answer are removed; the tracks offered are the programme's.
"""

import datetime

from django import forms
from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal.models import BIO_MAX_LENGTH, Availability, HostKind, Participant, validate_phone
from privacy.consent import purpose_text
from privacy.models import Purpose
from programmes.eligibility import POSTCODE
from programmes.languages import Level, language_choices
from programmes.models import Interest, ProfessionalField
from protection.forms import HoneypotFormMixin

LANGUAGE_ROWS = 4
NEWCOMER_ONLY = ["arrived_in_denmark", "wanted_host_kind", "has_partner", "has_children"]
HOST_ONLY = ["offered_kinds", "capacity", "workplace", "lived_abroad"]
MAX_CAPACITY = 5
EARLIEST_ARRIVAL = datetime.date(1940, 1, 1)


class ApplicationForm(HoneypotFormMixin, forms.Form):
    first_name = forms.CharField(
        label=_("First name"),
        max_length=150,
        widget=forms.TextInput(attrs={"autocomplete": "given-name"}),
    )
    last_name = forms.CharField(
        label=_("Last name"),
        max_length=150,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "family-name"}),
    )
    email = forms.EmailField(
        label=_("Email"),
        max_length=254,
        help_text=_("We send you a link to confirm it."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    phone = forms.CharField(
        label=_("Phone"),
        max_length=25,
        required=False,
        validators=[validate_phone],
        widget=forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"}),
    )
    preferred_language = forms.ChoiceField(
        label=_("Which language should we write to you in?"),
        choices=settings.LANGUAGES,
        widget=forms.RadioSelect,
    )
    arrived_in_denmark = forms.DateField(
        label=_("When did you arrive in Denmark?"),
        help_text=_("The day you came to live here, for example 2025-03-15."),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    postcode = forms.CharField(
        label=_("Postcode"),
        max_length=4,
        min_length=4,
        widget=forms.TextInput(attrs={"autocomplete": "postal-code", "inputmode": "numeric"}),
    )
    area = forms.CharField(label=_("Municipality or area"), max_length=120, required=False)
    chosen_interests = forms.ModelMultipleChoiceField(
        label=_("Interests"),
        queryset=Interest.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    interests = forms.CharField(
        label=_("Other interests"),
        max_length=300,
        required=False,
        help_text=_("Anything the list does not have."),
    )
    chosen_field = forms.ModelChoiceField(
        label=_("Professional field"),
        queryset=ProfessionalField.objects.all(),
        required=False,
        empty_label=_("(none of these)"),
    )
    professional_field = forms.CharField(
        label=_("Your profession or field, in your own words"), max_length=200, required=False
    )
    education = forms.CharField(label=_("Education"), max_length=200, required=False)
    wanted_host_kind = forms.ChoiceField(label=_("What do you hope for?"), widget=forms.RadioSelect)
    offered_kinds = forms.MultipleChoiceField(
        label=_("What can you offer?"), widget=forms.CheckboxSelectMultiple
    )
    availability = forms.MultipleChoiceField(
        label=_("When are you free to meet?"),
        choices=Availability.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    has_partner = forms.BooleanField(label=_("I come with a partner"), required=False)
    has_children = forms.BooleanField(label=_("I come with children"), required=False)
    capacity = forms.TypedChoiceField(
        label=_("How many newcomers could you host at a time?"),
        choices=[(n, str(n)) for n in range(1, MAX_CAPACITY + 1)],
        coerce=int,
        initial=1,
    )
    workplace = forms.CharField(
        label=_("Workplace"),
        max_length=150,
        required=False,
        help_text=_("If your employer supports hosting, say where you work."),
    )
    lived_abroad = forms.BooleanField(label=_("I have lived abroad"), required=False)
    bio = forms.CharField(
        label=_("A few lines about yourself"),
        max_length=BIO_MAX_LENGTH,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    consent = forms.BooleanField(
        label=Purpose.APPLICATION.label,
        error_messages={
            "required": _("Please tick the box: we cannot keep your application without it.")
        },
    )

    def __init__(self, *args, programme, role, **kwargs):
        kwargs.setdefault("auto_id", "id_%s")
        super().__init__(*args, **kwargs)
        self.programme, self.role = programme, role
        self.consent_text = purpose_text(Purpose.APPLICATION)
        self.fields["consent"].help_text = self.consent_text.explanation
        kinds = programme.offered_kinds() if programme else []
        track_choices = [(kind, programme.track_name(kind)) for kind in kinds]
        self.fields["wanted_host_kind"].choices = track_choices
        self.fields["offered_kinds"].choices = track_choices
        if len(track_choices) == 1:
            self.fields["wanted_host_kind"].initial = track_choices[0][0]
            self.fields["offered_kinds"].initial = [track_choices[0][0]]
        for name in HOST_ONLY if role == Participant.Role.NEWCOMER else NEWCOMER_ONLY:
            del self.fields[name]
        language_names = [("", _("Choose a language")), *language_choices()]
        levels = [("", _("Choose a level")), *Level.choices]
        for row in range(1, LANGUAGE_ROWS + 1):
            self.fields[f"language_{row}"] = forms.ChoiceField(
                label=_("Language %(number)s") % {"number": row},
                choices=language_names,
                required=False,
            )
            self.fields[f"level_{row}"] = forms.ChoiceField(
                label=_("How well, language %(number)s") % {"number": row},
                choices=levels,
                required=False,
            )

    # --- groups the template renders ---------------------------------------------------------

    def language_rows(self):
        return [
            (row, self[f"language_{row}"], self[f"level_{row}"])
            for row in range(1, LANGUAGE_ROWS + 1)
        ]

    def fields_named(self, *names):
        return [self[name] for name in names if name in self.fields]

    # --- cleaning ----------------------------------------------------------------------------

    def clean_first_name(self):
        return " ".join(self.cleaned_data["first_name"].split())

    def clean_last_name(self):
        return " ".join(self.cleaned_data["last_name"].split())

    def clean_postcode(self):
        postcode = self.cleaned_data["postcode"].strip()
        if not POSTCODE.match(postcode):
            raise forms.ValidationError(_("Write a Danish postcode of four digits."))
        return postcode

    def clean_arrived_in_denmark(self):
        arrived = self.cleaned_data["arrived_in_denmark"]
        if arrived > timezone.localdate():
            raise forms.ValidationError(_("The arrival date cannot be in the future."))
        if arrived < EARLIEST_ARRIVAL:
            raise forms.ValidationError(_("Please check the year."))
        return arrived

    def clean(self):
        cleaned = super().clean()
        skills, seen = [], set()
        for row in range(1, LANGUAGE_ROWS + 1):
            language = cleaned.get(f"language_{row}")
            level = cleaned.get(f"level_{row}")
            if language and not level:
                self.add_error(f"level_{row}", _("Choose how well you speak it."))
            elif level and not language:
                self.add_error(f"language_{row}", _("Choose the language."))
            elif language and language in seen:
                self.add_error(f"language_{row}", _("Give each language once."))
            elif language:
                seen.add(language)
                skills.append({"language": language, "level": level})
        if not skills and not any(
            f"language_{row}" in self.errors for row in range(1, LANGUAGE_ROWS + 1)
        ):
            self.add_error("language_1", _("Give at least one language you speak."))
        cleaned["language_skills"] = skills
        return cleaned

    # --- what the services take --------------------------------------------------------------

    def answers(self):
        data = self.cleaned_data
        names = [
            "first_name",
            "last_name",
            "email",
            "phone",
            "preferred_language",
            "postcode",
            "area",
            "interests",
            "chosen_field",
            "professional_field",
            "education",
            "availability",
            "bio",
            "language_skills",
        ]
        answers = {name: data[name] for name in names}
        if self.role == Participant.Role.NEWCOMER:
            answers.update(
                arrived_in_denmark=data["arrived_in_denmark"],
                wanted_host_kind=data["wanted_host_kind"],
                has_partner=data["has_partner"],
                has_children=data["has_children"],
            )
        else:
            offered = data["offered_kinds"]
            answers.update(
                offers_career_hosting=HostKind.CAREER in offered,
                offers_culture_hosting=HostKind.CULTURE in offered,
                capacity=data["capacity"],
                workplace=data["workplace"],
                lived_abroad=data["lived_abroad"],
            )
        return answers

    def interests_chosen(self):
        return list(self.cleaned_data.get("chosen_interests") or [])


class ResendForm(forms.Form):
    resend_email = forms.EmailField(label=_("Your email"), max_length=254)


class DeclineForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason (the applicant is emailed it)"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )


class NotesForm(forms.Form):
    interview_notes = forms.CharField(
        label=_("Interview notes"),
        max_length=4000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
    )
