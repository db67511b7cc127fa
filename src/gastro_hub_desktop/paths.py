"""Where the app keeps its files: the data folder, the default database, bundled resources."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from gastro_hub_desktop import APP_ID

DATA_DIR_ENV = "GASTRO_HUB_DATA_DIR"
DATABASE_URL_ENV = "GASTRO_HUB_DATABASE_URL"


def data_dir() -> Path:
    """The user's data folder (created on first use); GASTRO_HUB_DATA_DIR overrides it."""
    override = os.environ.get(DATA_DIR_ENV)
    if override:
        path = Path(override).expanduser()
    else:
        import platformdirs

        path = Path(platformdirs.user_data_dir(APP_ID, appauthor=False, roaming=True))
    path.mkdir(parents=True, exist_ok=True)
    return path


def database_url() -> str:
    """The database to use: GASTRO_HUB_DATABASE_URL, else SQLite in the data folder."""
    override = os.environ.get(DATABASE_URL_ENV)
    if override:
        return override
    return f"sqlite:///{data_dir() / 'gastro-hub.sqlite3'}"


def log_dir() -> Path:
    path = data_dir() / "logs"
    path.mkdir(parents=True, exist_ok=True)
    return path


def resource(*parts: str) -> Path:
    """A file shipped with the app, found the same way from source, wheel or frozen bundle."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root, "gastro_hub_desktop", "resources", *parts)
    return Path(__file__).resolve().parent.joinpath("resources", *parts)


def redact_url(url: str) -> str:
    """A database URL with any password hidden, for logs and the doctor report."""
    if "://" not in url or "@" not in url:
        return url
    scheme, rest = url.split("://", 1)
    creds, host = rest.rsplit("@", 1)
    user = creds.split(":", 1)[0]
    return f"{scheme}://{user}:***@{host}" if ":" in creds else url
