"""Reading an mbox mailbox (Thunderbird, Gmail Takeout, `mbox` exports) into messages.

A message no parser can read is kept as received and flagged (like IMAP sync does), and
reported; one bad message never stops the whole file.
"""

from __future__ import annotations

import logging
import mailbox
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

from gastro_hub_desktop.channels.email.parse import ACCOUNT, parse_message, unreadable_message
from gastro_hub_desktop.domain.messages import IncomingMessage

log = logging.getLogger(__name__)


def looks_like_mbox(head: bytes) -> bool:
    """An mbox starts with a "From " separator line followed by mail headers."""
    if not head.startswith(b"From "):
        return False
    lines = head.split(b"\n", 6)[1:6]
    return any(b":" in line.split(b" ", 1)[0] for line in lines if line.strip())


def count_messages(path: Path) -> int:
    with path.open("rb") as f:
        return sum(1 for line in f if line.startswith(b"From "))


def read_mbox(
    path: Path, own_addresses: set[str] | None = None, problems: list[str] | None = None
) -> Iterator[IncomingMessage]:
    """Yield each message of the mbox once; unreadable ones are yielded raw and flagged and
    also go to `problems` (one that cannot even be read from the file is only reported)."""
    own = {a.lower() for a in own_addresses or set()}
    problems = problems if problems is not None else []
    box = mailbox.mbox(path, factory=None, create=False)
    try:
        for key in box.iterkeys():
            try:
                raw = box.get_bytes(key)
                with box.get_file(key, from_=True) as f:
                    from_line = f.readline().decode("ascii", "replace")[5:].strip()
            except Exception as exc:  # one bad message never stops the import
                log.warning("mbox %s: message %s unreadable", path.name, key, exc_info=True)
                problems.append(f"message {key + 1} in {path.name}: {exc}")
                continue
            when = _from_line_date(from_line)
            try:
                message = parse_message(raw, own, fallback_date=when)
            except Exception as exc:  # kept raw and flagged, never dropped
                log.warning("mbox %s: message %s kept raw", path.name, key + 1, exc_info=True)
                reason = f"{type(exc).__name__}: {exc}"
                problems.append(f"message {key + 1} in {path.name} kept as received: {reason}")
                message = unreadable_message(raw, reason, ACCOUNT, when or datetime.now(UTC))
            yield message
    finally:
        box.close()


def _from_line_date(from_line: str | None) -> datetime | None:
    if not from_line:
        return None
    parts = from_line.split(None, 1)
    if len(parts) < 2:
        return None
    try:
        return datetime.strptime(parts[1].strip(), "%a %b %d %H:%M:%S %Y").replace(tzinfo=UTC)
    except ValueError:
        return None
