"""A loopback stand-in for Beeper Desktop's local API (v1), shaped by the official SDK's types
(beeper_desktop_api.types): bearer-token auth; GET /v1/info (no token: discovery, naming the
WebSocket endpoint); GET /v1/accounts; GET /v1/chats and /v1/chats/search (most recent activity
first, opaque cursors, hasMore/oldestCursor/newestCursor); GET /v1/chats/{id};
GET /v1/chats/{id}/messages (newest arrivals first, paged back by cursor); GET and
POST /v1/chats/{id}/messages[/{messageID}] (a send answers {chatID, pendingMessageID}, and the
pending id resolves to the message); GET /v1/messages/search; GET /v1/assets/serve; errors as
{code, message, details} (401, 404, 400, 429 with Retry-After, 5xx); and GET /v1/ws, the live
events socket (ready → subscriptions.set → subscriptions.updated → message.upserted events with
seq, ts, chatID, ids, entries).

Tests add accounts, chats and messages directly (pushed live or not, twice, out of order), drop
and restore the socket, make every request fail, and count requests. Every JSON answer is kept
in `responses` so a test can check it against the SDK's models."""

from __future__ import annotations

import asyncio
import threading
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from aiohttp import WSMsgType, web

TOKEN = "beeper-test-token"
SELF_ID = "@jana:beeper.com"
MESSAGES_PAGE = 20


