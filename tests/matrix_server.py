"""A real Synapse homeserver for the Matrix tests, started on 127.0.0.1 in a temporary folder
(SQLite, no federation, no key servers, open registration, rate limits raised) and stopped
afterwards, plus the few client calls the tests make as "the other side" (register, rooms,
send, read a room's history).

Use the session-wide `matrix_server` fixture; a test may stop and start it again (same port,
same data) to play an outage, and must leave it running."""

from __future__ import annotations

import contextlib
import shutil
import signal
import subprocess
import sys
import tempfile
import uuid
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import quote

import httpx
import pytest

from tests.servers import free_port, missing, wait_until

SERVER_NAME = "localhost"

# Limits far above what the tests do, so that they never see a 429 they did not ask for.
_LIMIT = "{per_second: 1000, burst_count: 1000}"
CONFIG = """\
server_name: "{server_name}"
pid_file: {base}/homeserver.pid
public_baseurl: http://127.0.0.1:{port}/
listeners:
  - port: {port}
    bind_addresses: ['127.0.0.1']
    type: http
    tls: false
    x_forwarded: false
    resources:
      - names: [client]
        compress: false
database:
  name: sqlite3
  args:
    database: {base}/homeserver.db
log_config: {base}/log.yaml
media_store_path: {base}/media
signing_key_path: {base}/signing.key
registration_shared_secret: "{secret}"
macaroon_secret_key: "{secret}-macaroon"
form_secret: "{secret}-form"
report_stats: false
trusted_key_servers: []
suppress_key_server_warning: true
enable_registration: true
enable_registration_without_verification: true
url_preview_enabled: false
presence:
  enabled: false
rc_message: {limit}
rc_registration: {limit}
rc_login:
  address: {limit}
  account: {limit}
  failed_attempts: {limit}
rc_joins:
  local: {limit}
  remote: {limit}
rc_joins_per_room: {limit}
rc_invites:
  per_room: {limit}
  per_user: {limit}
  per_sender: {limit}
rc_admin_redaction: {limit}
rc_3pid_validation: {limit}
rc_room_creation: {limit}
rc_presence:
  per_user: {limit}
rc_delayed_event_mgmt: {limit}
"""

LOG_CONFIG = """\
version: 1
formatters:
  precise:
    format: '%(asctime)s - %(name)s - %(levelname)s - %(message)s'
handlers:
  file:
    class: logging.FileHandler
    formatter: precise
    filename: {base}/homeserver.log
    encoding: utf8
root:
  level: WARNING
  handlers: [file]
disable_existing_loggers: false
"""


@dataclass
class MatrixUser:
    user_id: str
    password: str
    access_token: str
    device_id: str


