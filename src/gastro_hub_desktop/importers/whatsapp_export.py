"""Reading a WhatsApp "Export chat" file (.txt, or the .zip WhatsApp shares) into messages.

Both phone platforms' formats are understood (Android "24/11/2026, 19:41 - Name: text", iOS
"[24.11.26, 19:41:51] Name: text"), 12- and 24-hour clocks, day- or month-first dates,
multi-line messages and the invisible marks WhatsApp inserts. Message ids are derived from the
content, so importing the same chat again (or a longer export of it) adds only what is new.
"""

from __future__ import annotations

import hashlib
import mimetypes
import re
import zipfile
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from gastro_hub_desktop.domain.messages import Attachment, Channel, Direction, IncomingMessage
from gastro_hub_desktop.domain.phones import to_e164

ACCOUNT = "import:whatsapp"
DEFAULT_TZ = ZoneInfo("Europe/Prague")
INVISIBLE = dict.fromkeys(map(ord, "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\ufeff"), None)
SPACES = {ord("\u202f"): " ", ord("\u00a0"): " "}

LINE = re.compile(
    r"^\[?(?P<date>\d{1,4}[./-]\d{1,2}[./-]\d{1,4}),?\s+"
    r"(?P<time>\d{1,2}[:.]\d{2}(?:[:.]\d{2})?)"
    r"(?:\s?(?P<ampm>[AaPp]\.?\s?[Mm]\.?))?"
    r"(?:\]\s+|\s+[-–]\s+)(?P<rest>.*)$"
)
AUTHOR = re.compile(r"^(?P<author>[^:]{1,100}?): (?P<text>.*)$", re.DOTALL)
MEDIA_OMITTED = re.compile(
    r"^<?\s*(media omitted|médias omis|medien ausgeschlossen|média vynechána|"
    r"(image|video|audio|sticker|gif|document) omitted)\s*>?$",
    re.IGNORECASE,
)
ATTACHED = re.compile(
    r"^(?:<attached: (?P<ios>[^>]+)>|(?P<android>\S+\.\w{2,5}) \((?:file attached|"
    r"soubor přiložen|Datei angehängt)\))\s*(?P<caption>.*)$",
    re.IGNORECASE | re.DOTALL,
)
CHAT_NAME = re.compile(
    r"(?:whatsapp[\s_-]*chat|chat de whatsapp|chat whatsapp|konverzace whatsapp)"
    r"\s*(?:with|mit|con|avec|s|se|-|–)\s+(?P<name>.+)$",
    re.IGNORECASE,
)


@dataclass
class ChatExport:
    """An opened export: its lines, chat name and the media files shipped with it."""

    name: str | None
    lines: list[str]
    media_sizes: dict[str, int] = field(default_factory=dict)


def chat_name_from_filename(filename: str) -> str | None:
    stem = re.sub(r"\s*\(\d+\)$", "", Path(filename).stem)  # "… (2).txt": a second download
    match = CHAT_NAME.search(stem.replace("_", " "))
    return match.group("name").strip() if match else None


def _clean(line: str) -> str:
    return line.translate(INVISIBLE).translate(SPACES).rstrip("\r")


