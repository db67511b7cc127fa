"""Turning one raw email (RFC 5322 bytes) into a message, for IMAP sync and mbox import alike.

Every charset Czech and German mail arrives in is decoded (iso-8859-2, windows-1250, UTF-8,
encoded words); odd MIME is tolerated, and what cannot be parsed at all is kept raw.
"""

from __future__ import annotations

import email
import email.errors
import email.utils
import hashlib
import logging
import re
from collections.abc import Callable
from datetime import UTC, datetime
from email.header import decode_header, make_header
from email.message import Message
from functools import lru_cache
from html.parser import HTMLParser
from typing import Any

from gastro_hub_desktop.domain.messages import Attachment, Channel, Direction, IncomingMessage

log = logging.getLogger(__name__)
ACCOUNT = "import:email"  # where imported mail goes; a connected account has its own key
NO_SENDER = "(no sender)"
# The legacy (compat32) parser with our own header decoding: `policy.default` builds header
# objects for every lookup and made parsing ~5× slower, the bulk of an IMAP sync.


def parse_message(
    raw: bytes,
    own_addresses: set[str] | None = None,
    fallback_date: datetime | None = None,
    account_key: str = ACCOUNT,
) -> IncomingMessage:
    """Parse with fast-mail-parser (Rust `mailparse`, ~20× the standard library's speed);
    what it refuses (odd MIME, broken base64), or what it returns but cannot hand over (e.g.
    `date_parsed` raising on a year like 99999), goes through the standard library instead.

    Raises when neither can read the message (e.g. MIME nested thousands of levels deep);
    callers then keep it raw and flagged with `unreadable_message`."""
    parse_email = _fast_parser()
    if parse_email is not None:
        try:
            parsed = parse_email(raw)
            return _from_fast(parsed, raw, own_addresses or set(), fallback_date, account_key)
        except Exception:
            log.debug("fast parser refused a message; using the standard library", exc_info=True)
    return _parse_with_stdlib(raw, own_addresses, fallback_date, account_key)


@lru_cache(maxsize=1)  # imported on first use, not at start-up; then only looked up
def _fast_parser() -> Callable[[bytes], Any] | None:
    try:
        from fast_mail_parser import parse_email
    except ImportError:  # pragma: no cover - a dependency, but keep mail flowing without it
        return None
    return parse_email


AUTOMATED_SENDERS = re.compile(
    r"^(no-?reply|do-?not-?reply|mailer-daemon|postmaster|newsletter|news|notifications?|"
    r"notifikace|bounce[s]?|marketing|info-?noreply)([+.\-_].*)?@",
    re.IGNORECASE,
)


def is_automated(header: Callable[[str], str], from_addr: str) -> bool:
    """Newsletters, notifications and auto-replies, from the headers they carry (RFC 2369
    List-*, RFC 3834 Auto-Submitted, Precedence) or a no-reply sender."""
    if header("list-unsubscribe") or header("list-id"):
        return True
    if header("auto-submitted").lower() not in ("", "no"):
        return True
    if header("precedence").lower() in ("bulk", "list", "junk", "auto_reply"):
        return True
    if header("x-autoreply") or header("x-autorespond"):
        return True
    return bool(AUTOMATED_SENDERS.match(from_addr))


def _from_fast(
    parsed: Any, raw: bytes, own: set[str], fallback_date: datetime | None, account_key: str
) -> IncomingMessage:
    headers = {k.lower(): v for k, v in parsed.headers.items()}

    def header(name: str) -> str:  # unfolded on demand: most headers are never asked for
        values = headers.get(name)
        return " ".join(values[0].split()) if values else ""

    sender = parsed.from_
    text = "\n".join(parsed.text_plain).strip()
    html = "\n".join(parsed.text_html) or None
    sent_at = parsed.date_parsed
    if sent_at is not None and sent_at.tzinfo is None:
        sent_at = sent_at.replace(tzinfo=UTC)
    return _message(
        raw=raw,
        own=own,
        account_key=account_key,
        header=header,
        sender=((sender.display_name or "", sender.address or "") if sender else ("", "")),
        recipients=[(t.display_name or "", t.address or "") for t in parsed.to],
        text=text,
        html=html,
        attachments=[
            Attachment(
                a.filename or "attachment", a.mimetype or "application/octet-stream", len(a.content)
            )
            for a in parsed.attachments
        ],
        sent_at=sent_at or fallback_date,
        subject=" ".join((parsed.subject or "").split()) or None,
    )


def _parse_with_stdlib(
    raw: bytes,
    own_addresses: set[str] | None,
    fallback_date: datetime | None,
    account_key: str,
) -> IncomingMessage:
    msg = email.message_from_bytes(raw)
    text, html, attachments = _body(msg)
    return _message(
        raw=raw,
        own=own_addresses or set(),
        account_key=account_key,
        header=lambda name: _raw_header(msg, name),
        sender=_address(msg, "From"),
        recipients=[
            (_decoded(n), a) for n, a in email.utils.getaddresses([_raw_header(msg, "To")])
        ],
        text=text,
        html=html,
        attachments=attachments,
        sent_at=_date(msg) or fallback_date,
        subject=_header(msg, "Subject") or None,
    )


