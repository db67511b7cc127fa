"""The Social tab as a user meets it, with a Graph API stand-in acting like Meta and a real
keyring: connect a Facebook Page with its Instagram account, a Messenger and an Instagram
message arrive by signed webhook, and a reply goes back through the Send API once."""

from __future__ import annotations

import socket

from pytestqt.qtbot import QtBot
from tests.standins.meta_pages import (
    APP_SECRET,
    IG_ID,
    PAGE_ID,
    PAGE_TOKEN,
    VERIFY_TOKEN,
    MetaPagesStandIn,
)

from gastro_hub_desktop.domain.messages import ChannelTab
from gastro_hub_desktop.ui.main_window import MainWindow


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_connect_a_page_and_answer_messenger_and_instagram(
    qtbot: QtBot, keyring_window: MainWindow
) -> None:
    window = keyring_window
    meta = MetaPagesStandIn().start()
    try:
        port = free_port()
        hook = f"http://127.0.0.1:{port}/meta/page/{PAGE_ID}"
        meta.webhook_url = hook
        panel = window.channel_panel(ChannelTab.SOCIAL)
        window.tabs.setCurrentWidget(panel)
        bar = window.social_accounts
        bar.connect_buttons["meta-page:"].click()
        dialog = bar.dialog
        assert dialog is not None
        for name, value in {
            "page_id": PAGE_ID,
            "instagram_account_id": IG_ID,
            "page_token": PAGE_TOKEN,
            "app_secret": APP_SECRET,
            "verify_token": VERIFY_TOKEN,
            "webhook_port": port,
            "api_url": meta.url,
        }.items():
            dialog.set_value(name, value)
        dialog.test_button.click()
        qtbot.waitUntil(lambda: dialog.result.text().startswith("✔"), timeout=20000)
        dialog.buttons.accepted.emit()
        qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=20000)
        qtbot.waitUntil(lambda: "— connected" in bar.summary.text(), timeout=20000)
        response, challenge = meta.verify(hook, VERIFY_TOKEN)
        assert (response.status_code, response.text) == (200, challenge)

        assert meta.deliver_message(hook, "messenger", "6100001", "Máte fritézy?").status_code
        assert meta.deliver_message(hook, "instagram", "7100002", "Cena konvektomatu?")
        qtbot.waitUntil(lambda: panel.model.rowCount() == 2, timeout=20000)
        qtbot.waitUntil(lambda: panel.model.index(0, 1).data() is not None, timeout=20000)
        panel.select_row(0)
        pane = panel.pane
        qtbot.waitUntil(lambda: pane.messages.toPlainText().strip() != "", timeout=10000)
        pane.reply.setPlainText("Dobrý den, pošleme nabídku.")
        pane.send_button.click()
        qtbot.waitUntil(lambda: len(meta.sent) == 1, timeout=20000)
        qtbot.wait(500)
        assert len(meta.sent) == 1
        meta.wait_idle()
    finally:
        window._engine.stop()
        meta.stop()
