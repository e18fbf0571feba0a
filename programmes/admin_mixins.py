"""Mixins that make a Wagtail admin view follow the scoping rule (``programmes.scoping``).

Listings (and their search, filters and exports) start from the user's programmes' rows;
a view of one object answers 404 for another programme's object. A user without any
permission on the model is still refused (403) by Wagtail as before.
"""

from django.http import Http404

from . import scoping


class ScopedIndexMixin:
    def get_base_queryset(self):
        return scoping.scoped(super().get_base_queryset(), self.request.user)


class ScopedObjectMixin:
    def get_object(self, *args, **kwargs):
        instance = super().get_object(*args, **kwargs)
        user = self.request.user
        has_any = self.permission_policy.user_has_any_permission(user, ["view", "change", "delete"])
        if has_any and not scoping.can_see(user, instance):
            raise Http404
        return instance
