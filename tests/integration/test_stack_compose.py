"""The stack's compose files: the real stack/docker-compose.yml passes the app's rules (health
check and restart policy everywhere, ports on 127.0.0.1 only, no secret in the file), and
broken files are refused with every problem told in plain words."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from gastro_hub_desktop.stack.compose import (
    ComposeError,
    ComposeFile,
    load_compose,
    parse_duration,
    parse_port,
)

ROOT = Path(__file__).resolve().parents[2]
REAL = ROOT / "stack" / "docker-compose.yml"
TEST = ROOT / "tests" / "data" / "stack" / "docker-compose.yml"
SECRETS = {
    "POSTGRES_PASSWORD": "pw-for-test",
    "N8N_ENCRYPTION_KEY": "key-for-test",
    "N8N_BASIC_AUTH_PASSWORD": "basic-for-test",
}


def test_the_real_stack_passes_the_rules() -> None:
    project = load_compose(REAL, SECRETS)
    assert project.name == "gastro-hub"
    assert set(project.services) == {"processor", "n8n", "postgres", "redis"}
    for spec in project.services.values():
        assert spec.healthcheck.test[0] in ("CMD", "CMD-SHELL"), spec.name
        assert spec.healthcheck.interval and spec.healthcheck.retries, spec.name
        assert spec.restart.name == "unless-stopped", spec.name
        assert spec.ports, spec.name
        assert all(p.host_ip == "127.0.0.1" for p in spec.ports), spec.name
        assert any(m.kind == "volume" for m in spec.mounts), spec.name
    assert project.services["postgres"].image == "postgres:15"
    assert project.services["redis"].image == "redis:7"
    assert project.services["n8n"].image.startswith("n8nio/n8n:")
    assert "pg_isready" in " ".join(project.services["postgres"].healthcheck.test)
    assert project.services["redis"].healthcheck.test == ("CMD", "redis-cli", "ping")
    processor = project.services["processor"]
    assert processor.build is not None
    assert Path(processor.build.context) == ROOT
    assert (ROOT / processor.build.dockerfile) == ROOT / "stack" / "Dockerfile"
    assert processor.command is None  # the image's CMD: gastro-hub processor
    assert "127.0.0.1:8780/health" in " ".join(processor.healthcheck.test)
    assert project.start_order().index("postgres") < project.start_order().index("processor")
    assert project.generated_secrets == tuple(SECRETS)
    # the secrets reach the services only from the environment given
    assert project.services["postgres"].env["POSTGRES_PASSWORD"] == "pw-for-test"
    assert project.services["n8n"].env["N8N_ENCRYPTION_KEY"] == "key-for-test"
    assert project.services["n8n"].env["N8N_BASIC_AUTH_PASSWORD"] == "basic-for-test"


def test_the_real_stack_holds_no_secret_and_documents_every_variable() -> None:
    text = REAL.read_text()
    for name in SECRETS:
        assert re.search(rf"{name}:\s*\$\{{{name}:\?", text), f"{name} must come from the env"
    used = set(re.findall(r"\$\{([A-Z_][A-Z0-9_]*)", text))
    documented = set(re.findall(r"^([A-Z_][A-Z0-9_]*)=", (REAL.parent / ".env.example").read_text(),
                                re.M))  # fmt: skip
    assert used <= documented, f"not in .env.example: {sorted(used - documented)}"
    example = (REAL.parent / ".env.example").read_text()
    for name in SECRETS:
        assert re.search(rf"^{name}=$", example, re.M), f"{name} must be empty in the example"
    dockerfile = (REAL.parent / "Dockerfile").read_text()
    assert "FROM python:3.11-slim" in dockerfile
    assert 'CMD ["gastro-hub", "processor"]' in dockerfile


def test_the_real_stack_without_its_secrets_says_which_and_where() -> None:
    with pytest.raises(ComposeError) as caught:
        load_compose(REAL, {})
    problems = caught.value.problems
    assert len(problems) == 3  # each missing secret once
    assert any("POSTGRES_PASSWORD is not set" in p and "stack/.env" in p for p in problems)
    assert "docker-compose.yml cannot be used" in str(caught.value)


def test_the_test_stack_has_the_same_shape() -> None:
    project = load_compose(TEST, {"BUSYBOX_IMAGE": "local/busybox:1", "WEB_PORT": "18080",
                                  "APP_SECRET": "s"})  # fmt: skip
    assert project.generated_secrets == ("APP_SECRET",)
    assert {s.network_mode for s in project.services.values()} == {"host", "none"}
    assert project.start_order() == ["web", "worker"]
    web = project.services["web"]
    assert web.healthcheck.interval == 0.5
    assert "http://127.0.0.1:18080/health" in web.healthcheck.test
    assert web.command is not None and "127.0.0.1:18080" in web.command[-1]
    # $$ is compose's escape for a literal $ handed to the shell
    assert "$((n+1))" in project.services["worker"].command[-1]


BROKEN = """\
name: broken
services:
  db:
    image: postgres:15
    ports:
      - "5432:5432"
    volumes:
      - data:/var/lib/postgresql/data
  web:
    image: nginx
    restart: "no"
    healthcheck:
      test: ["CMD", "true"]
    ports:
      - "0.0.0.0:8080:80"
    depends_on: [cache]
  cache:
    image: redis:7
    restart: unless-stopped
    healthcheck:
      disable: true
    deploy:
      replicas: 2
