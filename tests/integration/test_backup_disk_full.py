"""A backups folder that fills up (a small tmpfs): the backup stops with a clear reason, no
work file stays behind, earlier sets are intact and the app's database is unaffected — both
when the space is known to be short before starting and when the disk fills up meanwhile."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from tests.backup_helpers import fill, fingerprints, messages, service
from tests.servers import missing

from gastro_hub_desktop.backup.errors import DiskFull
from gastro_hub_desktop.store.repository import Store


def _mount_tmpfs(folder: Path, size: str) -> Iterator[Path]:
    folder.mkdir()
    mount, umount = shutil.which("mount"), shutil.which("umount")
    if mount is None or umount is None:
        missing("mount is not available to make a small tmpfs")
    done = subprocess.run([str(mount), "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)],
                          capture_output=True, text=True)  # fmt: skip
    if done.returncode != 0:
        missing(f"a small tmpfs cannot be mounted here (needs root): {done.stderr.strip()}")
    try:
        yield folder
    finally:
        subprocess.run([str(umount), str(folder)], capture_output=True)


@pytest.fixture
def tiny(tmp_path: Path) -> Iterator[Path]:
    yield from _mount_tmpfs(tmp_path / "tiny-2m", "2m")


@pytest.fixture
def small(tmp_path: Path) -> Iterator[Path]:
    yield from _mount_tmpfs(tmp_path / "small-8m", "8m")


def _check_unaffected(path: Path, before: dict[str, object]) -> None:
    url = f"sqlite:///{path}"
    assert fingerprints(url) == before
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()
    store = Store.open(url)
    assert store.ingest(messages(1, tag=uuid.uuid4().hex)).new == 1  # still writable
    store.close()


def _only_sets(folder: Path, names: list[str]) -> None:
    assert sorted(p.name for p in folder.iterdir() if p.name != "lost+found") == sorted(
        f"{n}{suffix}" for n in names for suffix in (".tar", ".json")
    )


def test_not_enough_space_is_said_before_starting(
    tiny: Path, tmp_path: Path, data_dir: Path
) -> None:
    path = tmp_path / "app.sqlite3"
    store = fill(f"sqlite:///{path}", 0)  # small: the first set fits
    backups = service(tiny, data_dir)
    earlier = backups.back_up_now(store).backup_set
    store.ingest(messages(1500, text_size=2000))  # now several MB, more than the tmpfs
    store.close()
    before = fingerprints(f"sqlite:///{path}")
    with pytest.raises(DiskFull, match=r"has [\d.]+ MB free; about [\d.]+ MB is needed"):
        backups.back_up_now(f"sqlite:///{path}")
    _only_sets(tiny, [earlier.name])
    backups.verify(earlier.name)
    _check_unaffected(path, before)


def test_the_disk_filling_up_during_the_backup(small: Path, tmp_path: Path, data_dir: Path) -> None:
    path = tmp_path / "app.sqlite3"
    store = fill(f"sqlite:///{path}", 0)
    backups = service(small, data_dir)
    earlier = backups.back_up_now(store).backup_set
    store.ingest(messages(2000, text_size=1500))
    store.close()
    size = path.stat().st_size
    assert 4_500_000 < size < 7_000_000  # fits the free space, more than one read piece
    before = fingerprints(f"sqlite:///{path}")
    filler = small / "someone-else.bin"

    def another_program_fills_the_disk(done: int, total: int) -> None:
        if done and not filler.exists():
            with open(filler, "wb") as f:
                try:
                    while True:
                        f.write(b"\0" * 65536)
                        f.flush()
                except OSError:
                    pass

    with pytest.raises(DiskFull, match="is full") as caught:
        backups.back_up_now(f"sqlite:///{path}", another_program_fills_the_disk)
    assert "earlier sets are untouched" in str(caught.value)
    assert filler.exists()
    filler.unlink()
    _only_sets(small, [earlier.name])  # the half-written archive is gone
    backups.verify(earlier.name)
    _check_unaffected(path, before)
    # with the space back, the next backup works
    after = backups.back_up_now(f"sqlite:///{path}")
    assert after.backup_set.verified
