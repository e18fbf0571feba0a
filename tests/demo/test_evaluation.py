"""The demo's evaluation: default surveys for both programmes and about forty former pairs with
answers, so the outcomes report has figures for every section."""

import re

import pytest
from django.utils import timezone

from evaluation.models import Survey, SurveyInvitation
from evaluation.report import Period, outcomes
from portal.models import Match
from programmes.models import Programme

pytestmark = pytest.mark.django_db


def test_both_programmes_have_surveys_and_ended_pairs_with_answers(demo):
    assert Survey.objects.filter(active=True).count() == 4
    ended = Match.objects.exclude(status="active").filter(
        newcomer__user__email__startswith="alumni."
    )
    assert 38 <= ended.count() <= 46
    answered = SurveyInvitation.objects.filter(submitted_at__isnull=False).count()
    assert answered >= 50


def test_the_report_for_the_last_two_years_has_every_section(demo):
    today = timezone.localdate()
    programme = Programme.objects.get(slug="host-programme")
    report = outcomes([programme], Period(today.replace(year=today.year - 2), today))
    assert report.completed + report.ended_early >= 30
    assert report.wait_median is not None and report.survey_response.percent is not None
    assert all(share.percent is not None for _, share in report.criteria)
    assert report.in_work_at_end.percent > report.in_work_at_start.percent


def test_the_results_page_shows_live_figures_from_the_surveys(demo, client):
    danish = client.get("/da/resultater/").content.decode()
    assert "vil anbefale programmet til andre nytilkomne" in danish
    assert "Fra evalueringsspørgeskemaer besvaret fra den" in danish
    # English last: the language of the last request stays active for the next tests.
    html = client.get("/results/").content.decode()
    assert "What newcomers tell us now" in html
    assert re.search(
        r'statistics__figure">\d+ %</span> <span class="statistics__label">would '
        r"recommend the programme",
        html,
    )
