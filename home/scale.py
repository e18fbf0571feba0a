"""Made-up data on top of the demo, ``times`` times its size, with the demo's shapes: people in
both programmes, matches over the past two years (most completed, some active, a few ended
early), meetings inside each match's months, check-ins (a few worried ones), open re-match
requests, coordinators' notes, newcomers waiting, applications, event pages under the calendar
with dates over the past two years and the coming year (some monthly series), sign-ups with a
waiting list, and survey answers for finished matches.

One unit is what the performance issue measures at 100×: 20 participants, 8 matches, 100
meetings, 3 events and 30 sign-ups. Rows are made with ``bulk_create``; only the event pages go
through Wagtail's ``add_child`` (a page needs its place in the tree). Used by ``manage.py
load_scale`` (the page benchmark) and by the tests with a small ``times``.
"""

import datetime
import hashlib
import random
import secrets
from dataclasses import dataclass

from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.utils import timezone

from accounts.models import User
from evaluation.models import Answer, SurveyInvitation
from events.models import EVENT_TIME_ZONE, EventCalendarPage, EventOccurrence, EventPage, SignUp
from intake.models import Application
from portal.models import CheckIn, Match, MatchNote, Meeting, Participant, RematchRequest
from programmes.models import Programme

UNIT = {
    "participants": 20,
    "matches": 8,
    "meetings": 100,
    "events": 3,
    "signups": 30,
    "applications": 3,
}


@dataclass
class Made:
    participants: int = 0
    matches: int = 0
    meetings: int = 0
    check_ins: int = 0
    rematch_requests: int = 0
    notes: int = 0
    events: int = 0
    occurrences: int = 0
    signups: int = 0
    applications: int = 0
    answers: int = 0

    def __str__(self):
        return ", ".join(f"{value} {name.replace('_', ' ')}" for name, value in vars(self).items())


def sizes(times):
    return {name: per_unit * times for name, per_unit in UNIT.items()}


def _aware(day, hour=12):
    return datetime.datetime.combine(day, datetime.time(hour), EVENT_TIME_ZONE)


