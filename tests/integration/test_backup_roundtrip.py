"""Backup and restore of the app's real database, on SQLite and on a throwaway PostgreSQL: every
row comes back with equal per-table checksums; a set taken while the app writes is a
consistent snapshot; damaged, partial, too-new or escaping sets are refused with their reason
and nothing changes; encryption with the passphrase from a real keyring."""

from __future__ import annotations

import sqlite3
import tarfile
import threading
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from tests.backup_helpers import (
    entry,
    fill,
    fingerprints,
    flip,
    layout,
    members,
    messages,
    service,
    tree,
    write_tar,
)

from gastro_hub_desktop.backup import database_dump
from gastro_hub_desktop.backup.archive import scan
from gastro_hub_desktop.backup.errors import (
    BackupCancelled,
    BackupError,
    RestoreRefused,
    SetDamaged,
    WrongPassphrase,
)
from gastro_hub_desktop.backup.manifest import MANIFEST_NAME, Manifest
from gastro_hub_desktop.backup.retention import RetentionPolicy
from gastro_hub_desktop.backup.settings import BACKUP_PASSPHRASE
from gastro_hub_desktop.domain.conversations import InboxFilter
from gastro_hub_desktop.store.repository import Store

DB_MEMBER = "database/test.sqlite3"


def test_round_trip_every_row_back(database_url: str, tmp_path: Path, data_dir: Path) -> None:
    store = fill(database_url, 300)
    before = fingerprints(database_url)
    assert before["messages"].rows == 361  # the demo's 61 and ours
    backups = service(tmp_path / "backups", data_dir)
    seen: list[tuple[int, int]] = []
    report = backups.back_up_now(store, lambda done, total: seen.append((done, total)))
    assert seen[-1][0] == seen[-1][1] and all(d <= t for d, t in seen)
    assert {t: s.rows for t, s in report.tables.items()} == {t: s.rows for t, s in before.items()}
    if database_url.startswith("postgresql"):
        assert report.tables == before  # checksums measured in pg_dump's own snapshot
    assert report.backup_set.verified

    # the data changes after the backup...
    store.ingest(messages(50, tag="after"))
    first = store.inbox_page(InboxFilter(), 0, 1)[0]
    store.set_done(first.id, True)
    changed = fingerprints(database_url)
    assert changed != before
    store.close()

    # ...and the restore brings back exactly what was backed up
    restored = backups.restore(report.backup_set.name, database_url)
    assert restored.tables == {t: s.rows for t, s in before.items()}
    if database_url.startswith("sqlite"):
        assert fingerprints(database_url) == before
        assert restored.safety_copy is not None
        assert fingerprints(f"sqlite:///{restored.safety_copy}") == changed  # kept aside first
        url = database_url
    else:
        assert restored.new_database_url is not None
        url = restored.new_database_url
        assert fingerprints(url) == before
        assert fingerprints(database_url) == changed  # the old database is left as it was
        with pytest.raises(RestoreRefused, match="holds a postgresql database"):
            backups.restore(report.backup_set.name, f"sqlite:///{tmp_path / 'other.sqlite3'}")
    again = Store.open(url)
    try:
        assert again.search("konvektomatu")  # the full-text index came back too
        assert again.stats().messages == 361
    finally:
        again.close()


