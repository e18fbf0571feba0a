"""Shared portal fixtures: two comparable pairs, so every test can check that one pair never
sees the other's data."""

import datetime

import pytest
from django.utils import timezone

from portal.invitations import mark_email_verified
from portal.models import CheckIn, HostKind
from tests.factories import HostFactory, MatchFactory, MeetingFactory, NewcomerFactory


def verify_email(user):
    """allauth requires a verified address before password login (ACCOUNT_EMAIL_VERIFICATION);
    verified the way a coordinator's registration does it."""
    mark_email_verified(user)
    return user


def answered_on(check_in, day):
    """Pretend a check-in was answered on ``day`` (created_at is set automatically)."""
    moment = timezone.make_aware(datetime.datetime.combine(day, datetime.time(12)))
    CheckIn.objects.filter(pk=check_in.pk).update(created_at=moment)


def make_pair(first_names=("Amira", "Henrik"), kind=HostKind.CULTURE, days_ago=40):
    newcomer = NewcomerFactory(
        user__first_name=first_names[0],
        user__last_name="Newcomer",
        phone="+45 11 22 33 44",
        bio=f"{first_names[0]} moved to Aarhus last year.",
    )
    host = HostFactory(
        user__first_name=first_names[1],
        user__last_name="Host",
        phone="+45 55 66 77 88",
        bio=f"{first_names[1]} likes long walks and rye bread.",
    )
    match = MatchFactory(
        newcomer=newcomer,
        host=host,
        kind=kind,
        start_date=timezone.localdate() - datetime.timedelta(days=days_ago),
    )
    return match


@pytest.fixture
def pair(db):
    """An active culture match, 40 days old, with one meeting logged by the newcomer."""
    match = make_pair()
    MeetingFactory(match=match, author=match.newcomer, note="Coffee at the harbour")
    return match


@pytest.fixture
def other_pair(db):
    """A comparable second pair with its own meeting: never visible to the first."""
    match = make_pair(("Bilal", "Karen"))
    MeetingFactory(match=match, author=match.newcomer, note="Visited the city library")
    return match


@pytest.fixture
def newcomer_client(client, pair):
    client.force_login(pair.newcomer.user)
    return client


@pytest.fixture
def host_client(client, pair):
    client.force_login(pair.host.user)
    return client


def _publish(parent, page):
    parent.add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


@pytest.fixture
def activity_ideas(home_page):
    """Two live activity ideas (English and Danish titles) and one draft that must not show."""
    from home.models import ActivityIdeaPage, ActivityIndexPage

    index = _publish(
        home_page,
        ActivityIndexPage(
            title_en="Activity ideas",
            title_da="Idéer til aktiviteter",
            slug_en="activities",
            slug_da="aktiviteter",
        ),
    )
    ideas = []
    for english, danish, slug in [
        ("Cooking together", "Lav mad sammen", "cooking"),
        ("Conversation wheel", "Samtalehjulet", "wheel"),
    ]:
        ideas.append(
            _publish(
                index,
                ActivityIdeaPage(
                    title_en=english,
                    title_da=danish,
                    slug_en=slug,
                    slug_da=slug,
                    suits="Every pair",
                    time_needed="Two hours",
                    cost="Free",
                ),
            )
        )
    draft = ActivityIdeaPage(
        title_en="Secret draft idea",
        slug_en="draft",
        slug_da="draft",
        suits="-",
        time_needed="-",
        cost="-",
        live=False,
    )
    index.add_child(instance=draft)
    return ideas


@pytest.fixture
def on_commit(django_capture_on_commit_callbacks):
    """``with on_commit():`` runs what was deferred with ``transaction.on_commit`` (the portal's
    emails) when the block ends, as a real commit would: the test's own transaction never
    commits, and a change rolled back inside the block sends nothing."""
    return lambda: django_capture_on_commit_callbacks(execute=True)
