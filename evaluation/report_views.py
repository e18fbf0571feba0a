"""The outcomes report in the admin: per programme (a programme lead may combine several) and
per period, with the period before it beside it; charts drawn on the server (SVG, each with its
table for screen readers), a spreadsheet export and a print-friendly page."""

import csv
import datetime

from django import forms
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from programmes.scoping import programmes_for
from protection.exports import spreadsheet_safe_row

from .models import Answer, Question
from .report import SMALLEST_GROUP, Period, outcomes

REPORT_PERMISSION = "evaluation.view_surveyinvitation"


class ReportForm(forms.Form):
    programmes = forms.ModelMultipleChoiceField(
        label=gettext_lazy("Programmes"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=gettext_lazy("None ticked: all you can see."),
    )
    start = forms.DateField(
        label=gettext_lazy("From"), widget=forms.DateInput(attrs={"type": "date"})
    )
    end = forms.DateField(label=gettext_lazy("To"), widget=forms.DateInput(attrs={"type": "date"}))

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["programmes"].queryset = programmes_for(user)

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start"), cleaned.get("end")
        if start and end:
            if end < start:
                self.add_error("end", _("The end must be after the start."))
            elif (end - start).days > 3660:
                self.add_error("end", _("Choose a period of at most ten years."))
        return cleaned


def default_period(today=None):
    """The last twelve whole months."""
    today = today or timezone.localdate()
    end = today.replace(day=1) - datetime.timedelta(days=1)
    return Period(end.replace(year=end.year - 1) + datetime.timedelta(days=1), end)


class OutcomesReportView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "evaluation/admin/report.html"
    page_title = gettext_lazy("Outcomes report")
    header_icon = "view"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(REPORT_PERMISSION):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get(self, request, *args, **kwargs):
        period = default_period()
        data = request.GET if "start" in request.GET else None
        form = ReportForm(
            data, user=request.user, initial={"start": period.start, "end": period.end}
        )
        programmes = programmes_for(request.user)
        if form.is_bound and form.is_valid():
            period = Period(form.cleaned_data["start"], form.cleaned_data["end"])
            if form.cleaned_data["programmes"]:
                programmes = form.cleaned_data["programmes"]
        programmes = list(programmes)
        report, previous = outcomes(programmes, period), outcomes(programmes, period.previous())
        rows = report_rows(report, previous)
        if request.GET.get("export") == "csv":
            return csv_response(rows, period)
        if request.GET.get("export") == "xlsx":
            return xlsx_response(rows, period)
        criteria_bars = [
            (str(criterion.name), share.percent, criterion.target_percent)
            for criterion, share in report.criteria
        ]
        context = self.get_context_data(
            form=form,
            report=report,
            previous=previous,
            rows=rows,
            programmes=programmes,
            criteria_bars=criteria_bars,
            funnel_bars=funnel_bars(report),
            satisfaction_points=[
                (date_format(month, "M"), average)
                for month, average, _ in report.satisfaction_by_month
            ],
            written=Paginator(written_answers(programmes, period), WRITTEN_PER_PAGE).get_page(
                request.GET.get("p")
            ),
        )
        return self.render_to_response(context)


WRITTEN_PER_PAGE = 20


def written_answers(programmes, period):
    """The free-text answers of the period, newest first, without who wrote them."""
    return (
        Answer.objects.filter(
            kind=Question.Kind.TEXT,
            invitation__match__programme__in=programmes,
            invitation__submitted_at__date__gte=period.start,
            invitation__submitted_at__date__lte=period.end,
        )
        .exclude(text="")
        .order_by("-invitation__submitted_at", "-pk")
        .values("question_text", "text")
    )


def _figure(value):
    return "" if value is None else value


def _share(share):
    if share is None or share.total == 0:
        return ""
    if share.suppressed:
        return _("fewer than 5")
    return f"{share.percent} %"


FUNNEL_STAGES = {
    "sent": gettext_lazy("Application forms sent"),
    "eligible": gettext_lazy("Eligible applications"),
    "accepted": gettext_lazy("Accepted"),
    "matched": gettext_lazy("Matched"),
}


def count(number):
    """A number of people or pairs as the report shows it: 1 to 4 read "fewer than 5"."""
    return _("fewer than 5") if 0 < number < SMALLEST_GROUP else number


def funnel_bars(report):
    """The funnel as bars: each stage as a share of the forms sent, its number in the label
    (no bar for a stage of fewer than five)."""
    first = report.funnel[0][1] if report.funnel else 0
    return [
        (
            f"{FUNNEL_STAGES[stage]} ({count(number)})",
            round(100 * number / first)
            if first >= SMALLEST_GROUP and number not in range(1, SMALLEST_GROUP)
            else None,
            None,
        )
        for stage, number in report.funnel
    ]


def report_rows(report, previous):
    """(section, measure, this period, the period before, target) for the table and export."""
    before_funnel = dict(previous.funnel)
    rows = [
        (
            _("Applications"),
            str(FUNNEL_STAGES[stage]),
            count(number),
            count(before_funnel.get(stage, 0)),
            "",
        )
        for stage, number in report.funnel
    ]
    rows += [
        (
            _("Matches"),
            _("Started"),
            count(report.matches_started),
            count(previous.matches_started),
            "",
        ),
        (_("Matches"), _("Completed"), count(report.completed), count(previous.completed), ""),
        (
            _("Matches"),
            _("Ended early"),
            count(report.ended_early),
            count(previous.ended_early),
            "",
        ),
        (
            _("Matches"),
            _("Ended after a re-match request"),
            count(report.rematched),
            count(previous.rematched),
            "",
        ),
        (
            _("Waiting"),
            _("Median wait (days)"),
            _figure(report.wait_median) if report.waits else "",
            _figure(previous.wait_median) if previous.waits else "",
            "",
        ),
        (
            _("Waiting"),
            _("Longest wait (days)"),
            _figure(report.wait_longest) if report.waits else "",
            _figure(previous.wait_longest) if previous.waits else "",
            "",
        ),
        (
            _("Meetings"),
            _("Meetings a month per match"),
            _figure(report.meetings_per_month),
            _figure(previous.meetings_per_month),
            "",
        ),
        (
            _("Meetings"),
            _("Matches meeting as often as the rhythm asks"),
            _share(report.meeting_rhythm_met),
            _share(previous.meeting_rhythm_met),
            "",
        ),
        (
            _("Surveys"),
            _("Response rate"),
            _share(report.survey_response),
            _share(previous.survey_response),
            "",
        ),
    ]
    before = {criterion.pk: share for criterion, share in previous.criteria}
    for criterion, share in report.criteria:
        rows.append(
            (
                _("Success criteria"),
                str(criterion),
                _share(share),
                _share(before.get(criterion.pk)),
                f"{criterion.target_percent} %",
            )
        )
    rows += [
        (
            _("Work and education"),
            _("In work, education, internship or wage subsidy at the start"),
            _share(report.in_work_at_start),
            _share(previous.in_work_at_start),
            "",
        ),
        (
            _("Work and education"),
            _("In work, education, internship or wage subsidy at the end"),
            _share(report.in_work_at_end),
            _share(previous.in_work_at_end),
            "",
        ),
    ]
    return rows


HEADINGS = (
    gettext_lazy("Section"),
    gettext_lazy("Measure"),
    gettext_lazy("This period"),
    gettext_lazy("The period before"),
    gettext_lazy("Target"),
)


def xlsx_response(rows, period):
    """The table as an Excel workbook (openpyxl, which Wagtail's exports use too); text is
    kept as text, never a formula."""
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = _("Outcomes")[:31]
    sheet.append([str(heading) for heading in HEADINGS])
    for row in rows:
        sheet.append([value if isinstance(value, (int, float)) else str(value) for value in row])
    for cells in sheet.iter_rows(min_row=2):
        for cell in cells:
            if isinstance(cell.value, str):
                cell.data_type = "s"  # "=…" stays text
    response = HttpResponse(
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    name = f"outcomes-{period.start.isoformat()}-{period.end.isoformat()}.xlsx"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    workbook.save(response)
    return response


def csv_response(rows, period):
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    name = f"outcomes-{period.start.isoformat()}-{period.end.isoformat()}.csv"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    writer = csv.writer(response)
    writer.writerow([str(heading) for heading in HEADINGS])
    for row in rows:
        writer.writerow(spreadsheet_safe_row([str(value) for value in row]))
    return response
