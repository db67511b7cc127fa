"""The command-line side of backups: `gastro-hub backup`, `gastro-hub restore SET` and
`gastro-hub backups` (list, optionally verify or show the remote). Each returns the exit code;
messages go to stdout, problems to stderr in the same words the window uses."""

from __future__ import annotations

import contextlib
import logging
import os
import sys
import time
from typing import Any, TextIO

from gastro_hub_desktop import paths
from gastro_hub_desktop.backup.errors import BackupError
from gastro_hub_desktop.backup.service import BackupService
from gastro_hub_desktop.backup.settings import BackupSettings, load_settings

log = logging.getLogger(__name__)


def _size(size: int) -> str:
    for unit in ("bytes", "kB", "MB", "GB"):
        if size < 1000 or unit == "GB":
            return f"{size} {unit}" if unit == "bytes" else f"{size:.1f} {unit}"
        size /= 1000  # type: ignore[assignment]
    return f"{size} bytes"


class _ProgressLine:
    """A percentage on stderr, rewritten in place on a terminal, silent otherwise."""

    def __init__(self, what: str, stream: TextIO = sys.stderr) -> None:
        self.what, self.stream, self.shown = what, stream, -1
        self.live = stream.isatty()

    def __call__(self, done: int, total: int) -> None:
        percent = int(100 * done / total) if total else 0
        if self.live and percent != self.shown:
            self.shown = percent
            self.stream.write(f"\r{self.what}: {percent:3d} %")
            self.stream.flush()

    def end(self) -> None:
        if self.live and self.shown >= 0:
            self.stream.write("\n")


def _credentials() -> Any:
    from gastro_hub_desktop.credentials import Credentials

    return Credentials()


def _settings_and_service(url: str) -> tuple[BackupSettings, BackupService]:
    """The saved backup settings (defaults if the database cannot be read)."""
    from gastro_hub_desktop.store.repository import Store

    settings = BackupSettings()
    try:
        store = Store.open(url)
    except Exception as exc:
        log.warning("backup settings not readable: %s", exc)
    else:
        try:
            settings = load_settings(store)
        finally:
            store.close()
    return settings, BackupService(settings, _credentials())


def _configure_logging() -> None:
    from gastro_hub_desktop.logging_setup import configure

    with contextlib.suppress(Exception):  # logging helps; it never fails a backup
        configure(paths.log_dir())


def run_backup(encrypt: bool | None = None, upload: bool | None = None) -> int:
    """`gastro-hub backup`: make a verified set now; prune and upload as configured.
    `encrypt` / `upload` override the saved settings for this run."""
    from dataclasses import replace

    from gastro_hub_desktop.store.repository import Store

    _configure_logging()
    url = paths.database_url()
    try:
        store = Store.open(url)
    except Exception as exc:
        print(f"The database cannot be opened ({paths.redact_url(url)}): {exc}", file=sys.stderr)
        return 1
    try:
        settings = load_settings(store)
        if encrypt is not None:
            settings = replace(settings, encrypt=encrypt)
        if upload is not None:
            settings = replace(settings, upload_after_backup=upload)
        service = BackupService(settings, _credentials())
        line = _ProgressLine("Backing up")
        try:
            report = service.back_up_now(store, line)
        finally:
            line.end()
    except BackupError as exc:
        print(str(exc), file=sys.stderr)
        return 1
    finally:
        store.close()
    rows = sum(t.rows for t in report.tables.values())
    print(f"Backup set {report.backup_set.name}: {_size(report.size)}, verified, "
          f"{report.seconds:.1f} s ({rows:,} rows in {len(report.tables)} tables).")  # fmt: skip
    print(f"  in {report.backup_set.archive}")
    for note in report.notes:
        print(f"  note: {note}")
    if report.pruned is not None and report.pruned.prune:
        print(f"  pruned {len(report.pruned.prune)} older sets: " + ", ".join(report.pruned.prune))
    if report.prune_problem:
        print(f"  not pruned: {report.prune_problem}", file=sys.stderr)
    if report.offsite:
        print(f"  off-site: uploaded to {service.remote.display() if service.remote else '?'}")
    if report.upload_problem:
        print(f"  NOT off-site: {report.upload_problem}", file=sys.stderr)
        return 3
    return 0