def test_backup_while_the_app_writes_is_a_consistent_snapshot(
    tmp_path: Path, data_dir: Path
) -> None:
    url = f"sqlite:///{tmp_path / 'live.sqlite3'}"
    store = fill(url, 200)
    backups = service(tmp_path / "backups", data_dir)
    stop = threading.Event()
    written = [0]

    def writer() -> None:
        batch = 0
        while not stop.is_set():
            store.ingest(messages(40, tag=f"live{batch}"))
            written[0] += 40
            batch += 1

    thread = threading.Thread(target=writer)
    thread.start()
    reports = []
    try:
        while len(reports) < 4 or written[0] < 200:
            reports.append(backups.back_up_now(store))
    finally:
        stop.set()
        thread.join()
    counts = []
    for report in reports:
        extracted = tmp_path / f"{report.backup_set.name}.sqlite3"
        with open(extracted, "wb") as out:
            scan(report.backup_set.archive, sink_for=lambda m, out=out: out)  # type: ignore[misc]
        conn = sqlite3.connect(extracted)
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        conn.close()
        found = database_dump.sqlite_fingerprints(extracted, checksums=False)
        assert {t: s.rows for t, s in found.items()} == {
            t: s.rows for t, s in report.tables.items()
        }
        # messages and their conversations agree: no half-applied batch in the snapshot
        conn = sqlite3.connect(extracted)
        orphans = conn.execute(
            "SELECT count(*) FROM messages WHERE conversation_id NOT IN "
            "(SELECT id FROM conversations)"
        ).fetchone()[0]
        conn.close()
        assert orphans == 0
        counts.append(found["messages"].rows)
    assert counts == sorted(counts) and counts[-1] > counts[0]  # the app kept writing
    store.close()


def test_the_backup_api_when_readers_pin_the_log(tmp_path: Path, data_dir: Path) -> None:
    """An old reader keeps the WAL from being copied into the file: the snapshot cannot be
    read from the file, and the online backup API makes the copy instead."""
    path = tmp_path / "pinned.sqlite3"
    url = f"sqlite:///{path}"
    store = fill(url, 100)
    reader = sqlite3.connect(path, isolation_level=None)
    reader.execute("BEGIN")
    reader.execute("SELECT count(*) FROM messages").fetchone()  # an old snapshot, held open
    store.ingest(messages(100, tag="newer"))
    with database_dump.sqlite_snapshot(path) as snapshot:
        assert snapshot is None
    backups = service(tmp_path / "backups", data_dir)
    expected = fingerprints(url)
    report = backups.back_up_now(store)
    reader.execute("ROLLBACK")
    reader.close()
    store.close()
    assert report.tables["messages"].rows == expected["messages"].rows
    backups.restore(report.backup_set.name, url)
    assert fingerprints(url) == expected


def test_cancel_keeps_nothing(tmp_path: Path, data_dir: Path) -> None:
    url = f"sqlite:///{tmp_path / 'app.sqlite3'}"
    store = fill(url, 2000, text_size=3000)  # several read pieces
    folder = tmp_path / "backups"
    backups = service(folder, data_dir)
    calls = [0]

    def cancel_soon() -> bool:
        calls[0] += 1
        return calls[0] > 1

    with pytest.raises(BackupCancelled):
        backups.back_up_now(store, cancelled=cancel_soon)
    assert list(folder.iterdir()) == []
    made = backups.back_up_now(store).backup_set
    store.ingest(messages(10, tag="after"))
    store.close()
    before = fingerprints(url)
    calls[0] = 0
    with pytest.raises(BackupCancelled, match="nothing was changed"):
        backups.restore(made.name, url, cancelled=cancel_soon)
    assert fingerprints(url) == before
    assert not list(tmp_path.glob(".app.sqlite3.*")) and not list(tmp_path.glob("*.before-*"))


# ---------------------------------------------------------------- refusals


@pytest.fixture
def good_set(tmp_path: Path, data_dir: Path):  # type: ignore[no-untyped-def]
    url = f"sqlite:///{tmp_path / 'test.sqlite3'}"
    store = fill(url, 120)
    data_dir.mkdir(parents=True, exist_ok=True)
    (data_dir / "database.json").write_text('{"url": "sqlite:///somewhere"}')
    backups = service(tmp_path / "backups", data_dir)
    report = backups.back_up_now(store)
    store.ingest(messages(30, tag="later"))  # the live data moves on
    store.close()
    return backups, report.backup_set, url


def _repack(archive: Path, change) -> None:  # type: ignore[no-untyped-def]
    """Rewrite `archive` with its entries changed by `change(list of (info, data))`."""
    with tarfile.open(archive) as tar:
        parts = [(m, tar.extractfile(m).read()) for m in tar.getmembers()]  # type: ignore[union-attr]
    write_tar(archive, change(parts))


