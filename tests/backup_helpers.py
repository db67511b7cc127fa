"""Helpers for the backup tests: a database filled through the store, a backup service on a
temporary folder, byte flipping, the layout of a plain archive, and hand-made archives for the
refusal cases."""

from __future__ import annotations

import io
import tarfile
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from gastro_hub_desktop.backup.database_dump import table_fingerprints
from gastro_hub_desktop.backup.manifest import TableSummary
from gastro_hub_desktop.backup.service import BackupService
from gastro_hub_desktop.backup.settings import BackupSettings
from gastro_hub_desktop.domain.messages import Channel, Direction, IncomingMessage
from gastro_hub_desktop.importers.sample_data import load_sample_data
from gastro_hub_desktop.store.repository import Store

CHANNELS = [Channel.EMAIL, Channel.WHATSAPP, Channel.TELEGRAM, Channel.FACEBOOK]


def messages(count: int, tag: str = "m", text_size: int = 200) -> list[IncomingMessage]:
    """`count` messages over a few dozen customers and all kinds of channels, with Czech and
    German text (unique ids per `tag`)."""
    base = datetime(2026, 3, 1, 8, 0, tzinfo=UTC)
    filler = "Dobrý den, objednávka konvektomatu — Größe 10 GN; " * (text_size // 50 + 1)
    out = []
    for i in range(count):
        channel = CHANNELS[i % len(CHANNELS)]
        customer = i % 37
        address = f"customer{customer}@example.test" if channel is Channel.EMAIL else \
            f"+42060{customer:07d}"  # fmt: skip
        out.append(
            IncomingMessage(
                channel=channel,
                account_key=f"{channel.value}:backup-test",
                provider_message_id=f"{tag}-{i:06d}",
                direction=Direction.INBOUND if i % 5 else Direction.OUTBOUND,
                counterpart_address=address,
                counterpart_name=f"Zákazník {customer}",
                text=f"{i}: {filler[:text_size]}",
                sent_at=base + timedelta(minutes=7 * i),
                thread_key=f"{tag}-thread-{customer}",
                subject=f"Objednávka {customer}" if channel is Channel.EMAIL else None,
            )
        )
    return out


def fill(url: str, count: int = 300, tag: str = "m", text_size: int = 200) -> Store:
    """The app's database at `url`, migrated, with the demo data and `count` more messages."""
    store = Store.open(url)
    sample = load_sample_data()
    store.ingest(sample.messages)
    store.mark_vip(sample.vip_addresses)
    store.ingest(messages(count, tag, text_size))
    return store


def fingerprints(url: str) -> dict[str, TableSummary]:
    return table_fingerprints(url, checksums=True)


def service(folder: Path, data_dir: Path, **settings: object) -> BackupService:
    chosen = {"folder": str(folder), "prune_after_backup": False, **settings}
    return BackupService(BackupSettings(**chosen), data_dir=data_dir)  # type: ignore[arg-type]


def flip(path: Path, offset: int) -> None:
    """XOR one byte with 0xFF (so it always differs)."""
    with open(path, "r+b") as f:
        f.seek(offset)
        value = f.read(1)[0]
        f.seek(offset)
        f.write(bytes([value ^ 0xFF]))


@dataclass(frozen=True)
class Member:
    name: str
    header: int  # offset of its 512-byte header
    data: int  # offset of its data
    size: int


def layout(archive: Path) -> list[Member]:
    """Where each entry of a plain (unencrypted) archive sits."""
    with tarfile.open(archive, "r:") as tar:
        return [Member(m.name, m.offset, m.offset_data, m.size) for m in tar.getmembers()]


def members(archive: Path) -> dict[str, bytes]:
    with tarfile.open(archive, "r:") as tar:
        return {m.name: tar.extractfile(m).read() for m in tar.getmembers()}  # type: ignore[union-attr]


def write_tar(path: Path, entries: list[tuple[tarfile.TarInfo, bytes | None]]) -> None:
    """A hand-made archive (e.g. with an entry that tries to escape the target folder)."""
    with tarfile.open(path, "w", format=tarfile.USTAR_FORMAT) as tar:
        for info, data in entries:
            if data is not None:
                info.size = len(data)
            tar.addfile(info, io.BytesIO(data) if data is not None else None)


def entry(name: str, kind: bytes = tarfile.REGTYPE, link: str = "") -> tarfile.TarInfo:
    info = tarfile.TarInfo(name)
    info.type, info.linkname, info.mode = kind, link, 0o600
    return info


def tree(folder: Path) -> dict[str, bytes]:
    """Every file under `folder` with its bytes (to prove "nothing changed")."""
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file()}  # fmt: skip


# ---------------------------------------------------------------- a child process to kill


def _killer(fraction: float):  # type: ignore[no-untyped-def]
    """A progress callback that kills this process (SIGKILL, like a power cut) once
    `fraction` of the work is done."""
    import os
    import signal

    def progress(done: int, total: int) -> None:
        if total and done / total >= fraction:
            os.kill(os.getpid(), signal.SIGKILL)

    return progress


def main(argv: list[str]) -> int:
    """`python -m tests.backup_helpers backup URL FOLDER FRACTION` or `... restore URL FOLDER
    SET FRACTION` or `... upload FOLDER REMOTE SET`: the job, killed at FRACTION ("-": only
    by GASTRO_HUB_FAILPOINT)."""
    import os

    mode = argv[0]
    if mode == "upload":
        folder, remote, name = argv[1:4]
        backups = service(Path(folder), Path(os.environ["GASTRO_HUB_DATA_DIR"]), remote=remote)
        print("uploading", flush=True)
        backups.upload(name)
        return 0
    url, folder = argv[1], Path(argv[2])
    backups = service(folder, Path(os.environ["GASTRO_HUB_DATA_DIR"]))
    fraction = argv[-1]
    progress = _killer(float(fraction)) if fraction != "-" else (lambda done, total: None)
    if mode == "backup":
        report = backups.back_up_now(url, progress)
        print(report.backup_set.name)
    else:
        backups.restore(argv[3], url, progress)
        print("restored")
    return 0


if __name__ == "__main__":
    import sys

    raise SystemExit(main(sys.argv[1:]))
