"""Reads the stack's docker-compose.yml into plain, checked data: variables filled in like
`docker compose` does, and the app's rules enforced (a healthcheck and a restart policy on every
service, ports only on 127.0.0.1) with problems told in plain words."""

from __future__ import annotations

import hashlib
import json
import os
import re
import shlex
from collections.abc import Collection, Iterable, Mapping
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import yaml

PROJECT_LABEL = "com.docker.compose.project"
SERVICE_LABEL = "com.docker.compose.service"
EXTENSION = "x-gastro-hub"  # top-level extension block; `docker compose` ignores x- keys
LOOPBACK = ("127.0.0.1", "::1")
RESTART_POLICIES = ("always", "unless-stopped", "on-failure")

SUPPORTED_SERVICE_KEYS = frozenset(
    {
        "image", "build", "command", "entrypoint", "environment", "env_file", "ports",
        "volumes", "healthcheck", "restart", "labels", "depends_on", "network_mode",
        "networks", "init", "user", "working_dir", "stop_grace_period", "stop_signal",
        "container_name", "hostname", "tmpfs", "read_only", "mem_limit", "shm_size",
        "cap_add", "cap_drop", "security_opt", "extra_hosts", "pull_policy",
    }
)  # fmt: skip
SUPPORTED_TOP_KEYS = frozenset({"name", "version", "services", "volumes", "networks"})


class ComposeError(ValueError):
    """The compose file cannot be used; `problems` are sentences meant for the user."""

    def __init__(self, path: Path | str, problems: Iterable[str]) -> None:
        self.path = str(path)
        self.problems = list(dict.fromkeys(problems))  # each problem once, in order
        lines = "\n".join(f"  - {p}" for p in self.problems)
        super().__init__(f"{self.path} cannot be used:\n{lines}")


# ------------------------------------------------------------------ the parsed shape


@dataclass(frozen=True, slots=True)
class Healthcheck:
    test: tuple[str, ...]  # ("CMD", ...) or ("CMD-SHELL", "...")
    interval: float | None = None
    timeout: float | None = None
    retries: int | None = None
    start_period: float | None = None

    def to_docker(self) -> dict[str, Any]:
        """The Engine API's HealthConfig (durations in nanoseconds)."""
        out: dict[str, Any] = {"test": list(self.test)}
        for key in ("interval", "timeout", "start_period"):
            value = getattr(self, key)
            if value is not None:
                out[key] = int(value * 1_000_000_000)
        if self.retries is not None:
            out["retries"] = self.retries
        return out


@dataclass(frozen=True, slots=True)
class PortBinding:
    host_ip: str | None  # None: every network interface
    host_port: int | None  # None: any free port
    container_port: int
    protocol: str = "tcp"

    def describe(self) -> str:
        host = f"{self.host_ip or '0.0.0.0'}:{self.host_port or '(any)'}"
        return f"{host} -> {self.container_port}/{self.protocol}"


@dataclass(frozen=True, slots=True)
class Mount:
    kind: str  # "volume" (a named volume of the project), "bind" (a host folder) or "tmpfs"
    source: str
    target: str
    read_only: bool = False


@dataclass(frozen=True, slots=True)
class Dependency:
    service: str
    condition: str = "service_started"  # service_started | service_healthy | ..._successfully


@dataclass(frozen=True, slots=True)
class BuildSpec:
    context: str  # absolute folder
    dockerfile: str  # relative to the context
    args: tuple[tuple[str, str], ...] = ()
    target: str | None = None
    network: str | None = None


@dataclass(frozen=True, slots=True)
class RestartPolicy:
    name: str
    max_retries: int = 0

    def to_docker(self) -> dict[str, Any]:
        out: dict[str, Any] = {"Name": self.name}
        if self.name == "on-failure" and self.max_retries:
            out["MaximumRetryCount"] = self.max_retries
        return out


