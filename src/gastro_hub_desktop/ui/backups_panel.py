"""The Backups panel: the sets on this computer (time, size, verified, off-site), Back up now
with progress and Cancel, Verify, Restore (after a confirmation naming what will happen),
upload and fetch from the rclone remote, the schedule and retention (the prune plan is shown
before anything is removed), and a red line when no verified backup is recent."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import (
    QCheckBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from gastro_hub_desktop.ui.bridge import user_message

if TYPE_CHECKING:
    from gastro_hub_desktop.engine.facade import Engine
    from gastro_hub_desktop.ui.bridge import EngineBridge

COLUMNS = ("Set", "Made", "Size", "Checked", "Off-site")


class BackupsPanel(QWidget):
    def __init__(self, engine: Engine, bridge: EngineBridge, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._engine = engine
        self._bridge = bridge
        self.health = QLabel(self.tr("Looking at the backups…"))
        self.health.setWordWrap(True)
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels([self.tr(c) for c in COLUMNS])
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.backup_button = QPushButton(self.tr("Back up now"))
        self.backup_button.clicked.connect(self.back_up)
        self.verify_button = QPushButton(self.tr("Verify"))
        self.verify_button.clicked.connect(self.verify)
        self.restore_button = QPushButton(self.tr("Restore…"))
        self.restore_button.clicked.connect(self.restore)
        self.upload_button = QPushButton(self.tr("Upload"))
        self.upload_button.clicked.connect(self.upload)
        row = QHBoxLayout()
        for button in (
            self.backup_button,
            self.verify_button,
            self.restore_button,
            self.upload_button,
        ):
            row.addWidget(button)
        row.addStretch(1)
        self.result = QLabel()
        self.result.setWordWrap(True)

        box = QGroupBox(self.tr("Schedule, retention and off-site copy"))
        form = QFormLayout(box)
        self.every = QDoubleSpinBox()
        self.every.setRange(1, 168)
        self.every.setSuffix(self.tr(" h"))
        self.daily, self.weekly, self.monthly = QSpinBox(), QSpinBox(), QSpinBox()
        for spin in (self.daily, self.weekly, self.monthly):
            spin.setRange(0, 400)
        self.remote = QLineEdit()
        self.remote.setPlaceholderText(self.tr("an rclone remote, e.g. gdrive:Gastro Hub"))
        self.encrypt = QCheckBox(self.tr("Encrypt sets (passphrase in the keyring)"))
        save = QPushButton(self.tr("Save"))
        save.clicked.connect(self.save_settings)
        plan = QPushButton(self.tr("Show what retention would remove"))
        plan.clicked.connect(self.show_plan)
        form.addRow(self.tr("Back up every:"), self.every)
        form.addRow(self.tr("Keep daily / weekly / monthly:"), _row(self.daily, self.weekly,
                                                                    self.monthly))  # fmt: skip
        form.addRow(self.tr("Off-site copy to:"), self.remote)
        form.addRow(self.encrypt)
        form.addRow(_row(save, plan))

        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(f"<h2>{self.tr('Backups')}</h2>"))
        layout.addWidget(self.health)
        layout.addLayout(row)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.result)
        layout.addWidget(box)
        bridge.event.connect(self._on_event)

    def engine_started(self) -> None:
        self.refresh()
        self._bridge.call(self._engine.backup_settings(), self._show_settings, self._failed)

    def refresh(self) -> None:
        self._bridge.call(self._engine.backup_sets(), self.show_sets, self._failed)

    def _failed(self, exc: BaseException) -> None:
        self.result.setText(user_message(exc))

    def show_sets(self, found: tuple[list[Any], Any]) -> None:
        sets, health = found
        if health.overdue or health.message:
            colour = "#b00" if health.overdue else "#a60"
            self.health.setText(
                f"<b style='color:{colour}'>{html.escape(health.message or '')}</b>"
            )
        else:
            when = health.last_verified.astimezone().strftime("%d.%m. %H:%M")
            self.health.setText(self.tr("Last verified backup: {0}.").format(when))
        self.table.setRowCount(len(sets))
        for r, s in enumerate(sets):
            cells = (
                s.name,
                s.created_at.astimezone().strftime("%d.%m.%Y %H:%M"),
                f"{s.size / 1e6:.1f} MB",
                self.tr("verified") if s.verified else (s.state.problem or self.tr("not verified")),
                s.state.offsite.describe(),
            )
            for c, text in enumerate(cells):
                self.table.setItem(r, c, QTableWidgetItem(text))

    def _show_settings(self, settings: Any) -> None:
        self.every.setValue(float(settings.every_hours))
        self.daily.setValue(settings.retention.daily)
        self.weekly.setValue(settings.retention.weekly)
        self.monthly.setValue(settings.retention.monthly)
        self.remote.setText(settings.remote or "")
        self.encrypt.setChecked(bool(settings.encrypt))

    def selected(self) -> str | None:
        rows = {i.row() for i in self.table.selectedItems()}
        if len(rows) != 1:
            return None
        item = self.table.item(rows.pop(), 0)
        return item.text() if item is not None else None

    # ------------------------------------------------------------ actions

    def _track(self, job: Any, text: str, done: Any) -> None:
        self.result.setText(text)
        start = getattr(self.window(), "track_job", None)
        if start is not None:
            start(job, text)
        self._bridge.call(job.future, done, self._failed)

    def back_up(self) -> None:
        self._track(
            self._engine.backup_now(),
            self.tr("Backing up…"),
            lambda report: (
                self.result.setText(
                    self.tr("Backup {0} made and verified.").format(report.backup_set.name)
                ),
                self.refresh(),
            ),
        )

    def verify(self) -> None:
        name = self.selected()
        if name is None:
            self.result.setText(self.tr("Select a set first."))
            return
        self.result.setText(self.tr("Checking {0}…").format(name))
        self._bridge.call(
            self._engine.verify_backup(name),
            lambda _m: (
                self.result.setText(self.tr("{0}: every file is intact.").format(name)),
                self.refresh(),
            ),
            lambda exc: (self.result.setText(user_message(exc)), self.refresh()),
        )

    def restore(self, confirmed: bool = False) -> None:
        name = self.selected()
        if name is None:
            self.result.setText(self.tr("Select a set first."))
            return
        if not confirmed:
            answer = QMessageBox.question(
                self,
                self.tr("Restore"),
                self.tr(
                    "Restore {0}? Every file is checked first; the channels stop while the "
                    "database is replaced, the current one is kept as a safety copy, then "
                    "everything starts again."
                ).format(name),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        self._track(self._engine.restore_backup(name), self.tr("Restoring…"), self._restored)

    def _restored(self, report: Any) -> None:
        rows = ", ".join(f"{t} {n:,}" for t, n in sorted(report.tables.items()) if n)
        self.result.setText(
            self.tr("Restored {0} in {1:.1f} s: {2}").format(report.set_name, report.seconds, rows)
        )
        self.refresh()

    def upload(self) -> None:
        name = self.selected()
        if name is None:
            self.result.setText(self.tr("Select a set first."))
            return
        self.result.setText(self.tr("Uploading {0}…").format(name))
        self._bridge.call(
            self._engine.upload_backup(name),
            lambda offsite: (self.result.setText(offsite.describe()), self.refresh()),
            lambda exc: (self.result.setText(user_message(exc)), self.refresh()),
        )

    def save_settings(self) -> None:
        changes = {
            "every_hours": self.every.value(),
            "retention": {
                "daily": self.daily.value(),
                "weekly": self.weekly.value(),
                "monthly": self.monthly.value(),
            },
            "remote": self.remote.text().strip() or None,
            "encrypt": self.encrypt.isChecked(),
        }
        self._bridge.call(
            self._engine.save_backup_settings(changes),
            lambda _s: self.result.setText(self.tr("Saved.")),
            self._failed,
        )

    def show_plan(self) -> None:
        def shown(plan: Any) -> None:
            removed = ", ".join(plan.prune)
            self.result.setText(
                self.tr("Retention keeps {0} sets and would remove: {1}").format(
                    len(plan.keep), removed or self.tr("nothing")
                )
            )

        self._bridge.call(self._engine.prune_plan(), shown, self._failed)

    def _on_event(self, event: Any) -> None:
        if type(event).__name__ == "BackupStatusChanged":
            self.refresh()


def _row(*widgets: QWidget) -> QWidget:
    holder = QWidget()
    layout = QHBoxLayout(holder)
    layout.setContentsMargins(0, 0, 0, 0)
    for widget in widgets:
        layout.addWidget(widget)
    return holder
