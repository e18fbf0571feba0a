"""A block for the public results page: chosen live figures from the evaluation surveys
("92 % of newcomers would recommend the programme"), with the period they cover and the same
suppression as the report (fewer than five answers read "fewer than 5")."""

from django.utils.encoding import force_str
from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from .report import last_whole_months, live_figures


def measure_choices():
    from programmes.models import SuccessCriterion

    from .models import Question

    questions = (
        Question.objects.filter(kind__in=["agree", "yes_no"], survey__active=True)
        .select_related("survey__programme")
        .order_by("survey__programme__name", "survey__audience", "sort_order")
    )
    criteria = SuccessCriterion.objects.select_related("programme").order_by(
        "programme__name", "sort_order"
    )
    return [
        *(
            (f"criterion:{c.pk}", f"{c.programme}: {c.name} ({c.target_percent} %)")
            for c in criteria
        ),
        *((f"question:{q.pk}", f"{q.survey.programme}: {q.text}") for q in questions),
    ]


class MeasureChoiceBlock(blocks.ChoiceBlock):
    """The measures are rows in the database: listed (a query) for the editor's choice and
    checked when the page is saved, but not looked up again every time a page showing the
    block is read; a measure deleted since reads as no figure (``live_figure``)."""

    def normalize_choice(self, value):
        return None if value is None else force_str(value)


class LiveFigureBlock(blocks.StructBlock):
    measure = MeasureChoiceBlock(label=_("Figure"), choices=measure_choices)
    label = blocks.CharBlock(
        label=_("What it says"),
        max_length=200,
        help_text=_(
            "Shown after the figure, for example: of newcomers would recommend the programme"
        ),
    )


class LiveFiguresBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=120, required=False)
    months = blocks.ChoiceBlock(
        label=_("Answers from"),
        choices=[("12", _("The last 12 months")), ("24", _("The last 24 months"))],
        default="12",
    )
    figures = blocks.ListBlock(LiveFigureBlock(), label=_("Figures"))

    class Meta:
        icon = "table"
        label = _("Live figures from the surveys")
        template = "blocks/live_figures_block.html"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        period = last_whole_months(int(value["months"]))
        context["period"] = period
        figures = list(value["figures"])
        shares = live_figures([figure["measure"] for figure in figures], period)
        context["figures"] = [
            (figure["label"], figure_share)
            for figure, figure_share in zip(figures, shares, strict=True)
        ]
        return context
