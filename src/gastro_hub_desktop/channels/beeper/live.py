"""Beeper Desktop's live events (GET /v1/ws, experimental in Beeper): a WebSocket with the same
bearer token, subscribed to every chat with `subscriptions.set`, delivering flat domain events
such as `message.upserted` (chatID, changed ids, best-effort entries). The SDK has no WebSocket
client, so this uses aiohttp's, on a private event loop driven from the worker's own thread."""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import uuid
from dataclasses import dataclass
from typing import Any

import aiohttp

log = logging.getLogger(__name__)
HEARTBEAT = 20.0  # seconds between pings: a socket that stops answering is noticed


class LiveClosed(Exception):
    """The socket could not be opened or is gone; the reason is for the log and the user."""


@dataclass(frozen=True)
class LiveEvent:
    type: str
    chat_id: str | None
    ids: tuple[str, ...]
    entries: tuple[dict[str, Any], ...]
    seq: int | None = None
    missed: bool = False  # the sequence skipped numbers: something may have been lost


def parse_event(raw: str) -> LiveEvent | None:
    """A domain event from one text frame (None for control messages and anything else)."""
    try:
        data = json.loads(raw)
    except ValueError:
        log.warning("Beeper sent a WebSocket frame that is not JSON: %.200s", raw)
        return None
    if not isinstance(data, dict) or not isinstance(data.get("type"), str):
        return None
    kind = data["type"]
    if kind in ("ready", "subscriptions.updated", "error", "pong"):
        return None
    ids = tuple(str(i) for i in data.get("ids") or [] if isinstance(i, str | int))
    entries = tuple(e for e in data.get("entries") or [] if isinstance(e, dict))
    seq = data.get("seq")
    chat = data.get("chatID")
    return LiveEvent(
        kind,
        str(chat) if chat else None,
        ids,
        entries,
        seq if isinstance(seq, int) and not isinstance(seq, bool) else None,
    )


class LiveEvents:
    """One subscription to every chat. All methods run on the calling thread."""

    def __init__(self, url: str, token: str, open_timeout: float = 10.0) -> None:
        self.url = url
        self._token = token
        self._open_timeout = open_timeout
        self._loop = asyncio.new_event_loop()
        self._session: aiohttp.ClientSession | None = None
        self._ws: aiohttp.ClientWebSocketResponse | None = None
        self._last_seq: int | None = None

    @property
    def is_open(self) -> bool:
        return self._ws is not None and not self._ws.closed

    def open(self) -> None:
        """Connect and subscribe to all chats; raises LiveClosed with the reason."""
        self._loop.run_until_complete(self._open())

    def next(self, timeout: float) -> LiveEvent | None:
        """The next domain event, or None when none came within `timeout` seconds."""
        return self._loop.run_until_complete(self._next(timeout))

    def close(self) -> None:
        if not self._loop.is_closed():
            self._loop.run_until_complete(self._close())
            self._loop.close()

    # ------------------------------------------------------------ on the private loop

    async def _open(self) -> None:
        await self._close()
        self._last_seq = None
        self._session = aiohttp.ClientSession(
            timeout=aiohttp.ClientTimeout(total=None, connect=self._open_timeout)
        )
        try:
            self._ws = await self._session.ws_connect(
                self.url,
                headers={"Authorization": f"Bearer {self._token}"},
                heartbeat=HEARTBEAT,
                autoping=True,
            )
            request = uuid.uuid4().hex[:8]
            await self._ws.send_json(
                {"type": "subscriptions.set", "requestID": request, "chatIDs": ["*"]}
            )
            await asyncio.wait_for(self._confirmed(request), self._open_timeout)
        except aiohttp.WSServerHandshakeError as exc:
            await self._close()
            raise LiveClosed(f"the live socket was refused ({exc.status})") from exc
        except (aiohttp.ClientError, OSError, TimeoutError) as exc:
            await self._close()
            raise LiveClosed(f"the live socket could not be opened ({type(exc).__name__})") from exc
        except LiveClosed:
            await self._close()
            raise

    async def _confirmed(self, request: str) -> None:
        assert self._ws is not None
        while True:
            frame = await self._ws.receive()
            if frame.type is not aiohttp.WSMsgType.TEXT:
                raise LiveClosed(f"the live socket closed while subscribing ({frame.type.name})")
            data = json.loads(frame.data)
            if data.get("type") == "subscriptions.updated" and data.get("requestID") == request:
                return
            if data.get("type") == "error":
                raise LiveClosed(f"Beeper refused the subscription: {data.get('message')}")

    async def _next(self, timeout: float) -> LiveEvent | None:
        if self._ws is None or self._ws.closed:
            raise LiveClosed("the live socket is closed")
        try:
            frame = await self._ws.receive(timeout=timeout)
        except TimeoutError:
            return None
        except (aiohttp.ClientError, OSError) as exc:
            await self._close()
            raise LiveClosed(f"the live socket failed ({type(exc).__name__})") from exc
        if frame.type in (aiohttp.WSMsgType.CLOSE, aiohttp.WSMsgType.CLOSING,
                          aiohttp.WSMsgType.CLOSED, aiohttp.WSMsgType.ERROR):  # fmt: skip
            await self._close()
            raise LiveClosed("Beeper closed the live socket")
        if frame.type is not aiohttp.WSMsgType.TEXT:
            return None
        event = parse_event(frame.data)
        if event is None or event.seq is None:
            return event
        missed = self._last_seq is not None and event.seq > self._last_seq + 1
        self._last_seq = event.seq
        if missed:
            return LiveEvent(event.type, event.chat_id, event.ids, event.entries, event.seq, True)
        return event

    async def _close(self) -> None:
        ws, self._ws = self._ws, None
        session, self._session = self._session, None
        if ws is not None and not ws.closed:
            with contextlib.suppress(TimeoutError, aiohttp.ClientError, OSError):
                await asyncio.wait_for(ws.close(), 2.0)
        if session is not None:
            await session.close()
