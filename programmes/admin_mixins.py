"""Mixins that make a Wagtail admin view follow the scoping rule (``programmes.scoping``).

Listings (and their search, filters and exports) start from the user's programmes' rows;
a view of one object answers 404 for another programme's object. A user without any
permission on the model is still refused (403) by Wagtail as before.
"""

from django.http import Http404
from wagtail.admin.views import generic

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


class ScopedViewSetMixin:
    """For a ModelViewSet of a scoped model: every view it builds follows the rule, including
    the ones Wagtail adds by itself (history, usage, delete, inspect), so a new view cannot
    forget it. Listings are narrowed; views of one object answer 404 outside the scope."""

    def construct_view(self, view_class, **kwargs):
        # The mixin goes first, so it also wraps a view's own get_base_queryset/get_object.
        if issubclass(view_class, generic.IndexView):
            view_class = type(view_class.__name__, (ScopedIndexMixin, view_class), {})
        elif not issubclass(view_class, generic.CreateView) and hasattr(view_class, "get_object"):
            view_class = type(view_class.__name__, (ScopedObjectMixin, view_class), {})
        return super().construct_view(view_class, **kwargs)
