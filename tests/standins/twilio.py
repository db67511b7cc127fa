"""A loopback stand-in for the parts of Twilio's REST API 2010-04-01 the WhatsApp channel uses,
following ../shared/contracts/twilio_api_v2010_messages.json: Account fetch, Messages create /
list (filters To, From, DateSent, DateSent<, DateSent>; paged by next_page_uri) / fetch, Media
list / fetch; HTTP basic auth with the Account SID + Auth Token or an API key SID + secret;
errors as Twilio's JSON {code, message, more_info, status}.

It also behaves like Twilio toward the app: media bytes at the media URL (basic auth, then a
redirect to a pre-signed address, like Twilio's S3 redirect), signed inbound webhooks
(`deliver`) and signed status callbacks after a send (queued → sent → delivered → read). Tests
can make the next create fail with a code, enforce the sandbox's one message per 3 seconds,
count requests, and read every request and response (`exchanges`) to check them against the
contract."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import re
import secrets
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from email.utils import format_datetime
from http.server import ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, quote, urlencode, urlsplit

from tests.standins.http import serve

TWILIO_API = "https://api.twilio.com"
ACCOUNT_SID = "AC" + "0123456789abcdef" * 2
AUTH_TOKEN = "5c3f1f0e2d4b6a8c9e7f1a3b5d7c9e0f"
API_KEY_SID = "SK" + "fedcba9876543210" * 2
API_KEY_SECRET = "api-key-secret-for-tests"
SERVICE_SID = "MG" + "00112233445566778899aabbccddeeff"
NUMBER = "+420601000111"  # our registered WhatsApp sender
POOL_NUMBER = "+420601000222"  # a second sender in the Messaging Service's pool
SANDBOX_NUMBER = "+14155238886"
FRIENDLY_NAME = "Gastro Praha s.r.o."
E164 = re.compile(r"\+[1-9]\d{6,14}")
API_PREFIX = "/2010-04-01/Accounts/"


def rfc2822(moment: datetime | None) -> str | None:
    return format_datetime(moment.astimezone(UTC), usegmt=False) if moment else None


def twilio_signature(token: str, url: str, params: Mapping[str, Any] | None = None) -> str:
    """X-Twilio-Signature as Twilio computes it: HMAC-SHA1 with the Auth Token over the URL
    followed by each POST parameter name and value, sorted by name (written out here, not
    taken from the SDK, so tests check the app's validator against an independent signer)."""
    text = url
    for name in sorted(params or {}):
        value = (params or {})[name]
        for item in sorted(value if isinstance(value, list) else [value]):
            text += name + str(item)
    digest = hmac.new(token.encode(), text.encode("utf-8"), hashlib.sha1).digest()
    return base64.b64encode(digest).decode()


def signed_json_request(
    token: str, url: str, payload: Mapping[str, Any]
) -> tuple[str, dict[str, str], bytes]:
    """Twilio's JSON-body webhook: the URL carries bodySHA256 and the signature covers the URL."""
    body = json.dumps(payload).encode()
    digest = hashlib.sha256(body).hexdigest()
    signed_url = url + ("&" if "?" in url else "?") + f"bodySHA256={digest}"
    headers = {
        "Content-Type": "application/json",
        "X-Twilio-Signature": twilio_signature(token, signed_url, None),
    }
    return signed_url, headers, body


@dataclass
class StoredMedia:
    sid: str
    parent_sid: str
    content_type: str
    content: bytes
    created: datetime
    token: str = field(default_factory=lambda: secrets.token_hex(16))

    def resource(self, account_sid: str) -> dict[str, Any]:
        return {
            "account_sid": account_sid,
            "content_type": self.content_type,
            "date_created": rfc2822(self.created),
            "date_updated": rfc2822(self.created),
            "parent_sid": self.parent_sid,
            "sid": self.sid,
            "uri": f"{API_PREFIX}{account_sid}/Messages/{self.parent_sid}/Media/{self.sid}.json",
        }

    def url(self, account_sid: str) -> str:
        """The media URL Twilio puts in webhooks (MediaUrl0) and the app downloads from."""
        return f"{TWILIO_API}{API_PREFIX}{account_sid}/Messages/{self.parent_sid}/Media/{self.sid}"


@dataclass
class StoredMessage:
    sid: str
    from_: str
    to: str
    body: str
    direction: str
    status: str
    created: datetime
    sent: datetime | None = None
    updated: datetime | None = None
    messaging_service_sid: str | None = None
    error_code: int | None = None
    error_message: str | None = None
    status_callback: str | None = None
    content_sid: str | None = None
    media: list[StoredMedia] = field(default_factory=list)

    def resource(self, account_sid: str) -> dict[str, Any]:
        base = f"{API_PREFIX}{account_sid}/Messages/{self.sid}"
        return {
            "account_sid": account_sid,
            "api_version": "2010-04-01",
            "body": self.body,
            "date_created": rfc2822(self.created),
            "date_sent": rfc2822(self.sent),
            "date_updated": rfc2822(self.updated or self.created),
            "direction": self.direction,
            "error_code": self.error_code,
            "error_message": self.error_message,
            "from": self.from_,
            "messaging_service_sid": self.messaging_service_sid,
            "num_media": str(len(self.media)),
            "num_segments": "1",
            "price": None,
            "price_unit": "USD",
            "sid": self.sid,
            "status": self.status,
            "subresource_uris": {
                "media": f"{base}/Media.json",
                "feedback": f"{base}/Feedback.json",
            },
            "to": self.to,
            "uri": f"{base}.json",
        }


@dataclass
class Exchange:
    """One HTTP request the stand-in answered, and its answer."""

    method: str
    target: str  # path and query as sent
    headers: dict[str, str]
    body: bytes
    status: int = 0
    response_headers: dict[str, str] = field(default_factory=dict)
    response_body: bytes = b""

    @property
    def path(self) -> str:
        return urlsplit(self.target).path

    @property
    def in_contract(self) -> bool:
        """A REST call the OpenAPI document describes (media bytes are not JSON resources)."""
        return self.path.startswith(API_PREFIX) and self.path.endswith(".json")


@dataclass
class Callback:
    """A webhook the stand-in posted to the app, and the app's answer."""

    url: str
    params: dict[str, Any]
    status: int | None
    answer: bytes = b""


def _error(status: int, code: int, message: str) -> tuple[int, Any, dict[str, str]]:
    return (
        status,
        {
            "code": code,
            "message": message,
            "more_info": f"https://www.twilio.com/docs/errors/{code}",
            "status": status,
        },
        {},
    )


class TwilioStandIn:
    def __init__(self, *, sandbox: bool = False) -> None:
        self.account_sid = ACCOUNT_SID
        self.auth_token = AUTH_TOKEN
        self.api_keys = {API_KEY_SID: API_KEY_SECRET}
        self.friendly_name = FRIENDLY_NAME
        self.account_status = "active"
        self.sandbox = sandbox
        self.senders = {SANDBOX_NUMBER} if sandbox else {NUMBER}
        self.services = {SERVICE_SID: [NUMBER, POOL_NUMBER]}
        # approved templates (Content SID → body with {{1}}, {{2}} …)
        self.templates = {
            "HX" + "a1" * 16: "Dobrý den {{1}}, vaše objednávka {{2}} je připravena.",
        }
        self.messages: dict[str, StoredMessage] = {}
        self.exchanges: list[Exchange] = []
        self.callbacks: list[Callback] = []
        self.failures: list[tuple[int, int, str]] = []  # (http status, code, message), next first
        self.async_failures: list[int] = []  # codes the next sends fail with after queued
        self.retry_after: str | None = None  # Retry-After on 429 answers
        self.joined: set[str] = set()  # numbers that joined the sandbox
        self.opted_out: set[str] = set()
        self.not_on_whatsapp: set[str] = set()
        self.sandbox_interval = 3.0
        self.advance = True  # move sent messages on to sent/delivered/read
        self.callback_states = ("sent", "delivered", "read")
        self.callback_delay = 0.02
        self.redirect_media = True
        self._last_send: dict[str, float] = {}
        self._lock = threading.RLock()
        self._stopping = threading.Event()
        self._threads: list[threading.Thread] = []
        self._server: ThreadingHTTPServer | None = None
        self.port = 0

    # ------------------------------------------------------------ test controls

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def fail_next(self, code: int, status: int = 400, message: str = "") -> None:
        """The next Messages create answers with this Twilio error."""
        with self._lock:
            self.failures.append((status, code, message or f"Error {code}"))

    def count(self, method: str | None = None, path_contains: str = "") -> int:
        with self._lock:
            return sum(
                1
                for e in self.exchanges
                if (method is None or e.method == method) and path_contains in e.path
            )

    def add_inbound(
        self,
        customer: str,
        body: str,
        *,
        to: str | None = None,
        media: list[tuple[str, bytes]] | None = None,
        at: datetime | None = None,
        service: str | None = None,
    ) -> StoredMessage:
        """A message a customer sent to one of our numbers, as Twilio stores it."""
        now = at or datetime.now(UTC)
        prefix = "MM" if media else "SM"
        sid = prefix + secrets.token_hex(16)
        message = StoredMessage(
            sid=sid,
            from_=f"whatsapp:{customer}",
            to=f"whatsapp:{to or next(iter(self.senders))}",
            body=body,
            direction="inbound",
            status="received",
            created=now,
            sent=now,
            messaging_service_sid=service,
        )
        for content_type, content in media or []:
            message.media.append(
                StoredMedia("ME" + secrets.token_hex(16), sid, content_type, content, now)
            )
        with self._lock:
            self.messages[sid] = message
        return message

    def inbound_params(self, message: StoredMessage, profile_name: str = "") -> dict[str, str]:
        """The form parameters of Twilio's incoming-message webhook for `message`."""
        params = {
            "SmsMessageSid": message.sid,
            "NumMedia": str(len(message.media)),
            "ProfileName": profile_name,
            "MessageType": "image" if message.media else "text",
            "SmsSid": message.sid,
            "WaId": message.from_.removeprefix("whatsapp:+"),
            "SmsStatus": "received",
            "Body": message.body,
            "To": message.to,
            "NumSegments": "1",
            "ReferralNumMedia": "0",
            "MessageSid": message.sid,
            "AccountSid": self.account_sid,
            "From": message.from_,
            "ApiVersion": "2010-04-01",
        }
        if message.messaging_service_sid:
            params["MessagingServiceSid"] = message.messaging_service_sid
        for index, item in enumerate(message.media):
            params[f"MediaContentType{index}"] = item.content_type
            params[f"MediaUrl{index}"] = item.url(self.account_sid)
        return params

    def deliver(
        self,
        url: str,
        customer: str,
        body: str,
        *,
        profile_name: str = "",
        to: str | None = None,
        media: list[tuple[str, bytes]] | None = None,
        token: str | None = None,
    ) -> Callback:
        """A customer writes: store the message and post Twilio's signed webhook to `url`."""
        message = self.add_inbound(customer, body, to=to, media=media)
        return self.post(url, self.inbound_params(message, profile_name), token=token)

    def post(self, url: str, params: dict[str, Any], *, token: str | None = None) -> Callback:
        """Post form parameters to the app, signed like Twilio (loopback URLs only)."""
        host = urlsplit(url).hostname
        if host not in ("127.0.0.1", "localhost"):
            callback = Callback(url, params, None)  # never leaves this machine
        else:
            data = urlencode(params, doseq=True).encode()
            request = urllib.request.Request(url, data=data, method="POST")
            request.add_header("Content-Type", "application/x-www-form-urlencoded")
            request.add_header(
                "X-Twilio-Signature", twilio_signature(token or self.auth_token, url, params)
            )
            request.add_header("I-Twilio-Idempotency-Token", secrets.token_hex(16))
            request.add_header("User-Agent", "TwilioProxy/1.1")
            try:
                with urllib.request.urlopen(request, timeout=10) as answer:
                    callback = Callback(url, params, answer.status, answer.read())
            except urllib.error.HTTPError as exc:
                callback = Callback(url, params, exc.code, exc.read())
            except OSError:
                callback = Callback(url, params, None)
        with self._lock:
            self.callbacks.append(callback)
        return callback

    # ------------------------------------------------------------ the API

    def _authorised(self, header: str | None) -> bool:
        if not header or not header.startswith("Basic "):
            return False
        try:
            user, _, password = base64.b64decode(header[6:]).decode().partition(":")
        except (ValueError, UnicodeDecodeError):
            return False
        if user == self.account_sid:
            return hmac.compare_digest(password, self.auth_token)
        secret = self.api_keys.get(user)
        return secret is not None and hmac.compare_digest(password, secret)

    def handle(
        self, method: str, target: str, headers: Mapping[str, str], body: bytes
    ) -> tuple[int, Any, dict[str, str]]:
        parts = urlsplit(target)
        path = parts.path
        query = parse_qs(parts.query, keep_blank_values=True)
        if path.startswith("/media-content/"):  # the pre-signed address: no credentials
            return self._media_content(path.removeprefix("/media-content/"))
        if not self._authorised(headers.get("Authorization")):
            return _error(401, 20003, "Authenticate")
        if not path.startswith(API_PREFIX):
            return _error(404, 20404, f"The requested resource {path} was not found")
        segments = path[len(API_PREFIX) :].split("/")
        account = segments[0].removesuffix(".json")
        if account != self.account_sid:
            return _error(404, 20404, f"The requested resource {path} was not found")
        rest = segments[1:]
        if method == "GET" and not rest and segments[0].endswith(".json"):
            return 200, self._account(), {}
        if rest == ["Messages.json"]:
            if method == "POST":
                return self._create(parse_qs(body.decode(), keep_blank_values=True))
            if method == "GET":
                return self._list(path, query)
        if len(rest) == 2 and rest[0] == "Messages" and method == "GET":
            message = self.messages.get(rest[1].removesuffix(".json"))
            if message is not None and rest[1].endswith(".json"):
                return 200, message.resource(self.account_sid), {}
        if len(rest) >= 3 and rest[0] == "Messages" and rest[2].startswith("Media"):
            return self._media(method, path, rest)
        return _error(404, 20404, f"The requested resource {path} was not found")

    def _account(self) -> dict[str, Any]:
        created = datetime(2024, 3, 1, 9, 0, tzinfo=UTC)
        base = f"{API_PREFIX}{self.account_sid}"
        return {
            "auth_token": None,
            "date_created": rfc2822(created),
            "date_updated": rfc2822(created),
            "friendly_name": self.friendly_name,
            "owner_account_sid": self.account_sid,
            "sid": self.account_sid,
            "status": self.account_status,
            "subresource_uris": {"messages": f"{base}/Messages.json"},
            "type": "Full",
            "uri": f"{base}.json",
        }

    def _create(self, form: dict[str, list[str]]) -> tuple[int, Any, dict[str, str]]:
        values = {key: items[-1] for key, items in form.items()}
        if self.failures:
            status, code, message = self.failures.pop(0)
            answer = _error(status, code, message)
            if status == 429 and self.retry_after:
                answer[2]["Retry-After"] = self.retry_after
            return answer
        to = values.get("To", "")
        if not to:
            return _error(400, 21604, "A 'To' phone number is required.")
        service = values.get("MessagingServiceSid")
        sender = values.get("From", "")
        if not sender and not service:
            return _error(400, 21603, "A 'From' phone number is required.")
        body = values.get("Body")
        content_sid = values.get("ContentSid")
        if not body and not content_sid and not values.get("MediaUrl"):
            return _error(400, 21619, "A text message body or media urls must be specified.")
        if service:
            pool = self.services.get(service)
            if pool is None:
                return _error(400, 21705, "The Messaging Service Sid is invalid.")
            sender = sender or f"whatsapp:{pool[0]}"
        if not sender.startswith("whatsapp:") or sender[9:] not in (
            self.senders | set(self.services.get(service or "", []))
        ):
            return _error(
                400, 63007, "Twilio could not find a Channel with the specified From address"
            )
        number = to.removeprefix("whatsapp:")
        if not to.startswith("whatsapp:") or not E164.fullmatch(number):
            return _error(400, 21211, f"Invalid 'To' Phone Number: {to}")
        if number in self.not_on_whatsapp:
            return _error(400, 63024, "Invalid message recipient")
        if number in self.opted_out:
            return _error(400, 21610, "Attempt to send to unsubscribed recipient")
        if self.sandbox and number not in self.joined:
            return _error(
                400,
                63015,
                "Channel Sandbox can only send messages to phone numbers that have joined the "
                "Sandbox",
            )
        if content_sid:
            template = self.templates.get(content_sid)
            if template is None:
                return _error(400, 21655, "The ContentSid is Invalid.")
            try:
                variables = json.loads(values.get("ContentVariables") or "{}")
            except ValueError:
                return _error(400, 21656, "The ContentVariables Parameter is invalid.")
            if not isinstance(variables, dict):
                return _error(400, 21656, "The ContentVariables Parameter is invalid.")
            body = re.sub(r"\{\{(\d+)\}\}", lambda m: str(variables.get(m[1], "")), template)
            if len(body) > 1024:
                return _error(400, 63021, "Channel invalid content error")
        if len(body or "") > 1600:
            return _error(
                400, 21617, "The concatenated message body exceeds the 1600 character limit."
            )
        now = time.monotonic()
        if self.sandbox:
            last = self._last_send.get(sender)
            if last is not None and now - last < self.sandbox_interval:
                answer = _error(429, 63018, "Rate limit exceeded for Channel")
                if self.retry_after:
                    answer[2]["Retry-After"] = self.retry_after
                return answer
        self._last_send[sender] = now
        message = StoredMessage(
            sid="SM" + secrets.token_hex(16),
            from_=sender,
            to=to,
            body=body or "",
            direction="outbound-api",
            status="accepted" if service else "queued",
            created=datetime.now(UTC),
            messaging_service_sid=service,
            status_callback=values.get("StatusCallback") or None,
            content_sid=content_sid,
        )
        self.messages[message.sid] = message
        failure = self.async_failures.pop(0) if self.async_failures else None
        if self.advance or failure is not None:
            thread = threading.Thread(target=self._progress, args=(message, failure), daemon=True)
            self._threads.append(thread)
            thread.start()
        return 201, message.resource(self.account_sid), {}

    def _progress(self, message: StoredMessage, failure: int | None) -> None:
        """Move a sent message on like Twilio and post its status callbacks."""
        states: tuple[str, ...] = ("queued",) + (
            ("failed",) if failure is not None else self.callback_states
        )
        for state in states:
            if self._stopping.wait(self.callback_delay):
                return
            with self._lock:
                message.status = state
                message.updated = datetime.now(UTC)
                if state == "sent":
                    message.sent = message.updated
                if state == "failed":
                    message.error_code = failure
                    message.error_message = f"Twilio error {failure}"
                params = {
                    "SmsSid": message.sid,
                    "SmsStatus": state,
                    "MessageStatus": state,
                    "To": message.to,
                    "From": message.from_,
                    "MessageSid": message.sid,
                    "AccountSid": self.account_sid,
                    "ApiVersion": "2010-04-01",
                    "ChannelPrefix": "whatsapp",
                    "ChannelToAddress": message.to.removeprefix("whatsapp:"),
                    "StructuredMessage": "false",
                }
                if message.messaging_service_sid:
                    params["MessagingServiceSid"] = message.messaging_service_sid
                if failure is not None and state == "failed":
                    params["ErrorCode"] = str(failure)
                    params["ErrorMessage"] = f"Twilio error {failure}"
                callback = message.status_callback
            if callback:
                self.post(callback, params)

    def _list(self, path: str, query: dict[str, list[str]]) -> tuple[int, Any, dict[str, str]]:
        values = {key: items[-1] for key, items in query.items()}
        try:
            size = int(values.get("PageSize", 50))
            page = int(values.get("Page", 0))
        except ValueError:
            return _error(400, 20001, "Invalid paging parameter")
        if not 1 <= size <= 1000 or page < 0:
            return _error(400, 20001, "Invalid paging parameter")
        bounds = {}
        for name in ("DateSent", "DateSent<", "DateSent>"):
            if name in values:
                try:
                    bounds[name] = _when(values[name])
                except ValueError:
                    return _error(400, 20001, f"Invalid {name}: {values[name]}")
        with self._lock:
            found = [
                m
                for m in self.messages.values()
                if values.get("To") in (None, m.to)
                and values.get("From") in (None, m.from_)
                and _date_matches(m.sent, bounds)
            ]
            found.sort(key=lambda m: m.sent or m.created, reverse=True)
            chosen = found[page * size : (page + 1) * size]
            filters = {
                k: v for k, v in values.items() if k not in ("Page", "PageSize", "PageToken")
            }

            def uri(number: int, token: str | None = None) -> str:
                extra = {"PageSize": str(size), "Page": str(number)}
                if token:
                    extra["PageToken"] = token
                return path + "?" + urlencode({**filters, **extra}, quote_via=quote)

            more = len(found) > (page + 1) * size
            return (
                200,
                {
                    "end": page * size + max(len(chosen) - 1, 0),
                    "first_page_uri": uri(0),
                    "messages": [m.resource(self.account_sid) for m in chosen],
                    "next_page_uri": uri(page + 1, "PA" + chosen[-1].sid) if more else None,
                    "page": page,
                    "page_size": size,
                    "previous_page_uri": uri(page - 1) if page > 0 else None,
                    "start": page * size,
                    "uri": uri(page, values.get("PageToken")),
                },
                {},
            )

    def _media(self, method: str, path: str, rest: list[str]) -> tuple[int, Any, dict[str, str]]:
        message = self.messages.get(rest[1])
        if message is None or method != "GET":
            return _error(404, 20404, f"The requested resource {path} was not found")
        if rest[2] == "Media.json" and len(rest) == 3:
            items = [m.resource(self.account_sid) for m in message.media]
            listing = f"{path}?PageSize=50&Page=0"
            return (
                200,
                {
                    "end": max(len(items) - 1, 0),
                    "first_page_uri": listing,
                    "media_list": items,
                    "next_page_uri": None,
                    "page": 0,
                    "page_size": 50,
                    "previous_page_uri": None,
                    "start": 0,
                    "uri": listing,
                },
                {},
            )
        if rest[2] == "Media" and len(rest) == 4:
            sid = rest[3].removesuffix(".json")
            media = next((m for m in message.media if m.sid == sid), None)
            if media is None:
                return _error(404, 20404, f"The requested resource {path} was not found")
            if rest[3].endswith(".json"):
                return 200, media.resource(self.account_sid), {}
            if self.redirect_media:  # like Twilio's redirect to a pre-signed storage URL
                return 307, b"", {"Location": f"{self.url}/media-content/{media.token}"}
            return 200, media.content, {"Content-Type": media.content_type}
        return _error(404, 20404, f"The requested resource {path} was not found")

    def _media_content(self, token: str) -> tuple[int, Any, dict[str, str]]:
        with self._lock:
            for message in self.messages.values():
                for media in message.media:
                    if hmac.compare_digest(media.token, token):
                        return 200, media.content, {"Content-Type": media.content_type}
        return 403, b"AccessDenied", {"Content-Type": "application/xml"}

    # ------------------------------------------------------------ serving

    def start(self) -> TwilioStandIn:
        def answer(
            method: str, path: str, headers: dict[str, str], body: bytes
        ) -> tuple[int, Any, dict[str, str]]:
            exchange = Exchange(method, path, headers, body)
            with self._lock:
                status, payload, extra = self.handle(method, path, headers, body)
            if isinstance(payload, bytes):
                data = payload
                kind = extra.pop("Content-Type", "application/octet-stream")
            else:
                data = json.dumps(payload).encode()
                kind = "application/json; charset=utf-8"
            reply = {
                "Content-Type": kind,
                "Content-Length": str(len(data)),
                "Twilio-Request-Id": "RQ" + secrets.token_hex(16),
                **extra,
            }
            exchange.status = status
            exchange.response_headers = reply
            exchange.response_body = data
            with self._lock:  # recorded before the client can see the answer
                self.exchanges.append(exchange)
            sent = {k: v for k, v in reply.items() if k not in ("Content-Type", "Content-Length")}
            return status, data, {"Content-Type": kind, **sent}

        self._server = serve(answer, self.port)
        self.port = self._server.server_address[1]
        return self

    def stop(self) -> None:
        self._stopping.set()
        for thread in self._threads:
            thread.join(timeout=2)
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None


def _when(text: str) -> date | datetime:
    """DateSent filters: YYYY-MM-DD (a whole day) or an ISO 8601 time as the SDK sends."""
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        return date.fromisoformat(text)
    moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _date_matches(sent: datetime | None, bounds: dict[str, date | datetime]) -> bool:
    if not bounds:
        return True
    if sent is None:  # not sent yet: no sent date to match
        return False
    for name, bound in bounds.items():
        value: date | datetime = sent if isinstance(bound, datetime) else sent.date()
        if name == "DateSent" and value != bound:
            return False
        if name == "DateSent<" and value > bound:  # type: ignore[operator]
            return False
        if name == "DateSent>" and value < bound:  # type: ignore[operator]
            return False
    return True