"""


def test_a_broken_stack_is_refused_in_plain_words(tmp_path: Path) -> None:
    path = tmp_path / "docker-compose.yml"
    path.write_text(BROKEN)
    with pytest.raises(ComposeError) as caught:
        load_compose(path, {})
    text = "\n".join(caught.value.problems)
    assert (
        "service 'db' has no healthcheck: add one so the app can tell when it is really up" in text
    )
    assert "service 'db' has no restart policy: add 'restart: unless-stopped'" in text
    assert ("service 'db' publishes port 5432 on every network interface, so other computers "
            "could reach it") in text  # fmt: skip
    assert '"127.0.0.1:5432:5432"' in text
    assert "mounts the volume 'data', which is not declared" in text
    assert "service 'web' has no restart policy" in text
    assert "publishes port 8080 on 0.0.0.0" in text
    assert "service 'cache' has its healthcheck switched off" in text
    assert "service 'cache' uses 'deploy', which the app cannot apply" in text
    assert str(path) in str(caught.value)


def test_public_ports_pass_only_when_allowed(tmp_path: Path) -> None:
    path = tmp_path / "docker-compose.yml"
    path.write_text(
        "services:\n  web:\n    image: nginx\n    restart: always\n"
        "    healthcheck: {test: [CMD, 'true']}\n    ports: ['8080:80']\n"
    )
    with pytest.raises(ComposeError):
        load_compose(path, {})
    project = load_compose(path, {}, allow_public_ports=["web"])
    assert project.services["web"].ports[0].host_ip is None
    assert project.name == normalize(tmp_path.name)


def normalize(name: str) -> str:
    return re.sub(r"[^a-z0-9_-]", "", name.lower()).lstrip("-_")


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("services: [a, b]", "it defines no services"),
        ("services:\n  a: {image: x, restart: always, healthcheck: {test: [CMD, 'true']},"
         " depends_on: [a]}", "depend on each other in a circle: a -> a"),
        ("services:\n  a: {image: x, restart: 'on-failure:x', healthcheck: {test: [CMD, 'true']}}",
         "needs a whole number"),
        ("services:\n  a: {image: x, restart: always, healthcheck: {test: [CMD, 'true'],"
         " interval: soon}}", "'soon' is not a duration"),
        ("services:\n  a: {image: '${IMG:?name the image in IMG}', restart: always,"
         " healthcheck: {test: [CMD, 'true']}}", "IMG is not set: name the image in IMG"),
        ("services:\n  a:\n    image: x\n  b: [", "it is not valid YAML at line"),
        ("services:\n  a: {image: x, restart: always, healthcheck: {test: [CMD, 'true']},"
         " network_mode: host, ports: ['127.0.0.1:80:80']}", "publishes ports, which then have"),
    ],
)  # fmt: skip
def test_each_kind_of_mistake_is_named(tmp_path: Path, text: str, problem: str) -> None:
    path = tmp_path / "docker-compose.yml"
    path.write_text(text)
    with pytest.raises(ComposeError) as caught:
        load_compose(path, {})
    assert problem in str(caught.value)


def test_variables_follow_compose_rules(tmp_path: Path) -> None:
    path = tmp_path / "docker-compose.yml"
    path.write_text(
        "services:\n  a:\n    image: ${IMG:-busybox}\n    restart: always\n"
        "    healthcheck: {test: [CMD-SHELL, 'echo $$HOME']}\n"
        "    environment:\n      EMPTY_DEFAULT: ${EMPTY:-fallback}\n"
        "      DASH_DEFAULT: ${EMPTY-kept-empty}\n      NESTED: ${NOPE:-${INNER}}\n"
        "      PLUS: ${SET:+yes}\n      FROM_ENV:\n      FROM_DOTENV: ${DOTENV}\n"
    )
    (tmp_path / ".env").write_text("# comment\nDOTENV='from .env'\nSET=overridden\n")
    project = load_compose(path, {"EMPTY": "", "INNER": "inner", "FROM_ENV": "e", "SET": "1"})
    spec = project.services["a"]
    assert spec.image == "busybox"
    assert spec.healthcheck.test == ("CMD-SHELL", "echo $HOME")
    assert spec.env == {"EMPTY_DEFAULT": "fallback", "DASH_DEFAULT": "", "NESTED": "inner",
                        "PLUS": "yes", "FROM_ENV": "e", "FROM_DOTENV": "from .env"}  # fmt: skip
    assert ComposeFile.read(path).dotenv["SET"] == "overridden"


def test_ports_and_durations() -> None:
    assert parse_port("127.0.0.1:8080:80").host_ip == "127.0.0.1"
    assert parse_port("[::1]:8080:80/udp") == parse_port(
        {"target": 80, "published": 8080, "host_ip": "::1", "protocol": "udp"}
    )
    assert parse_port("80").host_port is None
    with pytest.raises(ValueError, match="port ranges are not supported"):
        parse_port("127.0.0.1:8000-8001:8000-8001")
    assert parse_duration("1m30s") == 90
    assert parse_duration("500ms") == 0.5
    assert parse_duration(2) == 2
    with pytest.raises(ValueError):
        parse_duration("5 minutes")
