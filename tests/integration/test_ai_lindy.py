"""The Lindy provider against a loopback stand-in of a Lindy agent: the Webhook Received trigger
with its bearer secret, the agent's answer POSTed to our callback server (aiohttp on
127.0.0.1:0) and verified (HMAC of the body, or a bearer token); a wrong or missing signature
rejected while the draft keeps waiting and times out; a replayed or late callback rejected, an
unknown request 404, a body that is not JSON 400; the timeout handed to FallbackProvider, which
returns the fallback's proposal naming why; the trigger's errors in plain words."""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import json
import logging
import threading
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from tests.servers import free_port
from tests.standins.lindy import LindyAgentStandIn

from gastro_hub_desktop.brain.providers.fallback import FallbackProvider
from gastro_hub_desktop.brain.providers.lindy import LindyProvider
from gastro_hub_desktop.brain.providers.lindy_callback import LindyCallbackServer
from gastro_hub_desktop.domain.drafting import (
    ContactProfile,
    DraftingFailed,
    DraftProposal,
    DraftRequest,
    TurnInConversation,
)
from gastro_hub_desktop.domain.triage import Intent

SECRET = "lnd-trigger-7f3a9c21e5"
CALLBACK_SECRET = "gh-callback-0d8e4b6a91f2"
T0 = datetime(2025, 3, 10, 9, 0, tzinfo=UTC)
KB = "Myčka Winterhalter UC-M: 98 900 Kč bez DPH, skladem. Instalace 2 500 Kč."


def draft_request(request_id: str = "req-lindy-1") -> DraftRequest:
    return DraftRequest(
        request_id=request_id,
        conversation_id=314,
        channel="whatsapp",
        turns=(
            TurnInConversation(True, "Jana Nováková", "Dobrý den, máte skladem myčku UC-M?", T0),
            TurnInConversation(False, "Petr", "Dobrý den, podívám se.", T0 + timedelta(minutes=5)),
            TurnInConversation(
                True, "Jana Nováková", "A kolik stojí instalace?", T0 + timedelta(minutes=9)
            ),
        ),
        contact=ContactProfile("Jana Nováková", "Bistro U Zlatého klasu", "cs", is_vip=True),
        language="cs",
        intent=Intent.QUOTE_REQUEST,
        knowledge_base=KB,
        business_name="Gastro Hub Praha",
    )


def signed(
    body: dict[str, Any] | bytes, secret: str = CALLBACK_SECRET
) -> tuple[dict[str, str], bytes]:
    raw = body if isinstance(body, bytes) else json.dumps(body).encode()
    digest = hmac.new(secret.encode(), raw, hashlib.sha256).hexdigest()
    return {"Content-Type": "application/json", "X-Gastro-Signature": f"sha256={digest}"}, raw


class StubLocal:
    """Stands in for the local provider behind FallbackProvider."""

    name = "local"
    label = "the local drafts"

    def __init__(self) -> None:
        self.asked: list[str] = []

    async def draft(self, request: DraftRequest) -> DraftProposal:
        self.asked.append(request.request_id)
        return DraftProposal(
            text="Dobrý den, ozveme se s cenou instalace.",
            provider="local",
            confidence=0.4,
            basis=("template: quote_request (cs)",),
        )


class FailingLocal:
    name = "local"
    label = "the local drafts"

    async def draft(self, request: DraftRequest) -> DraftProposal:
        raise DraftingFailed("no template for this intent")


@pytest.fixture
def agent() -> Iterator[LindyAgentStandIn]:
    standin = LindyAgentStandIn(SECRET, CALLBACK_SECRET)
    yield standin
    standin.close()


async def with_callbacks(
    provider: LindyProvider, work: Any, agent: LindyAgentStandIn | None = None, answered: int = 0
) -> Any:
    """Run `work()` with the provider's callback server listening on 127.0.0.1:0, and keep it
    listening until the `agent` has had `answered` callbacks answered."""
    server = LindyCallbackServer(provider)
    provider.callback_url = await server.start()
    try:
        return await work()
    finally:
        if agent is not None:
            await asyncio.to_thread(agent.wait_for_callbacks, answered)
        await server.stop()


