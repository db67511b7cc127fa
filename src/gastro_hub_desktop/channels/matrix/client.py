"""One session with a Matrix homeserver, driven synchronously by the account's worker thread.

Why nio's AsyncClient on a private event loop (and not nio's sans-I/O parts with a blocking HTTP
client): a sync waits on the server for up to `poll_seconds`, and a reply queued meanwhile must
go out at once. On an event loop the waiting sync is simply cancelled when the worker is poked
(`interrupt`, safe from any thread); nothing is lost, because the sync position only moves on
with a completed response. A blocking request could not be cut short without closing its
socket. AsyncClient also keeps each room's state (members, names, encryption) from the syncs,
which the messages need. The loop belongs to this object and runs only inside its calls, on the
worker's thread: the engine's own loop is never blocked by a homeserver.

nio retries neither refused connections nor timeouts here (`max_timeouts=0`): the worker's
backoff does that and shows the user it is retrying, instead of hiding an outage."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import threading
from collections.abc import Coroutine
from dataclasses import dataclass
from typing import Any, TypeVar

from nio import (
    AsyncClient,
    AsyncClientConfig,
    DiscoveryInfoResponse,
    DownloadResponse,
    JoinResponse,
    LoginResponse,
    LogoutResponse,
    MessageDirection,
    RoomMessagesResponse,
    RoomSendResponse,
    SyncResponse,
    WhoamiResponse,
)

from gastro_hub_desktop.channels.base import ChannelProblem
from gastro_hub_desktop.channels.matrix.convert import MESSAGE_TYPES, RoomView
from gastro_hub_desktop.channels.matrix.problems import from_error, from_exception
from gastro_hub_desktop.channels.matrix.settings import MatrixSettings, server_name

log = logging.getLogger(__name__)
# nio logs every room event it handles at INFO (room ids, event kinds): too much for the app's
# log and more than it should keep about customers' chats; its warnings still come through.
# An error answer also makes nio warn that it is not the success it hoped for: the worker
# reports those itself, in plain words.
for _chatty in ("nio.rooms", "nio.client", "nio.events"):
    logging.getLogger(_chatty).setLevel(logging.WARNING)
logging.getLogger("nio.responses").setLevel(logging.ERROR)
T = TypeVar("T")
REQUEST_TIMEOUT = 30.0
SYNC_GRACE = 30.0  # seconds a sync may take beyond the time it asked the server to wait
# A first sync, or one with the rooms' whole state, can take minutes on a big account: it
# gets this long (and is not cut short by `interrupt`, or a busy outbox could starve it).
BIG_SYNC_LIMIT = 600.0


def encryption_available() -> bool:
    """Whether nio can decrypt here (it needs python-olm and the native libolm)."""
    try:
        from nio.crypto import ENCRYPTION_ENABLED
    except ImportError:
        return False
    return bool(ENCRYPTION_ENABLED)


def sync_filter(timeline_limit: int) -> dict[str, Any]:
    """Only what the inbox needs: room state and timelines; no presence, typing, receipts or
    account data (each of those would also end a waiting sync early)."""
    return {
        "presence": {"not_types": ["*"]},
        "account_data": {"not_types": ["*"]},
        "room": {
            "timeline": {"limit": max(1, timeline_limit)},
            "ephemeral": {"not_types": ["*"]},
            "account_data": {"not_types": ["*"]},
        },
    }


@dataclass(frozen=True)
class Login:
    user_id: str
    access_token: str
    device_id: str


@dataclass(frozen=True)
class Page:
    """Older events of a room, newest first, and where the next older page starts."""

    events: list[dict[str, Any]]
    end: str | None


class MatrixConnection:
    """Login, sync, history, send, join and download, each a blocking call that raises
    ChannelProblem with the reason. Use from one thread; only `interrupt` is for others."""

    def __init__(self, settings: MatrixSettings, request_timeout: float = REQUEST_TIMEOUT) -> None:
        self.settings = settings
        self.homeserver = settings.base_url
        self.user_id = settings.user_id.strip()
        self._loop = asyncio.new_event_loop()
        self._poked = asyncio.Event()
        config = AsyncClientConfig(
            max_limit_exceeded=3,  # nio waits as a 429 asks, three times, then we back off
            max_timeouts=0,
            request_timeout=request_timeout,
            encryption_enabled=False,
            store_sync_tokens=False,
        )
        self.client = AsyncClient(self.homeserver, self.user_id, config=config)
        self._closed = False

    # ------------------------------------------------------------ plumbing

    def _call(self, coro: Coroutine[Any, Any, T]) -> T:
        try:
            return self._loop.run_until_complete(coro)
        except ChannelProblem:
            raise
        except Exception as exc:
            log.info("matrix %s: %s", self.homeserver, exc, exc_info=True)
            raise from_exception(exc, self.homeserver) from exc

    def _expect(self, response: Any, kind: type[T], doing: str) -> T:
        if isinstance(response, kind):
            return response
        log.info("matrix %s could not %s: %s", self.homeserver, doing, response)
        raise from_error(response, self.homeserver, self.user_id, doing)

    def interrupt(self) -> None:
        """Cut a waiting sync short (from any thread): something needs doing now."""
        with contextlib.suppress(RuntimeError):  # the loop is already closed
            if not self._closed:
                self._loop.call_soon_threadsafe(self._poked.set)

    def close(self) -> None:
        if self._closed:
            return
        try:
            self._loop.run_until_complete(self.client.close())
        except Exception:
            log.debug("closing the Matrix client failed", exc_info=True)
        finally:
            self._closed = True
            self._loop.close()

    # ------------------------------------------------------------ who we are

    def discover(self) -> str:
        """The homeserver address the user's domain publishes (.well-known), else the domain."""
        domain = server_name(self.user_id)
        self.client.homeserver = f"https://{domain}"
        try:
            answer = self._call(self.client.discovery_info())
        except ChannelProblem:
            answer = None
        found = answer.homeserver_url if isinstance(answer, DiscoveryInfoResponse) else ""
        self.homeserver = (found or f"https://{domain}").rstrip("/")
        self.client.homeserver = self.homeserver
        return self.homeserver

    def login(self, password: str, device_id: str | None = None) -> Login:
        """Log in with the password; with a known `device_id` the same device is used again."""
        self.client.device_id = device_id or ""
        answer = self._call(self.client.login(password, device_name=self.settings.device_name))
        done = self._expect(answer, LoginResponse, "log in")
        self.user_id = done.user_id
        return Login(done.user_id, done.access_token, done.device_id)

    def restore(self, access_token: str, device_id: str) -> None:
        self.client.restore_login(self.user_id, device_id, access_token)

    def whoami(self) -> str:
        """A real request with the token: the user id it belongs to."""
        answer = self._expect(self._call(self.client.whoami()), WhoamiResponse, "check the login")
        return answer.user_id

    def logout(self) -> None:
        self._expect(self._call(self.client.logout()), LogoutResponse, "log out")

    # ------------------------------------------------------------ reading

    def sync(
        self,
        since: str | None,
        wait_seconds: float,
        full_state: bool = False,
        wake: threading.Event | None = None,
    ) -> SyncResponse | None:
        """What happened since `since` (everything recent when None); waits on the server up to
        `wait_seconds` for something new. None when `interrupt` cut the wait short or `wake`
        was already set."""
        return self._call(self._sync(since, wait_seconds, full_state, wake))

    async def _sync(
        self, since: str | None, wait_seconds: float, full_state: bool, wake: threading.Event | None
    ) -> SyncResponse | None:
        self._poked.clear()
        if wake is not None and wake.is_set():
            wait_seconds = 0  # asked to hurry before the wait began: a quick look only
        wait_ms = int(wait_seconds * 1000)
        request = self.client.sync(
            timeout=wait_ms,
            sync_filter=sync_filter(self.settings.timeline_limit),
            since=since,
            full_state=full_state or None,
        )
        big = since is None or full_state
        limit = BIG_SYNC_LIMIT if big else wait_seconds + SYNC_GRACE
        syncing = asyncio.ensure_future(asyncio.wait_for(request, limit))
        if wait_ms == 0:
            answer = await syncing
        else:
            poked = asyncio.ensure_future(self._poked.wait())
            done, _ = await asyncio.wait({syncing, poked}, return_when=asyncio.FIRST_COMPLETED)
            poked.cancel()
            if syncing not in done:
                syncing.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await syncing
                return None
            answer = syncing.result()
        return self._expect(answer, SyncResponse, "sync")

    def room(self, room_id: str) -> RoomView:
        """The room as the syncs so far describe it."""
        room = self.client.rooms.get(room_id)
        if room is None:
            return RoomView(room_id, room_id)
        members = {**room.invited_users, **room.users}
        others = tuple(sorted(u for u in members if u != self.user_id))
        names = {
            u: (room.user_name(u) or member.display_name or u) for u, member in members.items()
        }
        return RoomView(room_id, room.display_name, others, names, bool(room.encrypted))

    def history(self, room_id: str, start: str, limit: int = 100) -> Page:
        """One page of a room's older message events, from a sync's `prev_batch` onwards."""
        answer = self._call(
            self.client.room_messages(
                room_id,
                start=start,
                direction=MessageDirection.back,
                limit=limit,
                message_filter={"types": list(MESSAGE_TYPES)},
            )
        )
        page = self._expect(answer, RoomMessagesResponse, "read a room's history")
        events = [e.source for e in page.chunk if isinstance(getattr(e, "source", None), dict)]
        return Page(events, page.end if page.chunk else None)

    def recent(self, room_id: str, limit: int = 100) -> list[dict[str, Any]]:
        """The room's newest message events, newest first."""
        answer = self._call(
            self.client.room_messages(
                room_id,
                start="",
                direction=MessageDirection.back,
                limit=limit,
                message_filter={"types": list(MESSAGE_TYPES)},
            )
        )
        page = self._expect(answer, RoomMessagesResponse, "read a room's history")
        return [e.source for e in page.chunk if isinstance(getattr(e, "source", None), dict)]

    def join(self, room_id: str) -> None:
        self._expect(self._call(self.client.join(room_id)), JoinResponse, "join a room")

    def download(self, mxc: str) -> bytes:
        answer = self._call(self.client.download(mxc=mxc))
        done = self._expect(answer, DownloadResponse, "download a file")
        body = done.body
        if isinstance(body, bytes):
            return body
        raise ChannelProblem("The homeserver did not send the file's content.", retry=True)

    # ------------------------------------------------------------ sending

    def send(self, room_id: str, content: dict[str, Any], txn_id: str) -> str:
        """PUT one m.room.message with our transaction id; the event id. The same `txn_id`
        sent again from the same device is not a second message: the homeserver answers with
        the first one's event id."""
        answer = self._call(self.client.room_send(room_id, "m.room.message", content, tx_id=txn_id))
        return self._expect(answer, RoomSendResponse, "send the message").event_id
