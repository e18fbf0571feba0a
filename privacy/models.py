"""Consent records, and the permission to read the staff audit trail.

The audit trail itself lives in Wagtail's own log entry models (see ``privacy/audit.py``);
this app only adds the permission that lets a coordinator read it per person.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Purpose(models.TextChoices):
    """What a person can consent to. Declared here, in code; the text each one refers to and
    what withdrawing it does are described in ``privacy/consent.py``."""

    PRIVACY_NOTICE = "privacy_notice", _("I have read the privacy notice")
    APPLICATION = "application", _("I agree that the programme keeps and uses my application")


class ConsentRecordQuerySet(models.QuerySet):
    def active(self):
        return self.filter(withdrawn_at__isnull=True)


class ConsentRecord(models.Model):
    """One consent (or acknowledgement) as it was given: who, to what, to which version of
    the text, in which language, when, and when it was withdrawn (if it was)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="consents",
        verbose_name=_("person"),
    )
    purpose = models.CharField(_("purpose"), max_length=50, choices=Purpose.choices)
    text_version = models.CharField(_("version of the text"), max_length=50)
    language = models.CharField(_("language of the text"), max_length=10)
    given_at = models.DateTimeField(_("given"), default=timezone.now)
    withdrawn_at = models.DateTimeField(_("withdrawn"), null=True, blank=True)

    objects = ConsentRecordQuerySet.as_manager()

    class Meta:
        verbose_name = _("consent")
        verbose_name_plural = _("consents")
        ordering = ["-given_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "purpose", "text_version"],
                condition=Q(withdrawn_at__isnull=True),
                name="privacy_one_active_consent_per_version",
            )
        ]
        permissions = [("view_audit_log", _("Can view the audit log of participants"))]

    def __str__(self):
        return f"{self.user} – {self.get_purpose_display()} ({self.text_version})"

    @property
    def is_active(self):
        return self.withdrawn_at is None