def run_restore(name: str, restore_config: bool = False) -> int:
    """`gastro-hub restore SET`: verify the set, restore it over the database in use (the app
    must not be running) and print what came back. The previous database is kept."""
    _configure_logging()
    url = paths.database_url()
    _settings, service = _settings_and_service(url)
    line = _ProgressLine("Restoring")
    try:
        try:
            report = service.restore(name, url, line, restore_config=restore_config)
        finally:
            line.end()
    except BackupError as exc:
        print(str(exc), file=sys.stderr)
        return 1
    print(f"Restored {report.set_name} in {report.seconds:.1f} s "
          f"(database schema {report.schema_revision}).")  # fmt: skip
    for table, rows in report.tables.items():
        print(f"  {table:<24} {rows:>10,} rows")
    if report.safety_copy is not None:
        print(f"The database as it was before is kept as {report.safety_copy}")
    if report.new_database_url is not None:
        if os.environ.get(paths.DATABASE_URL_ENV):
            print("The data was restored into a new database; set "
                  f"{paths.DATABASE_URL_ENV}={report.new_database_url} to use it "
                  "(the previous database is kept as it was).")  # fmt: skip
        else:
            paths.choose_database(report.new_database_url)
            print(f"The app now uses the restored database {report.new_database_url}; "
                  "the previous database is kept as it was.")  # fmt: skip
    for placed in report.files:
        print(f"  file: {placed}")
    for note in report.notes:
        print(f"  note: {note}")
    return 0


def run_list(verify: bool = False, remote: bool = False) -> int:
    """`gastro-hub backups`: the local sets, newest first (with `verify`, each is read whole
    and checked); with `remote`, also the sets on the configured rclone remote."""
    _configure_logging()
    _settings, service = _settings_and_service(paths.database_url())
    found = service.list_sets()
    print(f"Backups in {service.folder}:" if found else f"No backup sets in {service.folder}.")
    worst = 0
    for backup_set in found:
        state = backup_set.state
        status = "verified" if state.verified else (state.problem or "not verified")
        if verify:
            started = time.perf_counter()
            try:
                service.verify(backup_set.name)
                status = f"verified now ({time.perf_counter() - started:.1f} s)"
            except BackupError as exc:
                status, worst = f"DAMAGED: {exc}", 2
        local = backup_set.created_at.astimezone().strftime("%Y-%m-%d %H:%M")
        lock = ", encrypted" if backup_set.encrypted else ""
        print(f"  {backup_set.name}  {local}  {_size(backup_set.size)}{lock}  {status}; "
              f"{state.offsite.describe()}")  # fmt: skip
        if state.contents:
            rows = sum(state.contents.get("tables", {}).values())
            print(f"      {state.contents.get('database_kind')} database, schema "
                  f"{state.contents.get('schema_revision')}, {rows:,} rows, "
                  f"{len(state.contents.get('files', []))} files")  # fmt: skip
    health = service.health()
    if health.message:
        print(health.message, file=sys.stderr)
        worst = worst or 1
    if remote:
        if service.remote is None:
            print("No rclone remote is configured.")
        else:
            try:
                listed = service.list_remote()
            except BackupError as exc:
                print(str(exc), file=sys.stderr)
                return 1
            print(f"On {service.remote.display()}:" if listed else "No sets on the remote.")
            for found in listed:
                local = found.created_at.astimezone().strftime("%Y-%m-%d %H:%M")
                rows = sum((found.contents or {}).get("tables", {}).values())
                held = f", {rows:,} rows" if found.contents else ""
                print(f"  {found.filename}  {local}  {_size(found.size)}{held}")
    return worst
