"""The office's settings for printed documents (发文机关, 机关代字, 主送, 抄送, 印发机关, 附注, contact,
the district of the English issuer line, which documents are sealed), one dialog over
``services.report_settings`` — the same settings ``peakdesk settings office`` writes."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desktop_app.errors import PeakDeskError
from desktop_app.services import build_report
from desktop_app.services import report_settings as rs


class OfficeSettingsDialog(QDialog):
    """Text fields in Chinese and English side by side; an empty field prints the shipped default
    (shown greyed in the field). Saved in one transaction when the dialog is accepted."""

    def __init__(self, db: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("office-settings-dialog")
        self.setWindowTitle(self.tr("Office Settings for Printed Documents"))
        self.resize(760, 560)
        self.db = db
        current = rs.get_settings(db)
        self.fields: dict[str, QLineEdit] = {}
        shown = build_report.printed_defaults(db)      # what an empty field prints, greyed in the field
        rows = [
            ("issuer", self.tr("Issuing body (发文机关)")),
            ("abbreviation", self.tr("Abbreviation in document numbers (机关代字)")),
            ("recipients", self.tr("Main recipients (主送机关)")),
            ("cc", self.tr("Copy to (抄送)")),
            ("printer", self.tr("Printed by (印发机关)")),
            ("note", self.tr("Note (附注), e.g. disclosure")),
            ("contact", self.tr("Contact line")),
        ]
        examples = {"abbreviation": "例：嘉碳办", "contact_zh": "联系人：…，电话：…", "contact_en": "Contact: …, tel. …"}
        form = QFormLayout()
        head = QHBoxLayout()
        head.addWidget(QLabel(self.tr("Chinese")), 1)
        head.addWidget(QLabel(self.tr("English")), 1)
        form.addRow("", head)
        for key, label in rows:
            line = QHBoxLayout()
            for suffix in ("_zh", "_en") if key != "abbreviation" else ("",):
                name = key + suffix
                edit = QLineEdit(getattr(current, name))
                edit.setObjectName(f"office-{name.replace('_', '-')}")
                edit.setPlaceholderText(shown.get(name) or examples.get(name, ""))
                self.fields[name] = edit
                line.addWidget(edit, 1)
            form.addRow(label, line)
        district = QLineEdit(current.district_en)
        district.setObjectName("office-district-en")
        district.setPlaceholderText(shown["district_en"] or self.tr("from the English plan title, e.g. Jiading District"))
        self.fields["district_en"] = district
        form.addRow(self.tr("District in the English issuer line"), district)

        seal_box = QGroupBox(self.tr("Printed for the office's seal (GB/T 9704 7.3.5)"))
        seal_layout = QHBoxLayout(seal_box)
        sealed = set(rs.sealed_kinds(current.sealed))
        labels = {"monthly": self.tr("Monthly bulletin"), "quarterly": self.tr("Quarterly circular"),
                  "annual": self.tr("Annual assessment"), "department": self.tr("Department task sheet")}
        self.seal_checks: dict[str, QCheckBox] = {}
        for kind in rs.DOCUMENT_KINDS:
            box = QCheckBox(labels[kind])
            box.setObjectName(f"office-sealed-{kind}")
            box.setChecked(kind in sealed)
            self.seal_checks[kind] = box
            seal_layout.addWidget(box)
        explain = QLabel(self.tr("A sealed document leaves room for the seal and puts the date four characters "
                                 "from the right with the issuer centred above it; an unsealed one puts the "
                                 "issuer two characters from the right and the date below it."))
        explain.setWordWrap(True)

        self.error = QLabel()
        self.error.setObjectName("office-settings-error")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(seal_box)
        layout.addWidget(explain)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.saved: rs.ReportSettings | None = None

    def values(self) -> dict[str, str]:
        out = {name: edit.text().strip() for name, edit in self.fields.items()}
        kinds = [k for k, box in self.seal_checks.items() if box.isChecked()]
        if tuple(kinds) == rs.DEFAULT_SEALED:
            out["sealed"] = ""
        else:
            out["sealed"] = ",".join(kinds) if kinds else "none"
        return out

    def accept(self) -> None:
        values = self.values()
        before = asdict(rs.get_settings(self.db))
        changes = {k: v for k, v in values.items() if before.get(k, "") != v}
        try:
            self.saved = rs.set_settings(self.db, **changes) if changes else rs.get_settings(self.db)
        except PeakDeskError as exc:
            self.error.setText(str(exc))
            return
        super().accept()
