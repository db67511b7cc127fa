"""Shared test set-up: offscreen Qt, a temporary data folder for every test, database URLs."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.pop("GASTRO_HUB_DATABASE_URL", None)

pytest_plugins = ["tests.servers", "tests.standins.missive", "tests.matrix_server"]

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture(autouse=True)
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets its own data folder; the user's real one is never touched."""
    folder = tmp_path / "data"
    monkeypatch.setenv("GASTRO_HUB_DATA_DIR", str(folder))
    monkeypatch.delenv("GASTRO_HUB_DATABASE_URL", raising=False)
    # the set-up assistant would open over every window test; its own test turns it back on
    monkeypatch.setenv("GASTRO_HUB_NO_WIZARD", "1")
    monkeypatch.delenv("GASTRO_HUB_LANGUAGE", raising=False)
    return folder


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A fresh, empty database of each kind the app supports."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'test.sqlite3'}"
    else:
        server = request.getfixturevalue("postgres_server")
        yield server.create_database(f"t_{os.getpid()}_{abs(hash(request.node.nodeid)) % 10**8}")
