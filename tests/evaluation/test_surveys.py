"""End-of-match surveys: the defaults, who is invited when, the reminders, answering by the
personal link (halfway and for good), and the coordinators' editor."""

import datetime
import re

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone, translation

from evaluation import invitations
from evaluation.defaults import create_for
from evaluation.models import Answer, Question, Survey, SurveyInvitation
from notifications.reminders import run_daily
from portal import services
from portal.models import Match
from privacy.erasure import erase_person
from programmes.defaults import first_programme
from programmes.factories import make_coordinator
from tests.factories import MatchFactory, ProgrammeFactory, UserFactory

pytestmark = pytest.mark.django_db


def end(match, status=Match.Status.COMPLETED, on=None):
    return services.end_match(
        match,
        status,
        reason="Moved away" if status != "completed" else "",
        ended_on=on,
        notify=False,
    )


@pytest.fixture
def programme():
    programme = first_programme()
    create_for(programme)
    return programme


@pytest.fixture
def ended(programme):
    match = MatchFactory(
        newcomer__user__first_name="Amira",
        newcomer__user__preferred_language="da",
        host__user__first_name="Henrik",
        start_date=timezone.localdate() - datetime.timedelta(days=190),
    )
    end(match)
    return match


def survey_mails(mailoutbox):
    return [mail for mail in mailoutbox if "/survey/" in mail.body or "/spoergeskema/" in mail.body]


def test_the_default_surveys_count_toward_each_success_criterion(programme):
    newcomer = Survey.objects.get(programme=programme, audience="newcomer")
    counted = newcomer.questions.exclude(criterion=None)
    assert sorted(q.criterion.name_en for q in counted) == sorted(
        c.name_en for c in programme.success_criteria.all()
    )
    kinds = list(newcomer.questions.values_list("kind", flat=True))
    assert kinds.count("agree") == 1 + 14  # satisfaction and the fourteen knowledge items
    assert {"work_start", "work_end", "yes_no", "text"} <= set(kinds)
    host = Survey.objects.get(programme=programme, audience="host")
    assert host.questions.count() < newcomer.questions.count()
    # A programme with criteria of its own gets a question for each of them.
    mentors = ProgrammeFactory(criteria=[("A professional network", "Et fagligt netværk", 60)])
    create_for(mentors)
    generated = Question.objects.get(survey__programme=mentors, criterion__isnull=False)
    assert generated.text_en == "Taking part has helped me with this: A professional network."
    assert generated.text_da == "Deltagelsen har hjulpet mig med dette: Et fagligt netværk."


def test_both_people_of_an_ended_match_are_invited_once_and_emailed_in_their_language(
    ended, mailoutbox
):
    MatchFactory()  # still running: nobody asked
    run_daily()
    assert SurveyInvitation.objects.count() == 2
    by_person = {mail.to[0]: mail for mail in survey_mails(mailoutbox)}
    danish = by_person[ended.newcomer.user.email]
    assert danish.subject == "Hvordan gik dit match? Et kort spørgeskema"
    assert "/da/spoergeskema/" in danish.body
    english = by_person[ended.host.user.email]
    assert english.subject == "How did your match go? A short survey"
    assert "/survey/" in english.body and "/da/" not in english.body

    run_daily()  # the same day again: nothing new
    assert len(survey_mails(mailoutbox)) == 2 and SurveyInvitation.objects.count() == 2


def test_unanswered_invitations_are_reminded_twice_and_answered_ones_never(ended, mailoutbox):
    today = timezone.localdate()
    run_daily(today)
    newcomer_invitation = SurveyInvitation.objects.get(participant=ended.newcomer)
    newcomer_invitation.submitted_at = timezone.now()
    newcomer_invitation.save()
    mailoutbox.clear()
    for day in range(1, 30):
        run_daily(today + datetime.timedelta(days=day))
    reminders = survey_mails(mailoutbox)
    assert [mail.to[0] for mail in reminders] == [ended.host.user.email] * 2
    assert all("A reminder" in mail.subject for mail in reminders)


def test_an_early_end_and_a_rematch_are_asked_too_but_not_an_erased_person(programme, mailoutbox):
    early = MatchFactory()
    end(early, Match.Status.ENDED_EARLY)
    gone = MatchFactory()
    end(gone, Match.Status.ENDED_EARLY)
    erase_person(gone.newcomer.user)
    run_daily()
    invited = set(SurveyInvitation.objects.values_list("participant", flat=True))
    assert invited == {early.newcomer.pk, early.host.pk, gone.host.pk}


