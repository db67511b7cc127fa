"""The Email tab as a user meets it: add an account with "Test connection", see it connected,
read the synced mail and send a reply that reaches the customer (real Dovecot, SMTP, keyring)."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot
from tests.integration.test_email_reply import bob_inbox
from tests.integration.test_email_sync import ALICE, mail
from tests.servers import MailServer

from gastro_hub_desktop.domain.messages import ChannelTab
from gastro_hub_desktop.ui.main_window import MainWindow


@pytest.fixture
def window(keyring_window: MainWindow) -> MainWindow:
    return keyring_window


def test_add_account_then_reply_from_the_email_tab(
    qtbot: QtBot, window: MainWindow, mail_server: MailServer
) -> None:
    mail_server.deliver(ALICE, mail(1, subject="Servis myčky", message_id="<s1@example.test>"))
    panel = window.channel_panel(ChannelTab.EMAIL)
    window.tabs.setCurrentWidget(panel)
    bar = window.email_accounts
    bar.add_button.click()
    dialog = bar.dialog
    assert dialog is not None
    dialog.provider.setCurrentIndex(dialog.provider.findData(""))
    dialog.address.setText(ALICE)
    dialog.display_name.setText("Gastro Hub Praha")
    dialog.secret.setText("wrong-password")
    dialog.imap_host.setText("127.0.0.1")
    dialog.imap_port.setValue(mail_server.imap_port)
    dialog.imap_security.setCurrentIndex(dialog.imap_security.findData("none"))
    dialog.smtp_host.setText("127.0.0.1")
    dialog.smtp_port.setValue(mail_server.smtp_port)
    dialog.smtp_security.setCurrentIndex(dialog.smtp_security.findData("none"))

    dialog.test_button.click()
    qtbot.waitUntil(lambda: dialog.result.text().startswith("✘"), timeout=20000)
    assert "login refused" in dialog.result.text()
    dialog.secret.setText("alicepw")
    dialog.test_button.click()
    qtbot.waitUntil(lambda: dialog.result.text().startswith("✔"), timeout=20000)
    assert "IMAP login OK" in dialog.result.text()
    dialog.buttons.accepted.emit()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=20000)
    qtbot.waitUntil(lambda: f"{ALICE} — connected" in bar.summary.text(), timeout=20000)

    qtbot.waitUntil(
        lambda: panel.model.rowCount() == 1 and panel.model.index(0, 1).data() is not None,
        timeout=20000,
    )
    panel.select_row(0)
    qtbot.waitUntil(lambda: "zpráva číslo 1" in panel.pane.messages.toPlainText(), timeout=10000)
    panel.pane.reply.setPlainText("Dobrý den, technik přijede zítra v 9:00.")
    panel.pane.send_button.click()
    qtbot.waitUntil(lambda: len(bob_inbox(mail_server)) == 1, timeout=30000)
    [received] = bob_inbox(mail_server)
    assert received["Subject"] == "Re: Servis myčky"
    assert received["In-Reply-To"] == "<s1@example.test>"
    assert "Gastro Hub Praha" in received["From"]
    qtbot.waitUntil(
        lambda: "technik přijede zítra" in panel.pane.messages.toPlainText(), timeout=10000
    )
