"""Dumping and restoring the app's database, consistent while the app keeps writing: SQLite
(the snapshot straight from its file, else the online backup API) and PostgreSQL (`pg_dump -Fc`,
`pg_restore --single-transaction` into a fresh database). Rows and checksums per table.

SQLite restore writes a new file and swaps it in with os.replace after keeping the old one as
a safety copy. PostgreSQL restore returns the fresh database's URL (the caller switches to
it). Rows and an order-independent checksum per table, measured in the dump's own snapshot,
prove a round trip."""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import os
import shutil
import sqlite3
import subprocess
import threading
import time as clock
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, time
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, text
from sqlalchemy.engine import Connection, make_url
from sqlalchemy.pool import NullPool

from gastro_hub_desktop.backup import failpoints
from gastro_hub_desktop.backup.errors import BackupCancelled, BackupError, RestoreRefused
from gastro_hub_desktop.backup.manifest import TableSummary

log = logging.getLogger(__name__)

SQLITE, POSTGRESQL = "sqlite", "postgresql"
STEP_PAGES = 8192  # backup API pages per step: progress and cancel between steps
_MASK = (1 << 128) - 1

Progress = Callable[[int], None]
Cancelled = Callable[[], bool]


def _never() -> bool:
    return False


def _ignore(_done: int) -> None:
    return None


def database_kind(url: str) -> str:
    backend = make_url(url).get_backend_name()
    if backend in (SQLITE, POSTGRESQL):
        return backend
    raise BackupError(f"Backups support SQLite and PostgreSQL databases, not {backend}.")


def sqlite_path(url: str) -> Path:
    database = make_url(url).database
    if not database or database == ":memory:":
        raise BackupError("An in-memory database cannot be backed up or restored.")
    return Path(database)


@dataclass(frozen=True)
class DumpResult:
    """A database dump on disk, with what it holds (measured in the dump's own snapshot)."""

    path: Path
    kind: str
    schema_revision: str | None
    tables: dict[str, TableSummary]


# ---------------------------------------------------------------- fingerprints


def _update(digest: Any, value: object) -> None:
    """Feed one column value into a row digest, unambiguously (type tag and length)."""
    if value is None:
        digest.update(b"N;")
    elif isinstance(value, bytes | bytearray | memoryview):
        digest.update(b"B%d:" % len(value))
        digest.update(value)
    elif isinstance(value, str):
        data = value.encode("utf-8", "surrogatepass")
        digest.update(b"S%d:" % len(data))
        digest.update(data)
    elif isinstance(value, bool):
        digest.update(b"T;" if value else b"F;")
    elif isinstance(value, int):
        digest.update(b"I%d;" % value)
    elif isinstance(value, float):
        digest.update(b"R%s;" % repr(value).encode())
    elif isinstance(value, datetime | date | time):
        digest.update(b"D%s;" % value.isoformat().encode())
    elif isinstance(value, Decimal):
        digest.update(b"M%s;" % str(value).encode())
    elif isinstance(value, dict | list):
        data = json.dumps(value, sort_keys=True, default=str, ensure_ascii=False).encode()
        digest.update(b"J%d:" % len(data))
        digest.update(data)
    else:
        digest.update(b"O%s;" % repr(value).encode())


def fold_rows(rows: Iterable[tuple[Any, ...]]) -> TableSummary:
    """Rows and an order-independent checksum: the sum (mod 2^128) of each row's SHA-256."""
    total = count = 0
    for row in rows:
        digest = hashlib.sha256()
        for value in row:
            _update(digest, value)
        total = (total + int.from_bytes(digest.digest()[:16], "big")) & _MASK
        count += 1
    return TableSummary(count, f"{total:032x}")


def _sqlite_tables(conn: sqlite3.Connection) -> list[str]:
    """The real tables; virtual tables (full-text search) and their shadow tables are left out
    (they are rebuilt from the real ones, and the dump copies them page for page anyway)."""
    rows = conn.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
    ).fetchall()
    virtual = [name for name, sql in rows if (sql or "").upper().startswith("CREATE VIRTUAL")]
    return sorted(
        name for name, sql in rows
        if name not in virtual and not any(name.startswith(v + "_") for v in virtual)
    )  # fmt: skip


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def sqlite_fingerprints(path: Path, checksums: bool = True) -> dict[str, TableSummary]:
    """Rows (and checksums) per table of the SQLite file at `path`, read as it is on disk."""
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro&immutable=1", uri=True)
    try:
        return _sqlite_fingerprints(conn, checksums)
    finally:
        conn.close()


