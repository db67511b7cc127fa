"""Drafts from any server that speaks OpenAI's Chat Completions API: OpenAI itself, Ollama
(http://127.0.0.1:11434/v1), llama.cpp's server, vLLM. One POST {base}/chat/completions per
draft; every failure becomes a DraftingFailed in words the user can act on."""

from __future__ import annotations

import email.utils
import logging
import re
import socket
import time
from typing import Any
from urllib.parse import urlsplit

import httpx

from gastro_hub_desktop.brain.providers.prompt import DEFAULT_BUDGET, Budget, chat_messages
from gastro_hub_desktop.domain.drafting import DraftingFailed, DraftProposal, DraftRequest

log = logging.getLogger(__name__)

# A chat model does not report how sure it is, so the confidence is ours, from how the answer
# ended: a complete answer ("stop") is kept moderate, so that auto-reply (which compares it
# with a threshold) stays careful; an answer cut off at max_tokens or filtered gets less.
CONFIDENCE_COMPLETE = 0.6
CONFIDENCE_UNKNOWN_END = 0.5
CONFIDENCE_CUT_OFF = 0.3
CONFIDENCE_FILTERED = 0.2

_THINK_BLOCK = re.compile(r"<(think|thinking)>.*?</\1>", re.S | re.I)
_THINK_BEFORE_CLOSE = re.compile(r"\A.*?</(?:think|thinking)>", re.S | re.I)
_THINK_UNCLOSED = re.compile(r"<(?:think|thinking)>.*\Z", re.S | re.I)
_DNS_WORDS = ("name or service not known", "name resolution", "nodename", "getaddrinfo")


def strip_reasoning(text: str) -> str:
    """The answer without the <think>…</think> reasoning some local models (DeepSeek-R1, Qwen3)
    write first; also when the chat template opened <think> in the prompt (only the closing tag
    comes back) or the answer was cut off while still thinking (no closing tag)."""
    text = _THINK_BLOCK.sub("", text)
    text = _THINK_BEFORE_CLOSE.sub("", text)
    text = _THINK_UNCLOSED.sub("", text)
    return text.strip()


def api_base(url: str) -> str:
    """The API root that /chat/completions and /models hang off. Accepts the address with or
    without a trailing slash, with or without /v1 (a bare host gets /v1, as Ollama, llama.cpp
    and vLLM serve it there), and a pasted full endpoint."""
    url = url.strip().rstrip("/")
    if not url:
        raise ValueError("The AI server's address is empty.")
    if "://" not in url:
        url = "http://" + url
    for endpoint in ("/chat/completions", "/models"):
        url = url.removesuffix(endpoint)
    if urlsplit(url).path in ("", "/"):
        url += "/v1"
    return url


def retry_after_seconds(value: str | None) -> float | None:
    """Retry-After as seconds to wait: a number of seconds or an HTTP date."""
    if not value:
        return None
    value = value.strip()
    try:
        return max(float(value), 0.0)
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(when.timestamp() - time.time(), 0.0)


def _json(response: httpx.Response) -> Any:
    try:
        return response.json()
    except ValueError:
        return None


