"""The inbox as a lazy Qt model: it knows how many conversations match, and fetches only the
pages the view shows (a bounded cache), so a million messages open as fast as a hundred."""

from __future__ import annotations

from collections import OrderedDict
from datetime import datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QStandardItemModel

from gastro_hub_desktop.domain.conversations import ConversationRow, InboxFilter
from gastro_hub_desktop.domain.messages import Urgency

if TYPE_CHECKING:
    from gastro_hub_desktop.engine.facade import Engine
    from gastro_hub_desktop.ui.bridge import EngineBridge

# Qt.ItemDataRole values (fixed by Qt's ABI). Plain ints keep the big Qt namespace, whose
# enums take ~10 ms to build, out of the time before the window's first paint.
DISPLAY_ROLE, TOOLTIP_ROLE, FONT_ROLE, FOREGROUND_ROLE, USER_ROLE = 0, 3, 6, 9, 256

PAGE_SIZE = 100
MAX_CACHED_PAGES = 40
ModelIndex = QModelIndex | QPersistentModelIndex

URGENCY_COLOURS = {
    Urgency.CRISIS: QColor("#b00020"),
    Urgency.URGENT: QColor("#c2410c"),
    Urgency.FINANCIAL: QColor("#1d4ed8"),
    Urgency.SCHEDULING: QColor("#047857"),
}
CHANNEL_LABELS = {
    "email": QT_TRANSLATE_NOOP("Channel", "Email"),
    "whatsapp": QT_TRANSLATE_NOOP("Channel", "WhatsApp"),
    "telegram": QT_TRANSLATE_NOOP("Channel", "Telegram"),
    "signal": QT_TRANSLATE_NOOP("Channel", "Signal"),
    "matrix": QT_TRANSLATE_NOOP("Channel", "Matrix"),
    "facebook": QT_TRANSLATE_NOOP("Channel", "Facebook"),
    "instagram": QT_TRANSLATE_NOOP("Channel", "Instagram"),
    "linkedin": QT_TRANSLATE_NOOP("Channel", "LinkedIn"),
}
URGENCY_LABELS = {
    "crisis": QT_TRANSLATE_NOOP("Urgency", "Crisis"),
    "urgent": QT_TRANSLATE_NOOP("Urgency", "Urgent"),
    "financial": QT_TRANSLATE_NOOP("Urgency", "Financial"),
    "scheduling": QT_TRANSLATE_NOOP("Urgency", "Scheduling"),
    "normal": QT_TRANSLATE_NOOP("Urgency", "Normal"),
}


def channel_label(channel: str) -> str:
    """A channel's name in the UI's language ("email" → "Email" / "E-mail")."""
    label = CHANNEL_LABELS.get(channel)
    return QCoreApplication.translate("Channel", label) if label else channel


def urgency_label(urgency: str) -> str:
    """An urgency's name in the UI's language ("crisis" → "Crisis" / "Krize")."""
    label = URGENCY_LABELS.get(urgency)
    return QCoreApplication.translate("Urgency", label) if label else urgency


