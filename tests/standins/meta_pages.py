"""A loopback stand-in for the Graph API of a Facebook Page with a linked Instagram professional
account (v21.0), following Meta's Messenger Platform documents: GET /{page-id}?fields=…
(name, instagram_business_account{id,username}); POST /{page-id}/messages and /me/messages
(Send API: recipient.id, messaging_type RESPONSE / MESSAGE_TAG with tag HUMAN_AGENT,
message.text and message.metadata; answered {recipient_id, message_id}); GET
/{page-id}/conversations?platform=messenger|instagram[&user_id=] with messages{id,
created_time,from,to,message} and cursor paging; errors as {"error": {message, type, code,
error_subcode, fbtrace_id}} with the Messenger codes (190, 10/2018278, 551/1545041,
100/2018001, 230, 4).

It also acts like Meta toward our app: customers' messages are POSTed as `page` / `instagram`
webhooks signed with X-Hub-Signature-256; every accepted send is echoed back (is_echo, app_id,
metadata) and then followed by delivery and read receipts; the GET verify-token handshake."""

from __future__ import annotations

import hashlib
import hmac
import itertools
import json
import secrets
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from http.server import ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlencode, urlsplit

import httpx
import pytest

from tests.standins.http import bearer, serve

API_VERSION = "v21.0"
PAGE_ID = "104729631598374"
PAGE_NAME = "Gastro Praha – gastro vybavení"
IG_ID = "17841455512345678"
IG_USERNAME = "gastro.praha"
APP_ID = "1517776481860111"
PAGE_TOKEN = "EAAG-test-page-access-token"
APP_SECRET = "pages-test-app-secret"
VERIFY_TOKEN = "pages-test-verify-token"
MAX_TEXT = 2000
DAY = 24 * 3600

ERRORS: dict[int, tuple[int, str]] = {
    4: (400, "(#4) Application request limit reached"),
    10: (400, "(#10) This message is sent outside of allowed window."),
    100: (400, "(#100) No matching user found"),
    190: (400, "Error validating access token: Session has expired."),
    230: (403, "(#230) Requires pages_messaging permission to manage the object"),
    551: (400, "(#551) This person isn't available right now."),
    1200: (500, "(#1200) Temporary send message failure. Please try again later."),
}


def error_body(code: int, subcode: int | None = None, message: str = "") -> dict[str, Any]:
    error: dict[str, Any] = {
        "message": message or ERRORS.get(code, (400, f"(#{code}) Error"))[1],
        "type": "OAuthException",
        "code": code,
        "fbtrace_id": "A" + secrets.token_hex(10),
    }
    if subcode is not None:
        error["error_subcode"] = subcode
    return {"error": error}


def sign(body: bytes, secret: str = APP_SECRET) -> str:
    return "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


def envelope(platform: str, events: list[dict[str, Any]], key: str = "messaging") -> dict[str, Any]:
    """The documented wrapper: object "page" (entry id: the page) or "instagram" (entry id:
    the Instagram professional account) around messaging events."""
    obj, entry_id = ("page", PAGE_ID) if platform == "messenger" else ("instagram", IG_ID)
    return {
        "object": obj,
        "entry": [{"id": entry_id, "time": int(time.time() * 1000), key: events}],
    }


def ours(platform: str) -> str:
    return PAGE_ID if platform == "messenger" else IG_ID


def message_event(
    platform: str,
    customer: str,
    text: str | None,
    *,
    mid: str,
    timestamp_ms: int,
    attachments: list[dict[str, Any]] | None = None,
) -> dict[str, Any]:
    """A customer's message as the `messages` field delivers it."""
    message: dict[str, Any] = {"mid": mid}
    if text is not None:
        message["text"] = text
    if attachments:
        message["attachments"] = attachments
    return {
        "sender": {"id": customer},
        "recipient": {"id": ours(platform)},
        "timestamp": timestamp_ms,
        "message": message,
    }


