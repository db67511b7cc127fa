"""A loopback stand-in for Telegram's Bot API (https://core.telegram.org/bots/api), following
its published contract: methods at /bot<token>/<method> taking JSON, form or query parameters
and answering {"ok": true, "result": …} or the error payload {"ok": false, "error_code",
"description", "parameters": {"retry_after" | "migrate_to_chat_id"}}; getMe; getUpdates with
long polling (`timeout`), `offset` confirming every earlier update, `limit`, `allowed_updates`
remembered between calls, 409 while a webhook is set and for a poll overtaken by a newer one;
sendMessage with reply_parameters; getFile and the download at /file/bot<token>/<file_path>;
setWebhook (url, secret_token, allowed_updates), deleteWebhook, getWebhookInfo. With a webhook
set it POSTs each update as JSON with the X-Telegram-Bot-Api-Secret-Token header and repeats
a delivery not answered 2xx, as Telegram does.

One deviation, for loopback tests: setWebhook accepts http://127.0.0.1 addresses (Telegram
requires a public https URL).

Tests inject updates (also duplicates and out of order), add files, block the bot, make
methods fail, flood-limit or lose their answer after doing their work, and count requests."""

from __future__ import annotations

import itertools
import json
import re
import threading
import time
from collections.abc import Iterator
from http.server import ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest

from tests.standins.http import serve

TOKEN = "123456789:AAHfakeTokenForTheLoopbackStandIn_42"
BOT = {
    "id": 123456789,
    "is_bot": True,
    "first_name": "Gastro Hub",
    "username": "gastro_hub_bot",
    "can_join_groups": True,
    "can_read_all_group_messages": False,
    "supports_inline_queries": False,
}
DEFAULT_UPDATES = ("message", "edited_message", "channel_post", "edited_channel_post",
                   "callback_query", "inline_query", "my_chat_member")  # fmt: skip
UPDATE_KINDS = ("message", "edited_message", "channel_post", "edited_channel_post",
                "callback_query", "inline_query", "my_chat_member", "chat_member",
                "message_reaction", "poll", "poll_answer")  # fmt: skip
SECRET_OK = re.compile(r"^[A-Za-z0-9_-]{1,256}$")
MAX_DOWNLOAD = 20 * 1024 * 1024


def error(code: int, description: str, **parameters: Any) -> tuple[int, Any, dict[str, str]]:
    body: dict[str, Any] = {"ok": False, "error_code": code, "description": description}
    if parameters:
        body["parameters"] = parameters
    return code, body, {}


def ok(result: Any, description: str | None = None) -> tuple[int, Any, dict[str, str]]:
    body: dict[str, Any] = {"ok": True, "result": result}
    if description:
        body["description"] = description
    return 200, body, {}


def user(user_id: int, first: str, last: str = "", username: str = "") -> dict[str, Any]:
    found: dict[str, Any] = {"id": user_id, "is_bot": False, "first_name": first}
    if last:
        found["last_name"] = last
    if username:
        found["username"] = username
    found["language_code"] = "cs"
    return found


def private_chat(u: dict[str, Any]) -> dict[str, Any]:
    chat = {"id": u["id"], "type": "private", "first_name": u["first_name"]}
    for key in ("last_name", "username"):
        if key in u:
            chat[key] = u[key]
    return chat


def group_chat(chat_id: int, title: str, supergroup: bool = True) -> dict[str, Any]:
    return {"id": chat_id, "type": "supergroup" if supergroup else "group", "title": title}