@dataclass
class MatrixServer:
    """One Synapse process; `url` stays the same across stop() and start()."""

    base: Path
    port: int = field(default_factory=free_port)
    process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    # ------------------------------------------------------------ lifecycle

    def configure(self) -> None:
        import signedjson.key

        self.base.mkdir(parents=True, exist_ok=True)
        (self.base / "media").mkdir(exist_ok=True)
        base = str(self.base)
        secret = uuid.uuid4().hex
        (self.base / "hs.yaml").write_text(
            CONFIG.format(
                server_name=SERVER_NAME, base=base, port=self.port, secret=secret, limit=_LIMIT
            )
        )
        (self.base / "log.yaml").write_text(LOG_CONFIG.format(base=base))
        with open(self.base / "signing.key", "w") as key_file:
            signedjson.key.write_signing_keys(
                key_file, [signedjson.key.generate_signing_key("a_test")]
            )

    def start(self, timeout: float = 60.0) -> MatrixServer:
        assert self.process is None, "already running"
        log = open(self.base / "stdout.log", "ab")  # noqa: SIM115 - handed to the process
        self.process = subprocess.Popen(
            [sys.executable, "-m", "synapse.app.homeserver", "-c", str(self.base / "hs.yaml")],
            cwd=self.base,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        log.close()
        try:
            wait_until(self._answers, timeout, f"Synapse on {self.url}")
        except RuntimeError:
            self.stop()
            tail = (self.base / "stdout.log").read_text(errors="replace")[-3000:]
            raise RuntimeError(f"Synapse did not start:\n{tail}") from None
        return self

    def stop(self, kill: bool = False) -> None:
        process, self.process = self.process, None
        if process is None:
            return
        with contextlib.suppress(ProcessLookupError):
            process.send_signal(signal.SIGKILL if kill else signal.SIGTERM)
        try:
            process.wait(20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(10)

    def _answers(self) -> bool:
        if self.process is not None and self.process.poll() is not None:
            raise RuntimeError(f"Synapse exited with {self.process.returncode}")
        try:
            return httpx.get(f"{self.url}/_matrix/client/versions", timeout=1).status_code == 200
        except httpx.HTTPError:
            return False

    # ------------------------------------------------------------ the other side's client

    def request(
        self, method: str, path: str, token: str | None = None, body: Any = None
    ) -> dict[str, Any]:
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        response = httpx.request(
            method, f"{self.url}{path}", json=body, headers=headers, timeout=30
        )
        if response.status_code >= 400:
            raise AssertionError(f"{method} {path}: {response.status_code} {response.text}")
        return response.json()

    def register(self, name: str | None = None, password: str | None = None) -> MatrixUser:
        """A new user through the public registration API (no verification needed here)."""
        name = name or f"u{uuid.uuid4().hex[:10]}"
        password = password or f"pw-{uuid.uuid4().hex[:12]}"
        answer = self.request(
            "POST",
            "/_matrix/client/v3/register",
            body={
                "username": name,
                "password": password,
                "auth": {"type": "m.login.dummy"},
                "initial_device_display_name": "test",
            },
        )
        return MatrixUser(answer["user_id"], password, answer["access_token"], answer["device_id"])

    def create_room(
        self,
        user: MatrixUser,
        invite: Sequence[str] = (),
        name: str | None = None,
        direct: bool = False,
        encrypted: bool = False,
    ) -> str:
        body: dict[str, Any] = {"invite": list(invite), "is_direct": direct}
        body["preset"] = "trusted_private_chat" if direct else "private_chat"
        if name:
            body["name"] = name
        if encrypted:
            body["initial_state"] = [
                {
                    "type": "m.room.encryption",
                    "state_key": "",
                    "content": {"algorithm": "m.megolm.v1.aes-sha2"},
                }
            ]
        return str(
            self.request("POST", "/_matrix/client/v3/createRoom", user.access_token, body)[
                "room_id"
            ]
        )

    def invite(self, user: MatrixUser, room_id: str, user_id: str) -> None:
        self.request(
            "POST",
            f"/_matrix/client/v3/rooms/{quote(room_id)}/invite",
            user.access_token,
            {"user_id": user_id},
        )

    def join(self, user: MatrixUser, room_id: str) -> None:
        self.request("POST", f"/_matrix/client/v3/join/{quote(room_id)}", user.access_token, {})

    def send(
        self, user: MatrixUser, room_id: str, text: str, event_type: str = "m.room.message",
        content: dict[str, Any] | None = None,
    ) -> str:  # fmt: skip
        content = content if content is not None else {"msgtype": "m.text", "body": text}
        txn = uuid.uuid4().hex
        path = f"/_matrix/client/v3/rooms/{quote(room_id)}/send/{event_type}/{txn}"
        return str(self.request("PUT", path, user.access_token, content)["event_id"])

    def upload(self, user: MatrixUser, content: bytes, filename: str, content_type: str) -> str:
        """Put a file in the media repository; its mxc:// address."""
        response = httpx.post(
            f"{self.url}/_matrix/media/v3/upload",
            params={"filename": filename},
            content=content,
            headers={"Authorization": f"Bearer {user.access_token}", "Content-Type": content_type},
            timeout=30,
        )
        response.raise_for_status()
        return str(response.json()["content_uri"])

    def messages(self, user: MatrixUser, room_id: str, limit: int = 200) -> list[dict[str, Any]]:
        """The room's m.room.message events (and encrypted ones), oldest first."""
        path = f"/_matrix/client/v3/rooms/{quote(room_id)}/messages?dir=b&limit={limit}"
        chunk = self.request("GET", path, user.access_token)["chunk"]
        wanted = ("m.room.message", "m.room.encrypted")
        return [e for e in reversed(chunk) if e.get("type") in wanted]

    def devices(self, user: MatrixUser) -> list[str]:
        answer = self.request("GET", "/_matrix/client/v3/devices", user.access_token)
        return sorted(d["device_id"] for d in answer["devices"])

    def change_password(self, user: MatrixUser, new_password: str) -> None:
        """Change the password and sign out every other device (as a user would after a leak)."""
        body = {
            "new_password": new_password,
            "logout_devices": True,
            "auth": {"type": "m.login.password", "user": user.user_id, "password": user.password},
        }
        self.request("POST", "/_matrix/client/v3/account/password", user.access_token, body)
        user.password = new_password


def synapse_available() -> bool:
    try:
        import synapse  # noqa: F401
    except ImportError:
        return False
    return True


@contextlib.contextmanager
def running_matrix_server(base: Path | None = None) -> Iterator[MatrixServer]:
    owned = base is None
    folder = base or Path(tempfile.mkdtemp(prefix="gh-synapse-"))
    server = MatrixServer(folder)
    server.configure()
    server.start()
    try:
        yield server
    finally:
        server.stop()
        if owned:
            shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(scope="session")
def matrix_server() -> Iterator[MatrixServer]:
    """One Synapse for the whole session, on a free loopback port."""
    if not synapse_available():
        missing("matrix-synapse not installed: pip install -e '.[test]'")
    with running_matrix_server() as server:
        yield server
