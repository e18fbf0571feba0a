"""Finding a page's child by its slug in one query, in either language.

wagtail-modeltranslation replaces every translated page model's ``route`` with one that loads
*all* of a page's children and compares their slugs in Python (``patch_wagtailadmin._new_route``),
so each event page got slower as events accumulated under the calendar. ``route`` here asks
the database for the children whose slug in any language is the one in the address (one
query, on the child model itself when the parent allows only one kind of child), then keeps
the same rule as before for which one it is: the child's slug in the active language, falling
back to English where the Danish slug is empty.

``install()`` (called from ``HomeConfig.ready``, after wagtail-modeltranslation has patched the
models) puts it back on every page model that got the slow one.
"""

from django.apps import apps
from django.db.models import Q
from django.http import Http404
from modeltranslation import settings as mt_settings
from modeltranslation.utils import build_localized_fieldname
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page
from wagtail.url_routing import RouteResult


def _slug_matches(slug):
    condition = Q()
    for language in mt_settings.AVAILABLE_LANGUAGES:
        condition |= Q(**{build_localized_fieldname("slug", language): slug})
    return condition


def _only_child_model(page):
    """The one page model allowed under ``page``, or ``None`` when there are several."""
    models = page.specific_class.allowed_subpage_models() if page.specific_class else []
    return models[0] if len(models) == 1 else None


def find_child(page, slug):
    """``page``'s child whose slug in the active language (or its fallback) is ``slug``, as
    its specific page, or ``None``. One query when ``page`` allows one kind of child (a second
    only when nothing matched, for children of a kind no longer allowed), otherwise two."""
    condition = _slug_matches(slug)
    model = _only_child_model(page)
    querysets = [page.get_children()]
    if model is not None:
        querysets.insert(0, model.objects.child_of(page))
    for queryset in querysets:
        for child in queryset.filter(condition).order_by("path"):
            # The same comparison as before: the slug as the active language shows it.
            if child.slug == slug:
                child._cached_parent_obj = page
                return child.specific
    return None


def route(self, request, path_components):
    """``Page.route`` (and ``RoutablePageMixin.route``) with the child found by ``find_child``."""
    if isinstance(self, RoutablePageMixin) and self.live:
        try:
            path = "/" + "".join(f"{part}/" for part in path_components)
            resolver_match = self.resolve_subpage(path)
            request.routable_resolver_match = resolver_match
            view, args, kwargs = resolver_match
            return RouteResult(self, args=(view, args, kwargs))
        except Http404:
            pass
    if path_components:
        child = find_child(self, path_components[0])
        if child is None:
            raise Http404
        return child.route(request, path_components[1:])
    if self.live:
        return RouteResult(self)
    raise Http404


def install():
    """Give every page model that wagtail-modeltranslation patched the one-query ``route``."""
    from wagtail_modeltranslation.patch_wagtailadmin import _new_route

    for model in apps.get_models():
        if issubclass(model, Page) and model.__dict__.get("route") is _new_route:
            model.route = route
