"""The evaluation demo: each programme's default surveys, and about forty former pairs whose
matches ended during the last two years, most of them with answers, so the outcomes report,
its charts and the results page's live figures have data.

Run by ``manage.py load_demo`` after the portal's builder. Idempotent: the former participants
are found by email, their matches by the pair, their invitations by match and person. A fixed
seed (``demo_content/alumni.yaml``) makes the figures the same on every load; dates are
relative to the day it runs. The former participants have no password: they never log in.
"""

import datetime
import random
from pathlib import Path

from django.conf import settings
from django.utils import timezone

from accounts.factories import UserFactory
from home.demo_support import load, require_demo_allowed, upsert
from portal.factories import MatchFactory, MeetingFactory, ParticipantFactory
from portal.models import Match, add_months
from programmes.models import Programme

from .defaults import create_for
from .models import Answer, Question, SurveyInvitation

ALUMNI = Path(__file__).resolve().parent / "demo_content" / "alumni.yaml"


def _weighted(rng, weights):
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def _at(day):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(12)))


def _person(email, first_name, last_name, programme, role, kind):
    user = upsert(
        UserFactory,
        {"email": email},
        first_name=first_name,
        last_name=last_name,
        preferred_language="da" if role == "host" else "en",
    )
    user.set_unusable_password()
    user.save(update_fields=["password"])
    fields = {"role": role, "programme": programme}
    if role == "host":
        fields |= {
            "offers_career_hosting": kind == "career",
            "offers_culture_hosting": kind == "culture",
        }
    else:
        fields |= {"wanted_host_kind": kind}
    return upsert(ParticipantFactory, {"user": user}, **fields)


def _answers(rng, invitation, questions, data):
    for question in questions:
        if question.kind == Question.Kind.AGREE:
            value, text = _weighted(rng, data["agree_weights"]), ""
        elif question.kind == Question.Kind.YES_NO:
            value, text = ("yes" if rng.random() < 0.9 else "no"), ""
        elif question.kind == Question.Kind.WORK_AT_START:
            value, text = _weighted(rng, data["start_work"]), ""
        elif question.kind == Question.Kind.WORK_AT_END:
            value, text = _weighted(rng, data["end_work"]), ""
        elif question.kind == Question.Kind.TEXT:
            if rng.random() < 0.5:
                continue
            pool = data["best_part"] if question.sort_order % 2 else data["do_better"]
            value, text = "", rng.choice(pool)
        else:
            continue
        Answer.objects.update_or_create(
            invitation=invitation,
            question=question,
            defaults={
                "kind": question.kind,
                "question_text": question.text,
                "criterion": question.criterion,
                "value": value,
                "text": text,
            },
        )


def build(stdout):
    require_demo_allowed(settings)
    data = load(ALUMNI)
    rng = random.Random(data["seed"])  # noqa: S311 (demo data, not secrets)
    today = timezone.localdate()
    made = answered = 0
    for slug, count in data["matches_per_programme"].items():
        programme = Programme.objects.filter(slug=slug).first()
        if programme is None:
            continue
        create_for(programme)
        surveys = {survey.audience: survey for survey in programme.surveys.filter(active=True)}
        questions = {
            audience: list(survey.questions.select_related("criterion").order_by("sort_order"))
            for audience, survey in surveys.items()
        }
        kinds = programme.offered_kinds() or ["culture"]
        for number in range(count):
            kind = kinds[number % len(kinds)]
            newcomer = _person(
                f"alumni.{slug}.{number:02d}@example.org",
                rng.choice(data["newcomer_first_names"]),
                rng.choice(data["last_names"]),
                programme,
                "newcomer",
                kind,
            )
            host = _person(
                f"alumni.host.{slug}.{number:02d}@example.org",
                rng.choice(data["host_first_names"]),
                rng.choice(data["last_names"]),
                programme,
                "host",
                kind,
            )
            ended = today - datetime.timedelta(days=20 + number * 700 // count)
            early = rng.random() < data["early_share"]
            start = add_months(ended, -programme.match_length_months)
            if early:
                start = ended - datetime.timedelta(days=rng.randint(40, 120))
            waited = start - datetime.timedelta(days=rng.randint(14, 150))
            match = upsert(
                MatchFactory,
                {"newcomer": newcomer, "host": host, "kind": kind},
                start_date=start,
                end_date=max(
                    add_months(start, programme.match_length_months),
                    start + datetime.timedelta(days=1),
                ),
                status=Match.Status.ENDED_EARLY if early else Match.Status.COMPLETED,
                ended_on=ended,
                end_reason="Moved to another city." if early else "",
                newcomer_waited_since=_at(waited),
            )
            for month in range(max(((ended - start).days) // 30, 1)):
                if rng.random() < 0.8:
                    upsert(
                        MeetingFactory,
                        {"match": match, "date": start + datetime.timedelta(days=30 * month + 9)},
                        author=newcomer,
                        duration_minutes=120,
                        activities=["coffee"],
                        note="",
                    )
            for person in (newcomer, host):
                survey = surveys.get(person.role)
                if survey is None:
                    continue
                invitation, _ = SurveyInvitation.objects.get_or_create(
                    match=match, participant=person, defaults={"survey": survey}
                )
                sent = _at(ended + datetime.timedelta(days=1))
                SurveyInvitation.objects.filter(pk=invitation.pk).update(created_at=sent)
                if rng.random() < data["answered_share"]:
                    _answers(rng, invitation, questions[person.role], data)
                    SurveyInvitation.objects.filter(pk=invitation.pk).update(
                        submitted_at=sent + datetime.timedelta(days=rng.randint(0, 10)),
                        saved_at=sent + datetime.timedelta(days=1),
                    )
                    answered += 1
            made += 1
    stdout.write(f"Evaluation: default surveys, {made} former pairs, {answered} surveys answered")


def measure_key(spec):
    """A live figure's measure from the demo's data files (``{programme: slug, criterion:
    English name}`` or ``{programme: slug, question: English text}``) as the block stores it
    ("criterion:<pk>" / "question:<pk>"). The programme gets its default surveys first if it
    has none (``load_demo`` builds them before the pages; a test may build only the pages)."""
    from programmes.models import SuccessCriterion

    create_for(Programme.objects.get(slug=spec["programme"]))
    if "criterion" in spec:
        criterion = SuccessCriterion.objects.get(
            programme__slug=spec["programme"], name_en=spec["criterion"]
        )
        return f"criterion:{criterion.pk}"
    question = Question.objects.get(
        survey__programme__slug=spec["programme"], survey__active=True, text_en=spec["question"]
    )
    return f"question:{question.pk}"


def build_surveys(stdout):
    """Each demo programme's default surveys, before the pages (the results page's live
    figures name their questions)."""
    require_demo_allowed(settings)
    for programme in Programme.objects.all():
        create_for(programme)
    stdout.write("Evaluation: the default surveys of every programme")
