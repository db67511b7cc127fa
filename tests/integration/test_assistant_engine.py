"""The assistant inside the whole engine, with real parts: a WhatsApp (Meta Cloud API)
stand-in and a real keyring. A customer's message is triaged and drafted; with auto-reply
allowed it is answered automatically exactly once; the kill switch stops the next one; a
queued automatic reply is held by the kill switch; the OpenAI-compatible provider drafts
through a loopback Chat Completions stand-in (tokens recorded) and a dead server falls back
to the local provider, saying so."""

from __future__ import annotations

import socket
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select
from tests.servers import wait_until
from tests.standins.meta import ACCESS_TOKEN, APP_SECRET, PHONE_NUMBER_ID, VERIFY_TOKEN, MetaStandIn
from tests.standins.openai_chat import OpenAIChatStandIn

from gastro_hub_desktop.channels.whatsapp.settings import Provider, WhatsAppSettings
from gastro_hub_desktop.credentials import Credentials
from gastro_hub_desktop.domain.drafting import DraftProposal
from gastro_hub_desktop.domain.messages import Channel, Direction, IncomingMessage
from gastro_hub_desktop.engine.assistant import Assistant, ai_status, set_kill_switch
from gastro_hub_desktop.engine.events import EventBus
from gastro_hub_desktop.engine.facade import Engine
from gastro_hub_desktop.store.drafts import Drafts
from gastro_hub_desktop.store.outbox import Outbox
from gastro_hub_desktop.store.repository import Store
from gastro_hub_desktop.store.schema import Draft, OutboxItem
from gastro_hub_desktop.store.settings import AppSettings

SECRETS = {"access_token": ACCESS_TOKEN, "app_secret": APP_SECRET, "verify_token": VERIFY_TOKEN}
ALL_DAY = {d: [["00:00", "24:00"]] for d in ("mon", "tue", "wed", "thu", "fri", "sat", "sun")}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def policy(**changes: Any) -> dict[str, Any]:
    rules = [
        {"channel": channel.value, "intent": intent, "allow": True}
        for channel in Channel
        for intent in ("question", "order", "delivery", "quote_request", "other")
    ]
    return {
        "enabled": True,
        "rules": rules,
        "min_confidence": 0.2,
        "business_hours": {"timezone": "Europe/Prague", "days": ALL_DAY},
        "max_per_contact_per_day": 5,
        **changes,
    }


@pytest.fixture
def meta() -> Iterator[MetaStandIn]:
    standin = MetaStandIn().start()
    yield standin
    standin.stop()


@pytest.fixture
def credentials(secret_service: dict[str, str]) -> Credentials:
    from keyring.backends.SecretService import Keyring

    return Credentials(Keyring())


def test_auto_reply_once_then_the_kill_switch_stops_the_next(
    meta: MetaStandIn, tmp_path: Path, credentials: Credentials
) -> None:
    engine = Engine(f"sqlite:///{tmp_path / 'ai.sqlite3'}", credentials=credentials)
    engine.start().result(30)
    try:
        settings = WhatsAppSettings(
            provider=Provider.META,
            number="+420 601 234 567",
            phone_number_id=PHONE_NUMBER_ID,
            api_url=meta.url,
            webhook_port=free_port(),
        )
        engine.add_whatsapp_account(settings, SECRETS).result(30)
        engine.put_ai_setting("ai.auto_reply", policy()).result(10)
        hook = f"http://127.0.0.1:{settings.webhook_port}/whatsapp/meta/420601234567"
        meta.status_webhook_url = hook

        meta.deliver_message(hook, "420777123456", "Dobrý den, kdy máte otevřeno v sobotu?")
        wait_until(lambda: len(meta.sent) == 1, 20, "automatic reply sent")
        body = meta.sent[0]["text"]["body"]
        d = Draft.__table__.c
        with engine.store.engine.connect() as conn:
            [draft] = conn.execute(select(d.text, d.outcome, d.auto_sent, d.language)).all()
        assert draft.text == body and draft.outcome == "auto" and draft.auto_sent
        assert draft.language == "cs" and body.startswith("Dobrý den")
        meta.wait_idle()

        # the kill switch: the next message gets a draft, and nothing is sent
        assert engine.set_kill_switch(True).result(10) == 0
        meta.deliver_message(hook, "420777999888", "Dobrý den, máte skladem těsnění dveří?")
        wait_until(lambda: drafts(engine) == 2, 20, "second draft")
        time.sleep(2.5)  # more than two assistant ticks
        assert len(meta.sent) == 1
        with engine.store.engine.connect() as conn:
            states = conn.execute(select(d.state, d.auto_sent).order_by(d.id)).all()
        assert [tuple(s) for s in states][1] == ("proposed", False)
        status = engine.ai_status().result(10)
        assert status.kill_switch and status.today.auto == 1
    finally:
        engine.stop()