def lindy(agent: LindyAgentStandIn, timeout: float = 5.0, **options: Any) -> LindyProvider:
    secret = options.pop("secret", SECRET)
    url = options.pop("webhook_url", agent.url)
    return LindyProvider(url, secret, "", CALLBACK_SECRET, timeout, **options)


def run(
    provider: LindyProvider, agent: LindyAgentStandIn | None = None, answered: int = 0
) -> DraftProposal:
    work = with_callbacks(provider, lambda: provider.draft(draft_request()), agent, answered)
    return asyncio.run(work)


def fails(
    provider: LindyProvider, agent: LindyAgentStandIn | None = None, answered: int = 0
) -> tuple[DraftingFailed, float]:
    started = time.monotonic()
    with pytest.raises(DraftingFailed) as caught:
        run(provider, agent, answered)
    return caught.value, time.monotonic() - started


# ------------------------------------------------------------ answered


def test_answered_through_a_verified_callback(agent: LindyAgentStandIn) -> None:
    provider = lindy(agent)
    proposal = run(provider, agent, answered=1)

    assert proposal.text == "Dobrý den, děkujeme za poptávku."
    assert proposal.provider == "lindy"
    assert proposal.confidence == pytest.approx(0.6)
    assert agent.callbacks == [(200, {"ok": True})]
    assert provider.waiting == 0 and provider.rejected == 0

    headers, sent = agent.triggers[0]
    assert headers["Authorization"] == f"Bearer {SECRET}"
    assert sent["request_id"] == "req-lindy-1"
    assert sent["conversation_id"] == 314
    assert (sent["channel"], sent["language"], sent["language_name"]) == ("whatsapp", "cs", "Czech")
    assert sent["intent"] == "quote_request"
    assert sent["customer"] == {"name": "Jana Nováková", "company": "Bistro U Zlatého klasu",
                                "vip": True, "notes": ""}  # fmt: skip
    assert sent["knowledge_base"] == KB
    conversation = sent["conversation"]
    assert conversation.index("máte skladem myčku") < conversation.index("podívám se")
    assert conversation.index("podívám se") < conversation.index("kolik stojí instalace")
    assert "Write the reply in Czech" in sent["instructions"]
    assert sent["callbackUrl"].startswith("http://127.0.0.1:")
    assert sent["callbackUrl"].endswith("/lindy/callback")


def test_the_agents_confidence_and_model_are_kept(agent: LindyAgentStandIn) -> None:
    agent.reply = lambda body: {"request_id": body["request_id"], "text": " Instalace: 2 500 Kč. ",
                                "confidence": 0.85, "model": "claude-sonnet"}  # fmt: skip
    proposal = run(lindy(agent))
    assert (proposal.text, proposal.confidence, proposal.model) == (
        "Instalace: 2 500 Kč.",
        0.85,
        "claude-sonnet",
    )


def test_bearer_verification(agent: LindyAgentStandIn) -> None:
    agent.callback = "bearer"
    proposal = run(lindy(agent, callback_auth="bearer"), agent, answered=1)
    assert proposal.text == "Dobrý den, děkujeme za poptávku."
    assert agent.callbacks == [(200, {"ok": True})]


def test_an_answer_from_another_thread_resolves_the_waiting_draft(
    agent: LindyAgentStandIn,
) -> None:
    """The engine's receiver runs its own thread and loop: it may call receive_callback."""
    agent.callback = "never"
    provider = lindy(agent)
    provider.callback_url = "https://gastro.example.ngrok.app/lindy/callback"
    answers: list[tuple[int, dict[str, Any]]] = []

    def engine_receiver() -> None:
        deadline = time.monotonic() + 5
        while not agent.triggers and time.monotonic() < deadline:
            time.sleep(0.01)
        rid = agent.triggers[0][1]["request_id"]
        answers.append(provider.receive_callback(*signed({"request_id": rid, "text": "Ano."})))

    thread = threading.Thread(target=engine_receiver, daemon=True)
    thread.start()
    proposal = asyncio.run(provider.draft(draft_request()))
    thread.join(5)
    assert proposal.text == "Ano."
    assert answers == [(200, {"ok": True})]


# ------------------------------------------------------------ rejected callbacks