class TelegramStandIn:
    def __init__(self, token: str = TOKEN) -> None:
        self.token = token
        self.updates: list[dict[str, Any]] = []  # not yet confirmed, in delivery order
        self.requests: list[tuple[str, dict[str, Any]]] = []  # (method, params) of every call
        self.sent: list[dict[str, Any]] = []  # messages the bot sent
        self.files: dict[str, tuple[str, bytes]] = {}  # file_id → (file_path, content)
        self.downloads: list[str] = []  # file paths downloaded
        self.webhook: dict[str, Any] | None = None
        self.webhook_error: tuple[int, str] | None = None  # (unix date, message)
        self.deliveries: list[tuple[int, int | str]] = []  # (update_id, HTTP status or error)
        self.fail_with: tuple[int, str] | None = None  # every method answers this error
        self.lose_answers: set[str] = set()  # methods done, then the connection cut unanswered
        self.throttled: dict[str, list[int]] = {}  # method → retry_after of the next 429s
        self.blocked: set[int] = set()  # chats whose user blocked the bot
        self.allowed: tuple[str, ...] = DEFAULT_UPDATES
        self.redelivery_pause = 0.2
        self._next_update = itertools.count(700_000_001)
        self._next_message: dict[int, itertools.count[int]] = {}
        self._chats: dict[int, dict[str, Any]] = {}
        self._messages: set[tuple[int, int]] = set()
        self._cond = threading.Condition()
        self._poll_generation = 0
        self._held = False
        self._server: ThreadingHTTPServer | None = None
        self._deliverer: threading.Thread | None = None
        self._running = False
        self.port = 0

    # ------------------------------------------------------------ lifecycle

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> TelegramStandIn:
        self._server = serve(self._handle, self.port)
        self.port = self._server.server_address[1]
        self._running = True
        self._deliverer = threading.Thread(target=self._deliver, daemon=True)
        self._deliverer.start()
        return self

    def stop(self) -> None:
        with self._cond:
            self._running = False
            self._cond.notify_all()
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None
        if self._deliverer is not None:
            self._deliverer.join(5)
            self._deliverer = None

    def calls(self, method: str) -> list[dict[str, Any]]:
        return [p for m, p in self.requests if m.lower() == method.lower()]

    # ------------------------------------------------------------ test controls

    def message(
        self,
        chat: dict[str, Any],
        text: str | None = None,
        sender: dict[str, Any] | None = None,
        date: int | None = None,
        **content: Any,
    ) -> dict[str, Any]:
        """A Message in `chat` with the chat's next message id (not delivered yet)."""
        with self._cond:
            counter = self._next_message.setdefault(chat["id"], itertools.count(1))
            message_id = next(counter)
            self._chats[chat["id"]] = chat
            self._messages.add((chat["id"], message_id))
        message: dict[str, Any] = {"message_id": message_id}
        if sender is not None:
            message["from"] = sender
        elif chat["type"] == "private":
            message["from"] = {
                "id": chat["id"],
                "is_bot": False,
                **{k: v for k, v in chat.items() if k not in ("id", "type")},
            }
        message["chat"] = chat
        message["date"] = int(time.time()) if date is None else date
        if text is not None:
            message["caption" if _has_media(content) else "text"] = text
        message.update(content)
        return message

    def add_update(
        self, message: dict[str, Any], kind: str = "message", update_id: int | None = None
    ) -> dict[str, Any]:
        """Queue an update for getUpdates or the webhook; a given update_id may repeat an
        earlier one or come out of order."""
        update = {"update_id": next(self._next_update) if update_id is None else update_id}
        update[kind] = message
        with self._cond:
            self.updates.append(update)
            self._cond.notify_all()
        return update

    def send(self, chat: dict[str, Any], text: str | None = None, **kw: Any) -> dict[str, Any]:
        """A customer writes `text` (and/or media) in `chat`: the message's update, queued."""
        return self.add_update(self.message(chat, text, **kw))

    def edit(self, message: dict[str, Any], text: str, edit_date: int | None = None) -> None:
        edited = {**message, "text": text, "edit_date": edit_date or int(time.time())}
        self.add_update(edited, kind="edited_message")

    def add_file(self, content: bytes, path: str, unique: str | None = None) -> dict[str, Any]:
        """Keep a file for getFile; its file_id and size as a message's media lists them."""
        file_id = f"AgAC{len(self.files):04d}{abs(hash(path)) % 10**8:08d}fileid"
        self.files[file_id] = (path, content)
        return {
            "file_id": file_id,
            "file_unique_id": unique or f"AQAD{len(self.files)}",
            "file_size": len(content),
        }

    def hold(self) -> None:
        """Stop webhook deliveries (updates queue up) until `release`."""
        with self._cond:
            self._held = True

    def release(self, order: list[int] | None = None) -> None:
        """Deliver what queued up, the given update_ids first in that order."""
        with self._cond:
            if order:
                first = [u for i in order for u in self.updates if u["update_id"] == i]
                rest = [u for u in self.updates if u["update_id"] not in order]
                self.updates = first + rest
            self._held = False
            self._cond.notify_all()

    def throttle(self, method: str, retry_after: int, times: int = 1) -> None:
        self.throttled.setdefault(method.lower(), []).extend([retry_after] * times)

    # ------------------------------------------------------------ the API

    def _handle(
        self, verb: str, path_qs: str, headers: dict[str, str], body: bytes
    ) -> tuple[int, Any, dict[str, str]]:
        parts = urlsplit(path_qs)
        if parts.path.startswith("/file/bot"):
            return self._download(verb, parts.path)
        found = re.match(r"^/bot([^/]+)/([A-Za-z]+)$", parts.path)
        if found is None:
            return error(404, "Not Found")
        token, method = found.group(1), found.group(2)
        params = self._params(parts.query, headers, body)
        with self._cond:
            self.requests.append((method, params))
        if token != self.token:
            return error(401, "Unauthorized")
        if self.fail_with is not None:
            return error(*self.fail_with)
        waits = self.throttled.get(method.lower())
        if waits:
            wait = waits.pop(0)
            return error(429, f"Too Many Requests: retry after {wait}", retry_after=wait)
        handler = getattr(self, f"_m_{method.lower()}", None)
        if handler is None:
            return error(404, "Not Found")
        answer = handler(params)
        if method.lower() in {m.lower() for m in self.lose_answers}:
            # done, but the connection breaks before the answer (the handler dies unanswered)
            raise ConnectionAbortedError(f"{method} done, answer lost (test control)")
        return answer

    @staticmethod
    def _params(query: str, headers: dict[str, str], body: bytes) -> dict[str, Any]:
        params: dict[str, Any] = {k: v[-1] for k, v in parse_qs(query).items()}
        kind = next((v for k, v in headers.items() if k.lower() == "content-type"), "")
        if body and "json" in kind:
            params.update(json.loads(body))
        elif body:
            params.update({k: v[-1] for k, v in parse_qs(body.decode()).items()})
        for key in ("allowed_updates", "reply_parameters"):  # JSON-serialized in forms
            if isinstance(params.get(key), str):
                params[key] = json.loads(params[key])
        return params

    def _m_getme(self, _params: dict[str, Any]) -> tuple[int, Any, dict[str, str]]:
        return ok(BOT)

    def _m_getupdates(self, params: dict[str, Any]) -> tuple[int, Any, dict[str, str]]:
        offset = int(params["offset"]) if "offset" in params else None
        limit = max(1, min(100, int(params.get("limit", 100))))
        timeout = max(0.0, float(params.get("timeout", 0)))
        with self._cond:
            if self.webhook is not None:
                return error(
                    409,
                    "Conflict: can't use getUpdates method while webhook is active; "
                    "use deleteWebhook to delete the webhook first",
                )
            if "allowed_updates" in params:
                self.allowed = tuple(params["allowed_updates"]) or DEFAULT_UPDATES
            if offset is not None and offset > 0:  # confirms every update before it
                self.updates = [u for u in self.updates if u["update_id"] >= offset]
            elif offset is not None and offset < 0:
                self.updates = self.updates[offset:]
            self._poll_generation += 1
            mine = self._poll_generation
            deadline = time.monotonic() + timeout
            while True:
                if self._poll_generation != mine:
                    return error(
                        409,
                        "Conflict: terminated by other getUpdates request; make sure that only "
                        "one bot instance is running",
                    )
                ready = [u for u in self.updates if _kind(u) in self.allowed][:limit]
                left = deadline - time.monotonic()
                if ready or left <= 0 or not self._running:
                    return ok(ready)
                self._cond.wait(left)

    def _m_sendmessage(self, params: dict[str, Any]) -> tuple[int, Any, dict[str, str]]:
        chat_id = int(params.get("chat_id", 0))
        text = str(params.get("text") or "")
        with self._cond:
            chat = self._chats.get(chat_id)
            if chat is None:
                return error(400, "Bad Request: chat not found")
            if chat_id in self.blocked:
                return error(403, "Forbidden: bot was blocked by the user")
            if chat.get("migrated_to"):
                return error(
                    400,
                    "Bad Request: group chat was upgraded to a supergroup chat",
                    migrate_to_chat_id=chat["migrated_to"],
                )
            if not text.strip():
                return error(400, "Bad Request: message text is empty")
            if len(text.encode("utf-16-le")) // 2 > 4096:
                return error(400, "Bad Request: message is too long")
            reply = params.get("reply_parameters")
            replied = None
            if isinstance(reply, dict):
                target = int(reply.get("message_id", 0))
                if (chat_id, target) in self._messages:
                    replied = target
                elif not reply.get("allow_sending_without_reply"):
                    return error(400, "Bad Request: message to be replied not found")
            message_id = next(self._next_message.setdefault(chat_id, itertools.count(1)))
            self._messages.add((chat_id, message_id))
            sent: dict[str, Any] = {
                "message_id": message_id,
                "from": {k: BOT[k] for k in ("id", "is_bot", "first_name", "username")},
                "chat": chat,
                "date": int(time.time()),
                "text": text,
            }
            if replied is not None:
                sent["reply_to_message"] = {"message_id": replied, "chat": chat}
            self.sent.append(sent)
        return ok(sent)

    def _m_getfile(self, params: dict[str, Any]) -> tuple[int, Any, dict[str, str]]:
        file_id = str(params.get("file_id") or "")
        if file_id not in self.files:
            return error(400, "Bad Request: invalid file_id")
        path, content = self.files[file_id]
        if len(content) > MAX_DOWNLOAD:
            return error(400, "Bad Request: file is too big")
        return ok(
            {
                "file_id": file_id,
                "file_unique_id": "AQAD" + file_id[-8:],
                "file_size": len(content),
                "file_path": path,
            }
        )

    def _download(self, verb: str, path: str) -> tuple[int, Any, dict[str, str]]:
        prefix = f"/file/bot{self.token}/"
        if verb != "GET" or not path.startswith(prefix):
            return error(404, "Not Found")
        wanted = path.removeprefix(prefix)
        for file_path, content in self.files.values():
            if file_path == wanted:
                self.downloads.append(wanted)
                return 200, content, {"Content-Type": "application/octet-stream"}
        return error(404, "Not Found")

    def _m_setwebhook(self, params: dict[str, Any]) -> tuple[int, Any, dict[str, str]]:
        url = str(params.get("url") or "")
        if not url:
            return self._m_deletewebhook(params)
        loopback = url.startswith("http://127.0.0.1:")
        if not (url.startswith("https://") or loopback):
            return error(400, "Bad Request: bad webhook: An HTTPS URL must be provided for webhook")
        secret = params.get("secret_token")
        if secret is not None and not SECRET_OK.match(str(secret)):
            return error(400, "Bad Request: secret token contains unallowed characters")
        with self._cond:
            self.webhook = {"url": url, "secret_token": secret}
            if "allowed_updates" in params:
                self.allowed = tuple(params["allowed_updates"]) or DEFAULT_UPDATES
            if params.get("drop_pending_updates"):
                self.updates.clear()
            self.webhook_error = None
            self._poll_generation += 1  # a running long poll ends
            self._cond.notify_all()
        return ok(True, "Webhook was set")

    def _m_deletewebhook(self, params: dict[str, Any]) -> tuple[int, Any, dict[str, str]]:
        with self._cond:
            was = self.webhook is not None
            self.webhook = None
            if params.get("drop_pending_updates"):
                self.updates.clear()
        return ok(True, "Webhook was deleted" if was else "Webhook is already deleted")

    def _m_getwebhookinfo(self, _params: dict[str, Any]) -> tuple[int, Any, dict[str, str]]:
        with self._cond:
            info: dict[str, Any] = {
                "url": self.webhook["url"] if self.webhook else "",
                "has_custom_certificate": False,
                "pending_update_count": len(self.updates),
            }
            if self.webhook:
                info["max_connections"] = 40
                info["allowed_updates"] = list(self.allowed)
            if self.webhook_error:
                info["last_error_date"], info["last_error_message"] = self.webhook_error
        return ok(info)

    # ------------------------------------------------------------ webhook delivery

    def _deliver(self) -> None:
        client = httpx.Client(timeout=10.0)
        try:
            while True:
                with self._cond:
                    while self._running and (
                        self.webhook is None or self._held or not self._deliverable()
                    ):
                        self._cond.wait(0.5)
                    if not self._running:
                        return
                    assert self.webhook is not None
                    update = self._deliverable()[0]
                    url, secret = self.webhook["url"], self.webhook.get("secret_token")
                headers = {"Content-Type": "application/json"}
                if secret:
                    headers["X-Telegram-Bot-Api-Secret-Token"] = secret
                try:
                    answer = client.post(url, content=json.dumps(update), headers=headers)
                    status: int | str = answer.status_code
                except httpx.HTTPError as exc:
                    status = f"{type(exc).__name__}"
                with self._cond:
                    self.deliveries.append((update["update_id"], status))
                    if isinstance(status, int) and 200 <= status < 300:
                        if update in self.updates:
                            self.updates.remove(update)
                        continue
                    reason = (
                        f"Wrong response from the webhook: {status}"
                        if isinstance(status, int)
                        else "Connection refused"
                    )
                    self.webhook_error = (int(time.time()), reason)
                time.sleep(self.redelivery_pause)  # Telegram repeats a failed delivery later
        finally:
            client.close()

    def _deliverable(self) -> list[dict[str, Any]]:
        return [u for u in self.updates if _kind(u) in self.allowed]


def _kind(update: dict[str, Any]) -> str:
    return next((k for k in UPDATE_KINDS if k in update), "")


def _has_media(content: dict[str, Any]) -> bool:
    media = ("photo", "document", "voice", "video", "audio", "animation", "video_note")
    return any(k in content for k in media)


@pytest.fixture
def telegram() -> Iterator[TelegramStandIn]:
    """A Telegram Bot API stand-in on loopback for one test."""
    standin = TelegramStandIn().start()
    yield standin
    standin.stop()