def _message(
    *,
    raw: bytes,
    own: set[str],
    account_key: str,
    header: Callable[[str], str],
    sender: tuple[str, str],
    recipients: list[tuple[str, str]],
    text: str,
    html: str | None,
    attachments: list[Attachment],
    sent_at: datetime | None,
    subject: str | None,
) -> IncomingMessage:
    """One message from what either parser found (`header` reads raw headers by name)."""
    message_id = header("message-id").strip()
    provider_id = message_id or "sha256:" + hashlib.sha256(raw).hexdigest()
    from_name, from_addr = sender
    outbound = from_addr.lower() in own
    counterpart_name, counterpart_addr = recipients[0] if outbound and recipients else sender
    if not counterpart_addr:  # no usable From: fall back to other sender headers, keep the mail
        for name in ("sender", "reply-to", "return-path"):
            display, counterpart_addr = email.utils.parseaddr(header(name))
            counterpart_name = _decoded(display)
            if counterpart_addr:
                break
        else:
            counterpart_name, counterpart_addr = NO_SENDER, NO_SENDER
    if not text and html:
        text = html_to_text(html)
    references = header("references").split()
    in_reply_to = header("in-reply-to").split()
    return IncomingMessage(
        channel=Channel.EMAIL,
        account_key=account_key,
        provider_message_id=provider_id,
        direction=Direction.OUTBOUND if outbound else Direction.INBOUND,
        counterpart_address=counterpart_addr.lower(),
        counterpart_name=counterpart_name or counterpart_addr,
        author_name=from_name or from_addr or counterpart_name,
        text=text,
        html=html,
        sent_at=sent_at or datetime.now(UTC),
        thread_key=(references or in_reply_to or [provider_id])[0],
        replies_to=tuple(dict.fromkeys(references + in_reply_to)),
        subject=subject,
        attachments=tuple(attachments),
        automated=not outbound and is_automated(header, from_addr),
    )


def _raw_header(msg: Message, name: str) -> str:
    """A header as sent (encoded words left as they are), unfolded."""
    value = msg.get(name)
    return " ".join(str(value or "").split())


def _decoded(value: str) -> str:
    """Encoded words (=?iso-8859-2?Q?...?=) decoded; undecodable parts kept as sent."""
    if "=?" not in value:
        return value
    try:
        return str(make_header(decode_header(value)))
    except (LookupError, UnicodeDecodeError, ValueError, email.errors.HeaderParseError):
        return value


def _header(msg: Message, name: str) -> str:
    return _decoded(_raw_header(msg, name))


def _address(msg: Message, name: str) -> tuple[str, str]:
    display, address = email.utils.parseaddr(_raw_header(msg, name))
    return _decoded(display), address


def _date(msg: Message) -> datetime | None:
    try:
        parsed = email.utils.parsedate_to_datetime(_raw_header(msg, "Date"))
    except (TypeError, ValueError, IndexError):
        return None
    if parsed is None:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def _decode(part: Message) -> str:
    payload = part.get_payload(decode=True)
    if not isinstance(payload, bytes):
        return str(part.get_payload() or "")
    charset = part.get_content_charset() or "utf-8"
    for candidate in (charset, "utf-8", "windows-1250"):
        try:
            return payload.decode(candidate)
        except (LookupError, UnicodeDecodeError):
            continue
    return payload.decode("utf-8", errors="replace")


def _body(msg: Message) -> tuple[str, str | None, list[Attachment]]:
    plain: list[str] = []
    html: list[str] = []
    attachments: list[Attachment] = []
    for part in msg.walk() if msg.is_multipart() else [msg]:
        if part.is_multipart():
            continue
        disposition = (part.get_content_disposition() or "").lower()
        filename = part.get_filename()
        if filename:
            filename = _decoded(filename)
        ctype = part.get_content_type()
        if disposition == "attachment" or (filename and disposition != "inline"):
            data = part.get_payload(decode=True)
            size = len(data) if isinstance(data, bytes) else 0
            attachments.append(Attachment(filename or "attachment", ctype, size))
        elif ctype == "text/plain":
            plain.append(_decode(part))
        elif ctype == "text/html":
            html.append(_decode(part))
    html_text = "\n".join(html) or None
    text = "\n".join(plain).strip()
    if not text and html_text:
        text = html_to_text(html_text)
    return text, html_text, attachments


class _TextExtractor(HTMLParser):
    BLOCKS = {"p", "div", "br", "tr", "li", "h1", "h2", "h3", "h4", "table"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style", "head"):
            self._skip += 1
        elif tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style", "head") and self._skip:
            self._skip -= 1

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


def html_to_text(html: str) -> str:
    extractor = _TextExtractor()
    extractor.feed(html)
    extractor.close()
    lines = (" ".join(line.split()) for line in "".join(extractor.parts).splitlines())
    return "\n".join(line for line in lines if line)


def unreadable_message(
    raw: bytes, reason: str, account_key: str, when: datetime
) -> IncomingMessage:
    """A message the parser could not read: kept raw and flagged, never dropped."""
    digest = hashlib.sha256(raw).hexdigest()
    return IncomingMessage(
        channel=Channel.EMAIL,
        account_key=account_key,
        provider_message_id="sha256:" + digest,
        direction=Direction.INBOUND,
        counterpart_address=NO_SENDER,
        counterpart_name=NO_SENDER,
        text=raw.decode("utf-8", errors="replace"),
        sent_at=when,
        thread_key="unreadable:" + digest,
        subject="(message could not be read)",
        problem=reason[:500],
    )
