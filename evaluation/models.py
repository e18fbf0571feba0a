"""End-of-match evaluation: each programme's surveys (one for newcomers, a shorter one for
hosts), the invitation each person of an ended match gets, and their answers.

Answers belong to the match for counting; reports never show who said what. An answer keeps
the question as it was asked and the success criterion it counted toward at the time, so
editing a survey later changes neither what people answered nor last year's figures.
"""

from django.core.validators import MaxLengthValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable

from portal.models import Participant

TEXT_ANSWER_MAX_LENGTH = 2000


class Audience(models.TextChoices):
    NEWCOMER = "newcomer", _("Newcomers")
    HOST = "host", _("Hosts")


class WorkSituation(models.TextChoices):
    """The newcomer's work situation, asked for the start and the end of the match, so the
    employment outcome is measured rather than typed into a report."""

    EMPLOYED = "employed", _("Employed")
    EDUCATION = "education", _("In education")
    INTERNSHIP = "internship", _("Internship")
    WAGE_SUBSIDY = "wage_subsidy", _("Job with wage subsidy")
    JOB_SEEKING = "job_seeking", _("Looking for work")
    OTHER = "other", _("Other")


# Work situations the outcomes report counts as "in work, education, internship or wage
# subsidy" (the Copenhagen programme's employment figure).
IN_WORK_OR_EDUCATION = {
    WorkSituation.EMPLOYED,
    WorkSituation.EDUCATION,
    WorkSituation.INTERNSHIP,
    WorkSituation.WAGE_SUBSIDY,
}


class Agreement(models.TextChoices):
    STRONGLY_DISAGREE = "1", _("Strongly disagree")
    DISAGREE = "2", _("Disagree")
    NEUTRAL = "3", _("Neither agree nor disagree")
    AGREE = "4", _("Agree")
    STRONGLY_AGREE = "5", _("Strongly agree")


class YesNo(models.TextChoices):
    YES = "yes", _("Yes")
    NO = "no", _("No")


class Survey(ClusterableModel):
    programme = models.ForeignKey(
        "programmes.Programme",
        on_delete=models.CASCADE,
        related_name="surveys",
        verbose_name=_("programme"),
    )
    audience = models.CharField(_("sent to"), max_length=10, choices=Audience.choices)
    title = models.CharField(_("title"), max_length=200)
    intro = models.TextField(
        _("introduction"),
        blank=True,
        help_text=_("A few words shown above the questions: why it matters, how long it takes."),
    )
    active = models.BooleanField(
        _("sent when a match ends"),
        default=True,
        help_text=_("Untick to stop sending it; answers already given stay."),
    )

    panels = [
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("programme"), FieldPanel("audience")]),
                FieldPanel("title"),
                FieldPanel("intro"),
                FieldPanel("active"),
            ],
            heading=_("The survey"),
        ),
        InlinePanel("questions", heading=_("Questions"), label=_("Question"), min_num=1),
    ]

    class Meta:
        verbose_name = _("evaluation survey")
        verbose_name_plural = _("evaluation surveys")
        ordering = ["programme__name", "audience"]
        constraints = [
            models.UniqueConstraint(
                fields=["programme", "audience"],
                condition=Q(active=True),
                name="one_active_survey_per_programme_and_audience",
            )
        ]

    def __str__(self):
        return self.title


