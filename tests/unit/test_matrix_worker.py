"""The Matrix worker's own rules, with a scripted connection instead of a homeserver: the sync
position is written after what it covers is stored (at once the first time, then at most every
few minutes, and always at stop), a gap is paged in only back to the first message already
stored, a stored token that is refused leads to one login with the same device, and without a
password the account waits for the user."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import pytest
from nio import SyncResponse

from gastro_hub_desktop.channels.base import ChannelProblem, HealthState
from gastro_hub_desktop.channels.matrix.client import Login, Page
from gastro_hub_desktop.channels.matrix.convert import RoomView
from gastro_hub_desktop.channels.matrix.problems import TokenRefused
from gastro_hub_desktop.channels.matrix.settings import SYNC_TOKEN, MatrixSettings
from gastro_hub_desktop.domain.conversations import InboxFilter
from gastro_hub_desktop.domain.messages import Channel
from gastro_hub_desktop.engine import matrix_worker
from gastro_hub_desktop.engine.events import EventBus
from gastro_hub_desktop.engine.matrix_worker import AccountSecrets, MatrixWorker
from gastro_hub_desktop.store.repository import Store

ME = "@bistro:example.org"
BOB = "@bob:example.org"
ROOM = "!dm:example.org"
SETTINGS = MatrixSettings(user_id=ME, homeserver="https://matrix.example.org")


def message(n: int, days_ago: float | None = None) -> dict[str, Any]:
    stamp = 1_900_000_000_000 + n * 1000  # in the future: inside any window
    if days_ago is not None:
        stamp = int((time.time() - days_ago * 86_400) * 1000) + n
    return {
        "type": "m.room.message",
        "event_id": f"$e{n}",
        "sender": BOB,
        "origin_server_ts": stamp,
        "content": {"msgtype": "m.text", "body": f"zpráva {n}"},
    }


def sync(
    token: str, *numbers: int, limited: bool = False, days_ago: float | None = None
) -> SyncResponse:
    events = [message(n, days_ago) for n in numbers]
    timeline = {"events": events, "limited": limited, "prev_batch": "p"}
    rooms = {"join": {ROOM: {"timeline": timeline}}} if numbers else {}
    return SyncResponse.from_dict({"next_batch": token, "rooms": rooms})


class ScriptedConnection:
    """Answers syncs and history pages from lists, and records what the worker asked."""

    def __init__(self, syncs: list[SyncResponse], pages: list[Page] | None = None) -> None:
        self.user_id = ME
        self.homeserver = SETTINGS.base_url
        self.client = type("Client", (), {"rooms": {}})()
        self.syncs = syncs
        self.pages = pages or []
        self.asked: list[tuple[str | None, bool]] = []
        self.history_asked: list[str] = []
        self.restored: tuple[str, str] | None = None
        self.logins: list[tuple[str, str | None]] = []
        self.token_ok = True
        self.password_ok = True
        self.closed = False

    def sync(
        self, since: str | None, wait: float, full_state: bool = False, wake: Any = None
    ) -> SyncResponse:
        self.asked.append((since, full_state))
        return self.syncs.pop(0)

    def history(self, room_id: str, start: str, limit: int = 100) -> Page:
        self.history_asked.append(start)
        return self.pages.pop(0)

    def room(self, room_id: str) -> RoomView:
        return RoomView(room_id, "Bob", (BOB,), {BOB: "Bob"})

    def restore(self, token: str, device: str) -> None:
        self.restored = (token, device)

    def whoami(self) -> str:
        if not self.token_ok:
            raise TokenRefused("The Matrix homeserver signed this app out.")
        return ME

    def login(self, password: str, device_id: str | None = None) -> Login:
        self.logins.append((password, device_id))
        if not self.password_ok:
            raise ChannelProblem("refused the password", retry=False)
        return Login(ME, "new-token", device_id or "NEWDEVICE")

    def join(self, room_id: str) -> None: ...

    def interrupt(self) -> None: ...

    def close(self) -> None:
        self.closed = True


@pytest.fixture
def store(tmp_path: Path) -> Store:
    s = Store.open(f"sqlite:///{tmp_path / 'w.sqlite3'}")
    s.save_account(SETTINGS.account_key, Channel.MATRIX, "Matrix", SETTINGS.to_dict())
    return s


def worker(
    store: Store, conn: ScriptedConnection, vault: dict[str, str] | None = None
) -> MatrixWorker:
    vault = vault if vault is not None else {"access_token": "t", "device_id": "DEV"}
    secrets = AccountSecrets(vault.get, vault.update)
    return MatrixWorker(store, EventBus(), SETTINGS, secrets, connection_factory=lambda _s: conn)  # type: ignore[arg-type,return-value]


def saved_token(store: Store) -> str | None:
    return store.accounts(Channel.MATRIX)[0][2].get(SYNC_TOKEN)


def test_the_position_is_written_first_at_once_then_rarely_and_always_at_stop(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    conn = ScriptedConnection([sync("t1", 1), sync("t2", 2), sync("t3"), sync("t4", 3)])
    w = worker(store, conn)
    c = w.connect()
    assert w.sync_once(c) == 1 and saved_token(store) == "t1"  # the first sync: at once
    assert w.sync_once(c) == 1 and saved_token(store) == "t1"  # a moment later: not again
    monkeypatch.setattr(matrix_worker, "TOKEN_SAVE_SECONDS", 0.0)
    assert w.sync_once(c) == 0 and saved_token(store) == "t3"
    monkeypatch.setattr(matrix_worker, "TOKEN_SAVE_SECONDS", 300.0)
    assert w.sync_once(c) == 1 and saved_token(store) == "t3"
    w.disconnect()
    assert saved_token(store) == "t4" and conn.closed
    # the first sync of a connection asks for the rooms' whole state; later ones do not
    assert conn.asked == [(None, False), ("t1", False), ("t2", False), ("t3", False)]

    again = ScriptedConnection([sync("t5", 3)])
    w2 = worker(store, again)
    assert w2.sync_once(w2.connect()) == 0  # already stored: not doubled
    assert again.asked == [("t4", True)]  # a restart carries on from the kept position


def test_a_gap_is_paged_in_back_to_the_first_stored_message(store: Store) -> None:
    first = ScriptedConnection([sync("t1", 1, 2)])
    w = worker(store, first)
    w.sync_once(w.connect())
    pages = [
        Page([message(n) for n in (7, 6, 5)], "older1"),  # newest first, as the server pages
        Page([message(n) for n in (4, 3, 2, 1)], "older2"),  # $e2 is stored: stop there
    ]
    gap = ScriptedConnection([sync("t2", 8, 9, limited=True)], pages)
    w2 = worker(store, gap)
    assert w2.sync_once(w2.connect()) == 7  # 3..9
    assert gap.history_asked == ["p", "older1"] and gap.pages == []
    [row] = store.inbox_page(InboxFilter(), 0, 5)
    assert [m.text for m in store.conversation(row.id).messages] == [
        f"zpráva {n}" for n in range(1, 10)
    ]


def test_the_first_sync_keeps_to_the_window_but_a_long_pause_is_read_back_to_its_start(
    store: Store,
) -> None:
    first = ScriptedConnection([sync("t1", 1, days_ago=45), sync("t2", 2, days_ago=1)])
    w = worker(store, first)
    c = w.connect()
    assert w.sync_once(c) == 0  # older than the 30-day history window
    assert w.sync_once(c) == 1
    w.disconnect()
    key, name, data = store.accounts(Channel.MATRIX)[0]
    sixty_days_ago = int(time.time()) - 60 * 86_400
    store.save_account(key, Channel.MATRIX, name, {**data, "sync_token_at": sixty_days_ago})
    pages = [Page([message(n, days_ago=50) for n in (5, 4, 3)], "older"), Page([], None)]
    after_pause = ScriptedConnection([sync("t3", 6, limited=True, days_ago=40)], pages)
    w2 = worker(store, after_pause)
    assert w2.sync_once(w2.connect()) == 4  # the whole pause, though older than the window


def test_a_refused_token_leads_to_one_login_on_the_same_device(store: Store) -> None:
    conn = ScriptedConnection([])
    conn.token_ok = False
    vault = {"access_token": "old", "device_id": "DEV", "password": "pw"}
    worker(store, conn, vault).connect()
    assert conn.restored == ("old", "DEV")
    assert conn.logins == [("pw", "DEV")]
    assert (vault["access_token"], vault["device_id"]) == ("new-token", "DEV")


def test_without_a_password_the_account_waits_for_the_user(store: Store) -> None:
    conn = ScriptedConnection([])
    conn.token_ok = False
    w = worker(store, conn, {"access_token": "old", "device_id": "DEV"})
    with pytest.raises(ChannelProblem) as problem:
        w.connect()
    assert problem.value.retry is False and "enter the password again" in str(problem.value)
    assert "signed this app out" in str(problem.value)
    assert conn.closed and conn.logins == []

    fresh = ScriptedConnection([])
    with pytest.raises(ChannelProblem, match="No password is stored"):
        worker(store, fresh, {}).connect()


def test_a_refused_login_needs_attention(store: Store) -> None:
    conn = ScriptedConnection([])
    conn.password_ok = False
    w = worker(store, conn, {"password": "wrong"})
    w._first_backoff = 0.05
    w.start()
    try:
        for _ in range(100):
            if w.health.state is HealthState.NEEDS_ATTENTION:
                break
            time.sleep(0.02)
    finally:
        w.stop()
    assert w.health.state is HealthState.NEEDS_ATTENTION
    assert conn.logins == [("wrong", None)]
