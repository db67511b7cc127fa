"""Runs the stack through the Docker SDK (never by shelling out to `docker compose`): creates its
networks, volumes and containers with compose's own labels, reports each service's state,
health and resource use, starts, stops, pulls with progress, and reads or follows logs."""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import re
import secrets
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Protocol

import docker
import requests
from docker.models.containers import Container
from docker.types import EndpointConfig, IPAMConfig, IPAMPool
from docker.types import Mount as DockerMount
from docker.utils import parse_repository_tag
from docker.utils.build import tar as build_context_tar

from gastro_hub_desktop.stack.compose import (
    PROJECT_LABEL,
    SERVICE_LABEL,
    ComposeFile,
    ComposeProject,
    NetworkSpec,
    ServiceSpec,
    normalize_project_name,
)
from gastro_hub_desktop.stack.docker_engine import DockerEngine, EngineUnreachable

log = logging.getLogger(__name__)

ONEOFF_LABEL = "com.docker.compose.oneoff"
NUMBER_LABEL = "com.docker.compose.container-number"
CONFIG_HASH_LABEL = "com.docker.compose.config-hash"
IMAGE_LABEL = "com.docker.compose.image"
DEPENDS_LABEL = "com.docker.compose.depends_on"
WORKING_DIR_LABEL = "com.docker.compose.project.working_dir"
CONFIG_FILES_LABEL = "com.docker.compose.project.config_files"
VOLUME_LABEL = "com.docker.compose.volume"
NETWORK_LABEL = "com.docker.compose.network"
APPLIED_BY_LABEL = "io.gastro-hub.applied-by"
DEFAULT_NETWORK = "default"


class SecretStore(Protocol):
    """Where generated stack secrets live (the app passes its keyring-backed Credentials)."""

    def get(self, name: str) -> str | None: ...

    def set(self, name: str, secret: str) -> None: ...


class StackError(RuntimeError):
    """A stack operation failed; the message is meant for the user."""


# ------------------------------------------------------------------ what is reported


@dataclass(frozen=True, slots=True)
class ServiceStatus:
    service: str
    state: str  # running, restarting, exited, created, paused, dead, or "missing" (no container)
    health: str | None = None  # healthy, unhealthy, starting; None without a healthcheck
    container_id: str | None = None
    image: str | None = None
    started_at: datetime | None = None
    uptime: float | None = None  # seconds, while running
    restart_count: int = 0  # restarts done by Docker's restart policy
    healed_count: int = 0  # restarts done by the app (watchdog, or a restart button)
    exit_code: int | None = None
    cpu_percent: float | None = None
    memory_bytes: int | None = None
    memory_limit: int | None = None
    last_health_output: str | None = None

    @property
    def healthy(self) -> bool:
        return self.state == "running" and self.health in ("healthy", None)

    def summary(self) -> str:
        """One line for the panel: "running, healthy, up 3 min, 0.4 % CPU, 12.0 MB"."""
        if self.state == "missing":
            return "not created yet"
        parts = [self.state]
        if self.health:
            parts.append(self.health)
        if self.uptime is not None:
            parts.append(f"up {_duration_words(self.uptime)}")
        elif self.exit_code is not None and self.state != "running":
            parts.append(f"exit code {self.exit_code}")
        if self.cpu_percent is not None:
            parts.append(f"{self.cpu_percent:.1f} % CPU")
        if self.memory_bytes is not None:
            parts.append(f"{self.memory_bytes / 1_000_000:.1f} MB")
        if self.restart_count:
            parts.append(f"restarted {self.restart_count}× by Docker")
        return ", ".join(parts)


@dataclass(frozen=True, slots=True)
class StackStatus:
    reachable: bool
    problem: str | None  # plain words when the engine cannot be reached
    services: tuple[ServiceStatus, ...] = ()

    def service(self, name: str) -> ServiceStatus:
        for status in self.services:
            if status.service == name:
                return status
        raise KeyError(name)

    @property
    def all_healthy(self) -> bool:
        return self.reachable and all(s.healthy for s in self.services)


@dataclass(frozen=True, slots=True)
class PullProgress:
    """One step of downloading an image: per layer while it downloads and extracts."""

    image: str
    layer: str | None
    status: str  # Docker's words: "Downloading", "Extracting", "Pull complete", ...
    current: int | None = None
    total: int | None = None
    layers_done: int = 0
    layers_total: int = 0

    @property
    def fraction(self) -> float | None:
        """How far the whole image is (layers finished plus this layer's share)."""
        if not self.layers_total:
            return None
        share = 0.0
        if self.current is not None and self.total:
            share = min(self.current / self.total, 1.0) / self.layers_total / 2
        return min((self.layers_done / self.layers_total) + share, 1.0)


