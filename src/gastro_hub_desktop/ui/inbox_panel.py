"""An inbox: filters, the lazy list of conversations and the open conversation beside it.
The unified Inbox and each channel tab (Email, WhatsApp, Chats, Social) are one of these."""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QItemSelectionModel, QModelIndex, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from gastro_hub_desktop.domain.conversations import InboxFilter, SearchHit, StatusFilter
from gastro_hub_desktop.domain.messages import ChannelTab, Urgency, channels_of_tab
from gastro_hub_desktop.engine.events import (
    ConversationsChanged,
    DeliveryChanged,
    EngineEvent,
    EngineStarted,
    PresenceChanged,
)
from gastro_hub_desktop.ui.conversation_pane import ConversationPane
from gastro_hub_desktop.ui.inbox_model import CHANNEL_LABELS, InboxModel, channel_label
from gastro_hub_desktop.ui.search_results import SearchResults

if TYPE_CHECKING:
    from gastro_hub_desktop.engine.facade import Engine
    from gastro_hub_desktop.ui.bridge import EngineBridge

# A burst of changes causes one refresh of the list, once it has been quiet for a moment; and
# an import's batches, coming in bursts, at most one a second: each refresh repaints the list,
# which costs the GUI thread CPU and GIL hand-overs while the engine works (`responsiveness`).
REFRESH_AFTER_MS = 150
REFRESH_EVERY_MS = 1000

URGENCY_CHOICES: list[tuple[str, tuple[Urgency, ...]]] = [
    (QT_TRANSLATE_NOOP("InboxPanel", "Any urgency"), ()),
    (QT_TRANSLATE_NOOP("InboxPanel", "Crisis & urgent"), (Urgency.CRISIS, Urgency.URGENT)),
    (QT_TRANSLATE_NOOP("InboxPanel", "Crisis"), (Urgency.CRISIS,)),
    (QT_TRANSLATE_NOOP("InboxPanel", "Urgent"), (Urgency.URGENT,)),
    (QT_TRANSLATE_NOOP("InboxPanel", "Financial"), (Urgency.FINANCIAL,)),
    (QT_TRANSLATE_NOOP("InboxPanel", "Scheduling"), (Urgency.SCHEDULING,)),
]
STATUS_LABELS = {  # shown through self.tr() (context InboxPanel)
    StatusFilter.OPEN: QT_TRANSLATE_NOOP("InboxPanel", "Open"),
    StatusFilter.SNOOZED: QT_TRANSLATE_NOOP("InboxPanel", "Snoozed"),
    StatusFilter.DONE: QT_TRANSLATE_NOOP("InboxPanel", "Done"),
    StatusFilter.AUTOMATED: QT_TRANSLATE_NOOP("InboxPanel", "Newsletters & notifications"),
    StatusFilter.ALL: QT_TRANSLATE_NOOP("InboxPanel", "All"),
}


