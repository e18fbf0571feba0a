"""Survey answers are personal data while they can be tied to a person; declared for the
registry (privacy/registry.py). Erasure keeps the invitation and the chosen answers (they count
in the programme's reports, with the anonymised participant) and empties every written
answer, which could say who wrote it."""

from django.utils.translation import gettext_lazy as _

from privacy import texts
from privacy.registry import BLANK, KEEP, declare, json_value

from .models import Answer, SurveyInvitation


def _invitations(person):
    if person.participant is None:
        return SurveyInvitation.objects.none()
    return SurveyInvitation.objects.filter(participant=person.participant)


def _answers(person):
    return Answer.objects.filter(invitation__in=_invitations(person))


def _export_answers(person):
    return [
        {
            "match": answer.invitation.match_id,
            "question": answer.question_text,
            "answer": answer.value,
            "written_answer": answer.text,
        }
        for answer in _answers(person).select_related("invitation").order_by("pk")
    ]


SEEN_BY = _("The coordinators, without names; reports show only groups of five or more.")

declare(
    "evaluation.SurveyInvitation",
    category=_("Evaluation surveys"),
    purpose=_("Asking each person how their match went, and reminding them once or twice."),
    shown=_("The survey page (by the personal link) and the coordinators' reports."),
    seen_by=SEEN_BY,
    kept=texts.KEPT_ANONYMISED,
    personal={"participant": KEEP, "match": KEEP},
    not_personal=["survey", "created_at", "saved_at", "submitted_at"],
    rows=_invitations,
    export=lambda person: [
        {
            "match": invitation.match_id,
            "invited": json_value(invitation, "created_at"),
            "answered": json_value(invitation, "submitted_at"),
        }
        for invitation in _invitations(person).order_by("pk")
    ],
    export_key="survey_invitations",
)
declare(
    "evaluation.Answer",
    category=_("Evaluation surveys"),
    purpose=_("Measuring the programme against its success criteria."),
    shown=_("The coordinators' reports, as figures and as written answers without names."),
    seen_by=SEEN_BY,
    kept=texts.KEPT_ANONYMISED,
    personal={"text": BLANK, "invitation": KEEP},
    not_personal=["question", "kind", "question_text", "criterion", "value"],
    rows=_answers,
    export=_export_answers,
    export_key="survey_answers",
)
declare(
    "evaluation.Survey",
    exempt=_("The survey's questions, written by coordinators: no personal data."),
    not_personal=[
        "programme",
        "audience",
        "active",
        *(f"{name}{s}" for name in ("title", "intro") for s in ("", "_en", "_da")),
    ],
)
declare(
    "evaluation.Question",
    exempt=_("A survey question: no personal data."),
    not_personal=[
        "survey",
        "sort_order",
        "kind",
        "criterion",
        "required",
        *(f"{name}{s}" for name in ("text", "choices") for s in ("", "_en", "_da")),
    ],
)
