"""Every coordinator screen, found from the admin's URL patterns (so a new screen is covered
without editing this file): editors are refused each one, by GET and by POST, and a programme
lead gets exactly what a coordinator gets."""

import re

import pytest
from django.contrib.auth.models import Group
from django.urls import URLResolver, get_resolver, reverse

from events import services
from events.models import SignUp
from intake.factories import ApplicationFactory
from matching.proposals import propose
from portal.models import Match, RematchRequest
from programmes.factories import make_coordinator
from tests.factories import (
    CheckInFactory,
    MatchFactory,
    MeetingFactory,
    NewcomerFactory,
    RematchRequestFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

# The URL namespaces of the coordinators' admin (portal, event sign-ups, privacy per person)
# and the names of their screens outside a namespace.
COORDINATOR_NAMESPACE = re.compile(r"^(host_\w+|intake_\w+|event_dates|privacy_audit)$")
COORDINATOR_NAMES = {"privacy_register"}


def walk(patterns, namespaces=()):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            inner = namespaces + ((pattern.namespace,) if pattern.namespace else ())
            yield from walk(pattern.url_patterns, inner)
        elif pattern.name:
            yield namespaces, pattern


def coordinator_screens():
    """(namespace or "", URL name, keyword names) of every coordinator screen."""
    screens = set()
    for namespaces, pattern in walk(get_resolver().url_patterns):
        namespace = namespaces[-1] if namespaces else ""
        if COORDINATOR_NAMESPACE.match(namespace) or (
            not namespace and pattern.name in COORDINATOR_NAMES
        ):
            screens.add((namespace, pattern.name, tuple(sorted(pattern.pattern.converters))))
    return sorted(screens)


@pytest.fixture
def objects(make_event):
    match = MatchFactory(newcomer__user__first_name="Omar", host__user__first_name="Mette")
    # An event of the match's programme (a date shared by all is cancelled by leads only).
    date = make_event(title_en="Cooking evening", programme=match.programme).occurrences.get()
    waiting = NewcomerFactory()
    services.sign_up(date, waiting.user, notify=False)
    return {
        "host_waiting": waiting,
        "host_proposals": propose(newcomer=waiting, host=match.host, kind="culture"),
        "host_participants": match.newcomer,
        "host_matches": match,
        "host_meetings": MeetingFactory(match=match),
        "host_checkins": CheckInFactory(match=match),
        "host_rematch_requests": RematchRequestFactory(match=match),
        "event_dates": date,
        "privacy_audit": match.newcomer,
        "host_suggestions": match.programme,
        "host_suggest_hosts": match.newcomer,
        "intake_applications": ApplicationFactory(first_name="Aisha"),
    }


def urls(objects):
    found = []
    for namespace, name, converters in coordinator_screens():
        kwargs = {}
        if converters:
            assert converters == ("pk",), f"{namespace}:{name} takes {converters}: add it here"
            assert namespace in objects, f"{namespace}:{name}: add an object for it here"
            kwargs = {"pk": objects[namespace].pk}
        found.append(reverse(f"{namespace}:{name}" if namespace else name, kwargs=kwargs))
    return found


def member_of(group_name):
    user = UserFactory()
    user.groups.add(Group.objects.get(name=group_name))
    return user


def refused(response):
    return response.status_code == 403 or (
        response.status_code == 302 and response["Location"] == "/admin/"
    )


def test_the_crawl_finds_the_coordinator_screens(objects):
    found = urls(objects)
    assert len(found) >= 40
    assert "/admin/host-programme/follow-up/" in found
    assert f"/admin/event-dates/{objects['event_dates'].pk}/export/" in found
    assert "/admin/personal-data/" in found


def test_editors_are_refused_every_coordinator_screen(client, objects, mailoutbox):
    client.force_login(member_of("Editors"))
    assert client.get("/admin/").status_code == 200  # editors do use the admin

    for url in urls(objects):
        assert refused(client.get(url)), url
        assert refused(client.post(url, {"status": "completed", "decision": "end"})), url

    assert Match.objects.get().is_active
    assert RematchRequest.objects.get().status == RematchRequest.Status.OPEN
    assert SignUp.objects.count() == 1
    assert mailoutbox == []
    assert objects["host_proposals"].__class__.objects.get().is_pending
    objects["host_waiting"].refresh_from_db()
    assert not objects["host_waiting"].waiting_paused


def test_a_programme_lead_gets_every_screen_a_coordinator_gets(client, objects):
    """GET only: the answers are compared, nothing is changed."""
    answers = {}
    for group_name in ("Coordinators", "Programme leads"):
        # The objects are in the first programme; the coordinator is given it.
        user = member_of(group_name)
        if group_name == "Coordinators":
            make_coordinator(user)
        client.force_login(user)
        answers[group_name] = {url: client.get(url).status_code for url in urls(objects)}
    assert answers["Programme leads"] == answers["Coordinators"]
    assert set(answers["Coordinators"].values()) <= {200, 405}
