"""The rules of applying and of reviewing applications, as plain functions the views call.

- ``eligibility_problems``: the programme's rules for this role (years in Denmark for
  newcomers, postcodes for everyone), a pure function of (rules, answers, today).
- ``submit_application``: stores an eligible application as unconfirmed and emails the link.
  An ineligible one is never stored (the view stops before this is called, and this refuses).
- ``resend_confirmation``: a new link, at most once per ``RESEND_COOLDOWN`` per application.
- ``confirm_application``: the link was followed in time: the application joins the queue.
- ``accept_application`` / ``decline_application``: the coordinator's decision.
- ``purge_unconfirmed`` / ``purge_declined``: what the daily retention run deletes.
"""

import datetime
import hashlib
import secrets

from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from notifications.emails import send_email_on_commit
from portal.invitations import create_participant_account, send_invitation
from portal.models import Participant
from privacy.consent import give_consent
from privacy.models import Purpose
from privacy.retention import retention_days_never_matched
from programmes import eligibility

from .models import Application

UNCONFIRMED_LIFETIME = datetime.timedelta(days=2)
RESEND_COOLDOWN = datetime.timedelta(minutes=10)

ACCEPTED = "intake.accept"
DECLINED = "intake.decline"
NOTES_SAVED = "intake.notes"


class ApplicationError(Exception):
    pass


# --- eligibility ------------------------------------------------------------------------------


def eligibility_problems(programme, role, *, arrived, postcode, today=None):
    """Translated reasons why this person cannot take part; empty when they can. The years in
    Denmark are a rule for newcomers only; the postcodes are for everyone."""
    return eligibility.eligibility_problems(
        max_years=programme.max_years_in_denmark if role == Participant.Role.NEWCOMER else None,
        postcodes=programme.postcodes,
        arrived=arrived,
        postcode=postcode,
        today=today,
    )


def application_problems(application, today=None):
    """The programme's rules *today* applied to a stored application (an application
    confirmed under older rules may no longer meet them)."""
    return eligibility_problems(
        application.programme,
        application.role,
        arrived=application.arrived_in_denmark,
        postcode=application.postcode,
        today=today,
    )


# --- applying ---------------------------------------------------------------------------------


def hash_token(token):
    return hashlib.sha256((token or "").encode("utf-8", "replace")).hexdigest()


def _new_token(application):
    token = secrets.token_urlsafe(32)
    application.token_hash = hash_token(token)
    return token


def confirm_path(token, language):
    with translation.override(language):
        return reverse("intake:confirm", args=[token])


def _send_confirmation(application, token):
    send_email_on_commit(
        "intake/email/confirm",
        application.email,
        application.preferred_language,
        {
            "application": application,
            "programme": application.programme,
            "confirm_path": confirm_path(token, application.preferred_language),
            "valid_days": UNCONFIRMED_LIFETIME.days,
        },
    )


def _start_cooldown(application):
    """True (and the cooldown starts) unless a link for this application went out within the
    cooldown; on the shared cache, so every server process agrees."""
    key = f"intake:confirmation-sent:{application.pk}"
    return cache.add(key, True, timeout=int(RESEND_COOLDOWN.total_seconds()))


@transaction.atomic
def submit_application(
    *, programme, role, answers, interests=(), language, consent_version, today=None
):
    """Store an application (unconfirmed) and email its confirmation link in ``language``.

    ``answers`` are the model's plain fields. Refuses (ApplicationError) an application the
    programme's rules exclude, so nothing of it is stored."""
    problems = eligibility_problems(
        programme,
        role,
        arrived=answers.get("arrived_in_denmark"),
        postcode=answers.get("postcode"),
        today=today,
    )
    if problems:
        raise ApplicationError(" ".join(problems))
    now = timezone.now()
    application = Application(
        programme=programme,
        role=role,
        preferred_language=answers.pop("preferred_language", None) or language,
        consent_version=consent_version,
        consent_language=language,
        consent_given_at=now,
        **answers,
    )
    token = _new_token(application)
    application.full_clean(exclude=["token_hash"])
    application.save()
    application.chosen_interests.set(interests)
    _start_cooldown(application)
    _send_confirmation(application, token)
    return application


