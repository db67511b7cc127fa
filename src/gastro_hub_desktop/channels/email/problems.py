"""What went wrong with a mail server, in words the user can act on (the log keeps the detail)."""

from __future__ import annotations

import socket
import ssl

from gastro_hub_desktop.channels.base import ChannelProblem
from gastro_hub_desktop.channels.email.settings import preset_for_host


def explain(exc: BaseException, host: str, port: int, what: str = "IMAP") -> ChannelProblem:
    """Turn a connection or login failure into a ChannelProblem; `retry` says if waiting helps."""
    if isinstance(exc, ChannelProblem):
        return exc
    text = str(exc).strip() or type(exc).__name__
    if isinstance(exc, socket.gaierror):
        return ChannelProblem(
            f"Cannot find the {what} server {host}: the name does not resolve. Check the "
            "server address and the internet connection.",
            retry=True,
        )
    if isinstance(exc, ssl.SSLError | ssl.CertificateError):
        return ChannelProblem(
            f"Secure connection to {host}:{port} failed ({text}). Check the port and the "
            "security setting: SSL/TLS on 993 (IMAP) and 465 (SMTP), STARTTLS on 143 and 587.",
            retry=False,
        )
    if isinstance(exc, ConnectionRefusedError):
        return ChannelProblem(
            f"{host}:{port} refused the connection: the {what} server is down or the port is "
            "wrong. Trying again by itself.",
            retry=True,
        )
    if isinstance(exc, TimeoutError | socket.timeout):
        return ChannelProblem(
            f"{host}:{port} did not answer in time. Trying again by itself.", retry=True
        )
    if _is_login_refusal(exc, text):
        preset = preset_for_host(host)
        hint = f" {preset.login_hint}" if preset else " Check the user name and password."
        return ChannelProblem(
            f"{what} login refused by {host}: {_server_words(text)}.{hint}", retry=False
        )
    if isinstance(exc, OSError):
        return ChannelProblem(
            f"Connection to {host}:{port} lost ({text}). Trying again by itself.", retry=True
        )
    return ChannelProblem(f"{what} error from {host}: {_server_words(text)}", retry=True)


def _is_login_refusal(exc: BaseException, text: str) -> bool:
    name = type(exc).__name__
    lowered = text.lower()
    return (
        name in ("LoginError", "SMTPAuthenticationError")
        or "authenticationfailed" in lowered
        or "authentication failed" in lowered
        or "invalid credentials" in lowered
    )


def _server_words(text: str) -> str:
    cleaned = text.strip("b'\" ")
    for marker in ("[AUTHENTICATIONFAILED]", "[UNAVAILABLE]"):
        cleaned = cleaned.replace(marker, "").strip()
    return cleaned[:200] or "no reason given"


def is_login_refusal(problem: ChannelProblem) -> bool:
    """Whether the server refused the login itself (the password or token), going by the
    failure `explain` was given: a connection or TLS problem is not one."""
    cause = problem.__cause__
    return cause is not None and _is_login_refusal(cause, str(cause).strip())