def _newer_schema(parts):  # type: ignore[no-untyped-def]
    manifest = Manifest.from_json(parts[-1][1])
    newer = replace(manifest, schema_revision="0042", app_version="9.0.0")
    return [*parts[:-1], (parts[-1][0], newer.to_json())]


DAMAGE = {
    "archive header": (lambda a: flip(a, layout(a)[0].header + 20), None),
    "manifest": (lambda a: flip(a, layout(a)[-1].data + 40), MANIFEST_NAME),
    "database dump": (lambda a: flip(a, layout(a)[0].data + 5000), DB_MEMBER),
    "config file": (lambda a: flip(a, layout(a)[1].data + 3), "config/database.json"),
    "missing file": (lambda a: _repack(a, lambda p: p[1:]), DB_MEMBER),
    "escaping path": (
        lambda a: _repack(a, lambda p: [*p[:-1], (entry("../../evil.sh"), b"rm -rf"), p[-1]]),
        None,
    ),
}


@pytest.mark.parametrize("damage", list(DAMAGE), ids=list(DAMAGE))
def test_damaged_sets_are_refused_naming_the_file_and_nothing_changes(
    good_set, damage: str, tmp_path: Path, data_dir: Path
) -> None:  # type: ignore[no-untyped-def]
    backups, backup_set, url = good_set
    do, named = DAMAGE[damage]
    named = named or backup_set.archive.name  # None: the archive itself
    do(backup_set.archive)
    db_before = (tmp_path / "test.sqlite3").read_bytes()
    data_before = tree(data_dir)
    with pytest.raises(SetDamaged) as caught:
        backups.verify(backup_set.name)
    assert caught.value.file == named and named in str(caught.value)
    with pytest.raises(SetDamaged) as caught:
        backups.restore(backup_set.name, url)
    assert caught.value.file == named
    # nothing changed: the database, the data folder (no safety copy, no work files)
    assert (tmp_path / "test.sqlite3").read_bytes() == db_before
    assert tree(data_dir) == data_before
    assert not list(tmp_path.glob(".*.part")) and not (tmp_path / "evil.sh").exists()
    listed = {s.name: s for s in backups.list_sets()}[backup_set.name]
    assert not listed.verified and named in (listed.state.problem or "")


