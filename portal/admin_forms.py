"""Forms for the coordinators' admin screens. The rules themselves live in services.py."""

from django import forms
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.widgets import AdminDateInput

from programmes.scoping import programmes_for, scoped

from . import services
from .invitations import create_participant_account, mark_email_verified
from .language_skills import COMMON_GROUND_FIELD_CLASSES, COMMON_GROUND_WIDGETS
from .models import (
    END_REASON_MAX_LENGTH,
    NOTE_MAX_LENGTH,
    HostKind,
    Match,
    MatchNote,
    Participant,
    add_months,
)

USER_FIELDS = ["email", "first_name", "last_name", "preferred_language"]


class ParticipantAdminForm(WagtailAdminModelForm):
    """A participant and their user account in one form (coordinators never see passwords)."""

    email = forms.EmailField(
        label=_("Email address"), help_text=_("The participant logs in with this address.")
    )
    first_name = forms.CharField(label=_("First name"), max_length=150)
    last_name = forms.CharField(label=_("Last name"), max_length=150, required=False)
    preferred_language = forms.ChoiceField(
        label=_("Preferred language"),
        choices=settings.LANGUAGES,
        help_text=_("The language of the portal and of every email sent to this person."),
    )
    send_invitation = forms.BooleanField(
        label=_("Email an invitation to choose a password now"), required=False, initial=True
    )

    field_order = [*USER_FIELDS, "programme", "role", "phone"]

    class Meta:
        model = Participant
        fields = [
            "programme",
            "role",
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
            "birth_year",
            "has_partner",
            "has_children",
            "bio",
            "arrived_in_denmark",
            "wanted_host_kind",
            "waiting_paused",
            "offers_career_hosting",
            "offers_culture_hosting",
            "capacity",
            "workplace",
            "lived_abroad",
            "host_course_waived",
            "intake_notes",
        ]
        field_classes = COMMON_GROUND_FIELD_CLASSES
        widgets = COMMON_GROUND_WIDGETS

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            user = self.instance.user
            for name in USER_FIELDS:
                self.initial.setdefault(name, getattr(user, name))
            del self.fields["send_invitation"]  # a separate "resend invitation" action exists
        if self.for_user is not None:  # only the coordinator's own programmes
            self.fields["programme"].queryset = programmes_for(self.for_user)
        if not self.instance.pk:
            programmes = list(self.fields["programme"].queryset[:2])
            if len(programmes) == 1:  # one programme: chosen already
                self.fields["programme"].initial = programmes[0].pk

    def clean_email(self):
        email = self.cleaned_data["email"].strip().lower()
        others = get_user_model().objects.filter(email__iexact=email)
        if self.instance.pk:
            others = others.exclude(pk=self.instance.user_id)
        if others.exists():
            raise ValidationError(_("Another account already uses this email address."))
        return email

    def clean(self):
        cleaned = super().clean()
        role = cleaned.get("role")
        if role == Participant.Role.HOST and not (
            cleaned.get("offers_career_hosting") or cleaned.get("offers_culture_hosting")
        ):
            self.add_error(
                "offers_culture_hosting",
                _("A host offers career hosting, culture hosting or both."),
            )
        if role == Participant.Role.NEWCOMER and not cleaned.get("wanted_host_kind"):
            self.add_error("wanted_host_kind", _("Choose the kind of host the newcomer wants."))
        self._check_kinds_offered(cleaned)
        return cleaned

    def _check_kinds_offered(self, cleaned):
        """The kinds chosen must be tracks of the participant's programme."""
        programme, role = cleaned.get("programme"), cleaned.get("role")
        if programme is None:
            return
        offered = programme.offered_kinds()
        if role == Participant.Role.NEWCOMER:
            wanted = cleaned.get("wanted_host_kind")
            chosen = {"wanted_host_kind": [wanted] if wanted else []}
        elif role == Participant.Role.HOST:
            chosen = {
                "offers_career_hosting": [HostKind.CAREER]
                if cleaned.get("offers_career_hosting")
                else [],
                "offers_culture_hosting": [HostKind.CULTURE]
                if cleaned.get("offers_culture_hosting")
                else [],
            }
        else:
            return
        for field, kinds in chosen.items():
            for kind in kinds:
                if kind not in offered:
                    self.add_error(
                        field,
                        _("%(programme)s has no %(kind)s track.")
                        % {"programme": programme, "kind": HostKind(kind).label.lower()},
                    )

    @transaction.atomic
    def save(self, commit=True):
        data = {name: self.cleaned_data[name] for name in USER_FIELDS}
        if self.instance.pk is None:
            self.instance = create_participant_account(participant=self.instance, **data)
            return self.instance
        user = self.instance.user
        email_changed = user.email != data["email"]
        for name, value in data.items():
            setattr(user, name, value)
        user.save()
        if email_changed:
            mark_email_verified(user)  # the coordinator checked the new address
        return super().save(commit=commit)


def participant_choices(role, user=None):
    """The participants of ``role`` to choose from: of ``user``'s programmes when given."""
    participants = Participant.objects.filter(role=role).select_related("user")
    return participants if user is None else scoped(participants, user)


