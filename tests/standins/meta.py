"""A loopback stand-in for Meta's WhatsApp Cloud API (Graph API v21.0), following Meta's
documented payloads: bearer-token auth; GET /{phone-number-id}?fields=…; POST
/{phone-number-id}/messages (text and template messages validated as Meta does, answered with
contacts[] and messages[].id); GET /{media-id} (url, mime_type, sha256, file_size) and the media
URL itself, which wants the token too; errors as {"error": {message, type, code,
error_subcode, error_data, fbtrace_id}}.

It also acts like Meta toward our app: it POSTs `messages` webhooks signed with
X-Hub-Signature-256 (customers' messages, delivery statuses carrying biz_opaque_callback_data,
after a send optionally sent → delivered → read) and performs the GET verify-token handshake.
Tests make the next send fail with a code (synchronously, or as Meta reports some codes such as
131047: accepted, then a `failed` status webhook) and count requests."""

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
from http.server import ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest

from tests.standins.http import bearer, serve

API_VERSION = "v21.0"
ACCESS_TOKEN = "meta-test-access-token"
APP_SECRET = "meta-test-app-secret"
VERIFY_TOKEN = "meta-test-verify-token"
PHONE_NUMBER_ID = "106540352242922"
WABA_ID = "102290129340398"
BUSINESS_DIGITS = "420601234567"
DISPLAY_NUMBER = "+420 601 234 567"  # GET /{phone-number-id} shows it formatted
VERIFIED_NAME = "Gastro Praha s.r.o."
MAX_TEXT = 4096
MAX_CALLBACK_DATA = 512
WINDOW_SECONDS = 24 * 3600

# Meta's codes with the HTTP status, type and title its answers carry.
ERRORS: dict[int, tuple[int, str, str]] = {
    4: (400, "OAuthException", "Application request limit reached"),
    100: (400, "OAuthException", "Invalid parameter"),
    190: (401, "OAuthException", "Error validating access token: Session has expired"),
    368: (400, "OAuthException", "Temporarily blocked for policies violations"),
    80007: (400, "OAuthException", "Rate limit issues"),
    130429: (400, "OAuthException", "Rate limit hit"),
    131000: (500, "OAuthException", "Something went wrong"),
    131026: (400, "OAuthException", "Message undeliverable"),
    131047: (400, "OAuthException", "Re-engagement message"),
    131051: (400, "OAuthException", "Unsupported message type"),
    131056: (400, "OAuthException", "(Business Account, Consumer Account) pair rate limit hit"),
    132000: (400, "OAuthException", "Number of parameters does not match the expected number"),
    132001: (404, "OAuthException", "Template name does not exist in the translation"),
    132005: (400, "OAuthException", "Translated text too long"),
    132012: (400, "OAuthException", "Parameter format does not match format in the template"),
}


def error_body(code: int, details: str = "", subcode: int | None = None) -> dict[str, Any]:
    _, kind, title = ERRORS.get(code, (400, "OAuthException", "Error"))
    error: dict[str, Any] = {
        "message": f"(#{code}) {title}",
        "type": kind,
        "code": code,
        "fbtrace_id": "A" + secrets.token_hex(10),
    }
    if subcode is not None:
        error["error_subcode"] = subcode
    if details:
        error["error_data"] = {"messaging_product": "whatsapp", "details": details}
    return {"error": error}


def sign(body: bytes, secret: str = APP_SECRET) -> str:
    return "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


def envelope(value: dict[str, Any]) -> dict[str, Any]:
    """The documented wrapper of a `messages` webhook around one change's value."""
    return {
        "object": "whatsapp_business_account",
        "entry": [{"id": WABA_ID, "changes": [{"value": value, "field": "messages"}]}],
    }


def metadata() -> dict[str, str]:
    return {"display_phone_number": BUSINESS_DIGITS, "phone_number_id": PHONE_NUMBER_ID}


