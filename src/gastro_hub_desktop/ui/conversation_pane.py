"""One conversation: its messages (with the delivery status of ours), the reply box (saved as
a draft), Mark done and Snooze; for WhatsApp the 24-hour window and the approved templates."""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QUrl, Signal
from PySide6.QtGui import QImage
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QTextBrowser,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from gastro_hub_desktop.domain.conversations import ConversationDetail, ConversationStatus
from gastro_hub_desktop.domain.messages import Channel, Direction
from gastro_hub_desktop.domain.service_window import window_closes_at, window_open
from gastro_hub_desktop.ui.bridge import user_message
from gastro_hub_desktop.ui.inbox_model import channel_label, format_when, urgency_label

PRESENCE_RENEW_SECONDS = 30.0  # the database forgets a presence not renewed within 90 s

if TYPE_CHECKING:
    from gastro_hub_desktop.engine.facade import Engine
    from gastro_hub_desktop.ui.bridge import EngineBridge
    from gastro_hub_desktop.ui.template_dialog import TemplateDialog


def snooze_choices(now: datetime) -> list[tuple[str, datetime]]:
    """The snooze menu: label and the moment the conversation comes back (local mornings)."""
    local = now.astimezone()
    tomorrow = (local + timedelta(days=1)).replace(hour=8, minute=0, second=0, microsecond=0)
    days_to_monday = (7 - local.weekday()) % 7 or 7
    monday = (local + timedelta(days=days_to_monday)).replace(
        hour=8, minute=0, second=0, microsecond=0
    )
    return [
        (QT_TRANSLATE_NOOP("ConversationPane", "For 1 hour"), now + timedelta(hours=1)),
        (QT_TRANSLATE_NOOP("ConversationPane", "For 3 hours"), now + timedelta(hours=3)),
        (QT_TRANSLATE_NOOP("ConversationPane", "Until tomorrow 8:00"), tomorrow.astimezone(UTC)),
        (QT_TRANSLATE_NOOP("ConversationPane", "Until Monday 8:00"), monday.astimezone(UTC)),
    ]


