"""Consents: give, withdraw, ask. One record per consent (``ConsentRecord``), for every
purpose the site declares in ``Purpose``; later features (applications, messages) add a
purpose there and describe it here.

What "a withdrawal takes effect at once" means, per purpose:

- ``privacy_notice``: the acknowledgement of the privacy notice. The programme does not
  process a participant's data *because* of it (it rests on their taking part), so
  withdrawing it cannot stop that; what it does at once is: the record is marked withdrawn
  (``has_consent`` answers False from that moment, the coordinators see it in the admin), the
  coordinator is emailed so that they can talk with the person, and the next time the person
  chooses a password they are asked to read the notice again. To have their data erased,
  the person asks the coordinator; the portal says so before they confirm.
"""

from dataclasses import dataclass

from django.conf import settings
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from notifications.emails import send_email_on_commit

from .models import ConsentRecord, Purpose

# The privacy notice: its text is the template below; its version changes whenever the
# text changes in substance (people are then asked to read it again).
PRIVACY_NOTICE_VERSION = "2026-11-1"
PRIVACY_NOTICE_TEMPLATE = "privacy/notice.html"
# The consent asked on the application forms (intake/): its version changes with its text.
APPLICATION_CONSENT_VERSION = "2026-11-1"


@dataclass(frozen=True)
class PurposeText:
    """What the person is shown about a purpose: the current version of its text, a short
    explanation, and what withdrawing it means."""

    purpose: str
    version: str
    explanation: str
    withdrawal_effect: str


PURPOSE_TEXTS = {
    Purpose.PRIVACY_NOTICE: PurposeText(
        purpose=Purpose.PRIVACY_NOTICE,
        version=PRIVACY_NOTICE_VERSION,
        explanation=_(
            "When you chose your password, you confirmed that you had read the privacy "
            "notice, which explains what the programme keeps about you and why."
        ),
        withdrawal_effect=_(
            "Withdrawing this only records that you no longer accept the notice, and the "
            "coordinator is told at once. It does not delete anything: the programme needs "
            "your data for as long as you take part. If you want your data erased, erase it "
            "yourself under »My data«, or ask the coordinator; either way you stop taking part "
            "in the programme."
        ),
    ),
    Purpose.APPLICATION: PurposeText(
        purpose=Purpose.APPLICATION,
        version=APPLICATION_CONSENT_VERSION,
        explanation=_(
            "The programme keeps what you write in this application and uses it to get to "
            "know you and to find you a match. Only the programme's coordinators read it. If "
            "you do not confirm your email address, it is deleted after two days; if you are "
            "not accepted, it is deleted later, as the privacy notice says. If you are "
            "accepted, it becomes your profile in the portal."
        ),
        withdrawal_effect=_(
            "Withdrawing this tells the coordinator at once; ask them to erase your data, or "
            "erase it yourself under »My data«. Either way you stop taking part in the "
            "programme."
        ),
    ),
}


def purpose_text(purpose):
    return PURPOSE_TEXTS[Purpose(purpose)]


def current_version(purpose):
    return purpose_text(purpose).version


def give_consent(user, purpose, *, version=None, language=None, when=None):
    """Record that ``user`` consents to ``purpose`` (the current text unless ``version``).

    Giving the same consent twice keeps the first record, so the time it was first given
    stays true.
    """
    purpose = Purpose(purpose)
    version = version or current_version(purpose)
    language = language or translation.get_language() or settings.LANGUAGE_CODE
    existing = ConsentRecord.objects.active().filter(
        user=user, purpose=purpose, text_version=version
    )
    record = existing.first()
    if record is not None:
        return record
    try:
        with transaction.atomic():
            return ConsentRecord.objects.create(
                user=user,
                purpose=purpose,
                text_version=version,
                language=language[:10],
                given_at=when or timezone.now(),
            )
    except IntegrityError:  # the same consent given twice at the same moment
        return existing.get()


def withdraw_consent(user, purpose, *, when=None):
    """Withdraw every active consent of ``user`` to ``purpose``; effective immediately.

    Returns the number of records withdrawn (0 if there was nothing to withdraw), and runs
    the purpose's own consequences (see the module's docstring) when something was.
    """
    purpose = Purpose(purpose)
    withdrawn = (
        ConsentRecord.objects.active()
        .filter(user=user, purpose=purpose)
        .update(withdrawn_at=when or timezone.now())
    )
    if withdrawn and purpose in (Purpose.PRIVACY_NOTICE, Purpose.APPLICATION):
        _tell_coordinator(user, purpose)
    return withdrawn


def has_consent(user, purpose, *, version=None):
    """Whether ``user`` consents to ``purpose`` now (to the text ``version``, if given)."""
    if user is None or not user.is_authenticated:
        return False
    records = ConsentRecord.objects.active().filter(user=user, purpose=Purpose(purpose))
    if version is not None:
        records = records.filter(text_version=version)
    return records.exists()


def needs_privacy_notice(user):
    """Whether ``user`` has not yet acknowledged the current privacy notice."""
    return not has_consent(user, Purpose.PRIVACY_NOTICE, version=PRIVACY_NOTICE_VERSION)


def consents_of(user):
    """Every consent record of ``user``, newest first, with the text shown about each."""
    records = list(ConsentRecord.objects.filter(user=user))
    for record in records:
        record.text = PURPOSE_TEXTS.get(record.purpose)
    return records


def _tell_coordinator(user, purpose):
    # portal depends on privacy, not back
    from portal.services import coordinator_email, coordinator_language

    participant = getattr(user, "participant", None)
    edit_path = reverse("host_participants:edit", args=[participant.pk]) if participant else ""
    # The participant's programme's contact; the site's coordinator address for anyone else.
    to = coordinator_email(participant.programme if participant else None)
    send_email_on_commit(
        "privacy/email/consent_withdrawn",
        to,
        coordinator_language(to),
        {
            "person": user,
            "participant": participant,
            "purpose": Purpose(purpose),
            "edit_path": edit_path,
        },
    )