def _sqlite_fingerprints(conn: sqlite3.Connection, checksums: bool) -> dict[str, TableSummary]:
    result: dict[str, TableSummary] = {}
    for table in _sqlite_tables(conn):
        if checksums:
            result[table] = fold_rows(conn.execute(f"SELECT * FROM {_quote(table)}"))
        else:
            count = conn.execute(f"SELECT count(*) FROM {_quote(table)}").fetchone()[0]
            result[table] = TableSummary(int(count))
    return result


def _postgres_fingerprints(conn: Connection, checksums: bool) -> dict[str, TableSummary]:
    tables = conn.exec_driver_sql(
        "SELECT tablename FROM pg_tables WHERE schemaname = current_schema() ORDER BY tablename"
    ).scalars()
    result: dict[str, TableSummary] = {}
    for table in list(tables):
        if checksums:
            rows = conn.exec_driver_sql(f"SELECT * FROM {_quote(table)}")
            result[table] = fold_rows(tuple(r) for r in rows)
        else:
            count = conn.exec_driver_sql(f"SELECT count(*) FROM {_quote(table)}").scalar_one()
            result[table] = TableSummary(int(count))
    return result


def table_fingerprints(url: str, checksums: bool = True) -> dict[str, TableSummary]:
    """Rows and checksums per table of the database at `url` (for reports and checks)."""
    if database_kind(url) == SQLITE:
        conn = sqlite3.connect(sqlite_path(url), timeout=30)
        try:
            conn.execute("BEGIN")
            return _sqlite_fingerprints(conn, checksums)
        finally:
            conn.close()
    engine = create_engine(url, poolclass=NullPool)
    try:
        with engine.connect() as conn:
            conn = conn.execution_options(isolation_level="REPEATABLE READ")
            with conn.begin():
                return _postgres_fingerprints(conn, checksums)
    finally:
        engine.dispose()


def _revision_sqlite(conn: sqlite3.Connection) -> str | None:
    try:
        row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlite3.OperationalError:
        return None
    return None if row is None else str(row[0])


# ---------------------------------------------------------------- SQLite


def dump_sqlite(
    db_path: Path,
    dest: Path,
    *,
    checksums: bool = True,
    progress: Progress = _ignore,
    cancelled: Cancelled = _never,
) -> DumpResult:
    """A consistent copy of the live SQLite database at `dest` through the online backup API.

    The source connection holds one read transaction for the whole copy, so the steps all
    read the same snapshot (WAL: the app's writers carry on meanwhile) and the copy never
    restarts however busy the app is."""
    if not db_path.exists():
        raise BackupError(f"There is no database at {db_path} to back up.")
    source = sqlite3.connect(db_path, timeout=30, isolation_level=None)
    target: sqlite3.Connection | None = None
    try:
        source.execute("PRAGMA busy_timeout=30000")
        source.execute("BEGIN")
        source.execute("SELECT count(*) FROM sqlite_master").fetchone()  # the snapshot starts
        page_size = source.execute("PRAGMA page_size").fetchone()[0]
        target = sqlite3.connect(dest, isolation_level=None)
        # a scratch file (it goes into the archive, then away): no journal, no fsync
        target.execute("PRAGMA journal_mode=OFF")
        target.execute("PRAGMA synchronous=OFF")
        target.execute("PRAGMA cache_size=-2000")

        def step(_status: int, remaining: int, total: int) -> None:
            if cancelled():
                raise BackupCancelled("The backup was cancelled; nothing was kept.")
            progress((total - remaining) * page_size)

        source.backup(target, pages=STEP_PAGES, progress=step)
        target.close()
        target = None
        failpoints.reach("backup.after-dump")
        reader = sqlite3.connect(f"{dest.resolve().as_uri()}?mode=ro&immutable=1", uri=True)
        try:
            revision = _revision_sqlite(reader)
            tables = _sqlite_fingerprints(reader, checksums)
        finally:
            reader.close()
        return DumpResult(dest, SQLITE, revision, tables)
    finally:
        if target is not None:
            target.close()
        source.close()


