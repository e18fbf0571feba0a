"""Portal forms. Every form lists its fields explicitly: anything else posted is ignored."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from accounts.models import User
from home.models import ActivityIdeaPage

from . import services
from .language_skills import COMMON_GROUND_FIELD_CLASSES, COMMON_GROUND_WIDGETS
from .meetings import MAX_DURATION_MINUTES, MIN_DURATION_MINUTES, validate_meeting
from .models import NOTE_MAX_LENGTH, HostKind, LifeArea, Meeting, Participant, WheelEntry


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%Y-%m-%d")


MAX_DATABASE_ID = 2**63 - 1


class ActivityIdeaChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.title  # modeltranslation: the title in the current language

    def to_python(self, value):
        # An id no database column can hold is simply not one of the choices (SQLite would
        # otherwise fail with OverflowError on the page-pointer lookup).
        text = str(value).strip() if value is not None else ""
        if text.lstrip("-").isdigit() and abs(int(text)) > MAX_DATABASE_ID:
            raise ValidationError(
                self.error_messages["invalid_choice"], code="invalid_choice", params={"value": text}
            )
        return super().to_python(value)


class MeetingForm(forms.ModelForm):
    """Log or edit a meeting of one match; the view sets ``match`` and ``author``."""

    duration_minutes = forms.IntegerField(
        label=_("Duration (minutes)"),
        help_text=_("For example 120 for two hours."),
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
    )
    activities = forms.MultipleChoiceField(
        label=_("What did you do?"),
        choices=Meeting.Activity.choices,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Choose everything that fits."),
        error_messages={"required": _("Choose at least one thing you did together.")},
    )
    activity_idea = ActivityIdeaChoiceField(
        label=_("Activity idea used"),
        queryset=ActivityIdeaPage.objects.none(),
        required=False,
        empty_label=_("None"),
        help_text=_("If you used one of the activity ideas on this site."),
    )

    class Meta:
        model = Meeting
        fields = ["date", "duration_minutes", "activities", "note", "activity_idea"]
        labels = {"date": _("Date of the meeting"), "note": _("Note (optional)")}
        error_messages = {
            "date": {
                "required": _("Enter the date you met."),
                "invalid": _("Enter the date you met, for example 2025-03-14."),
            }
        }
        help_texts = {"note": _("What you talked about or want to remember. Your partner sees it.")}
        widgets = {"date": DateInput(), "note": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, match, author, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.match = match
        self.instance.author = author
        if self.instance.pk is None:
            self.initial.setdefault("date", timezone.localdate())
        self.fields["activity_idea"].queryset = (
            ActivityIdeaPage.objects.live().public().order_by("path")
        )
        self.fields["duration_minutes"].widget.attrs.update(
            {"min": MIN_DURATION_MINUTES, "max": MAX_DURATION_MINUTES}
        )

    def save(self, commit=True):
        if not commit:
            return super().save(commit=False)
        # The programme's rule: the same meeting sent twice is logged once.
        self.instance = services.save_meeting(self.instance)
        return self.instance

    def clean(self):
        cleaned = super().clean()
        # The rules in portal/meetings.py, reported next to the field they concern. Fields that
        # already failed (no date typed, say) are not checked again.
        probe = Meeting(
            match=self.instance.match,
            date=cleaned.get("date"),
            duration_minutes=cleaned.get("duration_minutes"),
            activities=cleaned.get("activities") or ["-"],
        )
        try:
            validate_meeting(probe)
        except ValidationError as error:
            for field, messages in error.message_dict.items():
                if field not in self._errors:
                    for message in messages:
                        self.add_error(field, message)
        return cleaned


class CheckInForm(forms.Form):
    SATISFACTION_CHOICES = [
        (1, _("1 – not at all satisfied")),
        (2, _("2 – not very satisfied")),
        (3, _("3 – it is all right")),
        (4, _("4 – satisfied")),
        (5, _("5 – very satisfied")),
    ]
    satisfaction = forms.TypedChoiceField(
        label=_("How satisfied are you with your match?"),
        choices=SATISFACTION_CHOICES,
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose a number from 1 to 5.")},
    )
    wants_to_continue = forms.TypedChoiceField(
        label=_("Do you want to continue the match?"),
        choices=[("yes", _("Yes")), ("no", _("No"))],
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose yes or no.")},
    )
    note = forms.CharField(
        label=_("Note for the coordinator (optional)"),
        help_text=_("Only the coordinators read this; your partner never sees your answers."),
        required=False,
        max_length=NOTE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4}),
    )


class RematchForm(forms.Form):
    reason = forms.CharField(
        label=_("Why would you like a new match?"),
        help_text=_(
            "Only the coordinators read this. They will contact you before anything changes."
        ),
        max_length=NOTE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={"required": _("Tell the coordinator why you would like a re-match.")},
    )


class AccountForm(forms.ModelForm):
    """The account fields a participant may change: name and language (not the email login)."""

    class Meta:
        model = User
        fields = ["first_name", "last_name", "preferred_language"]
        help_texts = {
            "preferred_language": _("The language of the portal and of the emails we send you.")
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["first_name"].required = True


PROFILE_FIELDS = [
    "phone",
    "language_skills",
    "languages",
    "chosen_interests",
    "interests",
    "chosen_field",
    "professional_field",
    "education",
    "availability",
    "postcode",
    "area",
    "bio",
    "receives_news",
]


class ParticipantProfileForm(forms.ModelForm):
    """Profile fields shared by newcomers and hosts. Never the role, the user or the matches."""

    class Meta:
        model = Participant
        fields = PROFILE_FIELDS
        field_classes = COMMON_GROUND_FIELD_CLASSES
        widgets = {
            **COMMON_GROUND_WIDGETS,
            "bio": forms.Textarea(attrs={"rows": 5}),
            "phone": forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"}),
        }
        labels = {
            "interests": _("Other interests (free text)"),
            "professional_field": _("Professional field in your own words"),
        }


class NewcomerProfileForm(ParticipantProfileForm):
    class Meta(ParticipantProfileForm.Meta):
        fields = [*PROFILE_FIELDS, "arrived_in_denmark", "wanted_host_kind"]
        widgets = {**ParticipantProfileForm.Meta.widgets, "arrived_in_denmark": DateInput()}
        labels = {
            **ParticipantProfileForm.Meta.labels,
            "wanted_host_kind": _("Kind of host you would like"),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["wanted_host_kind"].choices = [("", _("No preference")), *HostKind.choices]


class HostProfileForm(ParticipantProfileForm):
    offered_kinds = forms.MultipleChoiceField(
        label=_("Kinds of hosting you offer"),
        choices=HostKind.choices,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Choose at least one kind of hosting.")},
    )

    class Meta(ParticipantProfileForm.Meta):
        fields = [*PROFILE_FIELDS, "capacity"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["offered_kinds"].initial = list(self.instance.offered_host_kinds)
        # Show the kinds right before the capacity, at the end of the form.
        self.order_fields([*PROFILE_FIELDS, "offered_kinds", "capacity"])

    def clean_capacity(self):
        capacity = self.cleaned_data["capacity"]
        active = self.instance.host_matches.active().count()
        if capacity is not None and capacity < active:
            raise ValidationError(
                ngettext(
                    "You have %(count)s active match now; talk to your coordinator before "
                    "lowering the number.",
                    "You have %(count)s active matches now; talk to your coordinator before "
                    "lowering the number.",
                    active,
                ),
                params={"count": active},
            )
        return capacity

    def save(self, commit=True):
        kinds = self.cleaned_data["offered_kinds"]
        self.instance.offers_career_hosting = HostKind.CAREER in kinds
        self.instance.offers_culture_hosting = HostKind.CULTURE in kinds
        return super().save(commit=commit)


def profile_form_class(participant):
    return HostProfileForm if participant.is_host else NewcomerProfileForm


IMPORTANCE_CHOICES = [
    ("", _("Choose…")),
    (0, _("0 – not at all")),
    (1, "1"),
    (2, "2"),
    (3, "3"),
    (4, "4"),
    (5, _("5 – very much")),
]


class WheelForm(forms.Form):
    """The conversation wheel: for each life area, how much it matters now (0–5) and a note."""

    def __init__(self, *args, participant, **kwargs):
        super().__init__(*args, **kwargs)
        self.participant = participant
        self.entries = list(participant.wheel_entries.all())  # as saved before this request
        existing = {entry.area: entry for entry in self.entries}
        for area in LifeArea:
            entry = existing.get(area.value)
            self.fields[f"importance_{area.value}"] = forms.TypedChoiceField(
                label=_("How much it matters now"),
                choices=IMPORTANCE_CHOICES,
                coerce=int,
                initial=entry.importance if entry else "",
                error_messages={
                    "required": _("Choose how much “%(area)s” matters now, from 0 to 5.")
                    % {"area": area.label}
                },
            )
            self.fields[f"note_{area.value}"] = forms.CharField(
                label=_("Note (optional)"),
                max_length=300,
                required=False,
                initial=entry.note if entry else "",
            )

    def areas(self):
        """(label, importance field, note field) per life area, for the template."""
        return [
            (area.label, self[f"importance_{area.value}"], self[f"note_{area.value}"])
            for area in LifeArea
        ]

    def save(self):
        entries = [
            WheelEntry(
                participant=self.participant,
                area=area.value,
                importance=self.cleaned_data[f"importance_{area.value}"],
                note=self.cleaned_data[f"note_{area.value}"],
            )
            for area in LifeArea
        ]
        WheelEntry.objects.bulk_create(
            entries,
            update_conflicts=True,
            unique_fields=["participant", "area"],
            update_fields=["importance", "note", "updated_at"],
        )
        return entries
