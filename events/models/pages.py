"""The calendar page and the event pages editors publish under it.

Times are entered and shown in Danish time (Europe/Copenhagen) and stored aware (UTC in the
database). A recurring event is one page with an RFC 5545 rule; its dates are generated as
``EventOccurrence`` rows when the page is published (see ``events.occurrences``).
"""

import datetime
from urllib.parse import urlencode
from zoneinfo import ZoneInfo

from dateutil.rrule import rrulestr
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import path

from events import converters  # noqa: F401 (registers <dbid:...> for the routes below)
from home.editing import BilingualRoutablePageMixin
from home.models import BasePage

EVENT_TIME_ZONE = ZoneInfo("Europe/Copenhagen")

# A rule may produce at most this many dates; more is almost certainly a typing mistake.
MAX_OCCURRENCES = 60


class Category(models.TextChoices):
    SOCIAL = "social", _("Social activity")
    WELCOME = "welcome", _("Welcome meeting")
    INFORMATION = "information", _("Information meeting")
    HOST_COURSE = "host_course", _("Host course")
    JOB_SEARCH = "job_search", _("Job-search workshop")
    LANGUAGE = "language", _("Language café")
    FAMILY = "family", _("Family activity")
    OTHER = "other", _("Other")


class Audience(models.TextChoices):
    EVERYONE = "everyone", _("Everyone")
    NEWCOMERS = "newcomers", _("Newcomers")
    HOSTS = "hosts", _("Hosts")


class EventLanguage(models.TextChoices):
    ENGLISH = "en", _("English")
    DANISH = "da", _("Danish")
    BOTH = "en+da", _("English and Danish")


class SignUpMode(models.TextChoices):
    PARTICIPANTS = "participants", _("Programme participants only (portal login)")
    PUBLIC = "public", _("Participants and the public (name and email, confirmed by email)")
    NONE = "none", _("No sign-up: everyone is welcome to just come")


def split_rule(value):
    """The rule as the editor typed it, without an ``RRULE:`` prefix or spaces."""
    value = "".join((value or "").split())
    if value.upper().startswith("RRULE:"):
        value = value[len("RRULE:") :]
    return value


def expand_rule(rule, first_start):
    """Every start of a recurring event, as aware datetimes in Danish time.

    The rule is expanded in local wall-clock time so that a meeting at 17:00 stays at 17:00
    across the switch to and from summer time.
    """
    local_start = timezone.localtime(first_start, EVENT_TIME_ZONE).replace(tzinfo=None)
    rule = split_rule(rule)
    if not rule:
        return [first_start]
    dates = rrulestr(rule, dtstart=local_start, ignoretz=True, cache=False)
    starts = []
    for index, local in enumerate(dates):
        if index >= MAX_OCCURRENCES:
            raise ValidationError(
                ngettext(
                    "The rule gives more than %(max)s date. Add COUNT or UNTIL to end it.",
                    "The rule gives more than %(max)s dates. Add COUNT or UNTIL to end it.",
                    MAX_OCCURRENCES,
                ),
                params={"max": MAX_OCCURRENCES},
            )
        starts.append(local.replace(tzinfo=EVENT_TIME_ZONE))
    return starts


class EventCalendarPage(BilingualRoutablePageMixin, BasePage):
    """The one calendar: upcoming events as a list and as a month grid, and the archive.
    Event pages live under it. The ``.ics`` files are served by ``events.urls`` because
    Wagtail's page URLs always end in a slash."""

    max_count = 1
    parent_page_types = ["home.HomePage"]
    subpage_types = ["events.EventPage"]

    class Meta:
        verbose_name = _("events calendar")

    @path("")
    def upcoming_view(self, request):
        from events import views

        return views.calendar_upcoming(request, self)

    # Each route in the language being read (Danish catalogue: maaned/, arkiv/); the English
    # words keep working under /da/ too, for links already shared.
    @path("month/<int:year>/<int:month>/")  # (decorators apply bottom up: this one is second)
    @path(_("month/<int:year>/<int:month>/"), name="month")
    def month_view(self, request, year, month):
        from events import views

        return views.calendar_month(request, self, year, month)

    @path("archive/")
    @path(_("archive/"), name="archive")
    def archive_view(self, request):
        from events import views

        return views.calendar_archive(request, self)


