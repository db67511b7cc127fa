"""Drafts by a Lindy (lindy.ai) agent: the request is POSTed to the agent's "Webhook Received"
trigger, and the agent answers later by POSTing to our callback address, which an HTTP receiver
hands to `LindyProvider.receive_callback`; `draft` waits for that answer up to a timeout.

What Lindy documents (https://docs.lindy.ai/skills/by-lindy/webhooks, the Webhook Received
trigger): each webhook has its own URL (https://public.lindy.ai/api/v1/webhooks/<id>) and,
once "Generate Secret" is used, a secret the caller sends as `Authorization: Bearer <secret>`;
the JSON body is handed to the workflow as-is ({{webhook_received.request.body}}, no schema
imposed); the agent answers the sender with the "Send POST Request to Callback" action, which
posts to the `callbackUrl` given in that body. Lindy documents no signature on what an agent
sends, nor the trigger's answer, its status codes, timeouts or retries (summarised, with the
pages probed, in https://github.com/api-evangelist/lindy/blob/main/asyncapi/lindy-webhooks.yml:
"No HMAC signature header, timestamp or replay-protection scheme is documented").

So the callback's authenticity is our own contract, set up in the agent's workflow with a
callback secret that is separate from the trigger's secret:
- callback_auth="hmac" (default): header `X-Gastro-Signature: sha256=<hex>`, the HMAC-SHA256
  of the exact body bytes under the callback secret (computed in a Run Code step, or by a relay);
  it also binds the text to its request_id;
- callback_auth="bearer": header `Authorization: Bearer <callback secret>`, a static header an
  HTTP Request / callback step can send without code (weaker: whoever sees it once can forge).
Either is compared in constant time. A missing credential is answered 401, a wrong one 403,
a body that is not JSON 400, an unknown request_id 404, an already answered (or given up)
request_id 409: each request is resolved at most once, so a replayed callback changes nothing.

The callback body: {"request_id": "…", "text": "the draft", "confidence": 0..1 (optional),
"model": "…" (optional)}, or {"request_id": "…", "error": "why the agent could not draft"}."""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import json
import logging
import threading
from collections import OrderedDict
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal
from urllib.parse import urlsplit

import httpx

from gastro_hub_desktop.brain.providers.openai_compat import retry_after_seconds
from gastro_hub_desktop.brain.providers.prompt import (
    DEFAULT_BUDGET,
    Budget,
    conversation_as_text,
    customer_language,
    language_name,
    system_prompt,
    trim,
)
from gastro_hub_desktop.domain.drafting import DraftingFailed, DraftProposal, DraftRequest

log = logging.getLogger(__name__)

SIGNATURE_HEADER = "X-Gastro-Signature"
DEFAULT_CONFIDENCE = 0.6  # when the agent does not say: as moderate as a chat model's draft
MAX_TEXT = 20_000  # a reply longer than this is not a reply
REMEMBERED = 2000  # finished request ids kept to answer a replay 409 instead of 404

CallbackAuth = Literal["hmac", "bearer"]


def callback_signature(body: bytes, secret: str) -> str:
    """The X-Gastro-Signature value for `body`: sha256=<hex HMAC-SHA256 under `secret`>."""
    return "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


@dataclass
class _Waiting:
    """A draft waiting for its callback, on the event loop that waits."""

    loop: asyncio.AbstractEventLoop
    future: asyncio.Future[DraftProposal]

    def settle(self, outcome: DraftProposal | DraftingFailed) -> None:
        def apply() -> None:
            if self.future.done():  # timed out or cancelled meanwhile
                return
            if isinstance(outcome, DraftingFailed):
                self.future.set_exception(outcome)
            else:
                self.future.set_result(outcome)

        try:
            self.loop.call_soon_threadsafe(apply)
        except RuntimeError:  # the waiting loop is gone: nobody to tell
            log.info("Lindy callback arrived after its draft's event loop closed")


