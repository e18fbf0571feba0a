"""Loading profiles from the database: who waits, who has a free place, the host course,
earlier re-matches; a constant number of queries."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from events import services as event_services
from events.models import SignUp
from matching import candidates
from matching.proposals import propose
from portal.models import Match, RematchRequest
from programmes.defaults import first_programme
from tests.factories import MatchFactory, RematchRequestFactory

from .conftest import host, waiting

pytestmark = pytest.mark.django_db


def test_profiles_carry_what_scoring_needs(vocabulary):
    newcomer = waiting(
        "Sofia",
        days=45,
        chosen_field=vocabulary["engineering"],
        availability=["weekends"],
        area="Frederiksberg",
        birth_year=1990,
    )
    newcomer.chosen_interests.set([vocabulary["sailing"]])
    found = candidates.load(first_programme(), "culture")
    [profile] = found.newcomers
    assert profile.id == newcomer.pk
    assert profile.tracks == frozenset({"culture"})
    assert profile.languages == {"es": "native"}
    assert profile.interests == frozenset({vocabulary["sailing"].pk})
    assert profile.field == vocabulary["engineering"].pk
    assert profile.availability == frozenset({"weekends"})
    assert (profile.area, profile.birth_year, profile.waiting_days) == ("Frederiksberg", 1990, 45)
    assert found.names("da") == {
        "interest": {vocabulary["sailing"].pk: "Sejlads"},
        "field": {vocabulary["engineering"].pk: "Ingeniørarbejde"},
    }


def test_who_is_waiting_for_a_proposal():
    kept = waiting("Kept")
    waiting("Paused", waiting_paused=True)
    waiting("Other track", kind="career")
    proposed = waiting("Proposed")
    propose(newcomer=proposed, host=host("Henrik"), kind="culture")
    matched = MatchFactory(newcomer=waiting("Matched")).newcomer  # the match ends the wait
    found = candidates.load(first_programme(), "culture")
    assert [p.id for p in found.newcomers] == [kept.pk]
    assert matched.pk not in [p.id for p in found.newcomers]


def test_free_places_count_active_matches_and_pending_proposals():
    busy = host("Busy", capacity=3)
    MatchFactory(host=busy)
    MatchFactory(host=busy, status=Match.Status.COMPLETED)
    propose(newcomer=waiting("Pending"), host=busy, kind="culture")
    found = candidates.load(first_programme(), "culture")
    assert {p.id: p.free_places for p in found.hosts}[busy.pk] == 1


def test_host_course_attended_or_waived_where_the_programme_requires_it(make_event):
    programme = first_programme()
    programme.requires_host_course = True
    programme.save()
    attended = host("Attended")
    host("Signed up only")
    host("Waived", host_course_waived=True)
    course = make_event(category="host_course").occurrences.get()
    event_services.sign_up(course, attended.user, notify=False)
    SignUp.objects.filter(user=attended.user).update(attended=True)
    social = make_event().occurrences.get()
    signed = host("Social only")
    event_services.sign_up(social, signed.user, notify=False)
    SignUp.objects.filter(user=signed.user).update(attended=True)
    found = candidates.load(programme, "culture")
    ok = {found.people[p.id].user.first_name: p.host_course_ok for p in found.hosts}
    assert ok == {"Attended": True, "Signed up only": False, "Waived": True, "Social only": False}
    programme.requires_host_course = False
    programme.save()
    assert all(p.host_course_ok for p in candidates.load(programme, "culture").hosts)


def test_pairs_ended_after_a_rematch_request_are_remembered():
    match = MatchFactory()
    RematchRequestFactory(match=match, status=RematchRequest.Status.REMATCHED)
    RematchRequestFactory(match=MatchFactory(), status=RematchRequest.Status.KEPT)
    assert candidates.rematched_pairs(first_programme()) == {(match.newcomer_id, match.host_id)}


def count_queries(function):
    with CaptureQueriesContext(connection) as context:
        function()
    return len(context.captured_queries)


def test_loading_costs_the_same_for_few_and_many(vocabulary):
    def people(number):
        for i in range(number):
            n = waiting(f"N{i}")
            n.chosen_interests.set([vocabulary["sailing"]])
            h = host(f"H{i}", capacity=2)
            h.chosen_interests.set([vocabulary["cooking"]])
            MatchFactory(host=h)

    people(1)
    few = count_queries(lambda: candidates.load(first_programme(), "culture"))
    people(12)
    many = count_queries(lambda: candidates.load(first_programme(), "culture"))
    assert few == many
    found = candidates.load(first_programme(), "culture")
    assert (len(found.newcomers), len(found.hosts)) == (13, 13)
