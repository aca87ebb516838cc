"""The Gallery window: browse and search the community gallery, read an entry, try, fork,
rate or report it.

Filters on the left (industry, license, minimum rating, tag, model), results in the middle
(typing searches after a pause; the newest answer wins), the entry's page on the right with its
actions. It reads the gallery of the server this device is signed in to; every answer is kept
in the store, so without a connection the window shows what it saw last, and says since when.
Without an account it offers the starter catalogue instead. All network and store work runs
off the UI thread (``Op``); the window only paints.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from app.core.protocol.gallery import INDUSTRIES, LICENSES, REPORT_REASONS
from app.gallery import starter
from app.gallery.service import GalleryService
from app.storage.library import LibraryError
from app.ui.editor.colors import secondary
from app.ui.gallery.entry_html import entry_html, industry_name, stars
from app.ui.ops import Op
from app.ui.qt import (
    QT_TRANSLATE_NOOP,
    QComboBox,
    QEvent,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QKeyEvent,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QObject,
    QPushButton,
    QSize,
    QSplitter,
    Qt,
    QTextBrowser,
    QTimer,
    QUrl,
    QVBoxLayout,
    QWidget,
    Signal,
)

if TYPE_CHECKING:
    from app.workbench import Workbench

SEARCH_DEBOUNCE_MS = 250
REASON_TITLES = {
    "spam": QT_TRANSLATE_NOOP("GalleryView", "Spam or advertising"),
    "harmful": QT_TRANSLATE_NOOP("GalleryView", "Harmful or abusive"),
    "copyright": QT_TRANSLATE_NOOP("GalleryView", "Copies someone else's work"),
    "misleading": QT_TRANSLATE_NOOP("GalleryView", "Misleading description"),
    "broken": QT_TRANSLATE_NOOP("GalleryView", "Does not work as described"),
    "other": QT_TRANSLATE_NOOP("GalleryView", "Something else"),
}
SORT_TITLES = {
    "relevance": QT_TRANSLATE_NOOP("GalleryView", "Best match"),
    "top": QT_TRANSLATE_NOOP("GalleryView", "Top rated"),
    "forks": QT_TRANSLATE_NOOP("GalleryView", "Most forked"),
    "new": QT_TRANSLATE_NOOP("GalleryView", "Newest"),
    "trending": QT_TRANSLATE_NOOP("GalleryView", "Trending"),
}


class GalleryView(QWidget):
    forked = Signal(str)  # the prompt a fork made: the main window opens it
    message = Signal(str)

    def __init__(
        self, workbench: Workbench, current_model: Callable[[], str], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("galleryWindow")
        self.setWindowTitle(self.tr("Gallery — Promptdesk"))
        self.resize(1280, 820)
        self.workbench = workbench
        self.service = GalleryService(workbench.store, workbench.library)
        self.current_model = current_model
        self.server = self.token = ""
        self.page: dict[str, Any] | None = None
        self._pending_entry = ""
        self._timer = QTimer(self, singleShot=True, interval=SEARCH_DEBOUNCE_MS)
        self._timer.timeout.connect(self.search_now)
        self._build()

    # --- the widgets ------------------------------------------------------------------------

    def _build(self) -> None:
        self.search = QLineEdit(placeholderText=self.tr("Search templates (title, tags, text)"))
        self.search.setObjectName("gallerySearch")
        self.search.setClearButtonEnabled(True)
        self.sort = QComboBox()
        for key, title in SORT_TITLES.items():
            self.sort.addItem(self.tr(str(title)), key)
        self.status = QLabel()
        self.status.setObjectName("galleryStatus")
        self.status.setTextFormat(Qt.TextFormat.PlainText)  # it shows others' titles
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(QLabel(self.tr("Sort:")))
        top.addWidget(self.sort)

        self.industries = QListWidget()
        self.industries.setObjectName("galleryIndustries")
        self.industries.addItem(QListWidgetItem(self.tr("All industries")))
        for key in INDUSTRIES:
            item = QListWidgetItem(industry_name(key))
            item.setData(Qt.ItemDataRole.UserRole, key)
            self.industries.addItem(item)
        self.industries.setCurrentRow(0)
        self.license = QComboBox()
        self.license.addItem(self.tr("Any license"), "")
        for key in LICENSES:
            self.license.addItem(key, key)
        self.min_rating = QComboBox()
        self.min_rating.addItem(self.tr("Any rating"), 0.0)
        for value in (3.0, 4.0, 4.5):
            self.min_rating.addItem(self.tr("%1★ and up").replace("%1", f"{value:g}"), value)
        self.tag = QLineEdit(placeholderText=self.tr("a tag"))
        self.model = QLineEdit(placeholderText=self.tr("e.g. local:smollm2-135m-instruct"))
        filters = QFormLayout()
        filters.addRow(self.tr("License"), self.license)
        filters.addRow(self.tr("Rating"), self.min_rating)
        filters.addRow(self.tr("Tag"), self.tag)
        filters.addRow(self.tr("Tested on"), self.model)
        self.import_button = QPushButton(self.tr("Import starter templates"))
        self.import_button.setToolTip(
            self.tr("Copy the starter templates into your library (works offline)")
        )
        left = QVBoxLayout()
        left.addWidget(QLabel(self.tr("Industry")))
        left.addWidget(self.industries, 1)
        left.addLayout(filters)
        left.addWidget(self.import_button)

        self.results = QListWidget()
        self.results.setObjectName("galleryResults")
        self.results.setWordWrap(True)
        self.results.setAlternatingRowColors(True)
        self.results.setSpacing(1)
        self.results.setMinimumWidth(260)
        self.page_view = QTextBrowser()
        self.page_view.setObjectName("galleryPage")
        self.page_view.setOpenLinks(False)
        self.try_button = QPushButton(self.tr("Try it…"))
        self.fork_button = QPushButton(self.tr("Fork to my library"))
        self.fork_button.setObjectName("galleryFork")
        self.rating = QComboBox()
        for value in range(5, 0, -1):
            self.rating.addItem("★" * value + "☆" * (5 - value), value)
        self.rate_button = QPushButton(self.tr("Rate"))
        self.report_button = QPushButton(self.tr("Report…"))
        actions = QHBoxLayout()
        for widget in (self.try_button, self.fork_button, self.rating, self.rate_button):
            actions.addWidget(widget)
        actions.addStretch(1)
        actions.addWidget(self.report_button)
        right = QVBoxLayout()
        right.addWidget(self.page_view, 1)
        right.addLayout(actions)

        split = QSplitter()
        for layout in (left, None, right):
            holder = QWidget()
            if layout is None:
                column = QVBoxLayout(holder)
                column.setContentsMargins(0, 0, 0, 0)
                column.addWidget(self.results)
            else:
                holder.setLayout(layout)
            split.addWidget(holder)
        split.setSizes([240, 380, 660])
        outer = QVBoxLayout(self)
        outer.addLayout(top)
        outer.addWidget(split, 1)
        outer.addWidget(self.status)
        self._set_page(None)

        self.search.textChanged.connect(lambda _text: self._timer.start())
        self.search.installEventFilter(self)
        for combo in (self.sort, self.license, self.min_rating):
            combo.currentIndexChanged.connect(lambda _index: self.search_now())
        for field in (self.tag, self.model):
            field.textChanged.connect(lambda _text: self._timer.start())
        self.industries.currentRowChanged.connect(lambda _row: self.search_now())
        self.results.currentItemChanged.connect(self._chosen)
        self.page_view.anchorClicked.connect(self._link)
        self.fork_button.clicked.connect(lambda _checked=False: self.fork())
        self.rate_button.clicked.connect(lambda _checked=False: self.rate())
        self.report_button.clicked.connect(lambda _checked=False: self.report())
        self.try_button.clicked.connect(lambda _checked=False: self.try_it())
        self.import_button.clicked.connect(lambda _checked=False: self.import_starter())

    # --- searching --------------------------------------------------------------------------

    def open(self) -> None:
        self.show()
        self.raise_()
        self.activateWindow()
        self.server = ""  # asked again each time: the user may have signed in or out
        self.search_now()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if (
            event.type() == QEvent.Type.ActivationChange
            and self.isActiveWindow()
            and not (self.server)
        ):
            self.search_now()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.close()
            return
        super().keyPressEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Down in the search box goes to the results, as in a browser's address bar.
        if (
            watched is self.search
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Down
            and self.results.count()
        ):
            self.results.setFocus()
            if self.results.currentRow() < 0:
                self.results.setCurrentRow(0)
            return True
        return super().eventFilter(watched, event)

    def _server_found(self, found: tuple[str, str]) -> None:
        self.server, self.token = found
        self.search_now()
        if self._pending_entry:
            self.show_entry(self._pending_entry)
            self._pending_entry = ""

    def _no_server(self, error: BaseException) -> None:
        self.server = ""
        self.results.clear()
        self.status.setText(
            self.tr(
                "Not signed in to a team server: sign in (Tools ▸ Team and workspaces…) to "
                "browse its gallery, or import the starter templates."
            )
        )

    def params(self) -> dict[str, Any]:
        industry = self.industries.currentItem()
        return {
            "q": self.search.text().strip(),
            "industry": industry.data(Qt.ItemDataRole.UserRole) or "" if industry else "",
            "tag": self.tag.text().strip().lstrip("#").lower(),
            "model": self.model.text().strip(),
            "license": self.license.currentData() or "",
            "min_rating": float(self.min_rating.currentData() or 0.0),
            "sort": self.sort.currentData(),
            "limit": 50,
        }

    def search_now(self, *, quiet: bool = False) -> None:
        """Search with the filters as they are; ``quiet`` refreshes the list (counts after a
        fork or a rating) and leaves the status line saying what the user just did."""
        if not self.server:
            # Signed in since the window opened? Ask again (a store read, off this thread).
            Op(self, self.service.server, key="gallery-server").success(self._server_found).failure(
                self._no_server
            ).run(self.workbench.tasks)
            return
        params, server, token = self.params(), self.server, self.token
        Op(self, lambda: self.service.search(server, token, params), key="gallery-search").success(
            lambda answer: self._show_results(answer, quiet=quiet)
        ).failure(self._search_failed).run(self.workbench.tasks)

    def _show_results(self, answer: tuple[dict[str, Any], str], *, quiet: bool = False) -> None:
        found, offline_since = answer
        chosen = self.page["id"] if self.page else None
        self.results.blockSignals(True)
        self.results.clear()
        muted = secondary(self.palette())
        for entry in found["entries"]:
            item = QListWidgetItem()
            item.setData(Qt.ItemDataRole.UserRole, entry["id"])
            item.setData(Qt.ItemDataRole.AccessibleTextRole, entry["title"])
            item.setToolTip(html.escape(entry["description"]))
            row = QLabel(self._row_html(entry, muted))
            row.setObjectName("galleryResult")
            row.setWordWrap(True)
            row.setContentsMargins(6, 4, 6, 4)
            row.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
            self.results.addItem(item)
            self.results.setItemWidget(item, row)
            width = max(200, self.results.viewport().width() - 8)
            item.setSizeHint(QSize(width, row.heightForWidth(width)))
            if entry["id"] == chosen:
                self.results.setCurrentItem(item)
        self.results.blockSignals(False)
        if chosen is not None and chosen not in {e["id"] for e in found["entries"]}:
            self._set_page(None)  # what the filters no longer list is not shown either
        if quiet:
            return
        count = int(found["total"])
        total = (
            self.tr("More than 1,000 templates: add words or filters")
            if count > 1000
            else self.tr("%n template(s)", "", count)
        )
        if offline_since:
            when = offline_since[:16].replace("T", " ")
            self.status.setText(
                self.tr("Offline — the gallery as it was at %1. %2")
                .replace("%1", when)
                .replace("%2", total)
            )
        else:
            self.status.setText(total)

    def _row_html(self, entry: dict[str, Any], muted: str) -> str:
        facts = " · ".join(
            (
                industry_name(entry["industry"]),
                stars(entry["rating_average"], entry["rating_count"]),
                self.tr("%n fork(s)", "", int(entry["forks"])),
                str(entry["author"]["display_name"]),
            )
        )
        description = str(entry["description"])
        if len(description) > 110:
            description = description[:107].rstrip() + "…"
        return (
            f"<b>{html.escape(entry['title'])}</b><br>"
            f"{html.escape(facts)}<br>"
            f"<span style='color:{muted}'>{html.escape(description)}</span>"
        )

    def result_titles(self) -> list[str]:
        """The titles listed, in order (what a screen reader reads for each row)."""
        return [
            str(self.results.item(i).data(Qt.ItemDataRole.AccessibleTextRole))
            for i in range(self.results.count())
        ]

    # --- an entry ---------------------------------------------------------------------------

    def _chosen(self, item: QListWidgetItem | None, _previous: object = None) -> None:
        if item is not None:
            self.show_entry(str(item.data(Qt.ItemDataRole.UserRole)))

    def _link(self, url: QUrl) -> None:
        text = url.toString()
        if text.startswith("entry:"):
            self.show_entry(text[len("entry:") :])

    def show_entry(self, entry_id: str) -> None:
        if not self.server:
            self._pending_entry = entry_id  # shown once the server is known
            return
        server, token = self.server, self.token
        Op(self, lambda: self.service.entry(server, token, entry_id), key="gallery-entry").success(
            self._show_page
        ).failure(self._failed).run(self.workbench.tasks)

    def _show_page(self, answer: tuple[dict[str, Any], str]) -> None:
        page, offline_since = answer
        self._set_page(page)
        muted = secondary(self.palette())
        self.page_view.setHtml(entry_html(page, muted, offline_since))
        self.rating.setCurrentIndex(max(0, self.rating.findData(page.get("my_rating") or 5)))

    def _set_page(self, page: dict[str, Any] | None) -> None:
        self.page = page
        yours = bool(page and page.get("yours"))  # one's own entry is not rated nor reported
        for button in (self.try_button, self.fork_button):
            button.setEnabled(page is not None)
        for widget in (self.rate_button, self.report_button, self.rating):
            widget.setEnabled(page is not None and not yours)
        if page is None:
            self.page_view.setHtml(
                f"<p style='color:{secondary(self.palette())}'>"
                + self.tr("Choose a template to see its page.")
                + "</p>"
            )

    # --- what the user does with it ------------------------------------------------------------

    def fork(self) -> None:
        if self.page is None:
            return
        server, token, entry_id = self.server, self.token, str(self.page["id"])
        self.fork_button.setEnabled(False)
        Op(self, lambda: self.service.fork(server, token, entry_id), lane="writer").success(
            self._forked
        ).failure(self._failed).run(self.workbench.tasks)

    def _forked(self, done: tuple[str, Any]) -> None:
        name, lineage = done
        self.fork_button.setEnabled(True)
        self.status.setText(
            self.tr("Forked “%1” release %2 into your library as “%3”.")
            .replace("%1", lineage.entry_title)
            .replace("%2", str(lineage.release))
            .replace("%3", name)
        )
        self.forked.emit(name)
        self.show_entry(lineage.entry_id)  # its fork count
        self.search_now(quiet=True)

    def rate(self) -> None:
        if self.page is None:
            return
        if not self.token:
            self.status.setText(self.tr("Sign in to rate templates."))
            return
        stars_given = int(self.rating.currentData())
        server, token, entry_id = self.server, self.token, str(self.page["id"])
        Op(self, lambda: self.service.rate(server, token, entry_id, stars_given)).success(
            lambda page: self._rated(page, stars_given)
        ).failure(self._failed).run(self.workbench.tasks)

    def _rated(self, page: dict[str, Any], given: int) -> None:
        self._show_page((page, ""))
        self.status.setText(self.tr("You rated it %1★.").replace("%1", str(given)))
        self.search_now(quiet=True)

    def report(self) -> None:
        if self.page is None:
            return
        if not self.token:
            self.status.setText(self.tr("Sign in to report templates."))
            return
        titles = [self.tr(str(REASON_TITLES[r])) for r in REPORT_REASONS]
        chosen, ok = QInputDialog.getItem(
            self,
            self.tr("Report"),
            self.tr("Why should a moderator look at “%1”?").replace(
                "%1", html.escape(str(self.page["title"]))
            ),
            titles,
            0,
            False,
        )
        if not ok:
            return
        reason = REPORT_REASONS[titles.index(chosen)]
        server, token, entry_id = self.server, self.token, str(self.page["id"])
        Op(self, lambda: self.service.report(server, token, entry_id, reason, "")).success(
            lambda _none: self.status.setText(self.tr("Reported; a moderator will look at it."))
        ).failure(self._failed).run(self.workbench.tasks)

    def try_it(self) -> None:
        if self.page is None:
            return
        from app.ui.gallery.try_dialog import TryDialog

        try:
            dialog = TryDialog(self.workbench, self.page, self.current_model(), self)
        except LibraryError as error:  # a release that cannot be read as a prompt
            self.status.setText(str(error))
            return
        dialog.open()

    def import_starter(self) -> None:
        library = self.workbench.library
        self.import_button.setEnabled(False)
        Op(self, lambda: starter.import_starter(library), lane="writer").success(
            self._imported
        ).failure(self._failed).run(self.workbench.tasks)

    def _imported(self, done: tuple[list[str], list[str]]) -> None:
        imported, skipped = done
        self.import_button.setEnabled(True)
        self.status.setText(
            self.tr("Imported %n starter template(s) into your library.", "", len(imported))
            + (" " + self.tr("%n were there already.", "", len(skipped)) if skipped else "")
        )
        self.message.emit(self.status.text())

    def _search_failed(self, error: BaseException) -> None:
        """Nothing to show for this search (offline, and never asked before): say so rather
        than leave the last search's results up."""
        self.results.clear()
        self._set_page(None)
        self.status.setText(str(error))

    def _failed(self, error: BaseException) -> None:
        self.fork_button.setEnabled(self.page is not None)
        self.import_button.setEnabled(True)
        self.status.setText(str(error))
