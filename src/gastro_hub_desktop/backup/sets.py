"""The backup sets in the backups folder: names encoding their UTC time, a JSON state file beside
each archive (verification, off-site state), listing (foreign files ignored), verifying and
deleting; work files end in ".part", are never listed, and stale ones go at the next backup."""

from __future__ import annotations

import contextlib
import json
import logging
import os
import re
import shutil
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from gastro_hub_desktop.backup.archive import ScanResult, scan
from gastro_hub_desktop.backup.errors import BackupError, SetDamaged
from gastro_hub_desktop.backup.manifest import Manifest, format_time

log = logging.getLogger(__name__)

PREFIX = "gastro-hub-"
PLAIN, ENCRYPTED = ".tar", ".tar.enc"
STATE_SUFFIX = ".json"
PART = ".part"
NAME = re.compile(r"^gastro-hub-(\d{8}T\d{6}Z)(?:-(\d{1,3}))?$")
ARCHIVE = re.compile(r"^(gastro-hub-\d{8}T\d{6}Z(?:-\d{1,3})?)(\.tar(?:\.enc)?)$")
STALE_PART_SECONDS = 6 * 3600  # where a process cannot be asked whether it is alive

NOT_UPLOADED, UPLOADING, UPLOADED, FAILED = "not uploaded", "uploading", "uploaded", "failed"


def set_time(name: str) -> datetime | None:
    """The UTC time a set's name encodes; None for a name that is not a set's."""
    match = NAME.match(name)
    if not match:
        return None
    try:
        return datetime.strptime(match.group(1), "%Y%m%dT%H%M%SZ").replace(tzinfo=UTC)
    except ValueError:
        return None


def new_set_name(folder: Path, created: datetime) -> str:
    """A name for a set made at `created` that no set (or work file) in `folder` has yet."""
    base = PREFIX + created.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
    taken = {p.name.split(".", 1)[0] for p in folder.iterdir()} if folder.exists() else set()
    taken |= {p.name.lstrip(".").split(".", 1)[0] for p in folder.glob(f".{base}*")}
    if base not in taken:
        return base
    return next(f"{base}-{n}" for n in range(2, 1000) if f"{base}-{n}" not in taken)


def part_path(folder: Path, name: str, what: str) -> Path:
    """A work file for set `name` (hidden, ".part", with our process id so another process
    can tell whether it is still being written)."""
    return folder / f".{name}.p{os.getpid()}.{what}{PART}"


@dataclass
class Offsite:
    """Where the set was uploaded to, and how that went (only "uploaded" counts as off-site)."""

    state: str = NOT_UPLOADED
    remote: str | None = None
    at: str | None = None
    error: str | None = None
    pid: int | None = None

    @property
    def is_offsite(self) -> bool:
        return self.state == UPLOADED

    def describe(self) -> str:
        if self.state == UPLOADED:
            return f"off-site ({self.remote}, {self.at})"
        if self.state == UPLOADING and not _alive(self.pid):
            return "not off-site: the upload was interrupted"
        if self.state == FAILED:
            return f"not off-site: {self.error}"
        if self.state == UPLOADING:
            return "uploading..."
        return "not off-site"


@dataclass
class SetState:
    """The JSON file beside a set's archive. It only describes; the archive is the authority."""

    name: str
    archive: str
    archive_size: int
    created_at: str
    encrypted: bool
    verified_at: str | None = None
    problem: str | None = None
    contents: dict[str, Any] | None = None
    offsite: Offsite = field(default_factory=Offsite)

    @property
    def verified(self) -> bool:
        return self.verified_at is not None and self.problem is None

    def to_json(self) -> str:
        return json.dumps(asdict(self), indent=2, sort_keys=True)

    @classmethod
    def from_json(cls, text: str) -> SetState:
        data = json.loads(text)
        offsite = Offsite(**data.pop("offsite", {}) or {})
        return cls(**data, offsite=offsite)


@dataclass(frozen=True)
class BackupSet:
    name: str
    archive: Path
    created_at: datetime
    size: int
    state: SetState

    @property
    def encrypted(self) -> bool:
        return self.archive.name.endswith(ENCRYPTED)

    @property
    def verified(self) -> bool:
        return self.state.verified

    @property
    def state_path(self) -> Path:
        return self.archive.with_name(self.name + STATE_SUFFIX)


def contents_of(manifest: Manifest) -> dict[str, Any]:
    """What a set holds, for listings (kept in the state file of unencrypted sets only)."""
    return {
        "app_version": manifest.app_version,
        "schema_revision": manifest.schema_revision,
        "database_kind": manifest.database_kind,
        "files": [{"path": f.path, "size": f.size, "role": f.role} for f in manifest.files],
        "tables": {name: t.rows for name, t in manifest.tables.items()},
        "n8n": manifest.n8n,  # counts and whether n8n's key is in the set (never the key)
    }


