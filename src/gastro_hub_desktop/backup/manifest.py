"""The manifest of a backup set: app version, schema revision, time (UTC), database kind, every
file with its SHA-256 and size, rows and checksums per table, encryption info, and (when the
stack's n8n was backed up) what of n8n the set holds and whether n8n's encryption key is in it;
kept as JSON in the archive, sealed with its own SHA-256 so a damaged manifest is told from a
damaged file."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from gastro_hub_desktop import __version__
from gastro_hub_desktop.backup.errors import RestoreRefused, SetDamaged
from gastro_hub_desktop.store.migrate import SCHEMA_HEAD

MANIFEST_NAME = "manifest.json"
FORMAT = 1  # the layout of this file; a newer one is refused (we would misread it)
ROLES = ("database", "config", "extra")


@dataclass(frozen=True, slots=True)
class FileEntry:
    """One file in the set: its path inside the archive, SHA-256, size and what it is for."""

    path: str
    sha256: str
    size: int
    role: str


@dataclass(frozen=True, slots=True)
class TableSummary:
    """A table as it was backed up: its rows and (when measured) an order-independent checksum."""

    rows: int
    checksum: str | None = None


@dataclass(frozen=True)
class Manifest:
    created_at: datetime
    database_kind: str  # "sqlite" or "postgresql"
    schema_revision: str | None
    files: tuple[FileEntry, ...]
    tables: dict[str, TableSummary] = field(default_factory=dict)
    encryption: dict[str, Any] = field(default_factory=lambda: {"scheme": "none"})
    app_version: str = __version__
    format: int = FORMAT
    # n8n's part: workflows and credentials counted, the container, the key (see backup/n8n.py);
    # None when the set holds nothing of n8n (the key is then left out of the JSON altogether)
    n8n: dict[str, Any] | None = None

    @property
    def database_file(self) -> FileEntry:
        for entry in self.files:
            if entry.role == "database":
                return entry
        raise SetDamaged(f"{MANIFEST_NAME} lists no database file", MANIFEST_NAME)

    def file(self, path: str) -> FileEntry | None:
        return next((f for f in self.files if f.path == path), None)

    def body(self) -> dict[str, Any]:
        body: dict[str, Any] = {
            "format": self.format,
            "app": {"name": "Gastro Hub", "version": self.app_version},
            "schema_revision": self.schema_revision,
            "created_at": format_time(self.created_at),
            "database": {
                "kind": self.database_kind,
                "tables": {
                    name: {"rows": t.rows, "checksum": t.checksum}
                    for name, t in sorted(self.tables.items())
                },
            },
            "files": [
                {"path": f.path, "sha256": f.sha256, "size": f.size, "role": f.role}
                for f in self.files
            ],
            "encryption": self.encryption,
        }
        if self.n8n is not None:
            body["n8n"] = self.n8n
        return body

    def to_json(self) -> bytes:
        body = self.body()
        body["seal"] = _seal(body)
        return (json.dumps(body, indent=2, sort_keys=True, ensure_ascii=False) + "\n").encode()

    @classmethod
    def from_json(cls, data: bytes) -> Manifest:
        """Parse and check the seal; a damaged manifest raises SetDamaged naming it, one made by
        a newer app with a layout we do not know raises RestoreRefused."""
        try:
            body = json.loads(data.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise _damaged(f"it is not valid JSON ({exc})") from None
        if not isinstance(body, dict):
            raise _damaged("it is not a JSON object")
        seal = body.pop("seal", None)
        if seal != _seal(body):
            raise _damaged("its seal (SHA-256 of its contents) does not match")
        fmt = body.get("format")
        if not isinstance(fmt, int) or fmt > FORMAT:
            raise RestoreRefused(
                f"This set was made by a newer Gastro Hub (manifest format {fmt}; this version "
                f"reads format {FORMAT}). Update Gastro Hub to use it."
            )
        try:
            database = body["database"]
            files = tuple(
                FileEntry(str(f["path"]), str(f["sha256"]), int(f["size"]), str(f["role"]))
                for f in body["files"]
            )
            tables = {
                str(name): TableSummary(int(t["rows"]), t.get("checksum"))
                for name, t in database.get("tables", {}).items()
            }
            manifest = cls(
                created_at=parse_time(body["created_at"]),
                database_kind=str(database["kind"]),
                schema_revision=body.get("schema_revision"),
                files=files,
                tables=tables,
                encryption=dict(body.get("encryption") or {"scheme": "none"}),
                app_version=str(body.get("app", {}).get("version", "?")),
                format=fmt,
                n8n=dict(body["n8n"]) if isinstance(body.get("n8n"), dict) else None,
            )
        except (KeyError, TypeError, ValueError) as exc:
            raise _damaged(f"a field is missing or wrong ({exc})") from None
        paths = [f.path for f in files]
        if len(set(paths)) != len(paths) or MANIFEST_NAME in paths:
            raise _damaged("it lists a file twice")
        if any(f.role not in ROLES for f in files):
            raise _damaged("it lists a file of an unknown kind")
        if sum(f.role == "database" for f in files) != 1:
            raise _damaged("it must list exactly one database file")
        return manifest

    def check_restorable(self, schema_head: str = SCHEMA_HEAD) -> None:
        """Refuse a set whose database has a newer schema than this app knows."""
        if self.schema_revision is None:
            return
        mine, theirs = _revision_number(schema_head), _revision_number(self.schema_revision)
        if theirs is None or mine is None or theirs > mine:
            raise RestoreRefused(
                f"This set was made by a newer Gastro Hub ({self.app_version}, database schema "
                f"{self.schema_revision}); this version knows schema {schema_head} at most. "
                "Update Gastro Hub, then restore it. Nothing was changed."
            )


def _revision_number(revision: str) -> int | None:
    return int(revision) if revision.isdigit() else None


def _seal(body: dict[str, Any]) -> str:
    canonical = json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(canonical.encode()).hexdigest()


def _damaged(reason: str) -> SetDamaged:
    return SetDamaged(f"{MANIFEST_NAME} is damaged: {reason}.", MANIFEST_NAME)


def format_time(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def parse_time(text: str) -> datetime:
    return datetime.strptime(text, "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=UTC)
