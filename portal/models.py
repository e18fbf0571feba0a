"""Participants, matches, meetings, check-ins, re-match requests and conversation wheels.

Personal data under GDPR: every portal view reaches these through the logged-in participant
(see ``portal/services.py``), never by an id alone.
"""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator, MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

# Upper limits for free text: generous for what each field is for, and short enough to read on
# the coordinators' screens (a 58,000-character note once was).
NOTE_MAX_LENGTH = 2000  # meeting notes, check-in notes, re-match reasons and answers
BIO_MAX_LENGTH = 1000
INTAKE_NOTES_MAX_LENGTH = 4000
END_REASON_MAX_LENGTH = 3000  # may carry a re-match answer (NOTE_MAX_LENGTH) after its prefix
PHONE_MIN_DIGITS, PHONE_MAX_DIGITS, PHONE_MAX_LENGTH = 6, 15, 25
ARRIVAL_AT_MOST_YEARS_AGO = 10
AGE_MIN, AGE_MAX = 16, 100


def text_limit(length):
    """``max_length`` for a TextField is only a form hint; the validator makes the model (and
    so every service that calls ``full_clean``) enforce it too."""
    return {"max_length": length, "validators": [MaxLengthValidator(length)]}


def validate_phone(value):
    """Digits with spaces, +, - and parentheses, 6 to 15 digits (the international maximum)."""
    allowed = set("0123456789 +-()")
    digits = sum(char.isdigit() for char in value)
    if (
        not set(value) <= allowed
        or len(value) > PHONE_MAX_LENGTH
        or not PHONE_MIN_DIGITS <= digits <= PHONE_MAX_DIGITS
    ):
        raise ValidationError(
            _("Enter a phone number of digits, for example +45 12 34 56 78."), code="invalid"
        )


def validate_arrival_date(value):
    """Arrival in Denmark: not in the future, and not absurdly long ago."""
    today = timezone.localdate()
    if value > today:
        raise ValidationError(_("The arrival date cannot be in the future."), code="future")
    if value < today.replace(year=today.year - ARRIVAL_AT_MOST_YEARS_AGO, day=1):
        raise ValidationError(
            ngettext(
                "Enter an arrival date within the last %(years)s year.",
                "Enter an arrival date within the last %(years)s years.",
                ARRIVAL_AT_MOST_YEARS_AGO,
            ),
            code="too_old",
            params={"years": ARRIVAL_AT_MOST_YEARS_AGO},
        )


def validate_birth_year(value):
    year = timezone.localdate().year
    if not year - AGE_MAX <= value <= year - AGE_MIN:
        raise ValidationError(
            _("Enter a year of birth between %(first)s and %(last)s."),
            code="out_of_range",
            params={"first": year - AGE_MAX, "last": year - AGE_MIN},
        )


def add_months(date, months):
    """The same day ``months`` later, clamped to the month's last day (31 Aug + 6 = 28/29 Feb)."""
    month_index = date.month - 1 + months
    year, month = date.year + month_index // 12, month_index % 12 + 1
    for day in (date.day, 30, 29, 28):
        try:
            return datetime.date(year, month, day)
        except ValueError:
            continue
    raise ValueError(date)


class HostKind(models.TextChoices):
    CAREER = "career", _("Career host")
    CULTURE = "culture", _("Culture host")


class Availability(models.TextChoices):
    """When someone is free to meet."""

    WEEKDAY_DAYTIME = "weekday_daytime", _("Weekdays in the daytime")
    EVENINGS = "evenings", _("Evenings")
    WEEKENDS = "weekends", _("Weekends")


def validate_availability(value):
    if not isinstance(value, list) or not set(value) <= set(Availability.values):
        raise ValidationError(_("Choose from the times offered."), code="invalid")


def validate_language_skills(value):
    """A list of ``{"language": ISO 639-1 code, "level": Level}`` without repeats."""
    from programmes.languages import Level, is_known

    if not isinstance(value, list):
        raise ValidationError(_("Choose languages from the list."), code="invalid")
    codes = []
    for skill in value:
        if (
            not isinstance(skill, dict)
            or not is_known(skill.get("language"))
            or skill.get("level") not in Level.values
        ):
            raise ValidationError(_("Choose languages from the list."), code="invalid")
        codes.append(skill["language"])
    if len(codes) != len(set(codes)):
        raise ValidationError(_("Give each language once."), code="repeated")


