"""Backup and restore (verification included) of a 1 GB SQLite database through
`BackupService`, beside copying the same file with `cp` (the disk's floor).

Both sides start from the same state: when the page cache can be dropped (root on Linux) it is
dropped before every timed step, so each reads from the disk. Two floors are printed: plain
`cp` (its copy may still sit in the page cache when it returns) and `cp` + fsync of the copy
(the bytes on the disk, which a backup must promise before it says "done"; our backup and
restore fsync). Targets: backup ≤ 2× and restore ≤ 3× the floor, restore well under 30 s.

The database (the app's schema, the demo messages and ~1 GB of random blobs, which do not
compress) is built once into benchmarks/.cache/ (~15 s) and reused."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from gastro_hub_desktop.backup.service import BackupService
from gastro_hub_desktop.backup.settings import BackupSettings
from gastro_hub_desktop.importers.sample_data import load_sample_data
from gastro_hub_desktop.store.repository import Store

CACHE = Path(__file__).resolve().parent / ".cache"
SOURCE = CACHE / "backup-1g.sqlite3"
BLOB = 64 * 1024
BLOBS = 15_600  # ≈ 1.0 GB with the app's tables


def build() -> Path:
    if SOURCE.exists():
        return SOURCE
    CACHE.mkdir(exist_ok=True)
    partial = SOURCE.with_name(SOURCE.name + ".part")
    partial.unlink(missing_ok=True)
    store = Store.open(f"sqlite:///{partial}")
    store.ingest(load_sample_data().messages)
    store.close()
    conn = sqlite3.connect(partial, isolation_level=None)
    conn.execute("CREATE TABLE bench_blobs (id INTEGER PRIMARY KEY, data BLOB NOT NULL)")
    conn.execute("BEGIN")
    conn.execute(
        "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?) "
        "INSERT INTO bench_blobs (data) SELECT randomblob(?) FROM n",
        (BLOBS, BLOB),
    )
    conn.execute("COMMIT")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.execute("PRAGMA journal_mode=DELETE")
    conn.close()
    os.replace(partial, SOURCE)
    return SOURCE


def drop_caches() -> bool:
    """Flush and drop the page cache, so the next step reads from the disk (root only)."""
    os.sync()
    try:
        Path("/proc/sys/vm/drop_caches").write_text("3\n")
    except OSError:
        return False
    return True


def timed(step, cold: bool) -> float:  # type: ignore[no-untyped-def]
    if cold:
        drop_caches()
    started = time.perf_counter()
    step()
    return time.perf_counter() - started


def fsync_file(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def main() -> dict[str, float]:
    source = build()
    size = source.stat().st_size
    cold = drop_caches()
    with tempfile.TemporaryDirectory(dir=CACHE) as tmp:
        work = Path(tmp)
        db = work / "data" / "gastro-hub.sqlite3"
        db.parent.mkdir()
        shutil.copyfile(source, db)
        url = f"sqlite:///{db}"
        service = BackupService(
            BackupSettings(folder=str(work / "backups"), prune_after_backup=False),
            data_dir=db.parent,
        )
        copy = work / "copy.sqlite3"

        def cp() -> None:
            subprocess.run(["cp", str(db), str(copy)], check=True)

        def cp_sync() -> None:
            cp()
            fsync_file(copy)

        floor_cp = timed(cp, cold)
        copy.unlink()
        floor = timed(cp_sync, cold)
        copy.unlink()
        report = None

        def backup() -> None:
            nonlocal report
            report = service.back_up_now(url)

        backup_s = timed(backup, cold)
        assert report is not None
        name = report.backup_set.name

        def restore() -> None:
            service.restore(name, url)

        restore_s = timed(restore, cold)
        for leftover in db.parent.glob("*.before-restore-*"):
            leftover.unlink()
    backup_ratio, restore_ratio = backup_s / floor, restore_s / floor
    print(
        f"database {size / 1e9:.2f} GB ({'page cache dropped before each step' if cold else 'warm page cache'})"
    )
    print(f"floor: cp {floor_cp:.2f} s, cp + fsync {floor:.2f} s")
    print(
        f"backup  (dump, archive, fsync, verify by re-reading) {backup_s:.2f} s: ratio {backup_ratio:.2f} to cp + fsync (target <= 2), {backup_s / floor_cp:.2f} to bare cp"
    )
    print(
        f"restore (verify every checksum, write, fsync, swap, count rows) {restore_s:.2f} s: ratio {restore_ratio:.2f} to cp + fsync (target <= 3), {restore_s / floor_cp:.2f} to bare cp; target well under 30 s"
    )
    return {"cp_s": floor_cp, "cp_fsync_s": floor, "backup_s": backup_s, "restore_s": restore_s,
            "backup_ratio": backup_ratio, "restore_ratio": restore_ratio}  # fmt: skip


if __name__ == "__main__":
    main()
