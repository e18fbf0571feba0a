"""The coordinator's panels on the Wagtail admin home page (``construct_homepage_panels``).

Each panel shows a count, the first few rows and a link to the full list. Each runs two
queries (a count and the first rows) however many rows there are. The querysets come from
portal/day.py; the base rows are passed in (``matches``, ``check_ins``, ``requests``,
``participants``) so a caller can narrow them to a coordinator's programmes.
"""

from dataclasses import dataclass

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from wagtail.admin.ui.components import Component

from adminui.columns import admin_date

from . import day

ROWS_SHOWN = 5


@dataclass(frozen=True)
class Row:
    label: str
    url: str
    detail: str = ""


def pair_label(match):
    return _("%(newcomer)s & %(host)s") % {"newcomer": match.newcomer, "host": match.host}


def match_url(match):
    return reverse("host_matches:edit", args=[match.pk])


class CoordinatorPanel(Component):
    """A panel of the coordinator's day; subclasses say what it counts and lists."""

    template_name = "portal/admin/home_panel.html"
    name = ""
    heading = ""
    order = 10

    def __init__(self, *, today=None, **querysets):
        self.today = today
        self.querysets = querysets

    def sections(self):
        """[(queryset, row function)]: each section is counted and its first rows listed."""
        raise NotImplementedError

    def summary(self, count, rows):
        return ""

    def link(self):
        """(url, label) of the full list."""
        raise NotImplementedError

    def get_context_data(self, parent_context=None):
        count, rows = 0, []
        for queryset, make_row in self.sections():
            count += queryset.count()
            rows += [make_row(item) for item in queryset[:ROWS_SHOWN]]
        url, label = self.link()
        return {
            "panel_id": f"coordinator-{self.name}",
            "heading": self.heading,
            "count": count,
            "rows": rows,
            "summary": self.summary(count, rows),
            "more": count > len(rows),
            "link_url": url,
            "link_label": label,
        }


def followup_link(where):
    """The follow-up screen at ``where``: a list in full (``?section=call``) or a place on
    the overview (``#followup-checkins``)."""
    return reverse("host_followup:index") + where, _("Open the follow-up list")


class PairsToCallPanel(CoordinatorPanel):
    name = "call"
    heading = gettext_lazy("Pairs to call this week")
    order = 10

    def sections(self):
        matches = day.pairs_to_call(self.querysets.get("matches"), self.today)

        def row(match):
            started = _("Started %(date)s") % {"date": admin_date(match.start_date)}
            return Row(pair_label(match), match_url(match), started)

        return [(matches, row)]

    def link(self):
        return followup_link("?section=call")


class AttentionPanel(CoordinatorPanel):
    name = "attention"
    heading = gettext_lazy("Low check-ins and re-match requests")
    order = 11

    def sections(self):
        check_ins = day.worrying_check_ins(self.querysets.get("check_ins"))
        requests = day.open_rematch_requests(self.querysets.get("requests"))

        def check_in_row(check_in):
            detail = _("Check-in: satisfaction %(score)s / 5, %(date)s") % {
                "score": check_in.satisfaction,
                "date": admin_date(check_in.created_at),
            }
            return Row(str(check_in.participant), match_url(check_in.match), detail)

        def request_row(request):
            detail = _("Re-match request, %(date)s") % {"date": admin_date(request.created_at)}
            return Row(
                str(request.participant),
                reverse("host_rematch_requests:resolve", args=[request.pk]),
                detail,
            )

        return [(check_ins, check_in_row), (requests, request_row)]

    def link(self):
        return followup_link("#followup-checkins")


class EndingSoonPanel(CoordinatorPanel):
    name = "ending"
    heading = gettext_lazy("Matches ending within 30 days")
    order = 12

    def sections(self):
        matches = day.ending_soon(self.querysets.get("matches"), self.today)

        def row(match):
            ends = _("Ends %(date)s") % {"date": admin_date(match.end_date)}
            return Row(pair_label(match), match_url(match), ends)

        return [(matches, row)]

    def link(self):
        return followup_link("?section=ending")


class NewcomersWaitingPanel(CoordinatorPanel):
    name = "waiting"
    heading = gettext_lazy("Newcomers waiting for a match")
    order = 13

    def sections(self):
        newcomers = day.newcomers_waiting(self.querysets.get("participants"))
        self.longest = None

        def row(participant):
            days = day.days_waiting(participant, self.today)
            if self.longest is None:
                self.longest = days
            detail = ngettext(
                "Waiting %(days)s day, since %(date)s",
                "Waiting %(days)s days, since %(date)s",
                days,
            ) % {"days": days, "date": admin_date(participant.waiting_since)}
            return Row(
                str(participant), reverse("host_participants:edit", args=[participant.pk]), detail
            )

        return [(newcomers, row)]

    def summary(self, count, rows):
        if not count:
            return ""
        return ngettext(
            "The longest wait is %(days)s day.", "The longest wait is %(days)s days.", self.longest
        ) % {"days": self.longest}

    def link(self):
        return reverse("host_waiting:index"), _("Open the waiting list")


class ApplicationsToReviewPanel(CoordinatorPanel):
    """Confirmed applications waiting for a decision, oldest first. Added by the intake app
    (``intake/wagtail_hooks.py``) with ``applications``: its scoped queryset, so the portal
    does not import the intake app."""

    name = "applications"
    heading = gettext_lazy("Applications to review")
    order = 14

    def sections(self):
        applications = (
            self.querysets["applications"]
            .filter(status="to_review")
            .select_related("programme")
            .order_by("confirmed_at", "pk")
        )

        def row(application):
            detail = _("%(role)s, %(programme)s, confirmed %(date)s") % {
                "role": application.get_role_display(),
                "programme": application.programme,
                "date": admin_date(application.confirmed_at),
            }
            return Row(
                str(application),
                reverse("intake_applications:review", args=[application.pk]),
                detail,
            )

        return [(applications, row)]

    def link(self):
        return (
            reverse("intake_applications:index") + "?status=to_review",
            _("Open the applications to review"),
        )


PANELS = [PairsToCallPanel, AttentionPanel, EndingSoonPanel, NewcomersWaitingPanel]


def coordinator_panels(today=None, **querysets):
    """The panels, for rows narrowed by ``matches``, ``check_ins``, ``requests`` and
    ``participants`` querysets (every row when not given)."""
    return [panel(today=today, **querysets) for panel in PANELS]
