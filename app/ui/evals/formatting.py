"""How the Evaluations view writes numbers and names, and the colours it marks results with.

Percentages are whole (``78%``, ``—`` when nothing finished), durations read like a clock
(``0:35``, ``1:02:03``), costs as the run history writes them, tokens with thousands
separators, latencies in ms or s. A column is named by its ref (``working`` reads "working
copy", a version id is shortened) and its model (the provider's prefix dropped; the full id
is the tooltip). Pass, fail and error colours come from the palette's lightness, as the
editor's do, so they read in the light and the dark theme; cells are tinted, never filled,
so text keeps the palette's own colour.
"""

from __future__ import annotations

import re
from datetime import datetime
from typing import Literal

from app.core.evals.results import WORKING, Totals
from app.ui.editor.colors import error_color, pick, tint, warning_color
from app.ui.history.model import format_cost
from app.ui.qt import QColor, QCoreApplication, QPalette

Outcome = Literal["pass", "fail", "error", "pending"]
_VERSION_ID = re.compile(r"^[0-9a-f]{16,}$")
CELL_TINT = 70  # alpha of a result's colour behind a matrix cell


def percent(rate: float | None) -> str:
    return "—" if rate is None else f"{round(rate * 100)}%"


def duration(seconds: float | None) -> str:
    """``0:35``, ``12:04``, ``1:02:03``; ``—`` when unknown."""
    if seconds is None:
        return "—"
    whole = max(0, round(seconds))
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02}:{secs:02}" if hours else f"{minutes}:{secs:02}"


def cost(value: float) -> str:
    """``$0`` for free, ``$0.000021`` for a fraction of a cent, else as the history writes it."""
    if 0 < value < 0.0001:
        return f"${value:.6f}".rstrip("0")
    return format_cost(value)


def when(created_at: str) -> str:
    """A run's start in local time: ``14:05`` today, ``03-28 14:05`` another day."""
    try:
        moment = datetime.fromisoformat(created_at).astimezone()
    except ValueError:
        return created_at[:16].replace("T", " ")
    if moment.date() == datetime.now().astimezone().date():
        return f"{moment:%H:%M}"
    return f"{moment:%Y-%m-%d %H:%M}"


def tokens(count: int) -> str:
    return f"{count:,}"


def latency(ms: float | None) -> str:
    if ms is None:
        return "—"
    return f"{ms:,.0f} ms" if ms < 1000 else f"{ms / 1000:.1f} s"


def score(value: float | None) -> str:
    return "—" if value is None else f"{value:.2f}"


def short_ref(ref: str) -> str:
    if ref == WORKING:
        return QCoreApplication.translate("Evaluations", "working copy")
    return ref[:8] if _VERSION_ID.match(ref) else ref


def short_model(model_id: str) -> str:
    """``remote:openai/gpt-4o-mini`` -> ``gpt-4o-mini``; ``local:smollm2…`` -> ``smollm2…``."""
    return model_id.partition(":")[2].rpartition("/")[2] or model_id


def column_title(ref: str, model_id: str) -> str:
    return f"{short_ref(ref)}\n{short_model(model_id)}"


def totals_text(found: Totals) -> str:
    """Two lines for a column's totals: pass rate and mean score; cost, tokens, latency."""
    first = (
        QCoreApplication.translate("Evaluations", "%1 passed (%2) · score %3")
        .replace("%1", percent(found.pass_rate))
        .replace("%2", f"{found.passed}/{found.done}")
        .replace("%3", score(found.mean_score))
    )
    used = QCoreApplication.translate("Evaluations", "%1 tokens").replace(
        "%1", tokens(found.input_tokens + found.output_tokens)
    )
    second = " · ".join((cost(found.cost_usd), used, latency(found.mean_latency_ms)))
    return f"{first}\n{second}"


def pass_color(palette: QPalette) -> QColor:
    return pick(palette, "#2e7d32", "#3fb950")


def outcome_color(palette: QPalette, outcome: Outcome) -> QColor | None:
    if outcome == "pass":
        return pass_color(palette)
    if outcome == "fail":
        return error_color(palette)
    if outcome == "error":
        return warning_color(palette)
    return None


def outcome_tint(palette: QPalette, outcome: Outcome) -> QColor | None:
    colour = outcome_color(palette, outcome)
    return None if colour is None else tint(colour, CELL_TINT)
