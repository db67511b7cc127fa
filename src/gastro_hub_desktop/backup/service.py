"""The backup facade the engine and the command line call: back up now (dump, archive, verify
by reading back, then rename; prune and upload after), restore (verify every byte first, then
swap atomically and report rows per table), list, verify, prune, upload, fetch, health.

With the stack's n8n (`n8n=`), a set also holds n8n's workflows and credentials as n8n exports
them (credentials encrypted with n8n's key); that key goes into encrypted sets only, and a
restore puts it back into the keyring (see backup/n8n.py).

Long calls take progress(done_bytes, total_bytes) and cancelled() (checked between chunks)
and raise BackupError subclasses whose text is meant for the user."""

from __future__ import annotations

import contextlib
import errno
import io
import json
import logging
import os
import re
import shutil
import sqlite3
import tempfile
import time
from collections.abc import Callable, Mapping
from concurrent.futures import ThreadPoolExecutor, wait
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta, tzinfo
from pathlib import Path
from typing import Any, BinaryIO

from sqlalchemy.engine import make_url

from gastro_hub_desktop import paths
from gastro_hub_desktop.backup import database_dump, failpoints, rclone, retention, sets
from gastro_hub_desktop.backup.archive import ArchiveWriter, safe_target, scan
from gastro_hub_desktop.backup.database_dump import POSTGRESQL, SQLITE, DumpResult, PgTools
from gastro_hub_desktop.backup.encryption import describe as describe_encryption
from gastro_hub_desktop.backup.errors import (
    BackupCancelled,
    BackupError,
    DiskFull,
    RemoteFailed,
    RestoreRefused,
    SetDamaged,
    WrongPassphrase,
)
from gastro_hub_desktop.backup.manifest import FileEntry, Manifest, TableSummary, format_time
from gastro_hub_desktop.backup.n8n import (
    KEY_MEMBER,
    N8nFailed,
    N8nPart,
    N8nRestore,
    N8nSource,
    N8nTools,
    key_opens_all,
)
from gastro_hub_desktop.backup.retention import RetentionPlan, RetentionPolicy
from gastro_hub_desktop.backup.settings import BACKUP_PASSPHRASE, BackupSettings

log = logging.getLogger(__name__)

ProgressCallback = Callable[[int, int], None]
CancelCheck = Callable[[], bool]
_SECRET_URL = re.compile(r"://[^/@:\s\"]+:[^/@\s\"]+@")


def _no_progress(_done: int, _total: int) -> None:
    return None


def _not_cancelled() -> bool:
    return False


@dataclass(frozen=True)
class BackupReport:
    backup_set: sets.BackupSet
    seconds: float
    files: tuple[FileEntry, ...]
    tables: dict[str, TableSummary]
    pruned: RetentionPlan | None = None
    prune_problem: str | None = None
    offsite: bool = False
    upload_problem: str | None = None
    notes: tuple[str, ...] = ()

    @property
    def size(self) -> int:
        return self.backup_set.size


@dataclass(frozen=True)
class RestoreReport:
    set_name: str
    database_kind: str
    tables: dict[str, int]  # rows per table in the restored database
    seconds: float
    schema_revision: str | None
    safety_copy: Path | None = None  # SQLite: the database as it was before the restore
    new_database_url: str | None = None  # PostgreSQL: switch to this (no password in it)
    files: tuple[str, ...] = ()  # config and extra files brought back, where they went
    notes: tuple[str, ...] = ()
    n8n: N8nRestore | None = None  # n8n's workflows and credentials, ready to import
    replaced_database: str | None = None  # PostgreSQL switched in place: the old one's name


@dataclass(frozen=True)
class RemoteSet:
    """A set on the rclone remote (fetch it by `filename` to restore it)."""

    name: str
    filename: str
    size: int
    created_at: datetime
    contents: dict[str, Any] | None  # None: encrypted, or no index beside it


@dataclass(frozen=True)
class BackupHealth:
    last_verified: datetime | None
    overdue: bool  # no verified set within the alert period: tray alert, red line
    not_offsite: tuple[str, ...] = ()  # with a remote configured: sets not (yet) off-site
    message: str | None = None


@dataclass
class _Phases:
    """One progress bar over several steps: each step reports bytes of its own size."""

    callback: ProgressCallback
    sizes: list[int]
    index: int = 0
    last: int = 0

    def step(self, index: int, size: int | None = None) -> Callable[[int], None]:
        self.index = index
        if size is not None:
            self.sizes[index] = size

        def report(done: int) -> None:
            base = sum(self.sizes[:index])
            total = sum(self.sizes)
            now = min(base + max(done, 0), total)
            self.last = max(self.last, now)
            self.callback(self.last, total)

        return report

    def finish(self) -> None:
        total = sum(self.sizes)
        self.callback(total, total)