def looks_like_export(text: str) -> bool:
    lines = [_clean(line) for line in text.splitlines() if line.strip()][:5]
    return bool(lines) and sum(1 for line in lines if LINE.match(line)) >= max(1, len(lines) // 2)


def open_export(path: Path) -> ChatExport:
    """Read a .txt export, or the chat inside a .zip export (with its media sizes)."""
    if zipfile.is_zipfile(path):
        with zipfile.ZipFile(path) as archive:
            texts = [n for n in archive.namelist() if n.lower().endswith(".txt")]
            chosen = next((n for n in texts if Path(n).name == "_chat.txt"), None) or next(
                (n for n in texts if "whatsapp" in n.lower()), texts[0] if texts else None
            )
            if chosen is None:
                raise ValueError(f"{path.name} holds no WhatsApp chat (.txt) file")
            text = archive.read(chosen).decode("utf-8-sig", errors="replace")
            sizes = {Path(i.filename).name: i.file_size for i in archive.infolist()}
        name = chat_name_from_filename(chosen) or chat_name_from_filename(path.name)
        return ChatExport(name, text.splitlines(), sizes)
    text = path.read_bytes().decode("utf-8-sig", errors="replace")
    return ChatExport(chat_name_from_filename(path.name), text.splitlines())


@dataclass
class _Raw:
    date: str
    time: str
    ampm: str | None
    author: str | None
    text: str


def _split(lines: list[str]) -> Iterator[_Raw]:
    current: _Raw | None = None
    for line in lines:
        line = _clean(line)
        match = LINE.match(line)
        if match is None:
            if current is not None:
                current.text += "\n" + line
            continue
        if current is not None:
            yield current
        rest = match.group("rest")
        author = AUTHOR.match(rest)
        current = _Raw(
            match.group("date"),
            match.group("time"),
            match.group("ampm"),
            author.group("author").strip() if author else None,
            author.group("text") if author else rest,
        )
    if current is not None:
        yield current


def _date_order(raws: list[_Raw]) -> str:
    """'dmy', 'mdy' or 'ymd' for this file, decided from all of its dates."""
    first_big = second_big = False
    for raw in raws:
        parts = re.split(r"[./-]", raw.date)
        if len(parts[0]) == 4:
            return "ymd"
        first_big |= int(parts[0]) > 12
        second_big |= int(parts[1]) > 12
    if second_big and not first_big:
        return "mdy"
    return "dmy"


def _when(raw: _Raw, order: str, tz: ZoneInfo) -> datetime:
    parts = [int(p) for p in re.split(r"[./-]", raw.date)]
    if order == "ymd":
        year, month, day = parts
    elif order == "mdy":
        month, day, year = parts
    else:
        day, month, year = parts
    if year < 100:
        year += 2000
    clock = [int(p) for p in re.split(r"[:.]", raw.time)]
    hour, minute = clock[0], clock[1]
    second = clock[2] if len(clock) > 2 else 0
    if raw.ampm:
        pm = raw.ampm.lower().startswith("p")
        hour = hour % 12 + (12 if pm else 0)
    return datetime(year, month, day, hour, minute, second, tzinfo=tz)


def _attachment(text: str, media_sizes: dict[str, int]) -> tuple[str, tuple[Attachment, ...]]:
    stripped = text.strip()
    if MEDIA_OMITTED.match(stripped):
        return "", (
            Attachment("media (not included in the export)", "application/octet-stream", 0),
        )
    match = ATTACHED.match(stripped)
    if match:
        filename = (match.group("ios") or match.group("android")).strip()
        ctype = mimetypes.guess_type(filename)[0] or "application/octet-stream"
        caption = (match.group("caption") or "").strip()
        return caption, (Attachment(filename, ctype, media_sizes.get(filename, 0)),)
    return text, ()


def _address(name: str) -> str:
    phone = to_e164(name) if re.fullmatch(r"[+\d\s()-]{7,}", name) else None
    return phone or f"whatsapp:{name}"


@dataclass
class ParseReport:
    skipped: int = 0


def read_export(
    export: ChatExport,
    me: str | None = None,
    tz: ZoneInfo = DEFAULT_TZ,
    report: ParseReport | None = None,
) -> Iterator[IncomingMessage]:
    """The messages of a chat export. System lines (no author) are counted as skipped.

    Whose messages are ours: `me` when given; otherwise every author other than the chat's
    name (from the file name) is us. When neither tells, everyone is a customer."""
    report = report if report is not None else ParseReport()
    raws = list(_split(export.lines))
    order = _date_order(raws) if raws else "dmy"
    chat = export.name
    others = Counter(r.author for r in raws if r.author is not None and r.author != me)
    main_customer = others.most_common(1)[0][0] if others else (chat or "WhatsApp")
    seen: Counter[tuple[str, str, str]] = Counter()
    for raw in raws:
        if raw.author is None:
            report.skipped += 1
            continue
        sent_at = _when(raw, order, tz)
        if me is not None:
            outbound = raw.author == me
        elif chat is not None:
            outbound = raw.author != chat
        else:
            outbound = False
        if chat is not None:
            customer = chat
        elif outbound:
            customer = main_customer  # our reply in a chat whose name the file did not tell
        else:
            customer = raw.author
        text, attachments = _attachment(raw.text, export.media_sizes)
        key = (sent_at.isoformat(), raw.author, raw.text)
        n = seen[key]
        seen[key] += 1
        digest = hashlib.sha256("\x1f".join((chat or "", *key, str(n))).encode("utf-8")).hexdigest()
        yield IncomingMessage(
            channel=Channel.WHATSAPP,
            account_key=ACCOUNT,
            provider_message_id=f"wa-export:{digest[:40]}",
            direction=Direction.OUTBOUND if outbound else Direction.INBOUND,
            counterpart_address=_address(customer),
            counterpart_name=customer,
            author_name=raw.author,
            text=text.strip(),
            sent_at=sent_at,
            thread_key=f"whatsapp-export:{chat or customer}",
            attachments=attachments,
        )
