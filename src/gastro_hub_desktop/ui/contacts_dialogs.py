"""Customers: import a CRM export (the user maps their column names once, the mapping is kept)
and review contacts that look like one customer (merge, or undo a merge)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from gastro_hub_desktop.ui.bridge import user_message

if TYPE_CHECKING:
    from gastro_hub_desktop.engine.facade import Engine
    from gastro_hub_desktop.ui.bridge import EngineBridge

FIELD_LABELS = {  # shown through self.tr() (context CrmImportDialog)
    "": QT_TRANSLATE_NOOP("CrmImportDialog", "not used"),
    "company": QT_TRANSLATE_NOOP("CrmImportDialog", "Company"),
    "contact_name": QT_TRANSLATE_NOOP("CrmImportDialog", "Contact name"),
    "email": QT_TRANSLATE_NOOP("CrmImportDialog", "Email"),
    "phone": QT_TRANSLATE_NOOP("CrmImportDialog", "Phone"),
    "vip": QT_TRANSLATE_NOOP("CrmImportDialog", "VIP (yes / no)"),
    "customer_value": QT_TRANSLATE_NOOP("CrmImportDialog", "Customer value (revenue)"),
    "crm_id": QT_TRANSLATE_NOOP("CrmImportDialog", "CRM id"),
    "notes": QT_TRANSLATE_NOOP("CrmImportDialog", "Notes"),
}
ROLE = 256  # Qt.UserRole, as an int (no Qt namespace needed)


class CrmImportDialog(QDialog):
    """Map the export's columns to ours, then import; says what was matched and what not."""

    def __init__(
        self, engine: Engine, bridge: EngineBridge, path: Path, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._engine = engine
        self._bridge = bridge
        self.path = path
        self.setWindowTitle(self.tr("Import CRM contacts"))
        self.columns: dict[str, QComboBox] = {}
        self.form = QFormLayout()
        self.result = QLabel(self.tr("Reading {0}…").format(path.name))
        self.result.setWordWrap(True)
        self.import_button = QPushButton(self.tr("Import"))
        self.import_button.setEnabled(False)
        self.import_button.clicked.connect(self.run_import)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.import_button)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Which of your columns holds what?")))
        layout.addLayout(self.form)
        layout.addWidget(self.result)
        layout.addLayout(buttons)
        bridge.call(engine.crm_file(path), self._show_columns, self._failed)

    def _failed(self, exc: BaseException) -> None:
        self.result.setText(self.tr("Not imported: ") + user_message(exc))
        self.import_button.setEnabled(bool(self.columns))

    def _show_columns(self, found: tuple[list[str], dict[str, str]]) -> None:
        headers, mapping = found
        for header in headers:
            combo = QComboBox()
            for value, label in FIELD_LABELS.items():
                combo.addItem(self.tr(label), value)
            combo.setCurrentIndex(max(combo.findData(mapping.get(header, "")), 0))
            self.columns[header] = combo
            self.form.addRow(header, combo)
        self.result.setText(
            self.tr("{0} columns found; check the choices and press Import.").format(len(headers))
        )
        self.import_button.setEnabled(bool(headers))

    def mapping(self) -> dict[str, str]:
        return {h: c.currentData() for h, c in self.columns.items() if c.currentData()}

    def run_import(self) -> None:
        self.import_button.setEnabled(False)
        self.result.setText(self.tr("Importing…"))
        self._bridge.call(
            self._engine.import_crm(self.path, self.mapping()), self._imported, self._failed
        )

    def _imported(self, done: tuple[Any, list[tuple[int, str]]]) -> None:
        outcome, problems = done
        text = self.tr(
            "{0} records matched customers you already write with, {1} new contacts; "
            "{2} records suggest merging contacts (see Customers → Same customer?)."
        ).format(outcome.matched, outcome.created, outcome.proposals)
        if problems:
            shown = "; ".join(
                self.tr("line {0}: {1}").format(line, why) for line, why in problems[:5]
            )
            more = len(problems) - 5
            text += (
                self.tr(" Not used: ")
                + shown
                + (self.tr(" (+{0} more)").format(more) if more > 0 else "")
            )
        self.result.setText(text)
        self.import_button.setEnabled(True)


class MergeDialog(QDialog):
    """Contacts that look like one customer, with why; merge them, or undo a merge."""

    def __init__(self, engine: Engine, bridge: EngineBridge, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._engine = engine
        self._bridge = bridge
        self.setWindowTitle(self.tr("Same customer?"))
        self.proposals = QListWidget()
        self.merges = QListWidget()
        self.merge_button = QPushButton(self.tr("Merge into one contact"))
        self.merge_button.clicked.connect(self.merge_selected)
        self.undo_button = QPushButton(self.tr("Undo merge"))
        self.undo_button.clicked.connect(self.undo_selected)
        self.status = QLabel()
        self.status.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("These contacts look like one customer:")))
        layout.addWidget(self.proposals)
        layout.addWidget(self.merge_button)
        layout.addWidget(QLabel(self.tr("Merged contacts (can be undone):")))
        layout.addWidget(self.merges)
        layout.addWidget(self.undo_button)
        layout.addWidget(self.status)
        self.refresh()

    def refresh(self) -> None:
        self._bridge.call(self._engine.merge_proposals(), self._show_proposals, self._failed)
        self._bridge.call(self._engine.contact_merges(), self._show_merges, self._failed)

    def _failed(self, exc: BaseException) -> None:
        self.status.setText(user_message(exc))

    def _show_proposals(self, proposals: list[Any]) -> None:
        self.proposals.clear()
        for p in proposals:
            item = QListWidgetItem(" + ".join(p.names) + self.tr(" — ") + p.reason)
            item.setData(ROLE, list(p.contact_ids))
            self.proposals.addItem(item)
        if not proposals:
            self.proposals.addItem(self.tr("No suggestions: every customer is one contact."))

    def _show_merges(self, merges: list[tuple[int, int, int]]) -> None:
        self.merges.clear()
        for merge_id, keep, other in merges:
            item = QListWidgetItem(self.tr("Contact {0} merged into {1}").format(other, keep))
            item.setData(ROLE, merge_id)
            self.merges.addItem(item)

    def merge_selected(self) -> None:
        item = self.proposals.currentItem()
        ids = item.data(ROLE) if item is not None else None
        if not ids:
            return
        keep, *others = ids
        for other in others:
            self._bridge.call(
                self._engine.merge_contacts(keep, other), lambda _id: self.refresh(), self._failed
            )

    def undo_selected(self) -> None:
        item = self.merges.currentItem()
        if item is None or item.data(ROLE) is None:
            return
        self._bridge.call(
            self._engine.unmerge_contacts(item.data(ROLE)), lambda _n: self.refresh(), self._failed
        )