def _is_disk_full(exc: BaseException) -> bool:
    if isinstance(exc, OSError) and exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", -1)):
        return True
    return isinstance(exc, sqlite3.OperationalError) and "disk is full" in str(exc)


def _mb(size: int) -> str:
    return f"{size / 1e6:,.1f} MB"


def _remove(*paths_: Path) -> None:
    for path in paths_:
        with contextlib.suppress(OSError):
            if path.is_dir() and not path.is_symlink():
                shutil.rmtree(path)
            else:
                path.unlink()


class BackupService:
    """Backups of one data folder and database, with the user's settings and keyring."""

    def __init__(
        self,
        settings: BackupSettings | None = None,
        credentials: Any | None = None,
        *,
        data_dir: Path | None = None,
        zone: tzinfo | None = None,
    ) -> None:
        self.settings = settings or BackupSettings()
        self.credentials = credentials
        self.data_dir = data_dir or paths.data_dir()
        self.zone = zone

    @property
    def folder(self) -> Path:
        return self.settings.backups_folder()

    @property
    def remote(self) -> rclone.RcloneRemote | None:
        if not self.settings.remote:
            return None
        config = Path(self.settings.rclone_config) if self.settings.rclone_config else None
        return rclone.RcloneRemote(self.settings.remote, config=config)

    def _passphrase(self, needed: bool) -> str | None:
        if not needed:
            return None
        secret = None
        if self.credentials is not None:
            secret = self.credentials.get(BACKUP_PASSPHRASE)
        if not secret:
            raise WrongPassphrase(
                "Backup encryption is on but no backup passphrase is in the keyring: set one "
                "in Settings → Backups (keep a copy somewhere safe; without it no encrypted set "
                "can be restored)."
            )
        return str(secret)

    # ------------------------------------------------------------ back up

    def back_up_now(
        self,
        store: Any,
        progress: ProgressCallback = _no_progress,
        cancelled: CancelCheck = _not_cancelled,
        extra_files: Mapping[str, Path] | None = None,
        n8n: N8nSource | None = None,
    ) -> BackupReport:
        """Make a new set of `store`'s database (a Store, or a database URL) with the config
        files and `extra_files` (name in the set → local file); verify it by reading it back,
        then make it visible; then prune and upload as configured.

        With `n8n` (or a configured n8n container) n8n's workflows and credentials are
        exported in its container and go in as extra files; a failed export leaves them out
        with a note (the database's set is still made). n8n's key goes in encrypted sets only."""
        started = time.perf_counter()
        url = store if isinstance(store, str) else store.engine.url.render_as_string(False)
        kind = database_dump.database_kind(url)
        folder = self.folder
        folder.mkdir(parents=True, exist_ok=True)
        for leftover in sets.clean_stale(folder):
            log.info("removed the leftover of an interrupted backup: %s", leftover.name)
        passphrase = self._passphrase(self.settings.encrypt)
        created = datetime.now(UTC)
        name = sets.new_set_name(folder, created)
        estimate = self._estimate(url, kind)
        self._check_space(folder, estimate + (1 << 20), "The backups folder", folder)
        phases = _Phases(progress, [0, estimate, estimate])
        dump_part = sets.part_path(folder, name, "dump")
        archive_part = sets.part_path(folder, name, "archive")
        archive = folder / (name + sets.archive_suffix(passphrase is not None))
        member = f"database/{self._dump_name(url, kind)}"
        checksums = self._checksums(kind)
        notes: list[str] = []
        n8n_work = sets.part_path(folder, name, "exports")
        n8n = n8n or self._configured_n8n()
        try:
            n8n_part, n8n_files, n8n_key = self._export_n8n(
                n8n, n8n_work, passphrase is not None, cancelled, notes
            )
            extras = {**(extra_files or {}), **n8n_files}
            with ArchiveWriter(archive_part, passphrase, created.timestamp()) as writer:
                snapshot: Any = None
                if kind == SQLITE:  # the fast path: the snapshot straight from the file
                    path = database_dump.sqlite_path(url)
                    with database_dump.sqlite_snapshot(path, checksums) as snapshot:
                        if snapshot is not None:
                            progress_of = phases.step(1, snapshot.size)
                            writer.add_file(member, path, "database", progress_of, cancelled,
                                            size=snapshot.size)  # fmt: skip
                if snapshot is None:  # a dump to a scratch file, then into the archive
                    self._check_space(folder, 2 * estimate + (1 << 20), "The backups folder",
                                      folder)  # fmt: skip
                    phases.sizes[0] = estimate
                    snapshot = self._dump(url, kind, dump_part, phases.step(0), cancelled)
                    size = dump_part.stat().st_size
                    writer.add_file(member, dump_part, "database", phases.step(1, size),
                                    cancelled)  # fmt: skip
                    _remove(dump_part)  # space back before the small files and the manifest
                self._add_config(writer, notes)
                for arcname, extra in sorted(extras.items()):
                    writer.add_file(f"extra/{arcname}", extra, "extra", cancelled=cancelled)
                if n8n_key is not None:  # only ever here: the archive is encrypted
                    writer.add_bytes(KEY_MEMBER, n8n_key.encode(), "extra")
                encryption = describe_encryption() if passphrase else {"scheme": "none"}
                manifest = Manifest(created, kind, snapshot.schema_revision,
                                    tuple(writer.entries), snapshot.tables, encryption,
                                    n8n=n8n_part.to_manifest() if n8n_part else None)  # fmt: skip
                writer.finish(manifest)
                failpoints.reach("backup.before-verify")
                written = writer.bytes_written
                # verify by reading it all back while the kernel writes it to the disk
                with ThreadPoolExecutor(1, thread_name_prefix="backup-fsync") as pool:
                    syncing = pool.submit(writer.sync)
                    try:
                        result = scan(archive_part, passphrase, None, phases.step(2, written),
                                      cancelled)  # fmt: skip
                    finally:
                        wait([syncing])
                    syncing.result()
            if result.manifest.to_json() != manifest.to_json():
                raise SetDamaged(f"{archive.name}: the manifest read back differs.", archive.name)
            state = sets.SetState(
                name, archive.name, written, format_time(created), passphrase is not None,
                verified_at=format_time(datetime.now(UTC)),
                contents=None if passphrase else sets.contents_of(manifest),
            )  # fmt: skip
            failpoints.reach("backup.before-rename")
            os.replace(archive_part, archive)  # the set appears whole, or not at all
            database_dump._fsync_dir(folder)
            failpoints.reach("backup.after-rename")
            sets.write_state(folder, state)  # lost in a crash just here: shown "not verified"
            _remove(n8n_work)
        except BaseException as exc:
            _remove(dump_part, archive_part, n8n_work)
            if _is_disk_full(exc):
                free = shutil.disk_usage(folder).free
                raise DiskFull(
                    f"The backups folder {folder} is full ({_mb(free)} free; this set needs "
                    f"about {_mb(estimate)}). Nothing was kept and earlier sets are untouched: "
                    "free some space or choose another backups folder."
                ) from exc
            if isinstance(exc, sqlite3.Error):
                raise BackupError(f"The database could not be read for the backup: {exc}") from exc
            raise
        phases.finish()
        backup_set = sets.find_set(folder, name)
        log.info("backup set %s made (%s) in %.1f s", name, _mb(backup_set.size),
                 time.perf_counter() - started)  # fmt: skip
        if not isinstance(store, str):
            with contextlib.suppress(Exception):
                store.audit("backup", "backup.created", {"set": name, "bytes": backup_set.size})
        report = BackupReport(backup_set, time.perf_counter() - started, manifest.files,
                              manifest.tables, notes=tuple(notes))  # fmt: skip
        return self._after_backup(report)

    def _after_backup(self, report: BackupReport) -> BackupReport:
        """Prune (only now that the new set verified) and upload, as configured; a failure of
        either is reported, never a reason to lose the new set."""
        if self.settings.prune_after_backup:
            try:
                report = replace(report, pruned=self.prune())
            except BackupError as exc:
                report = replace(report, prune_problem=str(exc))
        if self.remote is not None and self.settings.upload_after_backup:
            try:
                offsite = self.upload(report.backup_set.name)
                report = replace(report, offsite=offsite.is_offsite)
            except (BackupError, OSError) as exc:
                report = replace(report, upload_problem=str(exc))
        return report

    def _pg_tools(self) -> PgTools:
        return PgTools(container=self.settings.pg_container, docker_host=self.settings.docker_host)

    def _configured_n8n(self) -> N8nSource | None:
        """An n8n container named in the settings (the engine passes the stack's instead)."""
        if not self.settings.n8n_container:
            return None
        return N8nSource(
            N8nTools(self.settings.n8n_container, docker_host=self.settings.docker_host)
        )

    def _secret(self, name: str | None) -> str | None:
        if not name or self.credentials is None:
            return None
        value = self.credentials.get(name)
        return str(value) if value else None

    def _export_n8n(
        self,
        source: N8nSource | None,
        work: Path,
        encrypted: bool,
        cancelled: CancelCheck,
        notes: list[str],
    ) -> tuple[N8nPart | None, dict[str, Path], str | None]:
        """n8n's exports for the set (name → file), what the manifest says about them, and
        n8n's key when (and only when) the archive is encrypted."""
        if source is None:
            return None, {}, None
        part = N8nPart(False, source.tools.container)
        try:
            exported = source.tools.export(work, cancelled)
        except (N8nFailed, OSError) as exc:
            part.problem = str(exc)
            log.warning("n8n's export failed: %s", exc)
            notes.append(f"n8n's workflows and credentials are not in this set: {exc}")
            return part, {}, None
        part.included = True
        part.workflows, part.credentials = exported.workflows, exported.credentials
        log.info(
            "n8n exported %d workflows and %d credentials in %.1f s",
            exported.workflows,
            exported.credentials,
            exported.seconds,
        )
        key = self._secret(source.key_name)
        part.key_opens_credentials = key_opens_all(key, exported.credential_data())
        if part.key_opens_credentials is False:
            notes.append(
                "The n8n encryption key in the keyring does not open n8n's credentials (was n8n "
                "given another key by hand?): keep n8n's own key safe, the set cannot restore "
                "them without it."
            )
        if encrypted and key:
            part.key = "included"
            return part, exported.files, key
        part.key = "missing" if encrypted and exported.credentials else "not included"
        if part.key == "missing":
            notes.append(
                "n8n's encryption key is not in the keyring, so this set cannot carry "
                "it: its n8n credentials restore only where n8n has that key."
            )
        return part, exported.files, None

    def _checksums(self, kind: str) -> bool:
        """Table checksums by default for PostgreSQL only: its dump is logical, so they prove
        the round trip; a SQLite dump is the database file byte for byte, which the file's
        SHA-256 already proves (and hashing every row of a 1 GB file would double the time)."""
        chosen = self.settings.table_checksums
        return kind == POSTGRESQL if chosen is None else chosen

    def _estimate(self, url: str, kind: str) -> int:
        if kind == SQLITE:
            path = database_dump.sqlite_path(url)
            wal = path.with_name(path.name + "-wal")
            return sum(p.stat().st_size for p in (path, wal) if p.exists()) or 1
        from sqlalchemy import create_engine
        from sqlalchemy.pool import NullPool

        engine = create_engine(url, poolclass=NullPool)
        try:
            with engine.connect() as conn:
                size = conn.exec_driver_sql("SELECT pg_database_size(current_database())")
                return max(int(size.scalar_one()) // 4, 1)  # -Fc compresses
        finally:
            engine.dispose()

    @staticmethod
    def _check_space(folder: Path, needed: int, what: str, where: Path) -> None:
        free = shutil.disk_usage(folder).free
        if free < needed:
            raise DiskFull(
                f"{what} {where} has {_mb(free)} free; about {_mb(needed)} is needed. Nothing "
                "was changed: free some space or choose another folder."
            )

    @staticmethod
    def _dump_name(url: str, kind: str) -> str:
        if kind == SQLITE:
            return database_dump.sqlite_path(url).name
        return f"{make_url(url).database}.pgdump"

    def _dump(
        self,
        url: str,
        kind: str,
        dest: Path,
        progress: Callable[[int], None],
        cancelled: CancelCheck,
    ) -> DumpResult:
        checksums = self._checksums(kind)
        if kind == SQLITE:
            return database_dump.dump_sqlite(database_dump.sqlite_path(url), dest,
                                             checksums=checksums, progress=progress,
                                             cancelled=cancelled)  # fmt: skip
        tools = self._pg_tools()
        return database_dump.dump_postgres(url, dest, tools=tools, checksums=checksums,
                                           progress=progress, cancelled=cancelled)  # fmt: skip

    def _add_config(self, writer: ArchiveWriter, notes: list[str]) -> None:
        for name in self.settings.config_files:
            path = self.data_dir / name
            if not path.is_file():
                continue
            data = path.read_bytes()
            if _SECRET_URL.search(data.decode("utf-8", "replace")):
                notes.append(f"{name} was left out: it holds a password, and secrets never go "
                             "into backups.")  # fmt: skip
                continue
            writer.add_bytes(f"config/{name}", data, "config")

    # ------------------------------------------------------------ restore

    def restore(
        self,
        name: str,
        database_url: str,
        progress: ProgressCallback = _no_progress,
        cancelled: CancelCheck = _not_cancelled,
        restore_config: bool = False,
        *,
        n8n_key_name: str | None = None,
        switch_in_place: bool = False,
    ) -> RestoreReport:
        """Restore set `name` over the database at `database_url` (the engine must be stopped).

        Every byte of the set is checked while the database is written to a new file (SQLite)
        or a fresh database (PostgreSQL); only when all checksums, the schema version and the
        row counts agree is it switched in. SQLite: the old file is kept as a safety copy and
        the new one renamed over it. PostgreSQL: the old database stays as it is; the report's
        `new_database_url` is the one to switch to - or, with `switch_in_place` (the stack's
        processor uses the same database), the restored one takes the current one's name and
        the old one is kept beside it (`replaced_database`).

        n8n's files land in restored/<set>/ (the report's `n8n` says what to import); n8n's key
        from an encrypted set goes back into the keyring under `n8n_key_name`."""
        started = time.perf_counter()
        backup_set = sets.find_set(self.folder, name)
        passphrase = self._passphrase(backup_set.encrypted)
        kind = database_dump.database_kind(database_url)
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
        if kind == SQLITE:
            db_path = database_dump.sqlite_path(database_url).resolve()
            db_path.parent.mkdir(parents=True, exist_ok=True)
            work_folder = db_path.parent
            sets.clean_stale(work_folder)
            new_file = work_folder / f".{db_path.name}.p{os.getpid()}.restore.part"
        else:
            work_folder = self.folder
            sets.clean_stale(work_folder)
            new_file = sets.part_path(work_folder, backup_set.name, "restore")
        sets.clean_stale(self.data_dir)  # a staging folder left by a killed restore
        self._check_space(work_folder, backup_set.size + (1 << 20), "The database folder",
                          work_folder)  # fmt: skip
        staging = self.data_dir / f".restore-{backup_set.name}.p{os.getpid()}.staging.part"
        opened: list[BinaryIO] = []
        n8n_key = io.BytesIO()  # n8n's key stays in memory, never on the disk

        def sink_for(member: str) -> BinaryIO:
            if member == KEY_MEMBER:
                return n8n_key
            if member.startswith("database/"):
                target = new_file
            else:
                target = safe_target(staging, member)
                target.parent.mkdir(parents=True, exist_ok=True)
            handle = open(target, "xb")  # noqa: SIM115 (closed below)
            opened.append(handle)
            return handle

        phases = _Phases(progress, [backup_set.size, max(backup_set.size // 20, 1)])
        new_url: str | None = None
        replaced: str | None = None
        try:
            try:
                result = scan(backup_set.archive, passphrase, sink_for, phases.step(0), cancelled)
            except SetDamaged as exc:
                sets.record_verification(backup_set, problem=str(exc))
                raise
            finally:
                _close_sinks(opened)
            manifest = result.manifest
            manifest.check_restorable()
            if manifest.database_kind != kind:
                raise RestoreRefused(
                    f"Set {backup_set.name} holds a {manifest.database_kind} database but the app "
                    f"now uses {kind}; restore it with the same kind of database. Nothing was "
                    "changed."
                )
            failpoints.reach("restore.after-extract")
            if kind == SQLITE:
                restored = self._check_restored(
                    database_dump.sqlite_fingerprints(new_file, self._wants_checksums(manifest)),
                    manifest,
                )
                if cancelled():
                    raise BackupCancelled("The restore was cancelled; nothing was changed.")
                safety = database_dump.swap_sqlite(new_file, db_path, stamp)
            else:
                current = make_url(database_url).database or "gastro_hub"
                new_name = database_dump.free_database_name(
                    database_url, f"{current[:40]}_restored_{stamp.lower()}"
                )
                tools = self._pg_tools()
                new_url = database_dump.restore_postgres(new_file, database_url, new_name, tools)
                fingerprints = database_dump.table_fingerprints(
                    new_url, self._wants_checksums(manifest)
                )
                restored = self._check_restored(fingerprints, manifest)
                safety = None
                _remove(new_file)  # loaded: a second restore in this process needs the name
                if switch_in_place:
                    if cancelled():
                        raise BackupCancelled("The restore was cancelled; nothing was changed.")
                    replaced = database_dump.switch_postgres(database_url, new_name, stamp)
                    new_url = None  # it has the current one's name now: nothing to drop
            phases.finish()
        except BaseException as exc:
            _remove(new_file, staging)
            if new_url is not None:
                database_dump.drop_postgres_database(database_url, make_url(new_url).database)
            if _is_disk_full(exc):
                raise DiskFull(
                    f"The disk of {work_folder} ran full while restoring; nothing was changed. "
                    "Free some space and try again."
                ) from exc
            raise
        files = self._place_files(staging, backup_set.name, manifest, restore_config, stamp)
        sets.record_verification(backup_set, manifest=manifest)
        notes: list[str] = []
        if replaced is not None:
            notes.append(
                f"The database as it was before the restore is kept as {replaced} on "
                "the same server."
            )
        n8n_restore = self._n8n_restored(
            backup_set.name, manifest, n8n_key.getvalue().decode() or None, n8n_key_name, notes
        )
        if manifest.schema_revision and manifest.schema_revision != _schema_head():
            notes.append(f"The set has database schema {manifest.schema_revision}; it is "
                         f"brought up to {_schema_head()} when the app next opens it.")  # fmt: skip
        public_url = None
        if new_url is not None:
            public_url = make_url(new_url).set(password=None).render_as_string(False)
        log.info("restored set %s in %.1f s", backup_set.name, time.perf_counter() - started)
        return RestoreReport(
            backup_set.name, kind, restored, time.perf_counter() - started,
            manifest.schema_revision, safety, public_url, tuple(files), tuple(notes),
            n8n_restore, replaced,
        )  # fmt: skip

    def _n8n_restored(
        self,
        name: str,
        manifest: Manifest,
        set_key: str | None,
        key_name: str | None,
        notes: list[str],
    ) -> N8nRestore | None:
        """What of n8n came back and whether its credentials can be imported here; n8n's key
        from the set goes back into the keyring (never over a different key n8n uses now)."""
        part = N8nPart.from_manifest(manifest.n8n)
        if part is None or not part.included:
            if part is not None:
                notes.append(f"The set holds no n8n workflows: {part.problem or 'not exported'}")
            return None
        folder = self.data_dir / "restored" / name / "extra" / "n8n"
        encrypted = []
        for path in sorted((folder / "credentials").glob("*.json")):
            with contextlib.suppress(ValueError, OSError, AttributeError):
                data = json.loads(path.read_text("utf-8")).get("data")
                if isinstance(data, str):
                    encrypted.append(data)
        current = self._secret(key_name)
        importable = True
        if set_key is not None:
            if key_name and self.credentials is not None and current in (None, set_key):
                if current is None:
                    self.credentials.set(key_name, set_key)
                    notes.append("n8n's encryption key from the set is back in the keyring.")
                key = "restored" if current is None else "same"
            else:
                aside = f"{key_name or 'n8n'}.from-{name}"
                if self.credentials is not None:
                    self.credentials.set(aside, set_key)
                key, importable = "kept aside", False
                if key_name:
                    notes.append(
                        "n8n here uses another encryption key than the set's, so the set's n8n "
                        "credentials were not imported; the set's key is in the keyring as "
                        f"{aside}."
                    )
                else:
                    notes.append(
                        "n8n's encryption key from the set is in the keyring as "
                        f"{aside} (no stack is set up here to give it to)."
                    )
        else:
            key = "not in the set"
            opens = key_opens_all(current, encrypted)
            if encrypted:
                plain = (
                    "n8n's credentials in this set are encrypted with n8n's encryption key, "
                    "which the set does not carry (it is not encrypted): they open only with "
                    "that same key"
                )
                if opens:
                    notes.append(
                        f"{plain}, and the key still in this computer's keyring opens them."
                    )
                elif current is None:
                    importable = False
                    notes.append(
                        f"{plain}, and this computer's keyring has no n8n key: copy "
                        "it from the computer the set was made on, then import them."
                    )
                else:
                    importable = False
                    notes.append(
                        f"{plain}; the key in this computer's keyring does not open "
                        "them, so they were not imported."
                    )
        return N8nRestore(folder, part.workflows, part.credentials, key, importable)

    def _wants_checksums(self, manifest: Manifest) -> bool:
        return any(t.checksum for t in manifest.tables.values())

    @staticmethod
    def _check_restored(found: dict[str, TableSummary], manifest: Manifest) -> dict[str, int]:
        for table, expected in manifest.tables.items():
            got = found.get(table)
            if got is None or got.rows != expected.rows:
                raise RestoreRefused(
                    f"After restoring, table {table} has {got.rows if got else 'no'} rows where "
                    f"the set recorded {expected.rows}; the restore was rolled back."
                )
            if expected.checksum and got.checksum != expected.checksum:
                raise RestoreRefused(
                    f"After restoring, the rows of table {table} differ from the set's "
                    "checksum; the restore was rolled back."
                )
        return {table: summary.rows for table, summary in sorted(found.items())}

    def _place_files(
        self, staging: Path, name: str, manifest: Manifest, restore_config: bool, stamp: str
    ) -> list[str]:
        """Config and extra files go to "restored/<set>/" in the data folder; with
        `restore_config` the config files also replace the current ones (kept aside first)."""
        placed: list[str] = []
        if not staging.exists():
            return placed
        target = self.data_dir / "restored" / name
        if target.exists():
            shutil.rmtree(target)
        target.parent.mkdir(parents=True, exist_ok=True)
        os.replace(staging, target)
        for entry in manifest.files:
            if entry.role == "database" or entry.path == KEY_MEMBER:
                continue
            where = safe_target(target, entry.path)
            placed.append(str(where))
            if restore_config and entry.role == "config":
                live = safe_target(self.data_dir, entry.path.removeprefix("config/"))
                if live.exists():
                    shutil.copy2(live, live.with_name(f"{live.name}.before-restore-{stamp}"))
                partial = live.with_name(live.name + f".p{os.getpid()}.restore.part")
                shutil.copyfile(where, partial)
                os.replace(partial, live)
                placed.append(str(live))
        return placed

    # ------------------------------------------------------------ sets

    def list_sets(self) -> list[sets.BackupSet]:
        return sets.list_sets(self.folder)

    def verify(
        self,
        name: str,
        progress: ProgressCallback = _no_progress,
        cancelled: CancelCheck = _not_cancelled,
    ) -> Manifest:
        """Read set `name` whole and check every checksum; raises SetDamaged naming the file."""
        backup_set = sets.find_set(self.folder, name)
        passphrase = self._passphrase(backup_set.encrypted)
        phases = _Phases(progress, [backup_set.size])
        result = sets.verify_set(backup_set, passphrase, phases.step(0), cancelled)
        phases.finish()
        return result.manifest

    def plan_prune(
        self, policy: RetentionPolicy | None = None, now: datetime | None = None
    ) -> RetentionPlan:
        """What pruning would do now, with a reason per set (shown before anything goes)."""
        return retention.plan(self.list_sets(), now or datetime.now(UTC),
                              policy or self.settings.retention, self.zone)  # fmt: skip

    def prune(
        self, policy: RetentionPolicy | None = None, now: datetime | None = None
    ) -> RetentionPlan:
        """Delete the sets the policy does not keep (the plan is returned)."""
        by_name = {s.name: s for s in self.list_sets()}
        plan = self.plan_prune(policy, now)
        for name in plan.prune:
            log.info("pruning backup set %s: %s", name, plan.reasons[name])
            sets.delete_set(by_name[name])
        return plan

    # ------------------------------------------------------------ off-site

    def upload(self, name: str, cancelled: CancelCheck = _not_cancelled) -> sets.Offsite:
        """Copy set `name` to the configured remote and read it back; its state says the
        outcome ("not off-site" with the reason when it failed, which is then raised)."""
        remote = self.remote
        if remote is None:
            raise RemoteFailed("No rclone remote is configured for off-site copies.")
        backup_set = sets.find_set(self.folder, name)
        state = backup_set.state
        state.offsite = sets.Offsite(sets.UPLOADING, remote.display(), pid=os.getpid())
        sets.write_state(self.folder, state)
        index = sets.part_path(self.folder, name, "index")
        try:
            published = replace(state, offsite=sets.Offsite())
            index.write_text(published.to_json(), encoding="utf-8")
            rclone.upload(remote, backup_set.archive, index, cancelled)
        except BaseException as exc:
            message = str(exc) if isinstance(exc, BackupError) else f"upload failed: {exc}"
            state.offsite = sets.Offsite(sets.FAILED, remote.display(), _now(), message)
            sets.write_state(self.folder, state)
            raise
        finally:
            _remove(index)
        state.offsite = sets.Offsite(sets.UPLOADED, remote.display(), _now())
        sets.write_state(self.folder, state)
        return state.offsite

    def list_remote(self, cancelled: CancelCheck = _not_cancelled) -> list[RemoteSet]:
        """The sets on the remote, newest first, with what they hold (from the small index
        uploaded beside each archive; encrypted sets show no contents)."""
        remote = self.remote
        if remote is None:
            return []
        archives = {f.name: f.size for f in rclone.list_remote(remote, cancelled)
                    if sets.ARCHIVE.match(f.name)}  # fmt: skip
        indexes: dict[str, sets.SetState] = {}
        if archives:
            with tempfile.TemporaryDirectory(prefix="gastro-hub-remote-") as tmp:
                rclone.fetch_matching(remote, "/gastro-hub-*.json", Path(tmp), cancelled)
                for path in Path(tmp).glob("*.json"):
                    with contextlib.suppress(ValueError, TypeError, OSError):
                        indexes[path.stem] = sets.SetState.from_json(path.read_text("utf-8"))
        found = []
        for filename, size in archives.items():
            match = sets.ARCHIVE.match(filename)
            assert match is not None
            name = match.group(1)
            index = indexes.get(name)
            created = sets.set_time(name)
            assert created is not None
            found.append(RemoteSet(name, filename, size, created,
                                   index.contents if index else None))  # fmt: skip
        return sorted(found, key=lambda r: (r.created_at, r.name), reverse=True)

    def fetch(
        self,
        filename: str,
        cancelled: CancelCheck = _not_cancelled,
        progress: ProgressCallback = _no_progress,
        size: int = 0,
    ) -> sets.BackupSet:
        """Bring a set back from the remote into the backups folder, verified before it shows;
        progress(bytes, total) over the download (of `size`, the remote's size) and the check."""
        remote = self.remote
        match = sets.ARCHIVE.match(Path(filename).name)
        if remote is None or match is None:
            raise RemoteFailed(f"{filename} is not a set on the configured remote.")
        name = match.group(1)
        folder = self.folder
        folder.mkdir(parents=True, exist_ok=True)
        target = folder / filename
        if target.exists():
            return sets.find_set(folder, name)
        part = sets.part_path(folder, name, "fetch")
        phases = _Phases(progress, [max(size, 0), max(size, 0)])
        downloading = phases.step(0)

        def measure() -> None:  # rclone may write under a temporary name beside `part`
            with contextlib.suppress(OSError):
                downloading(sum(p.stat().st_size for p in folder.glob(part.name + "*")))

        try:
            rclone.fetch(remote, filename, part, cancelled, measure)
            got = part.stat().st_size
            passphrase = self._passphrase(filename.endswith(sets.ENCRYPTED))
            result = scan(part, passphrase, None, phases.step(1, got), cancelled)
            phases.sizes[0] = got
            created = sets.set_time(name) or result.manifest.created_at
            state = sets.SetState(
                name, filename, part.stat().st_size, format_time(created),
                filename.endswith(sets.ENCRYPTED), verified_at=_now(),
                contents=None if passphrase else sets.contents_of(result.manifest),
                offsite=sets.Offsite(sets.UPLOADED, remote.display(), _now()),
            )  # fmt: skip
            sets.write_state(folder, state)
            os.replace(part, target)
        finally:
            _remove(part)
        phases.finish()
        return sets.find_set(folder, name)

    # ------------------------------------------------------------ health

    def health(self, now: datetime | None = None) -> BackupHealth:
        """Whether backups are current: a verified set within the alert period, off-site when
        a remote is configured. Measured from the sets on disk, never assumed."""
        now = now or datetime.now(UTC)
        found = self.list_sets()
        verified = [s for s in found if s.verified]
        last = verified[0].created_at if verified else None
        limit = timedelta(hours=self.settings.alert_after_hours)
        overdue = last is None or now - last > limit
        not_offsite: tuple[str, ...] = ()
        if self.remote is not None:
            not_offsite = tuple(s.name for s in found if not s.state.offsite.is_offsite)
        message = None
        if overdue:
            hours = 0.0 if last is None else (now - last).total_seconds() / 3600
            message = (
                "No verified backup yet."
                if last is None
                else (f"No verified backup for {hours:.0f} hours.")
            )
        elif verified and verified[0].name in not_offsite:
            said = verified[0].state.offsite.describe()  # "not off-site[: why]", "uploading..."
            reason = said.removeprefix("not off-site").removeprefix(": ")
            message = "The newest backup is not off-site" + (f": {reason}" if reason else ".")
        return BackupHealth(last, overdue, not_offsite, message)


def _close_sinks(opened: list[BinaryIO]) -> None:
    """Finish the files a restore wrote: all written and on the disk, or the first error."""
    problem: BaseException | None = None
    for handle in opened:
        try:
            handle.flush()
            os.fsync(handle.fileno())
        except BaseException as exc:
            problem = problem or exc
        finally:
            handle.close()
    if problem is not None:
        raise problem


def _now() -> str:
    return format_time(datetime.now(UTC))


def _schema_head() -> str:
    from gastro_hub_desktop.store.migrate import SCHEMA_HEAD

    return SCHEMA_HEAD
