"""Social posting in the Social tab: "New post…" composes a post once for several pages
(Facebook Page, Instagram, LinkedIn), now or at a chosen time; the list shows each page's
outcome as recorded (published with its address, or why it failed) and retries failed pages."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDateTime, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from gastro_hub_desktop.engine.events import EngineEvent, EngineStarted
from gastro_hub_desktop.ui.bridge import user_message
from gastro_hub_desktop.ui.inbox_model import format_when

if TYPE_CHECKING:
    from gastro_hub_desktop.engine.facade import Engine
    from gastro_hub_desktop.store.social_posts import SocialPostView
    from gastro_hub_desktop.ui.bridge import EngineBridge

STATE_WORDS = {  # shown through QCoreApplication.translate("SocialPostsPanel", …)
    "scheduled": QT_TRANSLATE_NOOP("SocialPostsPanel", "scheduled"),
    "publishing": QT_TRANSLATE_NOOP("SocialPostsPanel", "publishing…"),
    "published": QT_TRANSLATE_NOOP("SocialPostsPanel", "published"),
    "failed": QT_TRANSLATE_NOOP("SocialPostsPanel", "failed"),
}


def describe(post: SocialPostView, names: dict[str, str]) -> str:
    """One post as the list shows it: when, the text's start, and each page's outcome."""
    when = format_when(post.scheduled_at)
    lines = [f"{when} — {' '.join(post.text.split())[:80]}"]
    for t in post.targets:
        state = QCoreApplication.translate(
            "SocialPostsPanel", STATE_WORDS.get(t.state.value, t.state.value)
        )
        detail = t.url if t.state.value == "published" and t.url else (t.reason or "")
        lines.append(
            f"    {names.get(t.target_key, t.target_key)}: {state}"
            + (f" — {detail}" if detail else "")
        )
    return "\n".join(lines)


def kind_label(kind: str) -> str:
    """What a page to post to is ("facebook_page" → "Facebook Page"), in the UI's language."""
    from gastro_hub_desktop.channels.social.settings import TargetKind
    from gastro_hub_desktop.ui.social_forms import TARGET_LABELS

    try:
        return QCoreApplication.translate("ConnectDialog", TARGET_LABELS[TargetKind(kind)])
    except ValueError:
        return kind.replace("_", " ")


class SocialPostsPanel(QWidget):
    def __init__(self, engine: Engine, bridge: EngineBridge, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._engine = engine
        self._bridge = bridge
        self._names: dict[str, str] = {}
        self.new_button = QPushButton(self.tr("New post…"))
        self.retry_button = QPushButton(self.tr("Retry failed pages"))
        self.retry_button.setEnabled(False)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.posts = QListWidget()
        self.posts.setMaximumHeight(160)
        self.dialog: ComposeDialog | None = None
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("<b>Posts</b>")))
        top.addStretch(1)
        top.addWidget(self.retry_button)
        top.addWidget(self.new_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.posts)
        layout.addWidget(self.status)
        self.new_button.clicked.connect(self.compose)
        self.retry_button.clicked.connect(self.retry)
        self.posts.currentItemChanged.connect(self._chosen)
        bridge.event.connect(self._on_event)

    def _on_event(self, event: EngineEvent) -> None:
        from gastro_hub_desktop.engine.social_scheduler import SocialPostChanged

        if isinstance(event, EngineStarted | SocialPostChanged):
            self.refresh()

    def refresh(self) -> None:
        self._bridge.call(self._engine.social_targets(), self._targets_loaded)

    def _targets_loaded(self, targets: list[tuple[str, str, str]]) -> None:
        self._names = {key: name for key, name, _kind in targets}
        self._bridge.call(self._engine.social_post_list(), self._posts_loaded)

    def _posts_loaded(self, posts: list[SocialPostView]) -> None:
        chosen = self._chosen_id()
        self.posts.clear()
        for post in posts:
            item = QListWidgetItem(describe(post, self._names))
            item.setData(Qt.ItemDataRole.UserRole, post.id)
            item.setData(
                Qt.ItemDataRole.UserRole + 1,
                any(t.state.value == "failed" for t in post.targets),
            )
            self.posts.addItem(item)
            if post.id == chosen:
                self.posts.setCurrentItem(item)
        if not posts:
            self.status.setText(self.tr("No posts yet. Connect a page above, then New post…"))

    def _chosen_id(self) -> int | None:
        item = self.posts.currentItem()
        return None if item is None else int(item.data(Qt.ItemDataRole.UserRole))

    def _chosen(self, item: QListWidgetItem | None, _previous: object = None) -> None:
        self.retry_button.setEnabled(bool(item and item.data(Qt.ItemDataRole.UserRole + 1)))

    def retry(self) -> None:
        post_id = self._chosen_id()
        if post_id is None:
            return
        self._bridge.call(
            self._engine.retry_post(post_id),
            lambda _post: self.status.setText(self.tr("Trying the failed pages again…")),
            lambda exc: self.status.setText("✘ " + user_message(exc)),
        )

    def compose(self) -> None:
        self.dialog = ComposeDialog(self._engine, self._bridge, self)
        self.dialog.accepted.connect(self.refresh)
        self.dialog.open()