@dataclass(frozen=True, slots=True)
class ServiceSpec:
    """One service of the compose file, variables filled in."""

    name: str
    image: str
    healthcheck: Healthcheck
    restart: RestartPolicy
    build: BuildSpec | None = None
    command: tuple[str, ...] | None = None
    entrypoint: tuple[str, ...] | None = None
    environment: tuple[tuple[str, str], ...] = ()
    ports: tuple[PortBinding, ...] = ()
    mounts: tuple[Mount, ...] = ()
    labels: tuple[tuple[str, str], ...] = ()
    depends_on: tuple[Dependency, ...] = ()
    network_mode: str | None = None
    networks: tuple[str, ...] = ()
    init: bool = False
    user: str | None = None
    working_dir: str | None = None
    stop_grace_period: float | None = None
    stop_signal: str | None = None
    container_name: str | None = None
    hostname: str | None = None
    read_only: bool = False
    mem_limit: str | None = None
    shm_size: str | None = None
    cap_add: tuple[str, ...] = ()
    cap_drop: tuple[str, ...] = ()
    security_opt: tuple[str, ...] = ()
    extra_hosts: tuple[str, ...] = ()
    pull_policy: str | None = None

    @property
    def env(self) -> dict[str, str]:
        return dict(self.environment)

    def config_hash(self) -> str:
        """A digest of everything that shapes the container: a change means recreate it."""
        text = json.dumps(asdict(self), sort_keys=True, default=str)
        return hashlib.sha256(text.encode()).hexdigest()


@dataclass(frozen=True, slots=True)
class VolumeSpec:
    key: str  # the name used inside the compose file
    name: str  # the Docker volume's name (project-prefixed unless `name:` or external)
    driver: str = "local"
    external: bool = False
    labels: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True, slots=True)
class NetworkSpec:
    key: str
    name: str
    driver: str = "bridge"
    internal: bool = False
    external: bool = False
    labels: tuple[tuple[str, str], ...] = ()
    subnet: str | None = None


@dataclass(frozen=True)
class ComposeProject:
    """The whole stack: its project name, services in file order, volumes and networks."""

    name: str
    path: Path
    services: dict[str, ServiceSpec]
    volumes: dict[str, VolumeSpec] = field(default_factory=dict)
    networks: dict[str, NetworkSpec] = field(default_factory=dict)
    generated_secrets: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()

    @property
    def folder(self) -> Path:
        return self.path.parent

    def service(self, name: str) -> ServiceSpec:
        try:
            return self.services[name]
        except KeyError:
            known = ", ".join(self.services)
            raise KeyError(f"the stack has no service {name!r} (it has: {known})") from None

    def start_order(
        self, names: Iterable[str] | None = None, *, with_dependencies: bool = False
    ) -> list[str]:
        """Services so that each comes after the ones it depends on (file order otherwise);
        `with_dependencies` adds what the named services need, like `docker compose up x`."""
        wanted = list(self.services) if names is None else list(names)
        for name in wanted:
            self.service(name)  # a plain KeyError for an unknown name
        order: list[str] = []

        def visit(name: str) -> None:
            if name in order:
                return
            for dep in self.services[name].depends_on:
                visit(dep.service)
            order.append(name)

        for name in wanted:
            visit(name)
        return order if with_dependencies else [n for n in order if n in wanted]


# ------------------------------------------------------------------ variables


_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


