"""The stack on a real (private) dockerd through the SDK: applied with compose's labels, healthy
with uptime, CPU and memory, started/stopped/restarted, logs followed and searched, images
pulled with per-layer progress from a loopback registry and built with a .dockerignore, and
secrets generated once into the caller's store without touching the disk."""

from __future__ import annotations

import os
import threading
import time
from pathlib import Path

import httpx
import pytest
from tests.dockerd import (  # noqa: F401
    DockerDaemon,
    LocalRegistry,
    MemorySecretStore,
    StackFactory,
    busybox_image,
    docker_engine,
    docker_registry,
    import_busybox,
    stack_factory,
    wait_for,
)

from gastro_hub_desktop.stack.compose import ComposeError
from gastro_hub_desktop.stack.docker_engine import DockerEngine
from gastro_hub_desktop.stack.services import (
    CONFIG_HASH_LABEL,
    PullProgress,
    Stack,
    StackError,
    secret_key,
)

pytestmark = pytest.mark.needs_server


def test_apply_brings_the_stack_up_healthy_with_resources(stack_factory: StackFactory) -> None:  # noqa: F811
    environment = stack_factory.environment()
    stack = stack_factory.open(environment=environment)
    report = stack.up()
    assert report.created == ["web", "worker"]  # dependency order: worker waits for web
    answer = httpx.get(f"http://127.0.0.1:{environment['WEB_PORT']}/health", timeout=5)
    assert answer.status_code == 200 and answer.text.strip() == "ok"
    time.sleep(1.1)  # a second of uptime to see
    status = stack.status()
    assert status.reachable and status.problem is None and status.all_healthy
    for service in status.services:
        assert service.state == "running" and service.health == "healthy", service
        assert service.uptime is not None and service.uptime >= 1
        assert service.started_at is not None
        assert service.restart_count == 0
        assert service.cpu_percent is not None and service.cpu_percent >= 0
        assert service.memory_bytes is not None and service.memory_bytes > 0
        assert service.summary().startswith("running, healthy, up ")
        assert "% CPU" in service.summary() and "MB" in service.summary()


def test_containers_carry_compose_labels_and_no_default_bridge(
    stack_factory: StackFactory,  # noqa: F811
    docker_engine: DockerDaemon,  # noqa: F811
) -> None:
    stack = stack_factory.open()
    stack.up()
    name = stack.project.name
    client = docker_engine.client()
    try:
        # what `docker compose ps` asks the engine for
        found = client.containers.list(
            all=True,
            filters={"label": [f"com.docker.compose.project={name}",
                               "com.docker.compose.oneoff=False"]},
        )  # fmt: skip
        assert sorted(c.name for c in found) == [f"{name}-web-1", f"{name}-worker-1"]
        for container in found:
            labels = container.labels
            service = labels["com.docker.compose.service"]
            assert labels["com.docker.compose.container-number"] == "1"
            assert len(labels[CONFIG_HASH_LABEL]) == 64
            assert labels["com.docker.compose.project.config_files"] == str(stack.project.path)
            assert labels["com.docker.compose.project.working_dir"] == str(stack.project.folder)
            assert labels["io.gastro-hub.role"] == service  # the file's own labels kept
            host = container.attrs["HostConfig"]
            assert host["RestartPolicy"]["Name"] == "unless-stopped"
            assert host["NetworkMode"] == ("host" if service == "web" else "none")
            assert container.attrs["Config"]["Healthcheck"]["Interval"] == 500_000_000
            assert container.attrs["Config"]["StopTimeout"] == 1
        assert found[0].labels["com.docker.compose.depends_on"] in ("", "web:service_healthy:false")
        volumes = client.volumes.list(filters={"label": f"com.docker.compose.project={name}"})
        assert sorted(v.name for v in volumes) == [f"{name}_web-content", f"{name}_worker-state"]
        assert {v.attrs["Labels"]["com.docker.compose.volume"] for v in volumes} == {
            "web-content", "worker-state"}  # fmt: skip
        assert not client.networks.list(names=["bridge"])  # dockerd runs with --bridge=none
    finally:
        client.close()


def test_applying_again_changes_only_what_changed(stack_factory: StackFactory) -> None:  # noqa: F811
    store = MemorySecretStore()
    environment = stack_factory.environment()
    path = stack_factory.compose_copy()
    stack = stack_factory.open(store, path=path, environment=environment, project="ghtest-again")
    stack.up()
    ids = {n: c.id for n, c in stack.containers().items()}
    again = stack_factory.open(store, path=path, environment=environment, project="ghtest-again")
    report = again.up()
    assert report.unchanged == ["web", "worker"] and not report.created + report.recreated
    assert {n: c.id for n, c in again.containers().items()} == ids
    moved = {**environment, "WEB_PORT": str(int(environment["WEB_PORT"]) + 1)}
    changed = stack_factory.open(store, path=path, environment=moved, project="ghtest-again")
    report = changed.up()
    assert report.recreated == ["web"] and report.unchanged == ["worker"]
    after = {n: c.id for n, c in changed.containers().items()}
    assert after["worker"] == ids["worker"] and after["web"] != ids["web"]
    assert changed.status(resources=False).all_healthy


