"""Demo participants, matches, meetings and check-ins for the portal and the coordinators' admin.

``build(stdout)`` is run by ``manage.py load_demo`` after the public site's builder. It is
idempotent: people are found by email, matches by their pair and kind, meetings, check-ins
and wheel entries by what identifies them, so a second run updates and never duplicates.
Dates are relative to the day it runs, so the dashboard and the follow-up view look alive.

Every demo account uses the published password below, so the command refuses to run unless
the settings allow demo content (development and test settings only).
"""

import datetime

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.exceptions import ImproperlyConfigured
from django.utils import timezone

from home.models import ActivityIdeaPage
from programmes.defaults import first_programme

from .invitations import mark_email_verified
from .models import (
    CheckIn,
    HostKind,
    LifeArea,
    Match,
    Meeting,
    Participant,
    RematchRequest,
    WheelEntry,
    add_months,
)

PASSWORD = "demo-host-programme"  # noqa: S105 - a published demo password, by design
COORDINATORS_GROUP = "Coordinators"

COORDINATOR = {
    "email": "coordinator@example.com",
    "first_name": "Karen",
    "last_name": "Lund",
    "preferred_language": "en",
}

PEOPLE = {
    "newcomer@example.com": {
        "user": {"first_name": "Lucía", "last_name": "Fernández", "preferred_language": "en"},
        "role": Participant.Role.NEWCOMER,
        "phone": "+45 20 11 22 33",
        "languages": "Spanish, English, Danish (beginner)",
        "interests": "Cooking, hiking, choir singing, board games",
        "professional_field": "Architecture",
        "area": "Aarhus C",
        "birth_year": 1991,
        "arrived_days_ago": 240,
        "wanted_host_kind": HostKind.CULTURE,
        "bio": (
            "I moved from Valencia to Aarhus with my partner last spring and work at an "
            "architecture studio. I would love to understand Danish traditions better, practise "
            "my (still shaky) Danish and find a choir. I cook a mean paella."
        ),
    },
    "host@example.com": {
        "user": {"first_name": "Mette", "last_name": "Holm", "preferred_language": "da"},
        "role": Participant.Role.HOST,
        "phone": "+45 30 44 55 66",
        "languages": "Danish, English, some German",
        "interests": "Baking, cycling, local history, the harbour bath",
        "professional_field": "Primary school teacher",
        "area": "Aarhus N",
        "birth_year": 1972,
        "offers_culture_hosting": True,
        "capacity": 1,
        "bio": (
            "Hej! I teach at a primary school, bake far too many cinnamon buns and cycle "
            "everywhere. I'm happy to show you everyday Danish life – from Christmas lunches "
            "to why we love our allotment gardens. Jeg taler gerne dansk med dig, langsomt."
        ),
    },
    "newcomer2@example.com": {
        "user": {"first_name": "Daniel", "last_name": "Okafor", "preferred_language": "en"},
        "role": Participant.Role.NEWCOMER,
        "phone": "+45 40 12 34 56",
        "languages": "English, Igbo, Yoruba",
        "interests": "Football, podcasts, volunteering",
        "professional_field": "Civil engineering",
        "area": "Copenhagen NV",
        "birth_year": 1988,
        "arrived_days_ago": 400,
        "wanted_host_kind": HostKind.CAREER,
        "bio": (
            "Civil engineer with eight years of bridge and road projects in Lagos. My wife "
            "works at a hospital in Copenhagen; I am looking for my first job here and want "
            "to understand how Danish workplaces and job applications work."
        ),
    },
    "host2@example.com": {
        "user": {"first_name": "Jens", "last_name": "Kristensen", "preferred_language": "en"},
        "role": Participant.Role.HOST,
        "phone": "+45 50 98 76 54",
        "languages": "Danish, English",
        "interests": "Running, jazz, mentoring",
        "professional_field": "Project manager in construction",
        "area": "Frederiksberg",
        "birth_year": 1969,
        "offers_career_hosting": True,
        "capacity": 2,
        "bio": (
            "I have managed construction projects for 25 years and hired many engineers. "
            "Happy to read your CV, practise interviews, and introduce you to people in the "
            "industry – and to explain Danish meeting culture over coffee."
        ),
    },
    "waiting@example.com": {
        "user": {"first_name": "Yuki", "last_name": "Tanaka", "preferred_language": "en"},
        "role": Participant.Role.NEWCOMER,
        "phone": "",
        "languages": "Japanese, English",
        "interests": "Ceramics, photography, running",
        "professional_field": "UX design",
        "area": "Odense",
        "birth_year": 1995,
        "arrived_days_ago": 60,
        "wanted_host_kind": HostKind.CULTURE,
        "bio": "Designer from Osaka, new in Odense. I would like to learn about Danish design "
        "and everyday culture, and meet people outside work.",
    },
}