def test_a_set_from_a_newer_app_is_refused(good_set, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    backups, backup_set, url = good_set
    _repack(backup_set.archive, _newer_schema)
    db_before = (tmp_path / "test.sqlite3").read_bytes()
    backups.verify(backup_set.name)  # intact, just too new
    with pytest.raises(RestoreRefused, match=r"newer Gastro Hub \(9\.0\.0, database schema 0042\)"):
        backups.restore(backup_set.name, url)
    assert (tmp_path / "test.sqlite3").read_bytes() == db_before
    assert not list(tmp_path.glob(".test.sqlite3*"))


def test_a_missing_set_is_refused(good_set) -> None:  # type: ignore[no-untyped-def]
    backups, backup_set, url = good_set
    backup_set.archive.unlink()
    with pytest.raises(BackupError, match="no backup set named"):
        backups.restore(backup_set.name, url)


def test_config_files_and_extras(good_set, tmp_path: Path, data_dir: Path) -> None:  # type: ignore[no-untyped-def]
    backups, _old, url = good_set
    n8n = tmp_path / "workflows.json"
    n8n.write_text('[{"name": "Invoice reminder"}]')
    (data_dir / "database.json").write_text('{"url": "sqlite:///kept"}')
    report = backups.back_up_now(url, extra_files={"n8n/workflows.json": n8n})
    paths_in_set = {f.path: f.role for f in report.files}
    assert paths_in_set == {DB_MEMBER: "database", "config/database.json": "config",
                            "extra/n8n/workflows.json": "extra"}  # fmt: skip
    (data_dir / "database.json").write_text('{"url": "sqlite:///changed"}')
    restored = backups.restore(report.backup_set.name, url, restore_config=True)
    assert (data_dir / "database.json").read_text() == '{"url": "sqlite:///kept"}'
    assert next(data_dir.glob("database.json.before-restore-*")).read_text() == (
        '{"url": "sqlite:///changed"}'
    )
    extra = data_dir / "restored" / report.backup_set.name / "extra/n8n/workflows.json"
    assert extra.read_text() == '[{"name": "Invoice reminder"}]'
    assert str(extra) in restored.files
    # a config file holding a password never goes into a set
    (data_dir / "database.json").write_text('{"url": "postgresql://gh:s3cret@db/gh"}')
    report = backups.back_up_now(url)
    assert "config/database.json" not in {f.path for f in report.files}
    assert any("holds a password" in note for note in report.notes)
    assert b"s3cret" not in report.backup_set.archive.read_bytes()


def test_prune_after_a_verified_backup_and_health(good_set, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    backups, first, url = good_set
    backups.settings = replace(backups.settings, prune_after_backup=True,
                               retention=RetentionPolicy(daily=1, weekly=0, monthly=0))  # fmt: skip
    second = backups.back_up_now(url)
    assert second.pruned is not None and second.pruned.prune == [first.name]
    assert [s.name for s in backups.list_sets()] == [second.backup_set.name]
    assert not backups.health().overdue
    later = datetime.now(UTC) + timedelta(hours=27)
    assert backups.health(later).overdue and "27 hours" in (backups.health(later).message or "")
    backups.settings = replace(backups.settings, retention=RetentionPolicy(0, 0, 0))
    third = backups.back_up_now(url)
    assert third.prune_problem and "keeps no" in third.prune_problem
    assert len(backups.list_sets()) == 2  # an empty policy prunes nothing


def test_encrypted_set_with_the_passphrase_in_the_keyring(
    tmp_path: Path, data_dir: Path, secret_service: dict[str, str]
) -> None:
    from keyring.backends.SecretService import Keyring

    from gastro_hub_desktop.credentials import Credentials

    credentials = Credentials(Keyring())
    credentials.set(BACKUP_PASSPHRASE, "Kolik-stojí-konvektomat?")
    url = f"sqlite:///{tmp_path / 'test.sqlite3'}"
    store = fill(url, 60)
    before = fingerprints(url)
    backups = service(tmp_path / "backups", data_dir, encrypt=True)
    backups.credentials = credentials
    report = backups.back_up_now(store)
    store.close()
    archive = report.backup_set.archive
    assert archive.name.endswith(".tar.enc") and report.backup_set.state.contents is None
    assert "Zákazník".encode() not in archive.read_bytes()
    assert b"SQLite format 3" not in archive.read_bytes()
    backups.restore(report.backup_set.name, url)
    assert fingerprints(url) == before
    credentials.set(BACKUP_PASSPHRASE, "wrong")
    with pytest.raises(WrongPassphrase, match="passphrase does not open"):
        backups.verify(report.backup_set.name)
    credentials.delete(BACKUP_PASSPHRASE)
    with pytest.raises(WrongPassphrase, match="no backup passphrase is in the keyring"):
        backups.restore(report.backup_set.name, url)
    assert fingerprints(url) == before


def test_members_of_a_plain_set_are_readable_by_any_tar(good_set) -> None:  # type: ignore[no-untyped-def]
    _backups, backup_set, _url = good_set
    found = members(backup_set.archive)
    assert list(found) == [DB_MEMBER, "config/database.json", MANIFEST_NAME]
    assert found[DB_MEMBER].startswith(b"SQLite format 3\0")


def test_restore_refused_while_the_database_is_open(good_set, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    backups, backup_set, url = good_set
    store = Store.open(url)  # the app (or its processor) still running
    store.stats()
    before = fingerprints(url)
    try:
        with pytest.raises(RestoreRefused, match="still in use"):
            backups.restore(backup_set.name, url)
        assert fingerprints(url) == before
        assert not list(tmp_path.glob(".test.sqlite3*")) and not list(
            tmp_path.glob("*.before-restore-*")
        )
    finally:
        store.close()
    backups.restore(backup_set.name, url)  # stopped: now it goes through