def resend_confirmation(*, programme, role, email, now=None):
    """Send a new link for the newest unconfirmed application of ``email`` on this form (the
    old link stops working), unless one went out within ``RESEND_COOLDOWN``. Returns whether
    an email goes out; the visitor is told the same either way, so nobody learns who
    applied."""
    now = now or timezone.now()
    application = (
        Application.objects.filter(
            programme=programme,
            role=role,
            email__iexact=(email or "").strip(),
            status=Application.Status.UNCONFIRMED,
            created_at__gte=now - UNCONFIRMED_LIFETIME,
        )
        .order_by("-created_at")
        .first()
    )
    if application is None or not _start_cooldown(application):
        return False
    with transaction.atomic():
        token = _new_token(application)
        application.save(update_fields=["token_hash"])
        _send_confirmation(application, token)
    return True


def find_by_token(token):
    return (
        Application.objects.select_related("programme").filter(token_hash=hash_token(token)).first()
    )


def is_expired(application, now=None):
    now = now or timezone.now()
    return (
        application.status == Application.Status.UNCONFIRMED
        and application.created_at < now - UNCONFIRMED_LIFETIME
    )


def confirm_application(application, now=None):
    """The emailed link was followed in time: the application goes to the review queue.
    Confirming twice changes nothing. Other unconfirmed applications of the same address on
    the same form go (they were earlier tries)."""
    now = now or timezone.now()
    with transaction.atomic():
        application = Application.objects.select_for_update().get(pk=application.pk)
        if application.status != Application.Status.UNCONFIRMED:
            return application
        if is_expired(application, now):
            raise ApplicationError(_("This link has expired. Please fill in the form again."))
        application.status = Application.Status.TO_REVIEW
        application.confirmed_at = now
        application.save(update_fields=["status", "confirmed_at"])
        Application.objects.filter(
            programme=application.programme,
            role=application.role,
            email__iexact=application.email,
            status=Application.Status.UNCONFIRMED,
        ).delete()
    return application


# --- reviewing --------------------------------------------------------------------------------


def _check_open(application):
    if application.status != Application.Status.TO_REVIEW:
        raise ValidationError(_("This application has already been decided."))


def save_notes(application, notes, *, by):
    application.interview_notes = notes
    application.full_clean(exclude=["token_hash"])
    application.save(update_fields=["interview_notes"])
    log(application, NOTES_SAVED, user=by)


PARTICIPANT_FIELDS = [
    "phone",
    "postcode",
    "area",
    "language_skills",
    "interests",
    "chosen_field",
    "professional_field",
    "education",
    "wanted_host_kind",
    "offers_career_hosting",
    "offers_culture_hosting",
    "availability",
    "has_partner",
    "has_children",
    "bio",
    "arrived_in_denmark",
    "capacity",
    "workplace",
    "lived_abroad",
]


def participant_fields(application):
    """What the participant made from ``application`` holds: every answer, copied."""
    from programmes.languages import describe

    fields = {name: getattr(application, name) for name in PARTICIPANT_FIELDS}
    fields.update(
        programme=application.programme,
        role=application.role,
        languages=describe(application.language_skills, "en")[:200],
        intake_notes=application.interview_notes,
        # A newcomer waits from the moment their application was confirmed.
        waiting_since=application.confirmed_at if application.is_newcomer else None,
    )
    if not application.is_newcomer:
        fields.update(wanted_host_kind="", arrived_in_denmark=None)
    return fields


