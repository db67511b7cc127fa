"""Replies by email: composed with correct threading headers and a Message-ID derived from the
outbox's idempotency key, sent over SMTP (smtplib), then filed in the Sent folder."""

from __future__ import annotations

import base64
import logging
import smtplib
import ssl
from collections.abc import Callable
from datetime import UTC, datetime
from email.message import EmailMessage
from email.utils import format_datetime, formataddr
from typing import Any

from gastro_hub_desktop.channels.email.problems import explain
from gastro_hub_desktop.channels.email.settings import Auth, EmailSettings, Security

log = logging.getLogger(__name__)


def reply_payload(
    settings: EmailSettings,
    key: str,
    to: str,
    subject: str | None,
    message_ids: tuple[str, ...],
    text: str,
) -> dict[str, Any]:
    """Everything needed to (re)build the exact same reply later, stored in the outbox."""
    references = [m for m in message_ids if m.startswith("<") and m.endswith(">")][-20:]
    base = (subject or "").strip()
    reply_subject = (
        base if base.lower().startswith(("re:", "aw:", "odp:")) else f"Re: {base}".strip()
    )
    domain = settings.address.rsplit("@", 1)[-1]
    return {
        "to": to,
        "subject": reply_subject if base else "Re:",
        "text": text,
        "in_reply_to": references[-1] if references else None,
        "references": references,
        "message_id": f"<gh.{key}@{domain}>",
    }


def build_message(
    settings: EmailSettings, payload: dict[str, Any], when: datetime | None = None
) -> EmailMessage:
    msg = EmailMessage()
    msg["From"] = (
        formataddr((settings.display_name, settings.address))
        if settings.display_name
        else settings.address
    )
    msg["To"] = payload["to"]
    msg["Subject"] = payload["subject"]
    msg["Date"] = format_datetime(when or datetime.now(UTC))
    msg["Message-ID"] = payload["message_id"]
    if payload.get("in_reply_to"):
        msg["In-Reply-To"] = payload["in_reply_to"]
    if payload.get("references"):
        msg["References"] = " ".join(payload["references"])
    msg.set_content(payload["text"], charset="utf-8")
    return msg


def _session(
    settings: EmailSettings, secret: str, timeout: float, use: Callable[[smtplib.SMTP], object]
) -> None:
    host, port = settings.smtp_host, settings.smtp_port
    try:
        context = ssl.create_default_context()
        if settings.smtp_security is Security.SSL:
            smtp: smtplib.SMTP = smtplib.SMTP_SSL(host, port, timeout=timeout, context=context)
        else:
            smtp = smtplib.SMTP(host, port, timeout=timeout)
        with smtp:
            smtp.ehlo()
            if settings.smtp_security is Security.STARTTLS:
                smtp.starttls(context=context)
                smtp.ehlo()
            if settings.auth is Auth.XOAUTH2:
                token = f"user={settings.login}\x01auth=Bearer {secret}\x01\x01"
                encoded = base64.b64encode(token.encode()).decode()
                code, answer = smtp.docmd("AUTH", "XOAUTH2 " + encoded)
                if code == 334:  # a refusal comes as a challenge; an empty reply ends the exchange
                    log.info("SMTP XOAUTH2 refused, the server's detail: %r", answer[:300])
                    code, answer = smtp.docmd("")
                if code != 235:
                    raise smtplib.SMTPAuthenticationError(code, answer)
            else:
                smtp.login(settings.login, secret)
            use(smtp)
    except Exception as exc:
        log.warning("SMTP session with %s failed", host, exc_info=True)
        raise explain(exc, host, port, what="SMTP") from exc


def send_smtp(
    settings: EmailSettings, secret: str, message: EmailMessage, timeout: float = 60
) -> None:
    """Hand the message to the SMTP server; raises ChannelProblem with the reason."""
    _session(settings, secret, timeout, lambda smtp: smtp.send_message(message))


def smtp_login_check(settings: EmailSettings, secret: str, timeout: float = 20) -> None:
    """Connect and log in without sending anything ("Test connection")."""
    _session(settings, secret, timeout, lambda smtp: None)
