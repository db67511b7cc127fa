"""The mail test servers themselves: Dovecot takes mail, the SMTP server delivers into it."""

from __future__ import annotations

import smtplib
from email.message import EmailMessage

from tests.servers import MailServer


def test_smtp_delivers_into_dovecot(mail_server: MailServer) -> None:
    msg = EmailMessage()
    msg["From"], msg["To"], msg["Subject"] = "bob@example.test", "alice@example.test", "Ahoj"
    msg["Message-ID"] = "<smoke@example.test>"
    msg.set_content("Dobrý den")
    with smtplib.SMTP("127.0.0.1", mail_server.smtp_port) as smtp:
        smtp.login("bob@example.test", "bobpw")
        smtp.send_message(msg)
    with mail_server.imap("alice@example.test") as imap:
        imap.select_folder("INBOX")
        assert len(imap.search("ALL")) == 1
        folders = [f[2] for f in imap.list_folders()]
        assert "Sent" in folders
