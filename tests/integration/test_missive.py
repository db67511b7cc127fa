"""Missive against a loopback stand-in that follows its public REST API: who the token is,
first sync across pages within the history window, incremental sync, kill -9 mid-sync,
outage and recovery, a refused token without a retry storm, 429 with Retry-After, replies
posted as drafts exactly once across a crash, attachments saved on request, malformed data."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from tests.servers import wait_until
from tests.standins.missive import TOKEN, MissiveStandIn

from gastro_hub_desktop.channels.base import ChannelProblem, HealthState
from gastro_hub_desktop.channels.missive.api import MissiveClient
from gastro_hub_desktop.channels.missive.settings import MissiveSettings
from gastro_hub_desktop.credentials import Credentials
from gastro_hub_desktop.domain.conversations import InboxFilter
from gastro_hub_desktop.domain.messages import Channel, Direction
from gastro_hub_desktop.engine.events import EventBus, ReplyStatus
from gastro_hub_desktop.engine.facade import Engine
from gastro_hub_desktop.engine.missive_accounts import MissiveAccounts
from gastro_hub_desktop.engine.missive_worker import MissiveWorker
from gastro_hub_desktop.store.repository import Store

DAY = 86_400
CUSTOMER = ("Bistro U Lípy", "objednavky@ulipy.example.cz")
TEAM = "info@gastro.example"


def settings(standin: MissiveStandIn, **changes: object) -> MissiveSettings:
    values: dict[str, object] = {
        "user_email": "jana@gastro.example",
        "own_addresses": [TEAM],
        "api_url": standin.url,
    }
    values.update(changes)
    return MissiveSettings(**values)  # type: ignore[arg-type]


@pytest.fixture
def store(tmp_path: Path, missive: MissiveStandIn) -> Store:
    s = Store.open(f"sqlite:///{tmp_path / 'missive.sqlite3'}")
    config = settings(missive)
    s.save_account(config.account_key, Channel.EMAIL, "Missive", config.to_dict())
    return s


def sync(store: Store, standin: MissiveStandIn, token: str = TOKEN) -> int:
    worker = MissiveWorker(store, EventBus(), settings(standin), lambda: token)
    client = MissiveClient(token, standin.url)
    try:
        return worker.sync_once(client)
    finally:
        client.close()


def test_test_connection_says_who_and_refuses_a_wrong_token(missive: MissiveStandIn) -> None:
    completed, summary = MissiveAccounts.test(
        MissiveSettings(user_email="", api_url=missive.url), TOKEN
    )
    assert completed.user_email == "jana@gastro.example"  # the user marked `me`, not the first
    assert "Jana Nováková <jana@gastro.example>" in summary and "Gastro Praha s.r.o." in summary
    with pytest.raises(ChannelProblem, match="refused the API token") as refused:
        MissiveAccounts.test(MissiveSettings(user_email="", api_url=missive.url), "wrong")
    assert refused.value.retry is False


def test_first_sync_reads_every_page_within_the_history_window(
    missive: MissiveStandIn, store: Store
) -> None:
    now = int(time.time())
    for n in range(60):  # more than one page of 50 conversations
        missive.add_message(
            f"c{n}", (f"Zákazník {n}", f"zakaznik{n}@example.cz"), f"Dotaz {n}", now - n * 3600
        )
    for n in range(25):  # more than two pages of 10 messages in one conversation
        sender = ("Gastro Hub", TEAM) if n % 5 == 4 else CUSTOMER
        to = CUSTOMER if n % 5 == 4 else ("Gastro Hub", TEAM)
        missive.add_message("big", sender, f"Zpráva {n}: konvektomat", now - DAY + n * 60, to=to)
    missive.add_message("old", CUSTOMER, "Stará objednávka", now - 200 * DAY)  # outside 90 days

    assert sync(store, missive) == 85
    stats = store.stats()
    assert (stats.messages, stats.conversations) == (85, 61)
    big = next(
        r for r in store.inbox_page(InboxFilter(), 0, 100) if r.contact_address == CUSTOMER[1]
    )
    detail = store.conversation(big.id)
    assert [m.text for m in detail.messages] == [f"Zpráva {n}: konvektomat" for n in range(25)]
    outbound = [m for m in detail.messages if m.direction is Direction.OUTBOUND]
    assert len(outbound) == 5  # mail from the team's own address is ours
    assert detail.messages[0].html and "<div>" in detail.messages[0].html
    assert not store.search("Stará")  # the history window was respected

    before = len(missive.requests)
    assert sync(store, missive) == 0  # nothing new: nothing stored twice
    assert len(missive.requests) - before <= 8  # and only the recent part was looked at
    missive.add_message("c5", ("Zákazník 5", "zakaznik5@example.cz"), "Doplnění", now + 10)
    missive.add_message("new", ("Nový", "novy@example.cz"), "Nová poptávka", now + 20)
    assert sync(store, missive) == 2
    assert store.stats().messages == 87


def test_a_sync_killed_midway_stores_every_message_once(
    missive: MissiveStandIn, store: Store, tmp_path: Path
) -> None:
    now = int(time.time())
    for n in range(6):
        for k in range(3):
            missive.add_message(
                f"k{n}", (f"Z {n}", f"z{n}@example.cz"), f"Text {n}/{k}", now - n * 600 + k
            )
    script = tmp_path / "sync.py"
    script.write_text(
        "import sys\n"
        "from gastro_hub_desktop.channels.missive.api import MissiveClient\n"
        "from gastro_hub_desktop.channels.missive.settings import MissiveSettings\n"
        "from gastro_hub_desktop.engine.events import EventBus\n"
        "from gastro_hub_desktop.engine.missive_worker import MissiveWorker\n"
        "from gastro_hub_desktop.store.repository import Store\n"
        "import json\n"
        "s = MissiveSettings.from_dict(json.loads(sys.argv[2]))\n"
        "store = Store.open(sys.argv[1])\n"
        f"print(MissiveWorker(store, EventBus(), s, lambda: {TOKEN!r}).sync_once(MissiveClient({TOKEN!r}, s.api_url)))\n"
    )
    args = [
        sys.executable,
        str(script),
        str(store.engine.url),
        json.dumps(settings(missive).to_dict()),
    ]
    env = {**os.environ, "GASTRO_HUB_FAILPOINT": "after-missive-conversation"}
    crashed = subprocess.run(args, env=env, capture_output=True, text=True, timeout=60)
    assert crashed.returncode == -9, crashed.stderr  # died after the first conversation
    assert 0 < store.stats().messages < 18
    done = subprocess.run(args, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert store.stats().messages == 18
    assert sync(store, missive) == 0


def test_outage_is_shown_retried_and_recovered_and_a_wrong_token_is_not_hammered(
    missive: MissiveStandIn, store: Store
) -> None:
    now = int(time.time())
    missive.add_message("a", CUSTOMER, "První", now - 60)
    events = EventBus()
    worker = MissiveWorker(
        store, events, settings(missive, poll_seconds=1), lambda: TOKEN, first_backoff=0.2
    )
    worker.start()
    try:
        wait_until(lambda: worker.health.state is HealthState.CONNECTED, 20, "connected")
        missive.fail_with = 503
        wait_until(lambda: worker.health.state is HealthState.RETRYING, 20, "outage shown")
        assert "trouble (503)" in worker.health.message
        port = missive.port
        missive.stop()  # gone altogether
        wait_until(lambda: "Cannot reach Missive" in worker.health.message, 20, "unreachable shown")
        missive.port, missive.fail_with = port, None
        missive.start()
        missive.add_message("a", CUSTOMER, "Druhá", now)
        wait_until(lambda: store.stats().messages == 2, 30, "recovered by itself")
        # the health is set when the cycle that stored the message ends
        wait_until(lambda: worker.health.state is HealthState.CONNECTED, 10, "shown connected")
    finally:
        worker.stop()

    wrong = MissiveWorker(
        store, EventBus(), settings(missive), lambda: "revoked", first_backoff=0.2
    )
    before = len(missive.requests)
    wrong.start()
    try:
        wait_until(lambda: wrong.health.state is HealthState.NEEDS_ATTENTION, 20, "refused")
        time.sleep(1.5)
        assert len(missive.requests) - before == 1  # one refused request, no retry storm
        assert "refused the API token" in wrong.health.message
    finally:
        wrong.stop()


def test_a_429_is_answered_by_waiting_as_retry_after_says(
    missive: MissiveStandIn, store: Store
) -> None:
    now = int(time.time())
    for n in range(3):
        missive.add_message(f"r{n}", CUSTOMER, f"Zpráva {n}", now - n)
    missive.budget, missive.retry_after = 2, 1

    def refill() -> None:
        time.sleep(0.5)
        missive.budget = 100

    import threading

    threading.Thread(target=refill, daemon=True).start()
    started = time.monotonic()
    assert sync(store, missive) == 3
    assert missive.throttled >= 1
    assert time.monotonic() - started >= 1.0  # it waited as told instead of failing


def test_malformed_messages_are_kept_and_flagged(missive: MissiveStandIn, store: Store) -> None:
    now = int(time.time())
    good = missive.add_message("m", CUSTOMER, "Dobrá zpráva", now - 10)
    broken = missive.add_message("m", CUSTOMER, "Bez odesílatele", now - 5)
    broken["from_field"] = None
    broken["delivered_at"] = None
    broken["created_at"] = now - 5
    broken["body"] = None
    assert sync(store, missive) == 2
    [row] = store.inbox_page(InboxFilter(), 0, 5)
    texts = {m.text: m for m in store.conversation(row.id).messages}
    assert texts["Dobrá zpráva"].problem is None
    assert good["id"]
    flagged = texts["Bez odesílatele"]  # the preview stands in for the missing body
    assert flagged.problem and "no sender" in flagged.problem


@pytest.fixture
def credentials(secret_service: dict[str, str]) -> Credentials:
    from keyring.backends.SecretService import Keyring

    return Credentials(Keyring())


@pytest.fixture
def engine(tmp_path: Path, credentials: Credentials) -> Iterator[Engine]:
    e = Engine(f"sqlite:///{tmp_path / 'engine.sqlite3'}", credentials=credentials)
    e.start().result(30)
    yield e
    e.stop()


def test_reply_becomes_one_draft_and_attachments_are_saved_on_request(
    missive: MissiveStandIn, engine: Engine, credentials: Credentials, tmp_path: Path
) -> None:
    pdf = b"%PDF-1.4\n" + bytes(range(256)) * 20
    now = int(time.time())
    missive.add_message(
        "conv-1",
        CUSTOMER,
        "Prosím o nabídku",
        now - 30,
        subject="Poptávka",
        attachment=("poptavka.pdf", pdf),
    )
    summary = engine.add_missive_account(
        MissiveSettings(user_email="", own_addresses=[TEAM], api_url=missive.url), TOKEN
    ).result(30)
    assert "signed in as Jana Nováková" in summary
    key = "missive:jana@gastro.example"
    assert credentials.get(f"{key}:token") == TOKEN  # the token is in the keyring...
    assert TOKEN not in json.dumps(engine.store.accounts(Channel.EMAIL))  # ...not the database
    wait_until(lambda: engine.store.stats().messages == 1, 20, "first sync")
    [row] = engine.store.inbox_page(InboxFilter(), 0, 5)
    [message] = engine.store.conversation(row.id).messages
    assert [(a.filename, a.content_type, a.size) for a in message.attachments] == [
        ("poptavka.pdf", "application/pdf", len(pdf))
    ]
    target = tmp_path / "saved.pdf"
    file_requests = [p for _m, p in missive.requests if p.startswith("/files/")]
    assert not file_requests and not target.exists()  # listed, not downloaded
    assert engine.save_attachment(message.id, 0, target).result(30) == target
    assert target.read_bytes() == pdf

    statuses: list[ReplyStatus] = []
    engine.events.subscribe(lambda e: statuses.append(e) if isinstance(e, ReplyStatus) else None)
    engine.send_reply(row.id, "Dobrý den,\nnabídku posíláme zítra.").result(30)
    wait_until(lambda: any(s.state == "drafted" for s in statuses), 20, "draft posted")
    [draft] = missive.drafts_posted
    assert draft["conversation"] == "conv-1"
    assert draft["subject"] == "Re: Poptávka"
    assert draft["to_fields"] == [{"address": CUSTOMER[1]}]
    assert draft["body"] == "<div>Dobrý den,</div><div>nabídku posíláme zítra.</div>"
    assert "send" not in draft  # a draft for the team: never sent from here
    time.sleep(1)
    assert len(missive.drafts_posted) == 1


SENDER = """
import sys, json
from gastro_hub_desktop.channels.missive.api import MissiveClient
from gastro_hub_desktop.channels.missive.settings import MissiveSettings
from gastro_hub_desktop.engine.events import EventBus
from gastro_hub_desktop.engine.missive_worker import MissiveWorker
from gastro_hub_desktop.store.repository import Store
s = MissiveSettings.from_dict(json.loads(sys.argv[2]))
worker = MissiveWorker(Store.open(sys.argv[1]), EventBus(), s, lambda: TOKEN)
print("posted", worker.send_drafts(MissiveClient(TOKEN, s.api_url)), flush=True)
"""


def test_a_draft_is_posted_once_even_when_killed_right_after_posting(
    missive: MissiveStandIn, store: Store, tmp_path: Path
) -> None:
    from gastro_hub_desktop.engine.missive_worker import reply_payload
    from gastro_hub_desktop.store.outbox import Outbox

    missive.add_message(
        "conv-9", CUSTOMER, "Kdy dorazí zboží?", int(time.time()) - 5, subject="Dodávka"
    )
    assert sync(store, missive) == 1
    [row] = store.inbox_page(InboxFilter(), 0, 5)
    outbox = Outbox(store)
    ctx = outbox.reply_context(row.id)
    entry = outbox.queue(
        row.id,
        ctx.account_key,
        reply_payload(ctx.thread_key, ctx.counterpart, ctx.subject, "Zítra ráno."),
    )
    script = tmp_path / "sender.py"
    script.write_text(SENDER.replace("TOKEN", repr(TOKEN)))
    args = [
        sys.executable,
        str(script),
        str(store.engine.url),
        json.dumps(settings(missive).to_dict()),
    ]
    env = {**os.environ, "GASTRO_HUB_FAILPOINT": "after-draft-posted"}
    crashed = subprocess.run(args, env=env, capture_output=True, text=True, timeout=60)
    assert crashed.returncode == -9, crashed.stderr
    assert len(missive.drafts_posted) == 1 and outbox.state(entry.id)[0].value == "sending"
    again = subprocess.run(args, capture_output=True, text=True, timeout=60)
    assert again.returncode == 0, again.stderr
    assert "posted 0" in again.stdout  # found among the conversation's drafts, not re-posted
    assert len(missive.drafts_posted) == 1
    assert outbox.state(entry.id)[0].value == "sent"
