"""Off-site copies with the real rclone program: to a local remote from an rclone config file,
to `rclone serve webdav` on loopback given as an inline remote, fetched back and restored; an
upload answered with 500, or killed midway, leaves the set "not off-site" with the reason."""

from __future__ import annotations

import contextlib
import http.server
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from tests.backup_helpers import fill, fingerprints, service
from tests.servers import free_port, require_binary, wait_until

from gastro_hub_desktop.backup.errors import UploadFailed
from gastro_hub_desktop.backup.sets import UPLOADED

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def rclone() -> str:
    return require_binary("rclone", "apt-get install rclone")


@pytest.fixture
def made(tmp_path: Path, data_dir: Path):  # type: ignore[no-untyped-def]
    url = f"sqlite:///{tmp_path / 'app.sqlite3'}"
    store = fill(url, 100)
    store.close()
    return url, fingerprints(url)


def _port_open(port: int) -> bool:
    with socket.socket() as s:
        s.settimeout(0.2)
        return s.connect_ex(("127.0.0.1", port)) == 0


@pytest.fixture
def webdav(rclone: str, tmp_path: Path) -> Iterator[tuple[str, Path, int]]:
    """`rclone serve webdav` on loopback (user u, password p): the inline remote, the folder
    it serves and the server's process id."""
    served = tmp_path / "webdav"
    served.mkdir()
    port = free_port()
    server = subprocess.Popen(
        [rclone, "serve", "webdav", str(served), "--addr", f"127.0.0.1:{port}", "--user", "u",
         "--pass", "p", "--config", "/dev/null"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        wait_until(lambda: _port_open(port), 20, "rclone serve webdav")
        obscured = subprocess.run([rclone, "obscure", "p"], capture_output=True, text=True,
                                  check=True).stdout.strip()  # fmt: skip
        yield (f":webdav,url='http://127.0.0.1:{port}',vendor=other,user=u,pass={obscured}:sets",
               served / "sets", server.pid)  # fmt: skip
    finally:
        server.terminate()
        server.wait(10)


def test_local_remote_upload_list_fetch_and_restore(
    rclone: str, made, tmp_path: Path, data_dir: Path
) -> None:  # type: ignore[no-untyped-def]
    url, before = made
    config = tmp_path / "rclone.conf"
    config.write_text("[offsite]\ntype = local\n")
    remote_dir = tmp_path / "offsite"
    backups = service(tmp_path / "backups", data_dir, remote=f"offsite:{remote_dir}",
                      rclone_config=str(config))  # fmt: skip
    report = backups.back_up_now(url)  # uploads after the verified backup
    assert report.offsite and report.upload_problem is None
    name = report.backup_set.name
    assert (remote_dir / f"{name}.tar").read_bytes() == report.backup_set.archive.read_bytes()
    assert '"verified_at"' in (remote_dir / f"{name}.json").read_text()
    state = backups.list_sets()[0].state.offsite
    assert state.state == UPLOADED and state.describe().startswith("off-site")
    [listed] = backups.list_remote()
    assert (listed.filename, listed.size) == (f"{name}.tar", report.size)
    assert listed.contents and listed.contents["tables"]["messages"] == 161
    assert backups.health().not_offsite == ()
    # the local copy is lost; it comes back from the remote, verified, and restores
    report.backup_set.archive.unlink()
    report.backup_set.state_path.unlink()
    fetched = backups.fetch(f"{name}.tar")
    assert fetched.verified and fetched.state.offsite.is_offsite
    backups.restore(name, url)
    assert fingerprints(url) == before


def test_webdav_on_loopback(rclone: str, webdav, made, tmp_path: Path, data_dir: Path) -> None:  # type: ignore[no-untyped-def]
    remote, served, _server = webdav
    url, before = made
    backups = service(tmp_path / "backups", data_dir, remote=remote)
    report = backups.back_up_now(url)
    assert report.offsite, report.upload_problem
    name = report.backup_set.name
    assert (served / f"{name}.tar").read_bytes() == report.backup_set.archive.read_bytes()
    offsite = backups.list_sets()[0].state.offsite
    assert f"pass={remote.split('pass=')[1][:4]}" not in (offsite.remote or "")  # not kept
    assert "user=***,pass=***" in (offsite.remote or "")
    assert [r.filename for r in backups.list_remote()] == [f"{name}.tar"]
    elsewhere = service(tmp_path / "other-pc", data_dir, remote=remote)
    fetched = elsewhere.fetch(f"{name}.tar")
    assert fetched.verified
    elsewhere.restore(name, url)
    assert fingerprints(url) == before


class _Answers500(http.server.BaseHTTPRequestHandler):
    """A WebDAV server whose disk is broken: it takes the upload and answers 500."""

    puts: list[str] = []

    def _empty(self, status: int) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        if length:
            self.rfile.read(length)
        self.send_response(status)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def do_PROPFIND(self) -> None:
        self._empty(404)

    def do_MKCOL(self) -> None:
        self._empty(201)

    def do_PUT(self) -> None:
        type(self).puts.append(self.path)
        self._empty(500)

    def log_message(self, *args: object) -> None:
        return None


def test_an_upload_answered_with_500_leaves_the_set_not_offsite(
    rclone: str, made, tmp_path: Path, data_dir: Path
) -> None:  # type: ignore[no-untyped-def]
    url, _ = made
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Answers500)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        remote = f":webdav,url='http://127.0.0.1:{server.server_port}',vendor=other:sets"
        backups = service(tmp_path / "backups", data_dir, remote=remote)
        report = backups.back_up_now(url)
    finally:
        server.shutdown()
        server.server_close()
    assert _Answers500.puts  # the upload really reached the server
    assert not report.offsite
    assert report.upload_problem and "answered 500 Internal Server Error" in report.upload_problem
    listed = backups.list_sets()[0]
    assert listed.verified  # the set itself is fine...
    assert not listed.state.offsite.is_offsite  # ...but not off-site, and says why
    assert listed.state.offsite.describe().startswith("not off-site: Uploading")
    health = backups.health()
    assert health.not_offsite == (listed.name,)
    assert health.message and "not off-site" in health.message


def _children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            with contextlib.suppress(OSError, IndexError):
                stat = (entry / "stat").read_text()
                if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                    found.append(int(entry.name))
    return found


def test_an_upload_killed_midway_leaves_the_set_not_offsite(
    rclone: str, webdav, made, tmp_path: Path, data_dir: Path
) -> None:  # type: ignore[no-untyped-def]
    remote, served, server = webdav
    url = made[0]
    store = fill(url, 600, tag="more", text_size=2000)  # a set big enough to take a while
    store.close()
    backups = service(tmp_path / "backups", data_dir, remote=remote, upload_after_backup=False)
    name = backups.back_up_now(url).backup_set.name
    assert backups.health().not_offsite == (name,)  # made, not uploaded yet
    env = {**os.environ, "RCLONE_BWLIMIT": "200k"}  # slow enough to be killed midway
    uploader = subprocess.Popen(
        [sys.executable, "-m", "tests.backup_helpers", "upload", str(backups.folder), remote,
         name], cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        wait_until(lambda: backups.list_sets()[0].state.offsite.state == "uploading", 30,
                   "the upload")  # fmt: skip
        wait_until(lambda: bool(_children(uploader.pid)), 30, "rclone")
        time.sleep(0.5)  # partway through
        rclone_pids = [p for p in _children(uploader.pid) if p != uploader.pid]
        # the app dies (power cut): the app and its rclone, each by its process id
        for pid in [uploader.pid, *rclone_pids]:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
        uploader.wait(10)
    finally:
        if uploader.poll() is None:
            uploader.kill()
            uploader.wait(10)
    state = backups.list_sets()[0].state.offsite
    assert not state.is_offsite
    assert state.describe() == "not off-site: the upload was interrupted"
    assert not (served / f"{name}.tar").exists() or (served / f"{name}.tar").stat().st_size < (
        backups.list_sets()[0].size
    )
    assert backups.health().not_offsite == (name,)
    # rclone itself killed midway (the app lives on): the upload fails with a plain reason
    os.environ["RCLONE_BWLIMIT"] = "200k"
    try:
        problem: list[BaseException] = []
        thread = threading.Thread(target=lambda: _upload(backups, name, problem))
        thread.start()

        def uploading() -> list[int]:  # our rclone client (not the webdav server)
            return [p for p in _children(os.getpid()) if p != server and _is_rclone(p)]

        wait_until(lambda: bool(uploading()), 30, "rclone")
        time.sleep(0.3)
        for pid in uploading():
            os.kill(pid, signal.SIGKILL)
        thread.join(30)
    finally:
        del os.environ["RCLONE_BWLIMIT"]
    assert problem and isinstance(problem[0], UploadFailed)
    assert "interrupted" in str(problem[0])
    assert backups.list_sets()[0].state.offsite.describe().startswith("not off-site: Uploading")
    # and once the network is fine again the same set goes off-site
    assert backups.upload(name).is_offsite
    assert backups.health().not_offsite == ()
    assert (served / f"{name}.tar").stat().st_size == backups.list_sets()[0].size


def _is_rclone(pid: int) -> bool:
    with contextlib.suppress(OSError):
        return (Path("/proc") / str(pid) / "comm").read_text().strip() == "rclone"
    return False


def _upload(backups, name: str, problem: list[BaseException]) -> None:  # type: ignore[no-untyped-def]
    try:
        backups.upload(name)
    except BaseException as exc:
        problem.append(exc)
