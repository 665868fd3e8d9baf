"""What the window shows while no database is open: open the demo, create a new desk, open an existing one.

Plain ``peakdesk gui`` on a first start lands here instead of silently creating an empty database.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QPushButton, QVBoxLayout, QWidget

if TYPE_CHECKING:
    from desktop_app.ui.main_window import MainWindow


class WelcomePanel(QFrame):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.setObjectName("welcome")
        self.window_ = window
        self.heading = QLabel()
        self.heading.setObjectName("page-heading")
        self.body = QLabel()
        self.body.setWordWrap(True)
        self.demo_button = QPushButton()
        self.demo_button.setObjectName("welcome-demo")
        self.demo_button.clicked.connect(lambda: self.window_.open_demo())
        self.new_button = QPushButton()
        self.new_button.setObjectName("welcome-new")
        self.new_button.clicked.connect(lambda: self.window_.new_database())
        self.open_button = QPushButton()
        self.open_button.setObjectName("welcome-open")
        self.open_button.clicked.connect(lambda: self.window_.choose_database())
        self.notes: list[QLabel] = []
        inner = QWidget()
        inner.setMaximumWidth(560)
        layout = QVBoxLayout(inner)
        layout.addWidget(self.heading)
        layout.addWidget(self.body)
        layout.addSpacing(12)
        for button in (self.demo_button, self.new_button, self.open_button):
            button.setMinimumHeight(36)
            note = QLabel()
            note.setObjectName("page-note")
            note.setWordWrap(True)
            self.notes.append(note)
            layout.addWidget(button)
            layout.addWidget(note)
        layout.addStretch(1)
        outer = QVBoxLayout(self)
        outer.addWidget(inner, 0, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.retranslate()

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Welcome to PeakDesk"))
        self.body.setText(self.tr("No database is open. A database holds one desk's plans, units, periods and "
                                  "reports; keep it somewhere that is backed up."))
        self.demo_button.setText(self.tr("Open the &Demo"))
        self.new_button.setText(self.tr("Create a &New Database…"))
        self.open_button.setText(self.tr("&Open an Existing Database…"))
        self.notes[0].setText(self.tr("A sample district plan with a year of reports, to look around safely."))
        self.notes[1].setText(self.tr("Start your own desk: then import your plan on the Plans page."))
        self.notes[2].setText(self.tr("A .sqlite file made by PeakDesk, e.g. one a colleague handed over."))
