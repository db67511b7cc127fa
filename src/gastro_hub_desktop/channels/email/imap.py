"""Reading an IMAP mailbox (IMAPClient): INBOX and Sent, new mail by UID in batches, a resync
when UIDVALIDITY changes, and waiting for new mail with IDLE where the server offers it.

The caller stores each batch and only then records the position, so a crash at any point
re-reads at most one batch, and the store's dedupe (Message-ID) keeps every message once."""

from __future__ import annotations

import itertools
import logging
import re
import ssl
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, timezone
from functools import lru_cache
from typing import Any

from gastro_hub_desktop.channels.email.parse import parse_message, unreadable_message
from gastro_hub_desktop.channels.email.problems import explain
from gastro_hub_desktop.channels.email.settings import Auth, EmailSettings, Security
from gastro_hub_desktop.domain.messages import IncomingMessage

log = logging.getLogger(__name__)
BATCH = 500
SENT_NAMES = ("Sent", "Sent Items", "Sent Messages", "[Gmail]/Sent Mail", "INBOX.Sent",
              "Odeslaná pošta", "Gesendete Elemente", "Gesendet")  # fmt: skip


@dataclass
class FolderBatch:
    folder: str
    validity: int
    last_uid: int  # the position to record once these messages are stored
    messages: list[IncomingMessage]


@dataclass
class RawBatch:
    """A batch as fetched, before parsing: (UID, raw message, INTERNALDATE) in UID order."""

    folder: str
    validity: int
    last_uid: int
    fetched: list[tuple[int, bytes, datetime | None]]

    @property
    def size(self) -> int:
        """Bytes of raw mail in the batch."""
        return sum(len(raw) for _uid, raw, _received in self.fetched)


