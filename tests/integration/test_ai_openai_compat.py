"""The OpenAI-compatible provider against a loopback stand-in that follows the Chat Completions
API: a draft with its usage tokens, the prompt as sent (knowledge base, the customer's language,
turns in order with roles), no Authorization header without a key, every spelling of the base
URL, <think> reasoning stripped, each error explained in plain words (key refused, model not
found, rate limit with Retry-After, quota, 5xx, unreachable, DNS, timeout, no choices, empty
answer, the server's own message passed through) and "Test connection"."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest
from tests.servers import free_port
from tests.standins.openai_chat import OpenAIChatStandIn

from gastro_hub_desktop.brain.providers.openai_compat import OpenAICompatibleProvider
from gastro_hub_desktop.domain.drafting import (
    ContactProfile,
    DraftingFailed,
    DraftProposal,
    DraftRequest,
    TurnInConversation,
)
from gastro_hub_desktop.domain.triage import Intent

KEY = "sk-test-4b1d9c0e7a2f"
MODEL = "gpt-4o-mini"
T0 = datetime(2025, 3, 10, 9, 0, tzinfo=UTC)
KB = "Gastronomický sporák Mareno 6 plotýnek: 74 500 Kč bez DPH. Dodání do 5 pracovních dnů."


def draft_request(language: str | None = "cs") -> DraftRequest:
    turns = (
        TurnInConversation(True, "Jana Nováková", "Dobrý den, kolik stojí sporák Mareno?",
                           T0, "Poptávka sporáku"),
        TurnInConversation(False, "Petr", "Dobrý den, ověřím cenu a ozvu se.",
                           T0 + timedelta(hours=1), "Re: Poptávka sporáku"),
        TurnInConversation(True, "Jana Nováková", "Děkuji, a jak rychle ho dodáte?",
                           T0 + timedelta(hours=2), "Re: Poptávka sporáku"),
    )  # fmt: skip
    return DraftRequest(
        request_id="req-42",
        conversation_id=42,
        channel="email",
        turns=turns,
        contact=ContactProfile("Jana Nováková", "Bistro U Zlatého klasu", "cs"),
        language=language,
        intent=Intent.QUOTE_REQUEST,
        knowledge_base=KB,
        business_name="Gastro Hub Praha",
    )


def run_draft(provider: OpenAICompatibleProvider, request: DraftRequest | None = None) -> Any:
    return asyncio.run(provider.draft(request or draft_request()))


def failure(provider: OpenAICompatibleProvider) -> DraftingFailed:
    with pytest.raises(DraftingFailed) as caught:
        run_draft(provider)
    return caught.value


@pytest.fixture
def server() -> Iterator[OpenAIChatStandIn]:
    standin = OpenAIChatStandIn(api_key=KEY, models=(MODEL, "gpt-4o"))
    yield standin
    standin.close()


@pytest.fixture
def ollama() -> Iterator[OpenAIChatStandIn]:
    """Like Ollama on 127.0.0.1:11434/v1: no key, models listed with their tags."""
    standin = OpenAIChatStandIn(api_key=None, models=("llama3.2:latest", "qwen3:8b"))
    yield standin
    standin.close()


def provider_for(standin: OpenAIChatStandIn, **options: Any) -> OpenAICompatibleProvider:
    options.setdefault("api_key", KEY)
    options.setdefault("timeout", 5.0)
    return OpenAICompatibleProvider(standin.url, options.pop("model", MODEL), **options)


# ------------------------------------------------------------ drafting


def test_draft_with_usage_tokens(server: OpenAIChatStandIn) -> None:
    server.answer = lambda _: "Dobrý den, sporák Mareno dodáme do 5 pracovních dnů."
    proposal = run_draft(provider_for(server, temperature=0.2, max_tokens=300))

    assert isinstance(proposal, DraftProposal)
    assert proposal.text == "Dobrý den, sporák Mareno dodáme do 5 pracovních dnů."
    assert proposal.provider == "openai"
    assert proposal.model == MODEL
    assert proposal.confidence == pytest.approx(0.6)  # complete ("stop"), kept moderate
    sent = server.chat_requests[0]
    words = sum(len(m["content"].split()) for m in sent["messages"])
    assert proposal.prompt_tokens == words  # the stand-in's own count, carried over
    assert proposal.completion_tokens == 9  # the stand-in counts words
    assert (sent["model"], sent["temperature"], sent["max_tokens"]) == (MODEL, 0.2, 300)
    assert server.requests[0].headers["Authorization"] == f"Bearer {KEY}"
    assert server.requests[0].path == "/v1/chat/completions"
    assert any("knowledge base" in b for b in proposal.basis)


def test_prompt_carries_knowledge_base_language_and_turns_in_order(
    server: OpenAIChatStandIn,
) -> None:
    run_draft(provider_for(server), draft_request(language="de"))

    messages = server.chat_requests[0]["messages"]
    assert [m["role"] for m in messages] == ["system", "user", "assistant", "user"]
    assert KB in messages[0]["content"]
    assert "Write the reply in German" in messages[0]["content"]
    assert "Gastro Hub Praha" in messages[0]["content"]
    assert messages[1]["content"].startswith("Subject: Poptávka sporáku\n\n")
    assert "kolik stojí sporák Mareno" in messages[1]["content"]
    assert "ověřím cenu" in messages[2]["content"]
    assert messages[3]["content"] == "Děkuji, a jak rychle ho dodáte?"


def test_no_authorization_header_without_a_key(ollama: OpenAIChatStandIn) -> None:
    ollama.answer = lambda _: "Dobrý den!"
    proposal = run_draft(provider_for(ollama, model="llama3.2:latest", api_key=None))

    assert proposal.text == "Dobrý den!"
    headers = {k.lower() for k in ollama.requests[0].headers}
    assert "authorization" not in headers
    # an empty key counts as none
    run_draft(provider_for(ollama, model="llama3.2:latest", api_key="  "))
    assert "authorization" not in {k.lower() for k in ollama.requests[1].headers}


@pytest.mark.parametrize(
    "spelling", ["{origin}", "{origin}/", "{origin}/v1", "{origin}/v1/", "{origin}/v1/chat/completions",
                 "127.0.0.1:{port}"]
)  # fmt: skip
def test_base_url_with_or_without_slash_and_v1(server: OpenAIChatStandIn, spelling: str) -> None:
    port = server.server.server_address[1]
    base = spelling.format(origin=server.origin, port=port)
    provider = OpenAICompatibleProvider(base, MODEL, KEY, timeout=5)

    assert provider.base_url == f"{server.origin}/v1"
    assert run_draft(provider).text
    assert server.requests[-1].path == "/v1/chat/completions"


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("<think>\nZákaznice chce vědět termín.\n</think>\n\nDobrý den, do 5 dnů.", "Dobrý den, do 5 dnů."),
        ("<THINK>plán</THINK>Dobrý den.<think>ještě</think>", "Dobrý den."),
        ("Zákaznice chce termín…\n</think>\nDobrý den, do 5 dnů.", "Dobrý den, do 5 dnů."),  # template opened it
    ],
)  # fmt: skip
def test_think_blocks_are_stripped(server: OpenAIChatStandIn, content: str, expected: str) -> None:
    server.answer = lambda _: content
    assert run_draft(provider_for(server)).text == expected


def test_only_reasoning_is_no_draft(server: OpenAIChatStandIn) -> None:
    server.answer = lambda _: {
        "content": "<think>Zákaznice chce vědět, kdy",
        "finish_reason": "length",
    }
    problem = failure(provider_for(server))
    assert "only reasoned" in str(problem)
    assert "token limit" in str(problem)
    assert problem.retry


def test_an_answer_cut_off_at_the_token_limit_gets_less_confidence(
    server: OpenAIChatStandIn,
) -> None:
    server.answer = lambda _: {"content": "Dobrý den, sporák dodáme", "finish_reason": "length"}
    proposal = run_draft(provider_for(server))
    assert proposal.text == "Dobrý den, sporák dodáme"
    assert proposal.confidence < 0.6
    assert "cut off at the token limit" in proposal.basis


# ------------------------------------------------------------ errors in plain words


def test_wrong_key(server: OpenAIChatStandIn) -> None:
    problem = failure(provider_for(server, api_key="sk-wrong-0000111122223333"))
    assert "refused the API key (HTTP 401)" in str(problem)
    assert "check the key" in str(problem)
    assert "Incorrect API key provided" in str(problem)  # OpenAI's own words passed through
    assert "sk-wrong-0000111122223333" not in str(problem)
    assert not problem.retry


def test_missing_key(server: OpenAIChatStandIn) -> None:
    problem = failure(provider_for(server, api_key=None))
    assert "wants an API key (HTTP 401)" in str(problem)
    assert not problem.retry


def test_model_not_found_is_named(server: OpenAIChatStandIn) -> None:
    problem = failure(provider_for(server, model="gpt-5-nano"))
    assert 'The model "gpt-5-nano" was not found' in str(problem)
    assert "The model `gpt-5-nano` does not exist" in str(problem)
    assert not problem.retry


def test_rate_limit_honours_retry_after(server: OpenAIChatStandIn) -> None:
    server.fail_next(
        429,
        "Rate limit reached for gpt-4o-mini on requests per min (RPM): Limit 3, Used 3.",
        kind="requests",
        code="rate_limit_exceeded",
        headers={"Retry-After": "20"},
    )
    problem = failure(provider_for(server))
    assert "HTTP 429: rate limit or quota" in str(problem)
    assert "try again in 20 s" in str(problem)
    assert "Rate limit reached for gpt-4o-mini" in str(problem)
    assert problem.retry


def test_used_up_quota_is_not_retried(server: OpenAIChatStandIn) -> None:
    server.fail_next(
        429,
        "You exceeded your current quota, please check your plan and billing details.",
        kind="insufficient_quota",
        code="insufficient_quota",
    )
    problem = failure(provider_for(server))
    assert "used up its quota" in str(problem)
    assert not problem.retry


@pytest.mark.parametrize("status", [500, 503])
def test_server_errors_are_retried(server: OpenAIChatStandIn, status: int) -> None:
    server.fail_next(status, "The server had an error while processing your request.")
    problem = failure(provider_for(server))
    assert f"had a problem (HTTP {status}); try again later" in str(problem)
    assert "The server had an error while processing your request." in str(problem)
    assert problem.retry


def test_a_proxy_error_page(server: OpenAIChatStandIn) -> None:
    server.fail_next(502, "", raw=b"<html><body>502 Bad Gateway</body></html>")
    problem = failure(provider_for(server))
    assert "HTTP 502" in str(problem)
    assert problem.retry


def test_a_refused_request_passes_the_servers_words(server: OpenAIChatStandIn) -> None:
    problem = failure(provider_for(server, temperature=5.0))
    assert "refused the request (HTTP 400)" in str(problem)
    assert "Invalid 'temperature': must be between 0 and 2" in str(problem)
    assert not problem.retry


def test_connection_refused_says_the_server_is_not_reachable() -> None:
    url = f"http://127.0.0.1:{free_port()}/v1"
    problem = failure(OpenAICompatibleProvider(url, "llama3.2", timeout=5))
    assert str(problem).startswith(f"The AI server at {url} is not reachable")
    assert "connection refused" in str(problem)
    assert problem.retry


def test_unknown_host_says_the_name_could_not_be_looked_up() -> None:
    def no_such_name(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("[Errno -2] Name or service not known", request=request)

    provider = OpenAICompatibleProvider(
        "https://llm.example.invalid/v1", MODEL, KEY, transport=httpx.MockTransport(no_such_name)
    )
    problem = failure(provider)
    assert "https://llm.example.invalid/v1 is not reachable" in str(problem)
    assert "its name could not be looked up" in str(problem)
    assert problem.retry


def test_a_slow_server_times_out(server: OpenAIChatStandIn) -> None:
    server.delay = 1.5
    problem = failure(provider_for(server, timeout=0.4))
    assert "did not answer within 0.4 s" in str(problem)
    assert problem.retry


def test_an_answer_without_choices(server: OpenAIChatStandIn) -> None:
    server.answer = lambda _: {"body": {"id": "chatcmpl-1", "object": "chat.completion",
                                        "model": MODEL, "choices": []}}  # fmt: skip
    problem = failure(provider_for(server))
    assert "answered without a draft (no choices)" in str(problem)
    assert problem.retry


def test_an_empty_answer(server: OpenAIChatStandIn) -> None:
    server.answer = lambda _: "   "
    problem = failure(provider_for(server))
    assert f'The model "{MODEL}" returned an empty answer.' in str(problem)
    assert problem.retry


def test_an_error_object_sent_with_200_is_passed_through(server: OpenAIChatStandIn) -> None:
    server.answer = lambda _: {"body": {"error": {"message": "Upstream model overloaded",
                                                  "type": "server_error", "code": None}}}  # fmt: skip
    problem = failure(provider_for(server))
    assert str(problem) == (
        f'The AI server at {server.url} answered with an error. The server said: "Upstream model '
        'overloaded"'
    )
    assert problem.retry


def test_not_an_openai_api(server: OpenAIChatStandIn) -> None:
    provider = OpenAICompatibleProvider(server.origin + "/api", MODEL, KEY, timeout=5)
    problem = failure(provider)
    assert "answered 404" in str(problem)
    assert "not an OpenAI-compatible API" in str(problem)


# ------------------------------------------------------------ "Test connection"


def test_check_finds_the_model_in_the_list(server: OpenAIChatStandIn) -> None:
    said = asyncio.run(provider_for(server).check())
    assert (
        said == f'Connected to {server.url}: the model "{MODEL}" is available (2 model(s) in all).'
    )
    assert [(r.method, r.path) for r in server.requests] == [("GET", "/v1/models")]


def test_check_matches_ollamas_latest_tag(ollama: OpenAIChatStandIn) -> None:
    said = asyncio.run(provider_for(ollama, model="llama3.2", api_key=None).check())
    assert '"llama3.2" is available' in said


def test_check_without_a_models_list_asks_for_a_tiny_completion() -> None:
    llama_cpp = OpenAIChatStandIn(models=("model.gguf",), models_endpoint=False,
                                  accept_any_model=True)  # fmt: skip
    try:
        said = asyncio.run(provider_for(llama_cpp, model="qwen2.5-7b", api_key=None).check())
    finally:
        llama_cpp.close()
    assert said == f'Connected to {llama_cpp.url}: the model "qwen2.5-7b" answers.'
    assert [(r.method, r.path) for r in llama_cpp.requests] == [
        ("GET", "/v1/models"),
        ("POST", "/v1/chat/completions"),
    ]
    assert llama_cpp.requests[1].json["max_tokens"] == 5


def test_check_names_a_missing_model(server: OpenAIChatStandIn) -> None:
    with pytest.raises(DraftingFailed) as caught:
        asyncio.run(provider_for(server, model="llama3.2").check())
    assert 'The model "llama3.2" was not found' in str(caught.value)


def test_check_with_a_wrong_key(server: OpenAIChatStandIn) -> None:
    with pytest.raises(DraftingFailed) as caught:
        asyncio.run(provider_for(server, api_key="sk-nope-12345678").check())
    assert "refused the API key (HTTP 401)" in str(caught.value)


def test_check_of_a_server_that_is_down() -> None:
    url = f"http://127.0.0.1:{free_port()}"
    with pytest.raises(DraftingFailed) as caught:
        asyncio.run(OpenAICompatibleProvider(url, "llama3.2", timeout=5).check())
    assert f"{url}/v1 is not reachable" in str(caught.value)
