"""The Backups panel: the sets on this computer and on the rclone remote side by side (time,
size, verified, off-site or "not off-site", where they are), what the selected set holds (its
files with their sizes, tables, n8n's part), Back up now with progress and Cancel, Verify,
Restore (after a confirmation naming what will happen), Upload, Fetch a set that is only on the
remote (with progress; it then shows as local), the schedule and retention (the prune plan is
shown before anything is removed), and a red line when no verified backup is recent. Every
call goes through the engine's futures: the window never waits on the disk or the network."""

from __future__ import annotations

import html
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
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

COLUMNS = ("Set", "Made", "Size", "Checked", "Off-site", "Where")
CONTENT_COLUMNS = ("Path", "Size", "Kind")  # a file's path inside the set
WHERE_COLUMN = 5


@dataclass
class SetRow:
    """One set in the table: on this computer, on the remote, or both."""

    name: str
    local: Any = None  # backup.sets.BackupSet
    remote: Any = None  # backup.service.RemoteSet

    @property
    def created_at(self) -> Any:
        return (self.local or self.remote).created_at

    @property
    def size(self) -> int:
        return int(self.local.size if self.local is not None else self.remote.size)

    @property
    def contents(self) -> dict[str, Any] | None:
        if self.local is not None and self.local.state.contents:
            return dict(self.local.state.contents)
        return self.remote.contents if self.remote is not None else None

    @property
    def encrypted(self) -> bool:
        if self.local is not None:
            return bool(self.local.encrypted)
        return str(self.remote.filename).endswith(".enc")