def echo_event(
    platform: str, customer: str, text: str, *, mid: str, timestamp_ms: int, metadata: str | None
) -> dict[str, Any]:
    """Our page's own message as `message_echoes` delivers it."""
    message: dict[str, Any] = {"is_echo": True, "app_id": int(APP_ID), "mid": mid, "text": text}
    if metadata is not None:
        message["metadata"] = metadata
    return {
        "sender": {"id": ours(platform)},
        "recipient": {"id": customer},
        "timestamp": timestamp_ms,
        "message": message,
    }


def delivery_event(customer: str, mids: list[str], watermark_ms: int) -> dict[str, Any]:
    return {
        "sender": {"id": customer},
        "recipient": {"id": PAGE_ID},
        "delivery": {"mids": mids, "watermark": watermark_ms},
    }


def read_event(platform: str, customer: str, watermark_ms: int, mid: str) -> dict[str, Any]:
    """Messenger reads carry a watermark, Instagram reads the mid that was seen."""
    read: dict[str, Any] = {"watermark": watermark_ms} if platform == "messenger" else {"mid": mid}
    return {
        "sender": {"id": customer},
        "recipient": {"id": ours(platform)},
        "timestamp": watermark_ms,
        "read": read,
    }


_counter = itertools.count(1)


def new_mid(platform: str) -> str:
    n = next(_counter)
    if platform == "instagram":
        return f"aWdfZAG1faXRlbToxOklHTWVzc2FnZAUlEOj{n:06d}{secrets.token_hex(6)}"
    return f"m_{n:06d}{secrets.token_urlsafe(12)}"


def graph_time(unix: float) -> str:
    return datetime.fromtimestamp(unix, UTC).strftime("%Y-%m-%dT%H:%M:%S+0000")


@dataclass
class StoredMessage:
    mid: str
    platform: str
    customer: str
    outbound: bool
    text: str
    created: float  # unix seconds
    name: str = ""


@dataclass
class Exchange:
    method: str
    path: str
    query: dict[str, str]
    request: Any
    status: int
    response: Any


