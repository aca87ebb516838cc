"""Tokens and cost per day, as a chart: stacked bars of tokens in and out, a line of cost.

Tokens and cost differ by orders of magnitude, so they get an axis each: tokens on the left,
cost on the right. The series and axes are built once and refilled from
``RunHistory.totals("day", filters)`` rows; only the most recent :data:`MAX_DAYS` days are
drawn, so a long history stays readable. QtCharts loads when the first chart is built.
"""

from __future__ import annotations

from typing import Any

from app.ui.qt import (
    QColor,
    QEvent,
    QMargins,
    QPainter,
    QPalette,
    QPointF,
    Qt,
    QVBoxLayout,
    QWidget,
    charts,
)

MAX_DAYS = 60
TOKENS_IN_COLOUR = QColor("#4f7fd0")
TOKENS_OUT_COLOUR = QColor("#93b7ea")
COST_COLOUR = QColor("#e07b2c")


class UsageChart(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        qc = charts()
        self.chart = qc.QChart()
        self.chart.setBackgroundVisible(False)
        # Every pixel for the bars and the axis labels: the chart shares a panel's height.
        self.chart.setMargins(QMargins(2, 2, 2, 2))
        self.chart.layout().setContentsMargins(0, 0, 0, 0)
        self.chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)

        self.tokens_in = qc.QBarSet(self.tr("Tokens in"))
        self.tokens_in.setColor(TOKENS_IN_COLOUR)
        self.tokens_out = qc.QBarSet(self.tr("Tokens out"))
        self.tokens_out.setColor(TOKENS_OUT_COLOUR)
        self.token_series = qc.QStackedBarSeries()
        self.token_series.append(self.tokens_in)
        self.token_series.append(self.tokens_out)
        self.cost_series = qc.QLineSeries()
        self.cost_series.setName(self.tr("Cost (USD)"))
        self.cost_series.setColor(COST_COLOUR)
        self.cost_series.setPointsVisible(True)
        self.chart.addSeries(self.token_series)
        self.chart.addSeries(self.cost_series)

        self.days_axis = qc.QBarCategoryAxis()
        self.tokens_axis = qc.QValueAxis()
        self.tokens_axis.setTitleText(self.tr("Tokens"))
        self.tokens_axis.setTitleVisible(False)  # the legend names both series
        self.tokens_axis.setLabelFormat("%.0f")
        self.cost_axis = qc.QValueAxis()
        self.cost_axis.setTitleText(self.tr("Cost (USD)"))
        self.cost_axis.setTitleVisible(False)
        self.cost_axis.setLabelFormat("$%.4g")
        self.chart.addAxis(self.days_axis, Qt.AlignmentFlag.AlignBottom)
        self.chart.addAxis(self.tokens_axis, Qt.AlignmentFlag.AlignLeft)
        self.chart.addAxis(self.cost_axis, Qt.AlignmentFlag.AlignRight)
        for axis in (self.days_axis, self.tokens_axis):
            self.token_series.attachAxis(axis)
        for axis in (self.days_axis, self.cost_axis):
            self.cost_series.attachAxis(axis)
        self._follow_palette()

        self.view = qc.QChartView(self.chart)
        self.view.setObjectName("usageChart")
        self.view.setAccessibleName(self.tr("Tokens and cost per day"))
        self.view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.view.setMinimumHeight(160)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)

    def set_days(self, rows: list[dict[str, Any]]) -> None:
        """Refills the chart from per-day totals (``k`` is the day, oldest first)."""
        rows = [r for r in rows if r.get("k")][-MAX_DAYS:]
        # A week reads well with full dates; longer spans need the shorter MM-DD labels.
        days = [str(r["k"]) if len(rows) <= 7 else str(r["k"])[5:] for r in rows]
        tokens_in = [float(r.get("input_tokens") or 0) for r in rows]
        tokens_out = [float(r.get("output_tokens") or 0) for r in rows]
        costs = [float(r.get("cost_usd") or 0) for r in rows]
        for bar_set, values in ((self.tokens_in, tokens_in), (self.tokens_out, tokens_out)):
            if bar_set.count():
                bar_set.remove(0, bar_set.count())
            bar_set.append(values)
        self.cost_series.replace([QPointF(i, c) for i, c in enumerate(costs)])
        self.days_axis.clear()
        if days:
            self.days_axis.append(days)
        top_tokens = max((a + b for a, b in zip(tokens_in, tokens_out, strict=True)), default=0)
        self.tokens_axis.setRange(0, _headroom(top_tokens, 10))
        self.cost_axis.setRange(0, _headroom(max(costs, default=0), 0.01))
        for axis in (self.tokens_axis, self.cost_axis):
            axis.applyNiceNumbers()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:  # the theme changed while shown
            self._follow_palette()

    def _follow_palette(self) -> None:
        text = self.palette().color(QPalette.ColorRole.WindowText)
        grid = QColor(text)
        grid.setAlphaF(0.15)
        self.chart.legend().setLabelColor(text)
        for axis in (self.days_axis, self.tokens_axis, self.cost_axis):
            axis.setLabelsColor(text)
            axis.setTitleBrush(text)
            axis.setGridLineColor(grid)


def _headroom(value: float, floor: float) -> float:
    return max(value * 1.1, floor)
