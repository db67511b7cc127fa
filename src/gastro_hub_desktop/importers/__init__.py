"""Bringing existing history in without any account: mbox mailboxes and WhatsApp chat exports.

`open_import` looks at a file's content (not only its name) and returns a source of messages
with a count for progress and the problems met along the way."""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from gastro_hub_desktop.domain.messages import ImportResult, IncomingMessage


class UnsupportedFile(ValueError):
    """The file is neither an mbox nor a WhatsApp chat export."""


UNSUPPORTED = (
    "{name} is neither an mbox mailbox nor a WhatsApp chat export. Export mail as mbox "
    "(Thunderbird: ImportExportTools; Gmail: Google Takeout), and in WhatsApp open the chat, "
    "choose More → Export chat → Without media, and import the .txt or .zip it makes."
)


@dataclass
class ImportSource:
    """Messages read lazily from one file, plus what could not be read."""

    kind: str
    path: Path
    estimated_count: int
    _reader: Iterator[IncomingMessage]
    problems: list[str] = field(default_factory=list)
    skipped: int = 0
    _report: object = None

    def messages(self) -> Iterator[IncomingMessage]:
        return self._reader

    def result(self) -> ImportResult:
        """What reading (not storing) found: skipped lines and unreadable messages."""
        skipped = getattr(self._report, "skipped", 0) + self.skipped
        return ImportResult(skipped=skipped, problems=tuple(self.problems))


def open_import(
    path: Path, me: str | None = None, own_addresses: set[str] | None = None
) -> ImportSource:
    """Open `path` for import; raises UnsupportedFile with advice when it is neither kind."""
    from gastro_hub_desktop.importers import mbox, whatsapp_export

    try:
        with path.open("rb") as f:
            head = f.read(64 * 1024)
    except OSError as exc:
        raise UnsupportedFile(f"Cannot read {path.name}: {exc.strerror or exc}") from exc
    if mbox.looks_like_mbox(head):
        problems: list[str] = []
        return ImportSource(
            "mbox",
            path,
            mbox.count_messages(path),
            mbox.read_mbox(path, own_addresses, problems),
            problems,
        )
    if zipfile.is_zipfile(path) or whatsapp_export.looks_like_export(
        head.decode("utf-8-sig", errors="replace")
    ):
        try:
            export = whatsapp_export.open_export(path)
        except (ValueError, zipfile.BadZipFile) as exc:
            raise UnsupportedFile(UNSUPPORTED.format(name=path.name)) from exc
        if not whatsapp_export.looks_like_export("\n".join(export.lines[:20])):
            raise UnsupportedFile(UNSUPPORTED.format(name=path.name))
        report = whatsapp_export.ParseReport()
        count = sum(1 for line in export.lines if whatsapp_export.LINE.match(line.strip("\u200e")))
        return ImportSource(
            "whatsapp",
            path,
            count,
            whatsapp_export.read_export(export, me=me, report=report),
            _report=report,
        )
    raise UnsupportedFile(UNSUPPORTED.format(name=path.name))
