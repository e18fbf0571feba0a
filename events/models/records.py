"""Dates, sign-ups and personal calendar feeds: the data coordinators follow.

Sign-up data is personal: only the Coordinators group has permissions on these models, and
participants reach their own sign-ups through ``request.user``.
"""

import secrets
from dataclasses import dataclass

from django.conf import settings
from django.db import models
from django.db.models import Count, F, Q, Sum
from django.db.models.functions import Coalesce, Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


def new_token():
    return secrets.token_urlsafe(32)


class OccurrenceQuerySet(models.QuerySet):
    def live(self):
        return self.filter(event__live=True)

    def public(self):
        """Dates whose event page is open to everyone: not behind a Wagtail view restriction
        (password, login or groups) on the page or any page above it. The one rule for every
        public listing and feed."""
        return self.visible_to(None)

    def visible_to(self, user):
        """Dates whose event page ``user`` may open (``None``: anyone): restrictions to
        logged-in users or to groups the user is in are met; a password never is, as it is
        given per visit, not per account."""
        from wagtail.models import PageViewRestriction

        if user is None or not user.is_authenticated:
            hidden = list(PageViewRestriction.objects.values_list("page__path", flat=True))
        else:
            mine = set(user.groups.values_list("pk", flat=True))
            restrictions = PageViewRestriction.objects.select_related("page")
            hidden = [
                restriction.page.path
                for restriction in restrictions.prefetch_related("groups")
                if not (
                    restriction.restriction_type == PageViewRestriction.LOGIN
                    or (
                        restriction.restriction_type == PageViewRestriction.GROUPS
                        and (user.is_superuser or mine & {g.pk for g in restriction.groups.all()})
                    )
                )
            ]
        restricted = Q()
        for path in hidden:
            restricted |= Q(event__path__startswith=path)
        return self.exclude(restricted) if hidden else self

    def upcoming(self, now=None):
        """Dates that have not ended yet (an event in progress is still upcoming)."""
        return self.filter(end__gte=now or timezone.now())

    def past(self, now=None):
        return self.filter(end__lt=now or timezone.now())

    def with_places(self):
        """Annotate ``places_taken`` (confirmed people + their guests) and ``waiting_count``,
        so listings show places left without a query per date."""
        confirmed = Q(signups__status=SignUp.Status.CONFIRMED)
        return self.annotate(
            places_taken=Coalesce(Sum(F("signups__guests") + 1, filter=confirmed), 0),
            waiting_count=Count("signups", filter=Q(signups__status=SignUp.Status.WAITING)),
        )


class EventOccurrence(models.Model):
    """One date of an event. A single event has exactly one; each has its own sign-ups."""

    event = models.ForeignKey(
        "events.EventPage",
        on_delete=models.CASCADE,
        related_name="occurrences",
        verbose_name=_("event"),
    )
    start = models.DateTimeField(_("starts"), db_index=True)
    end = models.DateTimeField(_("ends"))
    cancelled = models.BooleanField(_("cancelled"), default=False)
    cancelled_at = models.DateTimeField(_("cancelled at"), null=True, blank=True)

    objects = OccurrenceQuerySet.as_manager()

    class Meta:
        verbose_name = _("event date")
        verbose_name_plural = _("event dates")
        ordering = ["start", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["event", "start"], name="one_occurrence_per_start")
        ]

    def __str__(self):
        local = timezone.localtime(self.start)
        return f"{self.event.title} – {local:%d.%m.%Y %H:%M}"

    @property
    def capacity(self):
        return self.event.capacity

    @property
    def signup_deadline(self):
        return self.event.signup_deadline_for(self.start)

    def signup_open(self, now=None):
        now = now or timezone.now()
        return (
            self.event.signup_enabled
            and not self.cancelled
            and now <= self.signup_deadline
            and now < self.start
        )

    def taken(self):
        """Confirmed places, guests included; uses the annotation when there is one."""
        if hasattr(self, "places_taken"):
            return self.places_taken
        total = self.signups.filter(status=SignUp.Status.CONFIRMED).aggregate(
            total=Coalesce(Sum(F("guests") + 1), 0)
        )["total"]
        return total

    def places_left(self):
        """``None`` when there is no limit."""
        if self.capacity is None:
            return None
        return max(self.capacity - self.taken(), 0)

    def waiting(self):
        if hasattr(self, "waiting_count"):
            return self.waiting_count
        return self.signups.filter(status=SignUp.Status.WAITING).count()

    def is_full(self):
        left = self.places_left()
        return left is not None and (left == 0 or self.waiting() > 0)


