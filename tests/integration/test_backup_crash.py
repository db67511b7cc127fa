"""kill -9 in the middle of a backup or a restore (a child process killed by SIGKILL at several
points, like a power cut): earlier sets stay intact, no half archive is ever listed, the next
backup succeeds and cleans up; the database in use stays usable and unchanged."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from tests.backup_helpers import fill, fingerprints, messages, service

from gastro_hub_desktop.store.repository import Store

ROOT = Path(__file__).resolve().parents[2]


def child(*args: str, failpoint: str | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ}
    env.pop("GASTRO_HUB_FAILPOINT", None)
    if failpoint:
        env["GASTRO_HUB_FAILPOINT"] = failpoint
    return subprocess.run([sys.executable, "-m", "tests.backup_helpers", *args], cwd=ROOT,
                          env=env, capture_output=True, text=True, timeout=120)  # fmt: skip


@pytest.fixture
def live(tmp_path: Path, data_dir: Path):  # type: ignore[no-untyped-def]
    """A database of a few MB (several read pieces) with one good set already made."""
    url = f"sqlite:///{tmp_path / 'app.sqlite3'}"
    store = fill(url, 1500, text_size=3000)
    store.close()
    assert (tmp_path / "app.sqlite3").stat().st_size > 6_000_000
    backups = service(tmp_path / "backups", data_dir)
    earlier = backups.back_up_now(url).backup_set
    return url, backups, earlier


def _integrity(path: Path) -> str:
    conn = sqlite3.connect(path)
    try:
        return str(conn.execute("PRAGMA integrity_check").fetchone()[0])
    finally:
        conn.close()


@pytest.mark.parametrize(
    ("fraction", "failpoint"),
    [("0.2", None), ("0.75", None), ("-", "backup.before-verify"), ("-", "backup.before-rename")],
    ids=["writing-the-archive", "verifying", "before-verify", "before-rename"],
)
def test_kill_during_a_backup(live, tmp_path: Path, fraction: str, failpoint: str | None) -> None:  # type: ignore[no-untyped-def]
    url, backups, earlier = live
    before = fingerprints(url)
    done = child("backup", url, str(backups.folder), fraction, failpoint=failpoint)
    assert done.returncode == -signal.SIGKILL, done.stderr
    # no half archive listed; the earlier set is whole
    assert [s.name for s in backups.list_sets()] == [earlier.name]
    leftovers = [p.name for p in backups.folder.iterdir() if p.name.endswith(".part")]
    assert leftovers and all(name.startswith(".") for name in leftovers)
    backups.verify(earlier.name)
    # the database was only read
    assert _integrity(tmp_path / "app.sqlite3") == "ok"
    assert fingerprints(url) == before
    # the next backup succeeds and clears what the dead one left
    after = backups.back_up_now(url)
    assert [s.name for s in backups.list_sets()] == [after.backup_set.name, earlier.name]
    assert not [p for p in backups.folder.iterdir() if p.name.endswith(".part")]
    assert {p.name for p in backups.folder.iterdir()} == {
        f"{s.name}{suffix}" for s in backups.list_sets() for suffix in (".tar", ".json")
    }


@pytest.mark.parametrize(
    ("fraction", "failpoint"),
    [("0.5", None), ("-", "restore.after-extract"), ("-", "restore.before-swap")],
    ids=["extracting", "after-extract", "before-swap"],
)
def test_kill_during_a_restore_leaves_the_old_database_usable(
    live, tmp_path: Path, fraction: str, failpoint: str | None
) -> None:  # type: ignore[no-untyped-def]
    url, backups, earlier = live
    at_backup = fingerprints(url)
    store = Store.open(url)
    store.ingest(messages(40, tag="since"))
    store.close()
    current = fingerprints(url)
    done = child("restore", url, str(backups.folder), earlier.name, fraction, failpoint=failpoint)
    assert done.returncode == -signal.SIGKILL, done.stderr
    # the old database is still there, whole, with everything written since the backup
    assert _integrity(tmp_path / "app.sqlite3") == "ok"
    assert fingerprints(url) == current
    store = Store.open(url)
    assert store.ingest(messages(1, tag="still-writable")).new == 1
    store.close()
    # and a restore run to its end works, leaving no work files behind
    report = backups.restore(earlier.name, url)
    assert fingerprints(url) == at_backup
    assert report.safety_copy is not None and report.safety_copy.exists()
    assert not list(tmp_path.glob(".app.sqlite3.*.part"))


def test_kill_between_rename_and_state_file(live) -> None:  # type: ignore[no-untyped-def]
    """The archive was renamed in, verified, but its state file was never written: the set is
    listed whole, honestly "not verified", and verifying it records it again."""
    url, backups, earlier = live
    done = child("backup", url, str(backups.folder), "-", failpoint="backup.after-rename")
    assert done.returncode == -signal.SIGKILL, done.stderr
    newest = backups.list_sets()[0]
    assert newest.name != earlier.name and not newest.verified
    assert "not verified yet" in backups.plan_prune().reasons[newest.name]
    backups.verify(newest.name)
    assert backups.list_sets()[0].verified
