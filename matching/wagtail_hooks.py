"""Wagtail admin: the newcomer's "Suggest hosts" screen and the audit log's proposal action.
(The "Suggest matches" viewset is in the Host programme menu group, portal/wagtail_hooks.py.)"""

from django.utils.translation import gettext_lazy
from wagtail import hooks

from . import suggestions
from .viewsets import NewcomerHostsViewSet


@hooks.register("register_admin_viewset")
def register_newcomer_hosts():
    return NewcomerHostsViewSet()


@hooks.register("register_log_actions")
def register_matching_log_actions(actions):
    actions.register_action(
        suggestions.PROPOSED, gettext_lazy("Propose a match"), gettext_lazy("Proposed a match")
    )