# (newcomer, host, kind, started days ago)
MATCHES = [
    ("newcomer@example.com", "host@example.com", HostKind.CULTURE, 75),
    ("newcomer2@example.com", "host2@example.com", HostKind.CAREER, 24),
]

# (match index, author email, days after the start, minutes, activities, note, use an idea)
MEETINGS = [
    (0, "newcomer@example.com", 6, 90, ["coffee"], "First coffee at the harbour.", False),
    (
        0,
        "host@example.com",
        27,
        180,
        ["cooking", "danish"],
        "Vi bagte kanelsnegle og talte dansk hele eftermiddagen.",
        True,
    ),
    (0, "newcomer@example.com", 52, 150, ["museum_city"], "Den Gamle By together.", False),
    (1, "newcomer2@example.com", 8, 120, ["cv", "job_search"], "Went through my CV.", False),
]

# (match index, participant email, days after the start, satisfaction, continue?, note)
CHECK_INS = [
    (0, "newcomer@example.com", 32, 5, True, "Mette is lovely, we meet every other week."),
    (0, "host@example.com", 33, 4, True, "Det går godt. Svært at finde tid i december."),
    (
        1,
        "newcomer2@example.com",
        20,
        2,
        False,
        "Jens is kind, but we have cancelled twice and I need more help with applications.",
    ),
    (1, "host2@example.com", 21, 3, True, ""),
]

REMATCH = (
    1,
    "newcomer2@example.com",
    "Our calendars do not fit: Jens travels a lot. I would like a host who can meet in the "
    "evenings, ideally someone in engineering.",
)

WHEELS = {
    "newcomer@example.com": {
        LifeArea.FAMILY: (3, "My partner is here; family in Spain."),
        LifeArea.WORK: (3, ""),
        LifeArea.FRIENDS: (5, "I miss having friends to call on a whim."),
        LifeArea.LEISURE: (4, "Choir!"),
        LifeArea.LANGUAGE: (5, "Danish is hard but I want to speak it."),
        LifeArea.HOME: (2, ""),
        LifeArea.HEALTH: (3, ""),
        LifeArea.VALUES: (2, ""),
    },
    "host@example.com": {
        LifeArea.FAMILY: (4, "Two teenagers at home."),
        LifeArea.WORK: (3, ""),
        LifeArea.FRIENDS: (3, ""),
        LifeArea.LEISURE: (4, "Baking and cycling."),
        LifeArea.LANGUAGE: (2, ""),
        LifeArea.HOME: (5, "I love our neighbourhood."),
        LifeArea.HEALTH: (3, ""),
        LifeArea.VALUES: (3, ""),
    },
}


def _user(email, first_name, last_name, preferred_language):
    User = get_user_model()
    user, _created = User.objects.update_or_create(
        email=email,
        defaults={
            "first_name": first_name,
            "last_name": last_name,
            "preferred_language": preferred_language,
            "is_active": True,
        },
    )
    user.set_password(PASSWORD)
    user.save()
    mark_email_verified(user)
    return user


def _at(day):
    """Noon on ``day``, as an aware datetime (for created_at fields set after the fact)."""
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(12)))


def build_coordinator(stdout):
    user = _user(**COORDINATOR)
    group, _created = Group.objects.get_or_create(name=COORDINATORS_GROUP)
    user.groups.add(group)
    stdout.write(f"  coordinator {user.email} (password {PASSWORD})")
    return user