def window_words(closes_at: datetime | None, now: datetime) -> str:
    """What the conversation says about WhatsApp's 24-hour window, in the UI's language (the
    words of domain.service_window.describe_window)."""
    if closes_at is None:
        return QCoreApplication.translate(
            "ConversationPane",
            "The customer has not written on WhatsApp yet: only an approved template can "
            "start the conversation.",
        )
    if now >= closes_at:
        return QCoreApplication.translate(
            "ConversationPane",
            "More than 24 hours since the customer's last message: WhatsApp allows only an "
            "approved template until they write again.",
        )
    hours, minutes = divmod(int((closes_at - now).total_seconds()) // 60, 60)
    return QCoreApplication.translate(
        "ConversationPane", "Free reply possible for another {0} h {1} min (24-hour window)."
    ).format(hours, f"{minutes:02d}")


class ConversationPane(QWidget):
    status = Signal(str)

    def __init__(self, engine: Engine, bridge: EngineBridge, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._engine = engine
        self._bridge = bridge
        self._detail: ConversationDetail | None = None
        self._loaded_draft = ""
        self._request_id = 0
        self._images_allowed: set[int] = set()
        self._images_allowed_for: int | None = None
        self._announced: tuple[int, float] | None = None  # office mode: (conversation, when)
        self.header = QLabel(self.tr("Select a conversation to read it."))
        self.header.setWordWrap(True)
        self.messages = MessageBrowser()
        self.messages.setOpenExternalLinks(False)
        self.messages.setOpenLinks(False)  # nothing in a message is ever opened by a click
        self.messages.anchorClicked.connect(self._link_clicked)
        self.reply = QPlainTextEdit()
        self.reply.setPlaceholderText(self.tr("Write a reply… it is kept as a draft."))
        self.reply.setMaximumHeight(140)
        self.reply.textChanged.connect(self._typing)
        # office mode: a colleague at another PC is answering this conversation
        self.presence_label = QLabel()
        self.presence_label.setWordWrap(True)
        self.presence_label.setStyleSheet("color: #a15c00; font-weight: bold;")
        self.presence_label.setVisible(False)
        self.save_button = QPushButton(self.tr("Save draft"))
        self.send_button = QPushButton(self.tr("Send reply"))
        self.done_button = QPushButton(self.tr("Mark done"))
        self.template_button = QPushButton(self.tr("Send template…"))
        self.template_button.setVisible(False)
        self.reject_button = QPushButton(self.tr("Reject draft"))
        self.reject_button.setToolTip(
            self.tr("Throw this AI draft away (counted as rejected, so the assistant learns)")
        )
        self.reject_button.setVisible(False)
        self.urgency = QComboBox()
        self.urgency.setToolTip(
            self.tr(
                "How urgent the customer's newest message is; correct it and the assistant "
                "learns from it"
            )
        )
        for value in ("crisis", "urgent", "financial", "scheduling", "normal"):
            self.urgency.addItem(urgency_label(value), value)
        self.urgency.activated.connect(self._urgency_chosen)
        self.vip = QCheckBox(self.tr("VIP"))
        self.vip.setToolTip(self.tr("Mark this customer as VIP by hand (always wins)"))
        self.vip.clicked.connect(self._vip_clicked)
        self.draft_label = QLabel()
        self.draft_label.setWordWrap(True)
        self.draft_label.setVisible(False)
        self.window_label = QLabel()
        self.window_label.setWordWrap(True)
        self.window_label.setVisible(False)
        self._window_open = True
        self.template_dialog: TemplateDialog | None = None
        self.snooze_button = QToolButton()
        self.snooze_button.setText(self.tr("Snooze"))
        self.snooze_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.snooze_menu = QMenu(self.snooze_button)
        self.snooze_button.setMenu(self.snooze_menu)
        self.snooze_menu.aboutToShow.connect(self._fill_snooze_menu)

        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.send_button)
        buttons.addWidget(self.template_button)
        buttons.addWidget(self.reject_button)
        buttons.addStretch(1)
        buttons.addWidget(self.vip)
        buttons.addWidget(self.urgency)
        buttons.addWidget(self.snooze_button)
        buttons.addWidget(self.done_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.header)
        layout.addWidget(self.messages, 1)
        layout.addWidget(self.window_label)
        layout.addWidget(self.draft_label)
        layout.addWidget(self.presence_label)
        layout.addWidget(self.reply)
        layout.addLayout(buttons)

        self.save_button.clicked.connect(self.save_draft)
        self.send_button.clicked.connect(self.send_reply)
        self.template_button.clicked.connect(self.choose_template)
        self.reject_button.clicked.connect(self.reject_draft)
        self.done_button.clicked.connect(self.toggle_done)
        self._set_enabled(False)

    @property
    def conversation_id(self) -> int | None:
        return self._detail.row.id if self._detail else None

    def _set_enabled(self, enabled: bool) -> None:
        for widget in (
            self.reply,
            self.save_button,
            self.send_button,
            self.done_button,
            self.snooze_button,
            self.template_button,
            self.urgency,
            self.vip,
        ):
            widget.setEnabled(enabled)
        self.send_button.setEnabled(enabled and self._window_open)

    # ---------------------------------------------------------- showing

    def show_conversation(self, conversation_id: int) -> None:
        if self._detail and self._detail.row.id == conversation_id:
            return
        self.keep_unsaved_draft()
        self._stop_answering()
        self._request_id += 1
        request = self._request_id
        self.header.setText(self.tr("Loading…"))
        self._set_enabled(False)
        self._bridge.call(
            self._engine.open_conversation(conversation_id),
            lambda detail: self._shown(request, detail),
            lambda exc: self._failed(request, exc),
        )

    def reload(self) -> None:
        if self._detail is None:
            return
        request_id = self._detail.row.id
        self._request_id += 1
        request = self._request_id
        self._bridge.call(
            self._engine.open_conversation(request_id),
            lambda detail: self._shown(request, detail, keep_reply=True),
            lambda exc: self._failed(request, exc),
        )

    def clear(self) -> None:
        self.keep_unsaved_draft()
        self._stop_answering()
        self.presence_label.setVisible(False)
        self._detail = None
        self.header.setText(self.tr("Select a conversation to read it."))
        self.messages.clear()
        self.reply.clear()
        self._set_enabled(False)

    def _failed(self, request: int, exc: BaseException) -> None:
        import html

        if request != self._request_id:
            return
        self.header.setText(
            self.tr("Could not open the conversation: ") + html.escape(user_message(exc))
        )

    def _shown(self, request: int, detail: ConversationDetail, keep_reply: bool = False) -> None:
        import html

        if request != self._request_id:
            return
        self._detail = detail
        row = detail.row
        channel = channel_label(row.channel.value)
        state = self.tr("done") if row.status is ConversationStatus.DONE else self.tr("open")
        if row.snoozed_until and row.snoozed_until > datetime.now(UTC):
            state = self.tr("snoozed until ") + format_when(row.snoozed_until)
        badges = []
        if row.is_vip:
            badges.append("VIP")
        if row.urgency is not None and row.urgency.value != "normal":
            badges.append(urgency_label(row.urgency.value).upper())
        company = f" · {html.escape(detail.contact_company)}" if detail.contact_company else ""
        self.header.setText(
            f"<b>{html.escape(row.contact_name)}</b> &lt;{html.escape(row.contact_address)}&gt;"
            f"{company}<br>{html.escape(channel)} · {html.escape(state)}"
            + (f" · <b>{' '.join(badges)}</b>" if badges else "")
            + (f"<br><i>{html.escape(row.subject)}</i>" if row.subject else "")
        )
        if self._detail is None or self._images_allowed_for != detail.row.id:
            self._images_allowed = set()
            self._images_allowed_for = detail.row.id
        self.messages.setHtml(render_messages(detail, self._images_allowed))
        bar = self.messages.verticalScrollBar()
        bar.setValue(bar.maximum())
        if not keep_reply:
            self._loaded_draft = detail.draft.text if detail.draft else ""
            self.reply.setPlainText(self._loaded_draft)
        self._show_draft_origin(detail)
        self.urgency.setCurrentIndex(
            max(self.urgency.findData(row.urgency.value if row.urgency else "normal"), 0)
        )
        self.vip.setChecked(row.is_vip)
        self.done_button.setText(
            self.tr("Reopen") if row.status is ConversationStatus.DONE else self.tr("Mark done")
        )
        self._show_window(detail)
        self._set_enabled(True)
        self.refresh_presence()

    # ---------------------------------------------------------- office mode: who is answering

    def refresh_presence(self) -> None:
        """Show which colleagues (at other PCs) are answering this conversation now."""
        if self._detail is None or self._engine.office is None:
            self.presence_label.setVisible(False)
            return
        conversation_id = self._detail.row.id

        def shown(others: list[Any]) -> None:
            if self.conversation_id != conversation_id:
                return
            self.presence_label.setVisible(bool(others))
            if others:
                names = ", ".join(a.person for a in others)
                since = format_when(min(a.since for a in others))
                self.presence_label.setText(
                    self.tr("%1 is answering this conversation (since %2).")
                    .replace("%1", names)
                    .replace("%2", since)
                )

        self._bridge.call(self._engine.who_is_answering(conversation_id), shown)

    def _typing(self) -> None:
        """Writing a reply tells the other PCs (renewed every 30 s while writing)."""
        if self._detail is None or self._engine.office is None:
            return
        if not self.reply.toPlainText().strip():
            return
        now = time.monotonic()
        conversation_id = self._detail.row.id
        announced = self._announced
        renewed_lately = announced is not None and now - announced[1] < PRESENCE_RENEW_SECONDS
        if renewed_lately and announced is not None and announced[0] == conversation_id:
            return
        self._announced = (conversation_id, now)
        self._bridge.call(self._engine.answering(conversation_id), lambda _r: None)

    def _stop_answering(self) -> None:
        if self._announced is not None and self._engine.office is not None:
            self._bridge.call(self._engine.stop_answering(self._announced[0]), lambda _r: None)
        self._announced = None

    def _show_window(self, detail: ConversationDetail) -> None:
        """WhatsApp: say how long free text is still allowed; after that, templates only."""
        whatsapp = detail.row.channel is Channel.WHATSAPP
        self.window_label.setVisible(whatsapp)
        self.template_button.setVisible(whatsapp)
        self._window_open = True
        if not whatsapp:
            return
        now = datetime.now(UTC)
        closes = window_closes_at(detail.messages)
        self._window_open = window_open(closes, now)
        self.window_label.setText(window_words(closes, now))

    # ---------------------------------------------------------- actions

    def keep_unsaved_draft(self) -> None:
        """Leaving a conversation never throws away what was typed."""
        if self._detail is None:
            return
        text = self.reply.toPlainText()
        if text.strip() and text != self._loaded_draft:
            self._loaded_draft = text
            self._bridge.call(
                self._engine.save_draft(self._detail.row.id, text),
                lambda _d: self.status.emit(self.tr("Draft saved")),
            )

    def save_draft(self) -> None:
        if self._detail is None:
            return
        text = self.reply.toPlainText()
        self._loaded_draft = text
        self._bridge.call(
            self._engine.save_draft(self._detail.row.id, text),
            lambda _d: self.status.emit(self.tr("Draft saved")),
            lambda exc: self.status.emit(self.tr("Draft not saved: ") + user_message(exc)),
        )

    def _link_clicked(self, url: QUrl) -> None:
        if url.scheme() == "load-images":
            self.load_images(int(url.path()))
            return
        if url.scheme() != "attachment":
            self.status.emit(
                self.tr("Links in messages are not opened from here: ") + url.toString()
            )
            return
        try:
            message_id, index = (int(part) for part in url.path().split(":"))
        except ValueError:
            return
        name = self._attachment_name(message_id, index)
        from PySide6.QtWidgets import QFileDialog

        target, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save attachment"), str(Path.home() / name)
        )
        if target:
            self.save_attachment(message_id, index, Path(target))

    def _attachment_name(self, message_id: int, index: int) -> str:
        for m in self._detail.messages if self._detail else ():
            if m.id == message_id and index < len(m.attachments):
                return Path(m.attachments[index].filename).name or "attachment"
        return "attachment"

    def load_images(self, message_id: int) -> None:
        """The user asked to see this message's remote images: fetch them, then show them."""
        from gastro_hub_desktop.channels.remote_images import remote_images

        message = next(
            (m for m in (self._detail.messages if self._detail else ()) if m.id == message_id), None
        )
        if message is None:
            return
        urls = remote_images(message.html)
        self.status.emit(self.tr("Loading images…"))

        def loaded(images: dict[str, bytes]) -> None:
            self.messages.add_images(images)
            self._images_allowed.add(message_id)
            if self._detail is not None:
                self.messages.setHtml(render_messages(self._detail, self._images_allowed))
            self.status.emit(self.tr("%n image(s) loaded", "", len(images)))

        self._bridge.call(
            self._engine.fetch_images(urls),
            loaded,
            lambda exc: self.status.emit(self.tr("Images not loaded: ") + user_message(exc)),
        )

    def save_attachment(self, message_id: int, index: int, target: Path) -> None:
        """Fetch the attachment from the server and write it to `target` (never opened)."""
        self.status.emit(self.tr("Saving attachment…"))
        self._bridge.call(
            self._engine.save_attachment(message_id, index, target),
            lambda path: self.status.emit(self.tr("Attachment saved to ") + str(path)),
            lambda exc: self.status.emit(self.tr("Attachment not saved: ") + user_message(exc)),
        )

    def _show_draft_origin(self, detail: ConversationDetail) -> None:
        """Say where an AI draft came from and how sure the assistant is."""
        import html

        draft = detail.draft
        proposed = draft is not None and draft.proposed
        self.reject_button.setVisible(proposed)
        self.draft_label.setVisible(proposed)
        if draft is None or not proposed:
            return
        sure = (
            self.tr(", confidence {0} %").format(round(draft.confidence * 100))
            if draft.confidence is not None
            else ""
        )
        basis = "; ".join(draft.basis)
        self.draft_label.setText(
            "<i>"
            + html.escape(
                self.tr(
                    "AI draft ({0}{1}): {2}. Send it as it is, edit it first, or reject it."
                ).format(draft.provider, sure, basis)
            )
            + "</i>"
        )

    def _vip_clicked(self, checked: bool) -> None:
        if self._detail is None:
            return
        self._bridge.call(
            self._engine.set_vip(self._detail.row.id, checked),
            lambda _none: self.reload(),
            lambda exc: self.status.emit(self.tr("VIP not changed: ") + user_message(exc)),
        )

    def _urgency_chosen(self, index: int) -> None:
        if self._detail is None:
            return
        value = self.urgency.itemData(index)
        current = self._detail.row.urgency.value if self._detail.row.urgency else "normal"
        if value == current:
            return
        self._bridge.call(
            self._engine.correct_urgency(self._detail.row.id, value),
            lambda _none: self.status.emit(self.tr("Urgency corrected; the assistant learns.")),
            lambda exc: self.status.emit(self.tr("Urgency not changed: ") + user_message(exc)),
        )

    def reject_draft(self) -> None:
        """Throw the AI draft away; the outcome is recorded as rejected."""
        if self._detail is None or self._detail.draft is None:
            return
        conversation_id = self._detail.row.id
        self.reply.clear()
        self._loaded_draft = ""

        def rejected(_none: object) -> None:
            self.status.emit(self.tr("Draft rejected."))
            self.reload()

        def refused(exc: BaseException) -> None:
            self.status.emit(self.tr("Draft not rejected: ") + user_message(exc))

        self._bridge.call(
            self._engine.reject_draft(self._detail.draft.id, conversation_id), rejected, refused
        )

    def send_reply(self) -> None:
        """Queue the reply; the account sends it exactly once (the status bar says when)."""
        if self._detail is None or not self.reply.toPlainText().strip():
            return
        text = self.reply.toPlainText()
        self.send_button.setEnabled(False)

        def queued(_entry: object) -> None:
            self.reply.clear()
            self._stop_answering()
            self._loaded_draft = ""
            self.send_button.setEnabled(True)
            self.status.emit(self.tr("Reply queued: sending…"))

        def refused(exc: BaseException) -> None:
            self.send_button.setEnabled(True)
            self.status.emit(self.tr("Reply not sent: ") + user_message(exc))

        self._bridge.call(self._engine.send_reply(self._detail.row.id, text), queued, refused)

    def choose_template(self) -> None:
        """Pick an approved template and fill its values (sent through the outbox)."""
        if self._detail is None:
            return
        from gastro_hub_desktop.ui.template_dialog import TemplateDialog

        self.template_dialog = TemplateDialog(self._engine, self._bridge, self._detail.row.id, self)
        self.template_dialog.accepted.connect(
            lambda: self.status.emit(self.tr("Template queued: sending…"))
        )
        self.template_dialog.open()

    def toggle_done(self) -> None:
        if self._detail is None:
            return
        self.keep_unsaved_draft()
        done = self._detail.row.status is not ConversationStatus.DONE
        self._bridge.call(
            self._engine.set_done(self._detail.row.id, done),
            lambda _r: (
                self.status.emit(self.tr("Marked done") if done else self.tr("Reopened")),
                self.reload(),
            ),
            lambda exc: self.status.emit(self.tr("Not changed: ") + user_message(exc)),
        )

    def _fill_snooze_menu(self) -> None:
        self.snooze_menu.clear()
        for label, until in snooze_choices(datetime.now(UTC)):
            action = self.snooze_menu.addAction(self.tr(label))
            action.triggered.connect(lambda _c=False, u=until: self.snooze(u))
        self.snooze_menu.addSeparator()
        wake = self.snooze_menu.addAction(self.tr("Wake now"))
        wake.triggered.connect(lambda _c=False: self.snooze(None))

    def snooze(self, until: datetime | None) -> None:
        if self._detail is None:
            return
        self.keep_unsaved_draft()
        self._bridge.call(
            self._engine.snooze(self._detail.row.id, until),
            lambda _r: (
                self.status.emit(
                    self.tr("Snoozed until ") + format_when(until) if until else self.tr("Woken up")
                ),
                self.reload(),
            ),
            lambda exc: self.status.emit(self.tr("Not snoozed: ") + user_message(exc)),
        )