class ComposeDialog(QDialog):
    def __init__(self, engine: Engine, bridge: EngineBridge, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._engine = engine
        self._bridge = bridge
        self.setWindowTitle(self.tr("New post"))
        self.text = QPlainTextEdit()
        self.link = QLineEdit()
        self.link.setPlaceholderText("https://…")
        self.image = QLineEdit()
        self.image.setPlaceholderText(
            self.tr("a picture's https address (Instagram needs one) or a file on this PC")
        )
        self.now = QCheckBox(self.tr("Publish now"))
        self.now.setChecked(True)
        self.when = QDateTimeEdit(QDateTime.currentDateTime().addSecs(3600))
        self.when.setCalendarPopup(True)
        self.when.setEnabled(False)
        self.now.toggled.connect(lambda on: self.when.setEnabled(not on))
        self.pages = QVBoxLayout()
        self.page_boxes: dict[str, QCheckBox] = {}
        self.result = QLabel(self.tr("Loading your pages…"))
        self.result.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Publish"))
        self.buttons.accepted.connect(self.publish)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("Text"), self.text)
        form.addRow(self.tr("Link"), self.link)
        form.addRow(self.tr("Picture"), self.image)
        form.addRow(self.tr("Pages"), self.pages)
        form.addRow(self.now, self.when)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.result)
        layout.addWidget(self.buttons)
        bridge.call(engine.social_targets(), self._targets_loaded, self._failed)

    def _targets_loaded(self, targets: list[tuple[str, str, str]]) -> None:
        for key, name, kind in targets:
            box = QCheckBox(f"{name} ({kind_label(kind)})")
            self.page_boxes[key] = box
            self.pages.addWidget(box)
        self.result.setText(
            "" if targets else self.tr("Connect a Facebook Page, Instagram or LinkedIn page first.")
        )

    def _failed(self, exc: BaseException) -> None:
        self.result.setText("✘ " + user_message(exc))
        self.buttons.setEnabled(True)

    def chosen(self) -> list[str]:
        return [key for key, box in self.page_boxes.items() if box.isChecked()]

    def at(self) -> datetime | None:
        if self.now.isChecked():
            return None
        moment = self.when.dateTime().toSecsSinceEpoch()
        return datetime.fromtimestamp(moment, UTC)

    def publish(self) -> None:
        text = self.text.toPlainText().strip()
        if not text:
            self.result.setText(self.tr("Write the post first."))
            return
        if not self.chosen():
            self.result.setText(self.tr("Choose at least one page."))
            return
        at = self.at()
        if at is not None and at < datetime.now(UTC) - timedelta(minutes=1):
            self.result.setText(self.tr("That time has passed: choose a later one."))
            return
        self.buttons.setEnabled(False)
        self.result.setText(self.tr("Keeping the post…"))
        values: dict[str, Any] = {
            "link": self.link.text().strip() or None,
            "image": self.image.text().strip() or None,
        }
        self._bridge.call(
            self._engine.compose_post(text, self.chosen(), at, **values),
            lambda _post: self.accept(),
            self._failed,
        )