def write_state(folder: Path, state: SetState) -> Path:
    """Write a set's state file whole, then rename it into place."""
    target = folder / (state.name + STATE_SUFFIX)
    partial = part_path(folder, state.name, "state")
    partial.write_text(state.to_json(), encoding="utf-8")
    os.replace(partial, target)
    return target


def _read_state(archive: Path, name: str, created: datetime) -> SetState:
    path = archive.with_name(name + STATE_SUFFIX)
    try:
        state = SetState.from_json(path.read_text(encoding="utf-8"))
        if state.archive == archive.name:
            return state
    except FileNotFoundError:
        pass
    except (ValueError, TypeError, OSError):
        log.warning("state file %s unreadable; the set is shown as not verified", path)
    return SetState(name, archive.name, archive.stat().st_size, format_time(created),
                    archive.name.endswith(ENCRYPTED))  # fmt: skip


def list_sets(folder: Path) -> list[BackupSet]:
    """The complete sets in `folder`, newest first. Work files (".part") and anything else
    that is not a set's archive are ignored."""
    if not folder.is_dir():
        return []
    found: list[BackupSet] = []
    for path in folder.iterdir():
        match = ARCHIVE.match(path.name)
        if not match or not path.is_file():
            continue
        created = set_time(match.group(1))
        if created is None:
            continue
        try:
            state = _read_state(path, match.group(1), created)
            found.append(BackupSet(match.group(1), path, created, path.stat().st_size, state))
        except OSError:
            continue  # removed while we looked
    found.sort(key=lambda s: (s.created_at, s.name), reverse=True)
    return found


def find_set(folder: Path, name: str) -> BackupSet:
    name = name.removesuffix(ENCRYPTED).removesuffix(PLAIN).removesuffix(STATE_SUFFIX)
    name = Path(name).name
    for backup_set in list_sets(folder):
        if backup_set.name == name:
            return backup_set
    raise BackupError(f"There is no backup set named {name!r} in {folder}.")


def verify_set(
    backup_set: BackupSet,
    passphrase: str | None,
    progress: Callable[[int], None] = lambda done: None,
    cancelled: Callable[[], bool] = lambda: False,
) -> ScanResult:
    """Read the whole set and check every checksum; the outcome goes into its state file.
    Raises SetDamaged (naming the file) or WrongPassphrase."""
    try:
        result = scan(backup_set.archive, passphrase, None, progress, cancelled)
    except SetDamaged as exc:
        record_verification(backup_set, problem=str(exc))
        raise
    record_verification(backup_set, manifest=result.manifest)
    return result


def record_verification(
    backup_set: BackupSet, manifest: Manifest | None = None, problem: str | None = None
) -> None:
    state = replace(
        backup_set.state,
        verified_at=format_time(datetime.now(UTC)),
        problem=problem,
        archive_size=backup_set.size,
    )
    if manifest is not None and not backup_set.encrypted:
        state.contents = contents_of(manifest)
    write_state(backup_set.archive.parent, state)


def delete_set(backup_set: BackupSet) -> None:
    """Remove the archive first (the set is gone once it is), then its state file."""
    backup_set.archive.unlink(missing_ok=True)
    backup_set.state_path.unlink(missing_ok=True)


def _alive(pid: int | None) -> bool:
    if pid is None:
        return False
    if pid == os.getpid():
        return True
    if os.name != "posix":
        return True  # no harmless probe here; the age limit decides instead
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


_PART_PID = re.compile(r"^\..+\.p(\d+)\.[a-z-]+\.part$")


def clean_stale(folder: Path) -> list[Path]:
    """Remove work files left by a backup that died (its process is gone, or too old) and state
    files whose archive is gone; returns what was removed."""
    removed: list[Path] = []
    if not folder.is_dir():
        return removed
    now = time.time()
    for path in folder.iterdir():
        name = path.name
        stale = False
        match = _PART_PID.match(name)
        if match:  # only our own work files: others (e.g. database.json.part) are left alone
            pid = int(match.group(1))
            with contextlib.suppress(OSError):
                old = now - path.stat().st_mtime > STALE_PART_SECONDS
                stale = old or (pid != os.getpid() and not _alive(pid))
        elif name.endswith(STATE_SUFFIX) and NAME.match(name.removesuffix(STATE_SUFFIX)):
            base = name.removesuffix(STATE_SUFFIX)
            orphan = not any((folder / (base + s)).exists() for s in (PLAIN, ENCRYPTED))
            with contextlib.suppress(OSError):
                stale = orphan and now - path.stat().st_mtime > 3600
        if stale:
            with contextlib.suppress(OSError):
                if path.is_dir() and not path.is_symlink():
                    shutil.rmtree(path)
                else:
                    path.unlink()
                removed.append(path)
    return removed


def archive_suffix(encrypted: bool) -> str:
    return ENCRYPTED if encrypted else PLAIN
