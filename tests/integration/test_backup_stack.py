"""Backups of the Docker stack's data on a real (private) dockerd: the stack's PostgreSQL dumped
and restored by pg_dump/pg_restore running *inside* a container through `docker exec` (the
host's real PostgreSQL 15 programs, bind-mounted read-only into a busybox container on the host
network, against a throwaway cluster on 127.0.0.1 - there is no postgres image here); n8n's
workflows and credentials exported and imported through `docker exec` with n8n's CLI contract
(a busybox stand-in for n8n's program, see tests/backup_helpers.py, since n8n cannot run here);
n8n's encryption key only in encrypted sets and back into the real keyring on restore; and a
restore through the engine that stops the stack services whose data comes back and starts
them again. Networking is host or none only, never Docker's bridge."""

from __future__ import annotations

import hashlib
import json
import shutil
import tarfile
import time
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy.engine import make_url
from tests.backup_helpers import (
    N8N_STANDIN,
    fill,
    fingerprints,
    host_mounts,
    messages,
    n8n_credential,
    n8n_decrypt,
    n8n_state,
    n8n_workflow,
    pg_bindir,
    seed_n8n,
    service,
)
from tests.dockerd import busybox_image, docker_engine, stack_factory  # noqa: F401

from gastro_hub_desktop.backup.manifest import MANIFEST_NAME, Manifest
from gastro_hub_desktop.backup.n8n import KEY_MEMBER, N8nSource, N8nTools
from gastro_hub_desktop.backup.settings import BACKUP_PASSPHRASE
from gastro_hub_desktop.store.repository import Store

FOREVER = ["sh", "-c", "trap 'exit 0' TERM INT; while true; do sleep 1; done"]
pytestmark = pytest.mark.needs_server
SMTP_SECRET = {"user": "objednavky@bistro.example", "password": "Heslo-123-Größe"}


@pytest.fixture
def client(docker_engine):  # type: ignore[no-untyped-def]  # noqa: F811
    found = docker_engine.client()
    yield found
    found.close()


@pytest.fixture
def credentials(secret_service: dict[str, str]) -> Any:
    from keyring.backends.SecretService import Keyring

    from gastro_hub_desktop.credentials import Credentials

    return Credentials(Keyring())


@pytest.fixture
def pg_container(client, busybox_image: str, postgres_server) -> Iterator[str]:  # type: ignore[no-untyped-def]  # noqa: F811
    """A container in which the host's pg_dump and pg_restore run (host network, read-only
    binds of /usr and the libraries), pointed at the test cluster by PGHOST and PGPORT."""
    name = f"gh-pgtools-{uuid.uuid4().hex[:8]}"
    container = client.containers.run(
        busybox_image, FOREVER, name=name, detach=True, init=True, network_mode="host",
        volumes=host_mounts(),
        environment={"PATH": f"{pg_bindir()}:/usr/bin:/bin", "PGHOST": "127.0.0.1",
                     "PGPORT": str(postgres_server.port)},
    )  # fmt: skip
    yield name
    container.remove(force=True)


@pytest.fixture
def n8n(client, busybox_image: str, tmp_path: Path) -> Iterator[Any]:  # type: ignore[no-untyped-def]  # noqa: F811
    """The n8n stand-in in a container of its own (no network), its program bind-mounted as
    `n8n`, started with `n8n start` like n8n's image."""
    script = tmp_path / "n8n-standin"
    script.write_text(N8N_STANDIN)
    script.chmod(0o755)
    container = client.containers.run(
        busybox_image, ["n8n", "start"], name=f"gh-n8n-{uuid.uuid4().hex[:8]}", detach=True,
        init=True, network_mode="none",
        volumes={str(script): {"bind": "/usr/local/bin/n8n", "mode": "ro"}},
        environment={"N8N_ENCRYPTION_KEY": "set-by-each-test"},
    )  # fmt: skip
    yield container
    container.remove(force=True)


