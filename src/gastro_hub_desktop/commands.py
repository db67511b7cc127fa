"""The non-window commands that change data: `import FILE` and `sample-data`."""

from __future__ import annotations

import logging
import sys
import threading
from pathlib import Path

from gastro_hub_desktop import paths

log = logging.getLogger(__name__)


def _open_store():  # type: ignore[no-untyped-def]
    from gastro_hub_desktop.engine.facade import describe_database_error
    from gastro_hub_desktop.logging_setup import configure
    from gastro_hub_desktop.store.repository import Store

    configure(paths.log_dir())
    url = paths.database_url()
    try:
        return Store.open(url)
    except Exception as exc:
        log.exception("cannot open database")
        print(describe_database_error(url, exc), file=sys.stderr)
        return None


def import_file(path: Path, me: str | None = None, own_addresses: list[str] | None = None) -> int:
    from gastro_hub_desktop.engine.facade import summarize
    from gastro_hub_desktop.importers import UnsupportedFile, open_import
    from gastro_hub_desktop.store.ingest_job import ingest_with_progress

    if not path.is_file():
        print(f"No such file: {path}", file=sys.stderr)
        return 1
    try:
        source = open_import(path, me=me, own_addresses=set(own_addresses or ()))
    except (UnsupportedFile, OSError) as exc:
        print(str(exc), file=sys.stderr)
        return 1
    store = _open_store()
    if store is None:
        return 1
    try:
        result = ingest_with_progress(
            store, source.messages(), source.estimated_count, threading.Event(), lambda d, t: None
        )
        result = result + source.result()
        store.audit("cli", "import", {"file": path.name, "new": result.new})
    finally:
        store.close()
    for problem in result.problems[:20]:
        print(f"  could not read: {problem}", file=sys.stderr)
    print(f"{path.name}: {summarize(result)}.")
    return 0


def load_sample_data() -> int:
    from gastro_hub_desktop.importers.sample_data import load_sample_data as sample

    store = _open_store()
    if store is None:
        return 1
    try:
        data = sample()
        outcome = store.ingest(data.messages)
        store.mark_vip(data.vip_addresses)
        store.set_companies(data.companies)
    finally:
        store.close()
    print(f"Sample data: {outcome.new} new messages, {outcome.duplicates} already stored.")
    return 0
