"""A private Docker engine for the stack tests: dockerd with no default bridge, no iptables and
its own data, exec root and unix socket under a temp folder (started once per session), a
busybox image imported from busybox-static, a loopback registry, and stacks torn down after.

Import the fixtures in a test module: `from tests.dockerd import busybox_image, docker_engine`.
Missing programs skip on a laptop and fail under CI=true, like tests/servers.py."""

from __future__ import annotations

import contextlib
import io
import os
import shutil
import signal
import subprocess
import tarfile
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from tests.servers import free_port, missing, require_binary, wait_until

BUSYBOX_TAG = "local/busybox:1"
TEST_COMPOSE = Path(__file__).resolve().parent / "data" / "stack" / "docker-compose.yml"


@dataclass
class DockerDaemon:
    """dockerd on a unix socket in `folder`; `stop()`/`start()` play an engine outage (same
    data, so containers with a restart policy come back)."""

    dockerd: str
    folder: Path
    process: subprocess.Popen[bytes] | None = None
    starts: int = 0

    @property
    def socket(self) -> Path:
        return self.folder / "docker.sock"

    @property
    def base_url(self) -> str:
        return f"unix://{self.socket}"

    @property
    def data_root(self) -> Path:
        return self.folder / "data"

    def command(self) -> list[str]:
        return [
            self.dockerd,
            "--bridge=none",  # never Docker's default 172.17 bridge
            "--iptables=false",
            "--ip-masq=false",
            f"--data-root={self.data_root}",
            f"--exec-root={self.folder / 'exec'}",
            f"--pidfile={self.folder / 'docker.pid'}",
            f"--host={self.base_url}",
            "--shutdown-timeout=3",
            "--log-level=warn",
        ]

    def start(self, timeout: float = 60) -> None:
        if self.running:
            return
        self.starts += 1
        log = open(self.folder / f"dockerd-{self.starts}.log", "wb")  # noqa: SIM115
        self.process = subprocess.Popen(
            self.command(), stdout=log, stderr=subprocess.STDOUT, start_new_session=True
        )
        log.close()
        try:
            wait_until(self._answers, timeout, "dockerd")
        except RuntimeError:
            self.stop()
            raise RuntimeError(f"dockerd did not start; its log:\n{self.log_tail()}") from None

    def stop(self, timeout: float = 30) -> None:
        process, self.process = self.process, None
        if process is None:
            return
        with contextlib.suppress(ProcessLookupError):
            process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(10)
        with contextlib.suppress(FileNotFoundError):
            self.socket.unlink()

    @property
    def running(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def _answers(self) -> bool:
        if self.process is not None and self.process.poll() is not None:
            raise RuntimeError(f"dockerd exited:\n{self.log_tail()}")
        if not self.socket.exists():
            return False
        import docker

        try:
            client = docker.APIClient(base_url=self.base_url, version="1.41", timeout=2)
            try:
                return bool(client.ping())
            finally:
                client.close()
        except Exception:
            return False

    def client(self) -> Any:
        import docker

        return docker.DockerClient(base_url=self.base_url, version="auto", timeout=60)

    def log_tail(self, lines: int = 30) -> str:
        logs = sorted(self.folder.glob("dockerd-*.log"))
        if not logs:
            return "(no log)"
        return "\n".join(logs[-1].read_text(errors="replace").splitlines()[-lines:])


def _unmount_below(folder: Path) -> None:
    """Overlay and shm mounts left under the data root (after a hard kill) block rmtree."""
    try:
        mounts = Path("/proc/mounts").read_text().splitlines()
    except OSError:
        return
    points = [line.split()[1] for line in mounts if len(line.split()) > 1]
    for point in sorted((p for p in points if p.startswith(str(folder))), reverse=True):
        subprocess.run(["umount", "-l", point], capture_output=True)


@contextlib.contextmanager
def running_dockerd() -> Iterator[DockerDaemon]:
    """A private dockerd for tests and benchmarks (skips/fails when it cannot run here)."""
    dockerd = shutil.which("dockerd") or (
        "/usr/sbin/dockerd" if Path("/usr/sbin/dockerd").exists() else None
    )
    if dockerd is None:
        dockerd = require_binary("dockerd", "apt-get install docker.io")
    if os.geteuid() != 0:
        missing("dockerd needs root here (a rootless engine is not set up for the tests)")
    folder = Path(tempfile.mkdtemp(prefix="gh-dockerd-"))
    daemon = DockerDaemon(dockerd, folder)
    try:
        daemon.start()
        yield daemon
    finally:
        daemon.stop()
        _unmount_below(folder)
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(scope="session")
def docker_engine() -> Iterator[DockerDaemon]:
    """The session's private dockerd. A test may stop and start it; it must leave it running."""
    with running_dockerd() as daemon:
        yield daemon


# ------------------------------------------------------------------ busybox image


def static_busybox() -> Path:
    for candidate in ("/bin/busybox", "/usr/bin/busybox"):
        path = Path(candidate)
        if path.exists() and b"ld-linux" not in path.read_bytes()[:16384]:
            return path
    missing("a static busybox is needed for the test image: apt-get install busybox-static")
    raise AssertionError  # unreachable


def busybox_rootfs_tar(busybox: Path, extra: dict[str, bytes] | None = None) -> bytes:
    """A root file system holding busybox and a symlink per applet (sh, httpd, wget, ...)."""
    applets = subprocess.run([str(busybox), "--list"], capture_output=True, text=True).stdout
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w") as tar:
        for folder, mode in (("bin", 0o755), ("etc", 0o755), ("tmp", 0o1777), ("www", 0o755)):
            info = tarfile.TarInfo(folder)
            info.type, info.mode = tarfile.DIRTYPE, mode
            tar.addfile(info)
        tar.add(str(busybox), arcname="bin/busybox")
        for applet in applets.split():
            if applet == "busybox":
                continue
            info = tarfile.TarInfo(f"bin/{applet}")
            info.type, info.linkname = tarfile.SYMTYPE, "busybox"
            tar.addfile(info)
        files = {"etc/passwd": b"root:x:0:0:root:/root:/bin/sh\n", **(extra or {})}
        for name, data in files.items():
            info = tarfile.TarInfo(name)
            info.size, info.mode = len(data), 0o644
            tar.addfile(info, io.BytesIO(data))
    return buffer.getvalue()


def import_busybox(
    client: Any, tag: str = BUSYBOX_TAG, extra: dict[str, bytes] | None = None
) -> str:
    """`docker import` of the busybox root file system through the SDK; returns the tag."""
    repository, _, version = tag.rpartition(":")
    data = busybox_rootfs_tar(static_busybox(), extra)
    client.api.import_image_from_data(data, repository=repository, tag=version)
    client.images.get(tag)
    return tag


@pytest.fixture(scope="session")
def busybox_image(docker_engine: DockerDaemon) -> str:
    client = docker_engine.client()
    try:
        return import_busybox(client)
    finally:
        client.close()


# ------------------------------------------------------------------ registry on loopback


@dataclass
class LocalRegistry:
    address: str  # 127.0.0.1:PORT (Docker trusts loopback registries without TLS)
    folder: Path
    process: subprocess.Popen[bytes]


@pytest.fixture(scope="session")
def docker_registry(docker_engine: DockerDaemon) -> Iterator[LocalRegistry]:
    """A Docker registry (distribution) on 127.0.0.1, so pulls run for real without internet."""
    binary = require_binary("docker-registry", "apt-get install docker-registry")
    folder = Path(tempfile.mkdtemp(prefix="gh-registry-"))
    port = free_port()
    (folder / "config.yml").write_text(
        "version: 0.1\nlog:\n  level: warn\nstorage:\n  filesystem:\n"
        f"    rootdirectory: {folder / 'data'}\nhttp:\n  addr: 127.0.0.1:{port}\n"
    )
    log = open(folder / "registry.log", "wb")  # noqa: SIM115
    process = subprocess.Popen([binary, "serve", str(folder / "config.yml")], stdout=log,
                               stderr=subprocess.STDOUT)  # fmt: skip
    log.close()
    try:
        import httpx

        def up() -> bool:
            try:
                return httpx.get(f"http://127.0.0.1:{port}/v2/", timeout=1).status_code == 200
            except httpx.HTTPError:
                return False

        wait_until(up, 30, "docker-registry")
        yield LocalRegistry(f"127.0.0.1:{port}", folder, process)
    finally:
        process.terminate()
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()
        shutil.rmtree(folder, ignore_errors=True)


# ------------------------------------------------------------------ stacks for the tests


class MemorySecretStore:
    """The caller's SecretStore for tests that do not need the real keyring (the app passes
    its keyring-backed Credentials)."""

    def __init__(self) -> None:
        self.values: dict[str, str] = {}
        self.writes = 0

    def get(self, name: str) -> str | None:
        return self.values.get(name)

    def set(self, name: str, secret: str) -> None:
        self.writes += 1
        self.values[name] = secret


@dataclass
class StackFactory:
    """Opens copies of the test compose file as uniquely named projects; tears them down."""

    daemon: DockerDaemon
    image: str
    folder: Path
    opened: list[Any] = field(default_factory=list)

    def environment(self, **extra: str) -> dict[str, str]:
        return {"BUSYBOX_IMAGE": self.image, "WEB_PORT": str(free_port()), **extra}

    def compose_copy(self, text: str | None = None, name: str = "docker-compose.yml") -> Path:
        folder = self.folder / uuid.uuid4().hex[:8]
        folder.mkdir(parents=True)
        path = folder / name
        path.write_text(text if text is not None else TEST_COMPOSE.read_text())
        return path

    def open(
        self,
        store: Any | None = None,
        *,
        path: Path | None = None,
        environment: dict[str, str] | None = None,
        project: str | None = None,
        base_url: str | None = None,
        **kwargs: Any,
    ) -> Any:
        from gastro_hub_desktop.stack.docker_engine import DockerEngine
        from gastro_hub_desktop.stack.services import Stack

        stack = Stack.open(
            path or self.compose_copy(),
            DockerEngine(base_url or self.daemon.base_url, ping_timeout=2),
            secrets_store=store if store is not None else MemorySecretStore(),
            environment=environment if environment is not None else self.environment(),
            project_name=project or f"ghtest-{uuid.uuid4().hex[:8]}",
            health_timeout=kwargs.pop("health_timeout", 60),
            **kwargs,
        )
        self.opened.append(stack)
        return stack

    def teardown(self) -> None:
        for stack in self.opened:
            with contextlib.suppress(Exception):
                if not self.daemon.running:
                    self.daemon.start()
                stack.down(remove_volumes=True)
            stack.close()


@pytest.fixture
def stack_factory(
    docker_engine: DockerDaemon, busybox_image: str, tmp_path: Path
) -> Iterator[StackFactory]:
    factory = StackFactory(docker_engine, busybox_image, tmp_path / "stacks")
    try:
        yield factory
    finally:
        factory.teardown()


def wait_for(predicate: Callable[[], Any], timeout: float, what: str) -> Any:
    """Like wait_until, returning the predicate's truthy value, with a readable failure."""
    deadline = time.monotonic() + timeout
    last: Any = None
    while time.monotonic() < deadline:
        last = predicate()
        if last:
            return last
        time.sleep(0.05)
    raise AssertionError(f"{what}: not within {timeout:g} s (last: {last!r})")


__all__ = [
    "DockerDaemon",
    "LocalRegistry",
    "MemorySecretStore",
    "StackFactory",
    "busybox_image",
    "docker_engine",
    "docker_registry",
    "import_busybox",
    "running_dockerd",
    "stack_factory",
    "wait_for",
]
