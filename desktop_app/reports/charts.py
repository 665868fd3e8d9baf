"""Charts drawn with reportlab.graphics (vector, embedded fonts, no extra dependency)."""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.graphics.charts.barcharts import HorizontalBarChart, VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors

from desktop_app.reports.gbt9704 import BLOCK_WIDTH

PALETTE = {
    "on_time": colors.Color(0.20, 0.55, 0.30),
    "late": colors.Color(0.95, 0.65, 0.10),
    "missing": colors.Color(0.80, 0.15, 0.15),
    "red": colors.Color(0.80, 0.15, 0.15),
    "yellow": colors.Color(0.95, 0.75, 0.10),
    "green": colors.Color(0.20, 0.55, 0.30),
    "bar": colors.Color(0.20, 0.40, 0.65),
    "excellent": colors.Color(0.20, 0.55, 0.30),
    "good": colors.Color(0.20, 0.40, 0.65),
    "pass": colors.Color(0.95, 0.65, 0.10),
    "fail": colors.Color(0.80, 0.15, 0.15),
}


def _drawing(width: float, height: float, font: str) -> Drawing:
    """A drawing whose default font is ours (else reportlab starts in Helvetica, not embedded)."""
    drawing = Drawing(width, height)
    drawing.initialFontName = font
    return drawing


def _shorten(label: str, limit: int) -> str:
    """A label cut to ``limit`` Chinese characters' width with "…"; English (about twice the letters
    in that width) is cut between words, never inside one ("Excelle…" was printed)."""
    if all(ord(c) < 0x2E80 for c in label):
        limit *= 2
        if len(label) <= limit:
            return label
        cut = label[: limit - 1]
        if " " in cut:
            cut = cut[: cut.rindex(" ")]
        return cut.rstrip(" ,;:-") + "…"
    return label if len(label) <= limit else label[: limit - 1] + "…"


def _fit(label: str, font: str, room: float, size: float = 8) -> str:
    """The label, or as many of its words (characters, for Chinese) as fit ``room`` with "…"."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    if stringWidth(label, font, size) <= room:
        return label
    text = label.rstrip("…")
    while text and stringWidth(text + "…", font, size) > room:
        text = text[: text.rindex(" ")] if " " in text else text[:-1]
        text = text.rstrip(" ,;:-")
    return text + "…"


def stacked_bars(categories: Sequence[str], series: Sequence[tuple[str, str, Sequence[float]]], font: str,
                 *, horizontal: bool = True, width: float = BLOCK_WIDTH, label_chars: int = 10,
                 value_max: float | None = None) -> Drawing:
    """Stacked bars per category; ``series`` = (key for the colour, legend label, values).

    Horizontal bars suit department names (long, many); the drawing grows with the categories.
    """
    n = max(1, len(categories))
    labels = [_shorten(c, label_chars) for c in categories]
    if horizontal:
        bar_height = 14
        plot_h = n * bar_height
        height = plot_h + 60
        chart = HorizontalBarChart()
        # room for the widest label as set (English labels hold more letters than Chinese ones)
        from reportlab.pdfbase.pdfmetrics import stringWidth

        widest = max((stringWidth(lab, font, 8) for lab in labels), default=0.0)
        left = min(width * 0.45, max(8 + 8 * min(label_chars, 14), widest + 10))
        labels = [_fit(lab, font, left - 10) for lab in labels]
        chart.x, chart.y, chart.width, chart.height = left, 40, width - left - 20, plot_h
        chart.categoryAxis.labels.boxAnchor = "e"
        chart.categoryAxis.labels.dx = -4
        chart.categoryAxis.reverseDirection = 1
    else:
        height = 190
        chart = VerticalBarChart()
        chart.x, chart.y, chart.width, chart.height = 45, 55, width - 60, 110
        chart.categoryAxis.labels.boxAnchor = "ne"
        chart.categoryAxis.labels.angle = 30
        chart.categoryAxis.labels.dy = -2
    chart.data = [list(values) for _key, _label, values in series] or [[0] * n]
    chart.categoryAxis.categoryNames = labels
    chart.categoryAxis.labels.fontName = font
    chart.categoryAxis.labels.fontSize = 8
    chart.valueAxis.labels.fontName = font
    chart.valueAxis.labels.fontSize = 8
    chart.valueAxis.valueMin = 0
    top = max((sum(vals) for vals in zip(*chart.data, strict=False)), default=0) if len(series) > 1 else \
        max(chart.data[0], default=0)
    chart.valueAxis.valueMax = value_max if value_max is not None else max(1, top * 1.1)
    chart.valueAxis.visibleGrid = 1
    chart.valueAxis.gridStrokeColor = colors.Color(0.85, 0.85, 0.85)
    if len(series) > 1:
        chart.categoryAxis.style = "stacked"
    chart.barSpacing = 1
    chart.groupSpacing = 3
    for i, (key, _label, _values) in enumerate(series):
        chart.bars[i].fillColor = PALETTE.get(key, PALETTE["bar"])
        chart.bars[i].strokeColor = None
    drawing = _drawing(width, height, font)
    drawing.add(chart)
    if len(series) > 1:
        legend = Legend()
        legend.fontName, legend.fontSize = font, 8
        legend.alignment = "right"
        legend.columnMaximum = 1
        legend.x, legend.y = chart.x, 12
        legend.dx = legend.dy = 8
        legend.deltax = 80
        legend.colorNamePairs = [(PALETTE.get(k, PALETTE["bar"]), lab) for k, lab, _v in series]
        drawing.add(legend)
    return drawing


def simple_bars(categories: Sequence[str], values: Sequence[float], font: str, *, colour_keys: Sequence[str] = (),
                value_max: float | None = None, width: float = BLOCK_WIDTH, label_chars: int = 8,
                show_values: bool = True) -> Drawing:
    """One vertical bar per category (grade distribution, progress by section)."""
    height = 200
    chart = VerticalBarChart()
    chart.x, chart.y, chart.width, chart.height = 45, 60, width - 60, 120
    chart.data = [list(values) or [0]]
    chart.categoryAxis.categoryNames = [_shorten(c, label_chars) for c in categories] or [""]
    chart.categoryAxis.labels.fontName = font
    chart.categoryAxis.labels.fontSize = 8
    if len(categories) > 6:
        chart.categoryAxis.labels.boxAnchor = "ne"
        chart.categoryAxis.labels.angle = 30
    chart.valueAxis.labels.fontName = font
    chart.valueAxis.labels.fontSize = 8
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueMax = value_max if value_max is not None else max(1.0, max(values, default=0) * 1.15)
    chart.valueAxis.visibleGrid = 1
    chart.valueAxis.gridStrokeColor = colors.Color(0.85, 0.85, 0.85)
    chart.bars[0].fillColor = PALETTE["bar"]
    chart.bars.strokeColor = None
    for i, key in enumerate(colour_keys):
        chart.bars[(0, i)].fillColor = PALETTE.get(key, PALETTE["bar"])
    if show_values:
        chart.barLabelFormat = "%.0f"
        chart.barLabels.fontName = font
        chart.barLabels.fontSize = 8
        chart.barLabels.nudge = 6
    drawing = _drawing(width, height, font)
    drawing.add(chart)
    return drawing

