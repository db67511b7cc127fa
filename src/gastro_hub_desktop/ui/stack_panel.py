"""The Stack panel: the local Docker stack (processor, n8n, PostgreSQL, Redis) as Docker
reports it — each service's state, health, uptime, restarts, CPU and memory — with Start /
Stop / Restart per service and for all, bring-up and image updates with a progress bar, a
live log with search, the watchdog's incidents, and moving the app's data to the stack's
PostgreSQL. Every action goes through the engine; nothing here blocks."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QTimer
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from gastro_hub_desktop.ui.bridge import user_message

if TYPE_CHECKING:
    from gastro_hub_desktop.engine.facade import Engine
    from gastro_hub_desktop.ui.bridge import EngineBridge

COLUMNS = (  # shown through self.tr() (context StackPanel)
    QT_TRANSLATE_NOOP("StackPanel", "Service"),
    QT_TRANSLATE_NOOP("StackPanel", "State"),
    QT_TRANSLATE_NOOP("StackPanel", "Health"),
    QT_TRANSLATE_NOOP("StackPanel", "Up"),
    QT_TRANSLATE_NOOP("StackPanel", "Restarts (Docker / app)"),
    QT_TRANSLATE_NOOP("StackPanel", "CPU"),
    QT_TRANSLATE_NOOP("StackPanel", "Memory"),
)
ACTIONS = (
    ("start", QT_TRANSLATE_NOOP("StackPanel", "Start")),
    ("stop", QT_TRANSLATE_NOOP("StackPanel", "Stop")),
    ("restart", QT_TRANSLATE_NOOP("StackPanel", "Restart")),
)
REFRESH_MS = 5000


def uptime_words(seconds: float | None) -> str:
    if seconds is None:
        return "–"
    minutes = int(seconds // 60)
    if minutes < 1:
        return f"{int(seconds)} s"
    if minutes < 120:
        return f"{minutes} min"
    return f"{minutes // 60} h {minutes % 60} min"


class StackPanel(QWidget):
    def __init__(self, engine: Engine, bridge: EngineBridge, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._engine = engine
        self._bridge = bridge
        self._follower: Any = None
        self.engine_label = QLabel(self.tr("Looking for Docker…"))
        self.engine_label.setWordWrap(True)
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels([self.tr(c) for c in COLUMNS])
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.itemSelectionChanged.connect(self._selected_changed)

        self.up_button = QPushButton(self.tr("Bring the stack up"))
        self.up_button.clicked.connect(self.bring_up)
        self.pull_button = QPushButton(self.tr("Update images"))
        self.pull_button.clicked.connect(self.pull)
        self.buttons: dict[str, QPushButton] = {}
        row = QHBoxLayout()
        row.addWidget(self.up_button)
        row.addWidget(self.pull_button)
        for action, label in ACTIONS:
            button = QPushButton(self.tr(label))
            button.clicked.connect(lambda _c=False, a=action: self.act(a))
            self.buttons[action] = button
            row.addWidget(button)
        row.addStretch(1)
        self.scope = QLabel(self.tr("(all services)"))
        row.addWidget(self.scope)

        self.log = QPlainTextEdit()
        self.log.setReadOnly(True)
        self.log.setMaximumBlockCount(5000)
        self.follow_button = QPushButton(self.tr("Follow log of the selected service"))
        self.follow_button.setCheckable(True)
        self.follow_button.toggled.connect(self.follow)
        self.search_box = QLineEdit()
        self.search_box.setPlaceholderText(self.tr("Search the logs of every service…"))
        self.search_box.returnPressed.connect(self.search)
        logs = QHBoxLayout()
        logs.addWidget(self.follow_button)
        logs.addWidget(self.search_box, 1)

        self.incidents = QListWidget()
        self.incidents.setMaximumHeight(110)
        self.compose_button = QPushButton(self.tr("Stack file…"))
        self.compose_button.clicked.connect(self.choose_compose)
        self.move_button = QPushButton(self.tr("Use the stack's PostgreSQL for the app's data…"))
        self.move_button.clicked.connect(self.move_database)
        self.result = QLabel()
        self.result.setWordWrap(True)
        bottom = QHBoxLayout()
        bottom.addWidget(self.compose_button)
        bottom.addWidget(self.move_button)
        bottom.addStretch(1)

        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("<h2>" + self.tr("Docker stack") + "</h2>"))
        layout.addWidget(self.engine_label)
        layout.addLayout(row)
        layout.addWidget(self.table, 1)
        layout.addLayout(logs)
        layout.addWidget(self.log, 1)
        layout.addWidget(QLabel(self.tr("What the watchdog did:")))
        layout.addWidget(self.incidents)
        layout.addLayout(bottom)
        layout.addWidget(self.result)
        self.timer = QTimer(self)
        self.timer.setInterval(REFRESH_MS)
        self.timer.timeout.connect(self.refresh)
        bridge.event.connect(self._on_event)

    # ------------------------------------------------------------ showing

    def engine_started(self) -> None:
        self.refresh()
        self.timer.start()

    def refresh(self) -> None:
        if not self.isVisible() and self.table.rowCount():
            return  # nothing to keep fresh while hidden
        self._bridge.call(self._engine.stack_status(), self.show_status, self._failed)

    def _failed(self, exc: BaseException) -> None:
        self.result.setText(user_message(exc))

    def show_status(self, status: Any) -> None:
        if not status.reachable:
            self.engine_label.setText(
                "<b>"
                + self.tr("Docker is not available.")
                + "</b> "
                + html.escape(status.problem or "")
            )
        else:
            healthy = sum(1 for s in status.services if s.healthy)
            self.engine_label.setText(
                self.tr("{0} of {1} services healthy.").format(healthy, len(status.services))
            )
        selected = self.selected_service()
        self.table.setRowCount(len(status.services))
        for row, s in enumerate(status.services):
            cells = (
                s.service,
                s.state if s.state != "missing" else self.tr("not created yet"),
                s.health or "–",
                uptime_words(s.uptime),
                f"{s.restart_count} / {s.healed_count}",
                "–" if s.cpu_percent is None else f"{s.cpu_percent:.1f} %",
                "–" if s.memory_bytes is None else f"{s.memory_bytes / 1_000_000:.1f} MB",
            )
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
            if s.service == selected:
                self.table.selectRow(row)
        for button in (*self.buttons.values(), self.up_button, self.pull_button):
            button.setEnabled(status.reachable)

    def selected_service(self) -> str | None:
        rows = {i.row() for i in self.table.selectedItems()}
        if len(rows) != 1:
            return None
        item = self.table.item(rows.pop(), 0)
        return item.text() if item is not None else None

    def _selected_changed(self) -> None:
        service = self.selected_service()
        self.scope.setText(service or self.tr("(all services)"))

    # ------------------------------------------------------------ actions

    def act(self, action: str) -> None:
        service = self.selected_service()
        label = self.tr(dict(ACTIONS).get(action, action.capitalize()))
        self.result.setText(self.tr("{0} {1}…").format(label, service or self.tr("all")))
        self._bridge.call(
            self._engine.stack_action(action, service),
            lambda _none: (self.result.setText(self.tr("Done.")), self.refresh()),
            self._failed,
        )

    def bring_up(self) -> None:
        self._start_job(self._engine.stack_up(), self.tr("Bringing the stack up…"))

    def pull(self) -> None:
        self._start_job(self._engine.stack_pull(), self.tr("Downloading newer images…"))

    def _start_job(self, job: Any, text: str) -> None:
        self.result.setText(text)
        window = self.window()
        start = getattr(window, "track_job", None)
        if start is not None:
            start(job, text)  # the status bar's progress bar and Cancel
        self._bridge.call(
            job.future, lambda summary: self.result.setText(str(summary)), self._failed
        )

    def follow(self, on: bool) -> None:
        if self._follower is not None:
            self._follower.stop()
            self._follower = None
        if not on:
            return
        service = self.selected_service()
        if service is None:
            self.result.setText(self.tr("Select a service first."))
            self.follow_button.setChecked(False)
            return
        self.log.clear()

        def started(follower: Any) -> None:
            self._follower = follower

        def refused(exc: BaseException) -> None:
            self.follow_button.setChecked(False)
            self._failed(exc)

        self._bridge.call(self._engine.follow_stack_log(service), started, refused)

    def search(self) -> None:
        text = self.search_box.text().strip()
        if not text:
            return
        if self.follow_button.isChecked():
            self.follow_button.setChecked(False)

        def found(lines: list[Any]) -> None:
            self.log.setPlainText(
                "\n".join(f"[{line.service}] {line.text}" for line in lines)
                or self.tr("Nothing found.")
            )

        self._bridge.call(self._engine.search_stack_logs(text), found, self._failed)

    def choose_compose(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("The stack's docker-compose.yml"), "", "Compose (*.yml *.yaml)"
        )
        if path:
            self._bridge.call(
                self._engine.configure_stack(path, None), lambda _n: self.refresh(), self._failed
            )

    def move_database(self) -> None:
        try:
            job = self._engine.move_to_stack_database()
        except Exception as exc:
            self._failed(exc)
            return
        self._start_job(job, self.tr("Moving the app's data to the stack's PostgreSQL…"))

    # ------------------------------------------------------------ engine events

    def _on_event(self, event: Any) -> None:
        kind = type(event).__name__
        if kind == "StackLog" and self._follower is not None:
            for line in event.lines:
                self.log.appendPlainText(line)
        elif kind == "StackIncident":
            prefix = "⚠ " if event.alert else ""
            self.incidents.insertItem(0, prefix + event.text)
            self.refresh()
        elif kind == "StackEngineChanged":
            self.engine_label.setText(html.escape(event.text))
            self.refresh()
