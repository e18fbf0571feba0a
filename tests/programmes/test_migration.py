"""An install made before programmes keeps every row and moves it into a first programme.

Runs on whichever database the suite runs on (SQLite, and PostgreSQL in CI's second pass):
a transactional test, because migrations change the schema."""

import datetime

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from portal.models import CheckIn, Match, Meeting, Participant, RematchRequest
from programmes.models import Programme
from programmes.scoping import scoped

BEFORE = [
    ("portal", "0005_match_log"),
    ("events", "0002_coordinators_group"),
    ("programmes", None),
]


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state([t for t in targets if t[1] is not None]).apps


def latest():
    return MigrationExecutor(connection).loader.graph.leaf_nodes()


def old_rows(apps):
    """A small install as it looked before: two pairs, one ended, with their history."""
    User = apps.get_model("accounts", "User")
    Participant = apps.get_model("portal", "Participant")
    Match = apps.get_model("portal", "Match")
    Meeting = apps.get_model("portal", "Meeting")
    CheckIn = apps.get_model("portal", "CheckIn")
    RematchRequest = apps.get_model("portal", "RematchRequest")
    people = {}
    for email, role in [
        ("amira@example.com", "newcomer"),
        ("henrik@example.com", "host"),
        ("bilal@example.com", "newcomer"),
        ("karen@example.com", "host"),
        ("waiting@example.com", "newcomer"),
    ]:
        user = User.objects.create(email=email, first_name=email.split("@")[0])
        people[email] = Participant.objects.create(
            user=user, role=role, languages="English", offers_culture_hosting=role == "host"
        )
    start = datetime.date(2026, 1, 5)
    running = Match.objects.create(
        newcomer=people["amira@example.com"],
        host=people["henrik@example.com"],
        kind="culture",
        start_date=start,
        end_date=datetime.date(2026, 7, 5),
    )
    ended = Match.objects.create(
        newcomer=people["bilal@example.com"],
        host=people["karen@example.com"],
        kind="culture",
        start_date=start,
        end_date=datetime.date(2026, 7, 5),
        status="ended_early",
        ended_on=datetime.date(2026, 3, 1),
        end_reason="Moved to Aarhus.",
    )
    Meeting.objects.create(
        match=running,
        author=running.newcomer,
        date=datetime.date(2026, 1, 20),
        duration_minutes=90,
        activities=["coffee"],
        note="Coffee at the harbour",
    )
    CheckIn.objects.create(
        match=running, participant=running.host, satisfaction=4, wants_to_continue=True
    )
    RematchRequest.objects.create(match=ended, participant=ended.newcomer, reason="Moving away")
    return running.pk, ended.pk


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_an_existing_install_moves_into_a_first_programme_losing_nothing(settings):
    """One migration there and back (half a minute on either database) for two promises:
    every row moves into the first programme, and the coordinators who saw everyone before
    are given that programme, so their lists do not turn empty."""
    settings.COORDINATOR_EMAIL = "team@example.com"
    try:
        apps = migrate(BEFORE)
        running_pk, ended_pk = old_rows(apps)
        User = apps.get_model("accounts", "User")
        Group = apps.get_model("auth", "Group")
        coordinator = User.objects.create(email="karen.coordinator@example.com")
        coordinator.groups.add(Group.objects.get(name="Coordinators"))
        User.objects.create(email="editor@example.com")
        migrate(latest())
    finally:
        migrate(latest())  # leave the database as the other tests expect it

    [programme] = Programme.objects.all()
    assert (programme.name_en, programme.name_da, programme.contact_email) == (
        "Host Programme",
        "Værtsprogrammet",  # programmes 0005: the one Danish name
        "team@example.com",
    )
    assert [(t.kind, t.name_en, t.name_da) for t in programme.tracks.all()] == [
        ("career", "Career host", "Erhvervsvært"),
        ("culture", "Culture host", "Kulturvært"),
    ]
    assert [(c.name_en, c.target_percent) for c in programme.success_criteria.all()] == [
        ("Understanding Danish norms and culture", 70),
        ("Feeling included in Danish society", 70),
        ("Using culture and leisure offers", 70),
        ("Work or education", 70),
        ("Wanting to stay in Denmark", 50),
    ]
    assert (programme.match_length_months, programme.max_years_in_denmark) == (6, 3)

    assert Participant.objects.count() == 5
    assert set(Participant.objects.values_list("programme", flat=True)) == {programme.pk}
    assert list(Match.objects.order_by("pk").values_list("pk", "programme", "status")) == [
        (running_pk, programme.pk, "active"),
        (ended_pk, programme.pk, "ended_early"),
    ]
    assert set(
        Match.objects.values_list(
            "meetings_per_month_min",
            "meetings_per_month_max",
            "first_checkin_after_months",
            "checkin_every_months",
        )
    ) == {(1, 2, 1, 2)}
    ended = Match.objects.get(pk=ended_pk)
    assert (ended.end_reason, ended.ended_on) == ("Moved to Aarhus.", datetime.date(2026, 3, 1))
    assert list(Meeting.objects.values_list("note", "match")) == [
        ("Coffee at the harbour", running_pk)
    ]
    assert CheckIn.objects.get().programme == programme
    assert RematchRequest.objects.get().programme == programme
    # The waiting list became a field: who waited before still waits (the one never matched
    # and the one whose match ended early), the newcomer in a running match does not.
    waiting = Participant.objects.filter(waiting_since__isnull=False)
    assert sorted(waiting.values_list("user__email", flat=True)) == [
        "bilal@example.com",
        "waiting@example.com",
    ]

    # Coordinators keep seeing the people they saw.
    assert [user.email for user in programme.coordinators.all()] == [
        "karen.coordinator@example.com"
    ]
    coordinator = programme.coordinators.get()
    assert scoped(Participant.objects.all(), coordinator).count() == 5