def test_start_stop_and_restart_one_service_or_all(stack_factory: StackFactory) -> None:  # noqa: F811
    stack = stack_factory.open()
    stack.up()
    stack.stop("worker")
    assert stack.status(resources=False).service("worker").state == "exited"
    assert stack.status(resources=False).service("web").state == "running"
    assert stack.is_held("worker")
    stack.start("worker")
    assert not stack.is_held("worker")
    stack.wait_healthy(["worker"], 30)
    before = stack.status(resources=False).service("web").started_at
    stack.restart("web")
    stack.wait_healthy(["web"], 30)
    after = stack.status(resources=False).service("web")
    assert after.started_at is not None and before is not None and after.started_at > before
    stack.stop()
    states = {s.service: s.state for s in stack.status(resources=False).services}
    assert states == {"web": "exited", "worker": "exited"}
    assert "exit code" in stack.status(resources=False).service("web").summary()
    stack.start()
    stack.wait_healthy(timeout=30)
    assert stack.status(resources=False).all_healthy


def test_logs_follow_until_stopped_and_search(stack_factory: StackFactory) -> None:  # noqa: F811
    stack = stack_factory.open()
    stack.up()
    follow = stack.logs("worker", follow=True, tail=0)
    seen: list[str] = []
    done = threading.Event()

    def read() -> None:
        for line in follow:
            seen.append(line.text)
        done.set()

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    wait_for(lambda: len(seen) >= 3, 10, "three new worker lines")
    assert all(line.startswith("tick ") for line in seen)
    numbers = [int(line.split()[1]) for line in seen]
    assert numbers == sorted(numbers) and len(set(numbers)) == len(numbers)
    follow.stop()
    assert done.wait(3), "the log follower did not end after stop()"
    count = len(seen)
    time.sleep(0.5)
    assert len(seen) == count and follow.stopped

    wait_for(lambda: stack.search_logs("tick 21"), 15, "a logged tick 21")
    found = stack.search_logs("tick 2")  # a plain substring: tick 2, tick 20, tick 21, ...
    assert found[0].service == "worker" and found[0].text == "tick 2"
    assert found[0].time is not None
    assert [line.text for line in found[:3]] == ["tick 2", "tick 20", "tick 21"]
    assert [line.text for line in stack.search_logs("TICK 1", ["worker"])][:2] == [
        "tick 1", "tick 10"]  # fmt: skip
    assert stack.search_logs("TICK 1", case_sensitive=True) == []
    tens = stack.search_logs(r"^tick [1-2]0$", regex=True)
    assert [line.text for line in tens] == ["tick 10", "tick 20"]
    web = stack.search_logs("web listening on 127.0.0.1")
    assert [line.service for line in web] == ["web"]
    with pytest.raises(KeyError, match="no service 'nope'"):
        stack.logs("nope")


def test_secrets_are_generated_once_kept_in_the_keyring_and_never_on_disk(
    stack_factory: StackFactory,  # noqa: F811
    secret_service: dict[str, str],
    data_dir: Path,
    tmp_path: Path,
) -> None:
    from keyring.backends.SecretService import Keyring

    from gastro_hub_desktop.credentials import Credentials

    credentials = Credentials(Keyring())
    environment = stack_factory.environment()
    path = stack_factory.compose_copy()
    stack = stack_factory.open(credentials, path=path, environment=environment,
                               project="ghtest-secrets")  # fmt: skip
    assert stack.generated_secrets == ("APP_SECRET",)
    secret = credentials.get(secret_key("ghtest-secrets", "APP_SECRET"))
    assert secret is not None and len(secret) >= 43  # token_urlsafe(32)
    assert "APP_SECRET" not in environment  # the caller's mapping is not touched
    stack.up()
    env = stack.container("web").attrs["Config"]["Env"]
    assert f"APP_SECRET={secret}" in env  # handed to the container as environment

    again = stack_factory.open(credentials, path=path, environment=environment,
                               project="ghtest-secrets")  # fmt: skip
    assert again.generated_secrets == ()
    assert again.project.services["web"].env["APP_SECRET"] == secret
    assert again.up().unchanged == ["web", "worker"]

    # nothing of ours holds it on disk: the data folder, the compose folder, the test's folder
    data_dir.mkdir(parents=True, exist_ok=True)
    for folder in (data_dir, path.parent, tmp_path):
        for file in folder.rglob("*"):
            if file.is_file():
                assert secret.encode() not in file.read_bytes(), f"secret found in {file}"
    assert not (path.parent / ".env").exists()


