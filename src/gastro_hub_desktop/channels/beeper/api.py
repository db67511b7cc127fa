"""Beeper Desktop's local REST API through the official `beeper-desktop-api` SDK: the accounts
Beeper bridges, chats with activity since a moment, a chat's messages, sending a text, finding
our own recent messages after a crash, attachments, and every SDK error put in words the user
can act on (a refused token is not retried; an absent Beeper Desktop is)."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from datetime import datetime
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import beeper_desktop_api as sdk
from beeper_desktop_api.types import Account, Chat
from beeper_desktop_api.types.shared import Message

from gastro_hub_desktop.channels.base import ChannelProblem
from gastro_hub_desktop.channels.beeper.convert import aware

log = logging.getLogger(__name__)

CHATS_PAGE = 50  # GET /v1/chats allows 1-200
MAX_DOWNLOAD = 100_000_000


class BeeperClient:
    """One access token's view of one Beeper Desktop. Not thread-safe: one worker uses it."""

    def __init__(
        self, token: str, base_url: str, timeout: float = 30.0, max_retries: int = 2
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self.token = token
        # Reads may be retried by the SDK (it honours Retry-After on 429 and retries 5xx);
        # a send never is: a timed-out POST may have reached Beeper, and the outbox decides.
        self._sdk = sdk.BeeperDesktop(
            access_token=token, base_url=self.base_url, timeout=timeout, max_retries=max_retries
        )
        self._send_sdk = self._sdk.with_options(max_retries=0)

    def close(self) -> None:
        self._sdk.close()

    # ------------------------------------------------------------ who and where

    def accounts(self) -> list[Account]:
        """The chat accounts Beeper has connected (a real, authenticated check)."""
        return list(self._call("the account list", self._sdk.accounts.list))

    def events_url(self) -> str | None:
        """The WebSocket events address this Beeper Desktop offers (None: too old for it).

        Discovery (GET /v1/info, no token needed) names the endpoint; its path is joined to the
        address the user configured, since Beeper may describe itself as localhost."""
        try:
            info = self._sdk.info.retrieve()
        except sdk.NotFoundError:
            return None
        except sdk.APIError as exc:
            raise problem_of(exc, "the API description", self.base_url) from exc
        advertised = getattr(getattr(info, "endpoints", None), "ws_events", None) or "/v1/ws"
        path = urlsplit(str(advertised)).path or "/v1/ws"
        base = urlsplit(self.base_url)
        scheme = "wss" if base.scheme == "https" else "ws"
        return urlunsplit((scheme, base.netloc, path, "", ""))

    # ------------------------------------------------------------ reading

    def chats_since(self, since: datetime) -> Iterator[Chat]:
        """Chats with activity at or after `since`, most recent first (pages read only as far
        as needed; a chat without any activity has nothing to read)."""
        page = self._call("the chat list", lambda: self._sdk.chats.list(limit=CHATS_PAGE))
        while True:
            items = list(page.items or [])
            for chat in items:
                if chat.last_activity is not None and aware(chat.last_activity) >= since:
                    yield chat
            oldest = [aware(c.last_activity) for c in items if c.last_activity is not None]
            if not items or (oldest and min(oldest) < since) or not page.has_next_page():
                return
            page = self._call("the chat list", page.get_next_page)

    def chat(self, chat_id: str) -> Chat:
        return self._call(f"the chat {chat_id}", lambda: self._sdk.chats.retrieve(chat_id))

    def messages_since(self, chat_id: str, since: datetime) -> list[Message]:
        """The chat's messages on every page back to one that holds nothing from `since` on.

        Pages follow Beeper's order of arrival, so a message that arrived late with an old
        timestamp is on the first page and is returned as well."""
        what = f"the messages of chat {chat_id}"
        page = self._call(what, lambda: self._sdk.messages.list(chat_id))
        found: list[Message] = []
        while True:
            items = list(page.items or [])
            found.extend(items)
            older = all(aware(m.timestamp) < since for m in items)
            if not items or older or not page.has_next_page():
                return found
            page = self._call(what, page.get_next_page)

    def message(self, chat_id: str, message_id: str) -> Message:
        """One message (a pending id from a send resolves to the message it became)."""
        fetch = self._sdk.messages.retrieve
        return self._call(f"message {message_id}", lambda: fetch(message_id, chat_id=chat_id))

    def recent_own(self, chat_id: str, since: datetime) -> list[Message]:
        """Our own messages in the chat from `since` on (its newest page is enough)."""
        what = f"the messages of chat {chat_id}"
        page = self._call(what, lambda: self._sdk.messages.list(chat_id))
        return [m for m in page.items or [] if m.is_sender and aware(m.timestamp) >= since]

    def download(self, ref: str) -> bytes:
        """An attachment's bytes, by the mxc:// (or localmxc://, file://) address a message
        lists for it."""
        response = self._call(f"the attachment {ref}", lambda: self._sdk.assets.serve(url=ref))
        data = response.read()
        if len(data) > MAX_DOWNLOAD:
            raise ChannelProblem("The attachment is larger than 100 MB.", retry=False)
        return data

    # ------------------------------------------------------------ writing

    def send(self, chat_id: str, text: str) -> tuple[str, str]:
        """Send a text; (the chat it went to, the pending message id Beeper gave it)."""
        sent = self._call(
            f"sending to chat {chat_id}", lambda: self._send_sdk.messages.send(chat_id, text=text)
        )
        return str(sent.chat_id or chat_id), str(sent.pending_message_id)

    # ------------------------------------------------------------ the wire

    def _call(self, what: str, fn: Any) -> Any:
        try:
            return fn()
        except sdk.APIError as exc:
            raise problem_of(exc, what, self.base_url) from exc


def error_text(exc: sdk.APIError) -> str:
    """What Beeper said, from its error payload ({code, message, details}) when it sent one."""
    body = exc.body
    if isinstance(body, dict):
        message = body.get("message") or body.get("error")
        code = body.get("code")
        if isinstance(message, str) and message:
            return f"{message} ({code})" if isinstance(code, str) and code else message
    return exc.message


def problem_of(exc: sdk.APIError, what: str, base_url: str) -> ChannelProblem:
    """An SDK error as a problem the user can act on; `retry` says whether waiting helps."""
    log.warning("Beeper Desktop (%s) failed for %s: %s", base_url, what, exc)
    if isinstance(exc, sdk.AuthenticationError):
        return ChannelProblem(
            "Beeper Desktop refused the access token (wrong, expired or revoked). Create a new "
            "one in Beeper Desktop → Settings → Developers and enter it again.",
            retry=False,
        )
    if isinstance(exc, sdk.PermissionDeniedError):
        return ChannelProblem(
            f"Beeper Desktop does not let this token do that ({error_text(exc)}). Give the token "
            "permission to read and send in Beeper Desktop → Settings → Developers.",
            retry=False,
        )
    if isinstance(exc, sdk.NotFoundError):
        return ChannelProblem(f"Beeper Desktop does not know {what}: {error_text(exc)}", False)
    if isinstance(exc, sdk.RateLimitError):
        return ChannelProblem("Beeper Desktop asks us to slow down. Trying again shortly.", True)
    if isinstance(exc, sdk.APIStatusError) and exc.status_code >= 500:
        return ChannelProblem(
            f"Beeper Desktop is having trouble ({exc.status_code}: {error_text(exc)}). Trying "
            "again by itself.",
            retry=True,
        )
    if isinstance(exc, sdk.APIStatusError):
        return ChannelProblem(
            f"Beeper Desktop refused {what} ({exc.status_code}): {error_text(exc)}", retry=False
        )
    if isinstance(exc, sdk.APITimeoutError):
        return ChannelProblem(f"Beeper Desktop ({base_url}) did not answer in time. Trying again.")
    if isinstance(exc, sdk.APIConnectionError):
        return ChannelProblem(
            f"Cannot reach Beeper Desktop at {base_url}: is it running, with its API turned on "
            "(Settings → Developers)? Trying again by itself.",
            retry=True,
        )
    return ChannelProblem(f"Beeper Desktop answered unexpectedly for {what}: {exc}", retry=True)
