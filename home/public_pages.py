"""One example of each kind of public page, as paths in the active language.

The screenshots command, the Lighthouse run and the no-sideways-scrolling browser test all
look at the same pages; this is where they are found (the demo's, or a test's own).
"""

from django.urls import reverse
from django.utils import timezone
from wagtail.models import Site


def sample_pages():
    """``{kind: path}`` for home, guide, guide step, calendar, month view, archive, an event
    page (one with a date still to come, if any), the activity index and an idea, search and
    log in. A kind the site has no page of is left out. Call it inside
    ``translation.override`` for another language's paths."""
    from events.models import EventCalendarPage, EventOccurrence

    from .models import ActivityIdeaPage, ActivityIndexPage, GuidePage, GuideStepPage

    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        return {}
    root = site.root_page.specific

    def first(model):
        return model.objects.live().public().descendant_of(root).order_by("path").first()

    pages = {"home": root.get_url()}
    for key, model in (
        ("guide", GuidePage),
        ("guide_step", GuideStepPage),
        ("calendar", EventCalendarPage),
        ("activities", ActivityIndexPage),
        ("activity", ActivityIdeaPage),
    ):
        page = first(model)
        if page is not None:
            pages[key] = page.get_url()
    calendar = first(EventCalendarPage)
    if calendar is not None:
        today = timezone.localdate()
        base = pages["calendar"]
        pages["month"] = base + calendar.reverse_subpage("month", args=(today.year, today.month))
        pages["archive"] = base + calendar.reverse_subpage("archive")
        occurrence = (
            EventOccurrence.objects.live()
            .public()
            .upcoming()
            .filter(cancelled=False, event__path__startswith=calendar.path)
            .select_related("event")
            .order_by("start", "pk")
            .first()
        )
        if occurrence is not None:
            pages["event"] = occurrence.event.get_url()
    pages["search"] = reverse("search") + "?q=host"
    pages["login"] = reverse("account_login")
    return pages