class Participant(models.Model):
    class Role(models.TextChoices):
        NEWCOMER = "newcomer", _("Newcomer")
        HOST = "host", _("Host")

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="participant",
        verbose_name=_("user account"),
    )
    programme = models.ForeignKey(
        "programmes.Programme",
        on_delete=models.PROTECT,
        related_name="participants",
        verbose_name=_("programme"),
    )
    role = models.CharField(_("role"), max_length=10, choices=Role.choices)
    phone = models.CharField(_("phone"), max_length=40, blank=True, validators=[validate_phone])
    languages = models.CharField(
        _("languages spoken"),
        max_length=200,
        help_text=_("For example: English, Spanish, some Danish"),
    )
    interests = models.CharField(_("interests"), max_length=300, blank=True)
    professional_field = models.CharField(_("professional field"), max_length=200, blank=True)
    area = models.CharField(_("area or municipality"), max_length=120, blank=True)
    # Common ground that matching compares (the free-text fields above stay beside them for
    # what the lists do not hold).
    language_skills = models.JSONField(
        _("languages and levels"),
        default=list,
        blank=True,
        validators=[validate_language_skills],
    )
    chosen_interests = models.ManyToManyField(
        "programmes.Interest",
        blank=True,
        related_name="participants",
        verbose_name=_("interests from the list"),
    )
    chosen_field = models.ForeignKey(
        "programmes.ProfessionalField",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="participants",
        verbose_name=_("professional field from the list"),
    )
    education = models.CharField(_("education"), max_length=200, blank=True)
    postcode = models.CharField(_("postcode"), max_length=10, blank=True)
    availability = models.JSONField(
        _("free to meet"), default=list, blank=True, validators=[validate_availability]
    )
    has_partner = models.BooleanField(_("comes with a partner"), default=False)
    has_children = models.BooleanField(_("comes with children"), default=False)
    receives_news = models.BooleanField(
        _("news and invitations by email"),
        default=True,
        help_text=_(
            "Messages about events and the programme. Messages about your own match always come."
        ),
    )
    birth_year = models.PositiveSmallIntegerField(
        _("year of birth"),
        null=True,
        blank=True,
        validators=[validate_birth_year],
    )
    bio = models.TextField(
        _("short bio"),
        blank=True,
        help_text=_("A few lines about you that your match will see."),
        **text_limit(BIO_MAX_LENGTH),
    )
    # Newcomers
    arrived_in_denmark = models.DateField(
        _("arrived in Denmark"), null=True, blank=True, validators=[validate_arrival_date]
    )
    wanted_host_kind = models.CharField(
        _("host kind wanted"), max_length=10, choices=HostKind.choices, blank=True
    )
    # Hosts
    offers_career_hosting = models.BooleanField(_("offers career hosting"), default=False)
    offers_culture_hosting = models.BooleanField(_("offers culture hosting"), default=False)
    capacity = models.PositiveSmallIntegerField(
        _("newcomers at a time"),
        default=1,
        validators=[MinValueValidator(1), MaxValueValidator(10)],
        help_text=_("How many newcomers this host takes at the same time."),
    )
    workplace = models.CharField(_("workplace"), max_length=150, blank=True)
    lived_abroad = models.BooleanField(_("has lived abroad"), default=False)
    host_course_waived = models.BooleanField(
        _("host course waived"),
        default=False,
        help_text=_("Matchable without having attended a host course."),
    )
    # The waiting list: a newcomer accepted into the programme waits from this moment (their
    # application's date) until a match starts; their place in line is computed from it, never
    # stored. Pausing keeps the place.
    waiting_since = models.DateTimeField(_("waiting since"), null=True, blank=True)
    waiting_paused = models.BooleanField(
        _("waiting paused"),
        default=False,
        help_text=_("Travelling or busy for now: not suggested for a match, keeps the place."),
    )
    # Coordinators only
    intake_notes = models.TextField(
        _("intake notes"), blank=True, **text_limit(INTAKE_NOTES_MAX_LENGTH)
    )
    invited_at = models.DateTimeField(_("invitation sent"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    # Set when the person's data was erased (privacy.erasure): the row stays, anonymised, so
    # matches and meetings still count in reports.
    erased_at = models.DateTimeField(_("erased"), null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("participant")
        verbose_name_plural = _("participants")
        ordering = ["user__first_name", "user__last_name", "user__email"]

    def __str__(self):
        return str(self.user)

    def save(self, *args, **kwargs):
        # A newcomer joins the waiting list when they join the programme, unless they come
        # with their own date (an accepted application keeps the day it was sent).
        if self.pk is None and self.is_newcomer and self.waiting_since is None:
            self.waiting_since = timezone.now()
        super().save(*args, **kwargs)

    @property
    def is_erased(self):
        return self.erased_at is not None

    @property
    def is_newcomer(self):
        return self.role == self.Role.NEWCOMER

    @property
    def is_host(self):
        return self.role == self.Role.HOST

    @property
    def offered_host_kinds(self):
        kinds = []
        if self.offers_career_hosting:
            kinds.append(HostKind.CAREER)
        if self.offers_culture_hosting:
            kinds.append(HostKind.CULTURE)
        return kinds


class MatchQuerySet(models.QuerySet):
    def active(self):
        return self.filter(status=Match.Status.ACTIVE)

    def for_participant(self, participant):
        return self.filter(Q(newcomer=participant) | Q(host=participant))


class Match(models.Model):
    """A newcomer and a host in one programme and kind. Its meetings, check-ins, re-match
    requests and reminders belong to the programme through the match. When it is created it
    copies its programme's rhythm and check-in schedule (and takes its length for the default
    end date), so a programme changed later leaves a running match's numbers alone."""

    class Status(models.TextChoices):
        ACTIVE = "active", _("Active")
        COMPLETED = "completed", _("Completed")
        ENDED_EARLY = "ended_early", _("Ended early")

    newcomer = models.ForeignKey(
        Participant,
        on_delete=models.PROTECT,
        related_name="newcomer_matches",
        limit_choices_to={"role": Participant.Role.NEWCOMER},
        verbose_name=_("newcomer"),
    )
    host = models.ForeignKey(
        Participant,
        on_delete=models.PROTECT,
        related_name="host_matches",
        limit_choices_to={"role": Participant.Role.HOST},
        verbose_name=_("host"),
    )
    programme = models.ForeignKey(
        "programmes.Programme",
        on_delete=models.PROTECT,
        related_name="matches",
        verbose_name=_("programme"),
    )
    kind = models.CharField(_("kind"), max_length=10, choices=HostKind.choices)
    start_date = models.DateField(_("start date"), default=timezone.localdate)
    end_date = models.DateField(
        _("end date"),
        blank=True,
        help_text=_("Leave empty for the programme's match length after the start."),
    )
    # The programme's rules when the match was created (see programmes.Programme.match_rules).
    meetings_per_month_min = models.PositiveSmallIntegerField(
        _("meetings a month, at least"), null=True, editable=False
    )
    meetings_per_month_max = models.PositiveSmallIntegerField(
        _("meetings a month, at most"), null=True, editable=False
    )
    first_checkin_after_months = models.PositiveSmallIntegerField(
        _("first check-in after (months)"), null=True, editable=False
    )
    checkin_every_months = models.PositiveSmallIntegerField(
        _("then a check-in every (months)"), null=True, editable=False
    )
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.ACTIVE
    )
    ended_on = models.DateField(_("ended on"), null=True, blank=True)
    # When the newcomer joined the waiting list before this match (their ``waiting_since``,
    # which ends when the match starts): the outcomes report measures waiting times from it.
    newcomer_waited_since = models.DateTimeField(
        _("newcomer waiting since"), null=True, blank=True, editable=False
    )
    # Set when the daily command ended the match on its end date (portal/endings.py), so the
    # goodbye email goes to exactly those pairs and never to one a coordinator ended by hand.
    ended_on_schedule = models.BooleanField(_("ended on its end date"), default=False)
    end_reason = models.TextField(
        _("reason for ending"), blank=True, **text_limit(END_REASON_MAX_LENGTH)
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    objects = MatchQuerySet.as_manager()

    class Meta:
        verbose_name = _("match")
        verbose_name_plural = _("matches")
        ordering = ["-start_date", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["newcomer", "kind"],
                condition=Q(status="active"),
                name="one_active_match_per_newcomer_and_kind",
            ),
            models.CheckConstraint(
                condition=Q(end_date__gt=models.F("start_date")),
                name="match_ends_after_it_starts",
            ),
        ]

    def __str__(self):
        return f"{self.newcomer} & {self.host} ({self.get_kind_display()})"

    def save(self, *args, **kwargs):
        if self.programme_id is None and self.newcomer_id is not None:
            self.programme_id = self.newcomer.programme_id
        if self.pk is None and self.programme_id is not None:
            self.take_programme_rules()
        if not self.end_date and self.start_date:
            self.end_date = add_months(self.start_date, self.default_length_months())
        creating = self.pk is None
        if creating and self.newcomer_waited_since is None and self.newcomer_id is not None:
            self.newcomer_waited_since = self.newcomer.waiting_since
        super().save(*args, **kwargs)
        if creating:
            # The match starts: the newcomer leaves the waiting list.
            Participant.objects.filter(pk=self.newcomer_id, waiting_since__isnull=False).update(
                waiting_since=None
            )
            self.newcomer.waiting_since = None

    def take_programme_rules(self):
        """Copy the programme's rhythm and check-in schedule where not given."""
        for name, value in self.programme.match_rules().items():
            if getattr(self, name) is None:
                setattr(self, name, value)

    def default_length_months(self):
        return self.programme.match_length_months

    def rule(self, name):
        """One of the rules the match copied from its programme (``Programme.match_rules``),
        or the programme's current value for a match that has no copy."""
        value = getattr(self, name)
        return value if value is not None else getattr(self.programme, name)

    def kind_label(self):
        """The kind as people see it: the programme's name for its track ("Career mentor")."""
        return self.programme.track_name(self.kind)

    @property
    def is_active(self):
        return self.status == self.Status.ACTIVE

    def partner_of(self, participant):
        return self.host if participant.pk == self.newcomer_id else self.newcomer


class Meeting(models.Model):
    """A meeting of a pair; it belongs to the match's programme."""

    class Activity(models.TextChoices):
        COFFEE = "coffee", _("Coffee or a walk")
        COOKING = "cooking", _("Cooking together")
        MUSEUM_OR_CITY = "museum_city", _("Museum or city trip")
        SPORT = "sport", _("Sport or club activity")
        DANISH = "danish", _("Danish practice")
        JOB_SEARCH = "job_search", _("Job-search help")
        CV = "cv", _("CV review")
        WORKPLACE = "workplace", _("Workplace visit")
        OTHER = "other", _("Other")

    match = models.ForeignKey(
        Match, on_delete=models.CASCADE, related_name="meetings", verbose_name=_("match")
    )
    author = models.ForeignKey(
        Participant, on_delete=models.CASCADE, related_name="+", verbose_name=_("logged by")
    )
    date = models.DateField(_("date"))
    duration_minutes = models.PositiveSmallIntegerField(
        _("duration (minutes)"), validators=[MinValueValidator(5), MaxValueValidator(720)]
    )
    activities = models.JSONField(_("what you did"), default=list)
    note = models.TextField(_("note"), blank=True, **text_limit(NOTE_MAX_LENGTH))
    activity_idea = models.ForeignKey(
        "home.ActivityIdeaPage",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("activity idea used"),
    )
    created_at = models.DateTimeField(_("logged"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        ordering = ["-date", "-pk"]
        # A pair's meetings by date: its last meeting (the follow-up screen's quiet pairs, the
        # dashboard) is one index lookup however many meetings there are.
        indexes = [models.Index(fields=["match", "date"], name="meeting_match_date")]

    def __str__(self):
        return f"{self.match} — {self.date}"

    @property
    def programme(self):
        return self.match.programme

    def activity_labels(self):
        labels = dict(self.Activity.choices)
        return [labels.get(code, code) for code in self.activities]


class MatchNote(models.Model):
    """The coordinator's log of a match: calls, meetings with the coordinator, notes.

    For coordinators only: never shown in the portal (see portal/personal_data.py for why it is
    not in the participants' own download either)."""

    class Channel(models.TextChoices):
        PHONE = "phone", _("Phone")
        EMAIL = "email", _("Email")
        MEETING = "meeting", _("Meeting")
        OTHER = "other", _("Other")

    match = models.ForeignKey(
        Match, on_delete=models.CASCADE, related_name="notes", verbose_name=_("match")
    )
    date = models.DateField(_("date"), default=timezone.localdate)
    channel = models.CharField(
        _("channel"), max_length=10, choices=Channel.choices, default=Channel.PHONE
    )
    text = models.TextField(_("note"), **text_limit(NOTE_MAX_LENGTH))
    followed_up = models.BooleanField(
        _("the pair is followed up"),
        default=False,
        help_text=_("The pair leaves the follow-up lists (new pairs to call, quiet pairs)."),
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("written by"),
    )
    created_at = models.DateTimeField(_("written"), auto_now_add=True)

    class Meta:
        verbose_name = _("match note")
        verbose_name_plural = _("match notes")
        ordering = ["-date", "-pk"]
        # Whether a pair was followed up since a day: one index lookup (the follow-up screen).
        indexes = [
            models.Index(fields=["match", "followed_up", "date"], name="matchnote_followed_up")
        ]

    def __str__(self):
        return f"{self.match} — {self.date}"


class CheckIn(models.Model):
    """A participant's check-in on a match; it belongs to the match's programme."""

    match = models.ForeignKey(
        Match, on_delete=models.CASCADE, related_name="check_ins", verbose_name=_("match")
    )
    participant = models.ForeignKey(
        Participant,
        on_delete=models.CASCADE,
        related_name="check_ins",
        verbose_name=_("participant"),
    )
    satisfaction = models.PositiveSmallIntegerField(
        _("satisfaction"),
        validators=[MinValueValidator(1), MaxValueValidator(5)],
        help_text=_("1 = not at all satisfied, 5 = very satisfied"),
    )
    wants_to_continue = models.BooleanField(_("wants to continue"))
    note_for_coordinator = models.TextField(
        _("note for the coordinator"), blank=True, **text_limit(NOTE_MAX_LENGTH)
    )
    created_at = models.DateTimeField(_("answered"), auto_now_add=True)
    followed_up_at = models.DateTimeField(_("followed up"), null=True, blank=True)

    class Meta:
        verbose_name = _("check-in")
        verbose_name_plural = _("check-ins")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.participant} — {self.created_at:%Y-%m-%d}"

    @property
    def programme(self):
        return self.match.programme

    @property
    def needs_attention(self):
        return self.satisfaction <= 2 or not self.wants_to_continue


class RematchRequest(models.Model):
    """A request to end a match for a new one; it belongs to the match's programme, whose
    contact address is told."""

    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        KEPT = "kept", _("Match kept")
        REMATCHED = "rematched", _("Match ended for a re-match")

    match = models.ForeignKey(
        Match, on_delete=models.CASCADE, related_name="rematch_requests", verbose_name=_("match")
    )
    participant = models.ForeignKey(
        Participant,
        on_delete=models.CASCADE,
        related_name="rematch_requests",
        verbose_name=_("asked by"),
    )
    reason = models.TextField(_("reason"), **text_limit(NOTE_MAX_LENGTH))
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.OPEN
    )
    created_at = models.DateTimeField(_("asked"), auto_now_add=True)
    resolved_at = models.DateTimeField(_("resolved"), null=True, blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("resolved by"),
    )
    resolution_note = models.TextField(
        _("note to the participant"), blank=True, **text_limit(NOTE_MAX_LENGTH)
    )

    class Meta:
        verbose_name = _("re-match request")
        verbose_name_plural = _("re-match requests")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["match", "participant"],
                condition=Q(status="open"),
                name="one_open_rematch_request_per_participant_and_match",
            )
        ]

    def __str__(self):
        return f"{self.participant} — {self.match}"

    @property
    def programme(self):
        return self.match.programme


