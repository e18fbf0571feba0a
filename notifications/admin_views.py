"""The coordinators' messages to groups: write one, see how many people it reaches, send it,
and see afterwards what went to whom and when. Scoped to the coordinator's programmes."""

import datetime

from django import forms
from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Count
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView, TemplateView
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.admin.viewsets.base import ViewSet

from events.models import EventOccurrence
from portal.models import HostKind, Participant
from programmes.policies import policy_for
from programmes.scoping import get_scoped_or_404, programmes_for, scoped

from . import audiences, group_messages
from .models import Delivery, GroupMessage

DELIVERIES_PER_PAGE = 50
OCCURRENCES_SINCE_DAYS = 90


class ComposeForm(forms.Form):
    programmes = forms.ModelMultipleChoiceField(
        label=gettext_lazy("Programmes"), queryset=None, widget=forms.CheckboxSelectMultiple
    )
    role = forms.ChoiceField(
        label=gettext_lazy("Role"),
        required=False,
        choices=[("", gettext_lazy("Newcomers and hosts")), *Participant.Role.choices],
    )
    track = forms.ChoiceField(
        label=gettext_lazy("Track"),
        required=False,
        choices=[("", gettext_lazy("Every track")), *HostKind.choices],
    )
    status = forms.ChoiceField(
        label=gettext_lazy("Status"),
        required=False,
        choices=[("", gettext_lazy("Anyone")), *audiences.STATUSES.items()],
    )
    occurrence = forms.ModelChoiceField(
        label=gettext_lazy("Signed up for"),
        required=False,
        queryset=None,
        empty_label=gettext_lazy("Any event or none"),
    )
    without_host_course = forms.BooleanField(
        label=gettext_lazy("Only hosts who have not taken the host course"), required=False
    )
    kind = forms.ChoiceField(
        label=gettext_lazy("Kind of message"),
        choices=GroupMessage.Kind.choices,
        initial=GroupMessage.Kind.NEWS,
        widget=forms.RadioSelect,
    )
    subject_en = forms.CharField(label=gettext_lazy("Subject (English)"), max_length=200)
    body_en = forms.CharField(
        label=gettext_lazy("Message (English)"), max_length=5000, widget=forms.Textarea
    )
    subject_da = forms.CharField(
        label=gettext_lazy("Subject (Danish)"), max_length=200, required=False
    )
    body_da = forms.CharField(
        label=gettext_lazy("Message (Danish)"),
        max_length=5000,
        required=False,
        widget=forms.Textarea,
        help_text=gettext_lazy("Leave the Danish empty to send the English text to everyone."),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.fields["programmes"].queryset = programmes_for(user)
        self.fields["programmes"].initial = list(programmes_for(user))
        # Dates from the last 90 days on: a bounded list without slicing the queryset (the
        # field looks a posted choice up in it, which a slice cannot do).
        since = timezone.now() - datetime.timedelta(days=OCCURRENCES_SINCE_DAYS)
        self.fields["occurrence"].queryset = (
            scoped(EventOccurrence.objects.all(), user)
            .filter(cancelled=False, start__gte=since)
            .select_related("event")
            .order_by("-start")
        )

    def clean(self):
        cleaned = super().clean()
        if bool(cleaned.get("subject_da")) != bool(cleaned.get("body_da")):
            self.add_error("body_da", _("Give both the Danish subject and message, or neither."))
        return cleaned

    def people(self):
        data = self.cleaned_data
        participants = scoped(Participant.objects.all(), self.user).filter(
            programme__in=data["programmes"]
        )
        return audiences.recipients(
            participants,
            role=data["role"],
            track=data["track"],
            status=data["status"],
            occurrence=data["occurrence"],
            without_host_course=data["without_host_course"],
            news=data["kind"] == GroupMessage.Kind.NEWS,
        )

    def description(self):
        data = self.cleaned_data
        parts = [", ".join(str(p) for p in data["programmes"])]
        for name in ("role", "track", "status"):
            if data[name]:
                parts.append(str(dict(self.fields[name].choices)[data[name]]))
        if data["occurrence"]:
            parts.append(str(data["occurrence"]))
        if data["without_host_course"]:
            parts.append(str(self.fields["without_host_course"].label))
        return "; ".join(parts)

    def audience(self):
        data = self.cleaned_data
        return {
            "programmes": [p.pk for p in data["programmes"]],
            "role": data["role"],
            "track": data["track"],
            "status": data["status"],
            "occurrence": data["occurrence"].pk if data["occurrence"] else None,
            "without_host_course": data["without_host_course"],
        }


class MessageMixin(PermissionCheckedMixin, WagtailAdminTemplateMixin):
    permission_policy = policy_for(GroupMessage)
    header_icon = "mail"

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": reverse("group_messages:index"), "label": _("Messages to groups")}
        ]


