"""The WhatsApp tab as a user meets it, against a Twilio stand-in driven through the real
`twilio` SDK and a real keyring: connect with a wrong and then the right Auth Token, a customer
writes (a signed webhook to the built-in receiver), the conversation shows the 24-hour window,
the reply goes out and its ticks move to "read"; once the window has closed only a template
can be sent."""

from __future__ import annotations

import socket

from pytestqt.qtbot import QtBot
from tests.standins.twilio import ACCOUNT_SID, AUTH_TOKEN, NUMBER, TwilioStandIn

from gastro_hub_desktop.domain.messages import ChannelTab
from gastro_hub_desktop.ui.main_window import MainWindow

CUSTOMER = "+420777123456"
TEMPLATE = "HX" + "a1" * 16  # approved in the stand-in: two variables


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_connect_twilio_receive_reply_and_template(
    qtbot: QtBot, keyring_window: MainWindow
) -> None:
    window = keyring_window
    twilio = TwilioStandIn().start()
    try:
        port = free_port()
        panel = window.channel_panel(ChannelTab.WHATSAPP)
        window.tabs.setCurrentWidget(panel)
        bar = window.whatsapp_accounts
        bar.connect_button.click()
        dialog = bar.dialog
        assert dialog is not None
        dialog.number.setText("+420 601 000 111")
        dialog.account_sid.setText(ACCOUNT_SID)
        dialog.auth_token.setText("not-the-token")
        dialog.api_url.setText(twilio.url)
        dialog.webhook_port.setValue(port)
        dialog.public_url.setText(f"http://127.0.0.1:{port}")  # the stand-in posts here
        dialog.templates.setPlainText(f"{TEMPLATE} | cs | 2 | Objednávka připravena")
        assert "/whatsapp/twilio/420601000111" in dialog.webhook_hint.text()

        dialog.test_button.click()
        qtbot.waitUntil(lambda: dialog.result.text().startswith("✘"), timeout=20000)
        assert "20003" in dialog.result.text() or "Auth Token" in dialog.result.text()
        dialog.auth_token.setText(AUTH_TOKEN)
        dialog.test_button.click()
        qtbot.waitUntil(lambda: dialog.result.text().startswith("✔"), timeout=20000)
        assert "Gastro Praha" in dialog.result.text()
        dialog.buttons.accepted.emit()
        qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=20000)
        qtbot.waitUntil(
            lambda: f"WhatsApp {NUMBER} — connected" in bar.summary.text(), timeout=20000
        )

        hook = f"http://127.0.0.1:{port}/whatsapp/twilio/420601000111"
        answer = twilio.deliver(hook, CUSTOMER, "Fritéza nejde zapnout!", profile_name="Bistro")
        assert answer.status == 200
        qtbot.waitUntil(lambda: panel.model.rowCount() == 1, timeout=20000)
        qtbot.waitUntil(lambda: panel.model.index(0, 1).data() is not None, timeout=20000)
        panel.select_row(0)
        pane = panel.pane
        qtbot.waitUntil(lambda: "Fritéza" in pane.messages.toPlainText(), timeout=10000)
        assert pane.window_label.isVisible()
        assert "Free reply possible" in pane.window_label.text()
        assert pane.send_button.isEnabled() and pane.template_button.isVisible()

        pane.reply.setPlainText("Dobrý den, technik je na cestě.")
        pane.send_button.click()
        qtbot.waitUntil(lambda: twilio.count("POST", "Messages.json") == 1, timeout=20000)
        qtbot.waitUntil(lambda: "✓✓ read" in pane.messages.toPlainText(), timeout=20000)

        # a day and a half later: free text is not allowed any more, a template is
        engine = window._engine
        with engine.store.engine.begin() as conn:
            conn.exec_driver_sql(
                "UPDATE messages SET sent_at = datetime(sent_at, '-36 hours') "
                "WHERE direction = 'inbound'"
            )
        pane.reload()
        qtbot.waitUntil(lambda: "approved template" in pane.window_label.text(), timeout=10000)
        assert not pane.send_button.isEnabled()
        pane.template_button.click()
        chooser = pane.template_dialog
        assert chooser is not None
        qtbot.waitUntil(lambda: chooser.buttons.isEnabled(), timeout=10000)
        assert len(chooser.values) == 2
        chooser.values[0].setText("Bistro")
        chooser.values[1].setText("42")
        chooser.buttons.accepted.emit()
        qtbot.waitUntil(lambda: twilio.count("POST", "Messages.json") == 2, timeout=20000)
        [*_, sent] = sorted(twilio.messages.values(), key=lambda m: m.created)
        assert sent.content_sid == TEMPLATE
    finally:
        window._engine.stop()
        twilio.stop()
