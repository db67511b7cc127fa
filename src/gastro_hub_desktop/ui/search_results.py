"""Search results in the Inbox: matching messages, best first; a click opens the conversation."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from gastro_hub_desktop.domain.conversations import SearchHit
from gastro_hub_desktop.ui.inbox_model import USER_ROLE, channel_label, format_when


class SearchResults(QWidget):
    conversationChosen = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.summary = QLabel()
        self.list = QListWidget()
        self.list.setWordWrap(True)
        self.list.setUniformItemSizes(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.summary)
        layout.addWidget(self.list, 1)
        self.list.currentItemChanged.connect(self._chosen)

    def show_hits(self, query: str, hits: list[SearchHit]) -> None:
        self.list.clear()
        if not hits:
            self.summary.setText(self.tr("No messages contain “%s”.") % query)
            return
        self.summary.setText(self.tr("%n message(s) found", "", len(hits)) + f" — “{query}”")
        for hit in hits:
            channel = channel_label(hit.channel.value)
            item = QListWidgetItem(
                f"{hit.contact_name} · {channel} · {format_when(hit.sent_at)}\n{hit.snippet}"
            )
            item.setData(USER_ROLE, hit.conversation_id)
            self.list.addItem(item)

    def _chosen(self, current: QListWidgetItem | None, _previous: object) -> None:
        if current is not None:
            self.conversationChosen.emit(int(current.data(USER_ROLE)))
