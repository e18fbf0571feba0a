"""Messages to groups: who a choice reaches, the count before sending, delivery in each
person's language in the background, a failed address retried, and the nudge to quiet pairs."""

import datetime
from unittest import mock

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone

from evaluation.models import SurveyInvitation
from events import services as event_services
from events.models.pages import Category
from notifications import audiences, group_messages
from notifications.models import Delivery, GroupMessage
from notifications.reminders import run_daily
from portal.models import Participant
from programmes.defaults import first_programme
from programmes.factories import make_coordinator
from tests.factories import (
    HostFactory,
    MatchFactory,
    MeetingFactory,
    NewcomerFactory,
    ProgrammeFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


def ago(days):
    return TODAY - datetime.timedelta(days=days)


@pytest.fixture
def people(make_event):
    """One person for each status in the first programme, and one of another programme."""
    programme = first_programme()
    waiting = NewcomerFactory(user__first_name="Wanda", wanted_host_kind="career")
    matched = MatchFactory(
        newcomer__user__first_name="Mona",
        host__user__first_name="Hugo",
        start_date=ago(10),
    )
    MeetingFactory(match=matched, date=ago(2))
    ending = MatchFactory(newcomer__user__first_name="Erik", start_date=ago(170), end_date=ago(-10))
    MeetingFactory(match=ending, date=ago(3))
    quiet = MatchFactory(newcomer__user__first_name="Quinn", start_date=ago(100))
    MeetingFactory(match=quiet, date=ago(60))
    surveyed = MatchFactory(newcomer__user__first_name="Sara", start_date=ago(200))
    surveyed.status, surveyed.ended_on = "completed", ago(5)
    surveyed.save()
    SurveyInvitation.objects.create(match=surveyed, participant=surveyed.newcomer)
    no_news = NewcomerFactory(user__first_name="Nils", receives_news=False)
    course = make_event(category=Category.HOST_COURSE).occurrences.get()
    trained = HostFactory(user__first_name="Tove")
    signup, _ = event_services.sign_up(course, trained.user, notify=False)
    signup.attended = True
    signup.save()
    elsewhere = NewcomerFactory(programme=ProgrammeFactory(), user__first_name="Otto")
    return {
        "programme": programme,
        "waiting": waiting,
        "matched": matched,
        "ending": ending,
        "quiet": quiet,
        "surveyed": surveyed,
        "no_news": no_news,
        "course": course,
        "trained": trained,
        "elsewhere": elsewhere,
    }


def names(queryset):
    return sorted(queryset.values_list("user__first_name", flat=True))


def test_each_choice_selects_the_right_people(people):
    mine = Participant.objects.filter(programme=people["programme"])
    pick = lambda **choices: names(audiences.recipients(mine, **choices))  # noqa: E731
    assert "Otto" not in pick() and "Nils" not in pick()
    assert "Nils" in pick(news=False)  # about their own match: everyone
    assert pick(status="waiting", news=False) == ["Nils", "Wanda"]
    assert pick(status="ending", role="newcomer") == ["Erik"]
    assert pick(status="quiet") == sorted(["Quinn", people["quiet"].host.user.first_name])
    assert pick(status="survey_unanswered") == ["Sara"]
    assert "Mona" in pick(status="matched") and "Wanda" not in pick(status="matched")
    assert pick(track="career", role="newcomer") == ["Wanda"]
    hosts_without_course = pick(without_host_course=True)
    assert "Tove" not in hosts_without_course and "Hugo" in hosts_without_course
    assert pick(occurrence=people["course"]) == ["Tove"]


@pytest.fixture
def coordinator():
    user = UserFactory(preferred_language="en")
    make_coordinator(user)
    return user


def compose(**overrides):
    return {
        "programmes": [first_programme().pk],
        "role": "newcomer",
        "track": "",
        "status": "waiting",
        "kind": "match",
        "subject_en": "Your place on the waiting list",
        "body_en": "We are still looking for your host.",
        "subject_da": "Din plads på ventelisten",
        "body_da": "Vi leder stadig efter din vært.",
        **overrides,
    }


def test_the_coordinator_sees_the_count_then_sends_in_each_language(
    client, people, coordinator, mailoutbox, on_commit
):
    people["waiting"].user.preferred_language = "da"
    people["waiting"].user.save()
    client.force_login(coordinator)
    url = reverse("group_messages:compose")
    preview = client.post(url, compose(preview="1")).content.decode()
    assert "This message reaches 2 people." in preview
    assert GroupMessage.objects.count() == 0 and mailoutbox == []

    with on_commit():
        response = client.post(url, compose(send="1", confirmed_count="2"))
    message = GroupMessage.objects.get()
    assert response.status_code == 302
    subjects = {mail.to[0]: mail.subject for mail in mailoutbox}
    assert subjects == {
        people["waiting"].user.email: "Din plads på ventelisten",
        people["no_news"].user.email: "Your place on the waiting list",
    }
    assert set(message.deliveries.values_list("status", flat=True)) == {"sent"}
    assert message.finished_at is not None
    detail = client.get(reverse("group_messages:detail", args=[message.pk])).content.decode()
    assert people["waiting"].user.email in detail and "Sent: 2" in detail


def test_a_changed_count_is_shown_again_before_sending(client, people, coordinator, mailoutbox):
    client.force_login(coordinator)
    page = client.post(
        reverse("group_messages:compose"), compose(send="1", confirmed_count="1")
    ).content.decode()
    assert "This message reaches 2 people." in page
    assert GroupMessage.objects.count() == 0


def test_english_only_goes_to_everyone_in_english(
    client, people, coordinator, mailoutbox, on_commit
):
    people["waiting"].user.preferred_language = "da"
    people["waiting"].user.save()
    client.force_login(coordinator)
    with on_commit():
        client.post(
            reverse("group_messages:compose"),
            compose(send="1", confirmed_count="2", subject_da="", body_da=""),
        )
    assert {mail.subject for mail in mailoutbox} == {"Your place on the waiting list"}


def test_news_leaves_out_who_turned_it_off_and_says_how(
    client, people, coordinator, mailoutbox, on_commit
):
    client.force_login(coordinator)
    with on_commit():
        client.post(
            reverse("group_messages:compose"),
            compose(kind="news", send="1", confirmed_count="1"),
        )
    [mail] = mailoutbox
    assert mail.to == [people["waiting"].user.email]
    assert "News and invitations by email" in mail.body


def test_one_failing_address_is_recorded_and_retried_not_the_end_of_the_run(
    people, coordinator, mailoutbox, on_commit
):
    mine = Participant.objects.filter(programme=people["programme"])
    recipients = audiences.recipients(mine, status="waiting", news=False)
    real_send = group_messages.send_email
    broken = people["waiting"].user.email

    def flaky(template, to, *args, **kwargs):
        if to == broken:
            raise OSError("Mailbox unavailable")
        return real_send(template, to, *args, **kwargs)

    with mock.patch.object(group_messages, "send_email", flaky), on_commit():
        message = group_messages.queue_message(
            sender=coordinator,
            programmes=[people["programme"]],
            people=recipients,
            kind="match",
            texts={"subject_en": "Hello", "body_en": "Hi", "subject_da": "", "body_da": ""},
            audience={},
            description="test",
        )
    failed = message.deliveries.get(email=broken)
    assert (failed.status, failed.attempts, failed.error) == ("failed", 1, "Mailbox unavailable")
    assert [mail.to[0] for mail in mailoutbox] == [people["no_news"].user.email]
    message.refresh_from_db()
    assert message.finished_at is None

    run_daily()  # the daily run tries it again
    failed.refresh_from_db()
    assert (failed.status, failed.attempts) == ("sent", 2)
    assert broken in [mail.to[0] for mail in mailoutbox]


def test_another_programmes_coordinator_finds_nothing(client, people, coordinator, on_commit):
    message = group_messages.queue_message(
        sender=coordinator,
        programmes=[people["programme"]],
        people=Participant.objects.filter(pk=people["waiting"].pk),
        kind="match",
        texts={"subject_en": "Hello", "body_en": "Hi", "subject_da": "", "body_da": ""},
        audience={},
        description="test",
    )
    other = UserFactory()
    make_coordinator(other, people["elsewhere"].programme)
    client.force_login(other)
    assert client.get(reverse("group_messages:detail", args=[message.pk])).status_code == 404
    assert "Hello" not in client.get(reverse("group_messages:index")).content.decode()
    form = client.get(reverse("group_messages:compose")).content.decode()
    assert people["programme"].name_en not in form


def test_an_editor_cannot_write_to_groups(client):
    editor = UserFactory()
    editor.groups.add(Group.objects.get(name="Editors"))
    client.force_login(editor)
    assert client.get(reverse("group_messages:compose")).status_code in (302, 403)
    assert Delivery.objects.count() == 0


def test_quiet_pairs_get_a_friendly_nudge_once_per_quiet_stretch(people, mailoutbox):
    run_daily()
    quiet = people["quiet"]
    nudged = sorted(m.to[0] for m in mailoutbox if "again?" in m.subject)
    assert nudged == sorted([quiet.newcomer.user.email, quiet.host.user.email])
    body = next(
        m.body for m in mailoutbox if "again?" in m.subject and m.to[0] == quiet.newcomer.user.email
    )
    assert "/portal/wheel/" in body
    mailoutbox.clear()
    run_daily()
    assert not [m for m in mailoutbox if "again?" in m.subject]


# Committed for real: the worker closes and reopens its database connection between tasks,
# which a test wrapped in one transaction cannot survive on PostgreSQL.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_in_production_the_message_waits_in_the_queue_for_the_worker(
    people, coordinator, mailoutbox, settings
):
    """Production queues the sending in the database (settings/production.py): the request
    returns at once and ``manage.py db_worker`` sends."""
    from django.core.management import call_command
    from django_tasks_db.models import DBTaskResult

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    mine = Participant.objects.filter(programme=people["programme"])
    message = group_messages.queue_message(
        sender=coordinator,
        programmes=[people["programme"]],
        people=audiences.recipients(mine, status="waiting", news=False),
        kind="match",
        texts={"subject_en": "Hello", "body_en": "Hi", "subject_da": "", "body_da": ""},
        audience={},
        description="test",
    )
    assert mailoutbox == [] and DBTaskResult.objects.count() == 1
    call_command("db_worker", batch=True, verbosity=0)
    assert len(mailoutbox) == 2
    assert set(message.deliveries.values_list("status", flat=True)) == {"sent"}


def test_an_event_choice_or_garbage_gets_an_answer_not_an_error(client, people, coordinator):
    client.force_login(coordinator)
    url = reverse("group_messages:compose")
    chosen = client.post(
        url, compose(status="", role="", occurrence=people["course"].pk, preview="1")
    )
    assert "This message reaches 1 person." in chosen.content.decode()
    for garbage in ("999999", "x" * 500, "-1"):
        response = client.post(url, compose(occurrence=garbage, preview="1"))
        assert response.status_code == 200
        assert "Select a valid choice" in response.content.decode()
