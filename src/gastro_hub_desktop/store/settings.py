"""Settings the user changes in the app, kept in the database as JSON under a dotted key
(e.g. "ai.provider", "ai.knowledge_base", "ai.auto_reply"). Secrets never go here."""

from __future__ import annotations

from typing import Any

from sqlalchemy import delete, insert, select, update

from gastro_hub_desktop.store.repository import Store
from gastro_hub_desktop.store.schema import AppSetting, utcnow

_settings = AppSetting.__table__


class AppSettings:
    """Read and write app settings; a missing key reads as the default given."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def get(self, key: str, default: Any = None) -> Any:
        with self.store.engine.connect() as conn:
            row = conn.execute(select(_settings.c.value).where(_settings.c.key == key)).first()
        return default if row is None else row.value

    def put(self, key: str, value: Any, actor: str = "user") -> None:
        now = utcnow()
        with self.store._write() as conn:
            changed = conn.execute(
                update(_settings).where(_settings.c.key == key).values(value=value, updated_at=now)
            ).rowcount
            if not changed:
                conn.execute(insert(_settings), {"key": key, "value": value, "updated_at": now})
            self.store._audit(conn, actor, "setting.change", None, None, {"key": key})

    def forget(self, key: str) -> None:
        with self.store._write() as conn:
            conn.execute(delete(_settings).where(_settings.c.key == key))