def accept_application(application, *, by, now=None):
    """Make the participant from the application: their account, every answer, the consent
    they gave, their place in line from the day they confirmed; then send the portal
    invitation in their language. Raises ValidationError when it cannot be done."""
    from django.contrib.auth import get_user_model

    now = now or timezone.now()
    with transaction.atomic():
        application = Application.objects.select_for_update().get(pk=application.pk)
        _check_open(application)
        if get_user_model().objects.filter(email__iexact=application.email).exists():
            raise ValidationError(
                _(
                    "Someone with the email address %(email)s already has an account. "
                    "Talk with them, or decline this application."
                )
                % {"email": application.email}
            )
        participant = Participant(**participant_fields(application))
        participant.full_clean(exclude=["user"])
        participant = create_participant_account(
            email=application.email,
            first_name=application.first_name,
            last_name=application.last_name,
            preferred_language=application.preferred_language,
            participant=participant,
        )
        participant.chosen_interests.set(application.chosen_interests.all())
        give_consent(
            participant.user,
            Purpose.APPLICATION,
            version=application.consent_version,
            language=application.consent_language,
            when=application.consent_given_at,
        )
        application.status = Application.Status.ACCEPTED
        application.participant = participant
        application.decided_by = by
        application.decided_at = now
        application.save(update_fields=["status", "participant", "decided_by", "decided_at"])
        log(application, ACCEPTED, user=by)
        send_invitation(participant)
    return participant


def decline_application(application, *, by, reason, now=None):
    """Decline with a reason, which the applicant is emailed in their language."""
    now = now or timezone.now()
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError(_("Write the reason; the applicant is emailed it."))
    with transaction.atomic():
        application = Application.objects.select_for_update().get(pk=application.pk)
        _check_open(application)
        application.status = Application.Status.DECLINED
        application.decline_reason = reason
        application.decided_by = by
        application.decided_at = now
        application.full_clean(exclude=["token_hash"])
        application.save(update_fields=["status", "decline_reason", "decided_by", "decided_at"])
        log(application, DECLINED, user=by, data={"reason": reason})
        send_email_on_commit(
            "intake/email/declined",
            application.email,
            application.preferred_language,
            {"application": application, "programme": application.programme, "reason": reason},
            reply_to=[application.programme.coordinator_email],
        )
    return application


# --- retention --------------------------------------------------------------------------------


def purge_unconfirmed(now=None):
    """Delete applications never confirmed within ``UNCONFIRMED_LIFETIME``."""
    now = now or timezone.now()
    deleted, _by_model = (
        Application.objects.filter(
            status=Application.Status.UNCONFIRMED, created_at__lt=now - UNCONFIRMED_LIFETIME
        )
        .only("pk")
        .delete()
    )
    return _count(deleted, _by_model)


def _count(deleted, by_model):
    return by_model.get(Application._meta.label, 0)


def declined_expiry(application):
    """The day a declined application's data expires: the programme's days for people never
    matched (else the setting) after the decision."""
    days = retention_days_never_matched(application)  # reads application.programme
    return timezone.localdate(application.decided_at) + datetime.timedelta(days=days)


def purge_declined(today=None):
    """Delete declined applications whose retention has run out."""
    today = today or timezone.localdate()
    expired = [
        application.pk
        for application in Application.objects.filter(
            status=Application.Status.DECLINED, decided_at__isnull=False
        ).select_related("programme")
        if declined_expiry(application) <= today
    ]
    if not expired:
        return 0
    _deleted, by_model = Application.objects.filter(pk__in=expired).delete()
    return _count(_deleted, by_model)


def count_ineligible(programme, role, today=None):
    """Count one form turned away by the rules (for the outcomes report's funnel)."""
    from django.db.models import F

    from .models import IneligibleCount

    day = today or timezone.localdate()
    row, _ = IneligibleCount.objects.get_or_create(programme=programme, role=role, day=day)
    IneligibleCount.objects.filter(pk=row.pk).update(count=F("count") + 1)
