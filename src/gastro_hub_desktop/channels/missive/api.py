"""Missive's public REST API (https://public.missiveapp.com/v1) over httpx: bearer token, the
documented rate limits kept on our side, HTTP 429 answered by waiting as Retry-After says,
pagination by `until` timestamps, and every failure explained in words the user can act on."""

from __future__ import annotations

import logging
import time
from collections import deque
from collections.abc import Callable, Iterator
from typing import Any

import httpx

from gastro_hub_desktop.channels.base import ChannelProblem

log = logging.getLogger(__name__)

CONVERSATIONS_PAGE = 50  # the API's maximum for GET /conversations
MESSAGES_PAGE = 10  # the API's maximum for GET /conversations/:id/messages (and /drafts)
MESSAGES_BATCH = 10  # message ids fetched in one GET /messages/:id1,:id2,...
# Missive's documented limits: 300 requests a minute and 900 in 15 minutes.
LIMITS = ((300, 60.0), (900, 900.0))
MAX_429_RETRIES = 3
MAX_RETRY_AFTER = 120.0


class MissiveClient:
    """One token's view of Missive. Not thread-safe: one worker uses it at a time."""

    def __init__(
        self,
        token: str,
        api_url: str,
        timeout: float = 30.0,
        limits: tuple[tuple[int, float], ...] = LIMITS,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self._api_url = api_url.rstrip("/")
        self._http = httpx.Client(
            base_url=self._api_url,
            timeout=timeout,
            headers={"Authorization": f"Bearer {token}", "Accept": "application/json"},
        )
        self._limits = limits
        self._sent: deque[float] = deque()
        self._sleep = sleep
        self.requests = 0

    def close(self) -> None:
        self._http.close()

    # ------------------------------------------------------------ who and where

    def me(self) -> dict[str, Any]:
        """The token's owner (GET /users marks them with `me`)."""
        users = self._get("/users").get("users") or []
        for user in users:
            if isinstance(user, dict) and user.get("me"):
                return user
        if users and isinstance(users[0], dict):
            return users[0]
        raise ChannelProblem("Missive answered, but listed no user for this API token.", False)

    def organizations(self) -> list[dict[str, Any]]:
        return list(self._get("/organizations").get("organizations") or [])

    # ------------------------------------------------------------ reading

    def conversations(self, since: int) -> Iterator[dict[str, Any]]:
        """Conversations with activity at or after `since` (unix seconds), newest first.

        Pages follow the docs: `until` = the oldest `last_activity_at` of the previous page.
        Conversations sharing that second can come again on the next page; each is yielded
        once, and a page with nothing new ends the walk."""
        seen: set[str] = set()
        until: int | None = None
        while True:
            params: dict[str, Any] = {"all": "true", "limit": CONVERSATIONS_PAGE}
            if until is not None:
                params["until"] = until
            page = self._get("/conversations", params).get("conversations") or []
            fresh = [c for c in page if isinstance(c, dict) and c.get("id") not in seen]
            for conversation in fresh:
                seen.add(conversation["id"])
                if stamp(conversation.get("last_activity_at")) >= since:
                    yield conversation
            oldest = min((stamp(c.get("last_activity_at")) for c in page), default=0)
            if not fresh or len(page) < CONVERSATIONS_PAGE or oldest < since:
                return
            until = oldest

    def conversation_messages(self, conversation_id: str, since: int) -> list[dict[str, Any]]:
        """The conversation's messages delivered at or after `since`, newest first."""
        return self._entries(f"/conversations/{conversation_id}/messages", "messages", since)

    def conversation_drafts(self, conversation_id: str) -> list[dict[str, Any]]:
        return self._entries(f"/conversations/{conversation_id}/drafts", "drafts", 0)

    def _entries(self, path: str, key: str, since: int) -> list[dict[str, Any]]:
        seen: set[str] = set()
        found: list[dict[str, Any]] = []
        until: int | None = None
        while True:
            params: dict[str, Any] = {"limit": MESSAGES_PAGE}
            if until is not None:
                params["until"] = until
            body = self._get(path, params)
            page = body.get(key)
            if page is None and key == "drafts":  # drafts are messages too
                page = body.get("messages")
            page = [m for m in page or [] if isinstance(m, dict)]
            fresh = [m for m in page if _identity(m) not in seen]
            for message in fresh:
                seen.add(_identity(message))
                if stamp(message.get("delivered_at") or message.get("created_at")) >= since:
                    found.append(message)
            stamps = [stamp(m.get("delivered_at") or m.get("created_at")) for m in page]
            oldest = min(stamps, default=0)
            if not fresh or len(page) < MESSAGES_PAGE or oldest < since:
                return found
            until = oldest

    def messages(self, ids: list[str]) -> dict[str, dict[str, Any]]:
        """Whole messages (with body and attachments) by id, in batches."""
        out: dict[str, dict[str, Any]] = {}
        for start in range(0, len(ids), MESSAGES_BATCH):
            chunk = ids[start : start + MESSAGES_BATCH]
            got = self._get("/messages/" + ",".join(chunk)).get("messages")
            for message in got if isinstance(got, list) else [got]:
                if isinstance(message, dict) and message.get("id"):
                    out[str(message["id"])] = message
        return out

    def download(self, url: str, limit: int = 50_000_000) -> bytes:
        """An attachment's bytes from the address Missive gives for it."""
        self._pace()
        # The token goes only to Missive's API itself, never to the storage host of a file.
        own = httpx.URL(url).host == httpx.URL(self._api_url).host
        client = self._http if own else httpx.Client(timeout=self._http.timeout)
        try:
            with client.stream("GET", url) as response:
                self._check(response, url)
                data = b""
                for chunk in response.iter_bytes():
                    data += chunk
                    if len(data) > limit:
                        raise ChannelProblem("The attachment is larger than 50 MB.", False)
                return data
        except httpx.HTTPError as exc:
            raise _network_problem(exc, self._api_url) from exc
        finally:
            if client is not self._http:
                client.close()

    # ------------------------------------------------------------ writing

    def create_draft(self, draft: dict[str, Any]) -> dict[str, Any]:
        """POST /drafts: a draft the team reviews and sends from Missive (never sent here)."""
        body = self._request("POST", "/drafts", json={"drafts": draft})
        created = body.get("drafts")
        if isinstance(created, list):
            created = created[0] if created else None
        if not isinstance(created, dict) or not created.get("id"):
            raise ChannelProblem("Missive accepted the draft but did not say its id.", True)
        return created

    # ------------------------------------------------------------ the wire

    def _get(self, path: str, params: dict[str, Any] | None = None) -> dict[str, Any]:
        return self._request("GET", path, params=params)

    def _request(self, method: str, path: str, **kwargs: Any) -> dict[str, Any]:
        for attempt in range(MAX_429_RETRIES + 1):
            self._pace()
            try:
                response = self._http.request(method, path, **kwargs)
            except httpx.HTTPError as exc:
                log.warning("Missive %s %s failed", method, path, exc_info=True)
                raise _network_problem(exc, self._api_url) from exc
            if response.status_code == 429 and attempt < MAX_429_RETRIES:
                wait = _retry_after(response.headers.get("Retry-After"), attempt)
                log.info("Missive asked us to slow down; waiting %.1f s", wait)
                self._sleep(wait)
                continue
            self._check(response, path)
            try:
                body = response.json() if response.content else {}
            except ValueError as exc:
                raise ChannelProblem(
                    f"Missive sent an answer that is not JSON for {path}; trying again later.",
                    True,
                ) from exc
            return body if isinstance(body, dict) else {}
        raise AssertionError("unreachable")  # pragma: no cover

    def _check(self, response: httpx.Response, what: str) -> None:
        code = response.status_code
        if code < 400:
            return
        reason = _error_text(response)
        log.warning("Missive %s answered %s: %s", what, code, reason)
        if code == 401:
            raise ChannelProblem(
                "Missive refused the API token (it is wrong, expired or was deleted). Create a "
                "new one in Missive → Preferences → API and enter it again.",
                retry=False,
            )
        if code == 403:
            raise ChannelProblem(
                f"Missive does not allow this token to do that ({reason}). The API needs a "
                "Productive or Business plan, and the token's user needs access.",
                retry=False,
            )
        if code == 404:
            raise ChannelProblem(f"Missive does not know {what} (404): {reason}", retry=False)
        if code == 429:
            raise ChannelProblem(
                "Missive keeps asking us to slow down (rate limit). Trying again later.", True
            )
        if code >= 500:
            raise ChannelProblem(
                f"Missive is having trouble ({code}). Trying again by itself.", retry=True
            )
        raise ChannelProblem(f"Missive refused the request ({code}): {reason}", retry=False)

    def _pace(self) -> None:
        """Stay inside Missive's documented request limits instead of running into 429s."""
        now = time.monotonic()
        longest = max(window for _count, window in self._limits)
        while self._sent and now - self._sent[0] > longest:
            self._sent.popleft()
        for count, window in self._limits:
            recent = [t for t in self._sent if now - t < window]
            if len(recent) >= count:
                wait = window - (now - recent[-count])
                if wait > 0:
                    log.info("pausing %.1f s to stay within Missive's rate limit", wait)
                    self._sleep(wait)
                    now = time.monotonic()
        self._sent.append(now)
        self.requests += 1


def stamp(value: Any) -> int:
    """A unix timestamp from Missive as whole seconds (0 when missing or malformed)."""
    try:
        return int(float(value))
    except (TypeError, ValueError):
        return 0


def _identity(message: dict[str, Any]) -> str:
    return str(message.get("id") or id(message))


def _retry_after(header: str | None, attempt: int) -> float:
    try:
        seconds = float(header) if header is not None else 2.0 * 2**attempt
    except ValueError:
        seconds = 2.0 * 2**attempt
    return max(0.0, min(seconds, MAX_RETRY_AFTER))


def _error_text(response: httpx.Response) -> str:
    try:
        body = response.json()
    except ValueError:
        return response.text[:200] or response.reason_phrase
    if isinstance(body, dict):
        for key in ("errors", "error", "message"):
            value = body.get(key)
            if isinstance(value, str) and value:
                return value[:200]
            if isinstance(value, list | dict) and value:
                return str(value)[:200]
    return str(body)[:200]


def _network_problem(exc: httpx.HTTPError, api_url: str) -> ChannelProblem:
    if isinstance(exc, httpx.TimeoutException):
        return ChannelProblem(f"Missive ({api_url}) did not answer in time. Trying again.", True)
    if isinstance(exc, httpx.ConnectError):
        return ChannelProblem(
            f"Cannot reach Missive at {api_url}: check the internet connection. Trying again "
            "by itself.",
            True,
        )
    return ChannelProblem(f"Connection to Missive lost ({type(exc).__name__}). Trying again.", True)
