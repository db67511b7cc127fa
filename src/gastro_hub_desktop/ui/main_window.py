"""The main window: the unified Inbox, one tab per channel group, AI, Backups and Stack panels,
a status bar with progress of long jobs, and the File menu (import, sample data)."""

from __future__ import annotations

import os
from datetime import datetime, time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QProgressBar,
    QPushButton,
    QTabWidget,
    QWidget,
)

from gastro_hub_desktop import APP_NAME, __version__
from gastro_hub_desktop.domain.messages import ChannelTab
from gastro_hub_desktop.engine.events import (
    ConversationsChanged,
    EngineEvent,
    EngineFailed,
    EngineStarted,
    JobFinished,
    JobProgress,
    ReplyStatus,
)
from gastro_hub_desktop.ui.bridge import user_message
from gastro_hub_desktop.ui.inbox_panel import InboxPanel

if TYPE_CHECKING:
    from PySide6.QtGui import QCloseEvent, QPaintEvent
    from PySide6.QtWidgets import QDialog

    from gastro_hub_desktop.engine.facade import Engine, Job
    from gastro_hub_desktop.ui.accounts_bar import AccountsBar
    from gastro_hub_desktop.ui.ai_panel import AiPanel
    from gastro_hub_desktop.ui.backups_panel import BackupsPanel
    from gastro_hub_desktop.ui.bridge import EngineBridge
    from gastro_hub_desktop.ui.dashboard import Dashboard
    from gastro_hub_desktop.ui.stack_panel import StackPanel

# The texts below are shown through self.tr() (context MainWindow) unless said otherwise.
INBOX_EMPTY = QT_TRANSLATE_NOOP(
    "MainWindow",
    "No conversations here yet.\n\nFile → Load sample data shows the app at work with a demo "
    "set, and File → Import brings in an mbox mailbox or a WhatsApp chat export.",
)
TAB_EMPTY = {
    ChannelTab.EMAIL: QT_TRANSLATE_NOOP(
        "MainWindow",
        "No email conversations yet.\n\nAdd your account above (Gmail, Microsoft "
        "365 or any IMAP/SMTP server), or File → Import an mbox file.",
    ),
    ChannelTab.WHATSAPP: QT_TRANSLATE_NOOP(
        "MainWindow",
        "No WhatsApp conversations yet.\n\nConnect Twilio or the Meta Cloud "
        'API above, or File → Import a WhatsApp "Export chat" file.',
    ),
    ChannelTab.CHATS: QT_TRANSLATE_NOOP(
        "MainWindow",
        "No chats yet.\n\nConnect Beeper Desktop (Telegram, Signal, WhatsApp and "
        "more), a Matrix account or a Telegram bot above.",
    ),
    ChannelTab.SOCIAL: QT_TRANSLATE_NOOP(
        "MainWindow",
        "No social messages yet.\n\nConnect your Facebook Page (and its "
        "Instagram account) above to answer Messenger and Instagram messages here.",
    ),
}
TAB_TITLES = {
    ChannelTab.EMAIL: QT_TRANSLATE_NOOP("MainWindow", "Email"),
    ChannelTab.WHATSAPP: QT_TRANSLATE_NOOP("MainWindow", "WhatsApp"),
    ChannelTab.CHATS: QT_TRANSLATE_NOOP("MainWindow", "Chats"),
    ChannelTab.SOCIAL: QT_TRANSLATE_NOOP("MainWindow", "Social"),
}
# (name, key sequence, what it does, MainWindow method)
SHORTCUTS = (
    ("next", "Alt+Down", QT_TRANSLATE_NOOP("MainWindow", "Next conversation"), "next_conversation"),
    (
        "previous",
        "Alt+Up",
        QT_TRANSLATE_NOOP("MainWindow", "Previous conversation"),
        "previous_conversation",
    ),
    ("reply", "Ctrl+R", QT_TRANSLATE_NOOP("MainWindow", "Write a reply"), "focus_reply"),
    (
        "send",
        "Ctrl+Return",
        QT_TRANSLATE_NOOP("MainWindow", "Send the reply (an AI draft unchanged: approve it)"),
        "send_or_approve",
    ),
    ("done", "Ctrl+D", QT_TRANSLATE_NOOP("MainWindow", "Mark done / reopen"), "mark_done"),
    (
        "search",
        "Ctrl+F",
        QT_TRANSLATE_NOOP("MainWindow", "Search every conversation"),
        "focus_search",
    ),
    ("help", "F1", QT_TRANSLATE_NOOP("MainWindow", "Show these shortcuts"), "show_shortcuts"),
)
FIXED_SHORTCUTS = (
    ("import", "Ctrl+I", QT_TRANSLATE_NOOP("MainWindow", "Import a mailbox or chat export"), ""),
    ("sample", "Ctrl+Shift+L", QT_TRANSLATE_NOOP("MainWindow", "Load sample data"), ""),
    ("quit", "Ctrl+Q", QT_TRANSLATE_NOOP("MainWindow", "Quit"), ""),
)
NOTE_GATHER_MS = 400  # notifications arriving together are shown as one
CHANNEL_NAMES = {  # in notifications, through QCoreApplication.translate("Channel", …)
    "email": QT_TRANSLATE_NOOP("Channel", "email"),
    "whatsapp": "WhatsApp",
    "telegram": "Telegram",
    "signal": "Signal",
    "matrix": "Matrix",
    "beeper": "Beeper",
    "facebook": "Facebook",
    "instagram": "Instagram",
    "linkedin": "LinkedIn",
}


