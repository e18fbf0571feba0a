"""Accounts for participants: coordinators create them; the participant sets a password.

There is no sign-up. After the intake interview a coordinator registers the participant in
the admin; that creates the user account (no usable password yet) with its email address
already verified (the coordinator checked it at the interview), and sends an invitation in
the participant's language with a link to choose a password. The link is allauth's own
password-reset link, so it expires like one (``settings.PASSWORD_RESET_TIMEOUT``); after that
the participant can ask for a new one, or for a sign-in code, on the login page.

Choosing the password is also where a participant acknowledges the privacy notice: the form
(``ChoosePasswordForm``, allauth's ``reset_password_from_key`` form in ``ACCOUNT_FORMS``) asks
for it whenever the participant has not acknowledged the notice's current version, and
records it with ``privacy.consent.give_consent``.
"""

from allauth.account.forms import ResetPasswordKeyForm, default_token_generator
from allauth.account.models import EmailAddress
from allauth.account.utils import user_pk_to_url_str
from django import forms
from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from notifications.emails import send_email_to_user_on_commit
from privacy.consent import give_consent, needs_privacy_notice
from privacy.models import Purpose

from .models import Participant


def mark_email_verified(user):
    """Make the user's address their one verified, primary allauth EmailAddress.

    Participants' addresses are managed by coordinators (checked at the intake interview),
    so an account keeps exactly one: a changed address replaces the old one.
    """
    addresses = EmailAddress.objects.filter(user=user)
    address = (
        addresses.filter(email__iexact=user.email).first()
        or addresses.filter(primary=True).first()
        or EmailAddress(user=user)
    )
    if address.pk:
        addresses = addresses.exclude(pk=address.pk)
    addresses.delete()
    address.email, address.verified, address.primary = user.email, True, True
    address.save()
    return address


@transaction.atomic
def create_participant_account(
    *, email, first_name, last_name="", preferred_language="en", participant=None, **fields
):
    """Create the user account and the participant profile for a newly registered person.

    ``participant`` may be an unsaved Participant (from an admin form); otherwise one is built
    from ``fields``. The user gets an unusable password until they follow the invitation.
    """
    user = get_user_model().objects.create_user(
        email=email,
        password=None,  # unusable until the participant chooses one
        first_name=first_name,
        last_name=last_name,
        preferred_language=preferred_language,
    )
    mark_email_verified(user)
    participant = participant or Participant(**fields)
    participant.user = user
    participant.save()
    return participant


def invitation_paths(user):
    """The paths, in the user's language, of allauth's "choose a new password" page with a
    fresh key for this user, and of the login page."""
    key = f"{user_pk_to_url_str(user)}-{default_token_generator.make_token(user)}"
    with translation.override(user.preferred_language):
        path = reverse("account_reset_password_from_key", kwargs={"uidb36": "UID", "key": "KEY"})
        login_path = reverse("account_login")
    return path.replace("UID-KEY", key), login_path


def send_invitation(participant):
    """Email the participant (in their language) a link to choose their password."""
    user = participant.user
    path, login_path = invitation_paths(user)
    send_email_to_user_on_commit(
        user,
        "portal/email/invitation",
        {
            "participant": participant,
            "set_password_path": path,
            "login_path": login_path,
            "valid_days": max(settings.PASSWORD_RESET_TIMEOUT // 86400, 1),
        },
    )
    participant.invited_at = timezone.now()
    participant.save(update_fields=["invited_at"])


def asks_for_privacy_notice(user):
    """Participants who have not acknowledged the privacy notice's current version are asked
    to when they choose a password (staff accounts are not participants and are not asked)."""
    return (
        user is not None
        and Participant.objects.filter(user=user).exists()
        and needs_privacy_notice(user)
    )


class ChoosePasswordForm(ResetPasswordKeyForm):
    """allauth's "choose a new password" form, plus "I have read the privacy notice" for a
    participant who has not yet acknowledged its current version."""

    privacy_notice = forms.BooleanField(
        label=Purpose.PRIVACY_NOTICE.label,
        error_messages={
            "required": _("Please read the privacy notice and tick the box to confirm it.")
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if asks_for_privacy_notice(self.user):
            self.fields["privacy_notice"].help_text = format_html(
                '<a href="{}" target="_blank" rel="noopener">{}</a>',
                reverse("privacy:notice"),
                _("Read the privacy notice (opens in a new window)"),
            )
        else:
            del self.fields["privacy_notice"]

    def save(self):
        with transaction.atomic():
            super().save()
            if self.cleaned_data.get("privacy_notice"):
                give_consent(self.user, Purpose.PRIVACY_NOTICE)
