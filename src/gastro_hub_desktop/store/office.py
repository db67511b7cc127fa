"""Office mode in the database: several PCs share one PostgreSQL.

- The leader lock: a session-level advisory lock held on a connection of its own. PostgreSQL
  releases it the moment that connection ends (a killed process's socket closes at once; a
  PC that vanishes is noticed through TCP keepalives within about 15 seconds).
- Changes: migration 0010's triggers `pg_notify` every committed change the other PCs must
  see; `ChangeListener` LISTENs for them on a connection of its own and hands them over.
- Presence: who is answering which conversation, renewed while they write.
"""

from __future__ import annotations

import contextlib
import json
import logging
import socket
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import and_, delete, insert, select, update
from sqlalchemy.engine import make_url
from sqlalchemy.exc import IntegrityError

from gastro_hub_desktop.store.repository import Store
from gastro_hub_desktop.store.schema import AppSetting, Presence, utcnow

log = logging.getLogger(__name__)

CHANNEL = "gastro_hub"  # as in migration 0010
OFFICE_KEY = "office"  # app setting: {"enabled": bool}
HEALTH_KEY = "office.health"  # app setting: the leader's last measured health per account
LEADER_LOCK = 0x47480001  # below 2**31, so pg_locks shows it as classid 0, objid this
MESSAGE_INSERT_LOCK = 0x47480002
PRESENCE_FRESH = timedelta(seconds=90)  # a presence not renewed for this long has ended
KEEPALIVES = {  # libpq: notice a vanished server within ~15 s
    "keepalives": "1",
    "keepalives_idle": "5",
    "keepalives_interval": "2",
    "keepalives_count": "3",
}

_presence = Presence.__table__
_settings = AppSetting.__table__


def is_postgres(store: Store) -> bool:
    return store.engine.dialect.name == "postgresql"


def office_enabled(store: Store) -> bool:
    """Office mode is on for this database (a PostgreSQL every PC of the office uses)."""
    if not is_postgres(store):
        return False
    from gastro_hub_desktop.store.settings import AppSettings

    return bool((AppSettings(store).get(OFFICE_KEY) or {}).get("enabled"))


def set_office_enabled(store: Store, enabled: bool) -> None:
    if enabled and not is_postgres(store):
        raise ValueError(
            "Office mode needs a PostgreSQL database that every PC uses: move the data to "
            "PostgreSQL first (Stack tab → \"Use the stack's PostgreSQL for the app's data…\")."
        )
    from gastro_hub_desktop.store.settings import AppSettings

    AppSettings(store).put(OFFICE_KEY, {"enabled": enabled})


def conninfo(store_or_url: Store | str) -> str:
    """A libpq connection string for psycopg from the store's SQLAlchemy URL."""
    url = store_or_url if isinstance(store_or_url, str) else None
    parsed = make_url(url) if url is not None else store_or_url.engine.url  # type: ignore[union-attr]
    return parsed.set(drivername="postgresql").render_as_string(hide_password=False)


def member_name(role: str) -> str:
    """How this engine is told apart from the others (also its PostgreSQL application_name,
    at most 63 bytes): role, host and process."""
    import os

    return f"gastro-hub {role}@{socket.gethostname()}:{os.getpid()}:{id(object()) % 10000}"[:63]


def person_name() -> str:
    """Who sits at this PC, as colleagues should read it: "user on host"."""
    import getpass

    try:
        user = getpass.getuser()
    except Exception:
        user = "someone"
    return f"{user} on {socket.gethostname()}"


def lock_for_message_insert(conn: Any) -> None:
    """Called in a transaction that inserts messages (PostgreSQL): a shared lock that makes
    `wait_for_message_inserts` wait until every insert in flight has committed, so ids below
    the highest visible id are never committed later (what the triage watermark relies on)."""
    conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock_shared({MESSAGE_INSERT_LOCK})")


def wait_for_message_inserts(conn: Any) -> None:
    """In the reading transaction: wait until no message insert is in flight."""
    conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({MESSAGE_INSERT_LOCK})")


# ---------------------------------------------------------------- the leader


@dataclass(frozen=True)
class Leader:
    """Who holds the leader lock right now, read from PostgreSQL (not remembered)."""

    member: str
    since: datetime | None
    client: str | None


