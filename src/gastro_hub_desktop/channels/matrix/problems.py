"""What went wrong with a Matrix homeserver, in words the user can act on (the log keeps the
detail): refused logins, tokens signed out elsewhere, rate limits, outages, wrong addresses."""

from __future__ import annotations

import ssl
from typing import Any

from gastro_hub_desktop.channels.base import ChannelProblem

ENCRYPTED_TEXT = "This room is end-to-end encrypted; the app cannot read it yet."
ENCRYPTED_PROBLEM = (
    "This room is end-to-end encrypted; the app cannot read it yet (its encryption support, "
    "python-olm, is not installed). Read and answer this message in a Matrix app such as "
    "Element."
)
ENCRYPTED_SEND = (
    "This room is end-to-end encrypted; the app cannot send to it yet. Answer in a Matrix "
    "app such as Element."
)


class TokenRefused(ChannelProblem):
    """The homeserver no longer accepts the stored access token (signed out elsewhere, or the
    password changed): logging in again with the password may fix it."""

    def __init__(self, message: str) -> None:
        super().__init__(message, retry=True)


def http_status(response: Any) -> int | None:
    transport = getattr(response, "transport_response", None)
    return getattr(transport, "status", None)


def from_error(response: Any, homeserver: str, user_id: str, doing: str) -> ChannelProblem:
    """A nio ErrorResponse (or any response that is not the one asked for) explained."""
    code = getattr(response, "status_code", None) or ""
    message = (getattr(response, "message", "") or "").strip()
    status = http_status(response)
    said = f": {message}" if message and message != "unknown error" else ""
    if code in ("M_UNKNOWN_TOKEN", "M_MISSING_TOKEN"):
        return TokenRefused(
            f"The Matrix homeserver {homeserver} signed this app out of {user_id}{said}."
        )
    if code == "M_FORBIDDEN" and doing == "log in":
        return ChannelProblem(
            f"The Matrix homeserver {homeserver} refused the password for {user_id}{said}. "
            "Check the user id and the password (a password changed in another app must be "
            "entered here again).",
            retry=False,
        )
    if code == "M_USER_DEACTIVATED":
        return ChannelProblem(
            f"The Matrix account {user_id} has been deactivated on {homeserver}.", retry=False
        )
    if code == "M_LIMIT_EXCEEDED" or status == 429:
        return ChannelProblem(
            f"The Matrix homeserver {homeserver} asks us to slow down (rate limit). Trying "
            "again by itself.",
            retry=True,
        )
    if status == 404 and not code.startswith("M_"):
        return ChannelProblem(
            f"No Matrix homeserver answers at {homeserver} (404). Check the homeserver "
            "address (e.g. https://matrix.example.org).",
            retry=False,
        )
    if (status is not None and status >= 500) or (status is None and not code):
        shown = f" ({status})" if status else ""
        return ChannelProblem(
            f"The Matrix homeserver {homeserver} had trouble{shown} while we tried to {doing}"
            f"{said}. Trying again by itself.",
            retry=True,
        )
    return ChannelProblem(
        f"The Matrix homeserver {homeserver} refused to {doing} ({code or status}){said}.",
        retry=code not in ("M_FORBIDDEN", "M_NOT_FOUND", "M_INVALID_PARAM", "M_BAD_JSON"),
    )


def from_exception(exc: BaseException, homeserver: str) -> ChannelProblem:
    """A failure below HTTP (refused connection, timeout, TLS, a bad address) explained."""
    if isinstance(exc, ChannelProblem):
        return exc
    import aiohttp

    text = str(exc).strip() or type(exc).__name__
    if isinstance(exc, aiohttp.ClientConnectorCertificateError | ssl.SSLError):
        return ChannelProblem(
            f"The secure connection to {homeserver} failed ({text}). Check the homeserver "
            "address and its certificate.",
            retry=False,
        )
    if isinstance(exc, aiohttp.InvalidURL | ValueError):
        return ChannelProblem(
            f"{homeserver} is not a homeserver address the app can use: write it like "
            "https://matrix.example.org.",
            retry=False,
        )
    if isinstance(exc, TimeoutError):  # asyncio.TimeoutError is the same class
        return ChannelProblem(
            f"The Matrix homeserver {homeserver} did not answer in time. Trying again by itself.",
            retry=True,
        )
    if isinstance(exc, aiohttp.ClientError | OSError):
        reason = "connection refused" if "refused" in text.lower() else text[:160]
        return ChannelProblem(
            f"Cannot reach the Matrix homeserver {homeserver} ({reason}). Trying again by itself.",
            retry=True,
        )
    return ChannelProblem(f"Matrix: {type(exc).__name__}: {text[:200]}", retry=True)