class MatchCreateForm(WagtailAdminModelForm):
    """A match made directly by the coordinator. The hard rules refuse (services.validate_match);
    what is only doubtful (matching.direct) is shown as warnings, and the match is created
    only with "create anyway" ticked."""

    notify = forms.BooleanField(
        label=_("Email both participants about the match now"), required=False, initial=True
    )
    create_anyway = forms.BooleanField(
        label=_("Create the match anyway"),
        required=False,
        help_text=_("Tick after reading the warnings, if the match should go ahead."),
    )

    class Meta:
        model = Match
        fields = ["newcomer", "host", "kind", "start_date", "end_date"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        user = self.for_user
        self.fields["newcomer"].queryset = participant_choices(Participant.Role.NEWCOMER, user)
        self.fields["host"].queryset = participant_choices(Participant.Role.HOST, user)

    def clean(self):
        cleaned = super().clean()
        newcomer, host, kind = cleaned.get("newcomer"), cleaned.get("host"), cleaned.get("kind")
        start = cleaned.get("start_date")
        date_errors = services.match_date_errors(start, cleaned.get("end_date"))
        for field, messages in date_errors.items():
            for message in messages:
                self.add_error(field, message)
        if newcomer and host and kind and start and not date_errors:
            try:
                # An empty end date is fine: create_match gives the default six months.
                services.validate_match(newcomer, host, kind, start, cleaned.get("end_date"))
            except ValidationError as error:
                self.add_error(None, error)
            else:
                self._check_warnings(newcomer, host, kind, cleaned)
        return cleaned

    def _check_warnings(self, newcomer, host, kind, cleaned):
        from matching.direct import direct_match_warnings

        self.warnings = direct_match_warnings(newcomer, host, kind)
        if self.warnings and not cleaned.get("create_anyway"):
            for warning in self.warnings:
                self.add_error(None, warning)
            self.add_error(
                "create_anyway",
                _("Read the warnings above; tick this box to create the match anyway."),
            )

    def save(self, commit=True):
        data = self.cleaned_data
        self.instance = services.create_match(
            data["newcomer"],
            data["host"],
            data["kind"],
            start_date=data["start_date"],
            end_date=data.get("end_date"),
            notify=data.get("notify", False),
        )
        if getattr(self, "warnings", None):
            from wagtail.log_actions import log

            from matching.audit import DIRECT_MATCH_DESPITE_WARNINGS

            log(
                self.instance,
                DIRECT_MATCH_DESPITE_WARNINGS,
                user=self.for_user,
                data={"warnings": [str(w) for w in self.warnings]},
            )
        return self.instance


class MatchEditForm(WagtailAdminModelForm):
    """Only the dates change; a different pair or kind is a new match."""

    class Meta:
        model = Match
        fields = ["start_date", "end_date"]

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start_date"), cleaned.get("end_date")
        date_errors = services.match_date_errors(start, end)
        for field, messages in date_errors.items():
            for message in messages:
                self.add_error(field, message)
        if start and not end and not date_errors:
            cleaned["end_date"] = add_months(start, self.instance.default_length_months())
            self.instance.end_date = cleaned["end_date"]
        return cleaned


class EndMatchForm(forms.Form):
    status = forms.ChoiceField(
        label=_("How did the match end?"),
        choices=[
            (Match.Status.COMPLETED, _("Completed: the pair finished the programme")),
            (Match.Status.ENDED_EARLY, _("Ended early")),
        ],
        widget=forms.RadioSelect,
    )
    ended_on = forms.DateField(
        label=_("Ended on"), widget=AdminDateInput, initial=timezone.localdate
    )
    end_reason = forms.CharField(
        label=_("Reason (for coordinators only)"),
        required=False,
        max_length=END_REASON_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Required when a match ends early. Not shown to the participants."),
    )
    notify = forms.BooleanField(
        label=_("Email both participants that the match has ended"), required=False, initial=True
    )


class ResolveRematchForm(forms.Form):
    KEEP = "keep"
    END = "end"
    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[
            (KEEP, _("Keep the match")),
            (END, _("End the match early so the participant can be re-matched")),
        ],
        widget=forms.RadioSelect,
    )
    note = forms.CharField(
        label=_("Note to the participant"),
        required=False,
        max_length=NOTE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Included in the email to the participant who asked, and shown in the portal."),
    )


class MatchNoteForm(forms.ModelForm):
    """A note in the coordinator's log of a match (also "mark followed up" with a note)."""

    class Meta:
        model = MatchNote
        fields = ["date", "channel", "text", "followed_up"]
        widgets = {
            "date": AdminDateInput,
            "text": forms.Textarea(attrs={"rows": 3, "maxlength": NOTE_MAX_LENGTH}),
        }


class ExtendMatchForm(forms.Form):
    end_date = forms.DateField(label=_("New end date"), widget=AdminDateInput)
    reason = forms.CharField(
        label=_("Reason"),
        max_length=NOTE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Kept in the match's history for the coordinators."),
    )
