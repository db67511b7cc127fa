"""Homeserver answers and network failures in words the user can act on, and whether waiting
helps (retry) or the user must act (a refused password, a deactivated account, a bad address)."""

from __future__ import annotations

import ssl
from types import SimpleNamespace
from typing import Any

import aiohttp
import pytest
from nio import ErrorResponse, LoginError, SyncError

from gastro_hub_desktop.channels.base import ChannelProblem
from gastro_hub_desktop.channels.matrix.problems import TokenRefused, from_error, from_exception

HS = "https://matrix.example.org"
USER = "@jana:example.org"


def answer(kind: type[ErrorResponse], code: str | None, message: str, status: int) -> Any:
    response = kind(message, code)
    response.transport_response = SimpleNamespace(status=status)  # type: ignore[assignment]
    return response


def test_a_refused_password_needs_the_user() -> None:
    problem = from_error(
        answer(LoginError, "M_FORBIDDEN", "Invalid password", 403), HS, USER, "log in"
    )
    assert problem.retry is False
    assert f"{HS} refused the password for {USER}: Invalid password" in str(problem)


def test_a_token_signed_out_elsewhere_means_log_in_again() -> None:
    problem = from_error(
        answer(SyncError, "M_UNKNOWN_TOKEN", "Invalid access token", 401), HS, USER, "sync"
    )
    assert isinstance(problem, TokenRefused) and problem.retry
    assert "signed this app out" in str(problem)


@pytest.mark.parametrize(
    ("code", "message", "status", "retry", "words"),
    [
        ("M_USER_DEACTIVATED", "gone", 403, False, "deactivated"),
        ("M_LIMIT_EXCEEDED", "Too many", 429, True, "slow down"),
        (None, "unknown error", 502, True, "had trouble (502)"),
        (None, "unknown error", 404, False, "No Matrix homeserver answers"),
        ("M_FORBIDDEN", "not in room", 403, False, "refused to send the message"),
        ("M_UNKNOWN", "db locked", 500, True, "had trouble (500)"),
    ],
)
def test_homeserver_answers(
    code: str | None, message: str, status: int, retry: bool, words: str
) -> None:
    doing = "send the message"
    problem = from_error(answer(ErrorResponse, code, message, status), HS, USER, doing)
    assert problem.retry is retry
    assert words in str(problem)


def test_network_failures() -> None:
    refused = aiohttp.ClientConnectorError(
        SimpleNamespace(ssl=None, host="matrix.example.org", port=443),  # type: ignore[arg-type]
        ConnectionRefusedError(111, "Connection refused"),
    )
    problem = from_exception(refused, HS)
    assert problem.retry and "Cannot reach the Matrix homeserver" in str(problem)
    assert "connection refused" in str(problem)
    assert from_exception(TimeoutError(), HS).retry
    assert "did not answer in time" in str(from_exception(TimeoutError(), HS))
    tls = from_exception(ssl.SSLError("certificate verify failed"), HS)
    assert tls.retry is False and "secure connection" in str(tls)
    assert from_exception(aiohttp.ServerDisconnectedError(), HS).retry
    same = ChannelProblem("x", retry=False)
    assert from_exception(same, HS) is same
