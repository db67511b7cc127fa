"""The Chats tab as a user meets it, with a Beeper Desktop stand-in that follows the official
SDK's types and a real keyring: a wrong token is refused in plain words, the right one connects,
the bar shows the connection's measured state, a Telegram chat bridged by Beeper appears with
its network, and a reply goes back through Beeper once."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from pytestqt.qtbot import QtBot
from tests.matrix_server import MatrixServer
from tests.standins.beeper import TOKEN, BeeperStandIn

from gastro_hub_desktop.domain.messages import ChannelTab
from gastro_hub_desktop.ui.main_window import MainWindow


@pytest.fixture
def beeper() -> Iterator[BeeperStandIn]:
    standin = BeeperStandIn()
    standin.start()
    standin.add_account("telegram", "Telegram", "telegram")
    standin.add_chat("!tg:beeper.local", "telegram", "Telegram", "Pavel Novák",
                     ("@pavel:beeper.local", "Pavel Novák", None))  # fmt: skip
    yield standin
    standin.stop()


def test_connect_beeper_and_reply_through_it(
    qtbot: QtBot, keyring_window: MainWindow, beeper: BeeperStandIn
) -> None:
    window = keyring_window
    beeper.add_message(
        "!tg:beeper.local",
        "Dobrý den, kdy přijede technik?",
        datetime.now(UTC),
        sender=("@pavel:beeper.local", "Pavel Novák"),
    )
    panel = window.channel_panel(ChannelTab.CHATS)
    window.tabs.setCurrentWidget(panel)
    bar = window.chat_accounts
    bar.connect_buttons["beeper:"].click()
    dialog = bar.dialog
    assert dialog is not None
    dialog.set_value("base_url", beeper.url)
    dialog.buttons.accepted.emit()  # no token yet: said, nothing sent
    assert "access token" in dialog.result.text().lower()
    assert not beeper.requests
    dialog.set_value("token", "wrong-token")
    dialog.test_button.click()
    qtbot.waitUntil(lambda: dialog.result.text().startswith("✘"), timeout=20000)
    dialog.set_value("token", TOKEN)
    dialog.test_button.click()
    qtbot.waitUntil(lambda: dialog.result.text().startswith("✔"), timeout=20000)
    assert "Telegram" in dialog.result.text()
    dialog.buttons.accepted.emit()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=20000)
    qtbot.waitUntil(lambda: "— connected" in bar.summary.text(), timeout=20000)

    qtbot.waitUntil(lambda: panel.model.rowCount() == 1, timeout=20000)
    qtbot.waitUntil(lambda: panel.model.index(0, 1).data() is not None, timeout=20000)
    panel.select_row(0)
    pane = panel.pane
    qtbot.waitUntil(lambda: "kdy přijede" in pane.messages.toPlainText(), timeout=10000)
    assert "Telegram" in pane.header.text()
    pane.reply.setPlainText("Zítra v 9:00.")
    pane.send_button.click()
    qtbot.waitUntil(lambda: len(beeper.sent) == 1, timeout=20000)
    qtbot.wait(500)
    assert len(beeper.sent) == 1


def test_connect_a_telegram_bot_and_reply(qtbot: QtBot, keyring_window: MainWindow) -> None:
    from tests.standins.telegram import TOKEN as BOT_TOKEN
    from tests.standins.telegram import TelegramStandIn, private_chat, user

    telegram = TelegramStandIn().start()
    try:
        window = keyring_window
        panel = window.channel_panel(ChannelTab.CHATS)
        window.tabs.setCurrentWidget(panel)
        bar = window.chat_accounts
        bar.connect_buttons["telegram:"].click()
        dialog = bar.dialog
        assert dialog is not None
        dialog.set_value("api_url", telegram.url)
        dialog.set_value("token", BOT_TOKEN)
        dialog.set_value("mode", "webhook")
        dialog.test_button.click()  # webhook without a public address: said before any request
        assert "public https address" in dialog.result.text()
        dialog.set_value("mode", "polling")
        dialog.test_button.click()
        qtbot.waitUntil(lambda: dialog.result.text().startswith("✔"), timeout=20000)
        dialog.buttons.accepted.emit()
        qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=20000)
        qtbot.waitUntil(lambda: "Telegram" in bar.summary.text(), timeout=20000)
        qtbot.waitUntil(lambda: "— connected" in bar.summary.text(), timeout=20000)

        petra = private_chat(user(5551234, "Petra", "Dvořáková", "petra_bistro"))
        telegram.send(petra, "Máte skladem nádoby GN 1/1?")
        qtbot.waitUntil(lambda: panel.model.rowCount() == 1, timeout=20000)
        qtbot.waitUntil(lambda: panel.model.index(0, 1).data() is not None, timeout=20000)
        panel.select_row(0)
        pane = panel.pane
        qtbot.waitUntil(lambda: "GN 1/1" in pane.messages.toPlainText(), timeout=10000)
        pane.reply.setPlainText("Ano, 40 kusů.")
        pane.send_button.click()
        qtbot.waitUntil(lambda: len(telegram.calls("sendMessage")) == 1, timeout=20000)
    finally:
        window._engine.stop()
        telegram.stop()


def test_connect_matrix_and_reply_in_a_room(
    qtbot: QtBot, keyring_window: MainWindow, matrix_server: MatrixServer
) -> None:
    """A real Synapse on loopback: a wrong password is refused in plain words; the right one
    connects; a customer's room message appears and the reply reaches the customer."""
    window = keyring_window
    shop, customer = matrix_server.register(), matrix_server.register()
    panel = window.channel_panel(ChannelTab.CHATS)
    window.tabs.setCurrentWidget(panel)
    bar = window.chat_accounts
    bar.connect_buttons["matrix:"].click()
    dialog = bar.dialog
    assert dialog is not None
    dialog.set_value("user_id", "jana at example")
    dialog.set_value("password", "not-the-password")
    dialog.test_button.click()
    assert "@jana:example.org" in dialog.result.text()  # said before any request
    dialog.set_value("user_id", shop.user_id)
    dialog.set_value("homeserver", matrix_server.url)
    dialog.test_button.click()
    qtbot.waitUntil(lambda: dialog.result.text().startswith("✘"), timeout=30000)
    assert "password" in dialog.result.text().lower()
    dialog.set_value("password", shop.password)
    dialog.buttons.accepted.emit()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=30000)
    qtbot.waitUntil(lambda: "Matrix" in bar.summary.text(), timeout=20000)
    qtbot.waitUntil(lambda: "— connected" in bar.summary.text(), timeout=30000)

    room = matrix_server.create_room(customer, invite=[shop.user_id], direct=True)
    matrix_server.send(customer, room, "Dobrý den, potřebujeme servis myčky.")
    qtbot.waitUntil(lambda: panel.model.rowCount() == 1, timeout=30000)
    qtbot.waitUntil(lambda: panel.model.index(0, 1).data() is not None, timeout=20000)
    panel.select_row(0)
    pane = panel.pane
    qtbot.waitUntil(lambda: "servis myčky" in pane.messages.toPlainText(), timeout=10000)
    pane.reply.setPlainText("Technik přijede ve čtvrtek.")
    pane.send_button.click()

    def received() -> list[str]:
        return [e["content"].get("body", "") for e in matrix_server.messages(customer, room)]

    qtbot.waitUntil(lambda: "Technik přijede ve čtvrtek." in received(), timeout=30000)
    assert received().count("Technik přijede ve čtvrtek.") == 1
