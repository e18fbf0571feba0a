"""The coordinator's home page: surveys not answered yet (the invitation still open)."""

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from adminui.columns import admin_date
from portal.admin_panels import CoordinatorPanel, Row


class SurveysUnansweredPanel(CoordinatorPanel):
    """Open survey invitations without answers, oldest first; the link writes to those people
    (a message to the group "survey not answered")."""

    name = "surveys"
    heading = gettext_lazy("Surveys not answered")
    order = 45

    def sections(self):
        invitations = (
            self.querysets["invitations"]
            .filter(submitted_at__isnull=True)
            .select_related("participant__user")
            .order_by("created_at", "pk")
        )

        def row(invitation):
            detail = _("%(role)s, invited %(date)s") % {
                "role": invitation.participant.get_role_display(),
                "date": admin_date(invitation.created_at),
            }
            return Row(
                str(invitation.participant),
                reverse("host_participants:edit", args=[invitation.participant_id]),
                detail,
            )

        return [(invitations, row)]

    def link(self):
        return (
            reverse("group_messages:compose") + "?status=survey_unanswered",
            _("Write to everyone who has not answered"),
        )