def test_a_wrong_signature_is_rejected_and_the_draft_times_out(
    agent: LindyAgentStandIn, caplog: pytest.LogCaptureFixture
) -> None:
    agent.callback = "wrong"
    provider = lindy(agent, timeout=0.8)
    with caplog.at_level(logging.WARNING):
        problem, took = fails(provider, agent, answered=1)

    assert str(problem) == "Lindy did not answer within 0.8 s."
    assert problem.retry
    assert took >= 0.8  # the forged answer resolved nothing: the draft waited to the end
    status, answer = agent.wait_for_callbacks(1)[0]
    assert status == 403
    assert "signature does not match" in answer["error"]
    assert provider.rejected == 1
    assert "Lindy callback rejected (403)" in caplog.text


def test_a_missing_signature_is_rejected(agent: LindyAgentStandIn) -> None:
    agent.callback = "none"
    provider = lindy(agent, timeout=0.6)
    problem, took = fails(provider, agent, answered=1)

    assert "did not answer within 0.6 s" in str(problem)
    assert took >= 0.6
    assert agent.wait_for_callbacks(1)[0][0] == 401
    assert provider.rejected == 1


def test_a_bearer_token_does_not_pass_where_a_signature_is_required(
    agent: LindyAgentStandIn,
) -> None:
    agent.callback = "bearer"  # the right secret, but not the configured way
    problem, _ = fails(lindy(agent, timeout=0.5), agent, answered=1)
    assert "did not answer" in str(problem)
    assert agent.wait_for_callbacks(1)[0][0] == 401


def test_a_replayed_callback_is_rejected(agent: LindyAgentStandIn) -> None:
    agent.callback = "twice"
    proposal = run(lindy(agent), agent, answered=2)

    assert proposal.text == "Dobrý den, děkujeme za poptávku."
    statuses = [status for status, _ in agent.wait_for_callbacks(2)]
    assert statuses == [200, 409]
    assert "already answered" in agent.callbacks[1][1]["error"]


def test_a_callback_after_the_timeout_is_too_late(agent: LindyAgentStandIn) -> None:
    agent.delay = 0.6
    problem, _ = fails(lindy(agent, timeout=0.2), agent, answered=1)  # the server waits for it

    assert "did not answer within 0.2 s" in str(problem)
    status, answer = agent.callbacks[0]
    assert status == 409
    assert "already timed out" in answer["error"]


def test_unknown_malformed_and_unsigned_callbacks(agent: LindyAgentStandIn) -> None:
    provider = lindy(agent)

    assert provider.receive_callback(*signed({"request_id": "req-nobody", "text": "Hi"}))[0] == 404
    assert provider.receive_callback(*signed(b"{not json"))[0] == 400
    assert provider.receive_callback(*signed({"text": "no id"}))[0] == 400
    # credentials are checked before anything is read
    forged = signed({"request_id": "req-nobody", "text": "Hi"}, secret="guess")
    assert provider.receive_callback(*forged)[0] == 403
    assert provider.receive_callback({}, b"{not json")[0] == 401
    # header names are case-insensitive, as HTTP says
    headers, raw = signed({"request_id": "req-nobody", "text": "Hi"})
    lower = {k.lower(): v for k, v in headers.items()}
    assert provider.receive_callback(lower, raw)[0] == 404
    assert provider.rejected == 2


def test_without_a_callback_secret_every_callback_is_refused(agent: LindyAgentStandIn) -> None:
    provider = LindyProvider(agent.url, SECRET, "http://127.0.0.1:1/cb", "", 5)
    assert (
        provider.receive_callback(*signed({"request_id": "x", "text": "Hi"}, secret=""))[0] == 403
    )
    with pytest.raises(DraftingFailed, match="callback secret"):
        asyncio.run(provider.draft(draft_request()))
    assert agent.triggers == []


def test_the_agent_reporting_a_failure_ends_the_wait_at_once(agent: LindyAgentStandIn) -> None:
    agent.reply = lambda body: {"request_id": body["request_id"],
                                "error": "the knowledge base has no installation prices"}  # fmt: skip
    problem, took = fails(lindy(agent, timeout=10))
    assert str(problem) == "Lindy could not draft: the knowledge base has no installation prices"
    assert took < 5