class _Interpolation:
    """`docker compose` variable rules: $$, $VAR, ${VAR}, ${VAR:-d}, ${VAR-d}, ${VAR:?e},
    ${VAR?e}, ${VAR:+r}, ${VAR+r}; defaults may hold further variables."""

    def __init__(self, variables: Mapping[str, str]) -> None:
        self.variables = variables
        self.problems: list[str] = []
        self.unset: set[str] = set()

    def text(self, value: str, where: str) -> str:
        out: list[str] = []
        i = 0
        while i < len(value):
            ch = value[i]
            if ch != "$":
                out.append(ch)
                i += 1
                continue
            nxt = value[i + 1 : i + 2]
            if nxt == "$":
                out.append("$")
                i += 2
            elif nxt == "{":
                end = _closing_brace(value, i + 2)
                if end < 0:
                    self.problems.append(f"{where}: a '${{' is never closed in {value!r}")
                    return value
                out.append(self._braced(value[i + 2 : end], where))
                i = end + 1
            else:
                match = _NAME.match(value, i + 1)
                if match is None:
                    out.append("$")
                    i += 1
                    continue
                out.append(self._lookup(match.group(), where))
                i = match.end()
        return "".join(out)

    def _lookup(self, name: str, where: str) -> str:
        if name in self.variables:
            return self.variables[name]
        self.unset.add(name)
        return ""

    def _braced(self, body: str, where: str) -> str:
        match = _NAME.match(body)
        if match is None:
            self.problems.append(f"{where}: '${{{body}}}' is not a valid variable")
            return ""
        name, rest = match.group(), body[match.end() :]
        value = self.variables.get(name)
        if not rest:
            return self._lookup(name, where)
        for op in (":-", ":?", ":+", "-", "?", "+"):
            if rest.startswith(op):
                arg = rest[len(op) :]
                break
        else:
            self.problems.append(f"{where}: '${{{body}}}' is not a valid variable expression")
            return ""
        missing = value is None or (op.startswith(":") and value == "")
        if op in (":-", "-"):
            return self.text(arg, where) if missing else str(value)
        if op in (":+", "+"):
            return "" if missing else self.text(arg, where)
        if missing:  # :? and ?
            reason = self.text(arg, where) or "it is required"
            self.problems.append(f"{name} is not set: {reason}")
            return ""
        return str(value)


def _closing_brace(text: str, start: int) -> int:
    depth = 1
    i = start
    while i < len(text):
        if text.startswith("${", i):
            depth += 1
            i += 2
            continue
        if text[i] == "}":
            depth -= 1
            if depth == 0:
                return i
        i += 1
    return -1


def _interpolate(node: Any, interp: _Interpolation, where: str) -> Any:
    if isinstance(node, str):
        return interp.text(node, where)
    if isinstance(node, list):
        return [_interpolate(v, interp, where) for v in node]
    if isinstance(node, dict):
        return {
            key: _interpolate(value, interp, f"{where}.{key}" if where else str(key))
            for key, value in node.items()
        }
    return node


def read_env_file(path: Path) -> dict[str, str]:
    """A `.env` file as `docker compose` reads it: KEY=VALUE lines, # comments, quotes."""
    values: dict[str, str] = {}
    if not path.is_file():
        return values
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("export "):
            line = line[len("export ") :].strip()
        key, sep, value = line.partition("=")
        if not sep:
            continue
        value = value.strip()
        if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
            value = value[1:-1]
        elif " #" in value:
            value = value.split(" #", 1)[0].rstrip()
        values[key.strip()] = value
    return values


# ------------------------------------------------------------------ small value parsers

_DURATION = re.compile(r"(\d+(?:\.\d+)?)(ns|us|µs|ms|s|m|h)")
_UNIT = {"ns": 1e-9, "us": 1e-6, "µs": 1e-6, "ms": 1e-3, "s": 1.0, "m": 60.0, "h": 3600.0}


def parse_duration(value: Any) -> float:
    """'1m30s', '500ms', '10s' (or a plain number of seconds) as seconds."""
    if isinstance(value, bool):
        raise ValueError(f"{value!r} is not a duration")
    if isinstance(value, int | float):
        return float(value)
    text = str(value).strip()
    if re.fullmatch(r"\d+(\.\d+)?", text):
        return float(text)
    pos, total = 0, 0.0
    for match in _DURATION.finditer(text):
        if match.start() != pos:
            break
        total += float(match.group(1)) * _UNIT[match.group(2)]
        pos = match.end()
    if pos != len(text) or not text:
        raise ValueError(f"{value!r} is not a duration like 10s, 1m30s or 500ms")
    return total


def _pairs(value: Any, what: str, problems: list[str], env: Mapping[str, str]) -> dict[str, str]:
    """A list of KEY=VALUE strings or a mapping, as `docker compose` accepts for environment
    and labels; a bare KEY takes its value from the variables (left out when unset)."""
    out: dict[str, str] = {}
    if value is None:
        return out
    if isinstance(value, dict):
        for key, item in value.items():
            if item is None:
                if key in env:
                    out[str(key)] = env[key]
            else:
                out[str(key)] = _scalar(item)
        return out
    if isinstance(value, list):
        for item in value:
            key, sep, rest = str(item).partition("=")
            if sep:
                out[key] = rest
            elif key in env:
                out[key] = env[key]
        return out
    problems.append(f"{what} must be a list of KEY=VALUE or a mapping")
    return out


