"""Public pages and the site-wide settings that communications staff edit in Wagtail.

Every field the public reads is registered for translation in ``home/translation.py``; an
empty Danish field falls back to the English one.
"""

from urllib.parse import urlencode

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import translation
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from pictures.page_forms import PictureCheckingPageForm

from .blocks import BodyBlock, SocialLinkBlock
from .editing import BilingualPageForm, BilingualPageMixin


class PublicPageForm(PictureCheckingPageForm, BilingualPageForm):
    """Every public page's edit form: its picture needs alternative text in both languages
    before it is published, and its empty Danish fields say that they fall back to English."""


class BasePage(BilingualPageMixin, Page):
    """Fields every public page shares: a short introduction and a flexible body. Editors
    preview it in English and in Danish and see which Danish fields are empty (home/editing.py)."""

    intro = models.TextField(
        _("introduction"),
        blank=True,
        help_text=_("One or two sentences shown under the title and in listings."),
    )
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))
    image = models.ForeignKey(
        settings.WAGTAILIMAGES_IMAGE_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("picture"),
        help_text=_(
            "Shown at the top of the page and beside it in listings. It needs its alternative "
            "text in both languages before the page can be published."
        ),
    )

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("image"),
        FieldPanel("body"),
    ]
    base_form_class = PublicPageForm

    def get_view_restrictions(self):
        """Wagtail's, asked of the database only when this page or one above it is private:
        whether any is, is kept with the page frame until the next change (pagecache/; view
        restrictions and pages are among what changes it), so serving a public page costs no
        query for it."""
        from wagtail.models import PageViewRestriction

        from pagecache.generation import kept

        def restricted():
            return super(BasePage, self).get_view_restrictions().exists()

        if self.pk and not kept(f"restricted:{self.pk}", restricted):
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()

    # Each language is indexed separately so that search can stay within the visitor's language.
    search_fields = Page.search_fields + [
        index.SearchField(f"{name}_{language}", boost=boost)
        for language, _name in settings.LANGUAGES
        for name, boost in (("title", 3), ("intro", 2), ("body", 1))
    ]

    class Meta:
        abstract = True


class HomePage(BasePage):
    max_count = 1
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "home.ContentPage",
        "home.GuidePage",
        "home.ActivityIndexPage",
        "home.ProgrammePage",
        "events.EventCalendarPage",
    ]

    class Meta:
        verbose_name = _("home page")

    def programme_pages(self):
        """The programmes presented under the home page, in the page tree's order."""
        return (
            ProgrammePage.objects.child_of(self)
            .live()
            .public()
            .order_by("path")
            .select_related("image")
            .prefetch_related("image__renditions")
        )

    UPCOMING_EVENTS = 3
    # Body blocks shown in the home page's "results" place, under the next events.
    FIGURE_BLOCKS = ("live_figures", "statistics")

    def application_pages(self):
        """``{"newcomer": page, "host": page}``: the first live application form of each kind
        (the intake app's pages, in the page tree's order); a kind without one is missing."""
        from django.apps import apps

        form_page = apps.get_model("intake", "ApplicationFormPage")
        found = {}
        for page in form_page.objects.descendant_of(self).live().public().order_by("path"):
            found.setdefault(page.role, page)
        return found

    def upcoming_dates(self):
        """The next dates of the public events (any programme's), not cancelled."""
        from events.models import EventOccurrence

        return (
            EventOccurrence.objects.live()
            .public()
            .upcoming()
            .filter(cancelled=False, event__path__startswith=self.path)
            .select_related("event")
            .order_by("start", "pk")[: self.UPCOMING_EVENTS]
        )

    def guide(self):
        return GuidePage.objects.child_of(self).live().public().order_by("path").first()

    def calendar(self):
        from events.models import EventCalendarPage

        return EventCalendarPage.objects.child_of(self).live().public().first()

    def get_context(self, request, *args, **kwargs):
        """Lazy: the template keeps the rendered sections on the page cache until the next
        change (home_page.html), and nothing here is fetched while they are kept."""
        context = super().get_context(request, *args, **kwargs)
        guide = SimpleLazyObject(self.guide)
        context.update(
            sections_seconds=settings.PAGE_CACHE_SECONDS,
            programme_pages=SimpleLazyObject(lambda: list(self.programme_pages())),
            application_pages=SimpleLazyObject(self.application_pages),
            upcoming_dates=SimpleLazyObject(lambda: list(self.upcoming_dates())),
            calendar_page=SimpleLazyObject(self.calendar),
            guide=guide,
            guide_steps=SimpleLazyObject(lambda: list(guide.steps()) if guide else []),
            figure_blocks=SimpleLazyObject(
                lambda: [b for b in self.body if b.block_type in self.FIGURE_BLOCKS]
            ),
            other_blocks=SimpleLazyObject(
                lambda: [b for b in self.body if b.block_type not in self.FIGURE_BLOCKS]
            ),
        )
        return context


