"""The dashboard: unread conversations per channel split VIP / urgent / normal, the AI summary,
the measured health of every channel (with the time of its last check) and of the stack, and
charts of the last 7 or 30 days (customer messages per channel, median reply time, draft
acceptance) drawn with pyqtgraph. It reloads when the engine announces a change, never on a
timer."""

from __future__ import annotations

import html
from datetime import datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from gastro_hub_desktop.ui.bridge import user_message
from gastro_hub_desktop.ui.inbox_model import channel_label

if TYPE_CHECKING:
    from gastro_hub_desktop.engine.facade import Engine
    from gastro_hub_desktop.ui.bridge import EngineBridge

RELOAD_AFTER_MS = 800  # changes arriving together cause one reload
COLOURS = ("#1f77b4", "#2ca02c", "#d62728", "#9467bd", "#ff7f0e", "#8c564b", "#e377c2")
HEALTH_WORDS = {  # shown through self.tr() (context Dashboard)
    "connected": QT_TRANSLATE_NOOP("Dashboard", "connected"),
    "retrying": QT_TRANSLATE_NOOP("Dashboard", "retrying"),
    "needs_attention": QT_TRANSLATE_NOOP("Dashboard", "needs attention"),
    "unknown": QT_TRANSLATE_NOOP("Dashboard", "not checked yet"),
}


def _when(moment: datetime | None) -> str:
    if moment is None:
        return QCoreApplication.translate("Dashboard", "never")
    return moment.astimezone().strftime("%d.%m. %H:%M")


