"""The outcomes report: a read model of a set of programmes over a period, with the same
figures for the period before it beside them.

Every share goes through ``share()``, the one place where a group smaller than
``SMALLEST_GROUP`` is suppressed: its figures read "fewer than 5", so nobody can be picked out
of a report. The report costs the same number of queries whatever the number of participants,
matches, meetings and answers (each figure is one aggregate query).
"""

import datetime
import statistics
from dataclasses import dataclass, field

from django.db.models import Avg, Count, F, Q
from django.db.models.functions import TruncMonth

from portal.models import CheckIn, Match, RematchRequest

from .models import IN_WORK_OR_EDUCATION, Answer, Question, SurveyInvitation, reaches_criterion

SMALLEST_GROUP = 5


@dataclass(frozen=True)
class Period:
    start: datetime.date
    end: datetime.date  # inclusive

    @property
    def days(self):
        return (self.end - self.start).days + 1

    def previous(self):
        end = self.start - datetime.timedelta(days=1)
        return Period(end - datetime.timedelta(days=self.days - 1), end)

    def months(self):
        """The first day of each month the period touches."""
        month = self.start.replace(day=1)
        while month <= self.end:
            yield month
            month = (month + datetime.timedelta(days=32)).replace(day=1)


@dataclass(frozen=True)
class Share:
    reached: int
    total: int
    target: int | None = None

    @property
    def suppressed(self):
        return 0 < self.total < SMALLEST_GROUP

    @property
    def percent(self):
        if self.total == 0 or self.suppressed:
            return None
        return round(100 * self.reached / self.total)

    @property
    def meets_target(self):
        return self.percent is not None and self.target is not None and self.percent >= self.target


def share(reached, total, target=None):
    return Share(reached=reached, total=total, target=target)


@dataclass
class Outcomes:
    period: Period
    matches_started: int = 0
    completed: int = 0
    ended_early: int = 0
    rematched: int = 0
    waits: list = field(default_factory=list)  # days each newcomer matched waited
    meetings_per_month: float | None = None
    meeting_rhythm_met: Share = None
    satisfaction_by_month: list = field(default_factory=list)  # (month, average or None, n)
    survey_response: Share = None
    criteria: list = field(default_factory=list)  # (criterion, Share)
    in_work_at_start: Share = None
    in_work_at_end: Share = None
    questions: list = field(default_factory=list)  # (question, Share)
    # The funnel: forms sent (turned away or kept) -> eligible applications -> accepted ->
    # matched (an accepted applicant whose first match started).
    funnel: list = field(default_factory=list)  # (stage key, number)

    @property
    def wait_median(self):
        if len(self.waits) < SMALLEST_GROUP:
            return None
        return statistics.median(self.waits)

    @property
    def wait_longest(self):
        if len(self.waits) < SMALLEST_GROUP:
            return None
        return max(self.waits)


def outcomes(programmes, period):
    """The figures of ``programmes`` (a queryset or list) for ``period``."""
    result = Outcomes(period=period)
    matches = Match.objects.filter(programme__in=programmes)
    in_period = Q(ended_on__gte=period.start, ended_on__lte=period.end)
    counts = matches.aggregate(
        started=Count("pk", filter=Q(start_date__gte=period.start, start_date__lte=period.end)),
        completed=Count("pk", filter=in_period & Q(status=Match.Status.COMPLETED)),
        ended_early=Count("pk", filter=in_period & Q(status=Match.Status.ENDED_EARLY)),
    )
    result.matches_started = counts["started"]
    result.completed = counts["completed"]
    result.ended_early = counts["ended_early"]
    result.rematched = (
        RematchRequest.objects.filter(
            match__in=matches.filter(in_period), status=RematchRequest.Status.REMATCHED
        )
        .values("match")
        .distinct()
        .count()
    )
    started = matches.filter(
        start_date__gte=period.start,
        start_date__lte=period.end,
        newcomer_waited_since__isnull=False,
    )
    result.waits = [
        max((start - waited.date()).days, 0)
        for start, waited in started.values_list("start_date", "newcomer_waited_since")
    ]
    _funnel(result, programmes, period)
    _meetings(result, matches, period)
    _satisfaction(result, matches, period)
    _surveys(result, programmes, period)
    return result


