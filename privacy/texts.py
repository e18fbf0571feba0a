"""Phrases the declarations share, so the data-protection overview says the same thing the same
way. Retention phrases are computed from the settings when shown."""

from django.utils.functional import lazy
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext


def _kept_with_participant():
    from .retention import retention_days_after_last_match, retention_days_never_matched

    after = retention_days_after_last_match()
    unmatched = retention_days_never_matched()
    return " ".join(
        [
            ngettext(
                "Erased %(days)s day after the person's last match ends.",
                "Erased %(days)s days after the person's last match ends.",
                after,
            )
            % {"days": after},
            ngettext(
                "Someone never matched is erased %(days)s day after their last activity.",
                "Someone never matched is erased %(days)s days after their last activity.",
                unmatched,
            )
            % {"days": unmatched},
            str(_("Erased earlier on request.")),
        ]
    )


KEPT_WITH_PARTICIPANT = lazy(_kept_with_participant, str)()
KEPT_ANONYMISED = _(
    "The text is erased with the person; the anonymous row stays for the programme's reports."
)
KEPT_STAFF = _("As long as the staff account exists.")
KEPT_SHORT = _("Deleted when it expires or when the person is erased.")

SEEN_BY_PERSON_AND_COORDINATORS = _("The person and the coordinators.")
SEEN_BY_PAIR_AND_COORDINATORS = _("Both people in the match and the coordinators.")
SEEN_BY_COORDINATORS = _("The coordinators.")
SEEN_BY_STAFF = _("Editors and coordinators in the admin.")
SEEN_BY_NOBODY = _("Nobody: used only by the system.")

SHOWN_PORTAL_AND_ADMIN = _("The portal and the coordinators' admin.")
SHOWN_ADMIN = _("The admin.")
SHOWN_NOWHERE = _("Not shown anywhere.")

NOT_ABOUT_PARTICIPANTS = _(
    "Only staff accounts (editors and coordinators) have rows here; participants never do."
)
