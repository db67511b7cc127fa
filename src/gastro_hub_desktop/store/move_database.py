"""Moving the app's data to another database (e.g. from the embedded SQLite to the stack's
PostgreSQL): the target is migrated to the newest schema, every table is copied in
dependency order in batches with progress, id sequences are moved past the copied ids, and
the target's full-text index is filled by its own triggers. A target that already holds
conversations is refused; a cancelled or failed move leaves the source untouched."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import func, insert, select, text

from gastro_hub_desktop.store.db import is_sqlite
from gastro_hub_desktop.store.repository import Store
from gastro_hub_desktop.store.schema import Base, Conversation

BATCH = 2000


class MoveRefused(Exception):
    """The move cannot start; `str(exc)` says why in words the user can act on."""


class MoveCancelled(Exception):
    """The user cancelled; the target was emptied again and the source is unchanged."""


@dataclass(frozen=True)
class MoveOutcome:
    rows: dict[str, int]  # table → rows copied

    @property
    def total(self) -> int:
        return sum(self.rows.values())


def move_data(
    source: Store,
    target_url: str,
    progress: Callable[[int, int], None] = lambda done, total: None,
    cancelled: Callable[[], bool] = lambda: False,
) -> MoveOutcome:
    """Copy everything from `source` into the (empty) database at `target_url`."""
    try:
        target = Store.open(target_url)
    except Exception as exc:
        raise MoveRefused(f"The new database cannot be opened: {exc}") from exc
    try:
        with target.engine.connect() as conn:
            held = conn.execute(select(func.count()).select_from(Conversation)).scalar_one()
        if held:
            raise MoveRefused(
                f"The new database already holds {held} conversations; choose an empty one "
                "so nothing is mixed or doubled."
            )
        tables = [t for t in Base.metadata.sorted_tables if t.name != "alembic_version"]
        with source.engine.connect() as conn:
            counts = {t.name: conn.execute(select(func.count()).select_from(t)).scalar_one()
                      for t in tables}  # fmt: skip
        total, done = sum(counts.values()), 0
        copied: dict[str, int] = {}
        progress(0, total)
        try:
            with source.engine.connect() as read, target.engine.begin() as write:
                for table in tables:
                    copied[table.name] = 0
                    result = read.execution_options(stream_results=True).execute(
                        select(table).order_by(*table.primary_key.columns)
                    )
                    for chunk in result.mappings().partitions(BATCH):
                        if cancelled():
                            raise MoveCancelled("The move was cancelled; nothing was changed.")
                        write.execute(insert(table), [dict(row) for row in chunk])
                        copied[table.name] += len(chunk)
                        done += len(chunk)
                        progress(done, total)
                if not is_sqlite(target.engine):
                    _move_sequences(write, tables)
        except MoveCancelled:
            raise
        except Exception as exc:
            raise MoveRefused(f"The data could not be copied (nothing was changed): {exc}") from exc
        return MoveOutcome(copied)
    finally:
        target.close()


def _move_sequences(conn: object, tables: list[object]) -> None:
    """PostgreSQL: the next id of each table comes after the copied ones."""
    for table in tables:
        primary = list(table.primary_key.columns)  # type: ignore[attr-defined]
        if len(primary) != 1 or not primary[0].autoincrement or str(primary[0].type) != "INTEGER":
            continue
        name, column = table.name, primary[0].name  # type: ignore[attr-defined]
        conn.execute(  # type: ignore[attr-defined]
            text(
                f"SELECT setval(pg_get_serial_sequence('{name}', '{column}'), "
                f"COALESCE((SELECT MAX({column}) FROM {name}), 0) + 1, false)"
            )
        )