class LifeArea(models.TextChoices):
    FAMILY = "family", _("Family")
    WORK = "work", _("Work or studies")
    FRIENDS = "friends", _("Friends")
    LEISURE = "leisure", _("Leisure and hobbies")
    LANGUAGE = "language", _("Language")
    HOME = "home", _("Home and neighbourhood")
    HEALTH = "health", _("Health and well-being")
    VALUES = "values", _("Values and beliefs")


class WheelEntry(models.Model):
    """One life area of a participant's conversation wheel: how much it matters right now."""

    participant = models.ForeignKey(
        Participant,
        on_delete=models.CASCADE,
        related_name="wheel_entries",
        verbose_name=_("participant"),
    )
    area = models.CharField(_("life area"), max_length=12, choices=LifeArea.choices)
    importance = models.PositiveSmallIntegerField(
        _("how much it matters now"),
        validators=[MinValueValidator(0), MaxValueValidator(5)],
        help_text=_("0 = not at all, 5 = very much"),
    )
    note = models.CharField(_("note"), max_length=300, blank=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("conversation wheel entry")
        verbose_name_plural = _("conversation wheel entries")
        ordering = ["participant", "area"]
        constraints = [
            models.UniqueConstraint(fields=["participant", "area"], name="one_wheel_entry_per_area")
        ]

    def __str__(self):
        return f"{self.participant}: {self.get_area_display()} {self.importance}"
