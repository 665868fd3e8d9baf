"""What every page in the main window's stack shares, and the placeholder for views still to come."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from desktop_app.domain.models import ChangeSummary

if TYPE_CHECKING:
    from desktop_app.ui.main_window import MainWindow


def view_title(key: str) -> str:
    """The translated navigation title of a view (one literal per call so lupdate finds each)."""
    titles = {
        "dashboard": QCoreApplication.translate("Views", "Dashboard"),
        "plans": QCoreApplication.translate("Views", "Plans"),
        "ledger": QCoreApplication.translate("Views", "Ledger"),
        "departments": QCoreApplication.translate("Views", "Departments"),
        "periods": QCoreApplication.translate("Views", "Periods"),
        "submissions": QCoreApplication.translate("Views", "Submissions"),
        "warnings": QCoreApplication.translate("Views", "Warnings"),
        "assessment": QCoreApplication.translate("Views", "Assessment"),
        "reports": QCoreApplication.translate("Views", "Reports"),
    }
    return titles[key]


def view_blurb(key: str) -> str:
    blurbs = {
        "dashboard": QCoreApplication.translate("Views", "This period's submissions, red and yellow warnings, progress by section "
                                 "and upcoming due dates."),
        "plans": QCoreApplication.translate("Views", "Import a plan document, review what was recognised, and commit it."),
        "periods": QCoreApplication.translate("Views", "Reporting periods, their due dates and the holiday calendar."),
        "submissions": QCoreApplication.translate("Views", "Issue department workbooks, merge the returned ones, and see who is "
                                   "missing."),
        "warnings": QCoreApplication.translate("Views", "Quarterly early warnings: tasks behind schedule, late or missing reports."),
        "assessment": QCoreApplication.translate("Views", "Annual assessment: scores, adjustments, grades and ranking."),
        "reports": QCoreApplication.translate("Views", "Monthly bulletins, warning circulars and the annual assessment report as PDF."),
    }
    return blurbs.get(key, "")


class Page(QWidget):
    """A page of the main window. Pages re-translate themselves on ``LanguageChange``."""

    key = ""

    def __init__(self, window: MainWindow) -> None:
        super().__init__()
        self.window_ = window
        self.setObjectName(f"page-{self.key}")

    def set_database(self, db: Any, plan_id: int | None) -> None:
        """A database was opened (or reopened); load what the page shows."""

    def refresh(self, changes: ChangeSummary) -> None:
        """Something was written; reload what ``changes`` says is stale."""

    def retranslate(self) -> None:
        """Set every visible text again in the current language."""

    def save_state(self) -> None:
        """Persist splitter/header states."""

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


class ComingPage(Page):
    """A clean, empty page for a view whose service has not landed yet."""

    def __init__(self, window: MainWindow, key: str) -> None:
        self.key = key
        super().__init__(window)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 32, 32, 32)
        self.heading = QLabel()
        self.heading.setObjectName("page-heading")
        self.body = QLabel()
        self.body.setWordWrap(True)
        self.note = QLabel()
        self.note.setObjectName("page-note")
        for w in (self.heading, self.body, self.note):
            w.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
            layout.addWidget(w)
        layout.addStretch(1)
        self.retranslate()

    def retranslate(self) -> None:
        self.heading.setText(view_title(self.key))
        self.body.setText(view_blurb(self.key))
        self.note.setText(self.tr("This view is coming in a later version."))