def in_quiet_hours(hours: tuple[time, time] | None, now: time) -> bool:
    """Whether `now` falls in the quiet hours (which may cross midnight)."""
    if hours is None:
        return False
    start, end = hours
    if start <= end:
        return start <= now < end
    return now >= start or now < end


IMPORT_FILTER = QT_TRANSLATE_NOOP(
    "MainWindow", "Mailboxes and chat exports (*.mbox *.mbx *.txt *.zip);;All files (*)"
)


class MainWindow(QMainWindow):
    firstPainted = Signal()
    unreadChanged = Signal(int)
    killSwitchChanged = Signal(bool)
    alertRaised = Signal(str, str)  # title, text: for the tray
    notify = Signal(str, str, int)  # title, text, conversation to open on click (0: none)

    def __init__(self, engine: Engine, bridge: EngineBridge) -> None:
        super().__init__()
        self._engine = engine
        self._bridge = bridge
        self._job: Job | None = None
        self._painted = False
        self.setWindowTitle(APP_NAME)
        self.resize(1200, 760)

        self.tabs = QTabWidget()
        self.inbox = InboxPanel(engine, bridge, None, self.tr(INBOX_EMPTY))
        self.tabs.addTab(self.inbox, self.tr("Inbox"))
        # Channel tabs are built when first opened: a faster first paint.
        self.channel_panels: dict[ChannelTab, InboxPanel] = {}
        for title in TAB_TITLES.values():
            self.tabs.addTab(QWidget(), self.tr(title))
        self._engine_started = False
        self._pending_notes: list[Any] = []
        self.tray_available = False  # set by the app when its tray icon is shown
        self.quiet_hours: tuple[time, time] | None = None  # (from, until), local time
        self.tabs.currentChanged.connect(self._tab_opened)
        self.ai_panel: AiPanel | None = None  # built when first opened
        self.ai_index = self.tabs.addTab(QWidget(), self.tr("AI"))
        self.backups_panel: BackupsPanel | None = None  # built when first opened
        self.backups_index = self.tabs.addTab(QWidget(), self.tr("Backups"))
        self.stack_panel: StackPanel | None = None  # built when first opened
        self.stack_index = self.tabs.addTab(QWidget(), self.tr("Stack"))
        self.dashboard: Dashboard | None = None  # built when first opened
        self.dashboard_index = self.tabs.addTab(QWidget(), self.tr("Dashboard"))
        self.setCentralWidget(self.tabs)
        self.inbox.status.connect(self.show_status)

        self._build_menu()
        self._build_status_bar()
        bridge.event.connect(self._on_event)
        bridge.error.connect(self.show_status)

    def panels(self) -> list[InboxPanel]:
        return [self.inbox, *self.channel_panels.values()]

    def channel_panel(self, tab: ChannelTab) -> InboxPanel:
        """The tab's inbox, built on first use."""
        panel = self.channel_panels.get(tab)
        if panel is None:
            index = list(TAB_TITLES).index(tab) + 1
            panel = InboxPanel(self._engine, self._bridge, tab, self.tr(TAB_EMPTY[tab]))
            panel.status.connect(self.show_status)
            self.channel_panels[tab] = panel
            title = self.tabs.tabText(index)
            current = self.tabs.currentIndex()
            self.tabs.blockSignals(True)
            old = self.tabs.widget(index)
            self.tabs.removeTab(index)
            self.tabs.insertTab(index, panel, title)
            self.tabs.setCurrentIndex(current)
            self.tabs.blockSignals(False)
            old.deleteLater()
            bar = self._accounts_bar(tab)
            if bar is not None:
                panel.layout().insertWidget(0, bar)  # type: ignore[union-attr]
            if tab is ChannelTab.SOCIAL:
                from gastro_hub_desktop.ui.social_posts import SocialPostsPanel

                self.social_posts = SocialPostsPanel(self._engine, self._bridge)
                panel.layout().insertWidget(1, self.social_posts)  # type: ignore[union-attr]
            # a panel made after EngineStarted was published would wait for it forever
            if self._engine_started or self._engine.ready:
                panel.engine_started()
                if bar is not None:
                    bar.refresh()
                if tab is ChannelTab.SOCIAL:
                    self.social_posts.refresh()
        return panel

    def _accounts_bar(self, tab: ChannelTab) -> AccountsBar | None:
        """The tab's account bar (accounts and their measured state), if it has one."""
        if tab is ChannelTab.EMAIL:
            from gastro_hub_desktop.ui.email_accounts import EmailAccountsBar

            self.email_accounts = EmailAccountsBar(self._engine, self._bridge)
            return self.email_accounts
        if tab is ChannelTab.WHATSAPP:
            from gastro_hub_desktop.ui.whatsapp_accounts import WhatsAppAccountsBar

            self.whatsapp_accounts = WhatsAppAccountsBar(self._engine, self._bridge)
            return self.whatsapp_accounts
        if tab is ChannelTab.CHATS:
            from gastro_hub_desktop.ui.chat_accounts import KindsBar
            from gastro_hub_desktop.ui.chat_forms import CHAT_FORMS

            self.chat_accounts = KindsBar(
                self._engine,
                self._bridge,
                CHAT_FORMS,
                QT_TRANSLATE_NOOP("AccountsBar", "No chat account connected yet."),
            )
            return self.chat_accounts
        if tab is ChannelTab.SOCIAL:
            from gastro_hub_desktop.ui.chat_accounts import KindsBar
            from gastro_hub_desktop.ui.social_forms import SOCIAL_FORMS

            self.social_accounts = KindsBar(
                self._engine,
                self._bridge,
                SOCIAL_FORMS,
                QT_TRANSLATE_NOOP("AccountsBar", "No social account connected yet."),
            )
            return self.social_accounts
        return None

    def _tab_opened(self, index: int) -> None:
        tabs = list(TAB_TITLES)
        if 1 <= index <= len(tabs):
            self.channel_panel(tabs[index - 1])
        elif index == self.ai_index:
            self.open_ai_panel()
        elif index == self.stack_index:
            self.open_stack_panel()
        elif index == self.dashboard_index:
            self.open_dashboard()
        elif index == self.backups_index:
            self.open_backups()

    def open_backups(self) -> BackupsPanel:
        """The Backups panel, built on first use."""
        if self.backups_panel is None:
            from gastro_hub_desktop.ui.backups_panel import BackupsPanel

            self.backups_panel = BackupsPanel(self._engine, self._bridge)
            self._replace_tab(self.backups_index, self.backups_panel, self.tr("Backups"))
            if self._engine_started or self._engine.ready:
                self.backups_panel.engine_started()
        return self.backups_panel

    def open_dashboard(self) -> Dashboard:
        """The dashboard, built on first use (pyqtgraph loads only then)."""
        if self.dashboard is None:
            from gastro_hub_desktop.ui.dashboard import Dashboard

            self.dashboard = Dashboard(self._engine, self._bridge)
            self._replace_tab(self.dashboard_index, self.dashboard, self.tr("Dashboard"))
            if self._engine_started or self._engine.ready:
                self.dashboard.engine_started()
        return self.dashboard

    def open_stack_panel(self) -> StackPanel:
        """The Stack panel, built on first use."""
        if self.stack_panel is None:
            from gastro_hub_desktop.ui.stack_panel import StackPanel

            self.stack_panel = StackPanel(self._engine, self._bridge)
            self._replace_tab(self.stack_index, self.stack_panel, self.tr("Stack"))
            if self._engine_started or self._engine.ready:
                self.stack_panel.engine_started()
        return self.stack_panel

    def _replace_tab(self, index: int, widget: QWidget, title: str) -> None:
        self.tabs.blockSignals(True)
        current = self.tabs.currentIndex()
        old = self.tabs.widget(index)
        self.tabs.removeTab(index)
        self.tabs.insertTab(index, widget, title)
        self.tabs.setCurrentIndex(current)
        self.tabs.blockSignals(False)
        old.deleteLater()

    def open_ai_panel(self) -> AiPanel:
        """The AI panel, built on first use."""
        if self.ai_panel is None:
            from gastro_hub_desktop.ui.ai_panel import AiPanel

            self.ai_panel = AiPanel(self._engine, self._bridge)
            self._replace_tab(self.ai_index, self.ai_panel, self.tr("AI"))
            if self._engine_started or self._engine.ready:
                self.ai_panel.engine_started()
        return self.ai_panel

    def _build_menu(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        self.import_action = QAction(self.tr("&Import mailbox or chat export…"), self)
        self.import_action.triggered.connect(self.choose_import)
        self.sample_action = QAction(self.tr("Load &sample data"), self)
        self.sample_action.triggered.connect(self.load_sample_data)
        quit_action = QAction(self.tr("&Quit"), self)
        self.quit_action = quit_action
        quit_action.triggered.connect(self.close)
        file_menu.addAction(self.import_action)
        file_menu.addAction(self.sample_action)
        file_menu.addSeparator()
        file_menu.addAction(quit_action)
        customers = self.menuBar().addMenu(self.tr("&Customers"))
        self.crm_action = QAction(self.tr("Import CRM contacts (CSV)…"), self)
        self.crm_action.triggered.connect(self.choose_crm_file)
        self.merge_action = QAction(self.tr("Same customer? Merge contacts…"), self)
        self.merge_action.triggered.connect(self.open_merges)
        customers.addAction(self.crm_action)
        customers.addAction(self.merge_action)
        self.settings_action = QAction(self.tr("&Settings…"), self)
        self.settings_action.triggered.connect(self.open_settings)
        file_menu.insertAction(self.quit_action, self.settings_action)
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        wizard = QAction(self.tr("&Set-up assistant…"), self)
        wizard.triggered.connect(self.run_first_run_wizard)
        help_menu.addAction(wizard)
        shortcuts_help = QAction(self.tr("&Keyboard shortcuts"), self)
        shortcuts_help.triggered.connect(self.show_shortcuts)
        help_menu.addAction(shortcuts_help)
        about = QAction(self.tr("&About"), self)
        about.triggered.connect(self._about)
        help_menu.addAction(about)
        for action in (self.import_action, self.sample_action):
            action.setEnabled(False)  # until the database is open

    def _install_shortcuts(self) -> None:
        """Keyboard shortcuts, set right after the first paint: the first setShortcut() call
        builds all of Qt's enums (~10 ms) and the window should not wait for that."""
        self.import_action.setShortcut(QKeySequence("Ctrl+I"))
        self.sample_action.setShortcut(QKeySequence("Ctrl+Shift+L"))
        self.quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        self.shortcuts: dict[str, QAction] = {}
        for key, sequence, text, slot in SHORTCUTS:
            action = QAction(self.tr(text), self)
            action.setShortcut(QKeySequence(sequence))
            action.triggered.connect(getattr(self, slot))
            self.addAction(action)
            self.shortcuts[key] = action

    def current_panel(self) -> InboxPanel:
        widget = self.tabs.currentWidget()
        return widget if isinstance(widget, InboxPanel) else self.inbox

    def next_conversation(self) -> None:
        self.current_panel().move_selection(+1)

    def previous_conversation(self) -> None:
        self.current_panel().move_selection(-1)

    def focus_reply(self) -> None:
        self.current_panel().pane.reply.setFocus()

    def send_or_approve(self) -> None:
        """Send the reply box as it is: an AI draft unchanged counts as approved."""
        self.current_panel().pane.send_reply()

    def mark_done(self) -> None:
        self.current_panel().pane.toggle_done()

    def focus_search(self) -> None:
        self.tabs.setCurrentWidget(self.inbox)
        if self.inbox.search_box is not None:
            self.inbox.search_box.setFocus()
            self.inbox.search_box.selectAll()

    def show_shortcuts(self) -> QDialog:
        """The help overlay listing every keyboard shortcut."""
        from PySide6.QtWidgets import QDialog, QLabel, QVBoxLayout

        dialog = QDialog(self)
        dialog.setWindowTitle(self.tr("Keyboard shortcuts"))
        rows = "".join(
            f"<tr><td><b>{QKeySequence(seq).toString(QKeySequence.SequenceFormat.NativeText)}"
            f"</b></td><td>{self.tr(text)}</td></tr>"
            for _key, seq, text, _slot in (*SHORTCUTS, *FIXED_SHORTCUTS)
        )
        label = QLabel(f"<table cellspacing='8'>{rows}</table>")
        layout = QVBoxLayout(dialog)
        layout.addWidget(label)
        dialog.setModal(False)
        dialog.open()
        self.shortcuts_dialog = dialog
        return dialog

    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        self.engine_label = QLabel(self.tr("Opening the database…"))
        self.progress = QProgressBar()
        self.progress.setMaximumWidth(220)
        self.progress.setVisible(False)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setVisible(False)
        self.cancel_button.clicked.connect(self.cancel_job)
        bar.addPermanentWidget(self.progress)
        bar.addPermanentWidget(self.cancel_button)
        bar.addPermanentWidget(self.engine_label)
        from gastro_hub_desktop.ui.office_status import OfficeStatus

        self.office_label = OfficeStatus(self._engine, self._bridge)
        bar.addPermanentWidget(self.office_label)

    # ---------------------------------------------------------- engine events

    def _on_event(self, event: EngineEvent) -> None:
        if isinstance(event, EngineStarted):
            self._engine_started = True
            self.load_quiet_hours()
            self._first_run()
            self.engine_label.setText(self.tr("Database: ") + event.database)
            self.office_label.start()
            for action in (self.import_action, self.sample_action):
                action.setEnabled(True)
            self._refresh_counts()
        elif isinstance(event, EngineFailed):
            from PySide6.QtWidgets import QMessageBox

            self.engine_label.setText(self.tr("Database unavailable"))
            QMessageBox.critical(self, APP_NAME, event.message)
        elif isinstance(event, ConversationsChanged):
            self._refresh_counts()
            if self.ai_panel is not None and self.tabs.currentWidget() is self.ai_panel:
                self.ai_panel.refresh()
        elif type(event).__name__ == "StackIncident" and event.alert:  # type: ignore[attr-defined]
            self.alertRaised.emit(self.tr("Stack needs you"), event.text)  # type: ignore[attr-defined]
            self.show_status(event.text)  # type: ignore[attr-defined]
        elif type(event).__name__ == "BackupStatusChanged" and event.alert:  # type: ignore[attr-defined]
            self.alertRaised.emit(self.tr("Backups need you"), event.text)  # type: ignore[attr-defined]
            self.show_status(event.text)  # type: ignore[attr-defined]
        elif type(event).__name__ == "NotableMessage":
            self._pending_notes.append(event.item)  # type: ignore[attr-defined]
            if len(self._pending_notes) == 1:
                from PySide6.QtCore import QTimer

                QTimer.singleShot(NOTE_GATHER_MS, self._flush_notes)
        elif type(event).__name__ == "AiChanged":
            if self.ai_panel is not None:
                self.ai_panel.refresh()
            self._bridge.call(
                self._engine.ai_setting("ai.auto_reply", {}),
                lambda policy: self.killSwitchChanged.emit(bool((policy or {}).get("kill_switch"))),
            )
        elif isinstance(event, JobProgress):
            self.progress.setVisible(True)
            self.cancel_button.setVisible(True)
            self.progress.setRange(0, max(event.total, 1))
            self.progress.setValue(event.done)
        elif isinstance(event, ReplyStatus):
            self.show_status(
                event.text
                if event.state in ("sent", "drafted")
                else self.tr("Reply not sent: ") + event.text
            )
        elif isinstance(event, JobFinished):
            self.progress.setVisible(False)
            self.cancel_button.setVisible(False)
            self._job = None
            self.show_status(event.summary if event.ok else self.tr("Failed: ") + event.summary)

    def _refresh_counts(self) -> None:
        self._bridge.call(self._engine.tab_counts(), self._counts_loaded)

    def _counts_loaded(self, counts: dict[ChannelTab, int]) -> None:
        total = sum(counts.values())
        self.tabs.setTabText(0, self._titled(self.tr("Inbox"), total))
        for index, (tab, title) in enumerate(TAB_TITLES.items(), start=1):
            self.tabs.setTabText(index, self._titled(self.tr(title), counts.get(tab, 0)))
        self.unreadChanged.emit(total)

    @staticmethod
    def _titled(title: str, unread: int) -> str:
        return f"{title} ({unread})" if unread else title

    def show_status(self, text: str) -> None:
        self.statusBar().showMessage(text, 8000)

    # ---------------------------------------------------------- actions

    def load_sample_data(self) -> None:
        self._start_job(self._engine.load_sample_data(), self.tr("Loading sample data…"))

    def choose_import(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Import mailbox or chat export"), str(Path.home()), self.tr(IMPORT_FILTER)
        )
        if path:
            self.import_file(Path(path))

    def load_quiet_hours(self) -> None:
        self._bridge.call(self._engine.ai_setting("ui.quiet_hours"), self._set_quiet_hours)

    def _set_quiet_hours(self, saved: dict[str, str] | None) -> None:
        """Quiet hours from the settings: {"from": "20:00", "until": "07:00"} (None: none)."""
        if not saved:
            self.quiet_hours = None
            return
        self.quiet_hours = (time.fromisoformat(saved["from"]), time.fromisoformat(saved["until"]))

    def _flush_notes(self) -> None:
        """One notification per urgent or VIP message; several at once become one summary.
        In quiet hours only a crisis is raised."""
        items, self._pending_notes = self._pending_notes, []
        quiet = in_quiet_hours(self.quiet_hours, datetime.now().time())
        shown = [i for i in items if not quiet or i.urgency == "crisis"]
        if not shown:
            return
        if len(shown) == 1:
            item = shown[0]
            from gastro_hub_desktop.ui.inbox_model import urgency_label

            label = (
                "VIP"
                if item.vip and item.urgency not in ("crisis", "urgent")
                else (urgency_label(item.urgency or "").upper() + (" · VIP" if item.vip else ""))
            )
            channel = CHANNEL_NAMES.get(item.channel, item.channel)
            channel = QCoreApplication.translate("Channel", channel)
            title = f"{label}: {item.sender} ({channel})"
            self.notify.emit(title, item.first_line, item.conversation_id)
        else:
            senders = ", ".join(dict.fromkeys(i.sender for i in shown))
            self.notify.emit(
                self.tr("{0} urgent or VIP messages").format(len(shown)),
                senders,
                shown[0].conversation_id,
            )

    def open_conversation(self, conversation_id: int) -> None:
        """Show a conversation in the unified inbox (e.g. from a notification click)."""
        if not conversation_id:
            self.bring_to_front()
            return
        self.tabs.setCurrentWidget(self.inbox)
        self.inbox.pane.show_conversation(conversation_id)
        self.bring_to_front()

    def set_kill_switch(self, on: bool) -> None:
        """Stop (or allow again) automatic replies, e.g. from the tray."""

        def done(held: int) -> None:
            self.show_status(
                (
                    self.tr("Automatic replies stopped")
                    if on
                    else self.tr("Automatic replies allowed")
                )
                + (self.tr(" ({0} held)").format(held) if held else "")
            )

        self._bridge.call(
            self._engine.set_kill_switch(on),
            done,
            lambda exc: self.show_status(self.tr("Kill switch not changed: ") + str(exc)),
        )

    def choose_crm_file(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Import CRM contacts"),
            str(Path.home()),
            self.tr("CSV (*.csv *.txt);;All files (*)"),
        )
        if path:
            self.import_crm(Path(path))

    def import_crm(self, path: Path) -> QDialog:
        from gastro_hub_desktop.ui.contacts_dialogs import CrmImportDialog

        self.crm_dialog = CrmImportDialog(self._engine, self._bridge, path, self)
        self.crm_dialog.show()
        return self.crm_dialog

    def open_merges(self) -> QDialog:
        from gastro_hub_desktop.ui.contacts_dialogs import MergeDialog

        self.merge_dialog = MergeDialog(self._engine, self._bridge, self)
        self.merge_dialog.show()
        return self.merge_dialog

    def import_file(self, path: Path) -> None:
        self._start_job(self._engine.import_file(path), self.tr("Importing ") + path.name + "…")

    def track_job(self, job: Job, text: str) -> None:
        """Show a long job's progress and Cancel in the status bar."""
        self._start_job(job, text)

    def _start_job(self, job: Job, text: str) -> None:
        if self._job is not None:
            self.show_status(self.tr("Wait for the running import to finish or cancel it."))
            job.cancel()
            return
        self._job = job
        self.show_status(text)
        self.progress.setRange(0, 0)
        self.progress.setVisible(True)
        self.cancel_button.setVisible(True)
        self._bridge.call(job.future, lambda _r: None, self._job_failed)

    def _job_failed(self, exc: BaseException) -> None:
        self._job = None
        self.progress.setVisible(False)
        self.cancel_button.setVisible(False)
        from PySide6.QtWidgets import QMessageBox

        self.show_status(user_message(exc))
        box = QMessageBox(QMessageBox.Icon.Warning, APP_NAME, user_message(exc), parent=self)
        box.open()  # not exec(): the window keeps working while the message is shown
        self.job_message = box

    def cancel_job(self) -> None:
        if self._job is not None:
            self._job.cancel()
            self.show_status(self.tr("Cancelling after the current batch…"))

    def _about(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.about(
            self,
            APP_NAME,
            f"<b>{APP_NAME}</b> {__version__}<br>"
            + self.tr("All customer conversations in one place.")
            + "<br>"
            + self.tr("Database: ")
            + self._engine.database_url.split("@")[-1],
        )

    def bring_to_front(self) -> None:
        from PySide6.QtCore import Qt

        self.setWindowState(
            (self.windowState() & ~Qt.WindowState.WindowMinimized) | Qt.WindowState.WindowActive
        )
        self.show()
        self.raise_()
        self.activateWindow()

    # ---------------------------------------------------------- Qt events

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            from PySide6.QtCore import QTimer

            QTimer.singleShot(0, self._install_shortcuts)
            self.firstPainted.emit()

    def run_first_run_wizard(self) -> QDialog:
        from gastro_hub_desktop import paths
        from gastro_hub_desktop.ui.first_run import FirstRunWizard

        self.wizard = FirstRunWizard(self, paths.data_dir())
        self.wizard.open()
        return self.wizard

    def _first_run(self) -> None:
        """The set-up assistant, once, on a first start with nothing in the inbox."""
        from gastro_hub_desktop import paths
        from gastro_hub_desktop.ui import i18n

        if os.environ.get("GASTRO_HUB_NO_WIZARD") or i18n.ui_preferences(paths.data_dir()).get(
            "first_run_done"
        ):
            return

        def check(stats: Any) -> None:
            if stats.conversations == 0:
                self.run_first_run_wizard()

        self._bridge.call(self._engine.stats(), check)

    def open_settings(self) -> QDialog:
        from gastro_hub_desktop import paths
        from gastro_hub_desktop.ui.settings_dialog import SettingsDialog

        self.settings_dialog = SettingsDialog(self._engine, self._bridge, paths.data_dir(), self)
        self.settings_dialog.open()
        return self.settings_dialog

    def closeEvent(self, event: QCloseEvent) -> None:
        for panel in self.panels():
            panel.pane.keep_unsaved_draft()
        if self.keep_in_tray and self.tray_available:
            event.ignore()  # minimize to tray: the app keeps running
            self.hide()
            return
        event.accept()

    @property
    def keep_in_tray(self) -> bool:
        from gastro_hub_desktop import paths
        from gastro_hub_desktop.ui import i18n

        return bool(i18n.ui_preferences(paths.data_dir()).get("minimize_to_tray"))


def central_panel(window: MainWindow, title: str) -> QWidget | None:
    for index in range(window.tabs.count()):
        if window.tabs.tabText(index).split(" (")[0] == title:
            return window.tabs.widget(index)
    return None