def test_a_secret_set_by_hand_is_adopted_and_none_means_a_plain_error(
    stack_factory: StackFactory,  # noqa: F811
    docker_engine: DockerDaemon,  # noqa: F811
) -> None:
    store = MemorySecretStore()
    environment = stack_factory.environment(APP_SECRET="chosen-by-hand")
    stack = stack_factory.open(store, environment=environment, project="ghtest-adopt")
    assert stack.generated_secrets == ()
    assert store.values == {secret_key("ghtest-adopt", "APP_SECRET"): "chosen-by-hand"}
    with pytest.raises(ComposeError, match="APP_SECRET is not set: the app generates APP_SECRET"):
        Stack.open(stack_factory.compose_copy(), DockerEngine(docker_engine.base_url),
                   environment=stack_factory.environment())  # fmt: skip


def test_pull_reports_progress_per_layer_from_a_registry(
    stack_factory: StackFactory,  # noqa: F811
    docker_engine: DockerDaemon,  # noqa: F811
    docker_registry: LocalRegistry,  # noqa: F811
) -> None:
    image = f"{docker_registry.address}/gh/pulled:1"
    client = docker_engine.client()
    try:
        import_busybox(client, image, extra={"payload.bin": os.urandom(4_000_000)})
        for event in client.api.push(image.rsplit(":", 1)[0], "1", stream=True, decode=True):
            assert "error" not in event, event
        client.images.remove(image, force=True)
    finally:
        client.close()
    compose = (
        stack_factory.compose_copy()
        .read_text()
        .replace("image: ${BUSYBOX_IMAGE}", f"image: {image}")
    )
    stack = stack_factory.open(path=stack_factory.compose_copy(compose))
    assert stack.project.services["worker"].image == image
    steps: list[PullProgress] = []
    assert stack.pull(["worker"], progress=steps.append) == [image]
    layers = {s.layer for s in steps if s.layer}
    assert layers, steps
    downloading = [s for s in steps if s.status == "Downloading"]
    assert downloading and all(s.total and s.current is not None for s in downloading)
    assert downloading[-1].fraction is not None and 0 < downloading[-1].fraction <= 1
    assert any(s.status == "Pull complete" for s in steps)
    assert steps[-1].layers_done == steps[-1].layers_total == len(layers)
    report = stack.up(["worker"])  # brings up what the worker depends on, too
    assert report.created == ["web", "worker"] and report.pulled == []  # already there
    assert stack.container("worker").image.tags == [image]
    missing = stack_factory.compose_copy(
        compose.replace(image, f"{docker_registry.address}/nope:1")
    )
    with pytest.raises(StackError, match=r"Could not download 127\.0\.0\.1:\d+/nope:1"):
        stack_factory.open(path=missing).pull(["worker"])


def test_a_built_service_uses_its_dockerignore(
    stack_factory: StackFactory,  # noqa: F811
    busybox_image: str,  # noqa: F811
) -> None:
    path = stack_factory.compose_copy(
        "name: built\nservices:\n  site:\n    build:\n      context: ./site\n"
        "      network: none\n    image: ghtest/site:1\n    network_mode: none\n"
        "    command: [sleep, '600']\n    init: true\n    restart: unless-stopped\n"
        "    stop_grace_period: 1s\n"
        "    healthcheck: {test: [CMD, test, -f, /www/index.html], interval: 500ms}\n"
    )
    site = path.parent / "site"
    site.mkdir()
    (site / "Dockerfile").write_text(f"FROM {busybox_image}\nCOPY . /www/\n")
    (site / "Dockerfile.dockerignore").write_text("# kept out of the image\nprivate.txt\n")
    (site / "index.html").write_text("<h1>ok</h1>\n")
    (site / "private.txt").write_text("not for the image\n")
    stack = stack_factory.open(path=path)
    lines: list[PullProgress] = []
    report = stack.up(progress=lines.append)
    assert report.built == ["site"] and report.created == ["site"]
    assert any("COPY" in step.status for step in lines)
    container = stack.container("site")
    assert container.exec_run(["cat", "/www/index.html"]).output == b"<h1>ok</h1>\n"
    assert container.exec_run(["test", "-e", "/www/private.txt"]).exit_code == 1
    assert stack.up().unchanged == ["site"]  # the image is there: not built again