@dataclass(frozen=True, slots=True)
class LogLine:
    service: str
    time: datetime | None
    text: str


@dataclass
class ApplyReport:
    created: list[str] = field(default_factory=list)
    recreated: list[str] = field(default_factory=list)
    started: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    built: list[str] = field(default_factory=list)
    pulled: list[str] = field(default_factory=list)


# ------------------------------------------------------------------ secrets


def secret_key(project: str, variable: str) -> str:
    return f"docker-stack/{project}/{variable}"


def ensure_secrets(
    names: Iterable[str], project: str, store: SecretStore, environment: Mapping[str, str]
) -> tuple[dict[str, str], list[str]]:
    """The value of each secret: the stored one; else one set by hand in the environment or
    .env (kept, so an existing database keeps its password); else a new strong random one.
    Returns the values and the names generated now. Nothing is written to disk."""
    values: dict[str, str] = {}
    generated: list[str] = []
    for name in names:
        key = secret_key(project, name)
        value = store.get(key)
        if not value:
            value = environment.get(name) or None
            if value is None:
                value = secrets.token_urlsafe(32)
                generated.append(name)
            store.set(key, value)
        values[name] = value
    return values, generated


# ------------------------------------------------------------------ the stack


class Stack:
    """The compose project on one Docker engine; every call talks to the engine afresh."""

    def __init__(
        self,
        project: ComposeProject,
        engine: DockerEngine,
        *,
        health_timeout: float = 180.0,
        generated_secrets: Iterable[str] = (),
    ) -> None:
        self.project = project
        self.engine = engine
        self.health_timeout = health_timeout
        self.generated_secrets = tuple(generated_secrets)
        self._client: docker.DockerClient | None = None
        self._lock = threading.RLock()
        self._held: set[str] = set()
        self._healed: dict[str, int] = {}
        self._acts: dict[str, tuple[int, int | None]] = {}  # service: (from ns, until ns)

    @classmethod
    def open(
        cls,
        compose_path: Path | str,
        engine: DockerEngine,
        *,
        secrets_store: SecretStore | None = None,
        environment: Mapping[str, str] | None = None,
        project_name: str | None = None,
        allow_public_ports: Iterable[str] = (),
        health_timeout: float = 180.0,
    ) -> Stack:
        """Read the compose file, fill in its generated secrets from `secrets_store` (creating
        them on first start), and check it. ComposeError lists what is wrong with the file."""
        source = ComposeFile.read(compose_path)
        variables = {**source.dotenv, **(os.environ if environment is None else environment)}
        generated: list[str] = []
        if secrets_store is not None and source.generated_secrets:
            name = normalize_project_name(
                project_name
                or variables.get("COMPOSE_PROJECT_NAME")
                or str(source.raw.get("name") or "")
                or source.path.parent.name
            )
            values, generated = ensure_secrets(
                source.generated_secrets, name, secrets_store, variables
            )
            variables.update(values)
        project = source.resolve(
            variables, project_name=project_name, allow_public_ports=tuple(allow_public_ports)
        )
        return cls(project, engine, health_timeout=health_timeout, generated_secrets=generated)

    # -- engine access

    def client(self) -> docker.DockerClient:
        with self._lock:
            if self._client is None:
                self._client = self.engine.connect()
            return self._client

    @contextlib.contextmanager
    def _engine(self) -> Iterator[docker.DockerClient]:
        """The client, with connection failures turned into EngineUnreachable (plain words)
        and the engine's refusals into StackError."""
        client = self.client()
        try:
            yield client
        except EngineUnreachable:
            raise
        except docker.errors.APIError as exc:
            if exc.response is not None and exc.response.status_code >= 500 and _gone(exc):
                self._drop_client()
                raise EngineUnreachable(self.engine.explain(exc)) from exc
            raise StackError(_api_words(exc)) from exc
        except (requests.exceptions.ConnectionError, docker.errors.DockerException) as exc:
            self._drop_client()
            raise EngineUnreachable(self.engine.explain(exc)) from exc

    def _drop_client(self) -> None:
        with self._lock:
            if self._client is not None:
                with contextlib.suppress(Exception):
                    self._client.close()
            self._client = None

    def close(self) -> None:
        self._drop_client()

    # -- containers of the project

    def _project_filter(self) -> dict[str, Any]:
        return {"label": [f"{PROJECT_LABEL}={self.project.name}", f"{ONEOFF_LABEL}=False"]}

    def containers(self) -> dict[str, Container]:
        """The project's containers by service (container number 1)."""
        with self._engine() as client:
            found = client.containers.list(all=True, filters=self._project_filter())
        out: dict[str, Container] = {}
        for container in sorted(found, key=lambda c: int(c.labels.get(NUMBER_LABEL, "1"))):
            out.setdefault(container.labels.get(SERVICE_LABEL, ""), container)
        return out

    def container(self, service: str) -> Container | None:
        self.project.service(service)
        return self.containers().get(service)

    def _require(self, service: str) -> Container:
        container = self.container(service)
        if container is None:
            raise StackError(
                f"The service {service!r} has no container yet: start the stack first."
            )
        return container

    def is_held(self, service: str) -> bool:
        """True while the user has stopped the service on purpose (the watchdog leaves it)."""
        with self._lock:
            return service in self._held

    @contextlib.contextmanager
    def _acting(self, service: str) -> Iterator[None]:
        """Marks what the app itself does to a service, so the watchdog does not take the
        events it causes (die, stop) for a crash."""
        with self._lock:
            self._acts[service] = (time.time_ns(), None)
        try:
            yield
        finally:
            with self._lock:
                self._acts[service] = (self._acts[service][0], time.time_ns() + 300_000_000)

    def acted_on(self, service: str, when_ns: int) -> bool:
        """True when an event at `when_ns` came from the app's own start/stop/restart/up."""
        with self._lock:
            since, until = self._acts.get(service, (0, 0))
        return since <= when_ns and (until is None or when_ns <= until)

    def acting_since(self, service: str, when_ns: int) -> bool:
        """True when the app is acting on the service now, or finished after `when_ns`: a
        state read at `when_ns` may be stale."""
        with self._lock:
            since, until = self._acts.get(service, (0, 0))
        return since > 0 and (until is None or until >= when_ns)

    def note_healed(self, service: str) -> None:
        with self._lock:
            self._healed[service] = self._healed.get(service, 0) + 1

    # -- apply

    def up(
        self,
        services: Iterable[str] | None = None,
        *,
        progress: Callable[[PullProgress], None] | None = None,
        wait: bool = True,
        timeout: float | None = None,
    ) -> ApplyReport:
        """Create or update the stack's networks, volumes and containers, start them in
        dependency order, and (with `wait`) return once every one is healthy."""
        names = self.project.start_order(services, with_dependencies=True)
        report = ApplyReport()
        timeout = self.health_timeout if timeout is None else timeout
        with self._engine() as client:
            self._ensure_networks(client, names)
            self._ensure_volumes(client, names)
            existing = self.containers()
            for name in names:
                spec = self.project.services[name]
                for dep in spec.depends_on:
                    if dep.condition == "service_healthy":
                        self.wait_healthy([dep.service], timeout)
                    elif dep.condition == "service_completed_successfully":
                        self._wait_completed(dep.service, timeout)
                image_id = self._ensure_image(client, spec, report, progress)
                digest = _hash(spec.config_hash(), image_id)
                current = existing.get(name)
                with self._lock:
                    self._held.discard(name)
                with self._acting(name):
                    self._apply_one(client, spec, current, digest, image_id, report)
        if wait:
            self.wait_healthy(names, timeout)
        return report

    def _apply_one(
        self,
        client: docker.DockerClient,
        spec: ServiceSpec,
        current: Container | None,
        digest: str,
        image_id: str,
        report: ApplyReport,
    ) -> None:
        name = spec.name
        if current is not None and current.labels.get(CONFIG_HASH_LABEL) == digest:
            if current.status != "running":
                current.start()
                report.started.append(name)
            else:
                report.unchanged.append(name)
            return
        if current is not None:
            log.info("recreating %s: its settings changed", name)
            current.stop(timeout=_grace(spec))
            current.remove()
            report.recreated.append(name)
        else:
            report.created.append(name)
        self._create(client, spec, digest, image_id).start()

    def _ensure_networks(self, client: docker.DockerClient, names: list[str]) -> None:
        for spec in self._networks_for(names):
            if spec.external:
                continue
            found = client.networks.list(names=[spec.name])
            if any(n.name == spec.name for n in found):
                continue
            ipam = None
            if spec.subnet:
                ipam = IPAMConfig(pool_configs=[IPAMPool(subnet=spec.subnet)])
            labels = {**dict(spec.labels), PROJECT_LABEL: self.project.name,
                      NETWORK_LABEL: spec.key}  # fmt: skip
            client.networks.create(
                spec.name, driver=spec.driver, internal=spec.internal, labels=labels, ipam=ipam,
                check_duplicate=True,
            )  # fmt: skip

    def _networks_for(self, names: Iterable[str]) -> list[NetworkSpec]:
        wanted: dict[str, NetworkSpec] = {}
        for name in names:
            spec = self.project.services[name]
            if spec.network_mode:
                continue
            for key in spec.networks or (DEFAULT_NETWORK,):
                wanted[key] = self._network(key)
        return list(wanted.values())

    def _network(self, key: str) -> NetworkSpec:
        if key in self.project.networks:
            return self.project.networks[key]
        return NetworkSpec(key, f"{self.project.name}_{key}")

    def _ensure_volumes(self, client: docker.DockerClient, names: list[str]) -> None:
        keys = {m.source for n in names for m in self.project.services[n].mounts
                if m.kind == "volume"}  # fmt: skip
        for key in sorted(keys):
            spec = self.project.volumes[key]
            if spec.external:
                continue
            try:
                client.volumes.get(spec.name)
            except docker.errors.NotFound:
                labels = {**dict(spec.labels), PROJECT_LABEL: self.project.name,
                          VOLUME_LABEL: spec.key}  # fmt: skip
                client.volumes.create(spec.name, driver=spec.driver, labels=labels)

    def _ensure_image(
        self,
        client: docker.DockerClient,
        spec: ServiceSpec,
        report: ApplyReport,
        progress: Callable[[PullProgress], None] | None,
    ) -> str:
        if spec.build is not None:
            try:
                image = client.images.get(spec.image)
                if spec.pull_policy != "build":
                    return str(image.id)
            except docker.errors.ImageNotFound:
                pass
            self.build(spec.name, progress=progress)
            report.built.append(spec.name)
            return str(client.images.get(spec.image).id)
        try:
            if spec.pull_policy == "always":
                raise docker.errors.ImageNotFound(spec.image)
            return str(client.images.get(spec.image).id)
        except docker.errors.ImageNotFound:
            if spec.pull_policy == "never":
                raise StackError(
                    f"The image {spec.image} of {spec.name!r} is not on this computer and the "
                    f"stack says not to download it (pull_policy: never)."
                ) from None
        self._pull_image(client, spec.image, progress, None)
        report.pulled.append(spec.image)
        return str(client.images.get(spec.image).id)

    def _create(
        self, client: docker.DockerClient, spec: ServiceSpec, digest: str, image_id: str
    ) -> Container:
        labels = {
            **dict(spec.labels),
            PROJECT_LABEL: self.project.name,
            SERVICE_LABEL: spec.name,
            ONEOFF_LABEL: "False",
            NUMBER_LABEL: "1",
            CONFIG_HASH_LABEL: digest,
            IMAGE_LABEL: image_id,
            DEPENDS_LABEL: ",".join(f"{d.service}:{d.condition}:false" for d in spec.depends_on),
            WORKING_DIR_LABEL: str(self.project.folder),
            CONFIG_FILES_LABEL: str(self.project.path),
            APPLIED_BY_LABEL: "gastro-hub-desktop",
        }
        mounts = []
        for mount in spec.mounts:
            if mount.kind == "volume":
                source = self.project.volumes[mount.source].name
                mounts.append(DockerMount(mount.target, source, "volume", mount.read_only))
            elif mount.kind == "bind":
                mounts.append(DockerMount(mount.target, mount.source, "bind", mount.read_only))
            else:
                mounts.append(DockerMount(mount.target, None, "tmpfs"))
        ports: dict[str, Any] = {}
        for port in spec.ports:
            key = f"{port.container_port}/{port.protocol}"
            ports.setdefault(key, []).append((port.host_ip or "", port.host_port))
        kwargs: dict[str, Any] = {
            "image": spec.image,
            "name": spec.container_name or f"{self.project.name}-{spec.name}-1",
            "command": list(spec.command) if spec.command is not None else None,
            "environment": spec.env,
            "labels": labels,
            "healthcheck": spec.healthcheck.to_docker(),
            "restart_policy": spec.restart.to_docker(),
            "mounts": mounts,
            "ports": ports or None,
            "detach": True,
        }
        if spec.entrypoint is not None:
            kwargs["entrypoint"] = list(spec.entrypoint)
        optional = {
            "user": spec.user, "working_dir": spec.working_dir, "stop_signal": spec.stop_signal,
            "hostname": spec.hostname, "mem_limit": spec.mem_limit, "shm_size": spec.shm_size,
        }  # fmt: skip
        kwargs.update({k: v for k, v in optional.items() if v is not None})
        if spec.init:
            kwargs["init"] = True
        if spec.read_only:
            kwargs["read_only"] = True
        stop_timeout = _grace(spec) if spec.stop_grace_period is not None else None
        for key in ("cap_add", "cap_drop", "security_opt"):
            if getattr(spec, key):
                kwargs[key] = list(getattr(spec, key))
        if spec.extra_hosts:
            kwargs["extra_hosts"] = dict(h.replace("=", ":", 1).split(":", 1)
                                         for h in spec.extra_hosts)  # fmt: skip
        networks: list[NetworkSpec] = []
        if spec.network_mode:
            kwargs["network_mode"] = spec.network_mode
        else:
            networks = [self._network(k) for k in spec.networks or (DEFAULT_NETWORK,)]
            first = networks[0]
            kwargs["network"] = first.name
            kwargs["networking_config"] = {
                first.name: EndpointConfig(client.api.api_version, aliases=[spec.name])
            }
        container = _create_container(client, kwargs, stop_timeout)
        for extra in networks[1:]:
            client.networks.get(extra.name).connect(container, aliases=[spec.name])
        return container

    def build(self, service: str, *, progress: Callable[[PullProgress], None] | None = None) -> str:
        """Build the service's image from its Dockerfile (honouring `<Dockerfile>.dockerignore`
        or the context's .dockerignore); returns the image id."""
        spec = self.project.service(service)
        if spec.build is None:
            raise StackError(f"The service {service!r} uses a ready image and is not built here.")
        build = spec.build
        context = Path(build.context)
        ignore = context / f"{build.dockerfile}.dockerignore"
        if not ignore.is_file():
            ignore = context / ".dockerignore"
        patterns = _ignore_patterns(ignore)
        archive = build_context_tar(str(context), exclude=patterns, dockerfile=(build.dockerfile,
                                    None))  # fmt: skip
        with self._engine() as client:
            stream = client.api.build(
                fileobj=archive, custom_context=True, tag=spec.image, dockerfile=build.dockerfile,
                buildargs=dict(build.args) or None, target=build.target,
                network_mode=build.network, rm=True, decode=True,
            )  # fmt: skip
            image_id = None
            for event in stream:
                if "error" in event:
                    raise StackError(f"Building {spec.image} failed: {event['error'].strip()}")
                text = str(event.get("stream") or "").strip()
                if text and progress is not None:
                    progress(PullProgress(spec.image, None, text))
                aux = event.get("aux") or {}
                image_id = aux.get("ID", image_id)
            return str(image_id or client.images.get(spec.image).id)

    # -- pulling

    def pull(
        self,
        services: Iterable[str] | None = None,
        *,
        progress: Callable[[PullProgress], None] | None = None,
        cancel: threading.Event | None = None,
    ) -> list[str]:
        """Download the images of the given services (all by default), reporting progress per
        layer; images that are built locally are skipped. Returns the images pulled."""
        names = list(self.project.services) if services is None else list(services)
        images: list[str] = []
        for name in names:
            spec = self.project.service(name)
            if spec.build is None and spec.image not in images:
                images.append(spec.image)
        with self._engine() as client:
            for image in images:
                if cancel is not None and cancel.is_set():
                    break
                self._pull_image(client, image, progress, cancel)
        return images

    def _pull_image(
        self,
        client: docker.DockerClient,
        image: str,
        progress: Callable[[PullProgress], None] | None,
        cancel: threading.Event | None,
    ) -> None:
        repository, tag = parse_repository_tag(image)
        layers: dict[str, str] = {}
        done_words = ("Pull complete", "Already exists")
        try:
            stream = client.api.pull(repository, tag=tag or "latest", stream=True, decode=True)
        except docker.errors.APIError as exc:
            raise StackError(f"Could not download {image}: {_api_words(exc)}") from exc
        try:
            for event in stream:
                if cancel is not None and cancel.is_set():
                    raise StackError(f"Downloading {image} was cancelled.")
                if "error" in event:
                    raise StackError(f"Could not download {image}: {event['error'].strip()}")
                status = str(event.get("status") or "")
                layer = event.get("id") if "progressDetail" in event else None
                if layer:
                    layers[layer] = status
                detail = event.get("progressDetail") or {}
                if progress is not None:
                    progress(
                        PullProgress(
                            image, layer, status, detail.get("current"), detail.get("total"),
                            sum(1 for s in layers.values() if s in done_words), len(layers),
                        )
                    )  # fmt: skip
        finally:
            with contextlib.suppress(Exception):
                stream.close()

    # -- state

    def status(self, *, resources: bool = True) -> StackStatus:
        """Every service's state, health, uptime and restarts, plus CPU and memory (one
        `stats` sample each, taken in parallel). Never raises when the engine is away."""
        try:
            containers = self.containers()
        except EngineUnreachable as exc:
            return StackStatus(False, str(exc))
        samples: dict[str, dict[str, Any]] = {}
        running = {n: c for n, c in containers.items() if c.status == "running"}
        if resources and running:
            with ThreadPoolExecutor(max_workers=min(8, len(running))) as pool:
                futures = {n: pool.submit(_stats, c) for n, c in running.items()}
                samples = {n: f.result() for n, f in futures.items() if f.result()}
        now = datetime.now(UTC)
        out: list[ServiceStatus] = []
        for name in self.project.services:
            container = containers.get(name)
            if container is None:
                out.append(ServiceStatus(name, "missing"))
                continue
            out.append(self._service_status(name, container, samples.get(name), now))
        return StackStatus(True, None, tuple(out))

    def _service_status(
        self, name: str, container: Container, sample: dict[str, Any] | None, now: datetime
    ) -> ServiceStatus:
        state = container.attrs.get("State") or {}
        health = state.get("Health") or {}
        started = _parse_time(state.get("StartedAt"))
        running = container.status == "running"
        logs = health.get("Log") or []
        cpu, memory, limit = _cpu_memory(sample) if sample else (None, None, None)
        with self._lock:
            healed = self._healed.get(name, 0)
        return ServiceStatus(
            service=name,
            state=container.status,
            health=health.get("Status"),
            container_id=container.id,
            image=(container.attrs.get("Config") or {}).get("Image"),
            started_at=started,
            uptime=(now - started).total_seconds() if running and started else None,
            restart_count=int(container.attrs.get("RestartCount") or 0),
            healed_count=healed,
            exit_code=None if running else state.get("ExitCode"),
            cpu_percent=cpu,
            memory_bytes=memory,
            memory_limit=limit,
            last_health_output=(str(logs[-1].get("Output") or "").strip()[:300] or None)
            if logs
            else None,
        )

    def wait_healthy(self, services: Iterable[str] | None = None, timeout: float = 120) -> None:
        """Return once each service runs and is healthy; StackError with its last words when
        one stops, turns unhealthy for good or takes longer than `timeout`."""
        names = list(self.project.services) if services is None else list(services)
        deadline = time.monotonic() + timeout
        pending = set(names)
        while pending:
            containers = self.containers()
            for name in sorted(pending):
                container = containers.get(name)
                if container is None:
                    raise StackError(f"The service {name!r} has no container: start it first.")
                state = container.attrs.get("State") or {}
                health = (state.get("Health") or {}).get("Status")
                if container.status == "running" and health in ("healthy", None):
                    pending.discard(name)
                elif container.status in ("exited", "dead"):
                    raise StackError(
                        f"The service {name!r} stopped while starting (exit code "
                        f"{state.get('ExitCode')}). Its last log lines:\n"
                        + self._tail_text(container)
                    )
            if not pending:
                return
            if time.monotonic() > deadline:
                raise StackError(
                    f"{', '.join(sorted(pending))} did not become healthy within {timeout:g} s. "
                    f"Last log lines:\n" + "\n".join(
                        self._tail_text(containers[n]) for n in sorted(pending) if n in containers
                    )
                )  # fmt: skip
            time.sleep(0.2)

    def _wait_completed(self, service: str, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            container = self._require(service)
            if container.status in ("exited", "dead"):
                code = (container.attrs.get("State") or {}).get("ExitCode")
                if code == 0:
                    return
                raise StackError(f"The service {service!r} finished with exit code {code}.")
            time.sleep(0.2)
        raise StackError(f"The service {service!r} did not finish within {timeout:g} s.")

    def _tail_text(self, container: Container, lines: int = 10) -> str:
        try:
            return container.logs(tail=lines).decode("utf-8", "replace").rstrip()
        except Exception:
            return "(no logs)"

    # -- start, stop, restart

    def start(self, service: str | None = None) -> None:
        """Start one service (or all, in dependency order); creates what is missing."""
        names = self.project.start_order(None if service is None else [service])
        containers = self.containers()
        missing = [n for n in names if n not in containers]
        if missing:
            self.up(names, wait=False)
            return
        with self._engine():
            for name in names:
                with self._lock:
                    self._held.discard(name)
                if containers[name].status != "running":
                    with self._acting(name):
                        containers[name].start()

    def stop(self, service: str | None = None, timeout: float | None = None) -> None:
        """Stop one service (or all, dependants first); the watchdog leaves it stopped."""
        names = self.project.start_order(None if service is None else [service])
        containers = self.containers()
        with self._engine():
            for name in reversed(names):
                with self._lock:
                    self._held.add(name)
                container = containers.get(name)
                if container is not None and container.status in ("running", "restarting"):
                    grace = _grace(self.project.services[name]) if timeout is None else timeout
                    with self._acting(name):
                        container.stop(timeout=grace)

    def restart(self, service: str | None = None, timeout: float | None = None) -> None:
        """Restart one service (or all, in dependency order)."""
        names = self.project.start_order(None if service is None else [service])
        containers = self.containers()
        with self._engine():
            for name in names:
                with self._lock:
                    self._held.discard(name)
                container = containers.get(name)
                if container is None:
                    self.up([name], wait=False)
                    continue
                grace = _grace(self.project.services[name]) if timeout is None else timeout
                with self._acting(name):
                    container.restart(timeout=grace)

    def down(self, *, remove_volumes: bool = False) -> None:
        """Stop and remove the project's containers and networks (and volumes if asked)."""
        with self._engine() as client:
            containers = client.containers.list(
                all=True, filters={"label": f"{PROJECT_LABEL}={self.project.name}"}
            )
            for container in containers:
                service = container.labels.get(SERVICE_LABEL, "")
                spec = self.project.services.get(service)
                with self._lock:
                    self._held.add(service)
                with contextlib.suppress(docker.errors.NotFound), self._acting(service):
                    container.stop(timeout=_grace(spec) if spec else 10)
                    container.remove(force=True)
            label = {"label": f"{PROJECT_LABEL}={self.project.name}"}
            for network in client.networks.list(filters=label):
                with contextlib.suppress(docker.errors.NotFound):
                    network.remove()
            if remove_volumes:
                for volume in client.volumes.list(filters=label):
                    with contextlib.suppress(docker.errors.NotFound):
                        volume.remove(force=True)
        with self._lock:
            self._held.update(self.project.services)

    # -- logs

    def logs(
        self,
        service: str,
        *,
        follow: bool = True,
        tail: int | str = 100,
        since: datetime | float | None = None,
    ) -> LogFollow:
        """A service's log lines; with `follow` it keeps yielding new ones until `stop()`."""
        container = self._require(service)
        with self._engine():
            stream = container.logs(
                stream=True, follow=follow, timestamps=True, tail=tail, since=_since(since)
            )
        return LogFollow(service, stream)

    def search_logs(
        self,
        text: str,
        services: Iterable[str] | None = None,
        *,
        tail: int | str = 5000,
        since: datetime | float | None = None,
        regex: bool = False,
        case_sensitive: bool = False,
    ) -> list[LogLine]:
        """Log lines (oldest first, across services) that contain `text` (or match it as a
        regular expression)."""
        flags = 0 if case_sensitive else re.IGNORECASE
        pattern = re.compile(text if regex else re.escape(text), flags)
        names = list(self.project.services) if services is None else list(services)
        containers = self.containers()
        found: list[LogLine] = []
        with self._engine():
            for name in names:
                container = containers.get(name)
                if container is None:
                    continue
                raw = container.logs(timestamps=True, tail=tail, since=_since(since))
                for line in raw.decode("utf-8", "replace").splitlines():
                    parsed = _log_line(name, line)
                    if pattern.search(parsed.text):
                        found.append(parsed)
        epoch = datetime.min.replace(tzinfo=UTC)
        found.sort(key=lambda line: line.time or epoch)
        return found


class LogFollow:
    """Log lines as they come; iterate it (on a worker thread), `stop()` from anywhere."""

    def __init__(self, service: str, stream: Any) -> None:
        self.service = service
        self._stream = stream
        self._stopped = threading.Event()

    def __iter__(self) -> Iterator[LogLine]:
        buffer = b""
        try:
            for chunk in self._stream:
                if self._stopped.is_set():
                    return
                buffer += chunk
                while b"\n" in buffer:
                    line, buffer = buffer.split(b"\n", 1)
                    yield _log_line(self.service, line.decode("utf-8", "replace"))
        except Exception:
            if not self._stopped.is_set():
                raise
            return
        if buffer.strip() and not self._stopped.is_set():
            yield _log_line(self.service, buffer.decode("utf-8", "replace"))

    def stop(self) -> None:
        self._stopped.set()
        with contextlib.suppress(Exception):
            self._stream.close()

    @property
    def stopped(self) -> bool:
        return self._stopped.is_set()

    def __enter__(self) -> LogFollow:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()


# ------------------------------------------------------------------ helpers


def _create_container(
    client: docker.DockerClient, kwargs: dict[str, Any], stop_timeout: int | None
) -> Container:
    """`containers.create`, plus the container's own stop timeout (compose's
    stop_grace_period, which Docker also honours when it shuts down), which the SDK's
    high-level call does not pass on."""
    if stop_timeout is None:
        return client.containers.create(**kwargs)
    from docker.models.containers import _create_container_args

    create_kwargs = _create_container_args({**kwargs, "version": client.api.api_version})
    create_kwargs["stop_timeout"] = stop_timeout
    answer = client.api.create_container(**create_kwargs)
    return client.containers.get(answer["Id"])


def _hash(config_hash: str, image_id: str) -> str:
    return hashlib.sha256(f"{config_hash}:{image_id}".encode()).hexdigest()


def _grace(spec: ServiceSpec) -> int:
    return max(1, round(spec.stop_grace_period)) if spec.stop_grace_period is not None else 10


def _gone(exc: docker.errors.APIError) -> bool:
    text = str(exc).lower()
    return "connection refused" in text or "no such file" in text


def _api_words(exc: docker.errors.APIError) -> str:
    explanation = exc.explanation if isinstance(exc.explanation, str) else None
    return (explanation or str(exc)).strip()


def _stats(container: Container) -> dict[str, Any]:
    try:
        return dict(container.stats(stream=False))
    except Exception:
        log.debug("no stats for %s", container.name, exc_info=True)
        return {}


def _cpu_memory(sample: dict[str, Any]) -> tuple[float | None, int | None, int | None]:
    cpu_stats = sample.get("cpu_stats") or {}
    pre = sample.get("precpu_stats") or {}
    cpu: float | None = None
    usage = (cpu_stats.get("cpu_usage") or {}).get("total_usage")
    pre_usage = (pre.get("cpu_usage") or {}).get("total_usage")
    system, pre_system = cpu_stats.get("system_cpu_usage"), pre.get("system_cpu_usage")
    if None not in (usage, pre_usage, system, pre_system) and system > pre_system:
        cpus = cpu_stats.get("online_cpus") or len(
            (cpu_stats.get("cpu_usage") or {}).get("percpu_usage") or [1]
        )
        cpu = max(0.0, (usage - pre_usage) / (system - pre_system) * cpus * 100.0)
    memory_stats = sample.get("memory_stats") or {}
    memory = memory_stats.get("usage")
    if memory is not None:
        detail = memory_stats.get("stats") or {}
        cache = detail.get("total_inactive_file", detail.get("inactive_file", 0))
        memory = max(0, int(memory) - int(cache or 0))
    limit = memory_stats.get("limit")
    return cpu, memory, int(limit) if limit is not None else None


def _parse_time(value: Any) -> datetime | None:
    if not value or str(value).startswith("0001-"):
        return None
    text = str(value).rstrip("Z")
    if "." in text:
        head, frac = text.split(".", 1)
        text = f"{head}.{frac[:6]}"
    try:
        return datetime.fromisoformat(text).replace(tzinfo=UTC)
    except ValueError:
        return None


def _log_line(service: str, line: str) -> LogLine:
    stamp, sep, rest = line.partition(" ")
    when = _parse_time(stamp) if sep else None
    if when is None:
        return LogLine(service, None, line.rstrip("\r"))
    return LogLine(service, when, rest.rstrip("\r"))


def _since(value: datetime | float | None) -> datetime | int | None:
    if value is None or isinstance(value, datetime):
        return value
    return int(value)


def _ignore_patterns(path: Path) -> list[str]:
    if not path.is_file():
        return []
    lines = path.read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


def _duration_words(seconds: float) -> str:
    if seconds < 90:
        return f"{seconds:.0f} s"
    if seconds < 5400:
        return f"{seconds / 60:.0f} min"
    if seconds < 172800:
        return f"{seconds / 3600:.1f} h"
    return f"{seconds / 86400:.1f} days"
