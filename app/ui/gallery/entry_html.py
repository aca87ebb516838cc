"""An entry's page as HTML for the Gallery's page view: what it is, who made it, how it rates,
the template itself (system prompt and body), its variables, its test cases and how they fared
on each model, example outputs, releases and published forks.

Everything that came from the server is escaped: a gallery entry is someone else's text.
"""

from __future__ import annotations

import html
import json
from typing import Any

from app.core.protocol.gallery import INDUSTRY_NAMES
from app.ui.qt import QT_TRANSLATE_NOOP, QCoreApplication, QObject


def _t(text: str) -> str:
    return QCoreApplication.translate("GalleryPage", text)


# Every text the page shows, for the translator (lupdate reads only literal calls).
PAGE_TEXTS = (
    QT_TRANSLATE_NOOP("GalleryPage", "Example outputs"),
    QT_TRANSLATE_NOOP("GalleryPage", "Forked from"),
    QT_TRANSLATE_NOOP("GalleryPage", "Name"),
    QT_TRANSLATE_NOOP("GalleryPage", "Offline: as it was at"),
    QT_TRANSLATE_NOOP("GalleryPage", "Passed on"),
    QT_TRANSLATE_NOOP("GalleryPage", "Published forks"),
    QT_TRANSLATE_NOOP("GalleryPage", "Release"),
    QT_TRANSLATE_NOOP("GalleryPage", "Releases"),
    QT_TRANSLATE_NOOP("GalleryPage", "Status"),
    QT_TRANSLATE_NOOP("GalleryPage", "System prompt"),
    QT_TRANSLATE_NOOP("GalleryPage", "Template"),
    QT_TRANSLATE_NOOP("GalleryPage", "Test cases"),
    QT_TRANSLATE_NOOP("GalleryPage", "Type"),
    QT_TRANSLATE_NOOP("GalleryPage", "Variables"),
    QT_TRANSLATE_NOOP("GalleryPage", "What it is"),
    QT_TRANSLATE_NOOP("GalleryPage", "by"),
    QT_TRANSLATE_NOOP("GalleryPage", "forks"),
    QT_TRANSLATE_NOOP("GalleryPage", "its parent entry"),
    QT_TRANSLATE_NOOP("GalleryPage", "no ratings yet"),
    QT_TRANSLATE_NOOP("GalleryPage", "release"),
    QT_TRANSLATE_NOOP("GalleryPage", "uses"),
)
# The industries' names (shown through industry_name).
INDUSTRY_TITLES = (
    QT_TRANSLATE_NOOP("GalleryPage", "Media & entertainment"),
    QT_TRANSLATE_NOOP("GalleryPage", "Healthcare & life sciences"),
    QT_TRANSLATE_NOOP("GalleryPage", "Retail"),
    QT_TRANSLATE_NOOP("GalleryPage", "Manufacturing"),
    QT_TRANSLATE_NOOP("GalleryPage", "Automotive"),
    QT_TRANSLATE_NOOP("GalleryPage", "Financial services"),
    QT_TRANSLATE_NOOP("GalleryPage", "Gaming"),
    QT_TRANSLATE_NOOP("GalleryPage", "General"),
)


class PageWords(QObject):
    """Counted words (a QObject, so their plural forms reach the translator)."""

    def forks(self, count: int) -> str:
        return self.tr("%n fork(s)", "", count)

    def uses(self, count: int) -> str:
        return self.tr("%n use(s)", "", count)

    def inputs(self) -> str:
        return self.tr("with")

    def one_of(self) -> str:
        return self.tr("one of")


WORDS = PageWords()


def esc(value: Any) -> str:
    return html.escape(str(value), quote=True)


def stars(average: float, count: int) -> str:
    if not count:
        return _t("no ratings yet")
    full = round(average)
    return f"{'★' * full}{'☆' * (5 - full)} {average:.1f} ({count})"


def industry_name(key: str) -> str:
    return QCoreApplication.translate("GalleryPage", INDUSTRY_NAMES.get(key, key or "General"))


def _block(title: str, text: str, muted: str) -> str:
    if not text.strip():
        return ""
    return (
        f"<h3>{esc(title)}</h3><pre style='white-space: pre-wrap; margin: 0; "
        f"padding: 6px; border-left: 3px solid {muted};'>{esc(text)}</pre>"
    )


def _variables(content: dict[str, Any]) -> str:
    variables = content.get("variables") or []
    if not variables:
        return ""
    rows = "".join(
        f"<tr><td><code>{esc(v.get('name', ''))}</code></td><td>{esc(v.get('type', 'text'))}"
        f"</td><td>{esc(v.get('description', ''))}{_choices(v)}</td></tr>"
        for v in variables
        if isinstance(v, dict)
    )
    return (
        f"<h3>{esc(_t('Variables'))}</h3><table cellspacing='0' cellpadding='3'>"
        f"<tr><th align='left'>{esc(_t('Name'))}</th><th align='left'>{esc(_t('Type'))}</th>"
        f"<th align='left'>{esc(_t('What it is'))}</th></tr>{rows}</table>"
    )


def _short(value: Any, length: int = 80) -> str:
    shown = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    return shown if len(shown) <= length else shown[: length - 1] + "…"


def _assertion(item: dict[str, Any]) -> str:
    kind = str(item.get("type", ""))
    value = item.get("value")
    shown = "" if value is None else json.dumps(value, ensure_ascii=False)
    if len(shown) > 80:
        shown = shown[:77] + "…"
    return f"<code>{esc(kind)}</code> {esc(shown)}"


