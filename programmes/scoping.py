"""The one scoping rule: which programmes' people a staff user sees, and how each model's rows
are narrowed to a set of programmes.

``programmes_for(user)``: every programme for a programme lead or superuser, the programmes a
coordinator is given (``Programme.coordinators``), none for anyone else.

``scoped(queryset, user)`` narrows any queryset of a scoped model (see ``LOOKUPS``) to the
user's programmes; it adds a subquery, never a query, so a list costs the same whatever the
number of programmes. The permission policies (``programmes.policies``) apply it, so Wagtail's
menus, listings and buttons follow it, and every coordinator view looks its object up through
``get_scoped_or_404``: another programme's object is "not found" (404), never "forbidden".
"""

from django.db.models import Q
from django.shortcuts import get_object_or_404

from accounts.roles import sees_every_programme
from notifications.models import GroupMessage

from .models import Programme


def programmes_for(user):
    """The programmes whose people ``user`` may see (a queryset)."""
    if user is None or not user.is_authenticated or not user.is_active:
        return Programme.objects.none()
    if sees_every_programme(user):
        return Programme.objects.all()
    return Programme.objects.filter(coordinators=user)


def _shared_event_signups(programmes):
    """On an event shared by all programmes: the sign-ups of these programmes' participants and
    the public's sign-ups by email (no account, so no programme)."""
    return Q(occurrence__event__programme__isnull=True) & (
        Q(user__participant__programme__in=programmes) | Q(user__isnull=True)
    )


# Per model label: how its rows are limited to ``programmes`` (a queryset or list of them).
LOOKUPS = {
    "portal.participant": lambda p: Q(programme__in=p),
    "portal.match": lambda p: Q(programme__in=p),
    "portal.meeting": lambda p: Q(match__programme__in=p),
    "portal.checkin": lambda p: Q(match__programme__in=p),
    "portal.rematchrequest": lambda p: Q(match__programme__in=p),
    "portal.matchnote": lambda p: Q(match__programme__in=p),
    "portal.wheelentry": lambda p: Q(participant__programme__in=p),
    "matching.matchproposal": lambda p: Q(programme__in=p),
    "evaluation.survey": lambda p: Q(programme__in=p),
    # A message to several programmes is seen by the coordinators of any of them; each sees
    # only the deliveries to their own programmes' people.
    "notifications.groupmessage": lambda p: Q(
        pk__in=GroupMessage.programmes.through.objects.filter(programme__in=p).values(
            "groupmessage"
        )
    ),
    "notifications.delivery": lambda p: Q(user__participant__programme__in=p),
    "evaluation.surveyinvitation": lambda p: Q(match__programme__in=p),
    "privacy.consentrecord": lambda p: Q(user__participant__programme__in=p),
    # An event of one programme belongs to it; an event shared by all belongs to everyone.
    "events.eventoccurrence": lambda p: (
        Q(event__programme__in=p) | Q(event__programme__isnull=True)
    ),
    "events.signup": lambda p: Q(occurrence__event__programme__in=p) | _shared_event_signups(p),
    "intake.application": lambda p: Q(programme__in=p),
    "programmes.programme": lambda p: Q(pk__in=p),
}


def limit_to(queryset, programmes):
    """``queryset`` narrowed to the rows of ``programmes``."""
    lookup = LOOKUPS[queryset.model._meta.label_lower]
    return queryset.filter(lookup(programmes))


def scoped(queryset, user):
    """``queryset`` narrowed to what ``user`` may see: unchanged for a programme lead."""
    if user is not None and user.is_active and sees_every_programme(user):
        return queryset
    return limit_to(queryset, programmes_for(user).values("pk"))


def get_scoped_or_404(queryset, user, **lookup):
    """The one object of ``queryset`` matching ``lookup`` that ``user`` may see, else 404."""
    return get_object_or_404(scoped(queryset, user), **lookup)


def is_visible(user, instance):
    """True if ``user`` may see ``instance`` (one query)."""
    model = type(instance)
    return scoped(model._default_manager.filter(pk=instance.pk), user).exists()


def programme_ids_for(user):
    """The ids of ``programmes_for(user)``, remembered on the user object for the request."""
    ids = getattr(user, "_scoping_programme_ids", None)
    if ids is None:
        ids = frozenset(programmes_for(user).values_list("pk", flat=True))
        if user is not None:
            user._scoping_programme_ids = ids
    return ids


# Models whose own ``programme_id`` says where they belong: checked without a query.
OWN_PROGRAMME = {"portal.participant", "portal.match", "intake.application"}


def can_see(user, instance):
    """True if ``user`` may see ``instance``; no query for a participant or a match."""
    if user is not None and user.is_active and sees_every_programme(user):
        return True
    label = type(instance)._meta.label_lower
    if label in OWN_PROGRAMME:
        return instance.programme_id in programme_ids_for(user)
    if label == "programmes.programme":
        return instance.pk in programme_ids_for(user)
    return is_visible(user, instance)