def _int(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _short(text: str, limit: int = 300) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def server_error_message(payload: Any) -> tuple[str | None, str | None]:
    """(message, code) from an error answer: OpenAI's {"error": {"message", "type", "code"}},
    a bare {"error": "…"} (Ollama, llama.cpp), vLLM's top-level {"message", "code"} or
    FastAPI's {"detail": "…"}."""
    if not isinstance(payload, dict):
        return None, None
    error = payload.get("error")
    if isinstance(error, dict):
        message, code = error.get("message"), error.get("code") or error.get("type")
    elif isinstance(error, str):
        message, code = error, None
    else:
        message = payload.get("message") or payload.get("detail")
        code = payload.get("code")
    return (
        _short(message) if isinstance(message, str) and message.strip() else None,
        str(code) if isinstance(code, str | int) and not isinstance(code, bool) else None,
    )


class OpenAICompatibleProvider:
    """Drafts with one model of one OpenAI-compatible server. A client is opened per call, so
    the provider may be used from any event loop."""

    name = "openai"

    def __init__(
        self,
        base_url: str,
        model: str,
        api_key: str | None = None,
        *,
        timeout: float = 60.0,
        temperature: float = 0.3,
        max_tokens: int = 700,
        transport: httpx.AsyncBaseTransport | None = None,
        budget: Budget = DEFAULT_BUDGET,
    ) -> None:
        self.base_url = api_base(base_url)
        self._server = f"The AI server at {self.base_url}"  # to start a sentence with
        self.model = model.strip()
        self._key = (api_key or "").strip() or None
        self.timeout = timeout
        self.temperature = temperature
        self.max_tokens = max_tokens
        self._transport = transport
        self.budget = budget

    @property
    def label(self) -> str:
        return f"the AI server at {self.base_url}"

    # ------------------------------------------------------------ drafting

    async def draft(self, request: DraftRequest) -> DraftProposal:
        body = {
            "model": self.model,
            "messages": chat_messages(request, self.budget),
            "temperature": self.temperature,
            "max_tokens": self.max_tokens,
        }
        payload = await self._call("POST", "/chat/completions", body)
        choice = self._first_choice(payload)
        finish = choice.get("finish_reason")
        message = choice.get("message")
        content = message.get("content") if isinstance(message, dict) else None
        if isinstance(content, list):  # content parts, as some servers answer
            content = "".join(part.get("text", "") for part in content if isinstance(part, dict))
        cut_off = finish == "length"
        hint = " It was cut off at the token limit: raise max tokens." if cut_off else ""
        if not isinstance(content, str) or not content.strip():
            raise DraftingFailed(
                f'The model "{self.model}" returned an empty answer.{hint}', retry=True
            )
        text = strip_reasoning(content)
        if not text:
            raise DraftingFailed(
                f'The model "{self.model}" only reasoned (<think>) and wrote no answer.{hint}',
                retry=True,
            )
        if finish == "stop":
            confidence = CONFIDENCE_COMPLETE
        elif cut_off:
            confidence = CONFIDENCE_CUT_OFF
        elif finish == "content_filter":
            confidence = CONFIDENCE_FILTERED
        else:  # None or a server's own word ("eos", "tool_calls"): complete as far as we know
            confidence = CONFIDENCE_UNKNOWN_END
        usage = payload.get("usage") if isinstance(payload.get("usage"), dict) else {}
        model = payload.get("model") if isinstance(payload.get("model"), str) else self.model
        basis = [
            f"{model} at {self.base_url}",
            "the knowledge base" if request.knowledge_base.strip() else "no knowledge base",
            f"{len(request.turns)} message(s) of the conversation",
            f"intent: {request.intent.value}",
        ]
        if cut_off:
            basis.append("cut off at the token limit")
        elif finish == "content_filter":
            basis.append("shortened by the server's content filter")
        return DraftProposal(
            text=text,
            provider=self.name,
            confidence=confidence,
            model=model,
            prompt_tokens=_int(usage.get("prompt_tokens")),
            completion_tokens=_int(usage.get("completion_tokens")),
            basis=tuple(basis),
        )

    def _first_choice(self, payload: dict[str, Any]) -> dict[str, Any]:
        choices = payload.get("choices")
        if not isinstance(choices, list) or not choices or not isinstance(choices[0], dict):
            message, _ = server_error_message(payload)
            said = f' It said: "{message}"' if message else ""
            raise DraftingFailed(
                f"{self._server} answered without a draft (no choices).{said}", retry=True
            )
        return choices[0]

    # ------------------------------------------------------------ "Test connection"

    async def check(self) -> str:
        """A short description of the working connection, or DraftingFailed saying what is
        wrong. Lists /models; a server without that list (404) or not listing the model is
        asked for a tiny completion instead, as llama.cpp answers to any model name."""
        try:
            payload = await self._call("GET", "/models")
        except _NotThere:
            await self._tiny_completion()
            return f'Connected to {self.base_url}: the model "{self.model}" answers.'
        data = payload.get("data")
        ids = [m["id"] for m in data or [] if isinstance(m, dict) and isinstance(m.get("id"), str)]
        if self.model in ids or f"{self.model}:latest" in ids:
            return (
                f'Connected to {self.base_url}: the model "{self.model}" is available '
                f"({len(ids)} model(s) in all)."
            )
        await self._tiny_completion()
        return (
            f'Connected to {self.base_url}: the model "{self.model}" answers, though the server '
            f"lists {len(ids)} other model(s)."
        )

    async def _tiny_completion(self) -> None:
        body = {
            "model": self.model,
            "messages": [{"role": "user", "content": "Reply with OK."}],
            "temperature": 0,
            "max_tokens": 5,
        }
        self._first_choice(await self._call("POST", "/chat/completions", body))

    # ------------------------------------------------------------ HTTP

    def _headers(self) -> dict[str, str]:
        headers = {"Accept": "application/json"}
        if self._key:  # local servers take none; an empty "Bearer " confuses some proxies
            headers["Authorization"] = f"Bearer {self._key}"
        return headers

    async def _call(self, method: str, path: str, body: dict[str, Any] | None = None) -> Any:
        """The JSON object the server answered with 2xx, or DraftingFailed in plain words
        (_NotThere for a 404 on GET, which `check` handles)."""
        timeout = httpx.Timeout(self.timeout, connect=min(self.timeout, 10.0))
        try:
            async with httpx.AsyncClient(
                transport=self._transport, timeout=timeout, headers=self._headers()
            ) as client:
                response = await client.request(method, self.base_url + path, json=body)
        except httpx.TimeoutException as exc:
            if isinstance(exc, httpx.ConnectTimeout):
                raise self._unreachable("connecting timed out") from exc
            log.warning("AI server %s: no answer within %g s", self.base_url, self.timeout)
            raise DraftingFailed(
                f"{self._server} did not answer within {self.timeout:g} s: it may be busy or "
                "the model still loading. Try again, or raise the timeout.",
                retry=True,
            ) from exc
        except httpx.ConnectError as exc:
            raise self._unreachable(self._why_not_connected(exc)) from exc
        except httpx.HTTPError as exc:
            log.warning("AI server %s: connection broke: %s", self.base_url, self._scrub(exc))
            raise DraftingFailed(
                f"The connection to {self.label} broke ({self._scrub(exc)}). Try again.",
                retry=True,
            ) from exc
        if response.status_code >= 300:
            if response.status_code == 404 and method == "GET":
                raise _NotThere(f"{self.base_url}{path} does not exist")
            raise self._refusal(response)
        payload = _json(response)
        if not isinstance(payload, dict):
            raise DraftingFailed(
                f"{self._server} did not answer like an OpenAI-compatible API (HTTP "
                f"{response.status_code}, no JSON object). Check the address: it usually ends "
                "in /v1.",
                retry=False,
            )
        if "error" in payload and "choices" not in payload and "data" not in payload:
            raise self._refusal(response)  # an error sent with 200, as some proxies do
        return payload

    def _why_not_connected(self, exc: BaseException) -> str:
        """Connection refused or an unknown name, found in the exception's chain (httpx says
        only "All connection attempts failed" on top), else its own words."""
        seen: BaseException | None = exc
        while seen is not None:
            if isinstance(seen, ConnectionRefusedError):
                return "connection refused: is the server running?"
            if isinstance(seen, socket.gaierror) or any(
                word in str(seen).lower() for word in _DNS_WORDS
            ):
                return "its name could not be looked up"
            seen = seen.__cause__ or seen.__context__
        return self._scrub(exc)

    def _unreachable(self, why: str) -> DraftingFailed:
        log.warning("AI server %s not reachable: %s", self.base_url, why)
        return DraftingFailed(
            f"{self._server} is not reachable ({why}). Check the address in the AI settings and "
            "the connection.",
            retry=True,
        )

    def _refusal(self, response: httpx.Response) -> DraftingFailed:
        status = response.status_code
        message, code = server_error_message(_json(response))
        said = f' The server said: "{message}"' if message else ""
        log.warning("AI server %s answered HTTP %d (%s)", self.base_url, status, code or "-")
        if status in (401, 403):
            if self._key is None:
                return DraftingFailed(
                    f"{self._server} wants an API key (HTTP {status}): enter one in the AI "
                    f"settings.{said}"
                )
            return DraftingFailed(
                f"{self._server} refused the API key (HTTP {status}): check the key in the AI "
                f"settings.{said}"
            )
        if status == 404:
            if code == "model_not_found" or "model" in (message or "").lower():
                return DraftingFailed(
                    f'The model "{self.model}" was not found at {self.base_url} (HTTP 404): '
                    "check the model name in the AI settings (for Ollama, pull it first with "
                    f'"ollama pull").{said}'
                )
            return DraftingFailed(
                f'{self.base_url} answered 404: the model "{self.model}" is not there or the '
                f"address is not an OpenAI-compatible API (it usually ends in /v1).{said}"
            )
        if status == 429:
            if code == "insufficient_quota":
                return DraftingFailed(
                    f"The account at {self.label} has used up its quota (HTTP 429): check the "
                    f"plan and billing.{said}",
                    retry=False,
                )
            wait = retry_after_seconds(response.headers.get("Retry-After"))
            when = f"try again in {wait:.0f} s" if wait is not None else "try again later"
            return DraftingFailed(
                f"{self._server} is limiting requests (HTTP 429: rate limit or quota); "
                f"{when}.{said}",
                retry=True,
            )
        if status >= 500:
            return DraftingFailed(
                f"{self._server} had a problem (HTTP {status}); try again later.{said}",
                retry=True,
            )
        if code == "context_length_exceeded":
            return DraftingFailed(
                f'The conversation is too long for the model "{self.model}" (HTTP {status}): '
                f"lower the prompt budget or choose a model with a longer context.{said}"
            )
        if status < 300:  # an error object sent with 200
            return DraftingFailed(f"{self._server} answered with an error.{said}", retry=True)
        return DraftingFailed(f"{self._server} refused the request (HTTP {status}).{said}")

    def _scrub(self, exc: Exception) -> str:
        detail = str(exc) or type(exc).__name__
        return detail.replace(self._key, "<key>") if self._key else detail


class _NotThere(DraftingFailed):
    """A GET answered 404 (no /models list on this server)."""