@dataclass(frozen=True)
class SqliteSnapshot:
    """While held: the first `size` bytes of the database file at `path` are exactly the
    database as of the snapshot, and stay so."""

    path: Path
    size: int
    schema_revision: str | None
    tables: dict[str, TableSummary]


@contextlib.contextmanager
def sqlite_snapshot(
    db_path: Path, checksums: bool = False, attempts: int = 6
) -> Iterator[SqliteSnapshot | None]:
    """Hold a read transaction on the live database such that its file can be copied as is
    (the fast path: one sequential read, no scratch copy); None when that cannot be promised
    right now, and the caller uses the online backup API instead.

    Why the file then holds the snapshot: in WAL mode the main file changes only by
    checkpoints, and a checkpoint never copies frames newer than the snapshot of an open
    reader (nor any frame while a reader reads the file alone, nor restarts the WAL under a
    reader). So once a PASSIVE checkpoint, run after our transaction began, reports every
    frame of the WAL copied, the file is our snapshot until we end the transaction. In a
    rollback-journal mode our shared lock keeps writers out of the file meanwhile."""
    if os.name != "posix":  # Windows locks byte ranges of the file against reads
        yield None
        return
    conn = sqlite3.connect(db_path, timeout=30, isolation_level=None)
    probe = sqlite3.connect(db_path, timeout=30, isolation_level=None)
    try:
        mode = str(conn.execute("PRAGMA journal_mode").fetchone()[0]).lower()
        held = False
        for attempt in range(attempts):
            if mode == "wal":
                probe.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
            conn.execute("BEGIN")
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()  # the snapshot
            if mode != "wal":
                held = True
                break
            busy, in_log, copied = probe.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
            if busy == 0 and in_log == copied:
                held = True
                break
            conn.execute("ROLLBACK")
            clock.sleep(0.02 * (attempt + 1))
        if not held:
            log.info("SQLite snapshot not in the file (busy writers); using the backup API")
            yield None
            return
        page_size = conn.execute("PRAGMA page_size").fetchone()[0]
        page_count = conn.execute("PRAGMA page_count").fetchone()[0]
        size = int(page_size) * int(page_count)
        if db_path.stat().st_size < size:
            yield None
            return
        revision = _revision_sqlite(conn)
        tables = _sqlite_fingerprints(conn, checksums)
        yield SqliteSnapshot(db_path, size, revision, tables)
    finally:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        conn.close()
        probe.close()


def _fsync_dir(folder: Path) -> None:
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def swap_sqlite(new_file: Path, db_path: Path, stamp: str) -> Path | None:
    """Put `new_file` (same folder as `db_path`) in place of the database at `db_path`, first
    keeping the current one as `<name>.before-restore-<stamp>` (returned). Refused when the
    database is still open somewhere (the engine must be stopped)."""
    safety: Path | None = None
    if db_path.exists():
        conn = sqlite3.connect(db_path, timeout=2, isolation_level=None)
        try:
            # folds the WAL into the file and removes it; needs every other connection closed
            mode = conn.execute("PRAGMA journal_mode=DELETE").fetchone()[0]
        except sqlite3.DatabaseError as exc:
            if "locked" not in str(exc) and "busy" not in str(exc):
                mode = "broken"  # an unreadable database: keep it as it is, then replace it
            else:
                raise RestoreRefused(
                    "The database is still in use (is Gastro Hub or its processor running?). "
                    "Stop it and try again; nothing was changed."
                ) from None
        finally:
            conn.close()
        wal = db_path.with_name(db_path.name + "-wal")
        if mode == "delete" and wal.exists() and wal.stat().st_size:
            raise RestoreRefused("The database's write-ahead log could not be folded in; "
                                 "nothing was changed.")  # fmt: skip
        if mode == "delete":
            for leftover in (wal, db_path.with_name(db_path.name + "-shm")):
                leftover.unlink(missing_ok=True)
        safety = db_path.with_name(f"{db_path.name}.before-restore-{stamp}")
        try:
            os.link(db_path, safety)  # instant: the old file stays whole under a second name
        except OSError:
            partial = safety.with_name(safety.name + ".part")
            shutil.copyfile(db_path, partial)
            with open(partial, "rb+") as f:
                os.fsync(f.fileno())
            os.replace(partial, safety)
        _fsync_dir(db_path.parent)
    failpoints.reach("restore.before-swap")
    os.replace(new_file, db_path)
    _fsync_dir(db_path.parent)
    return safety