def drafts(engine: Engine) -> int:
    with engine.store.engine.connect() as conn:
        return len(conn.execute(select(Draft.__table__.c.id)).all())


def test_the_kill_switch_holds_automatic_replies_still_queued(tmp_path: Path) -> None:
    store = Store.open(f"sqlite:///{tmp_path / 'held.sqlite3'}")
    account = "whatsapp:+420601234567"
    store.save_account(account, Channel.WHATSAPP, "WhatsApp", {})
    ids = []
    for n in range(2):
        store.ingest(
            [
                IncomingMessage(
                    channel=Channel.WHATSAPP,
                    account_key=account,
                    provider_message_id=f"wamid.{n}",
                    direction=Direction.INBOUND,
                    counterpart_address=f"+42077700000{n}",
                    counterpart_name=f"Zákazník {n}",
                    text="Kdy máte otevřeno?",
                    sent_at=datetime.now(UTC),
                    thread_key=f"+42077700000{n}",
                )
            ]
        )
    outbox = Outbox(store)
    for n, conversation in enumerate(sorted(r.id for r in store.inbox_page(_all(), 0, 5))):
        message_id = store.conversation(conversation).messages[-1].id
        Drafts(store).propose(
            conversation,
            message_id,
            DraftProposal("Otevřeno 8–17.", "local", 0.9),
            "question",
            "cs",
        )
        ids.append(outbox.queue(conversation, account, {"text": "Otevřeno 8–17."}, auto=n == 0).id)
    assert set_kill_switch(store, True) == 1  # the automatic one; the person's reply stays
    o = OutboxItem.__table__.c
    with store.engine.connect() as conn:
        rows = dict(conn.execute(select(o.id, o.state).where(o.id.in_(ids))).all())
    assert rows == {ids[0]: "failed", ids[1]: "queued"}
    assert AppSettings(store).get("ai.auto_reply")["kill_switch"] is True


def _all() -> Any:
    from gastro_hub_desktop.domain.conversations import InboxFilter

    return InboxFilter()


