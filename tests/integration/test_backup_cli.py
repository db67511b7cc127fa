"""The command-line backups on the default database in the data folder: `backup`, `backups`
(with --verify) and `restore SET`, their output and exit codes."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import pytest
from tests.backup_helpers import fill, fingerprints, flip, layout, messages

from gastro_hub_desktop import paths
from gastro_hub_desktop.backup.cli import run_backup, run_list, run_restore
from gastro_hub_desktop.store.migrate import SCHEMA_HEAD
from gastro_hub_desktop.store.repository import Store


@pytest.fixture(autouse=True)
def _own_log_handlers() -> Iterator[None]:
    """The commands add a log file handler, as in the real program; take it away after."""
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    yield
    for handler in set(root.handlers) - set(handlers):
        root.removeHandler(handler)
        handler.close()
    root.setLevel(level)


def test_backup_list_and_restore(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    url = paths.database_url()
    fill(url, 80).close()
    before = fingerprints(url)
    assert run_backup() == 0
    out = capsys.readouterr().out
    assert "verified" in out and "rows in" in out
    name = out.split()[2].rstrip(":")
    assert (data_dir / "backups" / f"{name}.tar").exists()

    store = Store.open(url)
    store.ingest(messages(20, tag="later"))
    store.close()

    assert run_list(verify=True) == 0
    out = capsys.readouterr().out
    assert name in out and "verified now" in out and f"sqlite database, schema {SCHEMA_HEAD}" in out

    assert run_restore(name) == 0
    out = capsys.readouterr().out
    assert f"Restored {name}" in out and "messages" in out and "kept as" in out
    after = fingerprints(url)
    assert after["messages"] == before["messages"]


def test_refusals_exit_non_zero_with_the_reason(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = paths.database_url()
    fill(url, 10).close()
    assert run_restore("gastro-hub-20200101T000000Z") == 1
    assert "no backup set named" in capsys.readouterr().err
    assert run_backup() == 0
    archive = next((data_dir / "backups").glob("*.tar"))
    flip(archive, layout(archive)[0].data + 100)
    assert run_list(verify=True) == 2
    assert "DAMAGED" in capsys.readouterr().out
    assert run_restore(archive.name) == 1
    assert "database/gastro-hub.sqlite3 is damaged" in capsys.readouterr().err