@dataclass
class MetaPagesStandIn:
    token: str = PAGE_TOKEN
    instagram_linked: bool = True
    permissions: set[str] = field(
        default_factory=lambda: {"pages_messaging", "instagram_manage_messages"}
    )
    human_agent_permission: bool = False
    webhook_url: str | None = None  # echoes and receipts of our sends are posted here
    receipts: bool = True  # after the echo: delivery and read
    list_lag: bool = False  # the Conversations API does not show our latest sends yet
    page_size: int = 25

    def __post_init__(self) -> None:
        self.messages: list[StoredMessage] = []
        self.names: dict[str, str] = {}
        self.blocked: set[str] = set()
        self.requests: list[tuple[str, str]] = []
        self.exchanges: list[Exchange] = []
        self.sent: list[dict[str, Any]] = []  # accepted Send API bodies, with "_mid"
        self.webhook_posts: list[tuple[dict[str, Any], int]] = []
        self.failures: list[tuple[int, int | None]] = []  # next sends fail: (code, subcode)
        self._lock = threading.Lock()
        self._threads: list[threading.Thread] = []
        self._server: ThreadingHTTPServer | None = None
        self.port = 0

    # ------------------------------------------------------------ test controls

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/{API_VERSION}"

    def count(self, method: str, path_end: str = "") -> int:
        with self._lock:
            return sum(1 for m, p in self.requests if m == method and p.endswith(path_end))

    def customer_writes(
        self,
        platform: str,
        customer: str,
        text: str | None,
        *,
        name: str = "Jana Nováková",
        when: float | None = None,
        mid: str | None = None,
        attachments: list[dict[str, Any]] | None = None,
    ) -> dict[str, Any]:
        """A customer writes to the page (listed in the Conversations API from now on); the
        webhook payload Meta would post for it is returned."""
        when = time.time() if when is None else when
        mid = mid or new_mid(platform)
        with self._lock:
            self.names[customer] = name
            self.messages.append(
                StoredMessage(mid, platform, customer, False, text or "", when, name)
            )
        event = message_event(
            platform, customer, text, mid=mid, timestamp_ms=int(when * 1000),
            attachments=attachments,
        )  # fmt: skip
        return envelope(platform, [event])

    def deliver(
        self, url: str, payload: dict[str, Any], secret: str = APP_SECRET
    ) -> httpx.Response:
        """POST a webhook payload to our app the way Meta does (compact JSON, signed)."""
        body = json.dumps(payload, separators=(",", ":")).encode()
        response = httpx.post(
            url,
            content=body,
            headers={
                "Content-Type": "application/json",
                "X-Hub-Signature-256": sign(body, secret),
                "User-Agent": "facebookexternalua",
            },
            timeout=10,
        )
        with self._lock:
            self.webhook_posts.append((payload, response.status_code))
        return response

    def deliver_message(
        self, url: str, platform: str, customer: str, text: str | None, **kwargs: Any
    ) -> httpx.Response:
        return self.deliver(url, self.customer_writes(platform, customer, text, **kwargs))

    @staticmethod
    def verify(url: str, token: str) -> tuple[httpx.Response, str]:
        """Meta's GET handshake when a callback URL is saved in the App Dashboard."""
        challenge = str(secrets.randbelow(10**10))
        response = httpx.get(
            url,
            params={"hub.mode": "subscribe", "hub.challenge": challenge, "hub.verify_token": token},
            timeout=10,
        )
        return response, challenge

    def echo_of(self, sent: dict[str, Any]) -> dict[str, Any]:
        """The message echo Meta posts for an accepted send (e.g. to post it again later, as
        Meta retries a webhook our app did not take)."""
        platform = sent["_platform"]
        event = echo_event(
            platform, sent["recipient"]["id"], sent["message"]["text"], mid=sent["_mid"],
            timestamp_ms=sent["_ms"], metadata=sent["message"].get("metadata"),
        )  # fmt: skip
        return envelope(platform, [event])

    def wait_idle(self, timeout: float = 10.0) -> None:
        deadline = time.monotonic() + timeout
        for thread in list(self._threads):
            thread.join(max(0.0, deadline - time.monotonic()))

    # ------------------------------------------------------------ the API

    def handle(
        self, method: str, url: str, token: str | None, body: bytes
    ) -> tuple[int, Any, dict[str, str]]:
        parts = urlsplit(url)
        query = {k: v[-1] for k, v in parse_qs(parts.query).items()}
        token = token or query.pop("access_token", None)
        request: Any = None
        if body:
            try:
                request = json.loads(body)
            except ValueError:
                request = body
        with self._lock:
            self.requests.append((method, parts.path))
            status, answer, headers = self._route(method, parts.path, query, token, request)
            self.exchanges.append(Exchange(method, parts.path, query, request, status, answer))
        return status, answer, headers

    def _route(
        self, method: str, path: str, query: dict[str, str], token: str | None, request: Any
    ) -> tuple[int, Any, dict[str, str]]:
        if not token:
            return 400, error_body(190, message="An active access token must be used."), {}
        if token != self.token:
            return 400, error_body(190, 463), {}
        segments = [s for s in path.split("/") if s]
        if segments[:1] != [API_VERSION]:
            return 400, error_body(2500, message="Unknown path components"), {}
        segments = segments[1:]
        if segments and segments[0] == "me":
            segments[0] = PAGE_ID  # a Page token's "me" is the page
        if method == "GET" and segments == [PAGE_ID]:
            return 200, self._page(query), {}
        if method == "GET" and segments == [PAGE_ID, "conversations"]:
            return self._conversations(query)
        if method == "POST" and segments == [PAGE_ID, "messages"]:
            return self._send(request)
        return (
            400,
            error_body(
                100,
                33,
                f"Unsupported {method.lower()} request. Object with ID '{segments[0]}' does "
                "not exist, cannot be loaded due to missing permissions, or does not support "
                "this operation.",
            ),
            {},
        )

    def _page(self, query: dict[str, str]) -> dict[str, Any]:
        fields = query.get("fields", "")
        answer: dict[str, Any] = {"id": PAGE_ID}
        if "name" in fields.split(",") or not fields:
            answer["name"] = PAGE_NAME
        if "instagram_business_account" in fields and self.instagram_linked:
            answer["instagram_business_account"] = {"id": IG_ID, "username": IG_USERNAME}
        return answer

    def _conversations(self, query: dict[str, str]) -> tuple[int, Any, dict[str, str]]:
        platform = query.get("platform", "messenger")
        if platform not in ("messenger", "instagram"):
            return (
                400,
                error_body(
                    100, message="(#100) Param platform must be one of {MESSENGER, INSTAGRAM}"
                ),
                {},
            )
        if "pages_messaging" not in self.permissions:
            return 403, error_body(230), {}
        if platform == "instagram" and (
            not self.instagram_linked or "instagram_manage_messages" not in self.permissions
        ):
            return (
                403,
                error_body(230, message="(#230) Requires instagram_manage_messages permission"),
                {},
            )
        by_customer: dict[str, list[StoredMessage]] = {}
        for m in self.messages:
            if m.platform != platform:
                continue
            if self.list_lag and m.outbound and time.time() - m.created < 300:
                continue
            by_customer.setdefault(m.customer, []).append(m)
        user = query.get("user_id")
        if user is not None:
            by_customer = {k: v for k, v in by_customer.items() if k == user}
        threads = sorted(by_customer.items(), key=lambda kv: -max(m.created for m in kv[1]))
        start = int(query.get("after") or 0)
        limit = min(int(query.get("limit") or self.page_size), self.page_size)  # Meta caps it too
        page = threads[start : start + limit]
        fields = query.get("fields", "")
        data = []
        for customer, messages in page:
            item: dict[str, Any] = {"id": f"t_{platform[:2]}{customer}"}
            if "updated_time" in fields:
                item["updated_time"] = graph_time(max(m.created for m in messages))
            if "messages" in fields:
                item["messages"] = self._message_block(platform, customer, messages)
            data.append(item)
        answer: dict[str, Any] = {"data": data}
        if start + limit < len(threads):
            after = str(start + limit)
            following = {**query, "after": after}
            answer["paging"] = {
                "cursors": {"before": str(start), "after": after},
                "next": f"{self.url}/{PAGE_ID}/conversations?{urlencode(following)}",
            }
        return 200, answer, {}

    def _message_block(
        self, platform: str, customer: str, messages: list[StoredMessage]
    ) -> dict[str, Any]:
        newest_first = sorted(messages, key=lambda m: -m.created)
        page_party = (
            {"name": PAGE_NAME, "email": f"{PAGE_ID}@facebook.com", "id": PAGE_ID}
            if platform == "messenger"
            else {"username": IG_USERNAME, "id": IG_ID}
        )
        name = self.names.get(customer, "")
        person = (
            {"name": name, "email": f"{customer}@facebook.com", "id": customer}
            if platform == "messenger"
            else {"username": name.lower().replace(" ", "."), "id": customer}
        )
        data = []
        for m in newest_first:
            sender, recipient = (page_party, person) if m.outbound else (person, page_party)
            data.append(
                {
                    "id": m.mid,
                    "created_time": graph_time(m.created),
                    "from": sender,
                    "to": {"data": [recipient]},
                    "message": m.text,
                }
            )
        return {"data": data}

    def _send(self, request: Any) -> tuple[int, Any, dict[str, str]]:
        def bad(message: str) -> tuple[int, Any, dict[str, str]]:
            return 400, error_body(100, message=f"(#100) {message}"), {}

        if not isinstance(request, dict):
            return bad("The request body must be JSON.")
        recipient = request.get("recipient")
        customer = recipient.get("id") if isinstance(recipient, dict) else None
        if not isinstance(customer, str) or not customer:
            return bad("The parameter recipient is required")
        kind = request.get("messaging_type")
        if kind not in ("RESPONSE", "UPDATE", "MESSAGE_TAG"):
            return bad("Param messaging_type must be one of {RESPONSE, UPDATE, MESSAGE_TAG}")
        tag = request.get("tag")
        if kind == "MESSAGE_TAG" and tag not in (
            "HUMAN_AGENT", "CONFIRMED_EVENT_UPDATE", "POST_PURCHASE_UPDATE", "ACCOUNT_UPDATE",
        ):  # fmt: skip
            return bad("Param tag must be a valid message tag when messaging_type is MESSAGE_TAG")
        message = request.get("message")
        if not isinstance(message, dict):
            return bad("The parameter message is required")
        text = message.get("text")
        if not isinstance(text, str) or not text:
            return bad("Param message[text] must be a non-empty UTF-8 encoded string")
        if len(text) > MAX_TEXT:
            return bad("Param message[text] must be less than 2000 characters")
        metadata = message.get("metadata")
        if metadata is not None and (not isinstance(metadata, str) or len(metadata) >= 1000):
            return bad("Param message[metadata] must be less than 1000 characters")
        if "pages_messaging" not in self.permissions:
            return 403, error_body(230), {}
        written = [m for m in self.messages if m.customer == customer and not m.outbound]
        if not written:
            return 400, error_body(100, 2018001), {}
        platform = written[-1].platform
        if customer in self.blocked:
            return 400, error_body(551, 1545041), {}
        if self.failures:
            code, subcode = self.failures.pop(0)
            status = ERRORS.get(code, (400, ""))[0]
            return status, error_body(code, subcode), {}
        silent = time.time() - max(m.created for m in written)
        if kind != "MESSAGE_TAG" and silent > DAY:
            return 400, error_body(10, 2018278), {}
        if kind == "MESSAGE_TAG" and tag == "HUMAN_AGENT":
            if not self.human_agent_permission:
                message_text = "(#10) Application does not have permission for this action"
                return 400, error_body(10, message=message_text), {}
            if silent > 7 * DAY:
                return 400, error_body(10, 2018278), {}
        mid = new_mid(platform)
        now = time.time()
        self.messages.append(StoredMessage(mid, platform, customer, True, text, now))
        accepted = {**request, "_mid": mid, "_platform": platform, "_ms": int(now * 1000)}
        self.sent.append(accepted)
        self._post_after_send(accepted)
        return 200, {"recipient_id": customer, "message_id": mid}, {}

    def _post_after_send(self, sent: dict[str, Any]) -> None:
        url = self.webhook_url
        if url is None:
            return
        platform, customer = sent["_platform"], sent["recipient"]["id"]
        posts = [self.echo_of(sent)]
        if self.receipts:
            later = sent["_ms"] + 1
            if platform == "messenger":
                posts.append(envelope(platform, [delivery_event(customer, [sent["_mid"]], later)]))
            posts.append(
                envelope(platform, [read_event(platform, customer, later + 1, sent["_mid"])])
            )

        def post() -> None:
            for payload in posts:
                try:
                    self.deliver(url, payload)
                except httpx.HTTPError:  # our app is down: Meta would retry later
                    with self._lock:
                        self.webhook_posts.append((payload, 0))

        thread = threading.Thread(target=post, daemon=True, name=f"meta-page-{sent['_mid']}")
        self._threads.append(thread)
        thread.start()

    # ------------------------------------------------------------ serving

    def start(self) -> MetaPagesStandIn:
        def answer(
            method: str, path: str, headers: dict[str, str], body: bytes
        ) -> tuple[int, Any, dict[str, str]]:
            status, payload, extra = self.handle(method, path, bearer(headers), body)
            if payload and isinstance(payload, dict) and "error" in payload:
                extra = {"WWW-Authenticate": 'OAuth "Facebook Platform"', **extra}
            return status, payload, extra

        self._server = serve(answer, self.port, "application/json; charset=UTF-8")
        self.port = self._server.server_address[1]
        return self

    def stop(self) -> None:
        self.wait_idle()
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None


@pytest.fixture
def meta_pages() -> Iterator[MetaPagesStandIn]:
    """A Graph API stand-in for one Facebook Page with Instagram, on loopback for one test."""
    standin = MetaPagesStandIn().start()
    yield standin
    standin.stop()
