"""Who can be matched in a programme and track, loaded from the database as plain profiles for
``matching.scoring`` and ``matching.assignment``, in a constant number of queries whatever
the number of people:

1. the waiting newcomers (with user, field) — 2. their interests (prefetch);
3. the hosts offering the track, each annotated with their active matches, pending proposals
   and host-course attendance — 4. their interests (prefetch);
5. the pairs whose earlier match ended after a re-match request.

A newcomer is a candidate while waiting (``waiting_since``), not paused, wanting this track and
without a pending proposal for it. A host's free places are their capacity less their active
matches and pending proposals (a proposal holds the place until it is answered). Where the
programme requires a host course, a host counts as ready after attending one (an attended
sign-up for an event of category "host course") or when a coordinator waived it.
"""

from dataclasses import dataclass, field

from django.db.models import Count, Exists, IntegerField, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils import timezone

from events.models import SignUp
from events.models.pages import Category
from portal.models import HostKind, Match, Participant, RematchRequest

from . import scoring
from .models import MatchProposal


def _count(queryset, field_name):
    """A subquery counting ``queryset``'s rows per ``field_name`` (= the outer participant)."""
    counted = (
        queryset.filter(**{field_name: OuterRef("pk")})
        .order_by()
        .values(field_name)
        .annotate(count=Count("pk"))
        .values("count")
    )
    return Coalesce(Subquery(counted, output_field=IntegerField()), Value(0))


def _people(programme):
    return (
        Participant.objects.filter(
            programme=programme, erased_at__isnull=True, user__is_active=True
        )
        .select_related("user", "chosen_field")
        .prefetch_related("chosen_interests")
    )


def waiting_newcomers(programme, kind):
    """The newcomers of ``programme`` who may be proposed in ``kind``, longest wait first."""
    pending = MatchProposal.objects.pending().filter(newcomer=OuterRef("pk"), kind=kind)
    return (
        _people(programme)
        .filter(
            role=Participant.Role.NEWCOMER,
            waiting_since__isnull=False,
            waiting_paused=False,
            wanted_host_kind=kind,
        )
        .exclude(Exists(pending))
        .order_by("waiting_since", "pk")
    )


def hosts(programme, kind):
    """The hosts of ``programme`` who offer ``kind``, with ``taken_places`` (active matches
    plus pending proposals) and ``attended_host_course`` annotated."""
    offers = {HostKind.CAREER: "offers_career_hosting", HostKind.CULTURE: "offers_culture_hosting"}
    course = SignUp.objects.filter(
        user=OuterRef("user"),
        attended=True,
        occurrence__event__category=Category.HOST_COURSE,
    )
    return (
        _people(programme)
        .filter(role=Participant.Role.HOST, **{offers[kind]: True})
        .annotate(
            active_matches=_count(Match.objects.active(), "host"),
            pending_proposals=_count(MatchProposal.objects.pending(), "host"),
            attended_host_course=Exists(course),
        )
        .order_by("user__first_name", "user__last_name", "pk")
    )


def rematched_pairs(programme):
    """``{(newcomer id, host id)}`` of matches that ended after a re-match request."""
    return set(
        RematchRequest.objects.filter(
            status=RematchRequest.Status.REMATCHED, match__programme=programme
        ).values_list("match__newcomer_id", "match__host_id")
    )


def _skills(participant):
    return {
        skill["language"]: skill.get("level", "")
        for skill in participant.language_skills or []
        if isinstance(skill, dict) and skill.get("language")
    }


def _common(participant):
    return {
        "id": participant.pk,
        "languages": _skills(participant),
        "interests": frozenset(interest.pk for interest in participant.chosen_interests.all()),
        "field": participant.chosen_field_id,
        "availability": frozenset(participant.availability or []),
        "postcode": participant.postcode or "",
        "area": participant.area or "",
        "birth_year": participant.birth_year,
        "name": str(participant),
    }


def newcomer_profile(participant, today=None):
    today = today or timezone.localdate()
    waited = 0
    if participant.waiting_since:
        waited = max((today - timezone.localtime(participant.waiting_since).date()).days, 0)
    return scoring.Profile(
        role=scoring.NEWCOMER,
        tracks=frozenset([participant.wanted_host_kind] if participant.wanted_host_kind else []),
        waiting_days=waited,
        **_common(participant),
    )


