"""The coordinators' and participants' actions on the waiting line and on proposals, as
Wagtail audit log actions (registered in matching/wagtail_hooks.py)."""

from django.utils.translation import gettext_lazy as _

WAITING_PAUSED = "matching.waiting_pause"
WAITING_RESUMED = "matching.waiting_resume"
PROPOSED = "matching.propose"
PROPOSAL_ACCEPTED = "matching.proposal_accept"
PROPOSAL_DECLINED = "matching.proposal_decline"
PROPOSAL_WITHDRAWN = "matching.proposal_withdraw"
MATCH_STARTED = "matching.proposal_match"
DIRECT_MATCH_DESPITE_WARNINGS = "matching.direct_match_warned"


def register_actions(actions):
    actions.register_action(
        WAITING_PAUSED, _("Pause waiting"), _("Paused the wait (the place is kept)")
    )
    actions.register_action(WAITING_RESUMED, _("Resume waiting"), _("Resumed the wait"))
    actions.register_action(PROPOSED, _("Propose a match"), _("Proposed a match"))
    actions.register_action(
        PROPOSAL_ACCEPTED, _("Accept a match proposal"), _("Accepted the match proposal")
    )
    actions.register_action(
        PROPOSAL_DECLINED, _("Decline a match proposal"), _("Declined the match proposal")
    )
    actions.register_action(
        PROPOSAL_WITHDRAWN, _("Withdraw a match proposal"), _("Withdrew the match proposal")
    )
    actions.register_action(
        MATCH_STARTED, _("Start a proposed match"), _("Both accepted: the match started")
    )
    actions.register_action(
        DIRECT_MATCH_DESPITE_WARNINGS,
        _("Create a match despite warnings"),
        _("Created a match despite warnings"),
    )
