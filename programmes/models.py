"""Programmes: the rules a host programme runs by, and the people who run it.

A programme's rules (match length, meeting rhythm, check-in schedule, eligibility, retention)
are read by the portal's services through the participant's or the match's programme; the
module constants they replace are the defaults of a new programme. A match copies the rhythm
and check-in schedule when it is created (see ``portal.models.Match``), so changing a
programme affects new matches only.
"""

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable

from portal.models import HostKind, validate_phone

from . import eligibility

DEFAULT_MATCH_LENGTH_MONTHS = 6
DEFAULT_MEETINGS_PER_MONTH_MIN = 1
DEFAULT_MEETINGS_PER_MONTH_MAX = 2
DEFAULT_FIRST_CHECKIN_AFTER_MONTHS = 1
DEFAULT_CHECKIN_EVERY_MONTHS = 2
DEFAULT_MAX_YEARS_IN_DENMARK = 3

NEW_MATCHES_ONLY = _("Changing this affects new matches only; running matches keep their rules.")


def validate_postcodes(value):
    eligibility.parse_postcodes(value)


class ProgrammeQuerySet(models.QuerySet):
    def active(self):
        return self.filter(active=True)

    def only_choices(self):
        """Slug and name in every language, for choice lists."""
        return self.only("slug", "name", "name_en", "name_da").order_by("name", "pk")


