"""The user's backup choices (folder, encryption, retention, rclone remote, schedule), kept as
one JSON value under "backup" in the app's settings table; the passphrase lives in the keyring
under BACKUP_PASSPHRASE and never here."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import Any

from gastro_hub_desktop import paths
from gastro_hub_desktop.backup.retention import RetentionPolicy

SETTINGS_KEY = "backup"
BACKUP_PASSPHRASE = "backup:passphrase"  # its name in the keyring


@dataclass(frozen=True)
class BackupSettings:
    folder: str | None = None  # None: "backups" in the data folder
    encrypt: bool = False
    retention: RetentionPolicy = field(default_factory=RetentionPolicy)
    prune_after_backup: bool = True
    remote: str | None = None  # an rclone target, e.g. "gdrive:Gastro Hub backups"
    rclone_config: str | None = None  # RCLONE_CONFIG, when not rclone's default file
    upload_after_backup: bool = True
    pg_container: str | None = None  # run pg_dump/pg_restore in this container (the stack)
    n8n_container: str | None = None  # export n8n's workflows from this container (the stack)
    docker_host: str | None = None  # the Docker engine of those containers (None: default)
    # rows of every table checksummed into the manifest; None: for PostgreSQL only
    table_checksums: bool | None = None
    config_files: tuple[str, ...] = (paths.DATABASE_CHOICE,)  # in the data folder; no secrets
    every_hours: float = 6.0  # the schedule (run by the engine's scheduler)
    alert_after_hours: float = 26.0  # no verified set for this long: tray alert, red line

    def backups_folder(self) -> Path:
        return Path(self.folder).expanduser() if self.folder else paths.data_dir() / "backups"

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["config_files"] = list(self.config_files)
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any] | None) -> BackupSettings:
        data = dict(data or {})
        known = {f.name for f in fields(cls)}
        values = {k: v for k, v in data.items() if k in known}
        if isinstance(values.get("retention"), dict):
            values["retention"] = RetentionPolicy(**values["retention"])
        if "config_files" in values:
            values["config_files"] = tuple(values["config_files"])
        return cls(**values)


def load_settings(store: Any) -> BackupSettings:
    """The saved settings (defaults where none are saved)."""
    from gastro_hub_desktop.store.settings import AppSettings

    return BackupSettings.from_dict(AppSettings(store).get(SETTINGS_KEY, {}))


def save_settings(store: Any, settings: BackupSettings) -> None:
    from gastro_hub_desktop.store.settings import AppSettings

    settings.retention.check()
    AppSettings(store).put(SETTINGS_KEY, settings.to_dict())