def host_profile(participant, programme):
    """``participant`` must come from ``hosts()`` (for its annotations)."""
    taken = participant.active_matches + participant.pending_proposals
    course_ok = (
        not programme.requires_host_course
        or participant.host_course_waived
        or participant.attended_host_course
    )
    return scoring.Profile(
        role=scoring.HOST,
        tracks=frozenset(participant.offered_host_kinds),
        free_places=max(participant.capacity - taken, 0),
        host_course_ok=bool(course_ok),
        **_common(participant),
    )


def vocabulary_names(participants, language):
    """``{"interest": {id: name}, "field": {id: name}}`` in ``language`` from the
    participants' prefetched interests and fields (no query)."""
    names = {"interest": {}, "field": {}}
    attribute = f"name_{language}"
    for participant in participants:
        for interest in participant.chosen_interests.all():
            names["interest"][interest.pk] = getattr(interest, attribute, "") or interest.name
        if participant.chosen_field is not None:
            chosen = participant.chosen_field
            names["field"][chosen.pk] = getattr(chosen, attribute, "") or chosen.name
    return names


@dataclass
class Candidates:
    """A programme's waiting newcomers and hosts in one track, as profiles and as rows."""

    programme: object
    kind: str
    newcomers: list = field(default_factory=list)
    hosts: list = field(default_factory=list)
    rematched: set = field(default_factory=set)
    people: dict = field(default_factory=dict)

    @property
    def weights(self):
        return scoring.Weights.from_programme(self.programme)

    def names(self, language):
        return vocabulary_names(self.people.values(), language)


def load(programme, kind, *, newcomers=None, today=None):
    """The candidates of ``programme`` in ``kind``; ``newcomers`` (a list of participants
    with user, field and interests loaded) replaces the waiting list, e.g. for one
    newcomer's screen."""
    if newcomers is None:
        newcomers = list(waiting_newcomers(programme, kind))
    host_rows = list(hosts(programme, kind))
    people = {p.pk: p for p in [*newcomers, *host_rows]}
    return Candidates(
        programme=programme,
        kind=kind,
        newcomers=[newcomer_profile(p, today) for p in newcomers],
        hosts=[host_profile(p, programme) for p in host_rows],
        rematched=rematched_pairs(programme),
        people=people,
    )


def describe_reasons(reasons, language, names=None):
    """``scoring.reasons_in_words`` for stored reasons, looking up the names of the interests
    and fields they mention (two queries) unless ``names`` is given."""
    if names is None:
        from programmes.models import Interest, ProfessionalField

        interest_ids = [v for r in reasons if r.get("code") == "interest" for v in r["values"]]
        field_ids = [v for r in reasons if r.get("code") == "field" for v in r["values"]]
        attribute = f"name_{language}"
        names = {
            "interest": {
                i.pk: getattr(i, attribute, "") or i.name
                for i in Interest.objects.filter(pk__in=interest_ids)
            },
            "field": {
                f.pk: getattr(f, attribute, "") or f.name
                for f in ProfessionalField.objects.filter(pk__in=field_ids)
            },
        }
    return scoring.reasons_in_words(reasons, language, names)


def one_newcomer(participant, today=None):
    """Candidates for ``participant``'s track with them as the only newcomer."""
    return load(
        participant.programme, participant.wanted_host_kind, newcomers=[participant], today=today
    )


def ranked_hosts(candidates):
    """For the one newcomer of ``candidates``: ``(host profile, points, reasons)`` of every
    host they may be proposed to, best first (ties by longer free capacity, then name)."""
    newcomer = candidates.newcomers[0]
    ranked = []
    for host in candidates.hosts:
        if scoring.hard_rule_problems(newcomer, host, candidates.rematched):
            continue
        points, reasons = scoring.score(newcomer, host, candidates.weights)
        ranked.append((host, points, reasons))
    ranked.sort(key=lambda item: (-item[1], -item[0].free_places, item[0].name, item[0].id))
    return ranked
