"""The sign-up rules: capacity with guests, the waiting list and moving up, the deadline,
the audience, signing up twice, cancellations and public sign-ups confirmed by email."""

import datetime
import time

import pytest
from django.utils import timezone

from events import services
from events.models import Audience, EventOccurrence, SignUp, SignUpMode

from .conftest import days_from_now, local

pytestmark = pytest.mark.django_db


@pytest.fixture
def run_on_commit(django_capture_on_commit_callbacks):
    """Run the callbacks (emails) that wait for the transaction to commit."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


def only_date(event):
    return EventOccurrence.objects.get(event=event)


def test_places_are_given_until_full_then_people_wait_in_order(make_event, make_newcomer):
    date = only_date(make_event(capacity=2))
    people = [make_newcomer(email=f"p{i}@example.com") for i in range(5)]
    signups = [services.sign_up(date, person)[0] for person in people]

    assert [s.status for s in signups] == ["confirmed"] * 2 + ["waiting"] * 3
    assert [s.waiting_position() for s in signups] == [None, None, 1, 2, 3]
    assert date.places_left() == 0


def test_guests_take_places_too(make_event, make_newcomer):
    date = only_date(make_event(capacity=4, max_guests=2))
    first, _ = services.sign_up(date, make_newcomer(email="a@example.com"), guests=2)
    second, _ = services.sign_up(date, make_newcomer(email="b@example.com"), guests=1)
    third, _ = services.sign_up(date, make_newcomer(email="c@example.com"))

    assert (first.status, second.status, third.status) == ("confirmed", "waiting", "waiting")
    assert date.places_left() == 1  # three people taken; one single place left, but a queue


def test_more_guests_than_allowed_is_refused(make_event, newcomer):
    date = only_date(make_event(capacity=10, max_guests=1))
    with pytest.raises(services.SignUpError, match=r"at most 1 guest\."):
        services.sign_up(date, newcomer, guests=2)
    assert SignUp.objects.count() == 0


def test_guests_are_refused_when_the_event_allows_none(make_event, newcomer):
    date = only_date(make_event(capacity=10, max_guests=0))
    with pytest.raises(services.SignUpError, match="Guests cannot come to this event"):
        services.sign_up(date, newcomer, guests=1)


def test_signing_up_twice_changes_nothing(make_event, newcomer, mailoutbox, run_on_commit):
    date = only_date(make_event(capacity=3, max_guests=2))
    with run_on_commit():
        first, created = services.sign_up(date, newcomer, guests=1)
    with run_on_commit():
        again, created_again = services.sign_up(date, newcomer, guests=2)

    assert (created, created_again) == (True, False)
    assert again.pk == first.pk
    assert again.guests == 1
    assert SignUp.objects.count() == 1
    assert len(mailoutbox) == 1


def test_no_limit_means_everyone_gets_a_place(make_event, make_newcomer):
    date = only_date(make_event(capacity=None))
    statuses = {
        services.sign_up(date, make_newcomer(email=f"n{i}@example.com"))[0].status for i in range(6)
    }
    assert statuses == {"confirmed"}
    assert date.places_left() is None


def test_sign_up_closes_at_the_deadline(make_event, newcomer):
    start = days_from_now(5)
    date = only_date(make_event(start=start, signup_closes_days_before=2))

    just_before = start - datetime.timedelta(days=2, minutes=1)
    signup, _ = services.sign_up(date, newcomer, now=just_before)
    assert signup.status == "confirmed"

    too_late = start - datetime.timedelta(days=2) + datetime.timedelta(minutes=1)
    other = SignUp.objects.get().user
    SignUp.objects.all().delete()
    with pytest.raises(services.SignUpError, match="closed"):
        services.sign_up(date, other, now=too_late)


@pytest.mark.parametrize(
    ("audience", "newcomer_may", "host_may"),
    [
        (Audience.EVERYONE, True, True),
        (Audience.NEWCOMERS, True, False),
        (Audience.HOSTS, False, True),
    ],
)
def test_the_audience_decides_who_may_sign_up(
    make_event, newcomer, host, audience, newcomer_may, host_may
):
    date = only_date(make_event(audience=audience))
    for user, may in ((newcomer, newcomer_may), (host, host_may)):
        if may:
            assert services.sign_up(date, user)[0].status == "confirmed"
        else:
            with pytest.raises(services.SignUpError, match="This event is for"):
                services.sign_up(date, user)


def test_a_user_who_is_not_a_participant_cannot_sign_up_as_one(make_event, editor_user):
    date = only_date(make_event())
    with pytest.raises(services.SignUpError, match="for programme participants"):
        services.sign_up(date, editor_user)


def test_no_sign_up_for_a_cancelled_date_or_one_without_sign_up(make_event, newcomer):
    no_signup = only_date(make_event(signup_mode=SignUpMode.NONE))
    with pytest.raises(services.SignUpError, match="needs no sign-up"):
        services.sign_up(no_signup, newcomer)

    cancelled = only_date(make_event())
    services.cancel_occurrence(cancelled)
    with pytest.raises(services.SignUpError, match="cancelled"):
        services.sign_up(cancelled, newcomer)


def test_confirmation_and_waiting_list_emails_in_each_persons_language_with_ics(
    make_event, newcomer, danish_newcomer, mailoutbox, run_on_commit
):
    date = only_date(make_event(capacity=1))
    with run_on_commit():
        services.sign_up(date, newcomer)
    with run_on_commit():
        services.sign_up(date, danish_newcomer)

    confirmation, waiting = mailoutbox
    assert confirmation.to == ["amira@example.com"]
    assert confirmation.subject == f"You have a place: {date.event.title_en}"
    assert waiting.to == ["olga@example.com"]
    assert waiting.subject == f"Venteliste: {date.event.title_da}"
    assert "nummer 1 på ventelisten" in waiting.body
    for message in (confirmation, waiting):
        (filename, content, mimetype) = message.attachments[0]
        assert (filename, mimetype) == ("event.ics", "text/calendar; method=PUBLISH")
        assert "DTSTART;TZID=Europe/Copenhagen:" in content
        part = message.message().get_payload()[-1]
        assert part.get_content_type() == "text/calendar"
        assert (part.get_param("method"), part.get_param("charset")) == ("PUBLISH", "utf-8")


def test_a_cancelled_place_goes_to_the_first_in_line_who_is_emailed(
    make_event, make_newcomer, mailoutbox, run_on_commit
):
    date = only_date(make_event(capacity=1))
    holder = services.sign_up(date, make_newcomer(email="holder@example.com"))[0]
    first = services.sign_up(date, make_newcomer(email="first@example.com"))[0]
    second = services.sign_up(date, make_newcomer(email="second@example.com"))[0]

    with run_on_commit():
        promoted = services.cancel_signup(holder)

    assert promoted == [first]
    first.refresh_from_db()
    second.refresh_from_db()
    holder.refresh_from_db()
    assert (holder.status, first.status, second.status) == ("cancelled", "confirmed", "waiting")
    assert second.waiting_position() == 1
    assert [m.to for m in mailoutbox] == [["first@example.com"]]
    assert mailoutbox[0].subject.startswith("A place for you:")
    assert mailoutbox[0].attachments[0][0] == "event.ics"


def test_moving_up_keeps_strict_order_when_the_first_in_line_needs_more_places(
    make_event, make_newcomer
):
    date = only_date(make_event(capacity=3, max_guests=2))
    holder = services.sign_up(date, make_newcomer(email="h@example.com"))[0]
    services.sign_up(date, make_newcomer(email="h2@example.com"), guests=1)
    family = services.sign_up(date, make_newcomer(email="family@example.com"), guests=2)[0]
    single = services.sign_up(date, make_newcomer(email="single@example.com"))[0]
    assert (family.status, single.status) == ("waiting", "waiting")

    assert services.cancel_signup(holder) == []  # one place free; the family needs three
    family.refresh_from_db()
    single.refresh_from_db()
    assert (family.status, single.status) == ("waiting", "waiting")


def test_leaving_the_waiting_list_moves_nobody_up(make_event, make_newcomer):
    date = only_date(make_event(capacity=1))
    services.sign_up(date, make_newcomer(email="a@example.com"))
    waiting = services.sign_up(date, make_newcomer(email="b@example.com"))[0]
    behind = services.sign_up(date, make_newcomer(email="c@example.com"))[0]

    assert services.cancel_signup(waiting) == []
    assert behind.waiting_position() == 1


def test_no_cancelling_once_the_date_has_started(make_event, newcomer):
    date = only_date(make_event())
    signup = services.sign_up(date, newcomer)[0]
    with pytest.raises(services.SignUpError, match="already started"):
        services.cancel_signup(signup, now=date.start + datetime.timedelta(minutes=5))


def test_signing_up_again_after_cancelling_joins_the_end_of_the_line(make_event, make_newcomer):
    date = only_date(make_event(capacity=1))
    services.sign_up(date, make_newcomer(email="a@example.com"))
    person = make_newcomer(email="b@example.com")
    mine = services.sign_up(date, person)[0]
    services.sign_up(date, make_newcomer(email="c@example.com"))
    services.cancel_signup(mine)

    again, created = services.sign_up(date, person)
    assert created is True
    assert again.status == "waiting"
    assert again.waiting_position() == 2


def test_more_places_from_the_editor_move_people_up(make_event, make_newcomer, mailoutbox):
    event = make_event(capacity=1)
    date = only_date(event)
    services.sign_up(date, make_newcomer(email="a@example.com"))
    waiting = services.sign_up(date, make_newcomer(email="b@example.com"))[0]

    event.capacity = 2
    event.save_revision().publish()

    waiting.refresh_from_db()
    assert waiting.status == "confirmed"


def test_cancelling_a_date_emails_everyone_signed_up_in_their_language(
    make_event, newcomer, danish_newcomer, host, mailoutbox, run_on_commit
):
    date = only_date(make_event(capacity=1))
    services.sign_up(date, newcomer)
    services.sign_up(date, danish_newcomer)  # waiting
    gone = services.sign_up(date, host)[0]
    services.cancel_signup(gone)

    with run_on_commit():
        emailed = services.cancel_occurrence(
            date, message_en="The hall is flooded.", message_da="Salen er oversvømmet."
        )

    date.refresh_from_db()
    assert date.cancelled is True
    assert emailed == 2
    by_address = {m.to[0]: m for m in mailoutbox}
    assert sorted(by_address) == ["amira@example.com", "olga@example.com"]
    assert by_address["amira@example.com"].subject.startswith("Cancelled: ")
    assert "The hall is flooded." in by_address["amira@example.com"].body
    assert by_address["olga@example.com"].subject.startswith("Aflyst: ")
    assert "Salen er oversvømmet." in by_address["olga@example.com"].body
    assert "STATUS:CANCELLED" in by_address["olga@example.com"].attachments[0][1]
    assert services.cancel_occurrence(date) == 0  # already cancelled: nobody emailed twice


def test_cancelling_an_event_cancels_every_upcoming_date(
    make_event, newcomer, mailoutbox, run_on_commit
):
    event = make_event(recurrence="FREQ=WEEKLY;COUNT=3")
    dates = list(event.occurrences.order_by("start"))
    services.sign_up(dates[0], newcomer)
    services.sign_up(dates[2], newcomer)

    with run_on_commit():
        emailed = services.cancel_event(event, "Sorry.")

    assert emailed == 2
    assert list(event.occurrences.values_list("cancelled", flat=True)) == [True, True, True]
    assert len(mailoutbox) == 2


def test_each_date_of_a_recurring_event_has_its_own_sign_ups(make_event, make_newcomer):
    event = make_event(
        capacity=1, start=local(2030, 1, 1, 17), recurrence="FREQ=MONTHLY;BYDAY=1TU;COUNT=3"
    )
    first, second, third = event.occurrences.order_by("start")
    a = make_newcomer(email="a@example.com")
    b = make_newcomer(email="b@example.com")

    assert services.sign_up(first, a)[0].status == "confirmed"
    assert services.sign_up(first, b)[0].status == "waiting"
    assert services.sign_up(second, b)[0].status == "confirmed"
    services.cancel_occurrence(third)

    assert [d.taken() for d in (first, second, third)] == [1, 1, 0]
    third.refresh_from_db()
    assert (first.cancelled, second.cancelled, third.cancelled) == (False, False, True)


def test_public_sign_up_reserves_nothing_until_the_email_link_is_followed(
    make_event, mailoutbox, run_on_commit
):
    date = only_date(make_event(capacity=1, signup_mode=SignUpMode.PUBLIC))
    with run_on_commit():
        signup = services.sign_up_public(date, "Maria", "maria@example.com", "da")

    assert signup.status == "unconfirmed"
    assert date.places_left() == 1
    (email,) = mailoutbox
    assert email.to == ["maria@example.com"]
    assert email.subject.startswith("Bekræft din tilmelding")
    assert f"/da/arrangementer/bekraeft/{signup.token}/" in email.body

    with run_on_commit():
        confirmed = services.confirm_public(signup)
    assert confirmed.status == "confirmed"
    assert date.places_left() == 0
    assert mailoutbox[-1].subject.startswith("Du har en plads")
    assert f"/da/arrangementer/afbud/{signup.token}/" in mailoutbox[-1].body

    assert services.confirm_public(confirmed).status == "confirmed"  # following it twice


def test_public_sign_up_twice_makes_one_sign_up_and_resends_the_link_only_after_a_while(
    make_event, mailoutbox, run_on_commit, monkeypatch
):
    date = only_date(make_event(signup_mode=SignUpMode.PUBLIC))
    with run_on_commit():
        first = services.sign_up_public(date, "Maria", "maria@example.com", "en")
    with run_on_commit():
        second = services.sign_up_public(date, "Maria", "MARIA@example.com", "en")
    assert first.pk == second.pk
    assert SignUp.objects.count() == 1
    assert (first.link_sent, second.link_sent) == (True, False)
    assert len(mailoutbox) == 1  # the second request within the cooldown sends nothing

    later = time.time() + services.CONFIRMATION_RESEND_COOLDOWN.total_seconds() + 1
    monkeypatch.setattr(time, "time", lambda: later)  # the cache's clock
    with run_on_commit():
        third = services.sign_up_public(date, "Maria", "maria@example.com", "en")
    assert third.link_sent
    assert len(mailoutbox) == 2


def test_public_sign_up_is_refused_for_a_participants_only_event(make_event):
    date = only_date(make_event(signup_mode=SignUpMode.PARTICIPANTS))
    with pytest.raises(services.SignUpError):
        services.sign_up_public(date, "Maria", "maria@example.com", "en")


def test_public_confirmation_after_the_deadline_is_refused(make_event):
    date = only_date(make_event(signup_mode=SignUpMode.PUBLIC, start=days_from_now(3)))
    signup = services.sign_up_public(date, "Maria", "maria@example.com", "en")
    with pytest.raises(services.SignUpError, match="closed"):
        services.confirm_public(signup, now=date.start - datetime.timedelta(hours=1))


def test_email_everyone_signed_up_in_their_own_language(
    make_event, newcomer, danish_newcomer, make_newcomer, mailoutbox
):
    date = only_date(make_event(capacity=2, signup_mode=SignUpMode.PUBLIC))
    services.sign_up(date, newcomer, notify=False)
    services.sign_up(date, danish_newcomer, notify=False)
    services.sign_up(date, make_newcomer(email="waiting@example.com"), notify=False)
    services.sign_up_public(date, "Unconfirmed", "nobody@example.com", "en")

    sent = services.email_signed_up(
        date,
        subjects={"en": "Bring your own cup", "da": "Tag din egen kop med"},
        messages={"en": "We are short of cups.", "da": "Vi mangler kopper."},
        include_waiting=False,
    )

    assert sent == 2
    by_address = {m.to[0]: m for m in mailoutbox}
    assert sorted(by_address) == ["amira@example.com", "olga@example.com"]
    assert by_address["amira@example.com"].subject == "Bring your own cup"
    assert "We are short of cups." in by_address["amira@example.com"].body
    assert by_address["olga@example.com"].subject == "Tag din egen kop med"
    assert "Vi mangler kopper." in by_address["olga@example.com"].body


def test_attendance_is_marked_for_the_people_with_a_place(make_event, newcomer, host):
    date = only_date(make_event())
    came = services.sign_up(date, newcomer)[0]
    stayed_home = services.sign_up(date, host)[0]

    assert services.mark_attendance(date, [str(came.pk)]) == 2

    came.refresh_from_db()
    stayed_home.refresh_from_db()
    assert (came.attended, stayed_home.attended) == (True, False)


def test_waiting_positions_for_many_dates_in_one_query(
    make_event, make_newcomer, django_assert_num_queries
):
    dates = [only_date(make_event(capacity=1)) for _ in range(3)]
    waiting = []
    for date in dates:
        services.sign_up(date, make_newcomer(email=f"holder{date.pk}@example.com"))
        for i in range(2):
            waiting.append(
                services.sign_up(date, make_newcomer(email=f"w{date.pk}-{i}@example.com"))[0]
            )
    with django_assert_num_queries(1):
        positions = services.waiting_positions([d.pk for d in dates])
    assert [positions[s.pk] for s in waiting] == [1, 2, 1, 2, 1, 2]


def test_the_deadline_is_per_date(make_event):
    event = make_event(recurrence="FREQ=WEEKLY;COUNT=2", signup_closes_days_before=1)
    first, second = event.occurrences.order_by("start")
    assert second.signup_deadline - first.signup_deadline == datetime.timedelta(weeks=1)
    assert first.signup_open(now=timezone.now())
