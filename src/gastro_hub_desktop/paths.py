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


DATABASE_CHOICE = "database.json"  # in the data folder: the database the user moved to
DATABASE_PASSWORD = "database:password"  # its password's name in the keyring


def database_url() -> str:
    """The database to use: GASTRO_HUB_DATABASE_URL, else the one the user moved the data to
    (its password from the keyring), else SQLite in the data folder."""
    override = os.environ.get(DATABASE_URL_ENV)
    if override:
        return override
    folder = data_dir()
    chosen = folder / DATABASE_CHOICE
    if chosen.exists():
        import json

        url = str(json.loads(chosen.read_text(encoding="utf-8"))["url"])
        return with_password(url, _keyring_password())
    return f"sqlite:///{folder / 'gastro-hub.sqlite3'}"


def _keyring_password() -> str | None:
    from gastro_hub_desktop.credentials import Credentials

    return Credentials().get(DATABASE_PASSWORD)


def with_password(url: str, password: str | None) -> str:
    """`url` (no password in it) with `password` put in, for connecting."""
    if not password or "://" not in url or "@" not in url:
        return url
    from urllib.parse import quote

    scheme, rest = url.split("://", 1)
    user, host = rest.rsplit("@", 1)
    return f"{scheme}://{user.split(':', 1)[0]}:{quote(password, safe='')}@{host}"


def choose_database(url: str) -> Path:
    """Remember the database to use from the next start (written whole, then renamed).
    `url` must not hold the password: that goes to the keyring."""
    import json

    chosen = data_dir() / DATABASE_CHOICE
    partial = chosen.with_name(chosen.name + ".part")
    partial.write_text(json.dumps({"url": url}), encoding="utf-8")
    partial.replace(chosen)
    return chosen


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