# ---------------------------------------------------------------- PostgreSQL


@dataclass(frozen=True)
class PgTools:
    """How pg_dump and pg_restore are run: the local programs (default) or, with `container`
    set, inside that container through `docker exec` (the stack's database), on the engine at
    `docker_host` (DOCKER_HOST; None: the docker program's default)."""

    container: str | None = None
    docker: str = "docker"
    docker_host: str | None = None

    def command(self, program: str, url: str) -> tuple[list[str], dict[str, str]]:
        parsed = make_url(url)
        env = dict(os.environ)
        passed: list[str] = []
        if parsed.password:
            env["PGPASSWORD"] = str(parsed.password)
            passed = ["-e", "PGPASSWORD"]
        args = ["--no-password", "--dbname", str(parsed.database)]
        if parsed.username:
            args += ["--username", parsed.username]
        if self.container:
            if self.docker_host:
                env["DOCKER_HOST"] = self.docker_host
            docker = shutil.which(self.docker)
            if docker is None:
                raise BackupError(
                    f"The docker program was not found, so {program} cannot run in the "
                    f"container {self.container}; install Docker's command-line tool."
                )
            return [docker, "exec", "-i", *passed, self.container, program, *args], env
        if parsed.host:
            args += ["--host", parsed.host]
        if parsed.port:
            args += ["--port", str(parsed.port)]
        binary = shutil.which(program)
        if binary is None:
            raise BackupError(
                f"{program} was not found; install the PostgreSQL client tools "
                "(Debian: apt-get install postgresql-client)."
            )
        return [binary, *args], env


def _last_lines(data: bytes, count: int = 3) -> str:
    lines = [line for line in data.decode("utf-8", "replace").splitlines() if line.strip()]
    return " ".join(lines[-count:])[:400]


def _drain(stream: Any, into: bytearray) -> threading.Thread:
    def run() -> None:
        for line in iter(lambda: stream.read(65536), b""):
            into.extend(line[-8192:])

    thread = threading.Thread(target=run, name="pg-stderr", daemon=True)
    thread.start()
    return thread


def dump_postgres(
    url: str,
    dest: Path,
    *,
    tools: PgTools | None = None,
    checksums: bool = True,
    progress: Progress = _ignore,
    cancelled: Cancelled = _never,
) -> DumpResult:
    """`pg_dump -Fc` of the database at `url` into `dest`, in a snapshot exported by our own
    transaction, which then measures rows and checksums in that very snapshot."""
    tools = tools or PgTools()
    command, env = tools.command("pg_dump", url)
    engine = create_engine(url, poolclass=NullPool)
    try:
        with engine.connect() as conn:
            conn = conn.execution_options(isolation_level="REPEATABLE READ")
            with conn.begin():
                snapshot = conn.exec_driver_sql("SELECT pg_export_snapshot()").scalar_one()
                _run_pg_dump([*command, "--format=custom", f"--snapshot={snapshot}"], env,
                             dest, progress, cancelled)  # fmt: skip
                revision = _revision_postgres(conn)
                tables = _postgres_fingerprints(conn, checksums)
    finally:
        engine.dispose()
    return DumpResult(dest, POSTGRESQL, revision, tables)


def _revision_postgres(conn: Connection) -> str | None:
    exists = conn.exec_driver_sql(
        "SELECT 1 FROM pg_tables WHERE schemaname = current_schema() "
        "AND tablename = 'alembic_version'"
    ).first()
    if exists is None:
        return None
    value = conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()
    return None if value is None else str(value)


def _run_pg_dump(
    command: list[str], env: dict[str, str], dest: Path, progress: Progress, cancelled: Cancelled
) -> None:
    errors = bytearray()
    with open(dest, "xb", buffering=0) as out:
        process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
        assert process.stdout is not None
        drain = _drain(process.stderr, errors)
        done = 0
        try:
            while chunk := process.stdout.read(1 << 20):
                if cancelled():
                    raise BackupCancelled("The backup was cancelled; nothing was kept.")
                view = memoryview(chunk)
                while view:
                    view = view[out.write(view) :]
                done += len(chunk)
                progress(done)
        except BaseException:
            with contextlib.suppress(OSError):
                process.kill()
            raise
        finally:
            with contextlib.suppress(OSError):
                process.stdout.close()
            code = process.wait()
            drain.join(5)
        if code != 0:
            raise BackupError(f"pg_dump failed (exit {code}): {_last_lines(bytes(errors))}")