class Programme(ClusterableModel):
    name = models.CharField(_("name"), max_length=150)
    description = models.TextField(_("description"), blank=True)
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    area = models.CharField(
        _("municipality or area served"),
        max_length=150,
        blank=True,
        help_text=_("For example: Copenhagen Municipality."),
    )
    contact_name = models.CharField(_("contact person"), max_length=150, blank=True)
    contact_email = models.EmailField(
        _("contact email"),
        blank=True,
        help_text=_(
            "Re-match requests and coordinator notices for this programme go here. "
            "Empty: the site's coordinator address."
        ),
    )
    contact_phone = models.CharField(
        _("contact phone"), max_length=40, blank=True, validators=[validate_phone]
    )
    match_length_months = models.PositiveSmallIntegerField(
        _("match length (months)"),
        default=DEFAULT_MATCH_LENGTH_MONTHS,
        validators=[MinValueValidator(1), MaxValueValidator(24)],
        help_text=NEW_MATCHES_ONLY,
    )
    meetings_per_month_min = models.PositiveSmallIntegerField(
        _("meetings a month, at least"),
        default=DEFAULT_MEETINGS_PER_MONTH_MIN,
        validators=[MinValueValidator(1), MaxValueValidator(31)],
        help_text=NEW_MATCHES_ONLY,
    )
    meetings_per_month_max = models.PositiveSmallIntegerField(
        _("meetings a month, at most"),
        default=DEFAULT_MEETINGS_PER_MONTH_MAX,
        validators=[MinValueValidator(1), MaxValueValidator(31)],
        help_text=NEW_MATCHES_ONLY,
    )
    first_checkin_after_months = models.PositiveSmallIntegerField(
        _("first check-in after (months)"),
        default=DEFAULT_FIRST_CHECKIN_AFTER_MONTHS,
        validators=[MinValueValidator(1), MaxValueValidator(24)],
        help_text=NEW_MATCHES_ONLY,
    )
    checkin_every_months = models.PositiveSmallIntegerField(
        _("then a check-in every (months)"),
        default=DEFAULT_CHECKIN_EVERY_MONTHS,
        validators=[MinValueValidator(1), MaxValueValidator(24)],
        help_text=NEW_MATCHES_ONLY,
    )
    max_years_in_denmark = models.PositiveSmallIntegerField(
        _("at most years in Denmark"),
        null=True,
        blank=True,
        default=DEFAULT_MAX_YEARS_IN_DENMARK,
        validators=[MinValueValidator(1), MaxValueValidator(50)],
        help_text=_(
            "Newcomers who have lived in Denmark longer are not eligible. Empty: no limit."
        ),
    )
    postcodes = models.TextField(
        _("postcodes served"),
        blank=True,
        validators=[validate_postcodes],
        help_text=_(
            "Postcodes and ranges, separated by commas, for example 1000-2999, 4000. "
            "Empty: everywhere."
        ),
    )
    retention_days_after_last_match = models.PositiveIntegerField(
        _("keep data after the last match (days)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(3650)],
        help_text=_("Empty: the site's default."),
    )
    retention_days_never_matched = models.PositiveIntegerField(
        _("keep data of people never matched (days)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(3650)],
        help_text=_("Days after their last activity. Empty: the site's default."),
    )
    coordinators = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="coordinated_programmes",
        limit_choices_to={"participant__isnull": True},  # staff accounts, not participants
        verbose_name=_("coordinators"),
        help_text=_("The coordinators who work with this programme's participants."),
    )
    active = models.BooleanField(_("active"), default=True)
    # Intake and matching (the intake and matching apps read these).
    requires_host_course = models.BooleanField(
        _("hosts must have attended a host course"),
        default=False,
        help_text=_(
            "A host is matchable only after attending a host course in the events calendar, "
            "unless a coordinator waives it for them."
        ),
    )
    weight_language = models.PositiveSmallIntegerField(
        _("each shared language"), default=3, validators=[MaxValueValidator(20)]
    )
    weight_interest = models.PositiveSmallIntegerField(
        _("each shared interest"), default=2, validators=[MaxValueValidator(20)]
    )
    weight_professional_field = models.PositiveSmallIntegerField(
        _("same professional field"), default=4, validators=[MaxValueValidator(20)]
    )
    weight_availability = models.PositiveSmallIntegerField(
        _("each time both are free"), default=1, validators=[MaxValueValidator(20)]
    )
    weight_area = models.PositiveSmallIntegerField(
        _("same area"), default=2, validators=[MaxValueValidator(20)]
    )
    weight_age = models.PositiveSmallIntegerField(
        _("close in age (within 10 years)"), default=1, validators=[MaxValueValidator(20)]
    )

    objects = ProgrammeQuerySet.as_manager()

    # wagtail-modeltranslation expands the translated fields into their English and Danish ones.
    panels = [
        MultiFieldPanel(
            [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description"), FieldPanel("area")],
            heading=_("The programme"),
        ),
        MultiFieldPanel(
            [FieldPanel("contact_name"), FieldPanel("contact_email"), FieldPanel("contact_phone")],
            heading=_("Contact person"),
        ),
        InlinePanel("tracks", heading=_("Tracks"), label=_("Track"), min_num=1),
        MultiFieldPanel(
            [
                FieldPanel("match_length_months"),
                FieldRowPanel(
                    [FieldPanel("meetings_per_month_min"), FieldPanel("meetings_per_month_max")]
                ),
                FieldRowPanel(
                    [FieldPanel("first_checkin_after_months"), FieldPanel("checkin_every_months")]
                ),
            ],
            heading=_("Rules of a match (new matches only)"),
        ),
        MultiFieldPanel(
            [FieldPanel("max_years_in_denmark"), FieldPanel("postcodes")],
            heading=_("Who can take part"),
        ),
        InlinePanel(
            "success_criteria", heading=_("Success criteria"), label=_("Success criterion")
        ),
        MultiFieldPanel(
            [
                FieldPanel("retention_days_after_last_match"),
                FieldPanel("retention_days_never_matched"),
            ],
            heading=_("How long personal data is kept"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("requires_host_course"),
                FieldRowPanel(
                    [
                        FieldPanel("weight_language"),
                        FieldPanel("weight_interest"),
                        FieldPanel("weight_professional_field"),
                    ]
                ),
                FieldRowPanel(
                    [
                        FieldPanel("weight_availability"),
                        FieldPanel("weight_area"),
                        FieldPanel("weight_age"),
                    ]
                ),
            ],
            heading=_("Matching on common ground"),
            help_text=_("Points each kind of common ground adds to a pair's score."),
        ),
        FieldPanel("coordinators", widget=forms.CheckboxSelectMultiple),
        FieldPanel("active"),
    ]

    class Meta:
        verbose_name = _("programme")
        verbose_name_plural = _("programmes")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def clean(self):
        super().clean()
        low, high = self.meetings_per_month_min, self.meetings_per_month_max
        if low is not None and high is not None and high < low:
            raise ValidationError(
                {
                    "meetings_per_month_max": _(
                        "The most meetings a month cannot be fewer than the least."
                    )
                }
            )
        first, length = self.first_checkin_after_months, self.match_length_months
        if first is not None and length is not None and first >= length:
            raise ValidationError(
                {
                    "first_checkin_after_months": _(
                        "The first check-in must come before the match ends."
                    )
                }
            )

    # --- rules read by the other apps ---------------------------------------------------

    @property
    def coordinator_email(self):
        """Where this programme's coordinator notices go: its contact, else the setting."""
        return self.contact_email or settings.COORDINATOR_EMAIL

    def contact_details(self):
        """The contact person as the contact card shows it, or ``None`` when none is given
        (pages and the portal then show the site's contact person)."""
        if not (self.contact_name or self.contact_email or self.contact_phone):
            return None
        return {"name": self.contact_name, "email": self.contact_email, "phone": self.contact_phone}

    def offered_kinds(self):
        """The host kinds of its tracks (uses a prefetch of ``tracks`` when there is one)."""
        return [track.kind for track in self.tracks.all()]

    def track_name(self, kind):
        """The programme's name for a kind ("Career mentor"), else the kind's general label."""
        for track in self.tracks.all():
            if track.kind == kind:
                return track.name
        return HostKind(kind).label if kind in HostKind.values else kind

    def eligibility_problems(self, *, arrived, postcode, today=None):
        return eligibility.eligibility_problems(
            max_years=self.max_years_in_denmark,
            postcodes=self.postcodes,
            arrived=arrived,
            postcode=postcode,
            today=today,
        )

    def is_eligible(self, *, arrived, postcode, today=None):
        return not self.eligibility_problems(arrived=arrived, postcode=postcode, today=today)

    def match_rules(self):
        """What a new match copies from its programme (see ``Match.save``)."""
        return {
            "meetings_per_month_min": self.meetings_per_month_min,
            "meetings_per_month_max": self.meetings_per_month_max,
            "first_checkin_after_months": self.first_checkin_after_months,
            "checkin_every_months": self.checkin_every_months,
        }


class Track(Orderable):
    """A kind of hosting the programme offers, under its own name in both languages."""

    programme = ParentalKey(Programme, on_delete=models.CASCADE, related_name="tracks")
    kind = models.CharField(_("kind"), max_length=10, choices=HostKind.choices)
    name = models.CharField(_("name"), max_length=100, help_text=_("For example: Career mentor."))

    class Meta(Orderable.Meta):
        verbose_name = _("track")
        verbose_name_plural = _("tracks")
        constraints = [
            models.UniqueConstraint(fields=["programme", "kind"], name="one_track_per_kind")
        ]

    def __str__(self):
        return self.name


class SuccessCriterion(Orderable):
    programme = ParentalKey(Programme, on_delete=models.CASCADE, related_name="success_criteria")
    name = models.CharField(_("name"), max_length=200)
    target_percent = models.PositiveSmallIntegerField(
        _("target (%)"),
        validators=[MinValueValidator(0), MaxValueValidator(100)],
        help_text=_("The share of participants who should reach it, 0 to 100."),
    )

    panels = [FieldRowPanel([FieldPanel("name"), FieldPanel("target_percent")])]

    class Meta(Orderable.Meta):
        verbose_name = _("success criterion")
        verbose_name_plural = _("success criteria")

    def __str__(self):
        return f"{self.name} ({self.target_percent} %)"


class VocabularyEntry(models.Model):
    """An entry of a bilingual list that coordinators keep in the admin, so that applications
    and profiles choose from the same words and matching can compare them."""

    name = models.CharField(_("name"), max_length=100)

    panels = [FieldPanel("name")]

    class Meta:
        abstract = True
        ordering = ["name"]

    def __str__(self):
        return self.name


class Interest(VocabularyEntry):
    class Meta(VocabularyEntry.Meta):
        verbose_name = _("interest")
        verbose_name_plural = _("interests")


class ProfessionalField(VocabularyEntry):
    class Meta(VocabularyEntry.Meta):
        verbose_name = _("professional field")
        verbose_name_plural = _("professional fields")