@dataclass
class PublicRecipient:
    """Someone who signed up without an account: enough for ``send_email_to_user``."""

    name: str
    email: str
    preferred_language: str

    def __str__(self):
        return self.name or self.email


class SignUpQuerySet(models.QuerySet):
    def active(self):
        return self.exclude(status=SignUp.Status.CANCELLED)

    def waiting(self):
        return self.filter(status=SignUp.Status.WAITING).order_by("queued_at", "pk")

    def expired_unconfirmed(self, now=None):
        """Public sign-ups whose emailed link was not followed in time (see
        ``events.services.UNCONFIRMED_SIGNUP_LIFETIME``)."""
        from events.services import UNCONFIRMED_SIGNUP_LIFETIME

        return self.filter(
            status=SignUp.Status.UNCONFIRMED,
            created_at__lt=(now or timezone.now()) - UNCONFIRMED_SIGNUP_LIFETIME,
        )


class SignUp(models.Model):
    class Status(models.TextChoices):
        CONFIRMED = "confirmed", _("Has a place")
        WAITING = "waiting", _("On the waiting list")
        UNCONFIRMED = "unconfirmed", _("Awaiting email confirmation")
        CANCELLED = "cancelled", _("Cancelled")

    occurrence = models.ForeignKey(
        EventOccurrence,
        on_delete=models.CASCADE,
        related_name="signups",
        verbose_name=_("event date"),
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="event_signups",
        verbose_name=_("participant"),
    )
    # For public sign-ups only; a participant's name and email come from their account.
    name = models.CharField(_("name"), max_length=200, blank=True)
    email = models.EmailField(_("email"), blank=True)
    language = models.CharField(
        _("language"), max_length=8, choices=settings.LANGUAGES, default="en"
    )
    guests = models.PositiveSmallIntegerField(_("guests"), default=0)
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.UNCONFIRMED
    )
    created_at = models.DateTimeField(_("signed up"), auto_now_add=True)
    # When the place or the queue position was decided: the waiting list's order.
    queued_at = models.DateTimeField(_("in line since"), null=True, blank=True)
    cancelled_at = models.DateTimeField(_("cancelled at"), null=True, blank=True)
    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    attended = models.BooleanField(_("attended"), null=True, blank=True)

    objects = SignUpQuerySet.as_manager()

    class Meta:
        verbose_name = _("sign-up")
        verbose_name_plural = _("sign-ups")
        ordering = ["queued_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["occurrence", "user"],
                condition=Q(user__isnull=False) & ~Q(status="cancelled"),
                name="one_active_signup_per_user",
            ),
            models.UniqueConstraint(
                "occurrence",
                Lower("email"),
                condition=Q(user__isnull=True) & ~Q(status="cancelled"),
                name="one_active_public_signup_per_email",
            ),
            models.CheckConstraint(
                condition=Q(user__isnull=False) | ~Q(email=""),
                name="signup_has_user_or_email",
            ),
        ]

    def __str__(self):
        return f"{self.display_name} – {self.occurrence}"

    @property
    def places(self):
        return 1 + self.guests

    @property
    def display_name(self):
        if self.user_id:
            return str(self.user)
        return self.name or self.email

    @property
    def contact_email(self):
        return self.user.email if self.user_id else self.email

    @property
    def recipient(self):
        """Whom emails about this sign-up go to, with the language to write in."""
        if self.user_id:
            return self.user
        return PublicRecipient(self.name, self.email, self.language)

    def waiting_position(self):
        """1 for the first in line; ``None`` when not waiting."""
        if self.status != self.Status.WAITING:
            return None
        ahead = (
            SignUp.objects.filter(occurrence_id=self.occurrence_id, status=self.Status.WAITING)
            .filter(Q(queued_at__lt=self.queued_at) | Q(queued_at=self.queued_at, pk__lt=self.pk))
            .count()
        )
        return ahead + 1


class CalendarFeed(models.Model):
    """A participant's private calendar address. Revoking deletes it; a new one gets a new
    token, so an address shared by mistake stops working."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="event_calendar_feed",
        verbose_name=_("user"),
    )
    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("personal calendar feed")
        verbose_name_plural = _("personal calendar feeds")

    def __str__(self):
        return str(self.user)
