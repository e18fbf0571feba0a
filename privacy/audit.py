"""The staff audit trail: who opened or exported a participant's data, or changed a match.

Everything goes into Wagtail's own audit log (``wagtail.log_actions.log`` and its
``ModelLogEntry``), with a few actions of our own registered in ``privacy/wagtail_hooks.py``.
Wagtail already logs creating, editing and deleting through its generic admin views
("wagtail.create", "wagtail.edit", "wagtail.delete"); this module adds

- ``privacy.view``: a staff member opened an object's details (edit or inspect view);
- ``privacy.export``: a staff member downloaded a list; one entry per participant whose data
  is in it (so "who has exported my data" has an answer), sharing one uuid per download;
- ``portal.match_end`` and ``portal.rematch_resolve``: the coordinators' own match actions.

``AuditedViewSetMixin`` hooks the first two into a ModelViewSet without touching its views.
"""

from functools import cache

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail.admin.views import generic
from wagtail.admin.widgets import Button
from wagtail.log_actions import LogFormatter, get_active_log_context, log
from wagtail.log_actions import registry as log_registry

from portal.models import CheckIn, Match, Meeting, Participant, RematchRequest

VIEWED = "privacy.view"
EXPORTED = "privacy.export"
MATCH_ENDED = "portal.match_end"
REMATCH_RESOLVED = "portal.rematch_resolve"


class ExportFormatter(LogFormatter):
    label = _("Export personal data")

    def format_message(self, log_entry):
        data = log_entry.data or {}
        rows = data.get("rows", 0)
        return ngettext(
            "Exported in a list of %(list)s (%(format)s, %(rows)s row)",
            "Exported in a list of %(list)s (%(format)s, %(rows)s rows)",
            rows,
        ) % {"list": data.get("list", ""), "format": data.get("format", "").upper(), "rows": rows}


def register_actions(actions):
    """For the ``register_log_actions`` hook."""
    actions.register_action(VIEWED, _("View personal details"), _("Opened the details"))
    actions.register_action(EXPORTED)(ExportFormatter)
    actions.register_action(MATCH_ENDED, _("End match"), _("Ended the match"))
    actions.register_action(
        REMATCH_RESOLVED, _("Resolve re-match request"), _("Resolved the re-match request")
    )
    actions.register_action(
        "notifications.group_message", _("Send a message to a group"), _("Sent the message")
    )


# --- who is in an object ------------------------------------------------------------------------


def participants_in(obj):
    """The participants whose personal data an admin row or page about ``obj`` shows."""
    if isinstance(obj, Participant):
        return [obj]
    if isinstance(obj, Match):
        return [obj.newcomer, obj.host]
    people = []
    if isinstance(getattr(obj, "participant", None), Participant):
        people.append(obj.participant)
    if isinstance(getattr(obj, "match", None), Match):
        people += [p for p in participants_in(obj.match) if p not in people]
    return people


# --- writing entries ----------------------------------------------------------------------------


def log_view(instance, user=None):
    return log(instance, VIEWED, user=user)


def log_export(items, *, list_name, export_format, user=None, extra_objects=(), rows=None):
    """One ``privacy.export`` entry for every participant in ``items`` (the exported rows)
    and for each of ``extra_objects`` (e.g. the event date of a sign-up list), all with one
    uuid; ``rows`` is the number of rows exported (``len(items)`` unless given)."""
    context = get_active_log_context()
    user = user or context.user
    people = {}
    for item in items:
        for person in participants_in(item):
            people.setdefault(person.pk, person)
    objects = [*people.values(), *extra_objects]
    if not objects:
        return []
    rows = len(items) if rows is None else rows
    data = {"list": str(list_name), "format": export_format, "rows": rows}
    now = timezone.now()
    uuid = context.uuid
    entries = []
    for obj in objects:
        model = log_registry.get_log_model_for_instance(obj)
        entries.append(
            model(
                content_type=ContentType.objects.get_for_model(obj, for_concrete_model=False),
                object_id=str(obj.pk),
                label=str(obj),
                action=EXPORTED,
                data=data,
                timestamp=now,
                uuid=uuid,
                user=user,
            )
        )
    by_model = {}
    for entry in entries:
        by_model.setdefault(type(entry), []).append(entry)
    for model, model_entries in by_model.items():
        model.objects.bulk_create(model_entries)
    return entries


