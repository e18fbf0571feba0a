"""The survey page: reached by the personal link in the email, without logging in."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from . import answering, invitations
from .forms import SurveyForm, field_name


@never_cache
def answer(request, token):
    invitation = invitations.invitation_for_token(token)
    if invitation is None or invitation.survey is None:
        raise Http404
    context = {"invitation": invitation, "survey": invitation.survey}
    if invitation.is_answered:
        return TemplateResponse(request, "evaluation/thanks.html", context)
    if not invitations.is_open(invitation):
        return TemplateResponse(request, "evaluation/closed.html", context)
    questions = answering.questions_of(invitation)
    if request.method == "POST":
        submit = "send" in request.POST
        form = SurveyForm(request.POST, questions=questions, finishing=submit)
        if form.is_valid():
            try:
                answering.save_answers(invitation, form.answers(), submit=submit)
            except ValidationError:
                return TemplateResponse(request, "evaluation/thanks.html", context)
            if not submit:
                messages.success(
                    request,
                    _("Your answers are saved. Come back with the link in your email to finish."),
                )
            return redirect(request.path)
    else:
        form = SurveyForm(
            questions=questions, initial=answering.initial_answers(invitation, field_name)
        )
    context.update(form=form, closes_on=invitations.closes_on(invitation))
    return TemplateResponse(request, "evaluation/answer.html", context)
