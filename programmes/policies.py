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


def scope_log_entries(entries, user):
    """Wagtail's log entries (``ModelLogEntry``) ``user`` may see: of a scoped model, only the
    entries about rows of the user's programmes. (Wagtail's site history report lists every
    entry of a model the user has a permission on, with the object's name.)"""
    from django.contrib.contenttypes.models import ContentType
    from django.db.models import CharField, Q
    from django.db.models.functions import Cast

    if user.is_superuser or scoping.sees_every_programme(user):
        return entries
    hidden = Q(pk__in=[])
    for label in SCOPED_MODELS:
        model = apps.get_model(label)
        visible = scoping.scoped(model._default_manager.all(), user).annotate(
            pk_text=Cast("pk", CharField())
        )
        hidden |= Q(content_type=ContentType.objects.get_for_model(model)) & ~Q(
            object_id__in=visible.values("pk_text")
        )
    return entries.exclude(hidden)


def install_log_entry_scope():
    """Make ``ModelLogEntry.objects.viewable_by_user`` (the site history report, its filters)
    follow the scoping rule too."""
    from wagtail.models.audit_log import ModelLogEntryManager

    original = ModelLogEntryManager.viewable_by_user
    if getattr(original, "scoped", False):
        return

    def viewable_by_user(self, user):
        return scope_log_entries(original(self, user), user)

    viewable_by_user.scoped = True
    ModelLogEntryManager.viewable_by_user = viewable_by_user