class ContentPage(BasePage):
    """A general page: becoming a host, joining as a newcomer, FAQ, results and so on."""

    parent_page_types = ["home.HomePage", "home.ContentPage"]
    subpage_types = ["home.ContentPage"]

    class Meta:
        verbose_name = _("content page")


class GuidePage(BasePage):
    """A step-by-step guide; each step is a child ``GuideStepPage`` in its order."""

    parent_page_types = ["home.HomePage"]
    subpage_types = ["home.GuideStepPage"]

    class Meta:
        verbose_name = _("guide")

    def steps(self):
        return GuideStepPage.objects.child_of(self).live().public().order_by("path")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["steps"] = self.steps()
        return context


class GuideStepPage(BasePage):
    parent_page_types = ["home.GuidePage"]
    subpage_types = []

    class Meta:
        verbose_name = _("guide step")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        guide = self.get_parent().specific
        steps = list(guide.steps())
        ids = [step.pk for step in steps]
        position = ids.index(self.pk) if self.pk in ids else 0
        context.update(
            guide=guide,
            steps=steps,
            step_number=position + 1,
            previous_step=steps[position - 1] if position > 0 else None,
            next_step=steps[position + 1] if position + 1 < len(steps) else None,
        )
        return context


class ActivityIndexPage(BasePage):
    """Lists activity ideas a pair can use in their meetings."""

    max_count = 1
    parent_page_types = ["home.HomePage"]
    subpage_types = ["home.ActivityIdeaPage"]

    class Meta:
        verbose_name = _("activity ideas")

    def ideas(self):
        return (
            ActivityIdeaPage.objects.child_of(self)
            .live()
            .public()
            .order_by("path")
            .select_related("image")
            .prefetch_related("image__renditions")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["ideas"] = self.ideas()
        return context


class ActivityIdeaPage(BasePage):
    suits = models.CharField(
        _("who it suits"), max_length=200, help_text=_("For example: culture pairs, families.")
    )
    time_needed = models.CharField(_("time needed"), max_length=100)
    cost = models.CharField(_("cost"), max_length=100)

    parent_page_types = ["home.ActivityIndexPage"]
    subpage_types = []

    content_panels = BasePage.content_panels[:3] + [
        MultiFieldPanel(
            [FieldPanel("suits"), FieldPanel("time_needed"), FieldPanel("cost")],
            heading=_("At a glance"),
        ),
        FieldPanel("body"),
    ]

    class Meta:
        verbose_name = _("activity idea")


class ProgrammePageForm(PublicPageForm):
    """Offers only the programmes that have no page yet (and the page's own programme)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("programme")
        if field is not None:
            field.required = True  # blank only for a copy, which must then be given one
            own = Q(pk=self.instance.programme_id) if self.instance.programme_id else Q()
            field.queryset = field.queryset.filter(Q(programme_page__isnull=True) | own)


class ProgrammePage(BasePage):
    """A programme presented to the public: its own description, tracks, who it is for, its
    contact person and upcoming events. The facts come from the ``Programme`` (edited by
    programme leads); editors add an introduction and a body in both languages. Shared
    guidance (the five-step guide, activity ideas) stays on its own shared pages."""

    UPCOMING_EVENTS = 4

    programme = models.OneToOneField(
        "programmes.Programme",
        # A page outlives the programme it presented (it then shows only its own text), and
        # a copied page starts without one (see exclude_fields_in_copy); the editor's form
        # requires it.
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="programme_page",
        verbose_name=_("programme"),
        help_text=_(
            "Its description, tracks, eligibility and contact person come from the programme. "
            "Each programme has one page."
        ),
        error_messages={"unique": _("This programme already has a page.")},
    )

    parent_page_types = ["home.HomePage"]
    subpage_types = ["intake.ApplicationFormPage"]
    # A copy would present the same programme twice; its editor chooses another one.
    exclude_fields_in_copy = ["programme"]
    base_form_class = ProgrammePageForm

    content_panels = BasePage.content_panels[:1] + [
        FieldPanel("programme"),
        FieldPanel("intro"),
        FieldPanel("image"),
        FieldPanel("body"),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField(f"programme_text_{language}") for language, _name in settings.LANGUAGES
    ]

    class Meta:
        verbose_name = _("programme page")

    @classmethod
    def can_create_at(cls, parent):
        """Only while some programme has no page yet: one page per programme."""
        from programmes.models import Programme

        return (
            super().can_create_at(parent)
            and Programme.objects.filter(programme_page__isnull=True).exists()
        )

    def programme_text(self):
        """The programme's name and description in the active language, for search."""
        if self.programme is None:
            return ""
        return f"{self.programme.name} {self.programme.description}"

    def programme_text_en(self):
        with translation.override("en"):
            return self.programme_text()

    def programme_text_da(self):
        with translation.override("da"):
            return self.programme_text()

    def upcoming_dates(self):
        from events.queries import programme_upcoming_dates

        if self.programme_id is None:
            return []
        return programme_upcoming_dates(self.programme_id, limit=self.UPCOMING_EVENTS)

    def calendar_url(self, request=None):
        """The calendar filtered by this programme (its own events and the shared ones)."""
        from events.models import EventCalendarPage

        calendar = EventCalendarPage.objects.live().public().first()
        if calendar is None:
            return ""
        url = calendar.get_url(request)
        if self.programme is not None:
            url += "?" + urlencode({"programme": self.programme.slug})
        return url

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        programme = self.programme
        context.update(
            programme=programme,
            tracks=list(programme.tracks.all()) if programme else [],
            upcoming_dates=list(self.upcoming_dates()),
            calendar_url=self.calendar_url(request),
            contact=programme.contact_details() if programme else None,
            application_pages=self.application_pages(),
        )
        return context

    def application_pages(self):
        """The live application forms under this page (the intake app's pages)."""
        from django.apps import apps

        form_page = apps.get_model("intake", "ApplicationFormPage")
        return list(form_page.objects.child_of(self).live().public().order_by("path"))


@register_setting(icon="user")
class ContactSettings(BaseSiteSetting):
    """The programme's one contact person, shown in the footer and on the home page."""

    name = models.CharField(_("name"), max_length=120, blank=True)
    role = models.CharField(_("role"), max_length=120, blank=True)
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    email = models.EmailField(_("email"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    address = models.TextField(_("address"), blank=True)
    hours = models.CharField(_("when to reach us"), max_length=200, blank=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("role"),
        FieldPanel("organisation"),
        FieldPanel("email"),
        FieldPanel("phone"),
        FieldPanel("address"),
        FieldPanel("hours"),
    ]

    class Meta:
        verbose_name = _("contact person")


@register_setting(icon="list-ul")
class FooterSettings(BaseSiteSetting):
    about = models.TextField(_("about the programme"), blank=True)
    social_links = StreamField(
        [("link", SocialLinkBlock())], blank=True, verbose_name=_("social links")
    )

    panels = [FieldPanel("about"), FieldPanel("social_links")]

    class Meta:
        verbose_name = _("footer")
