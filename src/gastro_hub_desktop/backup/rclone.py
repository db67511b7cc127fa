"""Off-site copies with the `rclone` program to any remote the user set up in rclone or gave
inline (":webdav,url=...:folder"): upload and read back (`rclone check --download`), list, fetch;
every call has a time limit and can be cancelled; failures come back in plain words."""

from __future__ import annotations

import contextlib
import json
import logging
import os
import re
import shutil
import signal
import subprocess
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from gastro_hub_desktop.backup.errors import BackupCancelled, RemoteFailed, UploadFailed

log = logging.getLogger(__name__)


def _never() -> bool:
    return False


@dataclass(frozen=True)
class RcloneRemote:
    """A folder on an rclone remote: "name:folder", or an inline remote
    (":webdav,url='http://host',user=u,pass=OBSCURED:folder"). `config` becomes RCLONE_CONFIG."""

    target: str
    config: Path | None = None
    timeout: float = 6 * 3600.0  # the whole command
    io_timeout: int = 60  # no traffic for this long counts as a failure
    binary: str = "rclone"

    def path_of(self, filename: str) -> str:
        base = self.target
        return base + filename if base.endswith((":", "/")) else f"{base}/{filename}"

    def display(self) -> str:
        """The target with credentials hidden, for state files, logs and the user."""
        return re.sub(r"((?:pass|password|user|token|key|secret)[a-z_]*=)('[^']*'|[^,:]*)",
                      r"\1***", self.target, flags=re.IGNORECASE)  # fmt: skip


@dataclass(frozen=True)
class RemoteFile:
    name: str
    size: int


def _plain_words(stderr: str, action: str, remote: RcloneRemote) -> str:
    errors = [ln for ln in stderr.splitlines() if "ERROR" in ln or "Failed" in ln
              or "CRITICAL" in ln]  # fmt: skip
    text = " ".join(errors or stderr.splitlines()[-2:])
    where = remote.display()
    status = re.search(r"\b([45]\d\d) ([A-Z][A-Za-z ]+)", text)
    if status and status.group(1).startswith("5"):
        return f"{action} {where} failed: the server answered {status.group(1)} " \
               f"{status.group(2).strip()} (a problem on its side; try again later)."  # fmt: skip
    if status and status.group(1) in ("401", "403"):
        return f"{action} {where} failed: the remote refused the login or the permission " \
               f"({status.group(1)}); check the remote in rclone config."  # fmt: skip
    lowered = text.lower()
    if "connection refused" in lowered or "no such host" in lowered or "dial tcp" in lowered:
        return f"{action} {where} failed: the remote cannot be reached (no connection)."
    if "didn't find section in config" in lowered or "not found in config" in lowered:
        return f"{action} {where} failed: rclone has no remote of that name; set it up " \
               "with `rclone config` first."  # fmt: skip
    if "differences found" in lowered or "differ" in lowered:
        return f"{action} {where} failed: the copy read back differs from the set."
    detail = re.sub(r"^\d{4}/\d\d/\d\d \d\d:\d\d:\d\d ", "", text.strip())[:300]
    return f"{action} {where} failed: {detail or 'rclone gave no reason'}."


def _run(
    remote: RcloneRemote,
    args: list[str],
    action: str,
    cancelled: Callable[[], bool],
    failure: type[RemoteFailed] = RemoteFailed,
    tick: Callable[[], None] | None = None,
) -> str:
    binary = shutil.which(remote.binary)
    if binary is None:
        raise failure(
            "rclone is not installed, so sets cannot go off-site: install it "
            "(Debian: apt-get install rclone; or https://rclone.org/install/)."
        )
    env = dict(os.environ)
    if remote.config is not None:
        env["RCLONE_CONFIG"] = str(remote.config)
    command = [binary, *args, "--retries", "1", "--low-level-retries", "2",
               "--contimeout", f"{min(remote.io_timeout, 30)}s", "--timeout",
               f"{remote.io_timeout}s"]  # fmt: skip
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        process = subprocess.Popen(command, stdout=out, stderr=err, env=env,
                                   stdin=subprocess.DEVNULL, start_new_session=True)  # fmt: skip
        deadline = time.monotonic() + remote.timeout
        try:
            while process.poll() is None:
                if tick is not None:
                    tick()  # e.g. progress, measured by the caller
                if cancelled():
                    raise BackupCancelled(f"{action} was cancelled.")
                if time.monotonic() > deadline:
                    raise failure(
                        f"{action} {remote.display()} did not finish within "
                        f"{remote.timeout:.0f} s and was stopped."
                    )
                time.sleep(0.05)
        finally:
            if process.poll() is None:
                with contextlib.suppress(OSError):
                    if os.name == "posix":
                        os.killpg(process.pid, signal.SIGKILL)
                    else:
                        process.kill()
                process.wait()
        out.seek(0)
        err.seek(0)
        stdout = out.read().decode("utf-8", "replace")
        stderr = err.read().decode("utf-8", "replace")
    if process.returncode != 0:
        log.warning("rclone %s failed (%s): %s", args[0], process.returncode, stderr[-2000:])
        if process.returncode < 0:
            raise failure(f"{action} {remote.display()} was interrupted (rclone stopped).")
        raise failure(_plain_words(stderr, action, remote))
    return stdout


def upload(
    remote: RcloneRemote,
    archive: Path,
    index: Path | None = None,
    cancelled: Callable[[], bool] = _never,
) -> None:
    """Copy `archive` (and its index, a small JSON describing it) to the remote, then read the
    archive back and compare; raises UploadFailed when either step fails."""
    action = f"Uploading {archive.name} to"
    failed = UploadFailed
    _run(remote, ["copyto", str(archive), remote.path_of(archive.name)], action, cancelled, failed)
    _run(
        remote,
        ["check", str(archive.parent), remote.target, "--one-way", "--download",
         "--include", "/" + archive.name],
        f"Checking the copy of {archive.name} on", cancelled, failed,
    )  # fmt: skip
    if index is not None:
        name = archive.name.split(".", 1)[0] + ".json"
        _run(remote, ["copyto", str(index), remote.path_of(name)], action, cancelled, failed)


def list_remote(remote: RcloneRemote, cancelled: Callable[[], bool] = _never) -> list[RemoteFile]:
    """The files in the remote folder (an empty list when the folder does not exist yet)."""
    try:
        out = _run(remote, ["lsjson", remote.target, "--files-only", "--no-mimetype"],
                   "Listing", cancelled)  # fmt: skip
    except RemoteFailed as exc:
        if "directory not found" in str(exc).lower():
            return []
        raise
    return [RemoteFile(str(item["Name"]), int(item.get("Size", -1))) for item in json.loads(out)]


def fetch_matching(
    remote: RcloneRemote, pattern: str, dest: Path, cancelled: Callable[[], bool] = _never
) -> None:
    """Copy the files of the remote folder matching `pattern` (an rclone filter such as
    "/gastro-hub-*.json") into the local folder `dest`, in one call."""
    _run(remote, ["copy", remote.target, str(dest), "--include", pattern], "Reading", cancelled)


def fetch(
    remote: RcloneRemote,
    filename: str,
    dest: Path,
    cancelled: Callable[[], bool] = _never,
    tick: Callable[[], None] | None = None,
) -> None:
    """Download `filename` from the remote to `dest` (the caller verifies it); `tick()` is
    called every 50 ms while rclone runs (to measure progress)."""
    command = ["copyto", remote.path_of(filename), str(dest)]
    _run(remote, command, "Fetching from", cancelled, tick=tick)