class Question(Orderable):
    class Kind(models.TextChoices):
        AGREE = "agree", _("Agree or disagree (five steps)")
        YES_NO = "yes_no", _("Yes or no")
        CHOICE = "choice", _("One choice of several")
        TEXT = "text", _("Free text")
        WORK_AT_START = "work_start", _("Work situation when the match started")
        WORK_AT_END = "work_end", _("Work situation now")

    survey = ParentalKey(Survey, on_delete=models.CASCADE, related_name="questions")
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices)
    text = models.CharField(_("question"), max_length=300)
    choices = models.TextField(
        _("choices"),
        blank=True,
        help_text=_("For “one choice of several”: one choice per line."),
    )
    criterion = models.ForeignKey(
        "programmes.SuccessCriterion",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="questions",
        verbose_name=_("counts toward"),
        help_text=_(
            "The success criterion this question measures: “agree”, “strongly "
            "agree” or “yes” counts as reached."
        ),
    )
    required = models.BooleanField(_("an answer is needed"), default=False)

    panels = [
        FieldRowPanel([FieldPanel("kind"), FieldPanel("criterion"), FieldPanel("required")]),
        FieldPanel("text"),
        FieldPanel("choices"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("question")
        verbose_name_plural = _("questions")

    def __str__(self):
        return self.text

    def choice_list(self):
        """The answer options as (value, label) pairs, in the active language."""
        if self.kind == self.Kind.AGREE:
            return list(Agreement.choices)
        if self.kind == self.Kind.YES_NO:
            return list(YesNo.choices)
        if self.kind in (self.Kind.WORK_AT_START, self.Kind.WORK_AT_END):
            return list(WorkSituation.choices)
        if self.kind == self.Kind.CHOICE:
            # Stored by position, so English and Danish answers count together.
            lines = [line.strip() for line in (self.choices or "").splitlines()]
            return [(str(number), line) for number, line in enumerate(lines, 1) if line]
        return []


def reaches_criterion(kind, value):
    """True when an answer counts as reaching its success criterion."""
    if kind == Question.Kind.AGREE:
        return value in (Agreement.AGREE, Agreement.STRONGLY_AGREE)
    if kind == Question.Kind.YES_NO:
        return value == YesNo.YES
    return False


class SurveyInvitation(models.Model):
    """One person of one ended match asked to answer their programme's survey. The link in
    the email is signed (``evaluation.invitations.token_for``): it works without logging in
    and cannot be guessed. Answered once, never sent again."""

    survey = models.ForeignKey(
        Survey,
        on_delete=models.SET_NULL,
        null=True,
        related_name="invitations",
        verbose_name=_("survey"),
    )
    match = models.ForeignKey(
        "portal.Match",
        on_delete=models.CASCADE,
        related_name="survey_invitations",
        verbose_name=_("match"),
    )
    participant = models.ForeignKey(
        Participant,
        on_delete=models.CASCADE,
        related_name="survey_invitations",
        verbose_name=_("participant"),
    )
    created_at = models.DateTimeField(_("invited"), auto_now_add=True)
    saved_at = models.DateTimeField(_("last saved"), null=True, blank=True)
    submitted_at = models.DateTimeField(_("answered"), null=True, blank=True)

    class Meta:
        verbose_name = _("survey invitation")
        verbose_name_plural = _("survey invitations")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["match", "participant"], name="one_survey_invitation_per_person_and_match"
            )
        ]

    def __str__(self):
        return f"{self.survey} ({self.match_id})"

    @property
    def is_answered(self):
        return self.submitted_at is not None


class Answer(models.Model):
    invitation = models.ForeignKey(
        SurveyInvitation,
        on_delete=models.CASCADE,
        related_name="answers",
        verbose_name=_("invitation"),
    )
    question = models.ForeignKey(
        Question,
        on_delete=models.SET_NULL,
        null=True,
        related_name="answers",
        verbose_name=_("question"),
    )
    # As asked and counted when answered (see the module docstring).
    kind = models.CharField(_("kind"), max_length=12, choices=Question.Kind.choices)
    question_text = models.CharField(_("question as asked"), max_length=300)
    criterion = models.ForeignKey(
        "programmes.SuccessCriterion",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="answers",
        verbose_name=_("counted toward"),
    )
    value = models.CharField(_("answer"), max_length=300, blank=True)
    text = models.TextField(
        _("written answer"),
        blank=True,
        max_length=TEXT_ANSWER_MAX_LENGTH,
        validators=[MaxLengthValidator(TEXT_ANSWER_MAX_LENGTH)],
    )

    class Meta:
        verbose_name = _("answer")
        verbose_name_plural = _("answers")
        constraints = [
            models.UniqueConstraint(
                fields=["invitation", "question"], name="one_answer_per_question"
            )
        ]

    def __str__(self):
        return self.value or self.text[:50]

    @property
    def reaches_criterion(self):
        return reaches_criterion(self.kind, self.value)