def _admin_engine(url: str) -> Any:
    admin = make_url(url).set(database="postgres")
    return create_engine(admin, poolclass=NullPool, isolation_level="AUTOCOMMIT")


def free_database_name(url: str, base: str) -> str:
    """`base`, or `base_2`, `base_3`... whichever no database on the server of `url` has (two
    restores within the same second would otherwise ask for the same name)."""
    engine = _admin_engine(url)
    try:
        with engine.connect() as conn:
            taken = set(conn.exec_driver_sql("SELECT datname FROM pg_database").scalars())
    finally:
        engine.dispose()
    return next(n for n in (base, *(f"{base}_{i}" for i in range(2, 1000))) if n not in taken)


def restore_postgres(dump: Path, url: str, new_database: str, tools: PgTools | None = None) -> str:
    """Create the fresh database `new_database` on the server of `url` and restore `dump` into
    it in one transaction; returns its URL (password kept). On failure it is dropped again and
    the current database was never touched."""
    tools = tools or PgTools()
    target = make_url(url).set(database=new_database)
    target_url = target.render_as_string(hide_password=False)
    engine = _admin_engine(url)
    try:
        with engine.connect() as conn:
            conn.execute(text(f"CREATE DATABASE {_quote(new_database)} TEMPLATE template0"))
    except Exception as exc:
        raise RestoreRefused(
            f"A fresh database to restore into could not be created ({exc.__class__.__name__}: "
            f"{str(exc).splitlines()[0][:200]}); the database user needs the CREATEDB right. "
            "Nothing was changed."
        ) from None
    finally:
        engine.dispose()
    command, env = tools.command("pg_restore", target_url)
    command += ["--single-transaction", "--exit-on-error", "--no-owner", "--no-privileges"]
    try:
        with open(dump, "rb") as source:
            done = subprocess.run(command, stdin=source, capture_output=True, env=env, check=False)
        failpoints.reach("restore.after-pg-restore")
        if done.returncode != 0:
            raise RestoreRefused(
                f"pg_restore failed (exit {done.returncode}): {_last_lines(done.stderr)}. "
                "The current database was not touched."
            )
    except BaseException:
        drop_postgres_database(url, new_database)
        raise
    return target_url


def switch_postgres(url: str, restored: str, stamp: str, attempts: int = 20) -> str:
    """Put the restored database `restored` in place of the one at `url` under its name (the
    stack's processor and the app keep the same URL), the current one kept beside it as
    `<name>_before_restore_<stamp>` (returned): two renames in one transaction, so either both
    happen or neither. Needs every connection to the two databases closed (the engine and the
    stack's processor are stopped); a moment's leftover is waited for, then refused."""
    current = make_url(url).database or ""
    safety = free_database_name(url, f"{current[:30]}_before_restore_{stamp.lower()}")
    engine = create_engine(make_url(url).set(database="postgres"), poolclass=NullPool)
    try:
        for attempt in range(attempts):
            try:
                with engine.begin() as conn:  # one transaction: both renames or neither
                    conn.execute(
                        text(f"ALTER DATABASE {_quote(current)} RENAME TO {_quote(safety)}")
                    )
                    failpoints.reach("restore.between-renames")
                    conn.execute(
                        text(f"ALTER DATABASE {_quote(restored)} RENAME TO {_quote(current)}")
                    )
                return safety
            except Exception as exc:
                busy = "being accessed by other users" in str(exc)
                if not busy or attempt == attempts - 1:
                    who = " (something still uses it)" if busy else ""
                    raise RestoreRefused(
                        f"The restored database could not be put in place of {current}{who}: "
                        f"{str(exc).splitlines()[0][:200]}. The current database was not touched."
                    ) from None
                clock.sleep(0.25)
    finally:
        engine.dispose()
    raise AssertionError("unreachable")


def drop_postgres_database(url: str, name: str) -> None:
    engine = _admin_engine(url)
    try:
        with engine.connect() as conn:
            conn.execute(text(f"DROP DATABASE IF EXISTS {_quote(name)} WITH (FORCE)"))
    except Exception:
        log.warning("could not drop the database %s", name, exc_info=True)
    finally:
        engine.dispose()
