"""Delivery statuses of our sent messages (only ever forward) and receipts of webhook requests
(a replayed request is taken in once). Both rely on unique constraints in the database, not on
a check-then-insert, so concurrent webhook requests cannot double anything."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import Connection, delete, select
from sqlalchemy.dialects import postgresql, sqlite

from gastro_hub_desktop.store.db import is_sqlite
from gastro_hub_desktop.store.repository import NotFound, Store
from gastro_hub_desktop.store.schema import (
    ChannelAccount,
    DeliveryStatus,
    WebhookReceipt,
    utcnow,
)

_statuses = DeliveryStatus.__table__
_receipts = WebhookReceipt.__table__
_accounts = ChannelAccount.__table__


class Deliveries:
    def __init__(self, store: Store) -> None:
        self.store = store
        self._insert = sqlite.insert if is_sqlite(store.engine) else postgresql.insert

    def _account_id(self, conn: Connection, account_key: str) -> int:
        found = conn.execute(
            select(_accounts.c.id).where(_accounts.c.key == account_key)
        ).scalar_one_or_none()
        if found is None:
            raise NotFound(f"no account {account_key}")
        return int(found)

    def record(
        self,
        account_key: str,
        provider_message_id: str,
        status: str,
        rank: int,
        error: str | None = None,
    ) -> bool:
        """Keep a status if it is further along than the one known; True when it moved."""
        with self.store._write() as conn:
            values = {
                "account_id": self._account_id(conn, account_key),
                "provider_message_id": provider_message_id,
                "status": status,
                "rank": rank,
                "error": error,
                "updated_at": utcnow(),
            }
            statement = self._insert(_statuses).values(values)
            statement = statement.on_conflict_do_update(
                index_elements=["account_id", "provider_message_id"],
                set_={k: statement.excluded[k] for k in ("status", "rank", "error", "updated_at")},
                where=_statuses.c.rank < statement.excluded.rank,
            )
            return conn.execute(statement).rowcount > 0

    def status_of(self, account_key: str, provider_message_id: str) -> tuple[str, str | None]:
        with self.store.engine.connect() as conn:
            row = conn.execute(
                select(_statuses.c.status, _statuses.c.error).where(
                    _statuses.c.account_id == self._account_id(conn, account_key),
                    _statuses.c.provider_message_id == provider_message_id,
                )
            ).one_or_none()
        if row is None:
            raise NotFound(f"no status for {provider_message_id}")
        return str(row.status), row.error

    def known_receipts(self, digests: list[str]) -> set[str]:
        """Which of these requests were taken in before."""
        if not digests:
            return set()
        with self.store.engine.connect() as conn:
            return set(
                conn.execute(
                    select(_receipts.c.digest).where(_receipts.c.digest.in_(digests))
                ).scalars()
            )

    def take_receipts(self, digests: list[str]) -> int:
        """Remember webhook requests (one transaction); how many were not known before."""
        if not digests:
            return 0
        now = utcnow()
        with self.store._write() as conn:
            statement = (
                self._insert(_receipts)
                .values([{"digest": d, "received_at": now} for d in digests])
                .on_conflict_do_nothing(index_elements=["digest"])
            )
            return conn.execute(statement).rowcount

    def forget_receipts(self, older_than: timedelta, now: datetime | None = None) -> int:
        """Providers retry for days at most; older receipts only take up space."""
        cutoff = (now or utcnow()) - older_than
        with self.store._write() as conn:
            return conn.execute(delete(_receipts).where(_receipts.c.received_at < cutoff)).rowcount