def _size(size: int) -> str:
    if size < 1_000_000:
        return f"{size / 1000:.1f} kB"
    return f"{size / 1e6:.1f} MB"


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
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setWordWrap(False)
        self.rows: list[SetRow] = []
        self._local: list[Any] = []
        self._remote: list[Any] = []
        self._asked = self._local_answer = self._remote_answer = 0
        self.remote_note = QLabel()
        self.remote_note.setWordWrap(True)
        self.contents_title = QLabel(self.tr("Select a set to see what it holds."))
        self.contents_title.setWordWrap(True)
        self.contents = QTableWidget(0, len(CONTENT_COLUMNS))
        self.contents.setHorizontalHeaderLabels([self.tr(c) for c in CONTENT_COLUMNS])
        self.contents.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.contents.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.contents.verticalHeader().setVisible(False)
        self.fetch_progress = QProgressBar()
        self.fetch_progress.setRange(0, 1000)
        self.fetch_progress.setVisible(False)
        self.backup_button = QPushButton(self.tr("Back up now"))
        self.backup_button.clicked.connect(self.back_up)
        self.verify_button = QPushButton(self.tr("Verify"))
        self.verify_button.clicked.connect(self.verify)
        self.restore_button = QPushButton(self.tr("Restore…"))
        self.restore_button.clicked.connect(self.restore)
        self.upload_button = QPushButton(self.tr("Upload"))
        self.upload_button.clicked.connect(self.upload)
        self.fetch_button = QPushButton(self.tr("Fetch"))
        self.fetch_button.setToolTip(
            self.tr("Bring a set that is only on the remote back to this computer, checked")
        )
        self.fetch_button.clicked.connect(self.fetch)
        self.fetch_button.setEnabled(False)
        row = QHBoxLayout()
        for button in (
            self.backup_button,
            self.verify_button,
            self.restore_button,
            self.upload_button,
            self.fetch_button,
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
        # the tab's own name (translated there; a tr() inside an f-string is never extracted)
        title = QCoreApplication.translate("MainWindow", "Backups")
        layout.addWidget(QLabel(f"<h2>{html.escape(title)}</h2>"))
        layout.addWidget(self.health)
        layout.addLayout(row)
        layout.addWidget(self.table, 2)
        layout.addWidget(self.remote_note)
        layout.addWidget(self.fetch_progress)
        layout.addWidget(self.contents_title)
        layout.addWidget(self.contents, 1)
        layout.addWidget(self.result)
        layout.addWidget(box)
        bridge.event.connect(self._on_event)

    def engine_started(self) -> None:
        self.refresh()
        self._bridge.call(self._engine.backup_settings(), self._show_settings, self._failed)

    def refresh(self) -> None:
        """Ask for the local and the remote sets; an answer to an older refresh that arrives
        after a newer one's is dropped (a slow rclone listing must not undo a newer one)."""
        self._asked += 1
        asked = self._asked

        def local(found: tuple[list[Any], Any]) -> None:
            if asked >= self._local_answer:
                self._local_answer = asked
                self.show_sets(found)

        def remote(found: list[Any]) -> None:
            if asked >= self._remote_answer:
                self._remote_answer = asked
                self.show_remote(found)

        def remote_failed(exc: BaseException) -> None:
            if asked >= self._remote_answer:
                self._remote_answer = asked
                self._remote_failed(exc)

        self._bridge.call(self._engine.backup_sets(), local, self._failed)
        self._bridge.call(self._engine.remote_backups(), remote, remote_failed)

    def show_remote(self, found: list[Any]) -> None:
        """The sets on the remote (none when no remote is configured)."""
        self._remote = list(found)
        self.remote_note.setText(
            self.tr("{0} sets on the remote.").format(len(found)) if found else ""
        )
        self._render()

    def _remote_failed(self, exc: BaseException) -> None:
        self._remote = []
        problem = self.tr("The remote could not be listed: {0}")
        self.remote_note.setText(problem.format(user_message(exc)))
        self._render()

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
        self._local = list(sets)
        self._render()

    def _render(self) -> None:
        """The local and the remote sets in one table, newest first; the selection is kept."""
        chosen = self.selected()
        by_name: dict[str, SetRow] = {}
        for local in self._local:
            by_name[local.name] = SetRow(local.name, local=local)
        for remote in self._remote:
            by_name.setdefault(remote.name, SetRow(remote.name)).remote = remote
        self.rows = sorted(by_name.values(), key=lambda r: (r.created_at, r.name), reverse=True)
        self.table.blockSignals(True)
        self.table.clearSelection()
        self.table.setRowCount(len(self.rows))
        for r, row in enumerate(self.rows):
            for c, text in enumerate(self._cells(row)):
                self.table.setItem(r, c, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()
        self.table.blockSignals(False)
        if chosen is not None:
            for r, row in enumerate(self.rows):
                if row.name == chosen:
                    self.table.selectRow(r)
        self._selection_changed()

    def _cells(self, row: SetRow) -> tuple[str, ...]:
        made = row.created_at.astimezone().strftime("%d.%m.%Y %H:%M")
        local = row.local
        if local is None:
            checked = self.tr("on the remote (checked when fetched)")
            offsite = self.tr("off-site")
            where = self.tr("remote only")
        else:
            if local.verified:
                checked = self.tr("verified")
            else:
                checked = local.state.problem or self.tr("not verified")
            offsite = local.state.offsite.describe()
            if row.remote is not None and not local.state.offsite.is_offsite:
                offsite = self.tr("off-site (found on the remote)")
            elif local.state.offsite.state == "not uploaded":
                offsite = self.tr("not off-site")
            if row.remote is not None:
                where = self.tr("this computer and the remote")
            else:
                where = self.tr("this computer")
        return (row.name, made, _size(row.size), checked, offsite, where)

    def selected_row(self) -> SetRow | None:
        name = self.selected()
        return next((r for r in self.rows if r.name == name), None)

    def _selection_changed(self) -> None:
        row = self.selected_row()
        local = row is not None and row.local is not None
        self.fetch_button.setEnabled(row is not None and row.local is None)
        for button in (self.verify_button, self.restore_button, self.upload_button):
            button.setEnabled(row is None or local)
        self._show_contents(row)

    def _show_contents(self, row: SetRow | None) -> None:
        """The selected set's files with their sizes, its tables and n8n's part."""
        self.contents.setRowCount(0)
        if row is None:
            self.contents_title.setText(self.tr("Select a set to see what it holds."))
            return
        contents = row.contents
        if not contents:
            if row.encrypted:
                text = self.tr("{0} is encrypted: the list of what it holds is inside it.")
            else:
                text = self.tr("{0}: no list of its contents yet (Verify reads it).")
            self.contents_title.setText(text.format(row.name))
            return
        files = list(contents.get("files") or [])
        rows = sum(int(n) for n in (contents.get("tables") or {}).values())
        template = self.tr("{0} holds {1} files: a {2} database (schema {3}, {4} rows).")
        kind = contents.get("database_kind") or "?"
        schema = contents.get("schema_revision") or "?"
        lines = [template.format(row.name, len(files), kind, schema, f"{rows:,}")]
        n8n = contents.get("n8n")
        if n8n and n8n.get("included"):
            if n8n.get("encryption_key") == "included":
                key = self.tr("its key is in the set")
            else:
                key = self.tr("its key is not in the set (it stays in the keyring)")
            template = self.tr(
                "n8n: {0} workflows and {1} credentials, encrypted with n8n's key; {2}."
            )
            lines.append(template.format(n8n.get("workflows", 0), n8n.get("credentials", 0), key))
        elif n8n:
            lines.append(self.tr("n8n's workflows are not in this set."))
        self.contents_title.setText(" ".join(lines))
        kinds = {
            "database": self.tr("database"),
            "config": self.tr("settings"),
            "extra": self.tr("n8n / extra"),
        }
        self.contents.setRowCount(len(files))
        for r, item in enumerate(files):
            role = str(item.get("role"))
            cells = (
                str(item.get("path")),
                _size(int(item.get("size") or 0)),
                kinds.get(role, role),
            )
            for c, text in enumerate(cells):
                self.contents.setItem(r, c, QTableWidgetItem(text))

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

    def _track(self, job: Any, text: str, done: Any, failed: Any = None) -> None:
        self.result.setText(text)
        start = getattr(self.window(), "track_job", None)
        if start is not None:
            start(job, text)
        self._bridge.call(job.future, done, failed or self._failed)

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

    def fetch(self) -> None:
        """Bring the selected remote-only set to this computer (checked), then list it."""
        row = self.selected_row()
        if row is None or row.remote is None:
            self.result.setText(self.tr("Select a set that is on the remote first."))
            return
        if row.local is not None:
            self.result.setText(self.tr("{0} is already on this computer.").format(row.name))
            return
        self.fetch_button.setEnabled(False)
        self.fetch_progress.setValue(0)
        self.fetch_progress.setVisible(True)

        def fetched(backup_set: Any) -> None:
            self.fetch_progress.setValue(1000)
            self.fetch_progress.setVisible(False)
            done = self.tr("{0} fetched from the remote and checked: it can be restored.")
            self.result.setText(done.format(backup_set.name))
            self.refresh()

        def failed(exc: BaseException) -> None:
            self.fetch_progress.setVisible(False)
            self._failed(exc)
            self._selection_changed()

        job = self._engine.fetch_backup(row.remote.filename, row.remote.size)
        self._track(job, self.tr("Fetching {0}…").format(row.name), fetched, failed)

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
        row = self.selected_row()
        if row is not None and row.local is None:
            self.result.setText(self.tr("{0} is only on the remote: Fetch it first.").format(name))
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
        text = self.tr("Restored {0} in {1:.1f} s: {2}").format(
            report.set_name, report.seconds, rows
        )
        notes = list(getattr(report, "notes", ()))
        self.result.setText("\n".join([text, *notes]))
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
        kind = type(event).__name__
        if kind == "BackupStatusChanged":
            self.refresh()
        elif kind == "JobProgress" and event.job == "fetch":
            self.fetch_progress.setVisible(True)
            if event.total:
                self.fetch_progress.setValue(min(1000, event.done * 1000 // event.total))


def _row(*widgets: QWidget) -> QWidget:
    holder = QWidget()
    layout = QHBoxLayout(holder)
    layout.setContentsMargins(0, 0, 0, 0)
    for widget in widgets:
        layout.addWidget(widget)
    return holder
