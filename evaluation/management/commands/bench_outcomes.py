"""``manage.py bench_outcomes``: the outcomes report and a message to a group, timed on made-up
data at a tenth and at full size (full: 5,000 participants, 2,500 matches, 40,000 meetings,
5,000 survey answers; a message to 2,000 people). Everything is made with bulk inserts inside
one transaction that is rolled back at the end, so the database is left as it was; run it on a
database of its own (``make bench`` uses a scratch SQLite file)."""

import datetime
import random
import time

from django.core.management.base import BaseCommand
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from accounts.models import User
from evaluation.defaults import create_for
from evaluation.models import Answer, SurveyInvitation
from evaluation.report import Period, outcomes
from notifications import group_messages
from portal.models import Match, Meeting, Participant
from programmes.defaults import first_programme

FULL = {"participants": 5000, "matches": 2500, "meetings": 40000, "answers": 5000, "message": 2000}


class Rollback(Exception):
    pass


def make_data(programme, size, rng, tag):
    today = timezone.localdate()
    users = User.objects.bulk_create(
        User(email=f"bench-{tag}-{number}@example.org", first_name="Bench", last_name=str(number))
        for number in range(size["participants"])
    )
    people = Participant.objects.bulk_create(
        Participant(
            user=user,
            programme=programme,
            role="newcomer" if number % 2 == 0 else "host",
            languages="English",
            wanted_host_kind="culture" if number % 2 == 0 else "",
            offers_culture_hosting=number % 2 == 1,
            waiting_since=timezone.now() if number % 2 == 0 else None,
        )
        for number, user in enumerate(users)
    )
    newcomers, hosts = people[0::2], people[1::2]
    matches = []
    for number in range(size["matches"]):
        start = today - datetime.timedelta(days=rng.randint(30, 700))
        ended = start + datetime.timedelta(days=180)
        matches.append(
            Match(
                newcomer=newcomers[number % len(newcomers)],
                host=hosts[number % len(hosts)],
                programme=programme,
                kind="culture",
                start_date=start,
                end_date=ended,
                status="completed" if ended < today else "active",
                ended_on=ended if ended < today else None,
                newcomer_waited_since=timezone.now()
                - datetime.timedelta(days=rng.randint(200, 900)),
                meetings_per_month_min=1,
                meetings_per_month_max=2,
            )
        )
    # One active match per newcomer and kind: only the first of a newcomer's stays active.
    seen = set()
    for match in matches:
        if match.status == "active":
            if match.newcomer.pk in seen:
                match.status, match.ended_on = (
                    "ended_early",
                    match.start_date + datetime.timedelta(days=1),
                )
            seen.add(match.newcomer.pk)
    Match.objects.bulk_create(matches, batch_size=500)
    Meeting.objects.bulk_create(
        (
            Meeting(
                match=match,
                author=match.newcomer,
                date=match.start_date + datetime.timedelta(days=rng.randint(0, 179)),
                duration_minutes=120,
                activities=["coffee"],
            )
            for match in (matches[rng.randrange(len(matches))] for _ in range(size["meetings"]))
        ),
        batch_size=1000,
    )
    survey = programme.surveys.get(audience="newcomer")
    questions = list(survey.questions.exclude(kind="text"))
    ended = [match for match in matches if match.ended_on]
    invitations = SurveyInvitation.objects.bulk_create(
        SurveyInvitation(
            survey=survey,
            match=match,
            participant=match.newcomer,
            submitted_at=timezone.now(),
        )
        for match in ended[: max(size["answers"] // len(questions), 1)]
    )
    Answer.objects.bulk_create(
        (
            Answer(
                invitation=invitation,
                question=question,
                kind=question.kind,
                question_text=question.text_en,
                criterion_id=question.criterion_id,
                value=rng.choice(["4", "5", "3", "yes", "employed", "job_seeking"]),
            )
            for invitation in invitations
            for question in questions
        ),
        batch_size=1000,
    )
    return people


def timed(function):
    start = time.perf_counter()
    with CaptureQueriesContext(connection) as queries:
        result = function()
    return result, time.perf_counter() - start, len(queries)


class Command(BaseCommand):
    help = "Time the outcomes report and queueing a message to a group, at 1/10 and full size."

    def handle(self, *args, **options):
        rng = random.Random(2026)  # noqa: S311 (made-up data)
        rows = []
        try:
            with transaction.atomic():
                programme = first_programme()
                create_for(programme)
                today = timezone.localdate()
                period = Period(today - datetime.timedelta(days=730), today)
                for label, factor in (("1/10", 10), ("full", 1)):
                    size = {key: value // factor for key, value in FULL.items()}
                    people = make_data(programme, size, rng, label.replace("/", "-"))
                    outcomes([programme], period)  # warm up
                    _, report_seconds, report_queries = timed(lambda: outcomes([programme], period))
                    recipients = Participant.objects.filter(
                        pk__in=[p.pk for p in people[: size["message"]]]
                    )
                    _, queue_seconds, _ = timed(
                        lambda recipients=recipients: group_messages.queue_message(
                            sender=None,
                            programmes=[programme],
                            people=recipients,
                            kind="news",
                            texts={
                                "subject_en": "Hello",
                                "body_en": "Hi",
                                "subject_da": "",
                                "body_da": "",
                            },
                            audience={},
                            description="bench",
                        )
                    )
                    rows.append((label, size, report_seconds, report_queries, queue_seconds))
                raise Rollback
        except Rollback:
            pass
        self.stdout.write(
            f"{'data':<6} {'participants':>12} {'matches':>8} {'meetings':>9} {'answers':>8} "
            f"{'report s':>9} {'queries':>8} {'queue s':>8} (message to)"
        )
        for label, size, report_seconds, queries, queue_seconds in rows:
            self.stdout.write(
                f"{label:<6} {size['participants']:>12} {size['matches']:>8} {size['meetings']:>9} "
                f"{size['answers']:>8} {report_seconds:>9.3f} {queries:>8} {queue_seconds:>8.3f} "
                f"({size['message']})"
            )
        full = rows[1]
        self.stdout.write(
            f"Full size against 1/10: report {full[2] / rows[0][2]:.1f}×, "
            f"queueing {full[4] / rows[0][4]:.1f}×. Goals: report under 1 s, queueing under 1 s."
        )
