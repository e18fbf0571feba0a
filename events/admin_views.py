"""Coordinators' screens in the Wagtail admin: one date's sign-ups and waiting list,
attendance, CSV export, emailing everyone signed up, and cancelling a date.

Only users with the sign-up permissions (the Coordinators group) get in; editors, who
publish the event pages, do not see who signed up.
"""

import csv

from django import forms
from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.generic import TemplateView, View
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin

from accounts.roles import sees_every_programme
from privacy import audit
from programmes.policies import policy_for
from programmes.scoping import get_scoped_or_404, scoped
from protection.exports import spreadsheet_safe_row

from . import services
from .models import EventOccurrence, SignUp

signup_permissions = policy_for(SignUp)
INDEX_URL_NAME = "event_dates:index"


# Long enough for any real message; Django's "Ensure this value has at most N characters
# (it has M)" tells the coordinator how much to shorten it, and keeps what was typed.
MESSAGE_MAX_LENGTH = 5000
CANCEL_MESSAGE_MAX_LENGTH = 2000


class EmailForm(forms.Form):
    subject_en = forms.CharField(label=gettext_lazy("Subject in English"), max_length=200)
    message_en = forms.CharField(
        label=gettext_lazy("Message in English"),
        max_length=MESSAGE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 6}),
    )
    subject_da = forms.CharField(label=gettext_lazy("Subject in Danish"), max_length=200)
    message_da = forms.CharField(
        label=gettext_lazy("Message in Danish"),
        max_length=MESSAGE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 6}),
    )
    include_waiting = forms.BooleanField(
        label=gettext_lazy("Also email the waiting list"), required=False, initial=True
    )


class CancelForm(forms.Form):
    message_en = forms.CharField(
        label=gettext_lazy("Message in English (optional)"),
        required=False,
        max_length=CANCEL_MESSAGE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=gettext_lazy("For example the reason, or when the event will be held instead."),
    )
    message_da = forms.CharField(
        label=gettext_lazy("Message in Danish (optional)"),
        required=False,
        max_length=CANCEL_MESSAGE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    all_dates = forms.BooleanField(
        label=gettext_lazy("Cancel every upcoming date of this event"), required=False
    )


def may_cancel(user, occurrence):
    """Who may cancel a date: for an event of one programme, whoever may change its dates (its
    coordinators); an event shared by all programmes reaches every programme's people, so only
    someone who sees every programme (a programme lead) cancels it."""
    return occurrence.event.programme_id is not None or sees_every_programme(user)


class OccurrenceMixin(PermissionCheckedMixin, WagtailAdminTemplateMixin):
    permission_policy = signup_permissions
    permission_required = "view"
    header_icon = "date"

    @cached_property
    def occurrence(self):
        return get_scoped_or_404(
            EventOccurrence.objects.with_places().select_related("event"),
            self.request.user,
            pk=self.kwargs["pk"],
        )

    def signups(self):
        """This date's sign-ups the user may see: all of them for an event of their programme;
        on an event shared by all, their programmes' participants and the public's."""
        return scoped(SignUp.objects.filter(occurrence=self.occurrence), self.request.user)

    def get_page_title(self):
        return str(self.occurrence.event.title)

    def get_page_subtitle(self):
        return formats.date_format(timezone.localtime(self.occurrence.start), "DATETIME_FORMAT")

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": reverse(INDEX_URL_NAME), "label": _("Event dates")},
            {"url": signups_url(self.occurrence), "label": self.get_header_title()},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(occurrence=self.occurrence, event=self.occurrence.event)
        return context


def signups_url(occurrence):
    return reverse("event_dates:signups", args=[occurrence.pk])


class SignUpsView(OccurrenceMixin, TemplateView):
    template_name = "events/admin/signups.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        signups = list(
            self.signups()
            .exclude(status=SignUp.Status.CANCELLED)
            .select_related("user")
            .order_by("queued_at", "pk")
        )
        confirmed = [s for s in signups if s.status == SignUp.Status.CONFIRMED]
        waiting = [s for s in signups if s.status == SignUp.Status.WAITING]
        context.update(
            confirmed=confirmed,
            waiting=waiting,
            unconfirmed=[s for s in signups if s.status == SignUp.Status.UNCONFIRMED],
            people=len(confirmed),
            guests=sum(s.guests for s in confirmed),
            waiting_places=sum(s.places for s in waiting),
            can_change=self.user_has_permission("change"),
            has_started=self.occurrence.start <= timezone.now(),
            export_url=reverse("event_dates:export", args=[self.occurrence.pk]),
            email_url=reverse("event_dates:email", args=[self.occurrence.pk]),
            cancel_url=reverse("event_dates:cancel", args=[self.occurrence.pk]),
            can_cancel=may_cancel(self.request.user, self.occurrence),
            attendance_url=reverse("event_dates:attendance", args=[self.occurrence.pk]),
        )
        return context