def _funnel(result, programmes, period):
    from django.db.models import Sum

    from intake.models import Application, IneligibleCount

    applications = Application.objects.filter(
        programme__in=programmes,
        confirmed_at__date__gte=period.start,
        confirmed_at__date__lte=period.end,
    )
    numbers = applications.aggregate(
        # distinct: the joins to matches below repeat an application per match.
        eligible=Count("pk", distinct=True),
        accepted=Count("pk", filter=Q(status=Application.Status.ACCEPTED), distinct=True),
        matched=Count(
            "pk",
            filter=Q(
                status=Application.Status.ACCEPTED, participant__newcomer_matches__isnull=False
            )
            | Q(status=Application.Status.ACCEPTED, participant__host_matches__isnull=False),
            distinct=True,
        ),
    )
    turned_away = (
        IneligibleCount.objects.filter(
            programme__in=programmes, day__gte=period.start, day__lte=period.end
        ).aggregate(total=Sum("count"))["total"]
        or 0
    )
    result.funnel = [
        ("sent", numbers["eligible"] + turned_away),
        ("eligible", numbers["eligible"]),
        ("accepted", numbers["accepted"]),
        ("matched", numbers["matched"]),
    ]


def _meetings(result, matches, period):
    """Meetings a month per match that ran the whole of at least one month of the period,
    against the least its rhythm asks for."""
    running = matches.filter(start_date__lte=period.end).filter(
        Q(ended_on__isnull=True) | Q(ended_on__gte=period.start)
    )
    rows = running.annotate(
        held=Count(
            "meetings",
            filter=Q(meetings__date__gte=period.start, meetings__date__lte=period.end),
        ),
        rhythm=F("meetings_per_month_min"),
    ).values_list("start_date", "ended_on", "held", "rhythm")
    rates, met = [], 0
    for start, ended, held, rhythm in rows:
        first = max(start, period.start)
        last = min(ended or period.end, period.end)
        months = ((last - first).days + 1) / 30.4
        if months < 1:
            continue
        rate = held / months
        rates.append(rate)
        met += rate >= (rhythm or 1)
    result.meetings_per_month = round(sum(rates) / len(rates), 1) if rates else None
    result.meeting_rhythm_met = share(met, len(rates))


def _satisfaction(result, matches, period):
    rows = (
        CheckIn.objects.filter(
            match__in=matches,
            created_at__date__gte=period.start,
            created_at__date__lte=period.end,
        )
        .annotate(month=TruncMonth("created_at"))
        .values("month")
        .annotate(average=Avg("satisfaction"), number=Count("pk"))
    )
    by_month = {
        row["month"].date() if hasattr(row["month"], "date") else row["month"]: row for row in rows
    }
    result.satisfaction_by_month = [
        (
            month,
            round(by_month[month]["average"], 1)
            if month in by_month and by_month[month]["number"] >= SMALLEST_GROUP
            else None,
            by_month[month]["number"] if month in by_month else 0,
        )
        for month in period.months()
    ]