def test_a_callback_without_text_is_refused_and_ends_the_wait(agent: LindyAgentStandIn) -> None:
    agent.reply = lambda body: {"request_id": body["request_id"], "text": ""}
    problem, took = fails(lindy(agent, timeout=10), agent, answered=1)
    assert "answered without a draft" in str(problem)
    assert took < 5
    assert agent.callbacks[0][0] == 422


# ------------------------------------------------------------ timeout → fallback


def test_timeout_falls_back_to_the_local_provider_naming_why(agent: LindyAgentStandIn) -> None:
    agent.callback = "never"
    local = StubLocal()
    provider = lindy(agent, timeout=0.5)
    both = FallbackProvider(provider, local)

    proposal = asyncio.run(with_callbacks(provider, lambda: both.draft(draft_request())))

    assert proposal.provider == "local"
    assert proposal.text == "Dobrý den, ozveme se s cenou instalace."
    assert proposal.basis == (
        "Lindy failed: Lindy did not answer within 0.5 s.",
        "template: quote_request (cs)",
    )
    assert local.asked == ["req-lindy-1"]
    assert provider.waiting == 0


def test_no_fallback_needed_when_lindy_answers(agent: LindyAgentStandIn) -> None:
    local = StubLocal()
    provider = lindy(agent)
    proposal = asyncio.run(
        with_callbacks(provider, lambda: FallbackProvider(provider, local).draft(draft_request()))
    )
    assert proposal.provider == "lindy"
    assert local.asked == []


def test_when_both_fail_both_reasons_are_given(agent: LindyAgentStandIn) -> None:
    provider = lindy(agent, secret="wrong")
    with pytest.raises(DraftingFailed) as caught:
        asyncio.run(
            with_callbacks(
                provider, lambda: FallbackProvider(provider, FailingLocal()).draft(draft_request())
            )
        )
    assert "Lindy failed: Lindy refused the webhook secret" in str(caught.value)
    assert "the local drafts failed too: no template for this intent" in str(caught.value)


# ------------------------------------------------------------ the trigger's errors


def test_wrong_trigger_secret(agent: LindyAgentStandIn) -> None:
    provider = lindy(agent, secret="lnd-old-secret")
    problem, took = fails(provider)
    assert "Lindy refused the webhook secret (HTTP 401)" in str(problem)
    assert "Webhook Received trigger" in str(problem)
    assert not problem.retry
    assert took < 5  # no waiting for a callback that cannot come
    assert agent.triggers == [] and agent.callbacks == []
    assert provider.waiting == 0


def test_missing_trigger_secret(agent: LindyAgentStandIn) -> None:
    problem, _ = fails(lindy(agent, secret=None))
    assert "Lindy wants the webhook's secret (HTTP 401)" in str(problem)


def test_unknown_trigger(agent: LindyAgentStandIn) -> None:
    url = agent.url.replace(agent.webhook_id, "deleted-trigger")
    problem, _ = fails(lindy(agent, webhook_url=url))
    assert "Lindy does not know this webhook URL (HTTP 404)" in str(problem)
    assert not problem.retry


def test_trigger_rate_limited(agent: LindyAgentStandIn) -> None:
    agent.fail_next(429, {"error": "Too many requests"}, {"Retry-After": "30"})
    problem, _ = fails(lindy(agent))
    assert "Lindy is limiting requests (HTTP 429" in str(problem)
    assert "try again in 30 s" in str(problem)
    assert problem.retry


def test_trigger_server_error(agent: LindyAgentStandIn) -> None:
    agent.fail_next(502, {"error": "Bad gateway"})
    problem, _ = fails(lindy(agent))
    assert str(problem) == "Lindy had a problem (HTTP 502); try again later."
    assert problem.retry


def test_lindy_unreachable() -> None:
    url = f"http://127.0.0.1:{free_port()}/api/v1/webhooks/abc"
    provider = LindyProvider(url, SECRET, "", CALLBACK_SECRET, 5)
    problem, _ = fails(provider)
    assert f"Lindy at 127.0.0.1:{url.split(':')[2].split('/')[0]} is not reachable" in str(problem)
    assert problem.retry
    assert provider.waiting == 0