class InboxModel(QAbstractTableModel):
    """Column titles come from `header_model()`: a Python headerData() would be handed a
    Qt.Orientation, and building Qt's enums costs ~20 ms before the first paint."""

    COLUMNS = (
        "",
        QT_TRANSLATE_NOOP("InboxModel", "From"),
        QT_TRANSLATE_NOOP("InboxModel", "Subject / last message"),
        QT_TRANSLATE_NOOP("InboxModel", "Channel"),
        QT_TRANSLATE_NOOP("InboxModel", "Time"),
    )
    FLAGS, FROM, SUBJECT, CHANNEL, TIME = range(5)

    countChanged = Signal(int)
    pageLoaded = Signal(int)

    def __init__(self, engine: Engine, bridge: EngineBridge, f: InboxFilter) -> None:
        super().__init__()
        self._engine = engine
        self._bridge = bridge
        self._filter = f
        self._count = 0
        self._known_count = False
        self._pages: OrderedDict[int, list[ConversationRow]] = OrderedDict()
        self._fresh: set[int] = set()
        self._pending: set[int] = set()
        self._generation = 0
        self._bold = QFont()
        self._bold.setBold(True)

    # ---------------------------------------------------------- loading

    @property
    def inbox_filter(self) -> InboxFilter:
        return self._filter

    @property
    def count_known(self) -> bool:
        return self._known_count

    def set_filter(self, f: InboxFilter) -> None:
        if f == self._filter:
            return
        self._filter = f
        self.beginResetModel()
        self._pages.clear()
        self._count = 0
        self._known_count = False
        self.endResetModel()
        self.refresh()

    def refresh(self) -> None:
        """Re-read the count; rows on screen stay visible until their fresh page arrives."""
        self._generation += 1
        self._fresh.clear()
        self._pending.clear()
        generation = self._generation
        self._bridge.call(
            self._engine.inbox_count(self._filter), lambda n: self._count_loaded(generation, n)
        )
        if not self._known_count:
            self._request(0)  # the first page travels beside the count, not after it

    def _count_loaded(self, generation: int, count: int) -> None:
        if generation != self._generation:
            return
        if count != self._count:
            self.beginResetModel()
            # rows moved: only pages read since this refresh still show the right conversations
            self._pages = OrderedDict((p, r) for p, r in self._pages.items() if p in self._fresh)
            self._count = count
            self.endResetModel()
        elif self._count:
            self.dataChanged.emit(
                self.index(0, 0), self.index(self._count - 1, len(self.COLUMNS) - 1)
            )
        self._known_count = True
        self.countChanged.emit(count)

    def _request(self, page: int) -> None:
        if page in self._pending:
            return
        self._pending.add(page)
        generation = self._generation
        future = self._engine.inbox_page(
            self._filter, page * PAGE_SIZE, PAGE_SIZE, self._count if self._known_count else None
        )
        self._bridge.call(future, lambda rows: self._page_loaded(generation, page, rows))

    def _page_loaded(self, generation: int, page: int, rows: list[ConversationRow]) -> None:
        if generation != self._generation:
            return
        self._pending.discard(page)
        self._pages[page] = rows
        self._pages.move_to_end(page)
        self._fresh.add(page)
        while len(self._pages) > MAX_CACHED_PAGES:
            old, _ = self._pages.popitem(last=False)
            self._fresh.discard(old)
        first = page * PAGE_SIZE
        last = min(first + PAGE_SIZE, self._count) - 1
        if last >= first:
            self.dataChanged.emit(self.index(first, 0), self.index(last, len(self.COLUMNS) - 1))
        self.pageLoaded.emit(page)

    def row_at(self, row: int, fresh_only: bool = False) -> ConversationRow | None:
        """The conversation on `row` if its page is loaded (asks for it otherwise).

        Rows of a page loaded before the last refresh are shown until the new page arrives;
        `fresh_only` refuses them (for acting on a row, not just painting it)."""
        if row < 0 or row >= self._count:
            return None
        page, offset = divmod(row, PAGE_SIZE)
        if page not in self._fresh:
            self._request(page)
            if fresh_only:
                return None
        rows = self._pages.get(page)
        if rows is None or offset >= len(rows):
            return None
        return rows[offset]

    def row_of(self, conversation_id: int) -> int | None:
        """The row of a conversation, looked up in pages loaded since the last refresh."""
        for page, rows in self._pages.items():
            if page not in self._fresh:
                continue
            for offset, r in enumerate(rows):
                if r.id == conversation_id:
                    return page * PAGE_SIZE + offset
        return None

    def cached_rows(self) -> int:
        return sum(len(rows) for rows in self._pages.values())

    # ---------------------------------------------------------- Qt model API

    def header_model(self) -> QStandardItemModel:
        header = QStandardItemModel(0, len(self.COLUMNS), self)
        header.setHorizontalHeaderLabels(
            [QCoreApplication.translate("InboxModel", c) if c else "" for c in self.COLUMNS]
        )
        return header

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._count

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    # Each call from Qt into Python takes the GIL anew, and while an engine thread runs Python
    # every one may wait for it (see `responsiveness`). A painted cell costs two calls with
    # `index` and `multiData` below, instead of nine with Qt's defaults (rowCount and
    # columnCount per index, data() once per role).

    def index(self, row: int, column: int, parent: ModelIndex = QModelIndex()) -> QModelIndex:  # noqa: B008
        if parent.isValid() or not (0 <= row < self._count and 0 <= column < len(self.COLUMNS)):
            return QModelIndex()
        return self.createIndex(row, column)

    def multiData(self, index: ModelIndex, roleDataSpan: Any) -> None:
        """All the roles the delegate asks for when it paints a cell, in one call."""
        for role_data in roleDataSpan:
            role_data.setData(self.data(index, role_data.role()))

    def data(self, index: ModelIndex, role: int = DISPLAY_ROLE) -> Any:
        if not index.isValid():
            return None
        row = self.row_at(index.row())
        if row is None:
            return None
        column = index.column()
        if role == DISPLAY_ROLE:
            return self._display(row, column)
        if role == FONT_ROLE and row.unread:
            return self._bold
        if role == FOREGROUND_ROLE and column == self.FLAGS and row.urgency:
            return URGENCY_COLOURS.get(row.urgency)
        if role == TOOLTIP_ROLE:
            return f"{row.contact_name} <{row.contact_address}>\n{row.snippet}"
        if role == USER_ROLE:
            return row.id
        return None

    def _display(self, row: ConversationRow, column: int) -> str:
        if column == self.FLAGS:
            flags = []
            if row.urgency is not None and row.urgency is not Urgency.NORMAL:
                flags.append(urgency_label(row.urgency.value).upper())
            if row.is_vip:
                flags.append("VIP")
            return " ".join(flags)
        if column == self.FROM:
            unread = f" ({row.unread})" if row.unread else ""
            return row.contact_name + unread
        if column == self.SUBJECT:
            if row.subject:
                return f"{row.subject} — {row.snippet}"
            return row.snippet
        if column == self.CHANNEL:
            return channel_label(row.channel.value)
        if column == self.TIME:
            return format_when(row.last_message_at)
        return ""


def format_when(moment: datetime, now: datetime | None = None) -> str:
    """Today's messages by time, older ones by date, in local time and the UI's language."""
    from gastro_hub_desktop.ui import i18n

    return i18n.when(moment, now)
