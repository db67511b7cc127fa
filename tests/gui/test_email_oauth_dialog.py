"""Adding an account with an OAuth2 refresh token from the Email tab's dialog: the fields the
choice shows, the token endpoint from the provider's preset, Test connection and Save through
the engine against the loopback authorization server and Dovecot with XOAUTH2."""

from __future__ import annotations

from pytestqt.qtbot import QtBot
from tests.integration.test_email_oauth import oauth, oauth_mail  # noqa: F401 (fixtures)
from tests.integration.test_email_sync import ALICE, mail
from tests.servers import MailServer
from tests.standins.oauth import CLIENT_ID, CLIENT_SECRET, OAuthStandIn

from gastro_hub_desktop.channels.email.settings import Auth
from gastro_hub_desktop.domain.messages import ChannelTab
from gastro_hub_desktop.ui.main_window import MainWindow


def test_refresh_token_account_from_the_dialog(
    qtbot: QtBot,
    keyring_window: MainWindow,
    oauth_mail: MailServer,  # noqa: F811
    oauth: OAuthStandIn,  # noqa: F811
) -> None:
    oauth_mail.deliver(ALICE, mail(1, subject="Catering"))
    window = keyring_window
    panel = window.channel_panel(ChannelTab.EMAIL)
    window.tabs.setCurrentWidget(panel)
    bar = window.email_accounts
    bar.add_button.click()
    dialog = bar.dialog
    assert dialog is not None

    assert not dialog.refresh_token.isVisible() and dialog.secret.isVisible()
    dialog.auth.setCurrentIndex(dialog.auth.findData(Auth.OAUTH2_REFRESH.value))
    for field in (dialog.client_id, dialog.client_secret, dialog.refresh_token):
        assert field.isVisible()
    assert not dialog.secret.isVisible()
    dialog.provider.setCurrentIndex(dialog.provider.findData("outlook"))
    assert dialog.token_endpoint.text() == (
        "https://login.microsoftonline.com/common/oauth2/v2.0/token"
    )
    dialog.provider.setCurrentIndex(dialog.provider.findData("gmail"))
    assert dialog.token_endpoint.text() == "https://oauth2.googleapis.com/token"

    dialog.provider.setCurrentIndex(dialog.provider.findData(""))
    dialog.address.setText(ALICE)
    dialog.imap_host.setText("127.0.0.1")
    dialog.imap_port.setValue(oauth_mail.imap_port)
    dialog.imap_security.setCurrentIndex(dialog.imap_security.findData("none"))
    dialog.smtp_host.setText("127.0.0.1")
    dialog.smtp_port.setValue(oauth_mail.smtp_port)
    dialog.smtp_security.setCurrentIndex(dialog.smtp_security.findData("none"))
    dialog.test_button.click()
    assert "client id" in dialog.result.text()  # asked for before anything is sent

    dialog.client_id.setText(CLIENT_ID)
    dialog.client_secret.setText(CLIENT_SECRET)
    dialog.refresh_token.setText(oauth.grant(ALICE))
    dialog.token_endpoint.setText(oauth.token_url)
    dialog.test_button.click()
    qtbot.waitUntil(lambda: dialog.result.text().startswith(("✔", "✘")), timeout=20000)
    assert dialog.result.text().startswith("✔"), dialog.result.text()
    assert "IMAP login OK" in dialog.result.text()

    dialog.buttons.accepted.emit()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=20000)
    assert not dialog.refresh_token.text() and not dialog.client_secret.text()
    qtbot.waitUntil(lambda: f"{ALICE} — connected" in bar.summary.text(), timeout=20000)
    qtbot.waitUntil(lambda: panel.model.rowCount() == 1, timeout=20000)
