"""Match proposals: a newcomer and a host suggested to each other, before they are a match.

A proposal is not a match: no contact details cross until both accept (the portal shows each
a short profile of the other). When both accept, the match starts; a decline puts the newcomer
back in line at their old place (their ``waiting_since`` was never cleared) and tells the
coordinator.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from portal.models import HostKind, Participant


class MatchProposalQuerySet(models.QuerySet):
    def pending(self):
        return self.filter(status=MatchProposal.Status.PENDING)


class MatchProposal(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for answers")
        ACCEPTED = "accepted", _("Accepted by both")
        DECLINED = "declined", _("Declined")
        WITHDRAWN = "withdrawn", _("Withdrawn by the coordinator")

    class Answer(models.TextChoices):
        ACCEPTED = "accepted", _("Accepted")
        DECLINED = "declined", _("Declined")

    programme = models.ForeignKey(
        "programmes.Programme",
        on_delete=models.PROTECT,
        related_name="match_proposals",
        verbose_name=_("programme"),
    )
    newcomer = models.ForeignKey(
        Participant,
        on_delete=models.CASCADE,
        related_name="newcomer_proposals",
        verbose_name=_("newcomer"),
    )
    host = models.ForeignKey(
        Participant,
        on_delete=models.CASCADE,
        related_name="host_proposals",
        verbose_name=_("host"),
    )
    kind = models.CharField(_("kind"), max_length=10, choices=HostKind.choices)
    # The common-ground score and its reasons when proposed, as plain data
    # ([{"code": ..., "values": [...]}]), put into words in the reader's language on display.
    score = models.PositiveIntegerField(_("score"), default=0)
    reasons = models.JSONField(_("reasons"), default=list, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    newcomer_answer = models.CharField(
        _("newcomer's answer"), max_length=10, choices=Answer.choices, blank=True
    )
    newcomer_answered_at = models.DateTimeField(_("newcomer answered"), null=True, blank=True)
    host_answer = models.CharField(
        _("host's answer"), max_length=10, choices=Answer.choices, blank=True
    )
    host_answered_at = models.DateTimeField(_("host answered"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("proposed by"),
    )
    created_at = models.DateTimeField(_("proposed"), auto_now_add=True)
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    # What the person who declined wrote (optional); for the coordinator only.
    decline_reason = models.TextField(_("reason for declining"), blank=True, max_length=1000)
    match = models.OneToOneField(
        "portal.Match",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="proposal",
        verbose_name=_("match"),
    )

    objects = MatchProposalQuerySet.as_manager()

    class Meta:
        verbose_name = _("match proposal")
        verbose_name_plural = _("match proposals")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["newcomer", "kind"],
                condition=Q(status="pending"),
                name="one_pending_proposal_per_newcomer_and_kind",
            )
        ]

    def __str__(self):
        return f"{self.newcomer} & {self.host} ({self.programme.track_name(self.kind)})"

    def kind_label(self):
        return self.programme.track_name(self.kind)

    @property
    def is_pending(self):
        return self.status == self.Status.PENDING
