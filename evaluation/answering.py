"""Answering a survey: saving halfway and sending. One answer per question and person; an
invitation answered is closed for good."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import Answer, Question, SurveyInvitation


def questions_of(invitation):
    if invitation.survey is None:
        return Question.objects.none()
    return invitation.survey.questions.select_related("criterion").order_by("sort_order", "pk")


def initial_answers(invitation, field_name):
    return {
        field_name(answer.question): answer.text or answer.value
        for answer in invitation.answers.select_related("question")
        if answer.question is not None
    }


def save_answers(invitation, answers, *, submit):
    """Store ``answers`` (question, value) for ``invitation``; ``submit`` closes it."""
    with transaction.atomic():
        invitation = SurveyInvitation.objects.select_for_update().get(pk=invitation.pk)
        if invitation.is_answered:
            raise ValidationError(_("You have already sent your answers. Thank you!"))
        for question, value in answers:
            is_text = question.kind == Question.Kind.TEXT
            Answer.objects.update_or_create(
                invitation=invitation,
                question=question,
                defaults={
                    "kind": question.kind,
                    "question_text": question.text,
                    "criterion": question.criterion,
                    "value": "" if is_text else value,
                    "text": value if is_text else "",
                },
            )
        now = timezone.now()
        invitation.saved_at = now
        if submit:
            invitation.submitted_at = now
        invitation.save(update_fields=["saved_at", "submitted_at"])
    return invitation