class ExportView(OccurrenceMixin, View):
    def get(self, request, pk):
        occurrence = self.occurrence
        positions = services.waiting_positions([occurrence.pk])
        signups = (
            self.signups()
            .exclude(status__in=[SignUp.Status.CANCELLED, SignUp.Status.UNCONFIRMED])
            .select_related("user")
            .order_by("status", "queued_at", "pk")
        )
        audit.log_signup_export(signups, occurrence, user=request.user)
        local = timezone.localtime(occurrence.start)
        filename = f"sign-ups-{occurrence.event.slug}-{local:%Y-%m-%d}.csv"
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        response.write("\ufeff")  # so that spreadsheet programmes read the file as UTF-8
        writer = csv.writer(response)
        writer.writerow(
            [
                _("Name"),
                _("Email"),
                _("Status"),
                _("Place in line"),
                _("Guests"),
                _("Language"),
                _("Signed up"),
                _("Attended"),
            ]
        )
        attended = {True: _("Yes"), False: _("No"), None: ""}
        for signup in signups:
            # Every cell through spreadsheet_safe: names and addresses are typed by the
            # public, and nothing else may start a formula either.
            writer.writerow(
                spreadsheet_safe_row(
                    [
                        signup.display_name,
                        signup.contact_email,
                        signup.get_status_display(),
                        positions.get(signup.pk, ""),
                        signup.guests,
                        signup.recipient.preferred_language,
                        timezone.localtime(signup.created_at).strftime("%Y-%m-%d %H:%M"),
                        attended[signup.attended],
                    ]
                )
            )
        return response


class AttendanceView(OccurrenceMixin, View):
    permission_required = "change"

    def post(self, request, pk):
        try:
            count = services.mark_attendance(
                self.occurrence, request.POST.getlist("attended"), signups=self.signups()
            )
        except ValueError:  # a tampered or garbled form: nothing is saved
            messages.error(
                request, _("The attendance list could not be read, so nothing was saved.")
            )
            return redirect(signups_url(self.occurrence))
        messages.success(
            request,
            ngettext(
                "Attendance saved for %(count)s person.",
                "Attendance saved for %(count)s people.",
                count,
            )
            % {"count": count},
        )
        return redirect(signups_url(self.occurrence))


class EmailView(OccurrenceMixin, TemplateView):
    permission_required = "change"
    template_name = "events/admin/email.html"

    def get_page_title(self):
        return _("Email everyone signed up")

    def get_page_subtitle(self):
        return str(self.occurrence)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.setdefault("form", EmailForm())
        context["back_url"] = signups_url(self.occurrence)
        return context

    def post(self, request, pk):
        form = EmailForm(request.POST)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form))
        data = form.cleaned_data
        sent = services.email_signed_up(
            self.occurrence,
            subjects={"en": data["subject_en"], "da": data["subject_da"]},
            messages={"en": data["message_en"], "da": data["message_da"]},
            include_waiting=data["include_waiting"],
            signups=self.signups(),
        )
        messages.success(
            request,
            ngettext("%(count)s email sent.", "%(count)s emails sent.", sent) % {"count": sent},
        )
        return redirect(signups_url(self.occurrence))


class CancelView(OccurrenceMixin, TemplateView):
    permission_required = "change"
    template_name = "events/admin/cancel.html"

    def refused(self):
        """A redirect with the reason when this user may not cancel this date, else None."""
        if may_cancel(self.request.user, self.occurrence):
            return None
        messages.error(
            self.request,
            _("This event is shared by all programmes: a programme lead cancels it."),
        )
        return redirect(signups_url(self.occurrence))

    def get(self, request, *args, **kwargs):
        return self.refused() or super().get(request, *args, **kwargs)

    def get_page_title(self):
        return _("Cancel this date")

    def get_page_subtitle(self):
        return str(self.occurrence)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.setdefault("form", CancelForm())
        context["back_url"] = signups_url(self.occurrence)
        context["other_dates"] = (
            EventOccurrence.objects.filter(event=self.occurrence.event, cancelled=False)
            .upcoming()
            .exclude(pk=self.occurrence.pk)
            .count()
        )
        return context

    def post(self, request, pk):
        if refused := self.refused():
            return refused
        form = CancelForm(request.POST)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form))
        data = form.cleaned_data
        if data["all_dates"]:
            emailed = services.cancel_event(
                self.occurrence.event, data["message_en"], data["message_da"]
            )
        else:
            emailed = services.cancel_occurrence(
                self.occurrence, data["message_en"], data["message_da"]
            )
        messages.success(
            request,
            ngettext(
                "Cancelled. %(count)s person was emailed.",
                "Cancelled. %(count)s people were emailed.",
                emailed,
            )
            % {"count": emailed},
        )
        return redirect(signups_url(self.occurrence))