# --- reading them per person --------------------------------------------------------------------


def entries_about(participant):
    """Wagtail's model log entries about a participant: their participant record and user
    account, their matches, the meetings, check-ins and re-match requests of those matches,
    and the exports they were in. Newest first."""
    from wagtail.models import ModelLogEntry

    matches = list(Match.objects.for_participant(participant).values_list("pk", flat=True))
    related = {
        Participant: [participant.pk],
        type(participant.user): [participant.user_id],
        Match: matches,
        Meeting: Meeting.objects.filter(match__in=matches).values_list("pk", flat=True),
        CheckIn: CheckIn.objects.filter(match__in=matches).values_list("pk", flat=True),
        RematchRequest: RematchRequest.objects.filter(match__in=matches).values_list(
            "pk", flat=True
        ),
    }
    condition = Q(pk__in=[])
    for model, pks in related.items():
        condition |= Q(
            content_type=ContentType.objects.get_for_model(model),
            object_id__in=[str(pk) for pk in pks],
        )
    return (
        ModelLogEntry.objects.filter(condition)
        .select_related("user", "content_type")
        .order_by("-timestamp", "-pk")
    )


# --- hooking it into the admin's viewsets -------------------------------------------------------


class AuditOpenMixin:
    """Edit and inspect views: opening the page (GET) is logged as ``privacy.view``. A
    participant's page also links to their consents and audit log, for those allowed."""

    def get(self, request, *args, **kwargs):
        response = super().get(request, *args, **kwargs)
        if response.status_code == 200:
            log_view(self.object, user=request.user)
        return response

    @cached_property
    def header_more_buttons(self):
        buttons = list(super().header_more_buttons)
        if isinstance(self.object, Participant):
            buttons += privacy_buttons(self.request.user, self.object)
        return buttons


def privacy_buttons(user, participant):
    buttons = []
    if user.has_perm("privacy.view_consentrecord"):
        url = reverse("privacy_audit:consents", args=[participant.pk])
        buttons.append(Button(_("Consents"), url=url, icon_name="tick", priority=50))
    if user.has_perm("privacy.view_audit_log"):
        url = reverse("privacy_audit:participant", args=[participant.pk])
        buttons.append(Button(_("Audit log"), url=url, icon_name="history", priority=51))
    return buttons


class AuditExportMixin:
    """Index views with ``list_export``: every download is logged per participant in it."""

    def as_spreadsheet(self, queryset, spreadsheet_format):
        rows = list(queryset)
        log_export(
            rows,
            list_name=self.model._meta.verbose_name_plural,
            export_format=spreadsheet_format,
            user=self.request.user,
        )
        return super().as_spreadsheet(rows, spreadsheet_format)


@cache
def audited(view_class):
    """``view_class`` with the audit mixin that fits it (or unchanged)."""
    if issubclass(view_class, generic.IndexView):
        mixin = AuditExportMixin
    elif issubclass(view_class, (generic.EditView, generic.InspectView)):
        mixin = AuditOpenMixin
    else:
        return view_class
    return type(f"Audited{view_class.__name__}", (mixin, view_class), {})


class AuditedViewSetMixin:
    """For a ModelViewSet about participants' data: its exports and the opening of its edit
    and inspect views go to the audit log. (Wagtail's generic views already log changes.)"""

    def construct_view(self, view_class, **kwargs):
        return super().construct_view(audited(view_class), **kwargs)


def log_signup_export(signups, occurrence, *, user=None):
    """An event date's sign-up list was downloaded: one entry for the date, one for every
    participant on it (public sign-ups have no participant record to log against)."""
    rows = list(signups)
    user_ids = {signup.user_id for signup in rows if signup.user_id}
    people = Participant.objects.filter(user_id__in=user_ids).select_related("user")
    return log_export(
        list(people),
        list_name=_("sign-ups"),
        export_format="csv",
        user=user,
        extra_objects=[occurrence],
        rows=len(rows),
    )