class ImapMailbox:
    """One connection to one account. Not thread-safe: one worker thread uses it."""

    def __init__(self, settings: EmailSettings, secret: str, timeout: float = 30) -> None:
        self.settings = settings
        self._secret = secret
        self._timeout = timeout
        self._client: Any = None
        self._sent: str | None = settings.sent_folder
        self._tags = itertools.count(1)  # our own command tags (see _fetch)

    # ------------------------------------------------------------ connection

    def connect(self) -> None:
        from imapclient import IMAPClient

        s = self.settings
        client = None
        try:
            # loading the CA certificates takes ~20 ms: only for a connection that uses them
            plain = s.imap_security is Security.NONE
            context = None if plain else ssl.create_default_context()
            client = IMAPClient(
                s.imap_host,
                port=s.imap_port,
                ssl=s.imap_security is Security.SSL,
                ssl_context=context if s.imap_security is Security.SSL else None,
                timeout=self._timeout,
            )
            client.normalise_times = False  # aware datetimes, not local naive ones
            if s.imap_security is Security.STARTTLS:
                client.starttls(context)
            if s.auth is Auth.XOAUTH2:
                client.oauth2_login(s.login, self._secret)
            else:
                client.login(s.login, self._secret)
        except Exception as exc:
            log.warning("IMAP connect to %s failed", s.imap_host, exc_info=True)
            if client is not None:
                try:
                    client.shutdown()
                except Exception:
                    log.debug("closing the refused connection failed", exc_info=True)
            raise explain(exc, s.imap_host, s.imap_port) from exc
        self._client = client

    @property
    def connected(self) -> bool:
        return self._client is not None

    def close(self) -> None:
        client, self._client = self._client, None
        if client is not None:
            try:
                client.logout()
            except Exception:
                log.debug("IMAP logout failed", exc_info=True)

    def _call(self, fn: Any, *args: Any, **kwargs: Any) -> Any:
        """Run an IMAP command; a failure drops the connection and is explained."""
        try:
            return fn(*args, **kwargs)
        except Exception as exc:
            self.close()
            raise explain(exc, self.settings.imap_host, self.settings.imap_port) from exc

    # ------------------------------------------------------------ folders

    def sent_folder(self) -> str | None:
        if self._sent is None:
            from imapclient.imapclient import SENT

            found = self._call(self._client.find_special_folder, SENT)
            if found is None:
                names = {f[2] for f in self._call(self._client.list_folders)}
                found = next((n for n in SENT_NAMES if n in names), None)
            self._sent = found
        return self._sent

    def folders(self) -> list[str]:
        sent = self.sent_folder()
        return ["INBOX", sent] if sent else ["INBOX"]

    # ------------------------------------------------------------ reading

    def new_messages(
        self, positions: dict[str, tuple[int, int]], since: date
    ) -> Iterator[FolderBatch]:
        """Batches of messages after each folder's recorded position.

        No position, or a changed UIDVALIDITY: everything since `since` is read again (the
        store keeps each message once by Message-ID)."""
        for raw in self.fetch_new(positions, since):
            yield self.parse_batch(raw)

    def fetch_new(self, positions: dict[str, tuple[int, int]], since: date) -> Iterator[RawBatch]:
        """What `new_messages` reads, unparsed: only the server work, so a caller can parse
        and store one batch (`parse_batch`) while the next one is being fetched."""
        for folder in self.folders():
            yield from self._folder(folder, positions.get(folder), since)

    def _folder(
        self, folder: str, position: tuple[int, int] | None, since: date
    ) -> Iterator[RawBatch]:
        info = self._call(self._client.select_folder, folder, readonly=True)
        validity = int(info[b"UIDVALIDITY"])
        if position is None or position[0] != validity:
            if position is not None:
                log.info(
                    "%s: UIDVALIDITY changed %s → %s, resyncing", folder, position[0], validity
                )
            uids = self._call(self._client.search, ["SINCE", since])
            last = 0
        else:
            last = position[1]
            uids = [
                u for u in self._call(self._client.search, ["UID", f"{last + 1}:*"]) if u > last
            ]
        uids = sorted(uids)
        for start in range(0, len(uids), BATCH):
            chunk = uids[start : start + BATCH]
            fetched = self._call(self._fetch, chunk)
            # a UID missing from the answer was expunged meanwhile
            found = [(uid, *fetched[uid]) for uid in chunk if uid in fetched]
            yield RawBatch(folder, validity, chunk[-1], found)
        if not uids and position is None:
            # an empty folder: remember its UIDVALIDITY so the next sync is incremental
            yield RawBatch(folder, validity, 0, [])

    def parse_batch(self, batch: RawBatch) -> FolderBatch:
        """Parse a fetched batch (no server work: safe to run beside the next fetch)."""
        own = {self.settings.address.lower()}
        key = self.settings.account_key
        messages = []
        for uid, raw, received in batch.fetched:
            try:
                messages.append(parse_message(raw, own, received, account_key=key))
            except Exception as exc:  # kept raw and flagged, never dropped
                log.warning("%s UID %s unreadable", batch.folder, uid, exc_info=True)
                messages.append(
                    unreadable_message(
                        raw, f"{type(exc).__name__}: {exc}", key, received or datetime.now(UTC)
                    )
                )
        return FolderBatch(batch.folder, batch.validity, batch.last_uid, messages)

    def _fetch(self, uids: list[int]) -> dict[int, tuple[bytes, datetime | None]]:
        """Raw messages by UID, read straight off imaplib's connection underneath IMAPClient.

        IMAPClient's pure-Python response parser cost more than parsing the mail, and imaplib's
        own reader (with the protocol trace IMAPClient turns on) about as much again: this
        reads each response as a line, its literal and the rest of the line. A message whose
        body is not sent as a literal (or a response not understood) is fetched again through
        IMAPClient; a UID with no answer at all was expunged meanwhile."""
        imap = getattr(self._client, "_imap", None)
        if imap is None:  # pragma: no cover - an IMAPClient without its imaplib connection
            return self._fetch_with_imapclient(uids)
        tag = b"GHF%d" % next(self._tags)
        imap.send(b"%s UID FETCH %s (UID INTERNALDATE BODY.PEEK[])\r\n"
                  % (tag, ",".join(map(str, uids)).encode()))  # fmt: skip
        out: dict[int, tuple[bytes, datetime | None]] = {}
        while True:
            line = _line(imap)
            if line.startswith(tag + b" "):
                if line[len(tag) + 1 :].split(b" ", 1)[0].upper() != b"OK":
                    raise OSError(f"FETCH failed: {line[:300]!r}")
                break
            # one response: text with literals ({size} at a line's end) in between
            texts, body = [], None
            while (literal := _LITERAL.search(line)) is not None:
                data = imap.read(int(literal.group(1)))
                before = line[: literal.start()]
                if body is None and _BODY.search(before):
                    body = data
                texts.append(before)
                line = _line(imap)
            texts.append(line)
            head = b"".join(texts).decode("ascii", "replace")
            if head.startswith("* BYE"):
                raise OSError(f"the server closed the connection: {head[:300]}")
            uid = _UID.search(head)
            if body is not None and uid is not None and " FETCH " in head:
                out[int(uid.group(1))] = (body, _internaldate(head))
            # anything else (EXISTS, flag changes, ...) is not what was asked for
        missing = [uid for uid in uids if uid not in out]
        if missing:
            out.update(self._fetch_with_imapclient(missing))
        return out

    def _fetch_with_imapclient(self, uids: list[int]) -> dict[int, tuple[bytes, datetime | None]]:
        fetched = self._client.fetch(uids, ["BODY.PEEK[]", "INTERNALDATE"])
        return {
            uid: (data.get(b"BODY[]") or b"", _aware(data.get(b"INTERNALDATE")))
            for uid, data in fetched.items()
        }

    # ------------------------------------------------------------ the Sent folder

    def has_message(self, folder: str, message_id: str) -> bool:
        """Whether `folder` holds a message with this Message-ID (checked on the server)."""
        self._call(self._client.select_folder, folder, readonly=True)
        found = self._call(self._client.search, ["HEADER", "Message-ID", message_id])
        return bool(found)

    def raw_message(self, message_id: str) -> bytes | None:
        """The message as stored on the server (INBOX, then Sent), found by its Message-ID."""
        for folder in self.folders():
            self._call(self._client.select_folder, folder, readonly=True)
            uids = self._call(self._client.search, ["HEADER", "Message-ID", message_id])
            if uids:
                fetched = self._call(self._fetch, [max(uids)])
                if fetched:
                    return next(iter(fetched.values()))[0]
        return None

    def file_copy(self, folder: str, raw: bytes, when: datetime) -> None:
        from imapclient import SEEN

        self._call(self._client.append, folder, raw, flags=(SEEN,), msg_time=when)

    # ------------------------------------------------------------ waiting

    def supports_idle(self) -> bool:
        return b"IDLE" in self._call(self._client.capabilities)

    def wait_for_mail(self, seconds: float, stop: threading.Event) -> bool:
        """Wait up to `seconds` for new mail in INBOX (IDLE); True when something arrived."""
        if not self.supports_idle():
            stop.wait(seconds)
            return False
        self._call(self._client.select_folder, "INBOX", readonly=True)
        self._call(self._client.idle)
        arrived = False
        try:
            waited = 0.0
            while waited < seconds and not stop.is_set() and not arrived:
                responses = self._call(self._client.idle_check, timeout=1)
                arrived = any(r[1] in (b"EXISTS", b"RECENT") for r in responses if len(r) > 1)
                waited += 1
        finally:
            if self._client is not None:
                self._call(self._client.idle_done)
        return arrived