def message_payload(
    sender: str,
    kind: str,
    content: dict[str, Any] | None,
    *,
    name: str = "Jana Nováková",
    wamid: str | None = None,
    timestamp: int | None = None,
    extra: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """A customer's message as Meta posts it (contacts[] and messages[] of one change)."""
    message: dict[str, Any] = {
        "from": sender,
        "id": wamid or new_wamid(),
        "timestamp": str(timestamp if timestamp is not None else int(time.time())),
        "type": kind,
    }
    if content is not None:
        message[kind] = content
    message.update(extra or {})
    return envelope(
        {
            "messaging_product": "whatsapp",
            "metadata": metadata(),
            "contacts": [{"profile": {"name": name}, "wa_id": sender}],
            "messages": [message],
        }
    )


def status_payload(
    wamid: str,
    status: str,
    recipient: str,
    *,
    callback_data: str | None = None,
    errors: list[dict[str, Any]] | None = None,
    timestamp: int | None = None,
) -> dict[str, Any]:
    """A delivery status as Meta posts it (statuses[] of one change)."""
    item: dict[str, Any] = {
        "id": wamid,
        "status": status,
        "timestamp": str(timestamp if timestamp is not None else int(time.time())),
        "recipient_id": recipient,
    }
    if callback_data is not None:
        item["biz_opaque_callback_data"] = callback_data
    if status in ("sent", "delivered"):
        item["pricing"] = {
            "billable": True,
            "pricing_model": "PMP",
            "category": "service",
            "type": "free_customer_service",
        }
    if errors:
        item["errors"] = errors
    return envelope({"messaging_product": "whatsapp", "metadata": metadata(), "statuses": [item]})


def status_error(code: int, details: str = "") -> dict[str, Any]:
    """One entry of a failed status's errors[] as documented."""
    title = ERRORS.get(code, (400, "", "Error"))[2]
    return {
        "code": code,
        "title": title,
        "message": title,
        "error_data": {"details": details or title},
        "href": "https://developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes/",
    }


_counter = itertools.count(1)


def new_wamid() -> str:
    return f"wamid.HBgM{next(_counter):08d}{secrets.token_hex(8).upper()}"


@dataclass
class StoredMedia:
    id: str
    content: bytes
    mime_type: str
    sha256: str  # as Meta reports it (hex); a test may set a wrong one
    file_size: int


@dataclass
class Exchange:
    """One request to the stand-in and its answer, for checking against the documented shapes."""

    method: str
    path: str
    query: dict[str, str]
    request: Any
    status: int
    response: Any


@dataclass
class Failure:
    code: int
    asynchronous: bool = False
    details: str = ""
    retry_after: int | None = None


@dataclass
class MetaStandIn:
    templates: dict[tuple[str, str], int] = field(
        default_factory=lambda: {("order_update", "cs"): 2, ("hello_world", "en_US"): 0}
    )
    quality_rating: str = "GREEN"
    verified_name: str = VERIFIED_NAME
    status_webhook_url: str | None = None  # after each send: sent → delivered → read here
    status_steps: tuple[str, ...] = ("sent", "delivered", "read")
    enforce_window: bool = False  # free text to a customer silent for 24 h fails as at Meta

    def __post_init__(self) -> None:
        self.requests: list[tuple[str, str]] = []  # (method, path) of every request
        self.exchanges: list[Exchange] = []
        self.sent: list[dict[str, Any]] = []  # accepted message bodies, with "_wamid"
        self.webhook_posts: list[tuple[dict[str, Any], int]] = []  # what we posted, answer
        self.media: dict[str, StoredMedia] = {}
        self.last_inbound: dict[str, float] = {}  # customer digits → when they last wrote
        self._failures: list[Failure] = []
        self._lock = threading.Lock()
        self._threads: list[threading.Thread] = []
        self._server: ThreadingHTTPServer | None = None
        self.port = 0

    # ------------------------------------------------------------ test controls

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/{API_VERSION}"

    def fail_next_send(
        self,
        code: int,
        *,
        asynchronous: bool = False,
        details: str = "",
        retry_after: int | None = None,
    ) -> None:
        """The next POST /messages fails with `code`: as an error answer, or (asynchronous)
        accepted and then reported by a `failed` status webhook as Meta does for 131047 etc."""
        with self._lock:
            self._failures.append(Failure(code, asynchronous, details, retry_after))

    def add_media(
        self, content: bytes, mime_type: str, *, wrong_sha256: bool = False
    ) -> StoredMedia:
        digest = hashlib.sha256(content).hexdigest()
        if wrong_sha256:
            digest = hashlib.sha256(content + b"x").hexdigest()
        stored = StoredMedia(
            id=str(10**15 + len(self.media) + 1),
            content=content,
            mime_type=mime_type,
            sha256=digest,
            file_size=len(content),
        )
        self.media[stored.id] = stored
        return stored

    def count(self, method: str, path_end: str = "") -> int:
        return sum(1 for m, p in self.requests if m == method and p.endswith(path_end))

    # ------------------------------------------------------------ Meta toward our app

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
        self,
        url: str,
        sender: str,
        text: str | None = None,
        *,
        kind: str = "text",
        content: dict[str, Any] | None = None,
        name: str = "Jana Nováková",
        wamid: str | None = None,
        timestamp: int | None = None,
    ) -> httpx.Response:
        """A customer (`sender`: digits, e.g. 420777123456) writes to our number."""
        if kind == "text" and content is None:
            content = {"body": text or ""}
        with self._lock:
            self.last_inbound[sender] = time.time() if timestamp is None else timestamp
        payload = message_payload(
            sender, kind, content, name=name, wamid=wamid, timestamp=timestamp
        )
        return self.deliver(url, payload)

    def deliver_status(
        self,
        url: str,
        wamid: str,
        status: str,
        recipient: str,
        *,
        callback_data: str | None = None,
        error_code: int | None = None,
    ) -> httpx.Response:
        errors = [status_error(error_code)] if error_code is not None else None
        return self.deliver(
            url,
            status_payload(wamid, status, recipient, callback_data=callback_data, errors=errors),
        )

    @staticmethod
    def verify(url: str, token: str, challenge: str | None = None) -> tuple[httpx.Response, str]:
        """Meta's GET handshake when a callback URL is saved in the App Dashboard."""
        challenge = challenge or str(secrets.randbelow(10**10))
        response = httpx.get(
            url,
            params={
                "hub.mode": "subscribe",
                "hub.challenge": challenge,
                "hub.verify_token": token,
            },
            timeout=10,
        )
        return response, challenge

    def wait_idle(self, timeout: float = 10.0) -> None:
        """Wait until the status webhooks posted in the background are done."""
        deadline = time.monotonic() + timeout
        for thread in list(self._threads):
            thread.join(max(0.0, deadline - time.monotonic()))

    # ------------------------------------------------------------ the API

    def handle(
        self, method: str, url: str, token: str | None, body: bytes
    ) -> tuple[int, Any, dict[str, str]]:
        parts = urlsplit(url)
        query = {k: v[-1] for k, v in parse_qs(parts.query).items()}
        token = token or query.get("access_token")
        request: Any = None
        if body:
            try:
                request = json.loads(body)
            except ValueError:
                request = body
        with self._lock:
            self.requests.append((method, parts.path))
            status, answer, headers = self._route(method, parts.path, query, token, request)
            self.exchanges.append(
                Exchange(method, parts.path, query, request, status, answer)
                if not isinstance(answer, bytes)
                else Exchange(method, parts.path, query, request, status, None)
            )
        return status, answer, headers

    def _route(
        self, method: str, path: str, query: dict[str, str], token: str | None, request: Any
    ) -> tuple[int, Any, dict[str, str]]:
        if token != ACCESS_TOKEN:
            if token:
                return 401, error_body(190, subcode=463), {}
            return 400, error_body(190, "An active access token must be used"), {}
        if path.startswith("/whatsapp_business/attachments/"):
            stored = self.media.get(query.get("mid", ""))
            if stored is None:
                return 404, error_body(100, "Media not found"), {}
            return 200, stored.content, {"Content-Type": stored.mime_type}
        segments = [s for s in path.split("/") if s]
        if segments[:1] != [API_VERSION]:
            return 400, error_body(2500, "Unknown path components"), {}
        segments = segments[1:]
        if method == "GET" and segments == [PHONE_NUMBER_ID]:
            return 200, self._phone_number(query), {}
        if method == "POST" and segments == [PHONE_NUMBER_ID, "messages"]:
            return self._send(request)
        if method == "GET" and len(segments) == 1 and segments[0] in self.media:
            return self._media_info(segments[0], query)
        if len(segments) >= 1:
            return (
                400,
                error_body(
                    100,
                    f"Unsupported {method.lower()} request. Object with ID '{segments[0]}' does "
                    "not exist, cannot be loaded due to missing permissions, or does not "
                    "support this operation.",
                    subcode=33,
                ),
                {},
            )
        return 400, error_body(100, "Unknown path"), {}

    def _phone_number(self, query: dict[str, str]) -> dict[str, Any]:
        every = {
            "id": PHONE_NUMBER_ID,
            "display_phone_number": DISPLAY_NUMBER,
            "verified_name": self.verified_name,
            "quality_rating": self.quality_rating,
            "code_verification_status": "VERIFIED",
            "platform_type": "CLOUD_API",
        }
        wanted = [f for f in query.get("fields", "").split(",") if f]
        if not wanted:
            wanted = ["display_phone_number", "verified_name", "quality_rating"]
        return {"id": PHONE_NUMBER_ID} | {k: every[k] for k in wanted if k in every}

    def _media_info(self, media_id: str, query: dict[str, str]) -> tuple[int, Any, dict[str, str]]:
        if query.get("phone_number_id") not in (None, PHONE_NUMBER_ID):
            return 400, error_body(100, "Media does not belong to this phone number"), {}
        stored = self.media[media_id]
        return (
            200,
            {
                "messaging_product": "whatsapp",
                "url": f"http://127.0.0.1:{self.port}/whatsapp_business/attachments/"
                f"?mid={media_id}&ext={int(time.time())}",
                "mime_type": stored.mime_type,
                "sha256": stored.sha256,
                "file_size": str(stored.file_size),
                "id": media_id,
            },
            {},
        )

    def _send(self, request: Any) -> tuple[int, Any, dict[str, str]]:
        invalid = self._invalid(request)
        if invalid is not None:
            return invalid
        assert isinstance(request, dict)
        failure = self._failures.pop(0) if self._failures else None
        if failure is not None and not failure.asynchronous:
            status = ERRORS.get(failure.code, (400, "", ""))[0]
            headers = {"Retry-After": str(failure.retry_after)} if failure.retry_after else {}
            return status, error_body(failure.code, failure.details), headers
        to = request["to"]
        wamid = new_wamid()
        self.sent.append({**request, "_wamid": wamid})
        if failure is None and self.enforce_window and request["type"] == "text":
            last = self.last_inbound.get(to)
            if last is None or time.time() - last > WINDOW_SECONDS:
                failure = Failure(131047, asynchronous=True)
        self._post_statuses(wamid, to, request.get("biz_opaque_callback_data"), failure)
        answer: dict[str, Any] = {
            "messaging_product": "whatsapp",
            "contacts": [{"input": to, "wa_id": to}],
            "messages": [{"id": wamid}],
        }
        if request["type"] == "template":
            answer["messages"][0]["message_status"] = "accepted"
        return 200, answer, {}

    def _invalid(self, request: Any) -> tuple[int, Any, dict[str, str]] | None:
        def bad(details: str, code: int = 100) -> tuple[int, Any, dict[str, str]]:
            return ERRORS.get(code, (400, "", ""))[0], error_body(code, details), {}

        if not isinstance(request, dict):
            return bad("The request body must be JSON.")
        if request.get("messaging_product") != "whatsapp":
            return bad("The parameter messaging_product is required.")
        if request.get("recipient_type", "individual") not in ("individual", "group"):
            return bad("Param recipient_type must be one of {INDIVIDUAL, GROUP}.")
        to = request.get("to")
        if not isinstance(to, str) or not to.lstrip("+").isdigit() or len(to.lstrip("+")) < 8:
            return bad("Invalid WhatsApp recipient phone number: 'to'.")
        callback = request.get("biz_opaque_callback_data")
        if callback is not None and (not isinstance(callback, str) or len(callback) > 512):
            return bad("Param biz_opaque_callback_data must be a string of at most 512 chars.")
        kind = request.get("type", "text")
        if kind == "text":
            text = request.get("text")
            body = text.get("body") if isinstance(text, dict) else None
            if not isinstance(body, str) or not body:
                return bad("The parameter text['body'] is required.")
            if len(body) > MAX_TEXT:
                return bad(f"Param text['body'] must be at most {MAX_TEXT} characters long.")
            return None
        if kind == "template":
            return self._invalid_template(request.get("template"), bad)
        return bad(f"The stand-in does not take messages of type {kind!r}.", 131051)

    def _invalid_template(self, spec: Any, bad: Any) -> tuple[int, Any, dict[str, str]] | None:
        if not isinstance(spec, dict) or not isinstance(spec.get("name"), str):
            return bad("The parameter template['name'] is required.")
        language = spec.get("language")
        code = language.get("code") if isinstance(language, dict) else None
        if not isinstance(code, str) or not code:
            return bad("The parameter template['language']['code'] is required.")
        expected = self.templates.get((spec["name"], code))
        if expected is None:
            return bad(f"template name ({spec['name']}) does not exist in {code}", 132001)
        values: list[str] = []
        components = spec.get("components", [])
        if not isinstance(components, list):
            return bad("Param template['components'] must be an array.")
        for component in components:
            if not isinstance(component, dict) or component.get("type") not in (
                "header",
                "body",
                "button",
            ):
                return bad("Param template['components'][0]['type'] is not valid.")
            for parameter in component.get("parameters", []):
                if not isinstance(parameter, dict) or parameter.get("type") != "text":
                    return bad("Param template parameter type must be text in the stand-in.")
                if not isinstance(parameter.get("text"), str) or not parameter["text"].strip():
                    return bad("Parameter text is missing or empty.", 132012)
                if "\n" in parameter["text"] or "    " in parameter["text"]:
                    return bad("Parameter text cannot have new-line/tab or 4 spaces.", 132012)
                if component.get("type") == "body":
                    values.append(parameter["text"])
        if len(values) != expected:
            return bad(
                f"body: number of localizable_params ({len(values)}) does not match the "
                f"expected number of params ({expected})",
                132000,
            )
        return None

    def _post_statuses(
        self, wamid: str, to: str, callback: str | None, failure: Failure | None
    ) -> None:
        url = self.status_webhook_url
        if url is None:
            return
        if failure is not None:
            steps: list[tuple[str, int | None]] = [("failed", failure.code)]
        else:
            steps = [(step, None) for step in self.status_steps]

        def post() -> None:
            for step, code in steps:
                self.deliver_status(url, wamid, step, to, callback_data=callback, error_code=code)

        thread = threading.Thread(target=post, daemon=True, name=f"meta-status-{wamid}")
        self._threads.append(thread)
        thread.start()

    # ------------------------------------------------------------ serving

    def start(self) -> MetaStandIn:
        def answer(
            method: str, path: str, headers: dict[str, str], body: bytes
        ) -> tuple[int, Any, dict[str, str]]:
            status, payload, extra = self.handle(method, path, bearer(headers), body)
            if status == 401:
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
def meta() -> Iterator[MetaStandIn]:
    """A Meta Graph API stand-in on loopback for one test."""
    standin = MetaStandIn().start()
    yield standin
    standin.stop()