class Dashboard(QWidget):
    def __init__(self, engine: Engine, bridge: EngineBridge, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        import pyqtgraph as pg

        self._engine = engine
        self._bridge = bridge
        self.figures: dict[str, Any] | None = None
        self.unread = QTableWidget(0, 4)
        self.unread.setHorizontalHeaderLabels(
            [self.tr("Channel"), self.tr("VIP"), self.tr("Urgent"), self.tr("Normal")]
        )
        self.unread.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.ai = QLabel(self.tr("Counting…"))
        self.ai.setWordWrap(True)
        self.health = QLabel()
        self.health.setWordWrap(True)
        self.period = QComboBox()
        self.period.addItem(self.tr("Last 7 days"), 7)
        self.period.addItem(self.tr("Last 30 days"), 30)
        self.period.currentIndexChanged.connect(lambda _i: self.reload())
        pg.setConfigOptions(antialias=True, background="w", foreground="k")
        self.messages_chart = pg.PlotWidget(title=self.tr("Customer messages per day"))
        self.reply_chart = pg.PlotWidget(title=self.tr("Median time to reply (minutes)"))
        self.acceptance_chart = pg.PlotWidget(title=self.tr("AI drafts sent unchanged (%)"))
        for chart in (self.messages_chart, self.reply_chart, self.acceptance_chart):
            chart.setMinimumHeight(160)
        self.messages_chart.addLegend()

        top = QGridLayout()
        top.addWidget(QLabel("<b>" + self.tr("Unread") + "</b>"), 0, 0)
        top.addWidget(QLabel("<b>" + self.tr("AI assistant") + "</b>"), 0, 1)
        top.addWidget(QLabel("<b>" + self.tr("Health") + "</b>"), 0, 2)
        top.addWidget(self.unread, 1, 0)
        top.addWidget(self.ai, 1, 1)
        top.addWidget(self.health, 1, 2)
        charts = QHBoxLayout()
        charts.addWidget(self.messages_chart)
        charts.addWidget(self.reply_chart)
        charts.addWidget(self.acceptance_chart)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.period)
        layout.addLayout(charts, 1)

        self._reload_timer = QTimer(self)
        self._reload_timer.setSingleShot(True)
        self._reload_timer.setInterval(RELOAD_AFTER_MS)
        self._reload_timer.timeout.connect(self.reload)
        bridge.event.connect(self._on_event)

    def engine_started(self) -> None:
        self.reload()

    def _on_event(self, event: Any) -> None:
        if type(event).__name__ in (
            "ConversationsChanged",
            "AiChanged",
            "ChannelHealthChanged",
            "StackIncident",
            "StackEngineChanged",
            "ReplyStatus",
        ):
            self._reload_timer.start()

    def reload(self) -> None:
        days = int(self.period.currentData())
        self._bridge.call(self._engine.dashboard(days), self.show_figures, self._failed)

    def _failed(self, exc: BaseException) -> None:
        self.ai.setText(self.tr("The figures could not be read: ") + user_message(exc))

    def show_figures(self, figures: dict[str, Any]) -> None:
        self.figures = figures
        unread = figures["unread"]
        self.unread.setRowCount(len(unread))
        for row, (channel, split) in enumerate(unread.items()):
            cells = (channel_label(channel), split.vip, split.urgent, split.normal)
            for column, value in enumerate(cells):
                self.unread.setItem(row, column, QTableWidgetItem(str(value)))
        ai = figures["ai"]
        acceptance = ai.acceptance_7_days
        self.ai.setText(
            self.tr(
                "{0} messages triaged today; acceptance over 7 days {1}; {2:.0f} min and "
                "{3:,.0f} {4} saved; {5}"
            ).format(
                ai.processed_today,
                "–" if acceptance is None else f"{round(acceptance * 100)} %",
                ai.minutes_saved,
                ai.money_saved,
                ai.currency,
                self.tr("kill switch ON")
                if ai.kill_switch
                else self.tr("auto-reply off")
                if not ai.auto_reply_enabled
                else self.tr("auto-reply on"),
            )
        )
        checked = self.tr("checked")
        lines = [
            f"{html.escape(key)}: {self.tr(HEALTH_WORDS.get(h.state.value, h.state.value))} "
            f"({checked} {_when(h.checked_at)})"
            for key, h in sorted(figures["health"].items())
        ]
        for at, _actor, action, detail in figures.get("stack_incidents", []):
            what = (detail or {}).get("what") or action.removeprefix("stack.")
            service = (detail or {}).get("service", "")
            line = self.tr("{0} stack {1}: {2}").format(
                html.escape(_when(at)), html.escape(service), html.escape(str(what))
            )
            lines.append(f"<span style='color:#a60'>{line}</span>")
        self.health.setText("<br>".join(lines) or self.tr("No channel connected yet."))
        self._draw(figures["days"])

    def _draw(self, days: list[Any]) -> None:
        import pyqtgraph as pg

        x = list(range(len(days)))
        ticks = [[(i, d.day[5:]) for i, d in enumerate(days)][:: max(1, len(days) // 7)]]
        channels = sorted({ch for d in days for ch in d.messages})
        self.messages_chart.clear()
        width = 0.8 / max(1, len(channels))
        for n, channel in enumerate(channels):
            heights = [d.messages.get(channel, 0) for d in days]
            bars = pg.BarGraphItem(
                x=[i - 0.4 + width * (n + 0.5) for i in x],
                height=heights,
                width=width,
                brush=COLOURS[n % len(COLOURS)],
                name=channel_label(channel),
            )
            self.messages_chart.addItem(bars)
        self.reply_chart.clear()
        replies = [(i, d.median_reply_minutes) for i, d in enumerate(days)]
        known = [(i, v) for i, v in replies if v is not None]
        if known:
            self.reply_chart.plot([i for i, _ in known], [v for _, v in known], symbol="o")
        self.acceptance_chart.clear()
        shares = [(i, d.acceptance * 100) for i, d in enumerate(days) if d.acceptance is not None]
        if shares:
            self.acceptance_chart.plot([i for i, _ in shares], [v for _, v in shares], symbol="o")
        for chart in (self.messages_chart, self.reply_chart, self.acceptance_chart):
            chart.getAxis("bottom").setTicks(ticks)