_UID = re.compile(r"UID (\d+)")
_LITERAL = re.compile(rb"\{(\d+)\}\r\n\Z")
_BODY = re.compile(rb"BODY\[\](<\d+>)? ?\Z", re.IGNORECASE)


def _line(imap: Any) -> bytes:
    line: bytes = imap.readline()
    if not line:
        raise OSError("the server closed the connection")
    return line


_INTERNALDATE = re.compile(r'INTERNALDATE "([^"]+)"')
# RFC 3501 date-time, e.g. " 4-Nov-2026 10:00:00 +0100"; read by hand (strptime cost ~10 µs
# a message), anything else goes to strptime
_DATE_TIME = re.compile(
    r"\s*(\d{1,2})-([A-Za-z]{3})-(\d{4}) (\d\d):(\d\d):(\d\d) ([+-])(\d\d)(\d\d)$"
)
_MONTHS = {
    m: n
    for n, m in enumerate(
        ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1
    )
}


@lru_cache(maxsize=64)
def _zone(sign: str, hours: str, minutes: str) -> timezone:
    offset = timedelta(hours=int(hours), minutes=int(minutes))
    return timezone(-offset if sign == "-" else offset)


def _internaldate(head: str) -> datetime | None:
    found = _INTERNALDATE.search(head)
    if found is None:
        return None
    text = found.group(1)
    parts = _DATE_TIME.match(text)
    if parts is not None and (month := _MONTHS.get(parts[2].lower())):
        try:
            return datetime(
                int(parts[3]), month, int(parts[1]), int(parts[4]), int(parts[5]), int(parts[6]),
                tzinfo=_zone(parts[7], parts[8], parts[9]),
            )  # fmt: skip
        except ValueError:
            return None
    try:
        return datetime.strptime(text.strip(), "%d-%b-%Y %H:%M:%S %z")
    except ValueError:
        return None


def _aware(value: Any) -> datetime | None:
    if not isinstance(value, datetime):
        return None
    return value if value.tzinfo else value.replace(tzinfo=UTC)
