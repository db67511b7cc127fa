"""Mail no parser can read: a real input that defeats both fast-mail-parser and the standard
library (MIME nested thousands of levels deep), kept raw and flagged by the mbox import and
stored once; and a date only our own code tripped over, now read by the fallback."""

from __future__ import annotations

import email
import sys
from pathlib import Path

import pytest
from tests.unit.test_import_mbox import BASE, make_mbox, raw_mail

from gastro_hub_desktop.channels.email.parse import NO_SENDER, parse_message
from gastro_hub_desktop.domain.conversations import InboxFilter, StatusFilter
from gastro_hub_desktop.importers import open_import
from gastro_hub_desktop.store.repository import Store


def nested_mime(depth: int | None = None) -> bytes:
    """A multipart inside a multipart, `depth` times (a "MIME bomb"). fast-mail-parser refuses
    it ("MIME nesting exceeds maximum allowed depth"); the standard library's parser recurses
    once per level and hits the interpreter's recursion limit."""
    depth = depth or max(2000, 2 * sys.getrecursionlimit())
    head = (
        b"From: Mallory <mallory@example.test>\r\nTo: alice@example.test\r\n"
        b"Subject: nested\r\nMessage-ID: <nested@example.test>\r\nMIME-Version: 1.0\r\n"
    )
    levels = b"".join(
        b'Content-Type: multipart/mixed; boundary="b%d"\r\n\r\n--b%d\r\n' % (i, i)
        for i in range(depth)
    )
    return head + levels + b"Content-Type: text/plain\r\n\r\ninside\r\n"


def test_deeply_nested_mime_defeats_both_parsers() -> None:
    from fast_mail_parser import parse_email

    raw = nested_mime()
    with pytest.raises(Exception, match="nesting"):
        parse_email(raw)
    with pytest.raises(RecursionError):
        email.message_from_bytes(raw)
    with pytest.raises(RecursionError):
        parse_message(raw)


def test_a_date_the_fast_parser_cannot_hand_over_is_read_by_the_standard_library() -> None:
    # fast-mail-parser accepts the message but its `date_parsed` raises ValueError
    # ("year 99999 is out of range"); that used to make the message unreadable.
    raw = raw_mail(
        {**BASE, "Date": "Tue, 1 Jan 99999 10:00:00 +0000", "Message-ID": "<y@x>"}, b"Dobry den"
    )
    message = parse_message(raw)
    assert message.provider_message_id == "<y@x>"
    assert message.text == "Dobry den"
    assert message.problem is None


def test_mbox_import_keeps_an_unreadable_message_raw_and_flagged(tmp_path: Path) -> None:
    good1 = raw_mail({**BASE, "Message-ID": "<1@x>"}, b"one")
    bomb = nested_mime()
    good2 = raw_mail({**BASE, "Message-ID": "<2@x>"}, b"two")
    path = make_mbox(tmp_path / "m.mbox", [good1, bomb, good2])
    store = Store.open(f"sqlite:///{tmp_path / 'import.sqlite3'}")
    try:
        for _ in range(2):  # importing the file again adds nothing
            source = open_import(path)
            store.ingest(list(source.messages()))
            [problem] = source.problems
            assert "message 2 in m.mbox kept as received" in problem
            assert "RecursionError" in problem
        assert store.stats().messages == 3
        rows = store.inbox_page(InboxFilter(status=StatusFilter.ALL), 0, 10)
        details = [store.conversation(r.id) for r in rows]
        [detail] = [d for d in details if any(m.problem for m in d.messages)]
        [message] = detail.messages
        assert "RecursionError" in (message.problem or "")
        assert message.subject == "(message could not be read)"
        assert detail.row.contact_address == NO_SENDER
        assert message.text.encode() == bomb  # as received, byte for byte (it is ASCII)
        assert not [m for d in details if d is not detail for m in d.messages if m.problem]
    finally:
        store.close()