def _source(container: Any, docker_engine: Any, key_name: str | None) -> N8nSource:  # noqa: F811
    return N8nSource(N8nTools(container.name, docker_host=docker_engine.base_url), key_name)


def _seed(container: Any, key: str) -> dict[str, bytes]:
    workflows = [n8n_workflow("wf1Invoice", "Invoice reminder"),
                 n8n_workflow("wf2Reviews", "Reviews → Telegram"),
                 n8n_workflow("wf3Stock", "Stock alert")]  # fmt: skip
    creds = [n8n_credential("cred-1", "Processor login", "httpBasicAuth", key,
                            {"user": "gastro", "password": "proc-pw"}),
             n8n_credential("cred-2", "SMTP account", "smtp", key, SMTP_SECRET)]  # fmt: skip
    return seed_n8n(container, workflows, creds)


def _manifest(archive: Path) -> Manifest:
    with tarfile.open(archive) as tar:
        return Manifest.from_json(tar.extractfile(MANIFEST_NAME).read())  # type: ignore[union-attr]


def _calls(container: Any) -> list[str]:
    log = container.exec_run(["cat", "/home/node/.n8n/standin/calls.log"]).output.decode()
    return log.splitlines()


# ---------------------------------------------------------------- PostgreSQL in a container


def test_postgres_dumped_and_restored_inside_its_container(
    postgres_server, pg_container: str, docker_engine, tmp_path: Path, data_dir: Path,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # type: ignore[no-untyped-def]  # fmt: skip
    url = postgres_server.create_database(f"stack_{uuid.uuid4().hex[:8]}")
    fill(url, 300).close()
    before = fingerprints(url)
    # the host's pg_dump is out of the app's reach: only the container's can make the set
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    (bin_dir / "docker").symlink_to(shutil.which("docker") or "/usr/bin/docker")
    monkeypatch.setenv("PATH", str(bin_dir))
    assert shutil.which("pg_dump") is None
    backups = service(tmp_path / "backups", data_dir, pg_container=pg_container,
                      docker_host=docker_engine.base_url)  # fmt: skip
    started = time.perf_counter()
    report = backups.back_up_now(url)
    print(f"\npg_dump through docker exec: {time.perf_counter() - started:.2f} s, "
          f"{report.size / 1e6:.2f} MB")  # fmt: skip
    assert report.tables == before  # every table's rows and checksum, in pg_dump's snapshot
    name = report.backup_set.name

    store = Store.open(url)
    store.ingest(messages(40, tag="after"))
    store.close()
    changed = fingerprints(url)
    assert changed != before

    # pg_restore through docker exec into a fresh database, the current one left as it was
    started = time.perf_counter()
    restored = backups.restore(name, url)
    print(f"pg_restore through docker exec: {time.perf_counter() - started:.2f} s")
    assert restored.new_database_url is not None
    assert fingerprints(restored.new_database_url) == before
    assert fingerprints(url) == changed

    # and switched in place (the stack's processor keeps its URL), the old one kept aside
    restored = backups.restore(name, url, switch_in_place=True)
    assert restored.new_database_url is None and restored.replaced_database
    assert fingerprints(url) == before
    old = make_url(url).set(database=restored.replaced_database).render_as_string(False)
    assert fingerprints(old) == changed
    assert any(restored.replaced_database in note for note in restored.notes)


# ---------------------------------------------------------------- n8n


def test_n8n_round_trip_in_an_unencrypted_set(
    n8n,
    docker_engine,  # noqa: F811
    credentials,
    tmp_path: Path,
    data_dir: Path,
) -> None:  # type: ignore[no-untyped-def]
    key = f"n8n-key-{uuid.uuid4().hex}"
    key_name = f"docker-stack/ghtest-{uuid.uuid4().hex[:8]}/N8N_ENCRYPTION_KEY"
    credentials.set(key_name, key)
    seeded = _seed(n8n, key)
    url = f"sqlite:///{tmp_path / 'app.sqlite3'}"
    fill(url, 50).close()
    backups = service(tmp_path / "backups", data_dir)
    backups.credentials = credentials

    started = time.perf_counter()
    report = backups.back_up_now(url, n8n=_source(n8n, docker_engine, key_name))
    seconds = time.perf_counter() - started
    print(f"\nbackup with n8n's export through docker exec: {seconds:.2f} s")
    archive = report.backup_set.archive
    manifest = _manifest(archive)
    # every exported file is in the set with its SHA-256, byte for byte as n8n wrote it
    listed = {f.path: f for f in manifest.files if f.path.startswith("extra/n8n/")}
    assert set(listed) == {f"extra/n8n/{name}" for name in seeded}
    for name, data in seeded.items():
        entry = listed[f"extra/n8n/{name}"]
        assert (entry.sha256, entry.size, entry.role) == (
            hashlib.sha256(data).hexdigest(),
            len(data),
            "extra",
        )
    assert manifest.n8n == {
        "included": True, "container": n8n.name, "workflows": 3, "credentials": 2,
        "credentials_encrypted": "with n8n's encryption key, as n8n stores them",
        "encryption_key": "not included", "key_opens_credentials": True,
    }  # fmt: skip
    assert KEY_MEMBER not in {f.path for f in manifest.files}
    raw = archive.read_bytes()
    assert key.encode() not in raw  # the key never in clear in an unencrypted set...
    assert b"Heslo-123" not in raw and b"proc-pw" not in raw  # ...nor a credential's secret
    assert json.loads(seeded["credentials/cred-2.json"])["data"].encode() in raw  # as n8n keeps it
    # n8n's documented export, never --decrypted
    calls = _calls(n8n)
    assert any(c.startswith("export:workflow --backup --output=/tmp/") for c in calls)
    assert any(c.startswith("export:credentials --backup --output=/tmp/") for c in calls)
    assert not any("--decrypted" in c for c in calls)
    assert report.backup_set.state.contents["n8n"]["workflows"] == 3  # type: ignore[index]

    # n8n loses a workflow and a credential; the set brings them back
    seed_n8n(n8n, [json.loads(seeded["workflows/wf1Invoice.json"])], [])
    restored = backups.restore(report.backup_set.name, url, n8n_key_name=key_name)
    assert restored.n8n is not None and restored.n8n.import_credentials
    assert (restored.n8n.workflows, restored.n8n.credentials, restored.n8n.key) == (
        3,
        2,
        "not in the set",
    )
    assert any("they open only with that same key, and the key still in this computer's "
               "keyring opens them" in note for note in restored.notes)  # fmt: skip
    done = _source(n8n, docker_engine, key_name).tools.import_(restored.n8n.folder)
    assert (done.workflows, done.credentials) == (3, 2)
    assert n8n_state(n8n) == seeded
    assert any(c.startswith("import:credentials --separate --input=/tmp/") for c in _calls(n8n))

    # on a computer whose keyring has no n8n key, the restore says so plainly
    credentials.delete(key_name)
    restored = backups.restore(report.backup_set.name, url, n8n_key_name=key_name)
    assert restored.n8n is not None and not restored.n8n.import_credentials
    assert any("keyring has no n8n key" in note for note in restored.notes)
    assert credentials.get(key_name) is None  # nothing made up


def test_an_encrypted_set_carries_n8n_key_back_into_the_keyring(
    n8n,
    docker_engine,  # noqa: F811
    credentials,
    tmp_path: Path,
    data_dir: Path,
) -> None:  # type: ignore[no-untyped-def]
    key = f"n8n-key-{uuid.uuid4().hex}"
    key_name = f"docker-stack/ghtest-{uuid.uuid4().hex[:8]}/N8N_ENCRYPTION_KEY"
    credentials.set(key_name, key)
    credentials.set(BACKUP_PASSPHRASE, "Kolik-stojí-konvektomat?")
    seeded = _seed(n8n, key)
    url = f"sqlite:///{tmp_path / 'app.sqlite3'}"
    fill(url, 50).close()
    backups = service(tmp_path / "backups", data_dir, encrypt=True)
    backups.credentials = credentials
    try:
        report = backups.back_up_now(url, n8n=_source(n8n, docker_engine, key_name))
        archive = report.backup_set.archive
        assert archive.name.endswith(".tar.enc") and key.encode() not in archive.read_bytes()
        manifest = backups.verify(report.backup_set.name)
        assert manifest.n8n and manifest.n8n["encryption_key"] == "included"
        assert KEY_MEMBER in {f.path for f in manifest.files}

        # a new computer: no n8n key in its keyring; the restore puts the set's key back
        credentials.delete(key_name)
        seed_n8n(n8n, [], [])
        restored = backups.restore(report.backup_set.name, url, n8n_key_name=key_name)
        assert credentials.get(key_name) == key
        assert restored.n8n is not None
        assert (restored.n8n.key, restored.n8n.import_credentials) == ("restored", True)
        assert any("key from the set is back in the keyring" in note for note in restored.notes)
        # the key never lands on the disk, not even among the restored files
        for path in data_dir.rglob("*"):
            assert not path.is_file() or key.encode() not in path.read_bytes(), path
        _source(n8n, docker_engine, key_name).tools.import_(restored.n8n.folder)
        assert n8n_state(n8n) == seeded
        data = json.loads(n8n_state(n8n)["credentials/cred-2.json"])["data"]
        assert n8n_decrypt(credentials.get(key_name), data) == SMTP_SECRET

        # n8n here runs with another key: the set's key is kept aside, the live one untouched
        credentials.set(key_name, "another-key")
        restored = backups.restore(report.backup_set.name, url, n8n_key_name=key_name)
        assert restored.n8n is not None
        assert (restored.n8n.key, restored.n8n.import_credentials) == ("kept aside", False)
        assert credentials.get(key_name) == "another-key"
        assert credentials.get(f"{key_name}.from-{report.backup_set.name}") == key
    finally:
        credentials.delete(BACKUP_PASSPHRASE)


def test_a_failed_n8n_export_leaves_n8n_out_and_says_so(
    n8n,
    docker_engine,  # noqa: F811
    tmp_path: Path,
    data_dir: Path,
) -> None:  # type: ignore[no-untyped-def]
    url = f"sqlite:///{tmp_path / 'app.sqlite3'}"
    fill(url, 20).close()
    n8n.stop(timeout=1)
    backups = service(tmp_path / "backups", data_dir)
    report = backups.back_up_now(url, n8n=_source(n8n, docker_engine, None))
    assert report.backup_set.verified  # the database's set is made all the same
    assert any(note.startswith("n8n's workflows and credentials are not in this set")
               and "is not running" in note for note in report.notes)  # fmt: skip
    manifest = _manifest(report.backup_set.archive)
    assert manifest.n8n and manifest.n8n["included"] is False
    assert not [f for f in manifest.files if f.path.startswith("extra/n8n/")]
    assert not list((tmp_path / "backups").glob(".*.part"))  # no leftovers


def test_an_empty_n8n_exports_nothing_and_fails_nothing(
    n8n,
    docker_engine,  # noqa: F811
    tmp_path: Path,
    data_dir: Path,
) -> None:  # type: ignore[no-untyped-def]
    url = f"sqlite:///{tmp_path / 'app.sqlite3'}"
    fill(url, 20).close()
    seed_n8n(n8n, [], [])  # n8n answers "No workflows found" with exit code 1
    report = service(tmp_path / "backups", data_dir).back_up_now(
        url, n8n=_source(n8n, docker_engine, None)
    )
    manifest = _manifest(report.backup_set.archive)
    assert manifest.n8n and manifest.n8n["included"] is True
    assert (manifest.n8n["workflows"], manifest.n8n["credentials"]) == (0, 0)
    assert report.notes == ()


# ---------------------------------------------------------------- the whole stack, from the engine

STACK = """\
name: {project}

x-gastro-hub:
  generated-secrets: [N8N_ENCRYPTION_KEY]

services:
  postgres:
    image: ${{BUSYBOX_IMAGE}}
    init: true
    network_mode: host
    command: ["sh", "-c", "trap 'exit 0' TERM INT; while true; do sleep 1; done"]
    environment:
      POSTGRES_USER: postgres
      POSTGRES_DB: ${{POSTGRES_DB}}
      PGHOST: 127.0.0.1
      PGPORT: ${{PGPORT}}
      PATH: ${{PG_BINDIR}}:/usr/bin:/bin
    volumes:
{mounts}
    healthcheck:
      test: ["CMD", "pg_isready", "-q"]
      interval: 500ms
      timeout: 2s
      retries: 5
    restart: unless-stopped
    stop_grace_period: 1s

  n8n:
    image: ${{BUSYBOX_IMAGE}}
    init: true
    network_mode: none
    command: ["n8n", "start"]
    environment:
      N8N_ENCRYPTION_KEY: ${{N8N_ENCRYPTION_KEY}}
    volumes:
      - ./n8n:/usr/local/bin/n8n:ro
      - n8n-data:/home/node/.n8n
    healthcheck:
      test: ["CMD", "test", "-f", "/tmp/n8n-ready"]
      interval: 500ms
      timeout: 2s
      retries: 5
    restart: unless-stopped
    stop_grace_period: 1s
    depends_on:
      postgres:
        condition: service_healthy

  processor:
    image: ${{BUSYBOX_IMAGE}}
    init: true
    network_mode: none
    command: ["sh", "-c", "touch /tmp/ok; trap 'exit 0' TERM INT; while true; do sleep 1; done"]
    healthcheck:
      test: ["CMD", "test", "-f", "/tmp/ok"]
      interval: 500ms
      timeout: 2s
      retries: 5
    restart: unless-stopped
    stop_grace_period: 1s
    depends_on:
      postgres:
        condition: service_healthy

volumes:
  n8n-data:
"""


def _events(client: Any, container: Any, since: datetime, until: datetime) -> list[str]:
    found = client.events(since=since, until=until, decode=True,
                          filters={"container": container.id, "type": "container"})  # fmt: skip
    wanted = ("start", "die", "stop", "restart")
    return [e["Action"] for e in found if e.get("Action") in wanted]


def test_a_restore_in_the_stack_stops_and_starts_the_services_concerned(
    postgres_server, stack_factory, client, credentials, tmp_path: Path,  # noqa: F811
    data_dir: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:  # type: ignore[no-untyped-def]  # fmt: skip
    from gastro_hub_desktop.engine.facade import Engine
    from gastro_hub_desktop.stack.services import secret_key

    database = f"stack_{uuid.uuid4().hex[:8]}"
    url = postgres_server.create_database(database)
    fill(url, 200).close()
    before = fingerprints(url)
    project = f"ghtest-{uuid.uuid4().hex[:8]}"
    folder = tmp_path / "stack"
    folder.mkdir()
    mounts = "\n".join(f"      - {m}:{m}:ro" for m in host_mounts())
    (folder / "docker-compose.yml").write_text(STACK.format(project=project, mounts=mounts))
    (folder / ".env").write_text(
        f"BUSYBOX_IMAGE={stack_factory.image}\nPOSTGRES_DB={database}\n"
        f"PGPORT={postgres_server.port}\nPG_BINDIR={pg_bindir()}\n"
    )
    (folder / "n8n").write_text(N8N_STANDIN)
    (folder / "n8n").chmod(0o755)
    handle = stack_factory.open(path=folder / "docker-compose.yml", project=project)

    engine = Engine(url, credentials=credentials)
    engine.start().result(30)
    try:
        engine.configure_stack(str(folder / "docker-compose.yml"),
                               stack_factory.daemon.base_url).result(30)  # fmt: skip
        engine.stack_up().future.result(120)
        containers = handle.containers()
        assert {n for n, c in containers.items() if c.status == "running"} == {
            "postgres",
            "n8n",
            "processor",
        }
        key = credentials.get(secret_key(project, "N8N_ENCRYPTION_KEY"))
        assert key  # generated on the stack's first start, kept in the keyring
        seeded = _seed(containers["n8n"], key)
        deadline = time.monotonic() + 30
        while engine.backups is None and time.monotonic() < deadline:
            time.sleep(0.1)
        # from here only the containers' pg_dump and pg_restore can do the work
        bin_dir = tmp_path / "bin"
        bin_dir.mkdir()
        (bin_dir / "docker").symlink_to(shutil.which("docker") or "/usr/bin/docker")
        monkeypatch.setenv("PATH", str(bin_dir))
        engine.save_backup_settings({"folder": str(tmp_path / "backups")}).result(30)

        started = time.perf_counter()
        report = engine.backup_now().future.result(120)
        print(f"\nengine backup (pg_dump and n8n export through docker exec): "
              f"{time.perf_counter() - started:.2f} s")  # fmt: skip
        manifest = _manifest(report.backup_set.archive)
        assert manifest.database_kind == "postgresql"
        # (the running engine triages and drafts, so only the rows are as filled)
        assert report.tables["messages"].rows == before["messages"].rows
        assert all(t.checksum for t in report.tables.values())  # measured in pg_dump's snapshot
        assert manifest.n8n and manifest.n8n["workflows"] == 3
        assert manifest.n8n["key_opens_credentials"] is True

        # the data moves on: new messages, a workflow and a credential gone from n8n
        engine.store.ingest(messages(30, tag="after"))
        seed_n8n(containers["n8n"], [json.loads(seeded["workflows/wf1Invoice.json"])], [])
        assert fingerprints(url)["messages"].rows == before["messages"].rows + 30

        since = datetime.now(UTC)
        started = time.perf_counter()
        restored = engine.restore_backup(report.backup_set.name).future.result(180)
        seconds = time.perf_counter() - started
        until = datetime.now(UTC) + timedelta(seconds=1.5)  # the engine's times are in seconds
        print(f"engine restore in the stack: {seconds:.2f} s")
        # every row back (the restore compared each table's checksum with the set's before
        # switching), switched in place: the app and the processor keep their URL; the
        # database as it was is kept beside it
        assert restored.tables == {t: s.rows for t, s in report.tables.items()}
        assert fingerprints(url)["messages"].rows == before["messages"].rows
        assert restored.replaced_database and restored.new_database_url is None
        old = make_url(url).set(database=restored.replaced_database).render_as_string(False)
        assert fingerprints(old)["messages"].rows == before["messages"].rows + 30
        assert n8n_state(containers["n8n"]) == seeded
        stack_note = next(n for n in restored.notes if n.startswith("Stack:"))
        assert stack_note == (
            "Stack: stopped processor, n8n; n8n: 3 workflows and 2 credentials imported, n8n "
            "restarted to load them; started processor again."
        )
        processor = _events(client, containers["processor"], since, until)
        assert processor[0] in ("die", "stop") and processor[-1] == "start", processor
        n8n_events = _events(client, containers["n8n"], since, until)
        assert n8n_events.count("start") == 2 and n8n_events[-1] in ("start", "restart")
        # n8n loaded the restored workflows when it started again
        log = containers["n8n"].exec_run(["cat", "/home/node/.n8n/standin/started.log"])
        assert log.output.decode().splitlines()[-1].endswith("workflows=3 credentials=2")
        after = handle.containers()
        assert all(after[n].status == "running" for n in ("postgres", "n8n", "processor"))
        live = engine.stack.stack()  # type: ignore[union-attr]
        assert not live.is_held("processor") and not live.is_held("n8n")
        deadline = time.monotonic() + 30
        while engine.assistant is None and time.monotonic() < deadline:
            time.sleep(0.1)
        assert engine.assistant is not None  # the engine runs again
        assert engine.store.stats().messages == report.tables["messages"].rows
    finally:
        engine.stop()
