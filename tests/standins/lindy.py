"""A loopback stand-in for a Lindy agent behind a "Webhook Received" trigger
(https://docs.lindy.ai/skills/by-lindy/webhooks): POST /api/v1/webhooks/<id> with
`Authorization: Bearer <secret>` (anything else: 401), any JSON body (not JSON: 400), another
webhook id: 404. Lindy does not document the trigger's answer; the stand-in answers 200
{"success": true}. Then, as the agent's "Send POST Request to Callback" step, after `delay`
seconds it POSTs the answer to the body's `callbackUrl`, signed as the test's `callback` mode
chooses: "hmac" (X-Gastro-Signature over the body), "bearer", "wrong" (a wrong signature),
"none" (no signature), "never" (no callback), "twice" (the same signed callback twice).

`reply(trigger_body)` decides the callback body. Triggers and the callbacks' answers (status,
JSON) are recorded; `fail_next` scripts a trigger answer (429, 500, …)."""

from __future__ import annotations

import hashlib
import hmac
import json
import threading
import time
from collections.abc import Callable
from http.server import ThreadingHTTPServer
from typing import Any

import httpx

from tests.standins.http import bearer, serve

Reply = tuple[int, Any, dict[str, str]]
MODES = ("hmac", "bearer", "wrong", "none", "never", "twice")


class LindyAgentStandIn:
    def __init__(self, secret: str, callback_secret: str, webhook_id: str = "4f1c2d9e") -> None:
        self.secret = secret
        self.callback_secret = callback_secret
        self.webhook_id = webhook_id
        self.callback = "hmac"
        self.delay = 0.05
        self.reply: Callable[[dict[str, Any]], dict[str, Any]] = lambda body: {
            "request_id": body["request_id"],
            "text": "Dobrý den, děkujeme za poptávku.",
        }
        self.triggers: list[tuple[dict[str, str], Any]] = []
        self.callbacks: list[tuple[int, Any]] = []  # what our callback receiver answered
        self._failures: list[Reply] = []
        self._lock = threading.Lock()
        self._done = threading.Condition(self._lock)
        self.server: ThreadingHTTPServer = serve(self._handle)

    @property
    def url(self) -> str:
        port = self.server.server_address[1]
        return f"http://127.0.0.1:{port}/api/v1/webhooks/{self.webhook_id}"

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()

    def fail_next(
        self, status: int, body: Any = None, headers: dict[str, str] | None = None
    ) -> None:
        with self._lock:
            self._failures.append((status, body or {"error": "scripted"}, dict(headers or {})))

    def wait_for_callbacks(self, count: int, timeout: float = 5.0) -> list[tuple[int, Any]]:
        with self._done:
            self._done.wait_for(lambda: len(self.callbacks) >= count, timeout)
            return list(self.callbacks)

    # ------------------------------------------------------------ the trigger

    def _handle(self, method: str, path: str, headers: dict[str, str], body: bytes) -> Reply:
        if method != "POST":
            return 405, {"error": "Method not allowed"}, {}
        if path.split("?")[0] != f"/api/v1/webhooks/{self.webhook_id}":
            return 404, {"error": "Webhook not found"}, {}
        if bearer(headers) != self.secret:
            return 401, {"error": "Unauthorized"}, {}
        try:
            trigger = json.loads(body)
        except ValueError:
            return 400, {"error": "Invalid JSON"}, {}
        with self._lock:
            self.triggers.append((headers, trigger))
            failure = self._failures.pop(0) if self._failures else None
        if failure is not None:
            return failure
        if self.callback != "never" and isinstance(trigger, dict) and trigger.get("callbackUrl"):
            threading.Thread(
                target=self._call_back, args=(trigger, self.callback), daemon=True
            ).start()
        return 200, {"success": True}, {}

    # ------------------------------------------------------------ the callback

    def _call_back(self, trigger: dict[str, Any], mode: str) -> None:
        time.sleep(self.delay)
        body = json.dumps(self.reply(trigger)).encode()
        headers = {"Content-Type": "application/json"}
        if mode in ("hmac", "twice"):
            digest = hmac.new(self.callback_secret.encode(), body, hashlib.sha256).hexdigest()
            headers["X-Gastro-Signature"] = f"sha256={digest}"
        elif mode == "bearer":
            headers["Authorization"] = f"Bearer {self.callback_secret}"
        elif mode == "wrong":
            digest = hmac.new(b"not-the-secret", body, hashlib.sha256).hexdigest()
            headers["X-Gastro-Signature"] = f"sha256={digest}"
        url = trigger["callbackUrl"]
        assert url.startswith("http://127.0.0.1:"), "the stand-in calls back on loopback only"
        for _ in range(2 if mode == "twice" else 1):
            try:
                response = httpx.post(url, content=body, headers=headers, timeout=5)
                answer: tuple[int, Any] = (response.status_code, response.json())
            except (httpx.HTTPError, ValueError) as exc:
                answer = (0, repr(exc))
            with self._done:
                self.callbacks.append(answer)
                self._done.notify_all()
