"""Applications to a programme, and the public pages that take them.

An application goes unconfirmed → to review (its address confirmed by the emailed link) →
accepted (a participant is made from it) or declined (with a reason). The answers are the
ones a participant keeps (``portal.Participant``), so accepting copies them field by field.
Only a hash of the confirmation token is stored: the link in the email is the only copy.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField

from home.models import BasePage
from portal.models import (
    BIO_MAX_LENGTH,
    INTAKE_NOTES_MAX_LENGTH,
    HostKind,
    Participant,
    text_limit,
    validate_availability,
    validate_language_skills,
    validate_phone,
)

DECLINE_REASON_MAX_LENGTH = 2000
Role = Participant.Role


class ApplicationQuerySet(models.QuerySet):
    def confirmed(self):
        return self.exclude(status=Application.Status.UNCONFIRMED)

    def to_review(self):
        return self.filter(status=Application.Status.TO_REVIEW)


class Application(models.Model):
    class Status(models.TextChoices):
        UNCONFIRMED = "unconfirmed", _("Email not confirmed")
        TO_REVIEW = "to_review", _("To review")
        ACCEPTED = "accepted", _("Accepted")
        DECLINED = "declined", _("Declined")

    programme = models.ForeignKey(
        "programmes.Programme",
        on_delete=models.CASCADE,
        related_name="applications",
        verbose_name=_("programme"),
    )
    role = models.CharField(_("role"), max_length=10, choices=Role.choices)
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.UNCONFIRMED
    )
    # The answers
    first_name = models.CharField(_("first name"), max_length=150)
    last_name = models.CharField(_("last name"), max_length=150, blank=True)
    email = models.EmailField(_("email address"))
    phone = models.CharField(_("phone"), max_length=40, blank=True, validators=[validate_phone])
    preferred_language = models.CharField(
        _("preferred language"), max_length=10, choices=settings.LANGUAGES
    )
    arrived_in_denmark = models.DateField(_("arrived in Denmark"), null=True, blank=True)
    postcode = models.CharField(_("postcode"), max_length=10)
    area = models.CharField(_("area or municipality"), max_length=120, blank=True)
    language_skills = models.JSONField(
        _("languages and levels"), default=list, validators=[validate_language_skills]
    )
    chosen_interests = models.ManyToManyField(
        "programmes.Interest",
        blank=True,
        related_name="applications",
        verbose_name=_("interests from the list"),
    )
    interests = models.CharField(_("other interests"), max_length=300, blank=True)
    chosen_field = models.ForeignKey(
        "programmes.ProfessionalField",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="applications",
        verbose_name=_("professional field from the list"),
    )
    professional_field = models.CharField(_("professional field"), max_length=200, blank=True)
    education = models.CharField(_("education"), max_length=200, blank=True)
    wanted_host_kind = models.CharField(
        _("host kind wanted"), max_length=10, choices=HostKind.choices, blank=True
    )
    offers_career_hosting = models.BooleanField(_("offers career hosting"), default=False)
    offers_culture_hosting = models.BooleanField(_("offers culture hosting"), default=False)
    availability = models.JSONField(
        _("free to meet"), default=list, blank=True, validators=[validate_availability]
    )
    has_partner = models.BooleanField(_("comes with a partner"), default=False)
    has_children = models.BooleanField(_("comes with children"), default=False)
    bio = models.TextField(_("about themselves"), blank=True, **text_limit(BIO_MAX_LENGTH))
    capacity = models.PositiveSmallIntegerField(_("newcomers at a time"), default=1)
    workplace = models.CharField(_("workplace"), max_length=150, blank=True)
    lived_abroad = models.BooleanField(_("has lived abroad"), default=False)
    # The consent given with the application: which text, in which language, when.
    consent_version = models.CharField(_("version of the consent text"), max_length=50)
    consent_language = models.CharField(_("language of the consent text"), max_length=10)
    consent_given_at = models.DateTimeField(_("consent given"))
    # Confirming the address
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(_("sent"), auto_now_add=True)
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)
    # The review
    interview_notes = models.TextField(
        _("interview notes"), blank=True, **text_limit(INTAKE_NOTES_MAX_LENGTH)
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("decided by"),
    )
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    decline_reason = models.TextField(
        _("reason for declining"), blank=True, **text_limit(DECLINE_REASON_MAX_LENGTH)
    )
    participant = models.OneToOneField(
        "portal.Participant",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="application",
        verbose_name=_("participant"),
    )

    objects = ApplicationQuerySet.as_manager()

    class Meta:
        verbose_name = _("application")
        verbose_name_plural = _("applications")
        ordering = ["confirmed_at", "pk"]
        indexes = [models.Index(fields=["status", "programme"])]

    def __str__(self):
        return " ".join(part for part in (self.first_name, self.last_name) if part) or self.email

    @property
    def is_newcomer(self):
        return self.role == Role.NEWCOMER

    @property
    def offered_host_kinds(self):
        kinds = []
        if self.offers_career_hosting:
            kinds.append(HostKind.CAREER)
        if self.offers_culture_hosting:
            kinds.append(HostKind.CULTURE)
        return kinds

    @property
    def track_kinds(self):
        """The tracks hoped for (a newcomer) or offered (a host)."""
        if self.is_newcomer:
            return [self.wanted_host_kind] if self.wanted_host_kind else []
        return self.offered_host_kinds


class ApplicationFormPage(BasePage):
    """A public application form of one programme, for newcomers or for hosts. Editors write
    the introduction and the text above the form (``body``), the thank-you text and what to
    suggest to people the programme cannot take (``alternatives``); the questions and the
    eligibility rules come from the programme."""

    programme = models.ForeignKey(
        "programmes.Programme",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="application_pages",
        verbose_name=_("programme"),
        help_text=_("Applications sent on this page go to this programme."),
    )
    role = models.CharField(
        _("who applies here"), max_length=10, choices=Role.choices, default=Role.NEWCOMER
    )
    thank_you = RichTextField(
        _("thank-you text"),
        blank=True,
        features=["bold", "italic", "link", "ul"],
        help_text=_("Shown after the form is sent, above the reminder to check the email."),
    )
    alternatives = RichTextField(
        _("alternatives"),
        blank=True,
        features=["bold", "italic", "link", "ul"],
        help_text=_(
            "Shown to people who are not eligible: other offers they could turn to, with links."
        ),
    )

    parent_page_types = ["home.ProgrammePage"]
    subpage_types = []

    content_panels = BasePage.content_panels + [
        MultiFieldPanel(
            [FieldPanel("programme"), FieldPanel("role")], heading=_("Who applies here")
        ),
        FieldPanel("thank_you"),
        FieldPanel("alternatives"),
    ]

    class Meta:
        verbose_name = _("application form page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["programme"] = self.programme
        return context

    def serve(self, request, *args, **kwargs):
        from . import views

        return views.application_page(request, self)


class IneligibleCount(models.Model):
    """How many application forms the rules turned away, per programme, role and day: a count
    with nothing about the person (an ineligible application is never stored), so the
    outcomes report's funnel can start with everyone who tried."""

    programme = models.ForeignKey(
        "programmes.Programme",
        on_delete=models.CASCADE,
        related_name="ineligible_counts",
        verbose_name=_("programme"),
    )
    role = models.CharField(_("role"), max_length=10)
    day = models.DateField(_("day"))
    count = models.PositiveIntegerField(_("count"), default=0)

    class Meta:
        verbose_name = _("applications turned away")
        verbose_name_plural = _("applications turned away")
        constraints = [
            models.UniqueConstraint(
                fields=["programme", "role", "day"], name="one_ineligible_count_per_day"
            )
        ]

    def __str__(self):
        return f"{self.programme} {self.role} {self.day}: {self.count}"