def current_leader(store: Store) -> Leader | None:
    """The engine holding the leader lock at this moment (from pg_locks), or None."""
    if not is_postgres(store):
        return None
    with store.engine.connect() as conn:
        row = conn.exec_driver_sql(
            "SELECT a.application_name, a.backend_start, host(a.client_addr) "
            "FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid "
            "WHERE l.locktype = 'advisory' AND l.classid = 0 AND l.objid = %s "
            "AND l.objsubid = 1 AND l.granted AND l.database = "
            "(SELECT oid FROM pg_database WHERE datname = current_database())",
            (LEADER_LOCK,),
        ).first()
    if row is None:
        return None
    return Leader(row[0] or "?", row[1], row[2])


class LeaderLock:
    """The advisory lock that makes one engine the office's leader, on its own connection."""

    def __init__(self, conninfo: str, member: str, key: int = LEADER_LOCK) -> None:
        self._conninfo = conninfo
        self._member = member
        self._key = key
        self._conn: Any = None

    def _connect(self) -> Any:
        import psycopg

        conn = psycopg.connect(
            self._conninfo, autocommit=True, application_name=self._member, connect_timeout=5,
            **KEEPALIVES,
        )  # fmt: skip
        # the server side too: a leader PC that vanishes frees the lock in ~15 s
        for name, value in (
            ("tcp_keepalives_idle", 5),
            ("tcp_keepalives_interval", 2),
            ("tcp_keepalives_count", 3),
        ):
            conn.execute(f"SET {name} = {value}")
        return conn

    def try_acquire(self) -> bool:
        """Take the lock if nobody holds it; False otherwise (or when the database is away)."""
        try:
            if self._conn is None or self._conn.closed:
                self._conn = self._connect()
            row = self._conn.execute("SELECT pg_try_advisory_lock(%s)", (self._key,)).fetchone()
            return bool(row and row[0])
        except Exception as exc:
            log.info("leader lock: %s", exc)
            self._close()
            return False

    def still_held(self) -> bool:
        """A real round trip on the lock's connection: False once it is gone (and with it the
        lock: another engine may already lead)."""
        if self._conn is None or self._conn.closed:
            return False
        try:
            row = self._conn.execute(
                "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND classid = 0 "
                "AND objid = %s AND objsubid = 1 AND granted AND pid = pg_backend_pid()",
                (self._key,),
            ).fetchone()
            return bool(row and row[0])
        except Exception as exc:
            log.warning("leader lock lost: %s", exc)
            self._close()
            return False

    def release(self) -> None:
        self._close()

    def _close(self) -> None:
        conn, self._conn = self._conn, None
        if conn is not None:
            with contextlib.suppress(Exception):
                conn.close()


# ---------------------------------------------------------------- changes


@dataclass(frozen=True)
class OfficeChange:
    """One notification: which kind of rows changed, their ids (conversation ids, account keys,
    or the health of one account), how many rows, and which engine made the change."""

    kind: str
    ids: tuple[Any, ...]
    rows: int
    more: bool
    origin: str
    data: dict[str, Any] | None = None

    @classmethod
    def parse(cls, payload: str) -> OfficeChange:
        body = json.loads(payload)
        return cls(
            str(body["kind"]),
            tuple(body.get("ids") or ()),
            int(body.get("rows") or 0),
            bool(body.get("more")),
            str(body.get("origin") or ""),
            body.get("data"),
        )


def notify(store: Store, kind: str, origin: str, data: dict[str, Any]) -> None:
    """Send a notification of our own (e.g. a channel's health) to every listening engine."""
    payload = json.dumps({"kind": kind, "ids": [], "rows": 0, "origin": origin, "data": data})
    with store.engine.begin() as conn:
        conn.exec_driver_sql("SELECT pg_notify(%s, %s)", (CHANNEL, payload))


