"""Geometry of the conversation wheel: a radar chart of how much each life area matters.

Pure functions with no database access, so the chart is easy to test. The template
(``templates/portal/includes/wheel_chart.html``) draws the SVG from a ``WheelChart``.
"""

import math
import textwrap
from dataclasses import dataclass

from .models import LifeArea

MAX_IMPORTANCE = 5
WIDTH = 520
HEIGHT = 380
RADIUS = 120
LABEL_GAP = 12
LABEL_LINE_CHARS = 15
LABEL_LINE_HEIGHT = 17


@dataclass(frozen=True)
class Point:
    x: float
    y: float

    def __str__(self):
        return f"{self.x:g},{self.y:g}"


@dataclass(frozen=True)
class Spoke:
    area: str
    label: str
    value: int | None
    end: Point  # the outer end of the spoke (importance 5)
    label_at: Point
    label_lines: tuple
    anchor: str  # SVG text-anchor: start, middle or end
    dot: Point | None  # where the value sits; None when the area is not filled in


@dataclass(frozen=True)
class WheelChart:
    width: int
    height: int
    center: Point
    spokes: tuple
    rings: tuple  # polygon points, one per importance level 1..5
    shape: str  # polygon points of the participant's answers ("" when nothing is filled in)

    @property
    def has_data(self):
        return any(spoke.value is not None for spoke in self.spokes)

    @property
    def line_height(self):
        return LABEL_LINE_HEIGHT

    @property
    def view_box(self):
        return f"0 0 {self.width} {self.height}"


def _round(value):
    return round(value, 1) + 0.0  # + 0.0 turns -0.0 into 0.0


def point_on_spoke(index, count, fraction, center, radius=RADIUS):
    """The point ``fraction`` (0–1) of the way out along spoke ``index`` of ``count``; the first
    spoke points straight up and the others follow clockwise."""
    angle = -math.pi / 2 + 2 * math.pi * index / count
    return Point(
        _round(center.x + radius * fraction * math.cos(angle)),
        _round(center.y + radius * fraction * math.sin(angle)),
    )


def _anchor(index, count):
    horizontal = math.cos(-math.pi / 2 + 2 * math.pi * index / count)
    if abs(horizontal) < 0.3:
        return "middle"
    return "start" if horizontal > 0 else "end"


def wheel_chart(values, areas=None):
    """The chart for ``values`` ({area code: importance 0–5 or None}), one spoke per life area."""
    areas = list(areas or LifeArea)
    count = len(areas)
    center = Point(WIDTH / 2, HEIGHT / 2)
    spokes = []
    for index, area in enumerate(areas):
        value = values.get(area.value)
        label_lines = tuple(textwrap.wrap(str(area.label), LABEL_LINE_CHARS)) or ("",)
        label_at = point_on_spoke(index, count, 1, center, RADIUS + LABEL_GAP)
        anchor = _anchor(index, count)
        # Centre multi-line labels on their spoke end; lift labels above the top spoke.
        lines_offset = (len(label_lines) - 1) * LABEL_LINE_HEIGHT
        if label_at.y < center.y - RADIUS / 2 and anchor == "middle":
            label_at = Point(label_at.x, _round(label_at.y - lines_offset))
        elif anchor != "middle":
            label_at = Point(label_at.x, _round(label_at.y + 4 - lines_offset / 2))
        else:
            label_at = Point(label_at.x, _round(label_at.y + 10))
        spokes.append(
            Spoke(
                area=area.value,
                label=str(area.label),
                value=value,
                end=point_on_spoke(index, count, 1, center),
                label_at=label_at,
                label_lines=label_lines,
                anchor=anchor,
                dot=(
                    point_on_spoke(index, count, value / MAX_IMPORTANCE, center)
                    if value is not None
                    else None
                ),
            )
        )
    rings = tuple(
        " ".join(
            str(point_on_spoke(index, count, level / MAX_IMPORTANCE, center))
            for index in range(count)
        )
        for level in range(1, MAX_IMPORTANCE + 1)
    )
    has_data = any(spoke.value is not None for spoke in spokes)
    shape = (
        " ".join(
            str(point_on_spoke(index, count, (spoke.value or 0) / MAX_IMPORTANCE, center))
            for index, spoke in enumerate(spokes)
        )
        if has_data
        else ""
    )
    return WheelChart(
        width=WIDTH, height=HEIGHT, center=center, spokes=tuple(spokes), rings=rings, shape=shape
    )


def wheel_values(entries):
    """{area: importance} from a participant's ``WheelEntry`` rows."""
    return {entry.area: entry.importance for entry in entries}
