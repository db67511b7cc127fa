"""The main window, offscreen with pytest-qt: inbox rows, opening a conversation, drafts,
Mark done and Snooze (persisted), filters, tabs, honest empty panels, sample data."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from gastro_hub_desktop.domain.conversations import InboxFilter, StatusFilter
from gastro_hub_desktop.domain.messages import Channel, Direction, IncomingMessage, Urgency
from gastro_hub_desktop.engine.facade import Engine
from gastro_hub_desktop.store.repository import Store
from gastro_hub_desktop.ui.bridge import EngineBridge
from gastro_hub_desktop.ui.conversation_pane import snooze_choices
from gastro_hub_desktop.ui.inbox_panel import InboxPanel
from gastro_hub_desktop.ui.main_window import MainWindow

NOW = datetime.now(UTC)


def messages() -> list[IncomingMessage]:
    def m(pid: str, channel: Channel, who: str, name: str, body: str, minutes: int, **kw):  # type: ignore[no-untyped-def]
        return IncomingMessage(
            channel=channel,
            account_key=f"test:{channel.value}",
            provider_message_id=pid,
            direction=kw.pop("direction", Direction.INBOUND),
            counterpart_address=who,
            counterpart_name=name,
            text=body,
            sent_at=NOW - timedelta(minutes=minutes),
            thread_key=kw.pop("thread", pid),
            **kw,
        )

    return [
        m(
            "e1",
            Channel.EMAIL,
            "petra@bistro.example.cz",
            "Petra Malá",
            "Faktura 2026-118 prosím",
            5,
            subject="Faktura",
            urgency=Urgency.FINANCIAL,
        ),
        m(
            "w1",
            Channel.WHATSAPP,
            "+420777123456",
            "Hotel Zlatá Husa",
            "Kühlraum ist ausgefallen!",
            2,
            urgency=Urgency.CRISIS,
        ),
        m(
            "w2",
            Channel.WHATSAPP,
            "+420777123456",
            "Hotel Zlatá Husa",
            "Technik je na cestě.",
            1,
            thread="w1",
            direction=Direction.OUTBOUND,
        ),
        m(
            "i1",
            Channel.INSTAGRAM,
            "@kavarna_u_mostu",
            "Kavárna u Mostu",
            "Do you sell tampers?",
            30,
        ),
    ]


@pytest.fixture
def engine(tmp_path: Path) -> Iterator[Engine]:
    url = f"sqlite:///{tmp_path / 'gui.sqlite3'}"
    store = Store.open(url)
    store.ingest(messages())
    store.close()
    e = Engine(url)
    yield e
    e.stop()


@pytest.fixture
def window(qtbot: QtBot, engine: Engine) -> Iterator[MainWindow]:
    bridge = EngineBridge(engine.events)
    w = MainWindow(engine, bridge)
    qtbot.addWidget(w)
    w.show()
    engine.start().result(30)
    qtbot.waitUntil(lambda: w.inbox.model.count_known and w.inbox.model.rowCount() == 3)
    yield w
    bridge.close()


def texts(panel: InboxPanel, column: int) -> list[str]:
    model = panel.model
    return [model.index(r, column).data() or "" for r in range(model.rowCount())]


def wait_rows(qtbot: QtBot, panel: InboxPanel, n: int) -> None:
    qtbot.waitUntil(lambda: panel.model.count_known and panel.model.rowCount() == n)
    qtbot.waitUntil(lambda: all(texts(panel, 1)))


def test_inbox_lists_all_channels_newest_first(qtbot: QtBot, window: MainWindow) -> None:
    wait_rows(qtbot, window.inbox, 3)
    assert [t.split(" (")[0] for t in texts(window.inbox, 1)] == [
        "Hotel Zlatá Husa",
        "Petra Malá",
        "Kavárna u Mostu",
    ]
    assert texts(window.inbox, 0)[0] == "CRISIS"
    assert texts(window.inbox, 3) == ["WhatsApp", "Email", "Instagram"]
    qtbot.waitUntil(lambda: window.tabs.tabText(0) == "Inbox (3)")
    assert window.tabs.tabText(2) == "WhatsApp (1)"


def test_channel_tabs_and_filters(qtbot: QtBot, window: MainWindow) -> None:
    from gastro_hub_desktop.domain.messages import ChannelTab

    social = window.channel_panel(ChannelTab.SOCIAL)
    wait_rows(qtbot, social, 1)
    chats = window.channel_panel(ChannelTab.CHATS)
    qtbot.waitUntil(lambda: chats.model.count_known)
    assert chats.list_stack.currentWidget() is chats.empty  # honest empty state
    urgency = window.inbox.urgency_box
    urgency.setCurrentIndex(urgency.findText("Crisis & urgent"))
    wait_rows(qtbot, window.inbox, 1)
    urgency.setCurrentIndex(urgency.findText("Financial"))
    wait_rows(qtbot, window.inbox, 1)
    assert window.inbox.model.row_at(0).contact_name == "Petra Malá"  # type: ignore[union-attr]
    urgency.setCurrentIndex(0)
    wait_rows(qtbot, window.inbox, 3)
    window.inbox.vip_box.setChecked(True)
    wait_rows(qtbot, window.inbox, 0)


def test_open_conversation_draft_done_and_snooze_persist(
    qtbot: QtBot, window: MainWindow, engine: Engine
) -> None:
    panel = window.inbox
    wait_rows(qtbot, panel, 3)
    panel.select_row(0)
    pane = panel.pane
    qtbot.waitUntil(lambda: pane.conversation_id is not None)
    html = pane.messages.toPlainText()
    assert "Kühlraum ist ausgefallen!" in html and "Technik je na cestě." in html
    hotel = pane.conversation_id
    assert hotel is not None

    pane.reply.setPlainText("Dobrý den, technik dorazí do 30 minut.")
    with qtbot.waitSignal(pane.status, timeout=5000):
        pane.save_button.click()
    assert engine.store.conversation(hotel).draft.text == "Dobrý den, technik dorazí do 30 minut."  # type: ignore[union-attr]

    with qtbot.waitSignal(pane.status, timeout=5000):
        pane.done_button.click()
    wait_rows(qtbot, panel, 2)
    assert engine.store.inbox_count(InboxFilter(status=StatusFilter.DONE)) == 1

    panel.select_row(0)
    qtbot.waitUntil(lambda: pane.conversation_id not in (None, hotel))
    petra = pane.conversation_id
    until = snooze_choices(datetime.now(UTC))[2][1]
    with qtbot.waitSignal(pane.status, timeout=5000):
        pane.snooze(until)
    wait_rows(qtbot, panel, 1)
    panel.status_box.setCurrentIndex(panel.status_box.findData(StatusFilter.SNOOZED.value))
    wait_rows(qtbot, panel, 1)
    assert panel.model.row_at(0).id == petra  # type: ignore[union-attr]


def test_switching_conversation_keeps_typed_text(
    qtbot: QtBot, window: MainWindow, engine: Engine
) -> None:
    panel = window.inbox
    wait_rows(qtbot, panel, 3)
    panel.select_row(1)
    qtbot.waitUntil(lambda: panel.pane.conversation_id is not None)
    first = panel.pane.conversation_id
    panel.pane.reply.setPlainText("half-written reply")
    panel.select_row(2)
    qtbot.waitUntil(lambda: panel.pane.conversation_id != first)
    qtbot.waitUntil(lambda: engine.store.conversation(first).draft is not None)  # type: ignore[arg-type]


def test_sample_data_fills_the_inbox_once(qtbot: QtBot, window: MainWindow, engine: Engine) -> None:
    qtbot.waitUntil(window.sample_action.isEnabled)
    window.sample_action.trigger()
    qtbot.waitUntil(
        lambda: window._job is None and engine.store.stats().messages > 50, timeout=20000
    )
    stats = engine.store.stats()
    qtbot.waitUntil(lambda: window.inbox.model.rowCount() > 20, timeout=10000)
    window.sample_action.trigger()  # a second load adds nothing
    qtbot.waitUntil(lambda: window._job is None, timeout=20000)
    assert engine.store.stats().messages == stats.messages


def test_import_from_the_window_with_progress(
    qtbot: QtBot, window: MainWindow, engine: Engine, tmp_path: Path
) -> None:
    export = tmp_path / "WhatsApp Chat with Jan Novák.txt"
    lines = [f"24/11/2026, 09:{i:02d} - Jan Novák: zpráva {i}" for i in range(40)]
    export.write_text("\n".join(lines) + "\n", encoding="utf-8")
    progress: list[int] = []
    window.progress.valueChanged.connect(progress.append)
    qtbot.waitUntil(window.import_action.isEnabled)
    window.import_file(export)
    qtbot.waitUntil(lambda: window._job is None, timeout=20000)
    assert engine.store.stats().messages == len(messages()) + 40
    assert progress and max(progress) == 40
    assert "40 new messages" in window.statusBar().currentMessage()
    window.import_file(export)
    qtbot.waitUntil(lambda: window._job is None, timeout=20000)
    assert "0 new messages, 40 already stored" in window.statusBar().currentMessage()


def test_import_of_a_wrong_file_says_what_to_do(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    wrong = tmp_path / "menu.txt"
    wrong.write_text("Svíčková 189 Kč\n")
    qtbot.waitUntil(window.import_action.isEnabled)
    window.import_file(wrong)
    # shown without blocking the window (an open, not exec'd, message box)
    qtbot.waitUntil(lambda: getattr(window, "job_message", None) is not None, timeout=10000)
    assert "Export chat" in window.job_message.text()
    window.job_message.close()


def test_search_finds_messages_and_opens_their_conversation(
    qtbot: QtBot, window: MainWindow
) -> None:
    panel = window.inbox
    assert panel.search_box is not None
    wait_rows(qtbot, panel, 3)
    panel.search_box.setText("kuhlraum")  # typed without the umlaut
    panel.search()
    qtbot.waitUntil(lambda: panel.results.list.count() == 1)
    assert panel.list_stack.currentWidget() is panel.results
    assert "Hotel Zlatá Husa" in panel.results.list.item(0).text()
    panel.results.list.setCurrentRow(0)
    qtbot.waitUntil(lambda: "Kühlraum" in panel.pane.messages.toPlainText())
    panel.search_box.setText("nothing-like-this")
    panel.search()
    qtbot.waitUntil(lambda: "No messages contain" in panel.results.summary.text())
    panel.search_box.clear()
    assert panel.list_stack.currentWidget() is panel.table


def test_a_tab_opened_right_after_start_still_loads(qtbot: QtBot, engine: Engine) -> None:
    from gastro_hub_desktop.domain.messages import ChannelTab

    bridge = EngineBridge(engine.events)
    w = MainWindow(engine, bridge)
    qtbot.addWidget(w)
    engine.start().result(30)  # EngineStarted is already published, not yet delivered
    social = w.channel_panel(ChannelTab.SOCIAL)
    qtbot.waitUntil(lambda: social.model.count_known and social.model.rowCount() == 1)
    chats = w.channel_panel(ChannelTab.CHATS)
    qtbot.waitUntil(lambda: chats.list_stack.currentWidget() is chats.empty)
    bridge.close()


def test_attachments_render_as_save_links_and_no_link_opens(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtCore import QUrl
    from PySide6.QtWidgets import QFileDialog

    from gastro_hub_desktop.domain.conversations import ConversationDetail, MessageView
    from gastro_hub_desktop.domain.messages import Attachment
    from gastro_hub_desktop.ui.conversation_pane import render_messages

    qtbot.waitUntil(lambda: window.inbox.model.row_at(0) is not None)  # its page is loaded
    row = window.inbox.model.row_at(0)
    assert row is not None
    view = MessageView(
        7,
        Direction.INBOUND,
        "Jana",
        "<b>not bold</b>",
        NOW,
        None,
        (Attachment("a<b>.pdf", "application/pdf", 2048),),
        None,
        None,
    )
    html = render_messages(ConversationDetail(row, (view,)))
    assert (
        'href="attachment:7:0"' in html and "a&lt;b&gt;.pdf" in html and "&lt;b&gt;not bold" in html
    )
    asked: list[str] = []
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *a, **k: (asked.append("asked") or "", "")
    )
    pane = window.inbox.pane
    with qtbot.waitSignal(pane.status, timeout=2000) as blocker:
        pane._link_clicked(QUrl("https://evil.example/phish"))
    assert "not opened" in blocker.args[0]
    pane._link_clicked(QUrl("attachment:7:0"))
    assert asked == ["asked"]  # the user chooses where; cancelling saves nothing


def test_remote_images_are_blocked_until_the_user_asks(
    qtbot: QtBot, window: MainWindow, engine: Engine
) -> None:
    import http.server
    import threading

    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QUrl
    from PySide6.QtGui import QColor, QImage

    image = QImage(4, 4, QImage.Format.Format_RGB32)
    image.fill(QColor("red"))
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    png = bytes(data.data())
    requests: list[str] = []

    class Images(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            requests.append(self.path)
            self.send_response(200)
            self.send_header("Content-Type", "image/png")
            self.send_header("Content-Length", str(len(png)))
            self.end_headers()
            self.wfile.write(png)

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Images)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_address[1]}/track.png"
    try:
        mail = IncomingMessage(
            channel=Channel.EMAIL, account_key="test:email", provider_message_id="html-1",
            direction=Direction.INBOUND, counterpart_address="promo@shop.example.com",
            counterpart_name="Shop", text="Akce", sent_at=NOW, thread_key="html-1",
            html=f'<p>Akce týdne</p><img src="{url}" alt="logo"><script>alert(1)</script>',
        )  # fmt: skip
        engine.store.ingest([mail])
        panel = window.inbox
        panel.model.refresh()
        qtbot.waitUntil(lambda: panel.model.rowCount() == 4 and panel.model.row_at(0) is not None)
        panel.select_row(0)
        qtbot.waitUntil(lambda: "Akce týdne" in panel.pane.messages.toPlainText())
        pane = panel.pane
        assert "Remote images are blocked" in pane.messages.toPlainText()
        assert "alert" not in pane.messages.toHtml()
        qtbot.wait(200)
        assert requests == []  # opening the message fetched nothing
        [message] = pane._detail.messages  # type: ignore[union-attr]
        pane._link_clicked(QUrl(f"load-images:{message.id}"))
        qtbot.waitUntil(lambda: url in pane.messages.images, timeout=10000)
        assert requests == ["/track.png"]
        assert "Remote images are blocked" not in pane.messages.toPlainText()
    finally:
        server.shutdown()


def test_keyboard_shortcuts_and_their_help(qtbot: QtBot, window: MainWindow) -> None:
    from PySide6.QtCore import Qt

    qtbot.waitUntil(lambda: window._engine_started)
    window.activateWindow()
    qtbot.waitUntil(lambda: hasattr(window, "shortcuts"), timeout=5000)
    assert window.shortcuts["next"].shortcut().toString() == "Alt+Down"
    window.inbox.table.setFocus()
    qtbot.keyClick(window.inbox.table, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: window.inbox.pane.conversation_id is not None, timeout=5000)
    first = window.inbox.pane.conversation_id
    window.shortcuts["next"].trigger()
    qtbot.waitUntil(lambda: window.inbox.pane.conversation_id not in (None, first), timeout=5000)
    window.shortcuts["previous"].trigger()
    qtbot.waitUntil(lambda: window.inbox.pane.conversation_id == first, timeout=5000)
    window.shortcuts["reply"].trigger()
    assert window.inbox.pane.reply.hasFocus()
    window.shortcuts["search"].trigger()
    assert window.inbox.search_box is not None and window.inbox.search_box.hasFocus()
    dialog = window.show_shortcuts()
    text = dialog.findChild(QLabel).text()  # type: ignore[union-attr]
    for words in ("Next conversation", "Mark done", "Search every conversation", "Ctrl+D"):
        assert words in text
    dialog.close()