def build_participants(stdout, today, programme):
    participants = {}
    for email, spec in PEOPLE.items():
        spec = dict(spec, programme=programme)
        user = _user(email, **spec.pop("user"))
        arrived = spec.pop("arrived_days_ago", None)
        if arrived is not None:
            spec["arrived_in_denmark"] = today - datetime.timedelta(days=arrived)
        spec.setdefault("invited_at", _at(today - datetime.timedelta(days=120)))
        participant, _created = Participant.objects.update_or_create(user=user, defaults=spec)
        participants[email] = participant
        stdout.write(f"  {participant.get_role_display().lower()} {email}")
    return participants


def build_matches(participants, today, stdout):
    matches = []
    for newcomer, host, kind, days_ago in MATCHES:
        start = today - datetime.timedelta(days=days_ago)
        match, _created = Match.objects.update_or_create(
            newcomer=participants[newcomer],
            host=participants[host],
            kind=kind,
            defaults={
                "programme": participants[newcomer].programme,
                "start_date": start,
                "end_date": add_months(start, participants[newcomer].programme.match_length_months),
                "status": Match.Status.ACTIVE,
                "ended_on": None,
                "end_reason": "",
            },
        )
        matches.append(match)
        stdout.write(f"  match {match}")
    return matches


def build_meetings(participants, matches, stdout):
    idea = ActivityIdeaPage.objects.live().order_by("path").first()
    for index, author, day, minutes, activities, note, use_idea in MEETINGS:
        match = matches[index]
        Meeting.objects.update_or_create(
            match=match,
            author=participants[author],
            note=note,
            defaults={
                "date": match.start_date + datetime.timedelta(days=day),
                "duration_minutes": minutes,
                "activities": activities,
                "activity_idea": idea if use_idea else None,
            },
        )
    stdout.write(f"  {len(MEETINGS)} meetings")


def build_check_ins(participants, matches, stdout):
    for index, email, day, satisfaction, wants_to_continue, note in CHECK_INS:
        match = matches[index]
        check_in, _created = CheckIn.objects.update_or_create(
            match=match,
            participant=participants[email],
            note_for_coordinator=note,
            defaults={"satisfaction": satisfaction, "wants_to_continue": wants_to_continue},
        )
        answered = _at(match.start_date + datetime.timedelta(days=day))
        CheckIn.objects.filter(pk=check_in.pk).update(created_at=answered)
    stdout.write(f"  {len(CHECK_INS)} check-ins")


def build_rematch_request(participants, matches, stdout):
    index, email, reason = REMATCH
    match, participant = matches[index], participants[email]
    request = RematchRequest.objects.filter(match=match, participant=participant).first()
    if request is None:
        request = RematchRequest.objects.create(match=match, participant=participant, reason=reason)
    else:
        request.reason = reason
        request.status = RematchRequest.Status.OPEN
        request.resolved_at = request.resolved_by = None
        request.resolution_note = ""
        request.save()
    asked = _at(timezone.localdate() - datetime.timedelta(days=2))
    RematchRequest.objects.filter(pk=request.pk).update(created_at=asked)
    stdout.write(f"  open re-match request from {email}")


def build_wheels(participants, stdout):
    for email, areas in WHEELS.items():
        for area, (importance, note) in areas.items():
            WheelEntry.objects.update_or_create(
                participant=participants[email],
                area=area,
                defaults={"importance": importance, "note": note},
            )
    stdout.write("  conversation wheels for the culture pair")


def build(stdout):
    """Create or update the portal's demo people and their matches."""
    if not getattr(settings, "DEMO_CONTENT_ALLOWED", False):
        raise ImproperlyConfigured("Demo accounts have a published password: not here.")
    stdout.write(f"Portal: coordinator, participants and matches (password {PASSWORD})")
    today = timezone.localdate()
    build_coordinator(stdout)
    programme = first_programme()  # everyone in the first programme for now
    participants = build_participants(stdout, today, programme)
    matches = build_matches(participants, today, stdout)
    build_meetings(participants, matches, stdout)
    build_check_ins(participants, matches, stdout)
    build_rematch_request(participants, matches, stdout)
    build_wheels(participants, stdout)
