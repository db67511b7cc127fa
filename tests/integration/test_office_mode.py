"""Office mode against a real PostgreSQL: two `gastro-hub processor` processes and two desktop
engines share one database. Exactly one processor leads (fetches and sends); killing it with
-9 makes the other take over within the promised bound; replies queued at a desktop go out
once; both desktops see new messages and who is answering live (LISTEN/NOTIFY)."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
import urllib.request
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from tests.servers import PostgresServer, free_port, wait_until
from tests.standins.telegram import TOKEN, TelegramStandIn, private_chat, user

from gastro_hub_desktop.channels.telegram.settings import TelegramSettings
from gastro_hub_desktop.credentials import Credentials
from gastro_hub_desktop.domain.conversations import InboxFilter
from gastro_hub_desktop.domain.messages import Channel, Direction, IncomingMessage
from gastro_hub_desktop.engine.events import ConversationsChanged, EngineEvent, PresenceChanged
from gastro_hub_desktop.engine.facade import Engine
from gastro_hub_desktop.engine.office import TAKEOVER_BOUND_SECONDS
from gastro_hub_desktop.store import office
from gastro_hub_desktop.store.repository import Store
from gastro_hub_desktop.store.schema import OutboxItem

PETRA = user(5551234, "Petra", "Dvořáková", "petra_bistro")
KAREL = user(777001, "Karel", "Novák", "karel_pivnice")


def health(port: int) -> dict[str, Any]:
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/health", timeout=2) as answer:
            return dict(json.loads(answer.read()))
    except (OSError, ValueError):
        return {}


class Processor:
    def __init__(self, name: str, url: str, env: dict[str, str], tmp: Path) -> None:
        self.name = name
        self.port = free_port()
        data = tmp / name
        data.mkdir()
        self.log = (tmp / f"{name}.log").open("w")
        self.process = subprocess.Popen(
            [sys.executable, "-m", "gastro_hub_desktop", "processor", "--port", str(self.port)],
            env={**env, "GASTRO_HUB_DATA_DIR": str(data), "GASTRO_HUB_DATABASE_URL": url},
            stdout=self.log,
            stderr=subprocess.STDOUT,
        )

    def role(self) -> str:
        return str(health(self.port).get("role") or "")

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()
        self.log.close()


@pytest.fixture
def office_db(postgres_server: PostgresServer) -> Iterator[str]:
    url = postgres_server.create_database(f"office_{uuid.uuid4().hex[:8]}")
    store = Store.open(url)
    office.set_office_enabled(store, True)
    store.close()
    yield url


@pytest.fixture
def telegram() -> Iterator[TelegramStandIn]:
    standin = TelegramStandIn().start()
    yield standin
    standin.stop()


def connect_bot(url: str, standin: TelegramStandIn, credentials: Credentials) -> str:
    settings = TelegramSettings(bot_username="gastro_hub_bot", api_url=standin.url, poll_timeout=1)
    credentials.set(f"{settings.account_key}:token", TOKEN)
    store = Store.open(url)
    store.save_account(settings.account_key, Channel.TELEGRAM, "Telegram", settings.to_dict())
    store.close()
    return settings.account_key


class Desktop:
    """A desktop engine and what its bus announced."""

    def __init__(self, url: str, credentials: Credentials) -> None:
        self.engine = Engine(url, credentials=credentials)
        self.events: list[tuple[float, EngineEvent]] = []
        self.engine.events.subscribe(lambda e: self.events.append((time.monotonic(), e)))
        self.engine.start().result(60)
        wait_until(
            lambda: self.engine.office is not None and self.engine.office.listening.is_set(),
            20,
            "the desktop listening for the office's changes",
        )

    def saw_new_messages(self, since: float) -> bool:
        return any(
            t >= since and isinstance(e, ConversationsChanged) and e.new_messages
            for t, e in list(self.events)
        )

    def texts(self) -> list[str]:
        rows = self.engine.inbox_page(InboxFilter(), 0, 50).result(10)
        out: list[str] = []
        for row in rows:
            out += [m.text for m in self.engine.store.conversation(row.id).messages]
        return out


@pytest.fixture
def credentials(secret_service: dict[str, str]) -> Credentials:
    from keyring.backends.SecretService import Keyring

    return Credentials(Keyring())


def test_one_leader_takes_over_after_kill_9_sends_once_and_desktops_see_it_live(
    office_db: str,
    telegram: TelegramStandIn,
    credentials: Credentials,
    secret_service: dict[str, str],
    tmp_path: Path,
) -> None:
    env = {**os.environ, **secret_service}
    connect_bot(office_db, telegram, credentials)
    processors = [Processor(n, office_db, env, tmp_path) for n in ("first", "second")]
    desktops: list[Desktop] = []
    try:
        wait_until(
            lambda: sorted(p.role() for p in processors) == ["leader", "standby"],
            60,
            "one leading and one standby processor",
        )
        for _ in range(10):  # and it stays that way: never two leaders
            assert sorted(p.role() for p in processors) == ["leader", "standby"]
            time.sleep(0.1)
        leader = next(p for p in processors if p.role() == "leader")
        standby = next(p for p in processors if p is not leader)
        store = Store.open(office_db)
        assert office.current_leader(store) is not None
        assert office.current_leader(store).member == health(leader.port)["member"]  # type: ignore[union-attr]

        desktops = [Desktop(office_db, credentials) for _ in range(2)]
        for desktop in desktops:
            assert desktop.engine.office is not None and not desktop.engine.office.leading.is_set()

        # a customer writes: the leader fetches it, both desktops hear of it at once
        sent_at = time.monotonic()
        telegram.send(private_chat(PETRA), "Dobrý den, kdy dorazí myčka?")
        for desktop in desktops:
            wait_until(lambda d=desktop: d.saw_new_messages(sent_at), 20, "the desktop told")  # type: ignore[misc]
            assert "Dobrý den, kdy dorazí myčka?" in desktop.texts()
        [row] = desktops[0].engine.inbox_page(InboxFilter(), 0, 5).result(10)

        # a reply queued at a desktop is sent by the leader, once
        desktops[0].engine.send_reply(row.id, "Zítra dopoledne.").result(20)
        wait_until(lambda: len(telegram.sent) == 1, 20, "the reply sent by the leader")

        # several replies queued, then the leader is killed in the middle of them
        texts = [f"Odpověď {i}" for i in range(5)]
        for text in texts:
            desktops[1].engine.send_reply(row.id, text).result(20)
        leader.process.send_signal(signal.SIGKILL)
        killed = time.monotonic()
        leader.process.wait()
        wait_until(lambda: standby.role() == "leader", 30, "the standby taking over")
        takeover = time.monotonic() - killed
        assert takeover < TAKEOVER_BOUND_SECONDS, f"takeover took {takeover:.1f} s"
        print(f"takeover after kill -9: {takeover:.2f} s")

        # the new leader fetches and sends too
        since = time.monotonic()
        telegram.send(private_chat(KAREL), "Máte skladem konvektomat?")
        for desktop in desktops:
            wait_until(lambda d=desktop: d.saw_new_messages(since), 20, "the desktop told")  # type: ignore[misc]
        o = OutboxItem.__table__.c

        def settled() -> bool:
            with store.engine.connect() as conn:
                states = conn.execute(OutboxItem.__table__.select().with_only_columns(o.state))
                return all(s in ("sent", "failed") for (s,) in states)

        wait_until(settled, 30, "every queued reply sent or closed")
        sent = [m["text"] for m in telegram.sent]
        assert len(sent) == len(set(sent)), f"a reply went out twice: {sent}"
        assert sent[0] == "Zítra dopoledne."
        with store.engine.connect() as conn:
            rows = conn.execute(
                OutboxItem.__table__.select().with_only_columns(o.payload, o.state, o.last_error)
            ).all()
        for payload, state, error in rows:
            text = payload.get("text")
            if state == "sent":
                assert sent.count(text) == 1
            else:  # cut off by the kill: closed as uncertain, never repeated
                assert state == "failed" and error, (text, state)
                assert sent.count(text) <= 1
        assert sum(1 for _p, s, _e in rows if s == "sent") >= 4  # at most one cut off
        outbound = [
            m.text for m in store.conversation(row.id).messages if m.direction is Direction.OUTBOUND
        ]
        assert len(outbound) == len(set(outbound))

        # the survivor stops cleanly on SIGTERM
        standby.process.send_signal(signal.SIGTERM)
        assert standby.process.wait(30) == 0
        store.close()
    finally:
        for desktop in desktops:
            desktop.engine.stop()
        for p in processors:
            p.stop()


def test_desktops_see_who_is_answering(
    office_db: str, credentials: Credentials, telegram: TelegramStandIn
) -> None:
    connect_bot(office_db, telegram, credentials)
    store = Store.open(office_db)
    store.ingest(
        [
            IncomingMessage(
                account_key="telegram:gastro_hub_bot",
                channel=Channel.TELEGRAM,
                provider_message_id="m1",
                thread_key="tg:1",
                direction=Direction.INBOUND,
                counterpart_address="tg:1",
                counterpart_name="Petra",
                text="Prosím o nabídku.",
                sent_at=datetime.now(UTC),
            )
        ]
    )
    [row] = store.inbox_page(InboxFilter(), 0, 5)
    a, b = Desktop(office_db, credentials), Desktop(office_db, credentials)
    try:
        started = time.monotonic()
        a.engine.answering(row.id).result(10)
        wait_until(
            lambda: any(
                t >= started and isinstance(e, PresenceChanged) and row.id in e.conversation_ids
                for t, e in list(b.events)
            ),
            10,
            "the other desktop told someone is answering",
        )
        [who] = b.engine.who_is_answering(row.id).result(10)
        assert who.person == office.person_name()
        assert a.engine.who_is_answering(row.id).result(10) == []  # not ourselves
        a.engine.stop_answering(row.id).result(10)
        wait_until(lambda: b.engine.who_is_answering(row.id).result(10) == [], 10, "gone")
    finally:
        a.engine.stop()
        b.engine.stop()
        store.close()


def test_triage_waits_for_a_message_insert_in_flight(office_db: str) -> None:
    """With a sequence, a transaction holding a lower id can commit after a higher one is
    visible; the triage backlog must not move its watermark past the lower id."""
    from sqlalchemy import text

    from gastro_hub_desktop.store.triage_backlog import TriageBacklog

    store = Store.open(office_db)
    backlog = TriageBacklog(store)
    inserting = store.engine.connect()
    transaction = inserting.begin()
    office.lock_for_message_insert(inserting)
    inserting.execute(text("SELECT 1"))
    result: list[Any] = []
    reader = threading.Thread(target=lambda: result.append(backlog.next_batch()))
    reader.start()
    reader.join(1.0)
    assert reader.is_alive(), "the backlog read past an insert still in flight"
    transaction.commit()
    inserting.close()
    reader.join(10)
    assert result, "the backlog read did not finish after the insert committed"
    store.close()


def test_a_leader_whose_lock_connection_is_cut_stops_at_once(
    office_db: str, secret_service: dict[str, str], tmp_path: Path
) -> None:
    """The database ended the leader's session (a network cut, an admin): another processor
    may lead already, so this one stops fetching and sending and exits with code 3."""
    from sqlalchemy import text

    processor = Processor("cut", office_db, {**os.environ, **secret_service}, tmp_path)
    try:
        wait_until(lambda: processor.role() == "leader", 60, "the processor leading")
        member = health(processor.port)["member"]
        store = Store.open(office_db)
        with store.engine.begin() as conn:
            cut = conn.execute(
                text(
                    "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
                    "WHERE application_name = :member"
                ),
                {"member": member},
            ).scalar_one()
        store.close()
        assert cut >= 1
        started = time.monotonic()
        assert processor.process.wait(15) == 3
        assert time.monotonic() - started < 5
        assert "lost the office's lead" in (tmp_path / "cut.log").read_text()
    finally:
        processor.stop()
