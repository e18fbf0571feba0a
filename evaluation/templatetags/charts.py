"""Charts drawn on the server as SVG, without JavaScript: horizontal bars of percentages with
each bar's target drawn as a line. The caller puts the same figures in a table beside the
chart for screen readers (the SVG is labelled by the chart's heading)."""

from django import template

register = template.Library()

LABEL_WIDTH, BAR_WIDTH, ROW_HEIGHT, BAR_HEIGHT = 260, 300, 28, 16


@register.inclusion_tag("evaluation/admin/bar_chart.html")
def bar_chart(rows, labelled_by):
    """``rows``: (label, percent or None, target percent or None)."""
    bars = []
    for index, (label, percent, target) in enumerate(rows):
        y = index * ROW_HEIGHT
        bars.append(
            {
                "label": label,
                "y": y,
                "text_y": y + BAR_HEIGHT - 3,
                "width": round(BAR_WIDTH * (percent or 0) / 100),
                "percent": percent,
                "value_x": LABEL_WIDTH + round(BAR_WIDTH * (percent or 0) / 100) + 6,
                "target_x": LABEL_WIDTH + round(BAR_WIDTH * target / 100) if target else None,
            }
        )
    return {
        "bars": bars,
        "labelled_by": labelled_by,
        "bar_x": LABEL_WIDTH,
        "bar_height": BAR_HEIGHT,
        "height": max(len(rows), 1) * ROW_HEIGHT,
        "width": LABEL_WIDTH + BAR_WIDTH + 60,
    }


TREND_WIDTH, TREND_HEIGHT, TREND_LEFT, TREND_BOTTOM = 600, 180, 30, 30


@register.inclusion_tag("evaluation/admin/trend_chart.html")
def trend_chart(points, labelled_by, top=5):
    """``points``: (label, value or None) in order; a line through the values from 0 to
    ``top``, a dot per value, gaps where a value is missing (suppressed or none)."""
    count = max(len(points), 1)
    step = (TREND_WIDTH - TREND_LEFT) / count
    plot_height = TREND_HEIGHT - TREND_BOTTOM
    dots, segments, current = [], [], []
    for index, (label, value) in enumerate(points):
        x = round(TREND_LEFT + step * index + step / 2)
        dot = {"x": x, "label": label, "value": value, "label_y": TREND_HEIGHT - 10}
        if value is None:
            if len(current) > 1:
                segments.append(" ".join(current))
            current = []
        else:
            dot["y"] = round(plot_height - plot_height * value / top)
            current.append(f"{x},{dot['y']}")
        dots.append(dot)
    if len(current) > 1:
        segments.append(" ".join(current))
    return {
        "dots": dots,
        "segments": segments,
        "labelled_by": labelled_by,
        "width": TREND_WIDTH,
        "height": TREND_HEIGHT,
        "axis_x": TREND_LEFT,
        "axis_bottom": plot_height,
        "top": top,
    }