class InboxPanel(QWidget):
    status = Signal(str)

    def __init__(
        self,
        engine: Engine,
        bridge: EngineBridge,
        tab: ChannelTab | None,
        empty_text: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._tab = tab
        self._engine_ready = False
        self._wanted_row: int | None = None
        self.model = InboxModel(engine, bridge, InboxFilter(tab=tab))

        self.channel_box = QComboBox()
        self.channel_box.addItem(self.tr("All channels"), None)
        channels = channels_of_tab(tab) if tab else tuple(CHANNEL_LABELS)
        for channel in channels:
            value = channel if isinstance(channel, str) else channel.value
            self.channel_box.addItem(channel_label(value), value)
        if self.channel_box.count() <= 2:  # one channel only: nothing to choose
            self.channel_box.hide()
        self.urgency_box = QComboBox()
        for label, urgencies in URGENCY_CHOICES:
            self.urgency_box.addItem(self.tr(label), ",".join(u.value for u in urgencies))
        self.vip_box = QCheckBox(self.tr("VIP only"))
        self.status_box = QComboBox()
        for status, label in STATUS_LABELS.items():
            self.status_box.addItem(self.tr(label), status.value)
        self.count_label = QLabel()
        self.search_box: QLineEdit | None = None
        filters = QHBoxLayout()
        if tab is None:  # the unified Inbox searches every message
            self.search_box = QLineEdit()
            self.search_box.setPlaceholderText(self.tr("Search all messages…"))
            self.search_box.setClearButtonEnabled(True)
            self.search_box.setMaximumWidth(260)
            filters.addWidget(self.search_box)
        filters.addWidget(self.channel_box)
        filters.addWidget(self.urgency_box)
        filters.addWidget(self.vip_box)
        filters.addWidget(self.status_box)
        filters.addStretch(1)
        filters.addWidget(self.count_label)

        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.horizontalHeader().setModel(self.model.header_model())
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setShowGrid(False)
        self.table.setWordWrap(False)
        self.table.setAlternatingRowColors(True)
        vertical = self.table.verticalHeader()
        vertical.setVisible(False)
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vertical.setDefaultSectionSize(26)
        horizontal = self.table.horizontalHeader()
        horizontal.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        horizontal.setSectionResizeMode(InboxModel.SUBJECT, QHeaderView.ResizeMode.Stretch)
        horizontal.resizeSection(InboxModel.FLAGS, 115)
        horizontal.resizeSection(InboxModel.FROM, 190)
        horizontal.resizeSection(InboxModel.CHANNEL, 80)
        horizontal.resizeSection(InboxModel.TIME, 95)

        self.empty = QLabel(empty_text)
        self.empty.setWordWrap(True)
        self.empty.setMargin(24)
        self.list_stack = QStackedWidget()
        self.list_stack.addWidget(self.table)
        self.list_stack.addWidget(self.empty)
        self.results = SearchResults()
        self.list_stack.addWidget(self.results)

        self.pane = ConversationPane(engine, bridge)
        self.pane.status.connect(self.status)
        splitter = QSplitter()
        splitter.addWidget(self.list_stack)
        splitter.addWidget(self.pane)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(filters)
        layout.addWidget(splitter, 1)

        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.timeout.connect(self._refresh)
        self._refreshed_at = 0.0  # time.monotonic() of the last refresh on a change

        for box in (self.channel_box, self.status_box, self.urgency_box):
            box.currentIndexChanged.connect(self._apply_filter)
        self.vip_box.toggled.connect(self._apply_filter)
        self.table.selectionModel().currentRowChanged.connect(self._row_selected)
        self.model.countChanged.connect(self._count_changed)
        self.model.pageLoaded.connect(self._page_loaded)
        bridge.event.connect(self._on_event)
        self._engine = engine
        self._bridge = bridge
        self._searching = ""
        if self.search_box is not None:
            self.search_box.returnPressed.connect(self.search)
            self.search_box.textChanged.connect(self._search_text_changed)
        self.results.conversationChosen.connect(self.pane.show_conversation)
        self._show_empty(loading=True)

    def search(self) -> None:
        if self.search_box is None:
            return
        query = self.search_box.text().strip()
        if not query:
            self._search_text_changed("")
            return
        self._searching = query
        self.results.summary.setText(self.tr("Searching…"))
        self.list_stack.setCurrentWidget(self.results)
        self._bridge.call(
            self._engine.search(query),
            lambda hits: self._found(query, hits),
        )

    def _found(self, query: str, hits: list[SearchHit]) -> None:
        if query == self._searching:
            self.results.show_hits(query, hits)

    def _search_text_changed(self, text: str) -> None:
        if not text.strip() and self._searching:
            self._searching = ""
            self._show_empty(loading=False)

    def move_selection(self, step: int) -> None:
        """Select the next (+1) or previous (-1) conversation in the list."""
        rows = self.model.rowCount()
        if not rows:
            return
        current = self.table.currentIndex().row()
        row = min(max(0, (current if current >= 0 else -1) + step), rows - 1)
        self.table.selectRow(row)
        self.table.setCurrentIndex(self.model.index(row, 0))

    def current_filter(self) -> InboxFilter:
        from gastro_hub_desktop.domain.messages import Channel

        channel = self.channel_box.currentData()
        return InboxFilter(
            tab=self._tab,
            channel=Channel(channel) if channel else None,
            urgencies=tuple(
                Urgency(u) for u in (self.urgency_box.currentData() or "").split(",") if u
            ),
            vip_only=self.vip_box.isChecked(),
            status=StatusFilter(self.status_box.currentData() or StatusFilter.OPEN.value),
        )

    def _apply_filter(self) -> None:
        self._wanted_row = None
        self.pane.clear()
        self.model.set_filter(self.current_filter())

    def _on_event(self, event: EngineEvent) -> None:
        if isinstance(event, EngineStarted):
            self.engine_started()
        elif isinstance(event, ConversationsChanged) and self._engine_ready:
            since_ms = (time.monotonic() - self._refreshed_at) * 1000  # (re)started: debounced
            self._refresh_timer.start(int(max(REFRESH_AFTER_MS, REFRESH_EVERY_MS - since_ms)))
            if self.pane.conversation_id in event.conversation_ids and event.new_messages:
                self.pane.reload()
        elif isinstance(event, DeliveryChanged) and (
            event.conversation_id == self.pane.conversation_id
        ):
            self.pane.reload()  # a ✓ moved on one of our messages
        elif isinstance(event, PresenceChanged) and (
            not event.conversation_ids or self.pane.conversation_id in event.conversation_ids
        ):
            self.pane.refresh_presence()  # a colleague started or stopped answering it

    def engine_started(self) -> None:
        self._engine_ready = True
        self.model.refresh()

    def _refresh(self) -> None:
        self._refreshed_at = time.monotonic()
        self.model.refresh()

    def _count_changed(self, count: int) -> None:
        self.count_label.setText(self.tr("%n conversation(s)", "", count))
        self._show_empty(loading=False)

    def _show_empty(self, loading: bool) -> None:
        empty = self.model.rowCount() == 0
        if loading:
            self.empty.setProperty("loading", True)
        if self._searching:
            return  # the search results stay until the search box is cleared
        self.list_stack.setCurrentWidget(self.empty if empty and not loading else self.table)
        self._reselect()

    def _page_loaded(self, _page: int) -> None:
        self._open_wanted()
        self._reselect()

    def _reselect(self) -> None:
        """After a refresh, keep the open conversation selected if it is still listed."""
        current = self.pane.conversation_id
        if current is None:
            return
        row = self.model.row_of(current)
        selection = self.table.selectionModel()
        if row is not None and selection.currentIndex().row() != row:
            selection.blockSignals(True)
            selection.setCurrentIndex(
                self.model.index(row, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
            selection.blockSignals(False)

    def _row_selected(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self._wanted_row = current.row() if current.isValid() else None
        self._open_wanted()

    def _open_wanted(self) -> None:
        """Open the selected row's conversation, now or once its page has arrived."""
        if self._wanted_row is None:
            return
        row = self.model.row_at(self._wanted_row, fresh_only=True)
        if row is not None:
            self._wanted_row = None
            self.pane.show_conversation(row.id)

    def select_row(self, row: int) -> None:
        self.table.selectRow(row)