class EventPage(BilingualRoutablePageMixin, BasePage):
    """One event: a single date, or a recurring series entered once with its rule."""

    start = models.DateTimeField(_("starts"), help_text=_("Danish time."))
    end = models.DateTimeField(_("ends"), help_text=_("Danish time."))
    recurrence = models.CharField(
        _("repeats"),
        max_length=255,
        blank=True,
        help_text=_(
            "Leave empty for a single date. For a series, an iCalendar rule counted from the "
            "start above, for example FREQ=MONTHLY;BYDAY=1TU;COUNT=6 (the first Tuesday of "
            "the month, six times) or FREQ=WEEKLY;UNTIL=20270601. Each date gets its own "
            "sign-ups and can be cancelled on its own."
        ),
    )
    venue_name = models.CharField(_("venue"), max_length=200)
    venue_address = models.CharField(
        _("address"), max_length=300, help_text=_("Street, postcode and town.")
    )
    map_url = models.URLField(
        _("map link"),
        blank=True,
        help_text=_("Optional. Leave empty to link to the address on OpenStreetMap."),
    )
    event_language = models.CharField(
        _("language"), max_length=8, choices=EventLanguage.choices, default=EventLanguage.ENGLISH
    )
    audience = models.CharField(
        _("for"), max_length=12, choices=Audience.choices, default=Audience.EVERYONE
    )
    category = models.CharField(
        _("category"), max_length=20, choices=Category.choices, default=Category.SOCIAL
    )
    programme = models.ForeignKey(
        "programmes.Programme",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="events",
        verbose_name=_("programme"),
        help_text=_("Leave empty for an event shared by all programmes."),
    )
    signup_mode = models.CharField(
        _("sign-up"),
        max_length=12,
        choices=SignUpMode.choices,
        default=SignUpMode.PARTICIPANTS,
    )
    capacity = models.PositiveIntegerField(
        _("places"),
        null=True,
        blank=True,
        help_text=_(
            "Places per date, guests included. Leave empty for no limit. When the places are "
            "taken, new sign-ups go on a waiting list."
        ),
    )
    max_guests = models.PositiveSmallIntegerField(
        _("guests per sign-up"),
        default=0,
        help_text=_("How many guests (for example family) each person may bring. 0: none."),
    )
    signup_closes_days_before = models.PositiveSmallIntegerField(
        _("sign-up closes (days before)"),
        default=1,
        help_text=_("Days before each date's start. 0: sign-up stays open until it starts."),
    )
    reminder_days_before = models.PositiveSmallIntegerField(
        _("reminder (days before)"),
        default=1,
        help_text=_("Everyone with a place gets a reminder email this many days before."),
    )

    parent_page_types = ["events.EventCalendarPage"]
    subpage_types = []

    content_panels = BasePage.content_panels[:3] + [
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("start"), FieldPanel("end")]), FieldPanel("recurrence")],
            heading=_("When"),
        ),
        MultiFieldPanel(
            [FieldPanel("venue_name"), FieldPanel("venue_address"), FieldPanel("map_url")],
            heading=_("Where"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("programme"),
                FieldPanel("category"),
                FieldPanel("audience"),
                FieldPanel("event_language"),
            ],
            heading=_("What and for whom"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("signup_mode"),
                FieldRowPanel([FieldPanel("capacity"), FieldPanel("max_guests")]),
                FieldRowPanel(
                    [FieldPanel("signup_closes_days_before"), FieldPanel("reminder_days_before")]
                ),
            ],
            heading=_("Sign-up"),
        ),
        FieldPanel("body"),
    ]

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")

    def clean(self):
        super().clean()
        errors = {}
        if self.start and self.end and self.end <= self.start:
            errors["end"] = _("The event must end after it starts.")
        self.recurrence = split_rule(self.recurrence)
        if self.recurrence and self.start:
            try:
                starts = expand_rule(self.recurrence, self.start)
            except ValidationError as error:
                errors["recurrence"] = error.messages
            except (ValueError, TypeError) as error:
                errors["recurrence"] = _("This is not a rule we can read: %(error)s") % {
                    "error": error
                }
            else:
                if not starts or starts[0] != self.start:
                    errors["recurrence"] = _(
                        "The start above must be the first date of the series, and the rule "
                        "must give it. For example, for the first Tuesday of each month, "
                        "start on a first Tuesday."
                    )
        if self.signup_mode == SignUpMode.PUBLIC and self.audience != Audience.EVERYONE:
            errors["signup_mode"] = _(
                "Public sign-up is only possible when the event is for everyone."
            )
        if self.capacity is not None and self.capacity < 1 + self.max_guests:
            errors["capacity"] = _("There must be room for at least one person and their guests.")
        if errors:
            raise ValidationError(errors)

    @property
    def duration(self):
        return self.end - self.start

    @property
    def is_recurring(self):
        return bool(self.recurrence)

    @property
    def signup_enabled(self):
        return self.signup_mode != SignUpMode.NONE

    @property
    def public_signup(self):
        return self.signup_mode == SignUpMode.PUBLIC

    @property
    def map_link(self):
        if self.map_url:
            return self.map_url
        return "https://www.openstreetmap.org/search?" + urlencode({"query": self.venue_address})

    def signup_deadline_for(self, start):
        return start - datetime.timedelta(days=self.signup_closes_days_before)

    def occurrence_starts(self):
        """Every start the page describes (one for a single event)."""
        return expand_rule(self.recurrence, self.start)

    @path("")
    def detail_view(self, request):
        from events import views

        return views.event_detail(request, self)

    @path("sign-up/<dbid:occurrence_id>/")
    @path(_("sign-up/<dbid:occurrence_id>/"), name="public_signup")
    def public_signup_view(self, request, occurrence_id):
        from events import views

        return views.public_signup(request, self, occurrence_id)
