"""Real servers for the tests, started on loopback and stopped afterwards: a throwaway PostgreSQL
cluster, a private D-Bus with gnome-keyring (Secret Service), and an X server (Xvfb).

Missing programs skip the test with the reason on a laptop; under CI (CI=true) they fail it."""

from __future__ import annotations

import contextlib
import glob
import os
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

UNDER_CI = os.environ.get("CI") == "true"


def missing(reason: str) -> None:
    """Skip with `reason`, or fail when running under CI where every server must be there."""
    if UNDER_CI:
        pytest.fail(f"{reason} (under CI this is a failure: `make test` installs it)")
    pytest.skip(reason)


def require_binary(name: str, how_to_install: str) -> str:
    path = shutil.which(name)
    if path is None:
        missing(f"{name} not found: {how_to_install}")
        raise AssertionError  # unreachable: skip/fail raise
    return path


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wait_until(predicate, timeout: float, what: str) -> None:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return
        time.sleep(0.05)
    raise RuntimeError(f"{what} did not come up within {timeout:.0f} s")


# ------------------------------------------------------------------ PostgreSQL


def postgres_bindir() -> Path | None:
    pg_config = shutil.which("pg_config")
    if pg_config:
        out = subprocess.run([pg_config, "--bindir"], capture_output=True, text=True)
        candidate = Path(out.stdout.strip())
        if (candidate / "initdb").exists():
            return candidate
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), reverse=True)
    if found:
        return Path(found[0]).parent
    initdb = shutil.which("initdb")
    return Path(initdb).parent if initdb else None


@dataclass
class PostgresServer:
    port: int
    psql: Path
    host: str = "127.0.0.1"
    user: str = "postgres"

    def url_for(self, dbname: str) -> str:
        return f"postgresql+psycopg://{self.user}@{self.host}:{self.port}/{dbname}"

    def create_database(self, name: str) -> str:
        subprocess.run(
            [str(self.psql), "-h", self.host, "-p", str(self.port), "-U", self.user, "-q",
             "-d", "postgres", "-c", f'CREATE DATABASE "{name}"'],
            check=True, capture_output=True,
        )  # fmt: skip
        return self.url_for(name)


def _as_postgres(command: list[str]) -> list[str]:
    if os.geteuid() != 0:
        return command
    runuser = shutil.which("runuser")
    if runuser:
        return [runuser, "-u", "postgres", "--", *command]
    return ["su", "postgres", "-c", " ".join(command)]


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[PostgresServer]:
    bindir = postgres_bindir()
    if bindir is None:
        missing("PostgreSQL server not installed: apt-get install postgresql")
        return
    try:
        import psycopg  # noqa: F401
    except ImportError:
        missing("psycopg not installed: pip install -e '.[test]'")
    with running_postgres(bindir) as server:
        yield server


@contextlib.contextmanager
def running_postgres(bindir: Path) -> Iterator[PostgresServer]:
    """A throwaway PostgreSQL cluster on 127.0.0.1 (also used by the benchmarks)."""
    base = Path(tempfile.mkdtemp(prefix="gh-pg-"))
    data, sock = base / "data", base / "sock"
    sock.mkdir()
    if os.geteuid() == 0:
        shutil.chown(base, "postgres")
        shutil.chown(sock, "postgres")
        base.chmod(0o700)
    port = free_port()
    subprocess.run(
        _as_postgres([str(bindir / "initdb"), "-D", str(data), "-U", "postgres", "-A", "trust",
                      "-E", "UTF8", "--no-locale", "--no-sync"]),
        check=True, capture_output=True,
    )  # fmt: skip
    options = f"-c listen_addresses=127.0.0.1 -p {port} -k {sock} -c fsync=off"
    subprocess.run(
        _as_postgres([str(bindir / "pg_ctl"), "-D", str(data), "-l", str(base / "pg.log"),
                      "-w", "-o", options, "start"]),
        check=True, capture_output=True,
    )  # fmt: skip
    psql = Path(shutil.which("psql") or bindir / "psql")
    try:
        yield PostgresServer(port, psql)
    finally:
        subprocess.run(
            _as_postgres([str(bindir / "pg_ctl"), "-D", str(data), "-m", "fast", "-w", "stop"]),
            capture_output=True,
        )
        shutil.rmtree(base, ignore_errors=True)


# ------------------------------------------------------------------ Secret Service


@pytest.fixture(scope="session")
def secret_service() -> Iterator[dict[str, str]]:
    """A private session bus with an unlocked gnome-keyring; the user's keyring is never used."""
    yield from _secret_service()


