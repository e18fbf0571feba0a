"""Many people pressing "Sign up" at the same moment never get more places than there are.

Each attempt runs in its own thread with its own database connection, all released at once
by a barrier. The date's row lock (SELECT ... FOR UPDATE) makes them queue up: exactly as
many get a place as there are places, and the rest wait in the order their turn came.
SQLite has no row locks and serialises writers differently, so this needs PostgreSQL, as in
CI and production.
"""

import threading

import pytest
from django.db import connection

from events import services
from events.models import SignUp

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture(autouse=True)
def needs_postgresql():
    if connection.vendor != "postgresql":
        pytest.skip("row locks need PostgreSQL; CI runs this test on PostgreSQL")


def sign_up_at_once(date, users, guests=0):
    barrier = threading.Barrier(len(users))
    errors = []

    def attempt(user):
        try:
            barrier.wait()
            services.sign_up(date, user, guests=guests, notify=False)
        except Exception as error:  # noqa: BLE001 - reported by the test below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=attempt, args=(user,)) for user in users]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert errors == []


def report(label, attempts, places, signups):
    confirmed = [s for s in signups if s.status == SignUp.Status.CONFIRMED]
    waiting = [s for s in signups if s.status == SignUp.Status.WAITING]
    print(
        f"\n{label}: {attempts} simultaneous attempts, {places} places -> "
        f"{len(confirmed)} confirmed ({sum(s.places for s in confirmed)} places taken), "
        f"{len(waiting)} waiting"
    )
    return confirmed, waiting


def test_simultaneous_sign_ups_fill_exactly_the_places_and_the_rest_wait_in_order(
    make_event, make_newcomer
):
    date = make_event(capacity=3).occurrences.get()
    users = [make_newcomer(email=f"rush{i}@example.com") for i in range(12)]

    sign_up_at_once(date, users)

    signups = list(SignUp.objects.filter(occurrence=date).order_by("pk"))
    confirmed, waiting = report("single places", 12, 3, signups)
    assert len(signups) == 12
    assert len(confirmed) == 3
    assert len(waiting) == 9
    # The line is in the order the turns came (ids are handed out under the lock).
    in_line = list(SignUp.objects.filter(occurrence=date).waiting())
    assert in_line == waiting
    assert [s.waiting_position() for s in in_line] == list(range(1, 10))
    # Every confirmed sign-up was decided before every waiting one.
    assert max(s.queued_at for s in confirmed) <= min(s.queued_at for s in waiting)


def test_simultaneous_sign_ups_with_guests_never_exceed_the_places(make_event, make_newcomer):
    date = make_event(capacity=5, max_guests=1).occurrences.get()
    users = [make_newcomer(email=f"family{i}@example.com") for i in range(10)]

    sign_up_at_once(date, users, guests=1)

    signups = list(SignUp.objects.filter(occurrence=date).order_by("pk"))
    confirmed, waiting = report("with one guest each", 10, 5, signups)
    assert len(confirmed) == 2  # two parties of two; the third would make six
    assert sum(s.places for s in confirmed) == 4
    assert len(waiting) == 8
