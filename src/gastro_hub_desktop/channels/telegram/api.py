"""Telegram's Bot API over httpx. No bot library: the app needs eight methods of a plain
JSON-over-HTTPS API (getMe, getUpdates, sendMessage, getFile + the file download,
setWebhook, deleteWebhook, getWebhookInfo), while the maintained libraries
(python-telegram-bot, aiogram) bring their own asyncio application loop, update dispatcher and
persistence that would compete with the engine's worker threads and outbox; httpx is already
the app's HTTP client.

The token is part of every URL (/bot<token>/<method>): it is never logged (httpx's request
lines are redacted) and never shown in a message. Flood control (429) on a read is answered by
waiting `retry_after` seconds; a send is not retried here (the outbox decides)."""

from __future__ import annotations

import logging
import re
import time
from collections.abc import Callable, Sequence
from typing import Any
from urllib.parse import urlsplit

import httpx

from gastro_hub_desktop.channels.base import ChannelProblem
from gastro_hub_desktop.channels.telegram.errors import TelegramRefusal, refusal
from gastro_hub_desktop.channels.telegram.settings import ALLOWED_UPDATES

log = logging.getLogger(__name__)

MAX_429_RETRIES = 3
MAX_RETRY_AFTER = 120.0  # a longer flood wait is reported instead of slept through
MAX_DOWNLOAD = 20 * 1024 * 1024  # bots may download files of up to 20 MB
_TOKEN_IN_URL = re.compile(r"/bot[^/\s\"']+/")