def iso(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat().replace("+00:00", "Z")


def error(status: int, code: str, message: str, **headers: str) -> web.Response:
    return web.json_response({"code": code, "message": message}, status=status, headers=headers)


@dataclass
class StandInChat:
    data: dict[str, Any]
    messages: list[dict[str, Any]] = field(default_factory=list)  # in order of arrival


@dataclass
class Socket:
    ws: web.WebSocketResponse
    chats: list[str] = field(default_factory=list)
    seq: int = 0


class BeeperStandIn:
    def __init__(self) -> None:
        self.accounts: list[dict[str, Any]] = []
        self.chats: dict[str, StandInChat] = {}
        self.pending: dict[str, tuple[str, str]] = {}  # pending id → (chat id, message id)
        self.files: dict[str, bytes] = {}
        self.requests: list[tuple[str, str]] = []  # (method, path) of every request
        self.responses: list[tuple[str, str, int, Any]] = []  # (method, route, status, JSON)
        self.sent: list[dict[str, Any]] = []  # bodies of accepted sends
        self.fail_with: int | None = None
        self.socket_down = False
        self.full_entries = True  # message.upserted carries whole messages (else ids only)
        self.port = 0
        self._sockets: list[Socket] = []
        self._lock = threading.Lock()
        self._counter = 0
        self._loop: asyncio.AbstractEventLoop | None = None
        self._runner: web.AppRunner | None = None
        self._thread: threading.Thread | None = None

    # ------------------------------------------------------------ lifecycle

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> None:
        ready = threading.Event()
        self._loop = asyncio.new_event_loop()

        def run() -> None:
            assert self._loop is not None
            asyncio.set_event_loop(self._loop)
            self._loop.run_until_complete(self._serve())
            ready.set()
            self._loop.run_forever()

        self._thread = threading.Thread(target=run, name="beeper-standin", daemon=True)
        self._thread.start()
        if not ready.wait(10):
            raise RuntimeError("the Beeper stand-in did not start")

    def stop(self) -> None:
        loop, self._loop = self._loop, None
        if loop is None:
            return
        asyncio.run_coroutine_threadsafe(self._shutdown(), loop).result(10)
        loop.call_soon_threadsafe(loop.stop)
        if self._thread is not None:
            self._thread.join(10)
        loop.close()

    async def _serve(self) -> None:
        app = web.Application()
        app.router.add_get("/v1/info", self._info)
        app.router.add_get("/v1/ws", self._ws)
        app.router.add_get("/v1/accounts", self._accounts)
        app.router.add_get("/v1/chats", self._chat_list)
        app.router.add_get("/v1/chats/search", self._chat_search)
        app.router.add_get("/v1/chats/{chat}", self._chat)
        app.router.add_get("/v1/chats/{chat}/messages", self._message_list)
        app.router.add_post("/v1/chats/{chat}/messages", self._send)
        app.router.add_get("/v1/chats/{chat}/messages/{message}", self._message)
        app.router.add_get("/v1/messages/search", self._message_search)
        app.router.add_get("/v1/assets/serve", self._serve_asset)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", self.port, reuse_address=True)
        await site.start()
        self.port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]

    async def _shutdown(self) -> None:
        for socket in list(self._sockets):
            await socket.ws.close()
        if self._runner is not None:
            await self._runner.cleanup()

    # ------------------------------------------------------------ test controls

    def add_account(self, account_id: str, network: str, bridge_type: str) -> dict[str, Any]:
        account = {
            "accountID": account_id,
            "bridge": {"id": account_id, "provider": "cloud", "type": bridge_type},
            "status": "connected",
            "user": {"id": SELF_ID, "fullName": "Jana Nováková", "username": "jana",
                     "isSelf": True},
            "network": network,
        }  # fmt: skip
        with self._lock:
            self.accounts.append(account)
        return account

    def add_chat(
        self,
        chat_id: str,
        account_id: str,
        network: str,
        title: str,
        person: tuple[str, str, str | None] | None = None,
        kind: str = "single",
    ) -> dict[str, Any]:
        """A chat; `person` is the other side of a one-to-one chat: (user id, name, phone)."""
        me = {"id": SELF_ID, "fullName": "Jana Nováková", "isSelf": True}
        items = [me]
        if person is not None:
            other: dict[str, Any] = {"id": person[0], "fullName": person[1]}
            if person[2]:
                other["phoneNumber"] = person[2]
            items.append(other)
        data = {
            "id": chat_id,
            "accountID": account_id,
            "network": network,
            "participants": {"hasMore": False, "items": items, "total": len(items)},
            "title": title,
            "type": kind,
            "unreadCount": 0,
            "lastActivity": None,
        }
        with self._lock:
            self.chats[chat_id] = StandInChat(data)
        return data

    def add_message(
        self,
        chat_id: str,
        text: str,
        at: datetime,
        sender: tuple[str, str] | None = None,
        is_sender: bool = False,
        attachment: tuple[str, str, bytes] | None = None,
        push: bool = True,
    ) -> dict[str, Any]:
        """A message arriving in a chat now (its timestamp may be older: out of order);
        pushed to subscribed sockets unless `push` is False."""
        with self._lock:
            chat = self.chats[chat_id]
            self._counter += 1
            message = self._message_data(chat, text, at, sender, is_sender, attachment)
            chat.messages.append(message)
            self._touch(chat, at)
        if push:
            self.push(chat_id, [message["id"]])
        return message

    def push(self, chat_id: str, ids: list[str]) -> int:
        """Send a message.upserted event for these messages to every subscribed socket (also
        for messages already pushed: a duplicate delivery); the number of sockets reached."""
        if self._loop is None:
            return 0
        return asyncio.run_coroutine_threadsafe(self._push(chat_id, ids), self._loop).result(10)

    def drop_socket(self) -> None:
        """Close every live socket and refuse new ones until `restore_socket`."""
        self.socket_down = True
        if self._loop is not None:
            asyncio.run_coroutine_threadsafe(self._close_sockets(), self._loop).result(10)

    def restore_socket(self) -> None:
        self.socket_down = False

    @property
    def live_sockets(self) -> int:
        return sum(1 for s in self._sockets if s.chats and not s.ws.closed)

    def count(self, method: str, prefix: str) -> int:
        return sum(1 for m, p in list(self.requests) if m == method and p.startswith(prefix))

    # ------------------------------------------------------------ shapes

    def _message_data(
        self,
        chat: StandInChat,
        text: str,
        at: datetime,
        sender: tuple[str, str] | None,
        is_sender: bool,
        attachment: tuple[str, str, bytes] | None,
    ) -> dict[str, Any]:
        sender_id, sender_name = (SELF_ID, "Jana Nováková") if is_sender else (sender or ("", ""))
        message: dict[str, Any] = {
            "id": f"${uuid.uuid4().hex[:16]}",
            "accountID": chat.data["accountID"],
            "chatID": chat.data["id"],
            "senderID": sender_id,
            "senderName": sender_name,
            "sortKey": f"{self._counter:012d}",
            "timestamp": iso(at),
            "isSender": is_sender,
            "type": "TEXT",
        }
        if text:
            message["text"] = text
        if attachment is not None:
            name, mime, content = attachment
            mxc = f"mxc://beeper.local/{uuid.uuid4().hex[:12]}"
            self.files[mxc] = content
            message["type"] = "IMAGE" if mime.startswith("image/") else "FILE"
            message["attachments"] = [
                {"type": "img" if mime.startswith("image/") else "unknown", "id": mxc,
                 "fileName": name, "mimeType": mime, "fileSize": len(content)}
            ]  # fmt: skip
        return message

    @staticmethod
    def _touch(chat: StandInChat, at: datetime) -> None:
        current = chat.data["lastActivity"]
        if current is None or datetime.fromisoformat(current.replace("Z", "+00:00")) < at:
            chat.data["lastActivity"] = iso(at)

    def _listed(self, chat: StandInChat) -> dict[str, Any]:
        data = dict(chat.data)
        if chat.messages:
            data["preview"] = chat.messages[-1]
        return data

    def _activity(self, chat: StandInChat) -> str:
        return chat.data["lastActivity"] or ""

    # ------------------------------------------------------------ the HTTP side

    def _answer(self, request: web.Request, route: str, payload: Any, status: int = 200) -> Any:
        self.responses.append((request.method, route, status, payload))
        return web.json_response(payload, status=status)

    def _refusal(self, request: web.Request, auth: bool = True) -> web.Response | None:
        """The answer when a request must be refused (failure mode, token), else None."""
        self.requests.append((request.method, request.path_qs))
        if self.fail_with is not None:
            if self.fail_with == 429:
                return error(429, "RATE_LIMITED", "Too many requests", **{"Retry-After": "1"})
            return error(self.fail_with, "UNAVAILABLE", "Beeper Desktop is not ready")
        header = request.headers.get("Authorization", "")
        if auth and header != f"Bearer {TOKEN}":
            return error(401, "UNAUTHORIZED", "Invalid or expired access token")
        return None

    async def _info(self, request: web.Request) -> web.Response:
        if (refused := self._refusal(request, auth=False)) is not None:
            return refused
        return self._answer(request, "info", {
            "app": {"bundle_id": "com.automattic.beeper.desktop", "name": "Beeper",
                    "version": "4.2.600"},
            "endpoints": {
                "mcp": "/v0/mcp",
                "oauth": {
                    "authorization_endpoint": "/oauth/authorize",
                    "introspection_endpoint": "/oauth/introspect",
                    "registration_endpoint": "/oauth/register",
                    "revocation_endpoint": "/oauth/revoke",
                    "token_endpoint": "/oauth/token",
                    "userinfo_endpoint": "/oauth/userinfo",
                },
                "spec": "/v1/spec",
                "ws_events": "ws://localhost:23373/v1/ws",
            },
            "platform": {"arch": "x64", "os": "linux"},
            "server": {"base_url": "http://localhost:23373", "hostname": "127.0.0.1",
                       "mcp_enabled": False, "port": 23373, "remote_access": False,
                       "status": "running"},
        })  # fmt: skip

    async def _accounts(self, request: web.Request) -> web.Response:
        if (refused := self._refusal(request)) is not None:
            return refused
        return self._answer(request, "accounts", list(self.accounts))

    def _page(self, items: list[Any], request: web.Request, default_limit: int) -> dict[str, Any]:
        """Cursor paging over `items` (newest first): the cursor is an offset, opaque to
        clients; 'before' (the default) pages to older items."""
        limit = max(1, min(int(request.query.get("limit", default_limit)), 200))
        cursor = request.query.get("cursor")
        start = int(cursor.removeprefix("o")) if cursor else 0
        if cursor and request.query.get("direction") == "after":
            start = max(0, start - limit)
        page = items[start : start + limit]
        return {
            "items": page,
            "hasMore": start + limit < len(items),
            "oldestCursor": f"o{start + len(page)}" if page else None,
            "newestCursor": f"o{start}" if page else None,
        }

    async def _chat_list(self, request: web.Request) -> web.Response:
        if (refused := self._refusal(request)) is not None:
            return refused
        accounts = request.query.getall("accountIDs", [])
        with self._lock:
            chats = [c for c in self.chats.values() if not accounts or
                     c.data["accountID"] in accounts]  # fmt: skip
            chats.sort(key=self._activity, reverse=True)
            listed = [self._listed(c) for c in chats]
        return self._answer(request, "chats.list", self._page(listed, request, 25))

    async def _chat_search(self, request: web.Request) -> web.Response:
        if (refused := self._refusal(request)) is not None:
            return refused
        query = request.query.get("query", "").lower()
        after = request.query.get("lastActivityAfter")
        with self._lock:
            chats = [c for c in self.chats.values()
                     if all(w in (c.data["title"] + " " + c.data["network"]).lower()
                            for w in query.split())
                     and (not after or self._activity(c) > after)]  # fmt: skip
            chats.sort(key=self._activity, reverse=True)
            found = [dict(c.data) for c in chats]
        return self._answer(request, "chats.search", self._page(found, request, 50))

    async def _chat(self, request: web.Request) -> web.Response:
        if (refused := self._refusal(request)) is not None:
            return refused
        chat = self.chats.get(request.match_info["chat"])
        if chat is None:
            return error(404, "NOT_FOUND", "Chat not found")
        return self._answer(request, "chats.retrieve", dict(chat.data))

    async def _message_list(self, request: web.Request) -> web.Response:
        if (refused := self._refusal(request)) is not None:
            return refused
        chat = self.chats.get(request.match_info["chat"])
        if chat is None:
            return error(404, "NOT_FOUND", "Chat not found")
        with self._lock:
            newest_first = list(reversed(chat.messages))
        return self._answer(request, "messages.list", self._page(newest_first, request, 20))

    async def _message(self, request: web.Request) -> web.Response:
        if (refused := self._refusal(request)) is not None:
            return refused
        chat_id, message_id = request.match_info["chat"], request.match_info["message"]
        chat_id, message_id = self.pending.get(message_id, (chat_id, message_id))
        chat = self.chats.get(chat_id)
        found = [m for m in chat.messages if m["id"] == message_id] if chat else []
        if not found:
            return error(404, "NOT_FOUND", "Message not found")
        return self._answer(request, "messages.retrieve", found[0])

    async def _send(self, request: web.Request) -> web.Response:
        if (refused := self._refusal(request)) is not None:
            return refused
        chat_id = request.match_info["chat"]
        if chat_id not in self.chats:
            return error(404, "NOT_FOUND", "Chat not found")
        body = await request.json()
        text = body.get("text") if isinstance(body, dict) else None
        if not isinstance(text, str) or not text.strip():
            return web.json_response(
                {"code": "INVALID_PAYLOAD", "message": "Message text or attachment is required",
                 "details": {"issues": [{"code": "custom", "message": "text is required",
                                         "path": ["text"]}]}},
                status=400,
            )  # fmt: skip
        self.sent.append(body)
        message = self.add_message(chat_id, text, datetime.now(UTC), is_sender=True, push=False)
        pending = f"pending-{uuid.uuid4().hex[:12]}"
        self.pending[pending] = (chat_id, message["id"])
        await self._push(chat_id, [message["id"]])
        return self._answer(
            request, "messages.send", {"chatID": chat_id, "pendingMessageID": pending}
        )

    async def _message_search(self, request: web.Request) -> web.Response:
        if (refused := self._refusal(request)) is not None:
            return refused
        chats = request.query.getall("chatIDs", [])
        sender = request.query.get("sender")
        after = request.query.get("dateAfter")
        words = request.query.get("query", "").lower().split()
        with self._lock:
            found = [m for c in self.chats.values() if not chats or c.data["id"] in chats
                     for m in c.messages
                     if (sender != "me" or m["isSender"]) and (sender != "others" or not m["isSender"])
                     and (not after or m["timestamp"] > after)
                     and all(w in m.get("text", "").lower() for w in words)]  # fmt: skip
        found.sort(key=lambda m: m["timestamp"], reverse=True)
        return self._answer(request, "messages.search", self._page(found, request, 20))

    async def _serve_asset(self, request: web.Request) -> web.Response:
        if (refused := self._refusal(request)) is not None:
            return refused
        content = self.files.get(request.query.get("url", ""))
        if content is None:
            return error(404, "NOT_FOUND", "Asset not found")
        return web.Response(body=content, content_type="application/octet-stream")

    # ------------------------------------------------------------ the live socket

    async def _ws(self, request: web.Request) -> web.StreamResponse:
        if (refused := self._refusal(request)) is not None:
            return refused
        if self.socket_down:
            return error(503, "UNAVAILABLE", "Live events are not available right now")
        ws = web.WebSocketResponse(heartbeat=None)
        await ws.prepare(request)
        socket = Socket(ws)
        self._sockets.append(socket)
        await ws.send_json({"type": "ready", "version": 1, "chatIDs": []})
        try:
            async for frame in ws:
                if frame.type is not WSMsgType.TEXT:
                    continue
                data = frame.json()
                if data.get("type") != "subscriptions.set":
                    await ws.send_json({"type": "error", "requestID": data.get("requestID"),
                                        "code": "UNKNOWN_COMMAND", "message": "Unknown command"})  # fmt: skip
                    continue
                ids = data.get("chatIDs")
                if not isinstance(ids, list) or ("*" in ids and len(ids) > 1):
                    await ws.send_json({"type": "error", "requestID": data.get("requestID"),
                                        "code": "INVALID_PAYLOAD",
                                        "message": "chatIDs cannot combine '*' with specific IDs"})  # fmt: skip
                    continue
                socket.chats = [str(i) for i in ids]
                await ws.send_json({"type": "subscriptions.updated",
                                    "requestID": data.get("requestID"), "chatIDs": socket.chats})  # fmt: skip
        finally:
            self._sockets.remove(socket)
        return ws

    async def _push(self, chat_id: str, ids: list[str]) -> int:
        chat = self.chats[chat_id]
        entries = [m for m in chat.messages if m["id"] in ids]
        if not self.full_entries:
            entries = [{"id": m["id"], "reactions": []} for m in entries]
        reached = 0
        for socket in list(self._sockets):
            if socket.ws.closed or not ("*" in socket.chats or chat_id in socket.chats):
                continue
            socket.seq += 1
            await socket.ws.send_json({
                "type": "message.upserted", "seq": socket.seq,
                "ts": int(datetime.now(UTC).timestamp() * 1000),
                "chatID": chat_id, "ids": ids, "entries": entries,
            })  # fmt: skip
            reached += 1
        return reached

    async def _close_sockets(self) -> None:
        for socket in list(self._sockets):
            await socket.ws.close()
