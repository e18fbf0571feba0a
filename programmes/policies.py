"""Wagtail permission policies that apply the scoping rule (``programmes.scoping``).

One policy per scoped model, registered with ``wagtail.permissions.register_permission_policy``
when the app is ready (before any viewset asks for one). The model permissions still come from
the roles (accounts/roles.py); the policy adds *which rows*: ``instances_user_has_permission_for``
is the user's programmes' rows, and a per-instance check of another programme's object is
False. Views turn that into a 404 by looking objects up through the scoped queryset.
"""

from django.apps import apps
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import policy_registry, register_permission_policy

from . import scoping


class ProgrammeScopedPermissionPolicy(ModelPermissionPolicy):
    def instances_user_has_any_permission_for(self, user, actions):
        if not self.user_has_any_permission(user, actions):
            return self.model._default_manager.none()
        return scoping.scoped(self.model._default_manager.all(), user)

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_permission(user, action) and scoping.can_see(user, instance)

    def user_has_any_permission_for_instance(self, user, actions, instance):
        return self.user_has_any_permission(user, actions) and scoping.can_see(user, instance)

    def scope(self, queryset, user):
        """``queryset`` (of this model) narrowed to ``user``'s programmes."""
        return scoping.scoped(queryset, user)


# The programmes themselves are not scoped: who may add or change one is the programme lead's
# permission (a coordinator has no permission on programmes at all).
SCOPED_MODELS = [label for label in scoping.LOOKUPS if label != "programmes.programme"]


def register():
    for label in SCOPED_MODELS:
        model = apps.get_model(label)
        if policy_registry.get_by_type(model, fallback=False) is None:
            register_permission_policy(model, ProgrammeScopedPermissionPolicy(model))


def policy_for(model):
    return policy_registry.get_by_type(model)