class MessageBrowser(QTextBrowser):
    """Shows messages; loads no resource by itself (remote images stay blocked until the user
    asks and the engine fetched them; local files are never read)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.images: dict[str, QImage] = {}

    def add_images(self, images: dict[str, bytes]) -> None:
        for url, data in images.items():
            image = QImage.fromData(data)
            if not image.isNull():
                self.images[url] = image

    def loadResource(self, kind: int, url: QUrl | str) -> object:
        return self.images.get(url.toString() if isinstance(url, QUrl) else str(url))


def render_messages(detail: ConversationDetail, images_allowed: set[int] | None = None) -> str:
    """Messages as HTML: the text escaped, or the sanitized HTML with remote images held back
    (a "Load images" link asks for them)."""
    import html

    from gastro_hub_desktop.channels.remote_images import remote_images

    parts = []
    for m in detail.messages:
        outbound = m.direction is Direction.OUTBOUND
        align = "right" if outbound else "left"
        colour = "#e8f0fe" if outbound else "#f3f4f6"
        if m.html:
            body = m.html  # sanitized by nh3 when stored
            if remote_images(m.html) and m.id not in (images_allowed or set()):
                blocked = QCoreApplication.translate(
                    "ConversationPane", "Remote images are blocked."
                )
                load = QCoreApplication.translate("ConversationPane", "Load images")
                body += (
                    f'<br><small><i>{blocked}</i> <a href="load-images:{m.id}">{load}</a></small>'
                )
        else:
            body = html.escape(m.text).replace("\n", "<br>")
        if m.problem:
            unreadable = QCoreApplication.translate(
                "ConversationPane", "This message could not be read; shown as received."
            )
            body = f"<small><b>⚠ {unreadable}</b></small><br>" + body
        if outbound and m.delivery:
            body += "<br>" + delivery_mark(m.delivery, m.delivery_error)
        files = "".join(
            f'<br>📎 <a href="attachment:{m.id}:{index}">{html.escape(a.filename)}</a> '
            f"({html.escape(a.content_type)}, {human_size(a.size)})"
            for index, a in enumerate(m.attachments)
        )
        parts.append(
            f'<table width="100%" cellspacing="0" cellpadding="6"><tr><td align="{align}">'
            f'<div style="background:{colour}"><small><b>{html.escape(m.author)}</b> · '
            f"{format_when(m.sent_at)}</small><br>{body}{files}</div></td></tr></table>"
        )
    return "".join(parts)


DELIVERY_MARKS = {  # shown through QCoreApplication.translate("ConversationPane", …)
    "queued": QT_TRANSLATE_NOOP("ConversationPane", "🕓 queued"),
    "sent": QT_TRANSLATE_NOOP("ConversationPane", "✓ sent"),
    "delivered": QT_TRANSLATE_NOOP("ConversationPane", "✓✓ delivered"),
    "read": QT_TRANSLATE_NOOP("ConversationPane", "✓✓ read"),
}


def delivery_mark(status: str, error: str | None) -> str:
    """How far one of our messages got, as the provider reported it."""
    import html

    if status == "failed":
        why = f": {html.escape(error)}" if error else ""
        failed = QCoreApplication.translate("ConversationPane", "not delivered")
        return f'<small><span style="color:#b3261e">⚠ {failed}{why}</span></small>'
    mark = DELIVERY_MARKS.get(status)
    if mark is None:
        return f"<small>{html.escape(status)}</small>"
    mark = html.escape(QCoreApplication.translate("ConversationPane", mark))
    if status == "read":
        mark = f'<span style="color:#1a73e8">{mark}</span>'
    return f"<small>{mark}</small>"


def human_size(size: int) -> str:
    if size <= 0:
        return QCoreApplication.translate("ConversationPane", "size unknown")
    value = float(size)
    for unit in ("B", "kB", "MB", "GB"):
        if value < 1024 or unit == "GB":
            return f"{value:.0f} {unit}" if unit == "B" else f"{value:.1f} {unit}"
        value /= 1024
    return f"{size} B"
