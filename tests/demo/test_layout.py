"""The order of what a visitor reads on the demo's home and event pages, and the sidebar.

(How it looks at 390 px and 1280 px is checked in a browser: tests/home/test_layout_browser.py.)
"""

import re

from django.utils import translation

from events.models import EventOccurrence
from home.models import GuidePage, HomePage
from intake.models import ApplicationFormPage


def positions(html, *needles):
    found = [html.find(needle) for needle in needles]
    assert -1 not in found, dict(zip(needles, found, strict=True))
    return found


def test_home_says_what_the_programme_is_then_the_two_ways_in_then_events_figures_and_steps(
    demo, client
):
    home = HomePage.objects.get()
    for code, apply_text, host_text, events_heading in (
        ("en", "Apply as a newcomer", "Become a host", "Next events"),
        ("da", "Søg som nytilkommen", "Bliv vært", "Kommende arrangementer"),
    ):
        with translation.override(code):
            url = home.get_url()
            newcomer_form, host_form = (
                ApplicationFormPage.objects.live().filter(role=role).order_by("path").first().url
                for role in ("newcomer", "host")
            )
            guide = GuidePage.objects.get()
            steps = list(guide.steps())
        html = client.get(url).content.decode()
        html = html[html.index("<main") :]  # not the <head>'s description
        hero = html[html.index('class="home-hero"') : html.index('id="events-heading"')]
        links = re.findall(r'<a class="button[^"]*" href="([^"]+)">([^<]+)</a>', hero)
        assert links == [(newcomer_form, apply_text), (host_form, host_text)]
        title = getattr(home, f"title_{code}")
        intro = getattr(home, f"intro_{code}")
        first_step = getattr(steps[0], f"title_{code}")
        last_step = getattr(steps[-1], f"title_{code}")
        who_for = "Who the programme is for" if code == "en" else "Hvem er programmet for?"
        order = positions(
            html,
            f"<h1>{title}</h1>",
            intro[:40],
            apply_text,
            events_heading,
            'class="statistics"',
            first_step,
            last_step,
            who_for,
        )
        assert order == sorted(order), code
        assert len(steps) == 5
        # The next three dates that are not cancelled, soonest first.
        cards = re.findall(r'<h3 class="event-card__title"><a href="([^"]+)">', html)
        with translation.override(code):
            expected = [
                occurrence.event.url
                for occurrence in EventOccurrence.objects.upcoming()
                .filter(cancelled=False, event__live=True)
                .select_related("event")
                .order_by("start", "pk")[:3]
            ]
        assert cards == expected


def test_home_buttons_lead_to_the_contact_person_without_application_forms(demo, client):
    for page in ApplicationFormPage.objects.all():
        page.unpublish()
    html = client.get("/").content.decode()
    hero = html[html.index('class="home-hero"') : html.index('id="events-heading"')]
    assert re.findall(r'href="([^"]+)">(Apply as a newcomer|Become a host)<', hero) == [
        ("#contact-heading", "Apply as a newcomer"),
        ("#contact-heading", "Become a host"),
    ]
    assert 'id="contact-heading"' in html


def test_event_page_describes_the_event_before_the_sign_up(demo, client):
    occurrence = (
        EventOccurrence.objects.upcoming()
        .filter(event__signup_mode="participants", cancelled=False)
        .select_related("event")
        .order_by("start")
        .first()
    )
    event = occurrence.event
    description = re.sub(r"<[^>]+>", "", event.body_en[0].render())[:30]
    html = client.get(event.url).content.decode()
    description_at, signup_at = positions(html, description, 'id="signup-heading"')
    assert description_at < signup_at


def test_content_page_has_a_sidebar_with_where_to_go_next_and_whom_to_ask(demo, client):
    html = client.get("/become-a-host/").content.decode()
    sidebar = html[html.index('class="sidebar"') :]
    assert "More on this site" in sidebar
    assert '<a href="/calendar/">Events</a>' in sidebar
    assert "Questions? Ask us" in sidebar
    assert "Signe Holm" in sidebar
    # Not a link to the page itself.
    assert 'href="/become-a-host/"' not in sidebar[: sidebar.index("Questions? Ask us")]

    step = client.get("/five-steps-to-a-good-host-programme/communication/").content.decode()
    assert 'class="toc toc--aside"' in step  # the guide keeps its own contents beside the step