def test_openai_compatible_provider_drafts_and_a_dead_server_falls_back(
    tmp_path: Path, credentials: Credentials
) -> None:
    store = Store.open(f"sqlite:///{tmp_path / 'openai.sqlite3'}")
    account = "email:obchod@gastro.example"
    store.save_account(account, Channel.EMAIL, "Obchod", {})
    chat = OpenAIChatStandIn(api_key="sk-test-key", models=("gpt-test",))
    try:
        chat.answer = lambda request: "Dobrý den,\n\ntěsnění máme skladem.\n\nS pozdravem"
        credentials.set("ai:openai", "sk-test-key")
        AppSettings(store).put(
            "ai.provider",
            {
                "kind": "openai",
                "base_url": chat.url,
                "model": "gpt-test",
                "price_in": 2.0,  # per million tokens
                "price_out": 8.0,
            },
        )
        AppSettings(store).put("ai.knowledge_base", "Těsnění Rational: skladem, 1 290 Kč.")
        assistant = Assistant(store, EventBus(), _never, credentials)

        def customer(n: int, text: str) -> None:
            store.ingest(
                [
                    IncomingMessage(
                        channel=Channel.EMAIL,
                        account_key=account,
                        provider_message_id=f"<m{n}@x>",
                        direction=Direction.INBOUND,
                        counterpart_address=f"kuchar{n}@bistro.example",
                        counterpart_name="Kuchař",
                        text=text,
                        sent_at=datetime.now(UTC),
                        thread_key=f"<m{n}@x>",
                        subject="Těsnění",
                    )
                ]
            )

        customer(1, "Máte skladem těsnění dveří Rational?")
        assert assistant.tick().drafted == 1
        [request] = chat.chat_requests
        assert request["model"] == "gpt-test"
        assert "Těsnění Rational: skladem" in str(request["messages"])
        assert "Máte skladem těsnění dveří Rational?" in str(request["messages"])
        d = Draft.__table__.c
        with store.engine.connect() as conn:
            first = conn.execute(select(d.text, d.provider, d.model, d.prompt_tokens)).one()
        assert first.text.endswith("S pozdravem") and first.provider == "openai"
        assert first.model and first.prompt_tokens and first.prompt_tokens > 0
        with store.engine.connect() as conn:
            completion = conn.execute(select(d.completion_tokens)).scalar_one()
        status = ai_status(store, assistant)
        assert status.tokens == {first.model: (first.prompt_tokens, completion)}
        assert status.cost == pytest.approx((first.prompt_tokens * 2 + completion * 8) / 1e6)

        chat.close()  # the server goes away: the local provider drafts, and says why
        customer(2, "Kdy přivezete objednávku?")
        assert assistant.tick().drafted == 1
        with store.engine.connect() as conn:
            second = conn.execute(select(d.provider, d.basis).order_by(d.id.desc())).first()
        assert second.provider == "local"
        assert "not reachable" in second.basis[0] or "reach" in second.basis[0].lower()
    finally:
        chat.close()


def _never(conversation_id: int, text: str, auto: bool) -> object:
    raise AssertionError("auto-reply is off")


def test_lindy_drafts_through_its_callback_and_a_silent_agent_falls_back(
    tmp_path: Path, credentials: Credentials
) -> None:
    from tests.standins.lindy import LindyAgentStandIn

    store = Store.open(f"sqlite:///{tmp_path / 'lindy.sqlite3'}")
    account = "email:obchod@gastro.example"
    store.save_account(account, Channel.EMAIL, "Obchod", {})
    credentials.set("ai:lindy:secret", "lindy-trigger-secret")
    credentials.set("ai:lindy:callback_secret", "our-callback-secret")
    agent = LindyAgentStandIn("lindy-trigger-secret", "our-callback-secret")
    port = free_port()
    AppSettings(store).put(
        "ai.provider",
        {"kind": "lindy", "webhook_url": agent.url, "callback_port": port, "timeout": 3},
    )
    assistant = Assistant(store, EventBus(), _never, credentials)
    try:

        def customer(n: int) -> None:
            store.ingest(
                [
                    IncomingMessage(
                        channel=Channel.EMAIL,
                        account_key=account,
                        provider_message_id=f"<l{n}@x>",
                        direction=Direction.INBOUND,
                        counterpart_address=f"hotel{n}@example.cz",
                        counterpart_name="Recepce",
                        text="Prosíme o nabídku na 3 konvektomaty.",
                        sent_at=datetime.now(UTC),
                        thread_key=f"<l{n}@x>",
                    )
                ]
            )

        customer(1)
        assert assistant.tick().drafted == 1
        [(_headers, trigger)] = agent.triggers
        assert trigger["callbackUrl"] == f"http://127.0.0.1:{port}/lindy/callback"
        assert [status for status, _ in agent.wait_for_callbacks(1)] == [200]
        d = Draft.__table__.c
        with store.engine.connect() as conn:
            first = conn.execute(select(d.text, d.provider)).one()
        assert (first.text, first.provider) == ("Dobrý den, děkujeme za poptávku.", "lindy")

        agent.callback = "never"  # the agent does not answer: the local provider drafts
        customer(2)
        assert assistant.tick().drafted == 1
        with store.engine.connect() as conn:
            second = conn.execute(select(d.provider, d.basis).order_by(d.id.desc())).first()
        assert second.provider == "local"
        assert "Lindy" in second.basis[0] and "3 s" in second.basis[0]
    finally:
        assistant.stop()
        agent.close()