class ChangeListener:
    """LISTENs on a connection of its own and calls `on_change` (on its thread) for each
    notification; after a lost connection it reconnects and calls `on_reconnect`, since what
    happened meanwhile was not heard."""

    def __init__(
        self,
        conninfo: str,
        member: str,
        on_change: Callable[[OfficeChange], None],
        on_reconnect: Callable[[], None] = lambda: None,
    ) -> None:
        self._conninfo = conninfo
        self._member = f"{member} listen"[:63]
        self._on_change = on_change
        self._on_reconnect = on_reconnect
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self.listening = threading.Event()

    def start(self) -> None:
        self._thread = threading.Thread(target=self._run, name="office-listen", daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 5.0) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout)

    def _run(self) -> None:
        import psycopg

        pause, first = 0.5, True
        while not self._stop.is_set():
            try:
                with psycopg.connect(
                    self._conninfo, autocommit=True, application_name=self._member,
                    connect_timeout=5, **KEEPALIVES,
                ) as conn:  # fmt: skip
                    conn.execute(f"LISTEN {CHANNEL}")
                    self.listening.set()
                    if not first:
                        self._on_reconnect()
                    first, pause = False, 0.5
                    while not self._stop.is_set():
                        for note in conn.notifies(timeout=0.5):
                            self._deliver(note.payload)
                        conn.execute("SELECT 1")  # notices a dead connection
            except Exception as exc:
                self.listening.clear()
                if self._stop.is_set():
                    break
                log.warning("office notifications: %s; trying again in %.1f s", exc, pause)
                self._stop.wait(pause)
                pause = min(pause * 2, 10.0)
        self.listening.clear()

    def _deliver(self, payload: str) -> None:
        try:
            change = OfficeChange.parse(payload)
        except Exception:
            log.warning("unreadable office notification: %.200r", payload)
            return
        try:
            self._on_change(change)
        except Exception:
            log.exception("handling office notification %r failed", change.kind)


# ---------------------------------------------------------------- presence


@dataclass(frozen=True)
class Answering:
    """Someone answering a conversation right now."""

    person: str
    member: str
    since: datetime


class Presences:
    """Who is answering which conversation (rows renewed while they write)."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def answering(self, conversation_id: int, member: str, person: str) -> None:
        """Record (or renew) that `person` at `member` is answering this conversation."""
        now = utcnow()
        p = _presence.c
        where = and_(p.conversation_id == conversation_id, p.member == member)
        for _ in range(2):
            with self.store._write() as conn:
                if conn.execute(update(_presence).where(where).values(seen_at=now)).rowcount:
                    return
                try:
                    with conn.begin_nested():
                        conn.execute(
                            insert(_presence),
                            {
                                "conversation_id": conversation_id,
                                "member": member,
                                "person": person,
                                "started_at": now,
                                "seen_at": now,
                            },
                        )
                    return
                except IntegrityError:
                    continue  # inserted by a twin call meanwhile: renew it

    def leave(self, conversation_id: int | None, member: str) -> None:
        """`member` stopped answering this conversation (None: every conversation)."""
        p = _presence.c
        condition = p.member == member
        if conversation_id is not None:
            condition = and_(condition, p.conversation_id == conversation_id)
        with self.store._write() as conn:
            conn.execute(delete(_presence).where(condition))

    def who(self, conversation_id: int, now: datetime | None = None) -> list[Answering]:
        """Who is answering this conversation now (renewed within PRESENCE_FRESH)."""
        p = _presence.c
        fresh = (now or utcnow()) - PRESENCE_FRESH
        with self.store.engine.connect() as conn:
            rows = conn.execute(
                select(p.person, p.member, p.started_at)
                .where(p.conversation_id == conversation_id, p.seen_at >= fresh)
                .order_by(p.started_at)
            ).all()
        return [Answering(r.person, r.member, r.started_at) for r in rows]


# ---------------------------------------------------------------- shared health


def save_health(store: Store, account_key: str, health: dict[str, Any]) -> None:
    """Keep the leader's latest measured health of one account (no audit line: it changes
    with every reconnect)."""
    with store._write() as conn:
        row = conn.execute(select(_settings.c.value).where(_settings.c.key == HEALTH_KEY)).first()
        value = dict(row.value or {}) if row is not None else {}
        value[account_key] = health
        if row is None:
            conn.execute(
                insert(_settings), {"key": HEALTH_KEY, "value": value, "updated_at": utcnow()}
            )
        else:
            conn.execute(
                update(_settings)
                .where(_settings.c.key == HEALTH_KEY)
                .values(value=value, updated_at=utcnow())
            )


def saved_health(store: Store) -> dict[str, dict[str, Any]]:
    with store.engine.connect() as conn:
        row = conn.execute(select(_settings.c.value).where(_settings.c.key == HEALTH_KEY)).first()
    return dict(row.value or {}) if row is not None else {}
