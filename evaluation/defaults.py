"""The surveys a programme starts with (``default_surveys.yaml``), made for every new
programme and for the programmes that existed before surveys (migration 0002)."""

from functools import cache
from pathlib import Path

import yaml

SURVEYS_FILE = Path(__file__).with_name("default_surveys.yaml")
GENERATED_QUESTION = (
    "Taking part has helped me with this: {name}.",
    "Deltagelsen har hjulpet mig med dette: {name}.",
)


@cache
def default_surveys():
    return yaml.safe_load(SURVEYS_FILE.read_text(encoding="utf-8"))


def create_default_surveys(programme, *, Survey, Question, SuccessCriterion):
    """Give ``programme`` the default newcomer and host surveys unless it has surveys. The
    model classes are passed in so a data migration can use its historical models."""
    if Survey.objects.filter(programme=programme).exists():
        return []
    criteria = list(SuccessCriterion.objects.filter(programme=programme).order_by("sort_order"))
    by_name = {criterion.name_en: criterion for criterion in criteria}
    made = []
    for audience, spec in default_surveys().items():
        survey = Survey.objects.create(
            programme=programme,
            audience=audience,
            title_en=spec["title"]["en"],
            title_da=spec["title"]["da"],
            intro_en=spec["intro"]["en"],
            intro_da=spec["intro"]["da"],
        )
        questions = [
            {**question, "criterion": by_name.get(question.get("criterion"))}
            for question in spec["questions"]
        ]
        if audience == "newcomer":
            named = {q["criterion"].pk for q in questions if q["criterion"] is not None}
            position = next(
                (i for i, q in enumerate(questions) if q["kind"] == "yes_no"), len(questions)
            )
            extra = [
                {
                    "kind": "agree",
                    "criterion": criterion,
                    "text": {
                        "en": GENERATED_QUESTION[0].format(name=criterion.name_en),
                        "da": GENERATED_QUESTION[1].format(name=criterion.name_da),
                    },
                }
                for criterion in criteria
                if criterion.pk not in named
            ]
            questions[position:position] = extra
        for order, question in enumerate(questions):
            Question.objects.create(
                survey=survey,
                sort_order=order,
                kind=question["kind"],
                required=question.get("required", False),
                criterion=question["criterion"],
                text_en=question["text"]["en"],
                text_da=question["text"]["da"],
            )
        made.append(survey)
    return made


def create_for(programme):
    """``create_default_surveys`` with today's models."""
    from programmes.models import SuccessCriterion

    from .models import Question, Survey

    return create_default_surveys(
        programme, Survey=Survey, Question=Question, SuccessCriterion=SuccessCriterion
    )