@transaction.atomic
def build(times, seed=2026, today=None):
    """Add ``times`` units of made-up data. Needs the demo's programmes and calendar
    (``load_demo``). Every call adds new people (their emails carry a fresh tag)."""
    rng = random.Random(seed)  # noqa: S311 (made-up data)
    today = today or timezone.localdate()
    now = timezone.now()
    size = sizes(times)
    made = Made()
    programmes = list(Programme.objects.order_by("pk"))
    if not programmes:
        raise ValueError("No programme yet: run load_demo first.")
    calendar = EventCalendarPage.objects.first()
    if calendar is None:
        raise ValueError("No events calendar yet: run load_demo first.")
    tag = secrets.token_hex(3)
    # One hashed password for everyone: hashing 2,000 passwords would take minutes.
    password = make_password(secrets.token_urlsafe(16))

    # --- people: half newcomers, half hosts, most in the first programme -----------------------
    users = User.objects.bulk_create(
        (
            User(
                email=f"scale-{tag}-{number}@example.org",
                first_name=rng.choice(["Ana", "Omar", "Li", "Sofie", "Mads", "Priya", "Jonas"]),
                last_name=f"Scale {number}",
                password=password,
                preferred_language="da" if number % 3 == 0 else "en",
            )
            for number in range(size["participants"])
        ),
        batch_size=500,
    )
    people = Participant.objects.bulk_create(
        (
            Participant(
                user=user,
                programme=programmes[0] if number % 10 < 7 else programmes[-1],
                role=Participant.Role.NEWCOMER if number % 2 == 0 else Participant.Role.HOST,
                languages="English, Danish",
                area=rng.choice(["Aarhus", "Odense", "Aalborg", "København"]),
                wanted_host_kind=rng.choice(["culture", "career"]) if number % 2 == 0 else "",
                offers_culture_hosting=number % 2 == 1,
                offers_career_hosting=number % 4 == 1,
                capacity=2,
            )
            for number, user in enumerate(users)
        ),
        batch_size=500,
    )
    made.participants = len(people)
    newcomers = [p for p in people if p.role == Participant.Role.NEWCOMER]
    hosts_by_programme = {}
    for person in people:
        if person.role == Participant.Role.HOST:
            hosts_by_programme.setdefault(person.programme_id, []).append(person)

    # --- matches: one newcomer each, spread over two years -----------------------------------
    matches = []
    matched = set()
    for newcomer in newcomers[: size["matches"]]:
        hosts = hosts_by_programme.get(newcomer.programme_id)
        if not hosts:
            continue
        start = today - datetime.timedelta(days=rng.randint(10, 730))
        end = start + datetime.timedelta(days=182)
        status, ended_on = Match.Status.ACTIVE, None
        if end < today:
            status, ended_on = Match.Status.COMPLETED, end
        if rng.random() < 0.08:
            ended_on = start + datetime.timedelta(days=rng.randint(20, 150))
            if ended_on < today:
                status = Match.Status.ENDED_EARLY
            else:
                ended_on = None
        matches.append(
            Match(
                newcomer=newcomer,
                host=rng.choice(hosts),
                programme_id=newcomer.programme_id,
                kind=newcomer.wanted_host_kind or "culture",
                start_date=start,
                end_date=end,
                status=status,
                ended_on=ended_on,
                newcomer_waited_since=_aware(start - datetime.timedelta(days=rng.randint(7, 120))),
                meetings_per_month_min=1,
                meetings_per_month_max=2,
                first_checkin_after_months=1,
                checkin_every_months=2,
            )
        )
        matched.add(newcomer.pk)
    Match.objects.bulk_create(matches, batch_size=500)
    made.matches = len(matches)

    # Newcomers without a match wait (a few paused), longest first.
    waiting = [p for p in newcomers if p.pk not in matched]
    for person in waiting:
        person.waiting_since = now - datetime.timedelta(days=rng.randint(1, 200))
        person.waiting_paused = rng.random() < 0.1
    Participant.objects.bulk_update(waiting, ["waiting_since", "waiting_paused"], batch_size=500)

    # --- meetings inside each match's months; a quarter of active pairs have gone quiet ---------
    def last_day(match):
        return min(match.ended_on or match.end_date, today)

    quiet = {m.pk for m in matches if m.status == Match.Status.ACTIVE and rng.random() < 0.25}
    meeting_matches = [m for m in matches if m.pk not in quiet] or matches
    meetings = []
    for _ in range(size["meetings"] if matches else 0):
        match = rng.choice(meeting_matches)
        span = max((last_day(match) - match.start_date).days, 0)
        meetings.append(
            Meeting(
                match=match,
                author=match.newcomer if rng.random() < 0.6 else match.host,
                date=match.start_date + datetime.timedelta(days=rng.randint(0, span)),
                duration_minutes=rng.choice([60, 90, 120, 180]),
                activities=[rng.choice(["coffee", "walk", "cooking", "museum", "cv"])],
                note=rng.choice(["", "", "A good talk about work.", "We cooked together."]),
            )
        )
    Meeting.objects.bulk_create(meetings, batch_size=1000)
    made.meetings = len(meetings)

    # --- check-ins: one per match over a month old; about one in eight worried ----------------
    old_enough = [m for m in matches if (today - m.start_date).days > 30]
    check_ins = [
        CheckIn(
            match=match,
            participant=match.newcomer if rng.random() < 0.5 else match.host,
            satisfaction=rng.choice([1, 2, 3, 4, 4, 5, 5, 5]),
            wants_to_continue=rng.random() > 0.05,
            note_for_coordinator=rng.choice(["", "", "We find it hard to find a time."]),
            followed_up_at=now if rng.random() < 0.5 else None,
        )
        for match in old_enough
    ]
    CheckIn.objects.bulk_create(check_ins, batch_size=1000)
    made.check_ins = len(check_ins)

    active = [m for m in matches if m.status == Match.Status.ACTIVE]
    requests = RematchRequest.objects.bulk_create(
        RematchRequest(
            match=match,
            participant=match.newcomer,
            reason="We do not have time in common.",
        )
        for match in active[: max(len(active) // 20, 1)]
    )
    made.rematch_requests = len(requests)
    notes = MatchNote.objects.bulk_create(
        (
            MatchNote(
                match=match,
                date=min(match.start_date + datetime.timedelta(days=21), today),
                channel="phone",
                text="Called both; a good start.",
                followed_up=True,
            )
            for match in matches
            if rng.random() < 0.5
        ),
        batch_size=1000,
    )
    made.notes = len(notes)

    # --- events: pages under the calendar, dates over the past two years and the next ---------
    pages = []
    for number in range(size["events"]):
        day = today + datetime.timedelta(days=rng.randint(-730, 365))
        start = _aware(day, rng.choice([10, 14, 17, 18]))
        recurring = number % 10 == 0
        page = EventPage(
            title=f"Scale event {tag} {number}",
            title_en=f"Scale event {tag} {number}",
            title_da=f"Skala-arrangement {tag} {number}",
            slug=f"scale-{tag}-{number}",
            slug_en=f"scale-{tag}-{number}",
            slug_da=f"skala-{tag}-{number}",
            intro_en="A made-up event for measuring the site at scale.",
            intro_da="Et opdigtet arrangement til at måle sitet i stor skala.",
            start=start,
            end=start + datetime.timedelta(hours=2),
            recurrence="FREQ=MONTHLY;COUNT=6" if recurring else "",
            venue_name="Borgerhuset",
            venue_address="Vestergade 1, 8000 Aarhus C",
            programme=programmes[-1] if number % 7 == 0 else None,
            capacity=rng.choice([None, 12, 20, 40]),
            max_guests=rng.choice([0, 0, 1, 2]),
        )
        calendar.add_child(instance=page)
        pages.append(page)
    made.events = len(pages)
    occurrences = EventOccurrence.objects.bulk_create(
        (
            EventOccurrence(event=page, start=start, end=start + (page.end - page.start))
            for page in pages
            for start in page.occurrence_starts()
        ),
        batch_size=1000,
    )
    made.occurrences = len(occurrences)

    # --- sign-ups: participants, one per person and date; the first few per date waiting ------
    signups = []
    taken = set()
    signup_users = [p.user for p in people]
    for _ in range(size["signups"] if occurrences else 0):
        occurrence = rng.choice(occurrences)
        user = rng.choice(signup_users)
        if (occurrence.pk, user.pk) in taken:
            continue
        taken.add((occurrence.pk, user.pk))
        status = SignUp.Status.WAITING if rng.random() < 0.1 else SignUp.Status.CONFIRMED
        signups.append(
            SignUp(
                occurrence=occurrence,
                user=user,
                language=user.preferred_language,
                status=status,
                queued_at=now - datetime.timedelta(minutes=rng.randint(1, 100000)),
                attended=(rng.random() < 0.8) if occurrence.end < now else None,
            )
        )
    SignUp.objects.bulk_create(signups, batch_size=1000)
    made.signups = len(signups)

    # --- applications: most to review, some decided ---------------------------------------------
    applications = Application.objects.bulk_create(
        (
            Application(
                programme=rng.choice(programmes),
                role=rng.choice([Participant.Role.NEWCOMER, Participant.Role.HOST]),
                status=rng.choice(["to_review", "to_review", "accepted", "declined"]),
                first_name="Applicant",
                last_name=f"Scale {number}",
                email=f"applicant-{tag}-{number}@example.org",
                postcode="8000",
                consent_version="scale",
                consent_language="en",
                consent_given_at=now,
                confirmed_at=now,
                token_hash=hashlib.sha256(f"{tag}-{number}".encode()).hexdigest(),
            )
            for number in range(size["applications"])
        ),
        batch_size=500,
    )
    made.applications = len(applications)

    # --- survey answers for finished matches, on the programme's active newcomer survey --------
    surveys = {}
    for programme in programmes:
        survey = programme.surveys.filter(active=True, audience="newcomer").first()
        if survey is not None:
            surveys[programme.pk] = (survey, list(survey.questions.exclude(kind="text")))
    finished = [m for m in matches if m.ended_on and m.programme_id in surveys]
    invitations = SurveyInvitation.objects.bulk_create(
        (
            SurveyInvitation(
                survey=surveys[match.programme_id][0],
                match=match,
                participant=match.newcomer,
                submitted_at=now if rng.random() < 0.6 else None,
            )
            for match in finished
        ),
        batch_size=1000,
    )
    answers = Answer.objects.bulk_create(
        (
            Answer(
                invitation=invitation,
                question=question,
                kind=question.kind,
                question_text=question.text_en,
                criterion_id=question.criterion_id,
                value=rng.choice(["3", "4", "5", "yes", "employed", "job_seeking"]),
            )
            for invitation in invitations
            if invitation.submitted_at
            for question in surveys[invitation.match.programme_id][1]
        ),
        batch_size=1000,
    )
    made.answers = len(answers)
    return made