def _surveys(result, programmes, period):
    invitations = SurveyInvitation.objects.filter(
        match__programme__in=programmes,
        created_at__date__gte=period.start,
        created_at__date__lte=period.end,
    )
    numbers = invitations.aggregate(
        total=Count("pk"), answered=Count("pk", filter=Q(submitted_at__isnull=False))
    )
    result.survey_response = share(numbers["answered"], numbers["total"])
    answers = Answer.objects.filter(
        invitation__in=invitations, invitation__submitted_at__isnull=False
    )
    # Per criterion: a person reached it when they agreed to any of its questions.
    reached_by = {}
    for criterion_id, invitation_id, kind, value in answers.filter(
        criterion__isnull=False
    ).values_list("criterion", "invitation", "kind", "value"):
        people = reached_by.setdefault(criterion_id, {})
        people[invitation_id] = people.get(invitation_id, False) or reaches_criterion(kind, value)
    from programmes.models import SuccessCriterion

    criteria = SuccessCriterion.objects.filter(programme__in=programmes).select_related("programme")
    result.criteria = [
        (
            criterion,
            share(
                sum(reached_by.get(criterion.pk, {}).values()),
                len(reached_by.get(criterion.pk, {})),
                criterion.target_percent,
            ),
        )
        for criterion in criteria
    ]
    work = answers.filter(kind__in=[Question.Kind.WORK_AT_START, Question.Kind.WORK_AT_END])
    situations = {Question.Kind.WORK_AT_START: [0, 0], Question.Kind.WORK_AT_END: [0, 0]}
    for kind, value in work.values_list("kind", "value"):
        situations[kind][0] += value in IN_WORK_OR_EDUCATION
        situations[kind][1] += 1
    result.in_work_at_start = share(*situations[Question.Kind.WORK_AT_START])
    result.in_work_at_end = share(*situations[Question.Kind.WORK_AT_END])
    # Every agree/disagree and yes/no question: the share who agreed or said yes.
    rows = (
        answers.filter(kind__in=[Question.Kind.AGREE, Question.Kind.YES_NO], question__isnull=False)
        .values("question")
        .annotate(
            total=Count("pk"),
            reached=Count("pk", filter=Q(value__in=["4", "5", "yes"])),
        )
    )
    numbers = {row["question"]: row for row in rows}
    questions = Question.objects.filter(pk__in=numbers).select_related("survey")
    result.questions = [
        (question, share(numbers[question.pk]["reached"], numbers[question.pk]["total"]))
        for question in sorted(questions, key=lambda q: (q.survey_id, q.sort_order, q.pk))
    ]


def live_figure(measure, period):
    """One share for the public results page: ``"question:<pk>"`` (who agreed or said yes)
    or ``"criterion:<pk>"`` (who reached it), over the answers sent in ``period``. None for
    a measure that no longer exists."""
    kind, _, pk = (measure or "").partition(":")
    if not pk.isdigit():
        return None
    answers = Answer.objects.filter(
        invitation__submitted_at__date__gte=period.start,
        invitation__submitted_at__date__lte=period.end,
    )
    if kind == "question":
        if not Question.objects.filter(pk=pk).exists():
            return None
        numbers = answers.filter(question_id=pk).aggregate(
            total=Count("pk"), reached=Count("pk", filter=Q(value__in=["4", "5", "yes"]))
        )
        return share(numbers["reached"], numbers["total"])
    if kind == "criterion":
        from programmes.models import SuccessCriterion

        criterion = SuccessCriterion.objects.filter(pk=pk).first()
        if criterion is None:
            return None
        people = {}
        for invitation, answer_kind, value in answers.filter(criterion=criterion).values_list(
            "invitation", "kind", "value"
        ):
            people[invitation] = people.get(invitation, False) or reaches_criterion(
                answer_kind, value
            )
        return share(sum(people.values()), len(people), criterion.target_percent)
    return None


def live_figures(measures, period):
    """``live_figure`` for each of ``measures`` over ``period``, kept with the page frame until
    the next content change, and at most an hour (``pagecache.generation.kept``): the figures
    cover whole months before this one, so new answers do not change them, and the public
    pages showing them render without going through every answer each time. A changed
    criterion's target, or an erasure, shows within the hour."""
    from pagecache.generation import kept

    key = f"live-figures:{period.start}:{period.end}:{','.join(measures)}"
    return kept(key, lambda: [live_figure(measure, period) for measure in measures])


def last_whole_months(months, today=None):
    """The ``months`` whole months before this one."""
    from django.utils import timezone

    today = today or timezone.localdate()
    end = today.replace(day=1) - datetime.timedelta(days=1)
    start = end.replace(day=1)
    for _ in range(months - 1):
        start = (start - datetime.timedelta(days=1)).replace(day=1)
    return Period(start, end)
