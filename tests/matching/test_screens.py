"""The coordinator's suggestion screens: the best hosts for one newcomer with a propose
button, and the whole waiting list's suggested pairs to drop, swap and confirm. In English
and Danish, scoped to the coordinator's programmes, constant in queries."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import ModelLogEntry

from matching.models import MatchProposal
from matching.proposals import propose
from programmes.defaults import first_programme
from programmes.factories import make_coordinator
from tests.factories import MatchFactory, ProgrammeFactory, UserFactory

from .conftest import admin_language, host, waiting

pytestmark = pytest.mark.django_db


def newcomer_url(participant):
    return reverse("host_suggest_hosts:newcomer", args=[participant.pk])


def whole_url(programme=None, kind="culture"):
    programme = programme or first_programme()
    return reverse("host_suggestions:programme", args=[programme.pk]) + f"?kind={kind}"


@pytest.fixture
def people(vocabulary):
    sofia = waiting(
        "Sofia", days=60, chosen_field=vocabulary["engineering"], availability=["weekends"]
    )
    sofia.chosen_interests.set([vocabulary["sailing"]])
    henrik = host(
        "Henrik",
        chosen_field=vocabulary["engineering"],
        availability=["weekends", "evenings"],
        area="Frederiksberg",
    )
    henrik.chosen_interests.set([vocabulary["sailing"], vocabulary["cooking"]])
    mette = host("Mette", area="Valby")
    host("Nobody speaks", language_skills=[{"language": "da", "level": "native"}])
    return {"sofia": sofia, "henrik": henrik, "mette": mette}


def text(response):
    return response.content.decode()


def test_the_best_hosts_for_a_newcomer_with_reasons_in_english(coordinator_client, people):
    response = coordinator_client.get(newcomer_url(people["sofia"]))
    assert response.status_code == 200
    page = text(response)
    assert "both speak Spanish; both like sailing; same professional field: engineering; " in page
    assert "both free at weekends" in page
    assert page.index("Henrik") < page.index("Mette")
    assert "Nobody speaks" not in page  # no shared language: never offered
    assert page.count("Propose ") >= 2


def test_the_reasons_in_danish_for_a_danish_admin(coordinator_client, coordinator, people):
    admin_language(coordinator, "da")
    page = text(coordinator_client.get(newcomer_url(people["sofia"])))
    assert "begge taler spansk; begge kan lide sejlads; samme faglige område: ingeniørarbejde" in (
        page
    )
    assert "Foreslå værter" in page


def test_the_propose_button_makes_a_logged_proposal(coordinator_client, coordinator, people):
    sofia, henrik = people["sofia"], people["henrik"]
    response = coordinator_client.post(newcomer_url(sofia), {"host": henrik.pk}, follow=True)
    proposal = MatchProposal.objects.get()
    assert (proposal.newcomer, proposal.host, proposal.kind) == (sofia, henrik, "culture")
    assert proposal.score == 3 + 2 + 4 + 1
    assert [reason["code"] for reason in proposal.reasons] == [
        "language",
        "interest",
        "field",
        "availability",
    ]
    assert proposal.created_by == coordinator
    entry = ModelLogEntry.objects.get(action="matching.propose")
    assert (entry.object_id, entry.user) == (str(proposal.pk), coordinator)
    page = text(response)
    assert "has been proposed to a host" in page
    assert "already has a match proposal waiting for answers" in page
    # Sofia stays on the waiting list until a match starts.
    sofia.refresh_from_db()
    assert sofia.waiting_since is not None


def test_proposing_a_host_who_breaks_a_hard_rule_is_refused_with_a_message(
    coordinator_client, people
):
    silent = host("Silent", language_skills=[{"language": "fi", "level": "native"}])
    response = coordinator_client.post(newcomer_url(people["sofia"]), {"host": silent.pk})
    assert response.status_code == 200
    assert "They share no language." in text(response)
    response = coordinator_client.post(newcomer_url(people["sofia"]), {"host": "not a number"})
    assert "Choose a host from the list." in text(response)
    assert not MatchProposal.objects.exists()


def test_another_programmes_newcomer_and_a_host_are_not_found(client, people):
    other = ProgrammeFactory()
    client.force_login(make_coordinator(UserFactory(), other))
    assert client.get(newcomer_url(people["sofia"])).status_code == 404
    assert client.post(newcomer_url(people["sofia"]), {"host": 1}).status_code == 404
    assert client.get(whole_url()).status_code == 404
    assert client.post(whole_url(), {"keep": [people["sofia"].pk]}).status_code == 404
    own = make_coordinator(UserFactory())
    client.force_login(own)
    assert client.get(newcomer_url(people["henrik"])).status_code == 404  # a host
    assert client.get(whole_url(kind="nonsense")).status_code == 404
    assert not MatchProposal.objects.exists()


def test_the_whole_list_shows_the_best_pairs(coordinator_client, people):
    waiting("Omar", days=10, language_skills=[{"language": "en", "level": "fluent"}])
    page = text(coordinator_client.get(whole_url()))
    assert "Suggest matches for the whole waiting list" in page
    assert "1 pair suggested, total score 10." in page
    assert "both speak Spanish; both like sailing" in page
    # Omar speaks only English, which no host here speaks: left waiting, with his wait.
    assert "Left waiting (1)" in page
    assert "Omar" in page.split("Left waiting")[1]


def test_confirming_the_kept_pairs_with_a_swap_makes_proposals(coordinator_client, people):
    sofia, henrik, mette = people["sofia"], people["henrik"], people["mette"]
    ana = waiting("Ana", days=20)
    luis = waiting("Luis", days=5)
    response = coordinator_client.post(
        whole_url(),
        {
            "kind": "culture",
            "keep": [sofia.pk, ana.pk],  # Luis is dropped
            f"host-{sofia.pk}": mette.pk,  # swapped from Henrik
            f"host-{ana.pk}": henrik.pk,
            f"host-{luis.pk}": henrik.pk,
        },
        follow=True,
    )
    assert "2 match proposals have been made." in text(response)
    made = {(p.newcomer.pk, p.host.pk) for p in MatchProposal.objects.all()}
    assert made == {(sofia.pk, mette.pk), (ana.pk, henrik.pk)}
    assert ModelLogEntry.objects.filter(action="matching.propose").count() == 2


def test_a_pair_no_longer_possible_stops_the_confirmation_and_keeps_the_choices(
    coordinator_client, people
):
    sofia, henrik, mette = people["sofia"], people["henrik"], people["mette"]
    ana = waiting("Ana", days=20)
    # Meanwhile, someone else matched Ana, and Mette's one place was proposed elsewhere.
    MatchFactory(newcomer=ana, host=host("Other"))
    propose(newcomer=waiting("Zoe", days=1), host=mette, kind="culture")
    response = coordinator_client.post(
        whole_url(),
        {
            "kind": "culture",
            "keep": [sofia.pk, ana.pk],
            f"host-{sofia.pk}": mette.pk,
            f"host-{ana.pk}": henrik.pk,
        },
    )
    assert response.status_code == 200
    page = text(response)
    assert "Ana" in page and "is no longer waiting for a proposal in this track." in page
    assert "The host has no free place." in page
    assert MatchProposal.objects.count() == 1  # only Zoe's, from before
    # Sofia's row is still ticked; Ana (matched meanwhile) is no longer suggested.
    assert f'value="{sofia.pk}" id="keep-{sofia.pk}" checked' in page
    assert f'id="keep-{ana.pk}"' not in page
    assert ModelLogEntry.objects.filter(action="matching.propose").count() == 1  # Zoe's


def test_two_kept_pairs_cannot_take_one_place(coordinator_client, people):
    sofia, henrik = people["sofia"], people["henrik"]
    ana = waiting("Ana", days=20)
    response = coordinator_client.post(
        whole_url(),
        {
            "kind": "culture",
            "keep": [sofia.pk, ana.pk],
            f"host-{sofia.pk}": henrik.pk,
            f"host-{ana.pk}": henrik.pk,
        },
    )
    assert "The host has no free place." in text(response)
    assert not MatchProposal.objects.exists()


def test_bad_input_on_confirm_gives_a_message_and_keeps_the_choices(coordinator_client, people):
    sofia, ana = people["sofia"], waiting("Ana", days=20)
    response = coordinator_client.post(
        whole_url(),
        {"kind": "culture", "keep": [sofia.pk, "x"], f"host-{sofia.pk}": people["mette"].pk},
    )
    assert response.status_code == 200
    page = text(response)
    assert "Choose a host from the list for each kept pair." in page
    assert f'value="{sofia.pk}" id="keep-{sofia.pk}" checked' in page
    assert f'<option value="{people["mette"].pk}" selected>' in page
    assert f'value="{ana.pk}" id="keep-{ana.pk}" >' in page  # not ticked in what was sent
    response = coordinator_client.post(whole_url(), {"kind": "culture"})
    assert "Choose at least one pair to propose." in text(response)
    assert not MatchProposal.objects.exists()


def test_the_whole_list_in_danish(coordinator_client, coordinator, people):
    admin_language(coordinator, "da")
    page = text(coordinator_client.get(whole_url()))
    assert "Foreslå match for hele ventelisten" in page
    assert "begge taler spansk" in page


def test_the_participants_listing_links_a_waiting_newcomer_to_suggest_hosts(
    coordinator_client, people
):
    page = text(coordinator_client.get(reverse("host_participants:index")))
    assert newcomer_url(people["sofia"]) in page
    assert newcomer_url(people["henrik"]) not in page
    # The names link to the participants (the row's buttons sit with them).
    assert reverse("host_participants:edit", args=[people["sofia"].pk]) in page


def count(client, url):
    client.get(url)
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200
    return len(context.captured_queries)


def test_the_screens_cost_the_same_for_few_and_many(coordinator_client, people, vocabulary):
    def more(number):
        for i in range(number):
            n = waiting(f"Waiting{i}", days=i)
            n.chosen_interests.set([vocabulary["cooking"]])
            h = host(f"Host{i}", capacity=2, chosen_field=vocabulary["engineering"])
            h.chosen_interests.set([vocabulary["sailing"], vocabulary["cooking"]])
            MatchFactory(host=h)

    urls = [newcomer_url(people["sofia"]), whole_url(), reverse("host_suggestions:index")]
    few = [count(coordinator_client, url) for url in urls]
    more(15)
    many = [count(coordinator_client, url) for url in urls]
    assert many == few


def test_hosts_left_out_by_the_rules_for_the_programme(coordinator_client, people, make_event):
    """A host from an earlier match that ended after a re-match request, and (where the
    programme requires it) a host without the host course, are not offered."""
    from portal.models import Match, RematchRequest
    from tests.factories import RematchRequestFactory

    sofia, henrik = people["sofia"], people["henrik"]
    earlier = MatchFactory(newcomer=sofia, host=henrik, status=Match.Status.ENDED_EARLY)
    RematchRequestFactory(match=earlier, status=RematchRequest.Status.REMATCHED)
    sofia.waiting_since = earlier.newcomer_waited_since
    sofia.save()
    page = text(coordinator_client.get(newcomer_url(sofia)))
    assert "Henrik" not in page and "Mette" in page

    programme = first_programme()
    programme.requires_host_course = True
    programme.save()
    page = text(coordinator_client.get(newcomer_url(sofia)))
    assert "Mette" not in page
    assert "No host fits without breaking a hard rule" in page