class LindyProvider:
    """One Lindy agent's webhook trigger and the callbacks it sends back. `receive_callback` may
    be called from any thread (the engine's receiver runs its own loop)."""

    name = "lindy"
    label = "Lindy"

    def __init__(
        self,
        webhook_url: str,
        secret: str | None,
        callback_url: str,
        callback_secret: str,
        timeout: float = 120.0,
        *,
        callback_auth: CallbackAuth = "hmac",
        trigger_timeout: float = 15.0,
        transport: httpx.AsyncBaseTransport | None = None,
        budget: Budget = DEFAULT_BUDGET,
    ) -> None:
        if callback_auth not in ("hmac", "bearer"):
            raise ValueError(f"callback_auth must be 'hmac' or 'bearer', not {callback_auth!r}")
        self.webhook_url = webhook_url.strip()
        self._secret = (secret or "").strip() or None
        self.callback_url = callback_url.strip()
        self._callback_secret = callback_secret
        self.callback_auth: CallbackAuth = callback_auth
        self.timeout = timeout
        self.trigger_timeout = trigger_timeout
        self._transport = transport
        self.budget = budget
        self._lock = threading.Lock()
        self._waiting: dict[str, _Waiting] = {}
        self._finished: OrderedDict[str, str] = OrderedDict()  # request id → what became of it
        self.rejected = 0  # callbacks refused for their credentials (for the status panel)

    @property
    def waiting(self) -> int:
        """How many drafts are waiting for their callback."""
        with self._lock:
            return len(self._waiting)

    # ------------------------------------------------------------ drafting

    async def draft(self, request: DraftRequest) -> DraftProposal:
        if not self.webhook_url:
            raise DraftingFailed("Lindy's webhook URL is not set: copy it from the agent's "
                                 "Webhook Received trigger into the AI settings.")  # fmt: skip
        if not self.callback_url or not self._callback_secret:
            raise DraftingFailed(
                "Lindy needs an address to answer to and a callback secret: set both in the AI "
                "settings."
            )
        rid = request.request_id
        loop = asyncio.get_running_loop()
        future: asyncio.Future[DraftProposal] = loop.create_future()
        with self._lock:
            if rid in self._waiting or rid in self._finished:
                raise DraftingFailed(f"Draft request {rid} was already sent to Lindy.")
            self._waiting[rid] = _Waiting(loop, future)  # before the POST: Lindy may be quick
        outcome = "given up"
        try:
            started = loop.time()
            await self._trigger(request)
            remaining = max(self.timeout - (loop.time() - started), 0.0)
            try:
                proposal = await asyncio.wait_for(future, remaining)
            except TimeoutError:
                outcome = "timed out"
                log.warning("Lindy did not answer draft %s within %g s", rid, self.timeout)
                raise DraftingFailed(
                    f"Lindy did not answer within {self.timeout:g} s.", retry=True
                ) from None
            outcome = "answered"
            return proposal
        finally:
            with self._lock:
                if self._waiting.pop(rid, None) is not None:
                    self._remember(rid, outcome)

    def _payload(self, request: DraftRequest) -> dict[str, Any]:
        contact = request.contact
        language = customer_language(request)
        return {
            "request_id": request.request_id,
            "conversation_id": request.conversation_id,
            "channel": request.channel,
            "language": language,
            "language_name": language_name(language),
            "intent": request.intent.value,
            "customer": {
                "name": contact.name,
                "company": contact.company,
                "vip": contact.is_vip,
                "notes": contact.notes,
            },
            "business_name": request.business_name,
            "signature": request.signature,
            "conversation": conversation_as_text(request, self.budget),
            "knowledge_base": trim(request.knowledge_base, self.budget.knowledge_base),
            "instructions": system_prompt(request, budget=self.budget),
            "callbackUrl": self.callback_url,
        }

    async def _trigger(self, request: DraftRequest) -> None:
        headers = {"Accept": "application/json"}
        if self._secret:
            headers["Authorization"] = f"Bearer {self._secret}"
        host = urlsplit(self.webhook_url).netloc or self.webhook_url
        timeout = httpx.Timeout(min(self.trigger_timeout, self.timeout))
        try:
            async with httpx.AsyncClient(transport=self._transport, timeout=timeout) as client:
                response = await client.post(
                    self.webhook_url, json=self._payload(request), headers=headers
                )
        except httpx.TimeoutException as exc:
            raise DraftingFailed(
                f"Lindy's webhook at {host} did not take the request in time; try again.",
                retry=True,
            ) from exc
        except httpx.ConnectError as exc:
            log.warning("Lindy webhook %s not reachable: %s", host, self._scrub(exc))
            raise DraftingFailed(
                f"Lindy at {host} is not reachable ({self._scrub(exc)}). Check the internet "
                "connection and the webhook URL.",
                retry=True,
            ) from exc
        except httpx.HTTPError as exc:
            raise DraftingFailed(
                f"The connection to Lindy at {host} broke ({self._scrub(exc)}); try again.",
                retry=True,
            ) from exc
        status = response.status_code
        if status < 300:
            return
        log.warning("Lindy webhook %s answered HTTP %d", host, status)
        if status in (401, 403):
            if self._secret is None:
                raise DraftingFailed(
                    f"Lindy wants the webhook's secret (HTTP {status}): copy it from the "
                    "Webhook Received trigger's settings into the AI settings."
                )
            raise DraftingFailed(
                f"Lindy refused the webhook secret (HTTP {status}): generate or copy the secret "
                "again in the Webhook Received trigger's settings."
            )
        if status == 404:
            raise DraftingFailed(
                "Lindy does not know this webhook URL (HTTP 404): the trigger may have been "
                "deleted or the URL mistyped; copy it again from the agent."
            )
        if status == 429:
            wait = retry_after_seconds(response.headers.get("Retry-After"))
            when = f"try again in {wait:.0f} s" if wait is not None else "try again later"
            raise DraftingFailed(
                f"Lindy is limiting requests (HTTP 429: rate limit or credits); {when}.",
                retry=True,
            )
        if status >= 500:
            raise DraftingFailed(
                f"Lindy had a problem (HTTP {status}); try again later.", retry=True
            )
        raise DraftingFailed(f"Lindy refused the draft request (HTTP {status}).")

    def _scrub(self, exc: Exception) -> str:
        detail = str(exc) or type(exc).__name__
        return detail.replace(self._secret, "<secret>") if self._secret else detail

    # ------------------------------------------------------------ the callback

    def receive_callback(
        self, headers: Mapping[str, str], body: bytes
    ) -> tuple[int, dict[str, Any]]:
        """Check and take in one callback: (HTTP status, JSON answer) for the receiver to send.
        Only a verified callback for a waiting request resolves a draft, and only once."""
        lower = {key.lower(): value for key, value in headers.items()}
        refused = self._authenticate(lower, body)
        if refused is not None:
            status, why = refused
            with self._lock:
                self.rejected += 1
            log.warning("Lindy callback rejected (%d): %s", status, why)
            return status, {"error": why}
        try:
            payload = json.loads(body)
        except (ValueError, UnicodeDecodeError):
            log.warning("Lindy callback rejected (400): the body is not JSON")
            return 400, {"error": "the body is not JSON"}
        rid = payload.get("request_id") if isinstance(payload, dict) else None
        if not isinstance(rid, str) or not rid:
            log.warning("Lindy callback rejected (400): no request_id")
            return 400, {"error": "the body has no request_id"}
        status, outcome = self._outcome(payload)
        with self._lock:
            waiting = self._waiting.pop(rid, None)
            if waiting is None:
                finished = self._finished.get(rid)
                if finished is None:
                    log.warning("Lindy callback for unknown request %s", rid)
                    return 404, {"error": "no draft is waiting for this request_id"}
                log.warning("Lindy callback for request %s, which was already %s", rid, finished)
                return 409, {"error": f"this request was already {finished}"}
            self._remember(rid, "answered")
        waiting.settle(outcome)
        if status != 200:
            log.warning("Lindy callback for %s unusable: %s", rid, outcome)
            return status, {"error": str(outcome)}
        return 200, {"ok": True}

    def _authenticate(self, headers: Mapping[str, str], body: bytes) -> tuple[int, str] | None:
        """None when the callback carries the right credential, else (status, why)."""
        secret = self._callback_secret
        if not secret:
            return 403, "no callback secret is configured: every callback is refused"
        if self.callback_auth == "hmac":
            given = headers.get(SIGNATURE_HEADER.lower(), "").strip()
            if not given:
                return 401, f"the {SIGNATURE_HEADER} header is missing"
            expected = callback_signature(body, secret)
            if not hmac.compare_digest(given.lower().encode(), expected.encode()):
                return 403, f"the {SIGNATURE_HEADER} signature does not match the body"
            return None
        auth = headers.get("authorization", "")
        if not auth.startswith("Bearer "):
            return 401, "the Authorization: Bearer header is missing"
        if not hmac.compare_digest(auth.removeprefix("Bearer ").strip().encode(), secret.encode()):
            return 403, "the bearer token is wrong"
        return None

    def _outcome(self, payload: dict[str, Any]) -> tuple[int, DraftProposal | DraftingFailed]:
        error = payload.get("error")
        if isinstance(error, str) and error.strip():
            return 200, DraftingFailed(f"Lindy could not draft: {trim(error, 300)}")
        text = payload.get("text")
        if not isinstance(text, str) or not text.strip():
            return 422, DraftingFailed("Lindy answered without a draft (no text).", retry=True)
        if len(text) > MAX_TEXT:
            return 422, DraftingFailed(f"Lindy's answer is longer than {MAX_TEXT} characters.")
        confidence = payload.get("confidence")
        if isinstance(confidence, bool) or not isinstance(confidence, int | float):
            confidence = DEFAULT_CONFIDENCE
        model = payload.get("model")
        return 200, DraftProposal(
            text=text.strip(),
            provider=self.name,
            confidence=min(max(float(confidence), 0.0), 1.0),
            model=model if isinstance(model, str) and model else None,
            basis=("the Lindy agent's answer",),
        )

    def _remember(self, rid: str, what: str) -> None:
        """Called with the lock held."""
        self._finished[rid] = what
        while len(self._finished) > REMEMBERED:
            self._finished.popitem(last=False)
