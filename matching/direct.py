"""Warnings for a match the coordinator creates directly (after an introduction meeting, say),
outside the proposals. The hard rules stay in ``portal.services.validate_match`` (the host
offers the kind, the host's capacity, one active match per newcomer and kind): they refuse.
What is only doubtful is listed here, and the coordinator must tick "create anyway":

- the track: the newcomer asked for another kind of host;
- the capacity: the host's places are promised to pending proposals;
- an existing active match of the newcomer (another kind) or a pending proposal of either;
- the host course: the programme requires it, the host has not attended one and it is not
  waived;
- the newcomer's wait is paused.
"""

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from portal.models import HostKind, Match

from .models import MatchProposal


def host_course_attended(host):
    """True if the host attended a host course of the events calendar (one query)."""
    from events.models import SignUp
    from events.models.pages import Category

    return SignUp.objects.filter(
        user_id=host.user_id, attended=True, occurrence__event__category=Category.HOST_COURSE
    ).exists()


def needs_host_course(host):
    """True when the host's programme requires a host course they have not attended and a
    coordinator has not waived it."""
    return (
        host.programme.requires_host_course
        and not host.host_course_waived
        and not host_course_attended(host)
    )


def _kind(kind):
    return str(HostKind(kind).label).lower() if kind in HostKind.values else kind


def direct_match_warnings(newcomer, host, kind):
    """What speaks against matching ``newcomer`` and ``host`` in ``kind`` without breaking a
    hard rule, as sentences for the coordinator."""
    warnings = []
    if newcomer.wanted_host_kind and kind != newcomer.wanted_host_kind:
        warnings.append(
            _("%(newcomer)s asked for a %(wanted)s, not a %(kind)s.")
            % {
                "newcomer": newcomer,
                "wanted": _kind(newcomer.wanted_host_kind),
                "kind": _kind(kind),
            }
        )
    if newcomer.wanted_host_kind and newcomer.wanted_host_kind not in host.offered_host_kinds:
        warnings.append(
            _("%(host)s does not offer what %(newcomer)s asked for (a %(wanted)s).")
            % {"host": host, "newcomer": newcomer, "wanted": _kind(newcomer.wanted_host_kind)}
        )
    active = Match.objects.active()
    other_matches = active.filter(newcomer=newcomer).exclude(kind=kind).count()
    if other_matches:
        warnings.append(
            _("%(newcomer)s already has an active match of another kind.") % {"newcomer": newcomer}
        )
    pending = MatchProposal.objects.pending()
    if pending.filter(newcomer=newcomer).exists():
        warnings.append(
            _("%(newcomer)s has a match proposal waiting for answers.") % {"newcomer": newcomer}
        )
    host_load = active.filter(host=host).count()
    host_pending = pending.filter(host=host).exclude(newcomer=newcomer).count()
    if host_pending and host_load + host_pending >= host.capacity:
        warnings.append(
            ngettext(
                "%(host)s's free places are promised to match proposals waiting for answers "
                "(%(pending)s of %(capacity)s place).",
                "%(host)s's free places are promised to match proposals waiting for answers "
                "(%(pending)s of %(capacity)s places).",
                host.capacity,
            )
            % {"host": host, "pending": host_pending, "capacity": host.capacity}
        )
    if needs_host_course(host):
        warnings.append(
            _(
                "%(programme)s requires a host course: %(host)s has not attended one, and it "
                "is not waived."
            )
            % {"programme": host.programme, "host": host}
        )
    if newcomer.waiting_paused:
        warnings.append(
            _("%(newcomer)s's wait is paused (travelling or busy).") % {"newcomer": newcomer}
        )
    return warnings
