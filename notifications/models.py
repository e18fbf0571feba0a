from django.db import models
from django.utils.translation import gettext_lazy as _


class SentReminder(models.Model):
    """Remembers which reminders went out, so the daily run never sends one twice."""

    key = models.CharField(_("key"), max_length=200, unique=True)
    recipient = models.EmailField(_("recipient"))
    sent_at = models.DateTimeField(_("sent at"), auto_now_add=True)

    class Meta:
        verbose_name = _("sent reminder")
        verbose_name_plural = _("sent reminders")
        ordering = ["-sent_at"]

    def __str__(self):
        return self.key


class GroupMessage(models.Model):
    """A coordinator's message to a group of their programmes' people, written in English and
    Danish (or in one language for everyone); each person gets their own language. Sending
    runs in the background (``notifications.tasks``), one ``Delivery`` per recipient."""

    class Kind(models.TextChoices):
        NEWS = "news", _("News and invitations (people who turned these off are left out)")
        MATCH = "match", _("About their own match (sent to everyone chosen)")

    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.NEWS)
    programmes = models.ManyToManyField(
        "programmes.Programme", related_name="group_messages", verbose_name=_("programmes")
    )
    audience = models.JSONField(_("who it went to"), default=dict, blank=True)
    audience_description = models.CharField(_("who it went to"), max_length=500, blank=True)
    subject_en = models.CharField(_("subject (English)"), max_length=200)
    body_en = models.TextField(_("message (English)"), max_length=5000)
    subject_da = models.CharField(_("subject (Danish)"), max_length=200, blank=True)
    body_da = models.TextField(_("message (Danish)"), max_length=5000, blank=True)
    created_by = models.ForeignKey(
        "accounts.User",
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("sent by"),
    )
    created_at = models.DateTimeField(_("sent"), auto_now_add=True)
    finished_at = models.DateTimeField(_("all delivered"), null=True, blank=True)

    class Meta:
        verbose_name = _("message to a group")
        verbose_name_plural = _("messages to groups")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return self.subject_en

    def text_in(self, language):
        """(subject, body) in ``language``: Danish when written in Danish, else English."""
        if language == "da" and self.subject_da and self.body_da:
            return self.subject_da, self.body_da
        return self.subject_en, self.body_en


class Delivery(models.Model):
    class Status(models.TextChoices):
        QUEUED = "queued", _("Queued")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Failed")

    message = models.ForeignKey(
        GroupMessage, on_delete=models.CASCADE, related_name="deliveries", verbose_name=_("message")
    )
    user = models.ForeignKey(
        "accounts.User",
        on_delete=models.CASCADE,
        related_name="deliveries",
        verbose_name=_("recipient"),
    )
    email = models.EmailField(_("address"))
    language = models.CharField(_("language"), max_length=10)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.QUEUED
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    sent_at = models.DateTimeField(_("delivered"), null=True, blank=True)
    error = models.CharField(_("error"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("delivery")
        verbose_name_plural = _("deliveries")
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(fields=["message", "user"], name="one_delivery_per_person")
        ]

    def __str__(self):
        return f"{self.email}: {self.get_status_display()}"