class _RedactTokens(logging.Filter):
    """httpx logs every request line with its URL at INFO: the bot token must not reach the
    log file."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        if "/bot" in message:
            record.msg, record.args = _TOKEN_IN_URL.sub("/bot<token>/", message), ()
        return True


def _install_redaction() -> None:
    logger = logging.getLogger("httpx")
    if not any(isinstance(f, _RedactTokens) for f in logger.filters):
        logger.addFilter(_RedactTokens())


_install_redaction()


class Unreachable(ChannelProblem):
    """No connection to Telegram could be made: the request never left this PC."""


class TelegramBot:
    """One bot token's view of the Bot API. Not thread-safe: one thread uses it at a time."""

    def __init__(
        self,
        token: str,
        api_url: str,
        timeout: float = 30.0,
        sleep: Callable[[float], object] = time.sleep,
    ) -> None:
        self._token = token.strip()
        self._base = api_url.rstrip("/")
        self._host = urlsplit(self._base).netloc or self._base
        self._timeout = timeout
        self._http = httpx.Client(timeout=httpx.Timeout(timeout, connect=10.0))
        self._sleep = sleep
        self.requests = 0

    def close(self) -> None:
        self._http.close()

    # ------------------------------------------------------------ the bot

    def get_me(self) -> dict[str, Any]:
        me = self.call("getMe")
        if not isinstance(me, dict) or not me.get("username"):
            raise ChannelProblem("Telegram answered getMe without the bot's username.", False)
        if me.get("is_bot") is False:
            raise ChannelProblem(
                "This token belongs to a user account, not a bot: create a bot with @BotFather.",
                retry=False,
            )
        return me

    # ------------------------------------------------------------ updates

    def get_updates(
        self, offset: int | None, timeout: int, allowed: Sequence[str] = ALLOWED_UPDATES
    ) -> list[dict[str, Any]]:
        """Updates from `offset` on (which confirms every earlier one), waiting up to `timeout`
        seconds for the first to arrive."""
        params: dict[str, Any] = {"timeout": timeout, "allowed_updates": list(allowed)}
        if offset is not None:
            params["offset"] = offset
        result = self.call("getUpdates", params, read_timeout=self._timeout + timeout)
        if not isinstance(result, list):
            raise ChannelProblem("Telegram answered getUpdates with something not a list.", True)
        return [u for u in result if isinstance(u, dict)]

    def set_webhook(
        self, url: str, secret_token: str, allowed: Sequence[str] = ALLOWED_UPDATES
    ) -> None:
        self.call(
            "setWebhook",
            {"url": url, "secret_token": secret_token, "allowed_updates": list(allowed)},
        )

    def delete_webhook(self) -> None:
        """Stop webhook delivery; pending updates stay for getUpdates (none are dropped)."""
        self.call("deleteWebhook", {"drop_pending_updates": False})

    def webhook_info(self) -> dict[str, Any]:
        info = self.call("getWebhookInfo")
        return info if isinstance(info, dict) else {}

    # ------------------------------------------------------------ sending

    def send_message(self, chat_id: int | str, text: str, reply_to: int | None) -> dict[str, Any]:
        """Send `text` to the chat, as a reply to message `reply_to` when it still exists.
        Flood control is raised (TelegramRefusal.rate_limited), not waited out here; a group
        that became a supergroup is written to under its new id."""
        params: dict[str, Any] = {"chat_id": chat_id, "text": text}
        if reply_to is not None:
            params["reply_parameters"] = {
                "message_id": reply_to,
                "allow_sending_without_reply": True,
            }
        try:
            sent = self.call("sendMessage", params, wait_when_limited=False)
        except TelegramRefusal as refused:
            if refused.migrate_to_chat_id is None:
                raise
            # refused, so nothing was sent: the same message goes to the supergroup
            params["chat_id"] = refused.migrate_to_chat_id
            params.pop("reply_parameters", None)  # message ids do not carry over
            sent = self.call("sendMessage", params, wait_when_limited=False)
        if not isinstance(sent, dict) or not isinstance(sent.get("message_id"), int):
            raise ChannelProblem("Telegram accepted the reply but did not say its id.", False)
        return sent

    # ------------------------------------------------------------ files

    def download(self, file_id: str) -> bytes:
        """A file's bytes: getFile names its path, valid for at least an hour, then it is
        fetched from /file/bot<token>/<file_path>."""
        info = self.call("getFile", {"file_id": file_id})
        path = info.get("file_path") if isinstance(info, dict) else None
        if not path:
            raise ChannelProblem("Telegram did not say where to download this file.", False)
        size = info.get("file_size") if isinstance(info, dict) else None
        if isinstance(size, int) and size > MAX_DOWNLOAD:
            raise ChannelProblem(
                "Telegram lets bots download files of up to 20 MB; this one is larger.", False
            )
        url = f"{self._base}/file/bot{self._token}/{path}"
        response = self._request("GET", url, None, self._timeout * 4)
        if response.status_code == 404:
            raise ChannelProblem(
                "Telegram no longer has this file (download links expire); try again.", True
            )
        if response.status_code != 200:
            raise refusal(response.status_code, _json(response), "file")
        return response.content

    # ------------------------------------------------------------ the one way in

    def call(
        self,
        method: str,
        params: dict[str, Any] | None = None,
        *,
        read_timeout: float | None = None,
        wait_when_limited: bool = True,
    ) -> Any:
        """POST a method with JSON parameters; its `result`, or a problem in plain words."""
        url = f"{self._base}/bot{self._token}/{method}"
        for attempt in range(MAX_429_RETRIES + 1):
            response = self._request("POST", url, params or {}, read_timeout)
            payload = _json(response)
            if response.status_code == 200 and isinstance(payload, dict) and payload.get("ok"):
                return payload.get("result")
            if not isinstance(payload, dict) or "ok" not in payload:
                if response.status_code >= 500:  # a proxy's error page: the outcome is unknown
                    raise ChannelProblem(
                        f"Telegram is having trouble (HTTP {response.status_code}); trying again.",
                        retry=True,
                    )
                raise ChannelProblem(
                    f"{self._host} answered {method} with something that is not the Telegram "
                    f"Bot API (HTTP {response.status_code}). Check the API address.",
                    retry=False,
                )
            problem = refusal(response.status_code, payload, method)
            wait = problem.retry_after if problem.retry_after is not None else 1.0
            if (
                problem.rate_limited
                and wait_when_limited
                and attempt < MAX_429_RETRIES
                and wait <= MAX_RETRY_AFTER
            ):
                log.info("Telegram flood control on %s: waiting %.0f s", method, wait)
                self._sleep(wait)
                continue
            log.warning("Telegram %s failed: %s %s", method, problem.code, problem.description)
            raise problem
        raise AssertionError("unreachable")

    def _request(
        self, verb: str, url: str, params: dict[str, Any] | None, read_timeout: float | None
    ) -> httpx.Response:
        timeout = httpx.Timeout(read_timeout or self._timeout, connect=10.0)
        self.requests += 1
        try:
            if verb == "GET":
                return self._http.get(url, timeout=timeout)
            return self._http.post(url, json=params, timeout=timeout)
        except (httpx.ConnectError, httpx.ConnectTimeout) as exc:
            raise Unreachable(
                f"Cannot reach Telegram at {self._host} ({self._scrub(exc)}). Check the "
                "internet connection; trying again.",
                retry=True,
            ) from exc
        except httpx.TimeoutException as exc:
            raise ChannelProblem(
                f"Telegram ({self._host}) did not answer in time; trying again.", retry=True
            ) from exc
        except httpx.HTTPError as exc:
            raise ChannelProblem(
                f"The connection to Telegram at {self._host} broke ({self._scrub(exc)}); "
                "trying again.",
                retry=True,
            ) from exc

    def _scrub(self, exc: Exception) -> str:
        detail = str(exc) or type(exc).__name__
        return detail.replace(self._token, "<token>") if self._token else detail


def _json(response: httpx.Response) -> Any:
    try:
        return response.json()
    except ValueError:
        return None
