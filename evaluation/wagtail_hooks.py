import datetime

from django.utils import timezone
from wagtail import hooks

from programmes.scoping import scoped

from .admin_panels import SurveysUnansweredPanel
from .invitations import OPEN_FOR_DAYS
from .models import SurveyInvitation


@hooks.register("construct_homepage_panels")
def add_surveys_panel(request, panels):
    user = request.user
    if user.has_perm("evaluation.view_surveyinvitation"):
        since = timezone.now() - datetime.timedelta(days=OPEN_FOR_DAYS)
        invitations = scoped(SurveyInvitation.objects.filter(created_at__gte=since), user)
        panels.append(SurveysUnansweredPanel(invitations=invitations))