def _choices(variable: dict[str, Any]) -> str:
    choices = variable.get("choices") or variable.get("options") or []
    if not isinstance(choices, list) or not choices:
        return ""
    return f" ({esc(WORDS.one_of())} " + ", ".join(f"<code>{esc(c)}</code>" for c in choices) + ")"


def _cases(content: dict[str, Any], tested: list[dict[str, Any]]) -> str:
    cases = content.get("tests") or []
    if not cases:
        return ""
    rates = " · ".join(
        f"{esc(t['model'])}: <b>{int(t['passed'])}/{int(t['cases'])}</b>" for t in tested
    )
    items = "".join(
        f"<li><b>{esc(c.get('description') or c.get('id', ''))}</b> — {esc(WORDS.inputs())} "
        + ", ".join(
            f"<code>{esc(k)}</code> = {esc(_short(v))}" for k, v in (c.get("vars") or {}).items()
        )
        + "<br>"
        + "; ".join(_assertion(a) for a in (c.get("assert") or []) if isinstance(a, dict))
        + "</li>"
        for c in cases
        if isinstance(c, dict)
    )
    passed = f"<p>{esc(_t('Passed on'))} {rates}</p>" if rates else ""
    return f"<h3>{esc(_t('Test cases'))} ({len(cases)})</h3>{passed}<ul>{items}</ul>"


def _examples(examples: list[dict[str, Any]], muted: str) -> str:
    if not examples:
        return ""
    parts = []
    for example in examples:
        values = ", ".join(
            f"<code>{esc(k)}</code> = {esc(str(v)[:120])}"
            for k, v in (example.get("vars") or {}).items()
        )
        parts.append(
            f"<p>{values}<br><span style='color:{muted}'>{esc(example.get('model', ''))}</span>"
            f"</p><pre style='white-space: pre-wrap; margin: 0 0 8px 0; padding: 6px; "
            f"border-left: 3px solid {muted};'>{esc(example.get('output', ''))}</pre>"
        )
    return f"<h3>{esc(_t('Example outputs'))}</h3>" + "".join(parts)


def _releases(page: dict[str, Any]) -> str:
    items = "".join(
        f"<li>{esc(_t('Release'))} {int(r['number'])} · {esc(str(r['created_at'])[:10])} · "
        f"<code>{esc(str(r['version_hash'])[:12])}</code> {esc(r.get('notes', ''))}</li>"
        for r in reversed(page.get("releases") or [])
    )
    return f"<h3>{esc(_t('Releases'))}</h3><ul>{items}</ul>"


def _forks(page: dict[str, Any]) -> str:
    forks = page.get("forks_published") or []
    if not forks:
        return ""
    items = "".join(
        f"<li><a href='entry:{esc(f['id'])}'>{esc(f['title'])}</a> — "
        f"{esc(f['author']['display_name'])} · {stars(f['rating_average'], f['rating_count'])}"
        f"</li>"
        for f in forks
    )
    return f"<h3>{esc(_t('Published forks'))}</h3><ul>{items}</ul>"


def entry_html(page: dict[str, Any], muted: str, offline_since: str = "") -> str:
    latest = page["latest"]
    content = latest["version"]["content"]
    tags = " ".join(f"<code>#{esc(t)}</code>" for t in page.get("tags") or [])
    meta = " · ".join(
        part
        for part in (
            esc(industry_name(page.get("industry", ""))),
            esc(page.get("use_case", "")),
            esc(page.get("complexity", "")),
            esc(page.get("license", "")),
        )
        if part
    )
    byline = (
        f"{esc(_t('by'))} {esc(page['author']['display_name'])} · "
        f"{esc(stars(page['rating_average'], page['rating_count']))} · "
        f"{esc(WORDS.forks(int(page['forks'])))} · {esc(WORDS.uses(int(page['pulls'])))} · "
        f"{esc(_t('release'))} {int(page['latest_release'])}"
    )
    status = ""
    if page.get("status") and page["status"] != "published":
        reason = page.get("status_reason") or ""
        status = (
            f"<p style='color:#b3261e'><b>{esc(_t('Status'))}: {esc(page['status'])}</b>"
            f"{' — ' + esc(reason) if reason else ''}</p>"
        )
    offline = (
        f"<p style='color:{muted}'>{esc(_t('Offline: as it was at'))} "
        f"{esc(offline_since[:16].replace('T', ' '))}</p>"
        if offline_since
        else ""
    )
    parent = ""
    if page.get("parent_id"):
        parent = (
            f"<p>{esc(_t('Forked from'))} <a href='entry:{esc(page['parent_id'])}'>"
            f"{esc(_t('its parent entry'))}</a> ({esc(_t('release'))} "
            f"{esc(page.get('parent_release') or '')})</p>"
        )
    return (
        f"<h2 style='margin-bottom:2px'>{esc(page['title'])}</h2>"
        f"<p style='color:{muted}; margin-top:0'>{meta}<br>{byline}</p>{status}{offline}"
        f"<p>{esc(page.get('description', ''))}</p><p>{tags}</p>{parent}"
        + _block(
            _t("System prompt"),
            str(content.get("system", "")),
            muted,
        )
        + _block(
            _t("Template"),
            str(content.get("body", "")),
            muted,
        )
        + _variables(content)
        + _cases(content, latest.get("tested") or [])
        + _examples(latest.get("examples") or [], muted)
        + _releases(page)
        + _forks(page)
    )