class IndexView(MessageMixin, TemplateView):
    permission_required = "view"
    template_name = "notifications/admin/index.html"
    page_title = gettext_lazy("Messages to groups")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        sent = (
            scoped(GroupMessage.objects.all(), self.request.user)
            .select_related("created_by")
            .order_by("-created_at", "-pk")
        )
        context["page_obj"] = Paginator(sent, 25).get_page(self.request.GET.get("p"))
        context["can_send"] = self.permission_policy.user_has_permission(self.request.user, "add")
        return context


class ComposeView(MessageMixin, FormView):
    permission_required = "add"
    template_name = "notifications/admin/compose.html"
    page_title = gettext_lazy("Write to a group")
    form_class = ComposeForm

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "user": self.request.user}

    def get_initial(self):
        """A link may choose the group: ``?status=survey_unanswered`` (the home page's)."""
        status = self.request.GET.get("status", "")
        return {"status": status} if status in audiences.STATUSES else {}

    def form_valid(self, form):
        people = form.people()
        count = people.count()
        confirmed = self.request.POST.get("confirmed_count")
        if "send" not in self.request.POST or confirmed != str(count):
            # First the count; "Send" appears with it, and a changed count asks again.
            return self.render_to_response(self.get_context_data(form=form, count=count))
        if count == 0:
            form.add_error(None, _("Nobody matches these choices."))
            return self.form_invalid(form)
        message = group_messages.queue_message(
            sender=self.request.user,
            programmes=form.cleaned_data["programmes"],
            people=people,
            kind=form.cleaned_data["kind"],
            texts={
                name: form.cleaned_data[name]
                for name in ("subject_en", "body_en", "subject_da", "body_da")
            },
            audience=form.audience(),
            description=form.description(),
        )
        messages.success(self.request, _("The message is on its way."))
        return redirect("group_messages:detail", message.pk)


class DetailView(MessageMixin, TemplateView):
    permission_required = "view"
    template_name = "notifications/admin/detail.html"

    @cached_property
    def message(self):
        return get_scoped_or_404(
            GroupMessage.objects.select_related("created_by"),
            self.request.user,
            pk=self.kwargs["pk"],
        )

    def get_page_title(self):
        return self.message.subject_en

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        deliveries = scoped(
            Delivery.objects.filter(message=self.message), self.request.user
        ).order_by("status", "pk")
        counts = dict.fromkeys(Delivery.Status.values, 0)
        for row in deliveries.order_by().values("status").annotate(number=Count("pk")):
            counts[row["status"]] = row["number"]
        context.update(
            message=self.message,
            counts=[(label, counts[value]) for value, label in Delivery.Status.choices],
            page_obj=Paginator(deliveries, DELIVERIES_PER_PAGE).get_page(self.request.GET.get("p")),
        )
        return context


class MessagesMenuItem(MenuItem):
    def is_shown(self, request):
        return policy_for(GroupMessage).user_has_permission(request.user, "view")


class GroupMessageViewSet(ViewSet):
    name = "group_messages"
    url_prefix = "host-programme/messages"
    icon = "mail"
    menu_label = gettext_lazy("Messages to groups")
    menu_order = 60

    menu_item_class = MessagesMenuItem

    def get_urlpatterns(self):
        return [
            path("", IndexView.as_view(), name="index"),
            path("new/", ComposeView.as_view(), name="compose"),
            path("<int:pk>/", DetailView.as_view(), name="detail"),
        ]