@pytest.fixture
def lockable_secret_service() -> Iterator[dict[str, str]]:
    """A keyring of the test's own, for tests that lock it (gnome-keyring cannot be unlocked
    again without a prompt, so a shared one would stay locked for every later test)."""
    yield from _secret_service()


def _secret_service() -> Iterator[dict[str, str]]:
    dbus_daemon = require_binary("dbus-daemon", "apt-get install dbus-daemon")
    keyring_daemon = require_binary("gnome-keyring-daemon", "apt-get install gnome-keyring")
    home = Path(tempfile.mkdtemp(prefix="gh-keyring-"))
    runtime = home / "runtime"
    runtime.mkdir(mode=0o700)
    env = {
        **os.environ,
        "HOME": str(home),
        "XDG_DATA_HOME": str(home / "data"),
        "XDG_CONFIG_HOME": str(home / "config"),
        "XDG_CACHE_HOME": str(home / "cache"),
        "XDG_RUNTIME_DIR": str(runtime),
    }
    bus = subprocess.run(
        [dbus_daemon, "--session", "--fork", "--print-address=1", "--print-pid=1",
         f"--address=unix:path={runtime}/bus"],
        capture_output=True, text=True, env=env, check=True,
    )  # fmt: skip
    address, pid = bus.stdout.split()[:2]
    env["DBUS_SESSION_BUS_ADDRESS"] = address
    keyring = subprocess.Popen(
        [keyring_daemon, "--foreground", "--unlock", "--components=secrets"],
        stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env,
    )  # fmt: skip
    assert keyring.stdin is not None
    keyring.stdin.write(b"test-keyring-password")
    keyring.stdin.close()
    saved = {k: os.environ.get(k) for k in ("DBUS_SESSION_BUS_ADDRESS", "XDG_RUNTIME_DIR")}
    os.environ["DBUS_SESSION_BUS_ADDRESS"] = address
    os.environ["XDG_RUNTIME_DIR"] = str(runtime)
    try:
        _wait_for_secret_service()
        yield {k: env[k] for k in ("DBUS_SESSION_BUS_ADDRESS", "XDG_RUNTIME_DIR", "HOME",
                                   "XDG_DATA_HOME", "XDG_CONFIG_HOME")}  # fmt: skip
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
        keyring.terminate()
        try:
            keyring.wait(10)
        except subprocess.TimeoutExpired:
            keyring.kill()
        with contextlib.suppress(ProcessLookupError, ValueError):
            os.kill(int(pid), signal.SIGTERM)
        shutil.rmtree(home, ignore_errors=True)


def _wait_for_secret_service() -> None:
    from keyring.backends.SecretService import Keyring

    backend = Keyring()

    def works() -> bool:
        try:
            backend.set_password("gastro-hub-test-probe", "probe", "ok")
            return backend.get_password("gastro-hub-test-probe", "probe") == "ok"
        except Exception:
            return False

    wait_until(works, 60, "gnome-keyring's Secret Service")
    backend.delete_password("gastro-hub-test-probe", "probe")


# ------------------------------------------------------------------ X server


def start_tray(display: str) -> subprocess.Popen[bytes] | None:
    """A system tray on `display` (trayer), so QSystemTrayIcon has somewhere to go."""
    trayer = shutil.which("trayer")
    if trayer is None:
        return None
    return subprocess.Popen(
        [trayer, "--edge", "top", "--align", "right", "--widthtype", "pixel", "--width", "120"],
        env={**os.environ, "DISPLAY": display}, stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )  # fmt: skip


