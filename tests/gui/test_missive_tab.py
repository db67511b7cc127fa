"""Missive from the Email tab as a user meets it: a wrong token is refused in plain words, the
right one connects, the bar shows the account's measured health, the synced conversation opens
and a reply goes to Missive as a draft (loopback stand-in, real keyring)."""

from __future__ import annotations

import time

import pytest
from pytestqt.qtbot import QtBot
from tests.standins.missive import TOKEN, MissiveStandIn

from gastro_hub_desktop.domain.messages import ChannelTab
from gastro_hub_desktop.ui.main_window import MainWindow


@pytest.fixture
def window(keyring_window: MainWindow) -> MainWindow:
    return keyring_window


def test_connect_missive_and_reply_as_a_draft(
    qtbot: QtBot, window: MainWindow, missive: MissiveStandIn
) -> None:
    missive.add_message(
        "conv-7",
        ("Hotel Vltava", "nakup@vltava.example.cz"),
        "Potřebujeme nový konvektomat.",
        int(time.time()) - 60,
        subject="Konvektomat",
    )
    panel = window.channel_panel(ChannelTab.EMAIL)
    window.tabs.setCurrentWidget(panel)
    bar = window.email_accounts
    bar.add_missive_button.click()
    dialog = bar.missive_dialog
    assert dialog is not None
    dialog.api_url.setText(missive.url)
    dialog.own_addresses.setText("info@gastro.example")

    dialog.buttons.accepted.emit()  # nothing typed yet: said, not sent anywhere
    assert "Enter the Missive API token" in dialog.result.text()
    assert not missive.requests
    dialog.token.setText("not-the-token")
    dialog.test_button.click()
    qtbot.waitUntil(lambda: dialog.result.text().startswith("✘"), timeout=20000)
    assert "token" in dialog.result.text().lower()
    dialog.token.setText(TOKEN)
    dialog.test_button.click()
    qtbot.waitUntil(lambda: dialog.result.text().startswith("✔"), timeout=20000)
    assert "signed in as Jana Nováková" in dialog.result.text()
    dialog.buttons.accepted.emit()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=20000)
    qtbot.waitUntil(
        lambda: "Missive jana@gastro.example — connected" in bar.summary.text(), timeout=20000
    )

    qtbot.waitUntil(lambda: panel.model.rowCount() == 1, timeout=20000)
    qtbot.waitUntil(lambda: panel.model.index(0, 1).data() is not None, timeout=20000)
    panel.select_row(0)
    qtbot.waitUntil(lambda: "nový konvektomat" in panel.pane.messages.toPlainText(), timeout=10000)
    panel.pane.reply.setPlainText("Dobrý den, pošleme nabídku.")
    panel.pane.send_button.click()
    qtbot.waitUntil(lambda: len(missive.drafts_posted) == 1, timeout=30000)
    assert missive.drafts_posted[0]["conversation"] == "conv-7"
    qtbot.waitUntil(
        lambda: "draft in Missive" in window.statusBar().currentMessage(), timeout=10000
    )
