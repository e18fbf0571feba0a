"""Live figures on the public results page: the share from the surveys of the last whole
months, the period shown, and fewer than five answers never shown as a percentage."""

import datetime
import json

import pytest
from django.utils import timezone

from evaluation.defaults import create_for
from evaluation.models import Answer, SurveyInvitation
from evaluation.report import last_whole_months
from home.models import ContentPage
from programmes.defaults import first_programme
from tests.factories import MatchFactory

pytestmark = pytest.mark.django_db


def answered(question, values):
    when = timezone.now() - datetime.timedelta(days=40)
    for value in values:
        match = MatchFactory()
        invitation = SurveyInvitation.objects.create(match=match, participant=match.newcomer)
        SurveyInvitation.objects.filter(pk=invitation.pk).update(submitted_at=when)
        Answer.objects.create(
            invitation=invitation,
            question=question,
            kind=question.kind,
            question_text=question.text,
            criterion=question.criterion,
            value=value,
        )


def results_page(home_page, measure):
    body = [
        {
            "type": "live_figures",
            "value": {
                "title": "What newcomers say",
                "months": "12",
                "figures": [
                    {
                        "type": "item",
                        "id": "6f1d3c2e-0000-4000-8000-000000000001",
                        "value": {"measure": measure, "label": "would recommend us"},
                    }
                ],
            },
        }
    ]
    page = ContentPage(
        title_en="Results", title_da="Resultater", slug_en="results", slug_da="resultater"
    )
    page.body_en = json.dumps(body)
    home_page.add_child(instance=page)
    page.save_revision().publish()
    return page


@pytest.fixture
def recommend():
    programme = first_programme()
    create_for(programme)
    return programme.surveys.get(audience="newcomer").questions.get(kind="yes_no")


def test_the_results_page_shows_the_live_share_and_its_period(client, home_page, recommend):
    answered(recommend, ["yes"] * 11 + ["no"])
    results_page(home_page, f"question:{recommend.pk}")
    html = client.get("/results/").content.decode()
    assert "92 %" in html and "would recommend us" in html
    period = last_whole_months(12)
    assert f"answered from {period.start.strftime('%-d %B %Y')}" in html


def test_fewer_than_five_answers_are_never_a_percentage(client, home_page, recommend):
    answered(recommend, ["yes", "yes", "no"])
    results_page(home_page, f"question:{recommend.pk}")
    html = client.get("/results/").content.decode()
    assert "fewer than 5" in html and "67 %" not in html