@pytest.fixture(scope="session")
def xvfb_display() -> Iterator[str]:
    xvfb = require_binary("Xvfb", "apt-get install xvfb")
    number = next(n for n in range(90, 200) if not Path(f"/tmp/.X11-unix/X{n}").exists()
                  and not Path(f"/tmp/.X{n}-lock").exists())  # fmt: skip
    display = f":{number}"
    server = subprocess.Popen(
        [xvfb, display, "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        wait_until(lambda: Path(f"/tmp/.X11-unix/X{number}").exists(), 20, "Xvfb")
        yield display
    finally:
        server.terminate()
        try:
            server.wait(10)
        except subprocess.TimeoutExpired:
            server.kill()


# ------------------------------------------------------------------ Mail (Dovecot IMAP + SMTP)

MAIL_USERS = {"alice@example.test": "alicepw", "bob@example.test": "bobpw"}

DOVECOT_CONF = """
protocols = imap
listen = 127.0.0.1
base_dir = {dir}/run
state_dir = {dir}/state
log_path = {dir}/dovecot.log
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
auth_failure_delay = 0
first_valid_uid = 1
mail_uid = mail
mail_gid = mail
mail_location = maildir:{dir}/mail/%u
namespace inbox {{
  inbox = yes
  mailbox Sent {{
    special_use = \\Sent
    auto = create
  }}
}}
passdb {{
  driver = passwd-file
  args = scheme=PLAIN username_format=%u {dir}/passwd
}}
userdb {{
  driver = static
  args = home={dir}/mail/%u
}}
service imap-login {{
  inet_listener imap {{
    address = 127.0.0.1
    port = {port}
  }}
  inet_listener imaps {{
    port = 0
  }}
}}
"""


@dataclass
class MailServer:
    """A Dovecot on loopback; `deliver()` puts a message into a user's INBOX like an MTA."""

    imap_port: int
    smtp_port: int
    folder: Path
    dovecot: str

    def imap(self, user: str):  # type: ignore[no-untyped-def]
        from imapclient import IMAPClient

        client = IMAPClient("127.0.0.1", port=self.imap_port, ssl=False)
        client.login(user, MAIL_USERS[user])
        return client

    def deliver(self, user: str, raw: bytes, folder: str = "INBOX") -> None:
        with self.imap(user) as client:
            client.append(folder, raw)

    def stop_imap(self, force: bool = False) -> None:
        """Take the IMAP server away (an outage); `force` kills it at once."""
        pid_file = self.folder / "run" / "master.pid"
        with contextlib.suppress(FileNotFoundError, ProcessLookupError, ValueError):
            os.kill(int(pid_file.read_text().strip()), signal.SIGKILL if force else signal.SIGTERM)
        wait_until(lambda: not _port_open(self.imap_port), 20, "Dovecot stopping")

    def start_imap(self) -> None:
        subprocess.run([self.dovecot, "-c", str(self.folder / "dovecot.conf")], check=True)
        wait_until(lambda: _port_open(self.imap_port), 20, "Dovecot")


def _port_open(port: int) -> bool:
    with socket.socket() as s:
        s.settimeout(0.2)
        return s.connect_ex(("127.0.0.1", port)) == 0


@pytest.fixture
def mail_server() -> Iterator[MailServer]:
    """A fresh Dovecot (IMAP) and an SMTP server that delivers into it, per test."""
    dovecot = shutil.which("dovecot") or (
        "/usr/sbin/dovecot" if Path("/usr/sbin/dovecot").exists() else None
    )
    if dovecot is None:
        missing("Dovecot not installed: apt-get install dovecot-imapd")
        return
    try:
        import aiosmtpd  # noqa: F401
    except ImportError:
        missing("aiosmtpd not installed: pip install -e '.[test]'")
        return
    with running_mail_server(dovecot) as server:
        yield server


@contextlib.contextmanager
def running_mail_server(dovecot: str = "/usr/sbin/dovecot") -> Iterator[MailServer]:
    """Dovecot on a free loopback port plus an SMTP server delivering into it (tests, benchmarks)."""
    from aiosmtpd.controller import Controller

    folder = Path(tempfile.mkdtemp(prefix="gh-mail-"))
    folder.chmod(0o755)  # Dovecot's auth and mail processes run as other users
    for sub in ("run", "state", "mail"):
        (folder / sub).mkdir()
    if os.geteuid() == 0:
        shutil.chown(folder / "mail", "mail", "mail")
    (folder / "passwd").write_text("".join(f"{u}:{{PLAIN}}{p}\n" for u, p in MAIL_USERS.items()))
    imap_port = free_port()
    (folder / "dovecot.conf").write_text(DOVECOT_CONF.format(dir=folder, port=imap_port))
    server = MailServer(imap_port, 0, folder, dovecot)
    server.start_imap()

    class Deliver:
        async def handle_DATA(self, _server, session, envelope):  # type: ignore[no-untyped-def]
            for rcpt in envelope.rcpt_tos:
                if rcpt.lower() in MAIL_USERS:
                    server.deliver(rcpt.lower(), envelope.original_content or envelope.content)
            return "250 OK"

    class Auth:
        def __call__(self, _server, _session, _envelope, mechanism, auth_data):  # type: ignore[no-untyped-def]
            from aiosmtpd.smtp import AuthResult

            ok = MAIL_USERS.get(auth_data.login.decode()) == auth_data.password.decode()
            return AuthResult(success=ok)

    smtp_port = free_port()
    controller = Controller(
        Deliver(), hostname="127.0.0.1", port=smtp_port, authenticator=Auth(),
        auth_required=True, auth_require_tls=False,  # loopback only
    )  # fmt: skip
    controller.start()
    server.smtp_port = smtp_port
    try:
        yield server
    finally:
        controller.stop()
        server.stop_imap(force=True)
        shutil.rmtree(folder, ignore_errors=True)