def _scalar(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _command(value: Any, what: str, problems: list[str]) -> tuple[str, ...] | None:
    if value is None:
        return None
    if isinstance(value, str):
        return tuple(shlex.split(value))
    if isinstance(value, list):
        return tuple(_scalar(v) for v in value)
    problems.append(f"{what} must be a string or a list")
    return None


def _strings(value: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    return tuple(_scalar(v) for v in value)


# ------------------------------------------------------------------ ports


def parse_port(value: Any) -> PortBinding:
    """Compose's short ("127.0.0.1:8080:80/tcp") or long ({target, published, host_ip}) form."""
    if isinstance(value, dict):
        target = value.get("target")
        if target is None:
            raise ValueError("a port entry needs 'target' (the port inside the container)")
        published = value.get("published")
        return PortBinding(
            host_ip=str(value["host_ip"]) if value.get("host_ip") else None,
            host_port=_port_number(published) if published not in (None, "") else None,
            container_port=_port_number(target),
            protocol=str(value.get("protocol") or "tcp"),
        )
    text = str(value).strip()
    protocol = "tcp"
    if "/" in text:
        text, protocol = text.rsplit("/", 1)
    host_ip: str | None = None
    if text.startswith("["):  # [::1]:8080:80
        close = text.find("]")
        host_ip, text = text[1:close], text[close + 2 :]
    parts = text.split(":")
    if len(parts) == 3:
        host_ip, host, container = parts
    elif len(parts) == 2:
        host, container = parts
    elif len(parts) == 1:
        host, container = "", parts[0]
    else:
        raise ValueError(f'{value!r} is not a port like "127.0.0.1:8080:80"')
    if "-" in host or "-" in container:
        raise ValueError(f"{value!r}: port ranges are not supported, list each port")
    return PortBinding(
        host_ip=host_ip or None,
        host_port=_port_number(host) if host else None,
        container_port=_port_number(container),
        protocol=protocol,
    )


def _port_number(value: Any) -> int:
    try:
        number = int(str(value))
    except ValueError:
        raise ValueError(f"{value!r} is not a port number") from None
    if not 0 < number < 65536:
        raise ValueError(f"{number} is not a port number (1-65535)")
    return number


def is_loopback(host_ip: str | None) -> bool:
    return host_ip is not None and (host_ip == "::1" or host_ip.startswith("127."))


# ------------------------------------------------------------------ mounts


def parse_mount(value: Any, folder: Path) -> Mount:
    """A volumes entry: "name:/path[:ro]", "./folder:/path", or the long form."""
    if isinstance(value, dict):
        kind = str(value.get("type") or "volume")
        target = value.get("target")
        if not target:
            raise ValueError("a volumes entry needs 'target' (the path inside the container)")
        source = str(value.get("source") or "")
        if kind == "bind":
            source = str((folder / source).resolve()) if not Path(source).is_absolute() else source
        return Mount(kind, source, str(target), bool(value.get("read_only", False)))
    text = str(value)
    parts = text.split(":")
    if len(parts) == 1:
        raise ValueError(
            f"{text!r}: anonymous volumes are not supported, give the volume a name "
            f'(e.g. "data:{text}")'
        )
    if len(parts) > 3:
        raise ValueError(f'{text!r} is not a volume like "name:/path" or "./folder:/path:ro"')
    source, target = parts[0], parts[1]
    read_only = len(parts) == 3 and "ro" in parts[2].split(",")
    if source.startswith((".", "/", "~")):
        path = Path(source).expanduser()
        return Mount("bind", str((folder / path).resolve()), target, read_only)
    return Mount("volume", source, target, read_only)


# ------------------------------------------------------------------ the file


@dataclass(frozen=True)
class ComposeFile:
    """A compose file as read from disk, before variables are filled in."""

    path: Path
    raw: dict[str, Any]
    dotenv: dict[str, str]

    @classmethod
    def read(cls, path: Path | str) -> ComposeFile:
        path = Path(path).resolve()
        if not path.is_file():
            raise ComposeError(path, [f"the file does not exist (looked at {path})"])
        try:
            raw = yaml.safe_load(path.read_text(encoding="utf-8"))
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            where = f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""
            problem = getattr(exc, "problem", None) or str(exc)
            raise ComposeError(path, [f"it is not valid YAML{where}: {problem}"]) from None
        if not isinstance(raw, dict):
            raise ComposeError(path, ["it holds no compose settings (expected 'services:')"])
        return cls(path, raw, read_env_file(path.parent / ".env"))

    @property
    def generated_secrets(self) -> tuple[str, ...]:
        """Variable names the app generates and keeps in the keyring (x-gastro-hub block)."""
        block = self.raw.get(EXTENSION) or {}
        names = block.get("generated-secrets") if isinstance(block, dict) else None
        return tuple(str(n) for n in names or ())

    def resolve(
        self,
        environment: Mapping[str, str] | None = None,
        *,
        project_name: str | None = None,
        allow_public_ports: Collection[str] = (),
    ) -> ComposeProject:
        """Fill in variables (environment over .env) and check the app's rules."""
        variables = {**self.dotenv, **(os.environ if environment is None else environment)}
        return _Resolver(self, variables, allow_public_ports).project(project_name)


def load_compose(
    path: Path | str,
    environment: Mapping[str, str] | None = None,
    *,
    project_name: str | None = None,
    allow_public_ports: Collection[str] = (),
) -> ComposeProject:
    """Read, fill in and check a compose file; ComposeError lists every problem found."""
    return ComposeFile.read(path).resolve(
        environment, project_name=project_name, allow_public_ports=allow_public_ports
    )


def normalize_project_name(name: str) -> str:
    """`docker compose` project names: lower case letters, digits, '-' and '_'."""
    cleaned = re.sub(r"[^a-z0-9_-]", "", name.lower())
    return cleaned.lstrip("-_")


class _Resolver:
    def __init__(
        self, source: ComposeFile, variables: dict[str, str], allow_public: Collection[str]
    ) -> None:
        self.source = source
        self.variables = variables
        self.allow_public = set(allow_public)
        self.problems: list[str] = []
        self.warnings: list[str] = []

    def project(self, project_name: str | None) -> ComposeProject:
        interp = _Interpolation(self.variables)
        raw = _interpolate(self.source.raw, interp, "")
        self.problems.extend(interp.problems)
        for name in sorted(interp.unset):
            self.warnings.append(f"{name} is not set, so an empty value was used")
        for key in raw:
            if key not in SUPPORTED_TOP_KEYS and not str(key).startswith("x-"):
                self.problems.append(f"the top-level section {key!r} is not supported here")
        name = normalize_project_name(
            project_name
            or self.variables.get("COMPOSE_PROJECT_NAME")
            or str(raw.get("name") or "")
            or self.source.path.parent.name
        )
        if not name:
            self.problems.append("the project has no usable name: add 'name: gastro-hub'")
        volumes = self._volumes(raw.get("volumes"), name)
        networks = self._networks(raw.get("networks"), name)
        services_raw = raw.get("services")
        services: dict[str, ServiceSpec] = {}
        if not isinstance(services_raw, dict) or not services_raw:
            self.problems.append("it defines no services (expected a 'services:' section)")
        else:
            for service_name, body in services_raw.items():
                spec = self._service(str(service_name), body, name, volumes, networks)
                if spec is not None:
                    services[spec.name] = spec
            self._check_dependencies(services)
        if self.problems:
            raise ComposeError(self.source.path, self.problems)
        return ComposeProject(
            name=name,
            path=self.source.path,
            services=services,
            volumes=volumes,
            networks=networks,
            generated_secrets=self.source.generated_secrets,
            warnings=tuple(self.warnings),
        )

    # -- top-level volumes and networks

    def _volumes(self, raw: Any, project: str) -> dict[str, VolumeSpec]:
        out: dict[str, VolumeSpec] = {}
        for key, body in (raw or {}).items():
            body = body or {}
            external = bool(body.get("external", False))
            docker_name = str(body.get("name") or (key if external else f"{project}_{key}"))
            labels = _pairs(body.get("labels"), f"volume {key!r} labels", self.problems, {})
            out[key] = VolumeSpec(
                key, docker_name, str(body.get("driver") or "local"), external,
                tuple(sorted(labels.items())),
            )  # fmt: skip
        return out

    def _networks(self, raw: Any, project: str) -> dict[str, NetworkSpec]:
        out: dict[str, NetworkSpec] = {}
        for key, body in (raw or {}).items():
            body = body or {}
            external = bool(body.get("external", False))
            docker_name = str(body.get("name") or (key if external else f"{project}_{key}"))
            labels = _pairs(body.get("labels"), f"network {key!r} labels", self.problems, {})
            subnet = None
            ipam = body.get("ipam") or {}
            for item in ipam.get("config") or []:
                subnet = item.get("subnet") or subnet
            out[key] = NetworkSpec(
                key, docker_name, str(body.get("driver") or "bridge"),
                bool(body.get("internal", False)), external, tuple(sorted(labels.items())),
                subnet,
            )  # fmt: skip
        return out

    # -- one service

    def _service(
        self,
        name: str,
        body: Any,
        project: str,
        volumes: dict[str, VolumeSpec],
        networks: dict[str, NetworkSpec],
    ) -> ServiceSpec | None:
        where = f"service {name!r}"
        if not re.fullmatch(r"[a-zA-Z0-9._-]+", name):
            self.problems.append(f"{where}: use only letters, digits, '.', '_' and '-' in names")
            return None
        if not isinstance(body, dict):
            self.problems.append(f"{where} has no settings")
            return None
        unknown = sorted(k for k in body if k not in SUPPORTED_SERVICE_KEYS)
        unknown = [k for k in unknown if not str(k).startswith("x-")]
        if unknown:
            self.problems.append(
                f"{where} uses {', '.join(repr(k) for k in unknown)}, which the app cannot "
                f"apply: remove it or ask for support"
            )
        before = len(self.problems)
        build = self._build(body.get("build"), where)
        image = body.get("image")
        if not image and build is None:
            self.problems.append(f"{where} needs an 'image:' (or a 'build:' section)")
        image = str(image or f"{project}-{name}")
        healthcheck = self._healthcheck(body.get("healthcheck"), where)
        restart = self._restart(body.get("restart"), where)
        env = dict(self._env_files(body.get("env_file"), where))
        env.update(_pairs(body.get("environment"), f"{where} environment", self.problems,
                          self.variables))  # fmt: skip
        labels = _pairs(body.get("labels"), f"{where} labels", self.problems, {})
        network_mode = body.get("network_mode")
        ports = self._ports(body.get("ports"), where, name, network_mode)
        mounts = self._mounts(body.get("volumes"), where, volumes)
        tmpfs = _strings(body.get("tmpfs"))
        mounts += tuple(Mount("tmpfs", "", t.split(":")[0]) for t in tmpfs)
        service_networks = self._service_networks(body.get("networks"), where, networks)
        if network_mode and service_networks:
            self.problems.append(f"{where} sets both 'network_mode' and 'networks': keep one")
        if network_mode and network_mode not in ("host", "none"):
            self.problems.append(
                f"{where}: network_mode {network_mode!r} is not supported (use host, none, or "
                f"'networks:')"
            )
        depends = self._depends(body.get("depends_on"), where)
        grace = self._duration(body.get("stop_grace_period"), f"{where} stop_grace_period")
        if len(self.problems) > before or healthcheck is None or restart is None:
            return None
        return ServiceSpec(
            name=name,
            image=image,
            healthcheck=healthcheck,
            restart=restart,
            build=build,
            command=_command(body.get("command"), f"{where} command", self.problems),
            entrypoint=_command(body.get("entrypoint"), f"{where} entrypoint", self.problems),
            environment=tuple(sorted(env.items())),
            ports=ports,
            mounts=mounts,
            labels=tuple(sorted(labels.items())),
            depends_on=depends,
            network_mode=str(network_mode) if network_mode else None,
            networks=service_networks,
            init=bool(body.get("init", False)),
            user=_opt(body.get("user")),
            working_dir=_opt(body.get("working_dir")),
            stop_grace_period=grace,
            stop_signal=_opt(body.get("stop_signal")),
            container_name=_opt(body.get("container_name")),
            hostname=_opt(body.get("hostname")),
            read_only=bool(body.get("read_only", False)),
            mem_limit=_opt(body.get("mem_limit")),
            shm_size=_opt(body.get("shm_size")),
            cap_add=_strings(body.get("cap_add")),
            cap_drop=_strings(body.get("cap_drop")),
            security_opt=_strings(body.get("security_opt")),
            extra_hosts=_strings(body.get("extra_hosts")),
            pull_policy=_opt(body.get("pull_policy")),
        )

    def _build(self, raw: Any, where: str) -> BuildSpec | None:
        if raw is None:
            return None
        if isinstance(raw, str):
            raw = {"context": raw}
        if not isinstance(raw, dict):
            self.problems.append(f"{where}: 'build' must be a folder or a mapping")
            return None
        context = (self.source.path.parent / str(raw.get("context") or ".")).resolve()
        if not context.is_dir():
            self.problems.append(f"{where}: the build folder {context} does not exist")
        dockerfile = str(raw.get("dockerfile") or "Dockerfile")
        if not (context / dockerfile).is_file():
            self.problems.append(f"{where}: the Dockerfile {context / dockerfile} does not exist")
        args = _pairs(raw.get("args"), f"{where} build args", self.problems, self.variables)
        return BuildSpec(
            str(context), dockerfile, tuple(sorted(args.items())), _opt(raw.get("target")),
            _opt(raw.get("network")),
        )  # fmt: skip

    def _healthcheck(self, raw: Any, where: str) -> Healthcheck | None:
        example = 'e.g. test: ["CMD", "redis-cli", "ping"]'
        if raw is None:
            self.problems.append(
                f"{where} has no healthcheck: add one so the app can tell when it is really "
                f"up ({example})"
            )
            return None
        if not isinstance(raw, dict) or raw.get("disable") or not raw.get("test"):
            self.problems.append(
                f"{where} has its healthcheck switched off or without a 'test': give it a test "
                f"({example})"
            )
            return None
        test = raw["test"]
        if isinstance(test, str):
            test = ["CMD-SHELL", test]
        test = [_scalar(t) for t in test]
        if test[0] == "NONE":
            self.problems.append(f"{where} has its healthcheck switched off (test: NONE)")
            return None
        if test[0] not in ("CMD", "CMD-SHELL"):
            self.problems.append(f"{where}: a healthcheck test starts with CMD or CMD-SHELL")
            return None
        retries = raw.get("retries")
        try:
            retries_number = int(retries) if retries is not None else None
        except (TypeError, ValueError):
            self.problems.append(f"{where}: healthcheck retries must be a whole number")
            return None
        return Healthcheck(
            tuple(test),
            self._duration(raw.get("interval"), f"{where} healthcheck interval"),
            self._duration(raw.get("timeout"), f"{where} healthcheck timeout"),
            retries_number,
            self._duration(raw.get("start_period"), f"{where} healthcheck start_period"),
        )

    def _restart(self, raw: Any, where: str) -> RestartPolicy | None:
        if raw is None or raw is False or str(raw) in ("no", "false"):
            self.problems.append(
                f"{where} has no restart policy: add 'restart: unless-stopped' so it comes back "
                f"after a crash or a reboot"
            )
            return None
        text = str(raw)
        name, _, count = text.partition(":")
        if name not in RESTART_POLICIES or (count and name != "on-failure"):
            self.problems.append(
                f"{where}: restart {text!r} is not one of always, unless-stopped, on-failure[:N]"
            )
            return None
        if count and not count.isdigit():
            self.problems.append(f"{where}: restart {text!r} needs a whole number after ':'")
            return None
        return RestartPolicy(name, int(count or 0))

    def _duration(self, raw: Any, what: str) -> float | None:
        if raw is None:
            return None
        try:
            return parse_duration(raw)
        except ValueError as exc:
            self.problems.append(f"{what}: {exc}")
            return None

    def _env_files(self, raw: Any, where: str) -> dict[str, str]:
        out: dict[str, str] = {}
        for item in _strings(raw) if not isinstance(raw, list) else raw:
            entry = item if isinstance(item, dict) else {"path": item}
            path = (self.source.path.parent / str(entry["path"])).resolve()
            if not path.is_file():
                if entry.get("required", True):
                    self.problems.append(f"{where}: the env_file {path} does not exist")
                continue
            out.update(read_env_file(path))
        return out

    def _ports(self, raw: Any, where: str, name: str, network_mode: Any) -> tuple[PortBinding, ...]:
        out: list[PortBinding] = []
        if raw and network_mode in ("host", "none"):
            self.problems.append(
                f"{where} uses network_mode {network_mode} and publishes ports, which then have "
                f"no effect: remove its 'ports'"
            )
            return ()
        for item in raw or []:
            try:
                port = parse_port(item)
            except ValueError as exc:
                self.problems.append(f"{where}: {exc}")
                continue
            if not is_loopback(port.host_ip) and name not in self.allow_public:
                where_to = port.host_ip or "every network interface"
                self.problems.append(
                    f"{where} publishes port {port.host_port or port.container_port} on "
                    f"{where_to}, so other computers could reach it: bind it to this computer "
                    f'only, e.g. "127.0.0.1:{port.host_port or port.container_port}:'
                    f'{port.container_port}"'
                )
                continue
            out.append(port)
        return tuple(out)

    def _mounts(self, raw: Any, where: str, volumes: dict[str, VolumeSpec]) -> tuple[Mount, ...]:
        out: list[Mount] = []
        for item in raw or []:
            try:
                mount = parse_mount(item, self.source.path.parent)
            except ValueError as exc:
                self.problems.append(f"{where}: {exc}")
                continue
            if mount.kind == "volume" and mount.source not in volumes:
                self.problems.append(
                    f"{where} mounts the volume {mount.source!r}, which is not declared under "
                    f"the top-level 'volumes:'"
                )
                continue
            out.append(mount)
        return tuple(out)

    def _service_networks(
        self, raw: Any, where: str, networks: dict[str, NetworkSpec]
    ) -> tuple[str, ...]:
        names = list(raw) if isinstance(raw, dict | list) else []
        for key in names:
            if key not in networks and key != "default":
                self.problems.append(
                    f"{where} joins the network {key!r}, which is not declared under the "
                    f"top-level 'networks:'"
                )
        return tuple(str(n) for n in names)

    def _depends(self, raw: Any, where: str) -> tuple[Dependency, ...]:
        if raw is None:
            return ()
        if isinstance(raw, list):
            return tuple(Dependency(str(n)) for n in raw)
        if isinstance(raw, dict):
            out = []
            for key, body in raw.items():
                condition = str((body or {}).get("condition") or "service_started")
                if condition not in ("service_started", "service_healthy",
                                     "service_completed_successfully"):  # fmt: skip
                    self.problems.append(f"{where}: depends_on condition {condition!r} unknown")
                out.append(Dependency(str(key), condition))
            return tuple(out)
        self.problems.append(f"{where}: 'depends_on' must be a list or a mapping")
        return ()

    def _check_dependencies(self, services: dict[str, ServiceSpec]) -> None:
        for spec in services.values():
            for dep in spec.depends_on:
                if dep.service not in services:
                    self.problems.append(
                        f"service {spec.name!r} depends on {dep.service!r}, which is not a "
                        f"service of this stack"
                    )
        state: dict[str, int] = {}

        def visit(name: str, path: list[str]) -> None:
            if state.get(name) == 2 or name not in services:
                return
            if state.get(name) == 1:
                cycle = " -> ".join([*path[path.index(name) :], name])
                self.problems.append(f"the services depend on each other in a circle: {cycle}")
                return
            state[name] = 1
            for dep in services[name].depends_on:
                visit(dep.service, [*path, name])
            state[name] = 2

        for name in services:
            visit(name, [])


def _opt(value: Any) -> str | None:
    return None if value is None else _scalar(value)
