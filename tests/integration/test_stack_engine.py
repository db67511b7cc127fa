"""Reaching the Docker engine: a real dockerd answers the short ping; a missing, refusing,
silent or forbidden socket is explained in words the user can act on."""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from tests.dockerd import DockerDaemon, docker_engine  # noqa: F401
from tests.servers import missing

from gastro_hub_desktop.stack.docker_engine import (
    DockerEngine,
    EngineUnreachable,
    default_base_url,
)

ROOT = Path(__file__).resolve().parents[2]


def test_a_running_engine_answers_the_ping(docker_engine: DockerDaemon) -> None:  # noqa: F811
    engine = DockerEngine(docker_engine.base_url, ping_timeout=2)
    check = engine.check()
    assert check.reachable, check.message
    assert check.message.startswith("Docker 20.") or check.message.startswith("Docker 2")
    assert check.message.endswith("is running")
    client = engine.connect()
    try:
        assert client.ping()
        assert client.api.api_version >= "1.41"
    finally:
        client.close()


def test_no_engine_at_the_address_says_how_to_start_it(tmp_path: Path) -> None:
    url = f"unix://{tmp_path / 'docker.sock'}"
    started = time.monotonic()
    check = DockerEngine(url, ping_timeout=1, platform="linux").check()
    assert time.monotonic() - started < 2
    assert not check.reachable
    assert check.message == (
        f"Docker is not running (nothing answers at {url}). Start it with "
        f"`sudo systemctl start docker` (or start Docker Desktop if you use it)."
    )
    for platform, words in (("win32", "Start Docker Desktop from the Start menu"),
                            ("darwin", "Start Docker Desktop from Applications")):  # fmt: skip
        message = DockerEngine(url, platform=platform).check().message
        assert message.startswith("Docker is not running") and words in message
    with pytest.raises(EngineUnreachable, match="Docker is not running"):
        DockerEngine(url).connect()


def test_a_refusing_socket_is_not_running_either(tmp_path: Path) -> None:
    path = tmp_path / "stale.sock"
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(path))
    server.close()  # the file stays, nobody listens: ECONNREFUSED, as after a crash
    message = DockerEngine(f"unix://{path}", platform="linux").check().message
    assert message.startswith("Docker is not running"), message


def test_an_engine_that_does_not_answer_times_out_quickly(tmp_path: Path) -> None:
    path = tmp_path / "silent.sock"
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(path))
    server.listen(5)  # accepts connections (backlog) and never answers
    try:
        started = time.monotonic()
        check = DockerEngine(f"unix://{path}", ping_timeout=0.5, platform="linux").check()
        assert time.monotonic() - started < 3
        assert not check.reachable
        assert "did not answer within 0.5 s: it may still be starting" in check.message
    finally:
        server.close()


def test_an_engine_that_hangs_up_may_be_restarting(tmp_path: Path) -> None:
    path = tmp_path / "hangs-up.sock"
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(path))
    server.listen(5)

    def hang_up() -> None:
        with contextlib.suppress(OSError):
            while True:
                connection, _ = server.accept()
                connection.recv(1024)
                connection.close()  # reads the request, closes without an answer

    threading.Thread(target=hang_up, daemon=True).start()
    try:
        message = DockerEngine(f"unix://{path}", platform="darwin").check().message
    finally:
        server.close()
    assert message == (
        f"Docker stopped answering at unix://{path}: it may be shutting down or restarting. "
        f"If it does not come back, start Docker Desktop from Applications and wait until it "
        f"says Engine running."
    )


def test_permission_denied_on_the_socket_says_join_the_docker_group(
    docker_engine: DockerDaemon,  # noqa: F811
) -> None:
    """As a user without rights on the real engine's socket (root without CAP_DAC_OVERRIDE)."""
    setpriv = shutil.which("setpriv")
    if setpriv is None or os.geteuid() != 0:
        missing("needs root and setpriv (util-linux) to act as a user without socket rights")
    mode = docker_engine.socket.stat().st_mode
    docker_engine.socket.chmod(0)
    try:
        code = (
            "from gastro_hub_desktop.stack.docker_engine import DockerEngine;"
            f"print(DockerEngine({docker_engine.base_url!r}, platform='linux').check().message)"
        )
        out = subprocess.run(
            [setpriv, "--inh-caps=-all", "--bounding-set=-all", "--", sys.executable, "-c", code],
            capture_output=True, text=True, cwd=ROOT, timeout=60,
        )  # fmt: skip
    finally:
        docker_engine.socket.chmod(mode & 0o777)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == (
        f"Docker is running but this user may not use it (permission denied on "
        f"{docker_engine.socket}): add yourself to the docker group with "
        f"`sudo usermod -aG docker $USER`, then log out and back in."
    )
    assert DockerEngine(docker_engine.base_url).check().reachable  # rights are back


def test_the_default_address(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("DOCKER_HOST", "tcp://127.0.0.1:2375")
    assert default_base_url() == "tcp://127.0.0.1:2375"
    assert DockerEngine().base_url == "tcp://127.0.0.1:2375"
    monkeypatch.delenv("DOCKER_HOST")
    assert default_base_url("win32") == "npipe:////./pipe/docker_engine"
    desktop = tmp_path / ".docker" / "run" / "docker.sock"
    desktop.parent.mkdir(parents=True)
    desktop.touch()
    expected = "unix:///var/run/docker.sock"
    if not Path("/var/run/docker.sock").exists():
        expected = f"unix://{desktop}"  # Docker Desktop's socket when there is no system one
    assert default_base_url("darwin", home=tmp_path) == expected
