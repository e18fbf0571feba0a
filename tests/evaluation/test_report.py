"""The outcomes report against hand-counted fixtures: matches, waits, meetings against the
rhythm, check-in satisfaction, survey response, success criteria, employment, suppression of
groups under five, and a constant number of queries."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from evaluation.defaults import create_for
from evaluation.models import Answer, Question, SurveyInvitation
from evaluation.report import Period, outcomes, share
from portal.models import Match, RematchRequest
from programmes.defaults import first_programme
from tests.factories import CheckInFactory, MatchFactory, MeetingFactory

pytestmark = pytest.mark.django_db

PERIOD = Period(datetime.date(2026, 1, 1), datetime.date(2026, 6, 30))


def aware(date):
    return timezone.make_aware(datetime.datetime.combine(date, datetime.time(12)))


def answer(invitation, question, value):
    Answer.objects.create(
        invitation=invitation,
        question=question,
        kind=question.kind,
        question_text=question.text,
        criterion=question.criterion,
        value=value,
    )


@pytest.fixture
def programme():
    programme = first_programme()
    create_for(programme)
    return programme


def build(programme, scale=1):
    """Six matches started in the period (waits 10, 20, 30, 40, 50, 60 days); three completed
    and two ended early in it, one of them after a re-match request; five of six newcomers
    answered the survey."""
    survey = programme.surveys.get(audience="newcomer")
    norms = survey.questions.get(criterion__name_en="Understanding Danish norms and culture")
    start_q = survey.questions.get(kind=Question.Kind.WORK_AT_START)
    end_q = survey.questions.get(kind=Question.Kind.WORK_AT_END)
    matches = []
    for number in range(6 * scale):
        start = datetime.date(2026, 1, 5) + datetime.timedelta(days=number % 6)
        match = MatchFactory(
            start_date=start,
            end_date=datetime.date(2026, 7, 5),
            newcomer__waiting_since=aware(start - datetime.timedelta(days=10 * (number % 6 + 1))),
        )
        matches.append(match)
    for match in matches[0::6] + matches[1::6] + matches[2::6]:
        Match.objects.filter(pk=match.pk).update(
            status="completed", ended_on=datetime.date(2026, 6, 20)
        )
    for match in matches[3::6] + matches[4::6]:
        Match.objects.filter(pk=match.pk).update(
            status="ended_early", ended_on=datetime.date(2026, 3, 1)
        )
    for match in matches[3::6]:
        RematchRequestFactory = RematchRequest.objects.create
        RematchRequestFactory(
            match=match, participant=match.newcomer, reason="x", status="rematched"
        )
    norms_values = ["5", "4", "4", "4", "2"]  # four of five reached
    start_values = ["employed", "job_seeking", "job_seeking", "job_seeking", "other"]
    end_values = ["employed", "education", "wage_subsidy", "job_seeking", "other"]
    for index, match in enumerate(matches):
        invitation = SurveyInvitation.objects.create(match=match, participant=match.newcomer)
        SurveyInvitation.objects.filter(pk=invitation.pk).update(
            created_at=aware(datetime.date(2026, 6, 21))
        )
        if index % 6 == 5:
            continue  # one in six never answers
        SurveyInvitation.objects.filter(pk=invitation.pk).update(
            submitted_at=aware(datetime.date(2026, 6, 22))
        )
        answer(invitation, norms, norms_values[index % 6])
        answer(invitation, start_q, start_values[index % 6])
        answer(invitation, end_q, end_values[index % 6])
    return matches


def test_every_figure_matches_the_hand_count(programme):
    build(programme)
    report = outcomes([programme], PERIOD)
    assert (report.matches_started, report.completed, report.ended_early, report.rematched) == (
        6,
        3,
        2,
        1,
    )
    assert sorted(report.waits) == [10, 20, 30, 40, 50, 60]
    assert (report.wait_median, report.wait_longest) == (35, 60)
    assert report.survey_response == share(5, 6)
    assert report.survey_response.percent == 83
    criteria = {c.name_en: s for c, s in report.criteria}
    norms = criteria["Understanding Danish norms and culture"]
    assert (norms.reached, norms.total, norms.percent, norms.meets_target) == (4, 5, 80, True)
    assert criteria["Feeling included in Danish society"].total == 0  # nobody answered it
    assert (report.in_work_at_start.percent, report.in_work_at_end.percent) == (20, 60)


def test_groups_under_five_read_fewer_than_five(programme):
    build(programme)
    Answer.objects.filter(kind="work_end").order_by("pk").first().delete()
    Answer.objects.filter(kind="work_end").order_by("pk").first().delete()
    report = outcomes([programme], PERIOD)
    assert report.in_work_at_end.total == 3
    assert report.in_work_at_end.suppressed and report.in_work_at_end.percent is None


def test_meetings_a_month_against_the_rhythm_and_satisfaction_by_month(programme):
    match = MatchFactory(start_date=datetime.date(2025, 12, 1), end_date=datetime.date(2026, 8, 1))
    for month in range(1, 7):  # one meeting a month: meets the rhythm of at least one
        MeetingFactory(match=match, date=datetime.date(2026, month, 10))
    quiet = MatchFactory(start_date=datetime.date(2025, 12, 1), end_date=datetime.date(2026, 8, 1))
    MeetingFactory(match=quiet, date=datetime.date(2026, 2, 10))
    for _ in range(5):
        check_in = CheckInFactory(match=match, satisfaction=4)
        type(check_in).objects.filter(pk=check_in.pk).update(
            created_at=aware(datetime.date(2026, 3, 3))
        )
    report = outcomes([programme], PERIOD)
    assert report.meeting_rhythm_met == share(1, 2)
    assert report.meetings_per_month == round((6 / (181 / 30.4) + 1 / (181 / 30.4)) / 2, 1)
    march = {month: average for month, average, _ in report.satisfaction_by_month}
    assert march[datetime.date(2026, 3, 1)] == 4.0
    assert march[datetime.date(2026, 4, 1)] is None


def test_the_previous_period_is_the_same_length_just_before():
    previous = PERIOD.previous()
    assert (previous.end, previous.days) == (datetime.date(2025, 12, 31), PERIOD.days)


def test_the_report_costs_the_same_queries_with_few_and_many_rows(programme):
    build(programme)
    with CaptureQueriesContext(connection) as few:
        outcomes([programme], PERIOD)
    build(programme, scale=3)
    with CaptureQueriesContext(connection) as many:
        outcomes([programme], PERIOD)
    assert len(many) == len(few)


URL = "/admin/host-programme/outcomes/"
QUERY = {"start": "2026-01-01", "end": "2026-06-30"}


def test_the_coordinator_reads_the_report_with_its_chart_and_table(client, programme):
    from django.contrib.auth.models import Group

    from programmes.factories import make_coordinator
    from tests.factories import ProgrammeFactory, UserFactory

    matches = build(programme)
    text_question = programme.surveys.get(audience="newcomer").questions.filter(kind="text")[0]
    invitation = SurveyInvitation.objects.get(match=matches[0])
    Answer.objects.create(
        invitation=invitation,
        question=text_question,
        kind="text",
        question_text=text_question.text,
        text="The harbour walks were the best.",
    )
    writer = invitation.participant.user
    writer.last_name = "Quetzalwriter"  # a name no admin page holds otherwise
    writer.save()
    other = ProgrammeFactory()
    create_for(other)
    for _ in range(3):  # another programme's matches must not count
        MatchFactory(newcomer__programme=other, start_date=datetime.date(2026, 2, 1))
    coordinator = UserFactory()
    make_coordinator(coordinator, programme)
    client.force_login(coordinator)
    page = client.get(URL, QUERY).content.decode()
    assert "Understanding Danish norms and culture" in page
    assert "<svg" in page and 'aria-labelledby="criteria-title"' in page
    assert 'aria-labelledby="funnel-title"' in page
    assert 'aria-labelledby="satisfaction-title"' in page
    assert "80 %" in page  # norms: 4 of 5
    assert other.name_en not in page
    assert "The harbour walks were the best." in page
    assert writer.last_name not in page and writer.email not in page  # without names

    export = client.get(URL, {**QUERY, "export": "csv"})
    assert export["Content-Type"].startswith("text/csv")
    lines = export.content.decode().splitlines()
    assert lines[0] == "Section,Measure,This period,The period before,Target"
    assert "Matches,Started,6,0," in lines
    # Fewer than five is never a number: 3 completed, 2 ended early, 1 after a re-match.
    assert "Matches,Completed,fewer than 5,0," in lines
    assert "Matches,Ended after a re-match request,fewer than 5,0," in lines

    editor = UserFactory()
    editor.groups.add(Group.objects.get(name="Editors"))
    client.force_login(editor)
    assert client.get(URL).status_code in (302, 403)


def test_a_bad_period_gets_a_message_not_an_error(client, programme):
    from programmes.factories import make_coordinator
    from tests.factories import UserFactory

    coordinator = UserFactory()
    make_coordinator(coordinator, programme)
    client.force_login(coordinator)
    response = client.get(URL, {"start": "2026-06-30", "end": "2026-01-01"})
    assert response.status_code == 200
    assert "The end must be after the start." in response.content.decode()
    assert client.get(URL, {"start": "garbage", "end": "x" * 500}).status_code == 200


def test_the_funnel_counts_from_every_form_sent_to_a_match(programme):
    from intake.factories import ApplicationFactory
    from intake.models import Application, IneligibleCount

    IneligibleCount.objects.create(
        programme=programme, role="newcomer", day=datetime.date(2026, 2, 1), count=3
    )
    confirmed = aware(datetime.date(2026, 2, 2))
    matched = MatchFactory(start_date=datetime.date(2026, 3, 1))
    statuses = [
        ("accepted", matched.newcomer),
        ("accepted", None),
        ("to_review", None),
        ("declined", None),
    ]
    for status, participant in statuses:
        application = ApplicationFactory(
            programme=programme, status=status, participant=participant
        )
        Application.objects.filter(pk=application.pk).update(confirmed_at=confirmed)
    report = outcomes([programme], PERIOD)
    assert report.funnel == [("sent", 7), ("eligible", 4), ("accepted", 2), ("matched", 1)]


def test_the_trend_line_breaks_where_a_month_is_suppressed():
    from evaluation.templatetags.charts import trend_chart

    chart = trend_chart(
        [("Jan", 4.0), ("Feb", 3.5), ("Mar", None), ("Apr", 4.5), ("May", 5.0)], "t"
    )
    assert len(chart["segments"]) == 2
    assert [dot.get("y") for dot in chart["dots"]][2] is None
    assert chart["dots"][4]["y"] == 0  # 5 of 5 is the top of the chart


def test_the_report_downloads_as_an_excel_workbook_and_reads_in_danish(client, programme):
    import io

    from openpyxl import load_workbook
    from wagtail.users.models import UserProfile

    from programmes.factories import make_coordinator
    from tests.factories import UserFactory

    build(programme)
    coordinator = UserFactory()
    make_coordinator(coordinator, programme)
    client.force_login(coordinator)
    response = client.get(URL, {**QUERY, "export": "xlsx"})
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == ("Section", "Measure", "This period", "The period before", "Target")
    assert ("Matches", "Started", 6, 0, None) in rows

    profile = UserProfile.get_for_user(coordinator)
    profile.preferred_language = "da"
    profile.save()
    page = client.get(URL, QUERY).content.decode()
    assert "Resultatrapport" in page and "Succeskriterier set i forhold til målene" in page
    assert "Forståelse af danske normer og kultur" in page
