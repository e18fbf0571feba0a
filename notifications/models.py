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
