"""Finds and connects to the Docker engine through the Docker SDK, checks it with a short ping,
and says in plain words what to do when it cannot be reached (start Docker Desktop, start the
service, join the docker group)."""

from __future__ import annotations

import errno
import http.client
import logging
import os
import socket
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import docker
import requests
from docker.constants import DEFAULT_DOCKER_API_VERSION
from docker.utils import kwargs_from_env, version_lt

log = logging.getLogger(__name__)

LINUX_SOCKET = "/var/run/docker.sock"
WINDOWS_PIPE = "npipe:////./pipe/docker_engine"
MIN_API_VERSION = "1.41"  # Docker 20.10, the oldest engine the stack is tested against


class EngineUnreachable(RuntimeError):
    """The Docker engine cannot be used right now; the message is meant for the user."""


@dataclass(frozen=True, slots=True)
class EngineCheck:
    reachable: bool
    message: str  # plain words: "Docker 27.3.1 is running" or what to do about it
    version: str | None = None
    api_version: str | None = None


def default_base_url(platform: str = sys.platform, home: Path | None = None) -> str:
    """DOCKER_HOST when set, else where Docker (Desktop) listens on this kind of computer."""
    if os.environ.get("DOCKER_HOST"):
        return os.environ["DOCKER_HOST"]
    if platform.startswith("win"):
        return WINDOWS_PIPE
    home = home or Path.home()
    candidates = [Path(LINUX_SOCKET), home / ".docker/run/docker.sock",
                  home / ".docker/desktop/docker.sock"]  # fmt: skip
    for candidate in candidates:
        if candidate.exists():
            return f"unix://{candidate}"
    return f"unix://{LINUX_SOCKET}"


class DockerEngine:
    """One Docker engine, found once; `connect()` hands out SDK clients, `check()` pings."""

    def __init__(
        self,
        base_url: str | None = None,
        *,
        ping_timeout: float = 3.0,
        timeout: float = 60.0,
        platform: str = sys.platform,
    ) -> None:
        self._tls: Any = None
        if base_url is None:
            from_env = kwargs_from_env()
            base_url = from_env.get("base_url") or default_base_url(platform)
            self._tls = from_env.get("tls")
        self.base_url = base_url
        self.ping_timeout = ping_timeout
        self.timeout = timeout
        self.platform = platform

    def check(self) -> EngineCheck:
        """Ping the engine (short timeout); never raises."""
        try:
            version = self._probe()
        except Exception as exc:
            return EngineCheck(False, self.explain(exc))
        number = version.get("Version", "?")
        return EngineCheck(True, f"Docker {number} is running", number, version.get("ApiVersion"))

    def connect(self) -> docker.DockerClient:
        """A client for this engine, after a short ping; EngineUnreachable says what to do."""
        try:
            version = self._probe()
        except Exception as exc:
            raise EngineUnreachable(self.explain(exc)) from exc
        api = str(version.get("ApiVersion") or MIN_API_VERSION)
        if version_lt(DEFAULT_DOCKER_API_VERSION, api):
            api = DEFAULT_DOCKER_API_VERSION  # newer engines still speak the SDK's version
        if version_lt(api, MIN_API_VERSION):
            raise EngineUnreachable(
                f"Docker {version.get('Version', '?')} is too old for the stack: update Docker "
                f"(Docker Desktop, or Docker Engine 20.10 or newer)."
            )
        return docker.DockerClient(
            base_url=self.base_url, version=api, timeout=int(self.timeout), tls=self._tls
        )

    def _probe(self) -> dict[str, Any]:
        api = docker.APIClient(
            base_url=self.base_url, version=MIN_API_VERSION, timeout=self.ping_timeout,
            tls=self._tls,
        )  # fmt: skip
        try:
            api.ping()
            return dict(api.version(api_version=False))
        finally:
            api.close()

    # ------------------------------------------------------------------ plain words

    def explain(self, exc: BaseException) -> str:
        """What went wrong reaching the engine, and what the user can do about it."""
        where = self.base_url
        causes = list(_causes(exc))
        if any(_is_permission(c) for c in causes):
            if self.platform.startswith("win"):
                return (
                    f"Docker is running but your Windows user may not use it (access denied on "
                    f"{where}): add yourself to the 'docker-users' group, sign out and in again."
                )
            path = where.removeprefix("unix://")
            return (
                f"Docker is running but this user may not use it (permission denied on {path}): "
                f"add yourself to the docker group with `sudo usermod -aG docker $USER`, then "
                f"log out and back in."
            )
        if any(_is_timeout(c) for c in causes):
            return (
                f"The Docker engine at {where} did not answer within {self.ping_timeout:g} s: it "
                f"may still be starting. Wait a moment; if it stays like this, restart Docker "
                f"({self._how_to_start()})."
            )
        if any(_is_not_running(c) for c in causes):
            return f"Docker is not running (nothing answers at {where}). {self._how_to_start()}."
        if any(_is_dropped(c) for c in causes):
            return (
                f"Docker stopped answering at {where}: it may be shutting down or restarting. "
                f"If it does not come back, {_lower_first(self._how_to_start())}."
            )
        reason = _short(causes[-1] if causes else exc)
        return f"Could not reach the Docker engine at {where}: {reason}. {self._how_to_start()}."

    def _how_to_start(self) -> str:
        if self.platform.startswith("win"):
            return "Start Docker Desktop from the Start menu and wait until it says Engine running"
        if self.platform == "darwin":
            return "Start Docker Desktop from Applications and wait until it says Engine running"
        return "Start it with `sudo systemctl start docker` (or start Docker Desktop if you use it)"


def _causes(exc: BaseException) -> list[BaseException]:
    """`exc` and every exception inside it (causes, contexts and exceptions passed as args)."""
    seen: list[BaseException] = []
    stack: list[BaseException] = [exc]
    while stack:
        current = stack.pop()
        if any(current is s for s in seen) or len(seen) > 50:
            continue
        seen.append(current)
        inner = [a for a in getattr(current, "args", ()) if isinstance(a, BaseException)]
        reason = getattr(current, "reason", None)
        if isinstance(reason, BaseException):
            inner.append(reason)
        for nxt in (current.__cause__, current.__context__, *inner):
            if isinstance(nxt, BaseException):
                stack.append(nxt)
    return seen


def _is_permission(exc: BaseException) -> bool:
    if isinstance(exc, PermissionError):
        return True
    if isinstance(exc, OSError) and exc.errno in (errno.EACCES, errno.EPERM):
        return True
    winerror = getattr(exc, "winerror", None) or (exc.args[0] if exc.args else None)
    return type(exc).__name__ == "error" and winerror == 5  # pywintypes: access denied


def _is_timeout(exc: BaseException) -> bool:
    return isinstance(exc, socket.timeout | TimeoutError | requests.exceptions.Timeout) or (
        "timed out" in str(exc).lower() and not isinstance(exc, requests.ConnectionError)
    )


def _is_not_running(exc: BaseException) -> bool:
    if isinstance(exc, FileNotFoundError | ConnectionRefusedError):
        return True
    if isinstance(exc, OSError) and exc.errno in (errno.ENOENT, errno.ECONNREFUSED):
        return True
    winerror = exc.args[0] if exc.args else None
    return type(exc).__name__ == "error" and winerror == 2  # pywintypes: pipe not found


def _is_dropped(exc: BaseException) -> bool:
    return isinstance(
        exc, http.client.RemoteDisconnected | ConnectionResetError | ConnectionAbortedError
        | BrokenPipeError,
    )  # fmt: skip


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def _short(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    return text[:200]
