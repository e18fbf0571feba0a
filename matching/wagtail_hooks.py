"""Wagtail admin: the newcomer's "Suggest hosts" screen. (The "Suggest matches" viewset is in
the Host programme menu group, and the proposals' audit actions (matching/audit.py) are
registered with the portal's, in portal/wagtail_hooks.py.)"""

from wagtail import hooks

from .viewsets import NewcomerHostsViewSet


@hooks.register("register_admin_viewset")
def register_newcomer_hosts():
    return NewcomerHostsViewSet()