def test_no_survey_no_invitation(mailoutbox):
    match = MatchFactory()
    Survey.objects.filter(programme=match.programme).update(active=False)
    end(match)
    run_daily()
    assert SurveyInvitation.objects.count() == 0 and survey_mails(mailoutbox) == []


@pytest.fixture
def invitation(ended):
    invitations.invite_ended_matches()
    return SurveyInvitation.objects.get(participant=ended.newcomer)


def url(invitation, language="en"):
    with translation.override(language):
        return reverse("evaluation:answer", args=[invitations.token_for(invitation)])


def questions(invitation):
    return list(invitation.survey.questions.order_by("sort_order"))


def test_the_survey_opens_without_logging_in_in_the_persons_language(client, invitation):
    page = client.get(url(invitation, "da")).content.decode()
    assert "Hvordan gik dit værtsprogram?" in page
    assert "Jeg var tilfreds med møderne med min vært." in page
    assert "Helt enig" in page
    assert 'name="robots" content="noindex"' in page


def test_a_wrong_or_altered_link_finds_nothing(client, invitation):
    token = invitations.token_for(invitation)
    assert client.get(f"/survey/{token[:-2]}xx/").status_code == 404
    assert client.get("/survey/1/").status_code == 404


def test_saving_halfway_keeps_the_answers_and_sending_closes_the_survey(client, invitation):
    first, start, now = questions(invitation)[:3]
    response = client.post(url(invitation), {f"q{first.pk}": "5", "save": "1"}, follow=True)
    page = response.content.decode()
    assert "Your answers are saved." in page
    invitation.refresh_from_db()
    assert invitation.saved_at is not None and invitation.submitted_at is None
    chosen = re.findall(rf'<input type="radio" name="q{first.pk}" value="(\d)"[^>]* checked', page)
    assert chosen == ["5"]  # the saved answer is shown when they come back

    # Sending needs the required answers; what was typed stays.
    best = next(q for q in questions(invitation) if q.kind == "text")
    response = client.post(
        url(invitation), {f"q{first.pk}": "4", f"q{best.pk}": "The walks.", "send": "1"}
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "Choose an answer to this question." in page and "The walks." in page
    invitation.refresh_from_db()
    assert invitation.submitted_at is None

    data = {
        f"q{first.pk}": "4",
        f"q{start.pk}": "job_seeking",
        f"q{now.pk}": "employed",
        f"q{best.pk}": "The walks.",
        "send": "1",
    }
    response = client.post(url(invitation), data, follow=True)
    assert "Thank you for your answers" in response.content.decode()
    invitation.refresh_from_db()
    assert invitation.is_answered
    answers = {a.question_id: (a.value, a.text) for a in invitation.answers.all()}
    assert answers == {
        first.pk: ("4", ""),
        start.pk: ("job_seeking", ""),
        now.pk: ("employed", ""),
        best.pk: ("", "The walks."),
    }

    # Answered once: the link thanks them and changes nothing.
    again = client.post(url(invitation), {**data, f"q{first.pk}": "1"}, follow=True)
    assert "Thank you for your answers" in again.content.decode()
    assert Answer.objects.get(invitation=invitation, question=first).value == "4"


def test_an_answer_keeps_the_question_and_criterion_it_was_asked_with(client, invitation):
    counted = next(q for q in questions(invitation) if q.criterion_id)
    client.post(url(invitation, "da"), {f"q{counted.pk}": "5", "save": "1"})
    criterion = counted.criterion
    counted.criterion = None
    counted.text_en = "Changed later"
    counted.save()
    answer = Answer.objects.get(question=counted)
    assert (answer.criterion, answer.reaches_criterion) == (criterion, True)
    assert answer.question_text == counted.text_da


def test_a_choice_answer_counts_the_same_in_both_languages(client, invitation):
    survey = invitation.survey
    question = Question.objects.create(
        survey=survey,
        sort_order=99,
        kind="choice",
        text_en="How did you hear of us?",
        text_da="Hvordan hørte du om os?",
        choices_en="A friend\nThe municipality",
        choices_da="En ven\nKommunen",
    )
    page = client.get(url(invitation, "da")).content.decode()
    assert "Kommunen" in page
    client.post(url(invitation, "da"), {f"q{question.pk}": "2", "save": "1"})
    assert Answer.objects.get(question=question).value == "2"


def test_garbage_and_huge_input_get_a_message_not_an_error(client, invitation):
    first = questions(invitation)[0]
    best = next(q for q in questions(invitation) if q.kind == "text")
    response = client.post(
        url(invitation), {f"q{first.pk}": "99", f"q{best.pk}": "x" * 5000, "save": "1"}
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "Select a valid choice." in page
    assert "Ensure this value has at most 2000 characters" in page
    assert not Answer.objects.exists()


def test_the_link_closes_after_sixty_days(client, invitation):
    SurveyInvitation.objects.filter(pk=invitation.pk).update(
        created_at=timezone.now() - datetime.timedelta(days=61)
    )
    assert "This survey has closed" in client.get(url(invitation)).content.decode()


# --- the coordinators' editor ----------------------------------------------------------------


@pytest.fixture
def coordinator(programme):
    user = UserFactory()
    make_coordinator(user, programme)
    return user


def test_a_coordinator_edits_only_their_programmes_surveys(client, coordinator, programme):
    other = ProgrammeFactory()
    create_for(other)
    client.force_login(coordinator)
    listing = client.get(reverse("surveys:index")).content.decode()
    assert "How did your host programme go?" in listing
    own = Survey.objects.get(programme=programme, audience="host")
    theirs = Survey.objects.get(programme=other, audience="host")
    assert client.get(reverse("surveys:edit", args=[own.pk])).status_code == 200
    assert client.get(reverse("surveys:edit", args=[theirs.pk])).status_code == 404
    form = client.get(reverse("surveys:add")).content.decode()
    assert other.name_en not in form


def test_an_editor_sees_no_surveys(client):
    editor = UserFactory()
    editor.groups.add(Group.objects.get(name="Editors"))
    client.force_login(editor)
    assert client.get(reverse("surveys:index")).status_code in (302, 403)


def test_the_home_page_lists_unanswered_surveys_and_links_to_writing_to_them(
    client, coordinator, invitation
):
    client.force_login(coordinator)
    home = client.get("/admin/").content.decode()
    assert "Surveys not answered" in home
    assert str(invitation.participant) in home
    assert "/admin/host-programme/messages/new/?status=survey_unanswered" in home
    compose = client.get("/admin/host-programme/messages/new/?status=survey_unanswered")
    assert '<option value="survey_unanswered" selected>' in compose.content.decode()


def test_a_coordinator_writes_a_survey_in_both_languages(client, coordinator, programme):
    from tests.programmes.test_admin import inline

    Survey.objects.filter(programme=programme, audience="host").update(active=False)
    criterion = programme.success_criteria.get(name_en="Wanting to stay in Denmark")
    other_criterion = ProgrammeFactory().success_criteria.first()
    client.force_login(coordinator)
    questions = [
        {
            "kind": "agree",
            "text_en": "I would host again.",
            "text_da": "Jeg vil gerne være vært igen.",
            "criterion": str(criterion.pk),
            "required": "on",
        },
        {
            "kind": "choice",
            "text_en": "How did you hear of us?",
            "text_da": "Hvordan hørte du om os?",
            "choices_en": "A friend\nThe municipality",
            "choices_da": "En ven\nKommunen",
        },
    ]
    form = {
        "programme": str(programme.pk),
        "audience": "host",
        "title_en": "Hosting, looking back",
        "title_da": "Værtskabet set i bakspejlet",
        "active": "on",
        **inline("questions", questions),
    }
    # A criterion of another programme is refused with a message, and nothing is saved.
    refused = client.post(
        reverse("surveys:add"),
        {**form, "questions-0-criterion": str(other_criterion.pk)},
    )
    assert refused.status_code == 200
    assert not Survey.objects.filter(title_en="Hosting, looking back").exists()

    response = client.post(reverse("surveys:add"), form)
    assert response.status_code == 302
    survey = Survey.objects.get(title_en="Hosting, looking back")
    assert survey.title_da == "Værtskabet set i bakspejlet"
    assert [(q.kind, q.text_da, q.criterion) for q in survey.questions.order_by("sort_order")] == [
        ("agree", "Jeg vil gerne være vært igen.", criterion),
        ("choice", "Hvordan hørte du om os?", None),
    ]
    with translation.override("da"):
        assert survey.questions.get(kind="choice").choice_list() == [
            ("1", "En ven"),
            ("2", "Kommunen"),
        ]
