"""n8n's workflows and credentials in a backup set, exactly as n8n exports them.

Backing up runs n8n's own CLI inside its container through `docker exec` (like PgTools does
for pg_dump): `n8n export:workflow --backup --output=DIR/` and `n8n export:credentials
--backup --output=DIR/` (`--backup` is n8n's "--all --pretty --separate": one JSON file per
workflow or credential, named by its id). Credentials are exported *without* `--decrypted`,
so their `data` stays encrypted with n8n's encryption key as n8n stores it; an export that
holds clear-text credential data is refused. The files come out with `docker cp` (a tar
stream, read entry by entry: only `workflows/<id>.json` and `credentials/<id>.json` regular
files are taken) and go into the set through back_up_now's `extra_files`.

Restoring copies them back in (`docker cp` from a tar on stdin) and runs `n8n
import:credentials --separate --input=DIR` then `n8n import:workflow --separate --input=DIR`.
n8n documents that these commands write its database directly and take effect when n8n
restarts; the engine restarts the n8n service afterwards (see engine/backup_control.py).

n8n's credentials only open with the key n8n had when it stored them (N8N_ENCRYPTION_KEY, which
the app generated and keeps in the keyring). Its cipher - AES-256-CBC, key and IV derived from
the key and an 8-byte salt by OpenSSL's EVP_BytesToKey with MD5, "Salted__" + salt +
ciphertext in base64 - is reproduced in `opens()` only to *check* whether a key opens a set's
credentials; nothing is ever decrypted into a set or onto the disk."""

from __future__ import annotations

import base64
import contextlib
import hashlib
import io
import json
import logging
import os
import re
import shutil
import subprocess
import tarfile
import time
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from gastro_hub_desktop.backup.archive import check_member_name
from gastro_hub_desktop.backup.errors import BackupCancelled, BackupError

log = logging.getLogger(__name__)

KEY_VARIABLE = "N8N_ENCRYPTION_KEY"
KINDS = ("workflows", "credentials")
PREFIX = "n8n/"  # their names in the set: extra/n8n/workflows/<id>.json, ...
KEY_MEMBER = "extra/n8n/encryption-key"  # only ever in an encrypted set
_COMMANDS = {"workflows": "workflow", "credentials": "credentials"}
_NOTHING = re.compile(r"No (?:workflows|credentials) (?:found|to export)", re.IGNORECASE)
_FILE = re.compile(r"^(workflows|credentials)/([^/]+\.json)$")
MAX_FILE = 64 << 20  # one workflow or credential this big is not n8n's


class N8nFailed(BackupError):
    """n8n's CLI or `docker` failed; the message says which step and n8n's last words."""


def _never() -> bool:
    return False


@dataclass(frozen=True)
class N8nExport:
    """What `N8nTools.export` brought out: name in the set (under "n8n/") → local file."""

    files: dict[str, Path]
    workflows: int
    credentials: int
    seconds: float

    def credential_data(self) -> list[str]:
        """The encrypted `data` of each exported credential (to check a key against)."""
        found = []
        for name, path in self.files.items():
            if name.startswith(f"{PREFIX}credentials/"):
                data = json.loads(path.read_text("utf-8")).get("data")
                if isinstance(data, str):
                    found.append(data)
        return found


@dataclass(frozen=True)
class N8nImport:
    workflows: int
    credentials: int
    seconds: float


@dataclass(frozen=True)
class N8nRestore:
    """n8n's part of a restored set: its files (in the data folder's restored/<set>/), what
    became of n8n's key, and whether its credentials can be imported here."""

    folder: Path  # holds workflows/ and credentials/
    workflows: int
    credentials: int
    key: str  # "restored", "same", "kept aside", "not in the set"
    import_credentials: bool


@dataclass(frozen=True)
class N8nTools:
    """n8n's CLI in the container `container`, through the docker program on the engine at
    `docker_host` (DOCKER_HOST; None: the program's default). Commands run as the container's
    own user (the n8n image's `node`), as n8n's docs show with `docker exec -u node`."""

    container: str
    docker: str = "docker"
    docker_host: str | None = None
    timeout: float = 600.0

    # ------------------------------------------------------------ the docker program

    def _docker(
        self, args: list[str], *, stdin: bytes | None = None, timeout: float | None = None
    ) -> subprocess.CompletedProcess[bytes]:
        docker = shutil.which(self.docker)
        if docker is None:
            raise N8nFailed(
                "The docker program was not found, so n8n's workflows cannot be exported or "
                "imported; install Docker's command-line tool."
            )
        env = dict(os.environ)
        if self.docker_host:
            env["DOCKER_HOST"] = self.docker_host
        try:
            return subprocess.run(
                [docker, *args],
                input=stdin,
                capture_output=True,
                env=env,
                check=False,
                timeout=timeout or self.timeout,
            )
        except subprocess.TimeoutExpired:
            raise N8nFailed(
                f"docker {args[0]} in {self.container} did not finish within "
                f"{timeout or self.timeout:.0f} s."
            ) from None

    def _exec(
        self, command: list[str], *, root: bool = False
    ) -> subprocess.CompletedProcess[bytes]:
        user = ["-u", "0"] if root else []  # uid 0 exists in every image, named or not
        return self._docker(["exec", *user, self.container, *command])

    def _n8n(self, command: list[str], what: str) -> str:
        done = self._exec(["n8n", *command])
        out = (done.stdout + done.stderr).decode("utf-8", "replace")
        if done.returncode != 0:
            if _NOTHING.search(out):
                return out
            raise N8nFailed(
                f"n8n could not {what} (n8n {command[0]} in {self.container}, exit "
                f"{done.returncode}): {_last_lines(out)}"
            )
        return out

    # ------------------------------------------------------------ export

    def export(self, dest: Path, cancelled: Callable[[], bool] = _never) -> N8nExport:
        """Export every workflow and credential (credentials still encrypted) into `dest`
        (created; the caller removes it), checked and counted."""
        started = time.perf_counter()
        work = f"/tmp/gastro-hub-backup-{uuid.uuid4().hex}"
        made = self._exec(["mkdir", "-p", f"{work}/workflows", f"{work}/credentials"])
        if made.returncode != 0:
            raise N8nFailed(
                f"n8n's container {self.container} cannot be used for the export: "
                f"{_last_lines((made.stdout + made.stderr).decode('utf-8', 'replace'))}"
            )
        try:
            for kind in KINDS:
                if cancelled():
                    raise BackupCancelled("The backup was cancelled; nothing was kept.")
                # --backup = --all --pretty --separate; never --decrypted
                self._n8n(
                    [f"export:{_COMMANDS[kind]}", "--backup", f"--output={work}/{kind}/"],
                    f"export its {kind}",
                )
            files = self._copy_out(work, dest)
        finally:
            self._exec(["rm", "-rf", work], root=True)
        counts = {kind: sum(1 for n in files if n.startswith(f"{PREFIX}{kind}/")) for kind in KINDS}
        return N8nExport(
            files, counts["workflows"], counts["credentials"], time.perf_counter() - started
        )

    def _copy_out(self, work: str, dest: Path) -> dict[str, Path]:
        docker = shutil.which(self.docker) or self.docker
        env = dict(os.environ)
        if self.docker_host:
            env["DOCKER_HOST"] = self.docker_host
        dest.mkdir(parents=True, exist_ok=True)
        files: dict[str, Path] = {}
        process = subprocess.Popen(
            [docker, "cp", f"{self.container}:{work}/.", "-"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=env,
        )
        assert process.stdout is not None
        try:
            with tarfile.open(fileobj=process.stdout, mode="r|") as tar:
                for member in tar:
                    name = member.name.removeprefix("./")
                    if member.isdir() or name in ("", "."):
                        continue
                    match = _FILE.match(name)
                    if not member.isreg() or match is None or member.size > MAX_FILE:
                        raise N8nFailed(
                            f"n8n's export holds {member.name!r}, which is not a "
                            "workflow or credential file; refused."
                        )
                    check_member_name(name)
                    source = tar.extractfile(member)
                    assert source is not None
                    data = source.read()
                    _check_item(match.group(1), name, data)
                    target = dest / match.group(1) / match.group(2)
                    target.parent.mkdir(exist_ok=True)
                    target.write_bytes(data)
                    files[PREFIX + name] = target
        except BaseException as exc:
            process.kill()  # it may be blocked writing the rest: never wait on it then
            if isinstance(exc, tarfile.TarError):
                raise N8nFailed(
                    f"n8n's export could not be copied out of {self.container}: {exc}"
                ) from None
            raise
        finally:
            errors = process.stderr.read() if process.stderr else b""
            process.wait()
        if process.returncode != 0:
            raise N8nFailed(
                f"n8n's export could not be copied out of {self.container}: "
                f"{_last_lines(errors.decode('utf-8', 'replace'))}"
            )
        return files

    # ------------------------------------------------------------ import

    def import_(self, folder: Path, *, credentials: bool = True) -> N8nImport:
        """Import the `workflows/` and (with `credentials`) `credentials/` JSON files under
        `folder` into n8n, credentials first (workflows refer to them). n8n applies them when
        it next starts."""
        started = time.perf_counter()
        kinds = [k for k in KINDS if k == "workflows" or credentials]
        found = {k: sorted((folder / k).glob("*.json")) for k in kinds}
        if not any(found.values()):
            return N8nImport(0, 0, 0.0)
        work = f"/tmp/gastro-hub-restore-{uuid.uuid4().hex}"
        made = self._exec(["mkdir", "-p", work])
        if made.returncode != 0:
            raise N8nFailed(
                f"n8n's container {self.container} cannot be used for the import: "
                f"{_last_lines((made.stdout + made.stderr).decode('utf-8', 'replace'))}"
            )
        try:
            copied = self._docker(["cp", "-", f"{self.container}:{work}"], stdin=_tar(found))
            if copied.returncode != 0:
                raise N8nFailed(
                    f"The workflows could not be copied into {self.container}: "
                    f"{_last_lines(copied.stderr.decode('utf-8', 'replace'))}"
                )
            for kind in ("credentials", "workflows"):
                if found.get(kind):
                    self._n8n(
                        [f"import:{_COMMANDS[kind]}", "--separate", f"--input={work}/{kind}"],
                        f"import the {kind}",
                    )
        finally:
            self._exec(["rm", "-rf", work], root=True)
        return N8nImport(
            len(found.get("workflows", [])),
            len(found.get("credentials", [])),
            time.perf_counter() - started,
        )


def _check_item(kind: str, name: str, data: bytes) -> None:
    """A workflow is a JSON object; a credential is one whose `data` is still encrypted."""
    try:
        item = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise N8nFailed(f"n8n exported {name}, which is not JSON ({exc}); refused.") from None
    if not isinstance(item, dict):
        raise N8nFailed(f"n8n exported {name}, which is not one {kind[:-1]}; refused.")
    if kind == "credentials" and not isinstance(item.get("data"), str):
        raise N8nFailed(
            f"n8n exported {name} with its secrets in clear text; refused (a set holds n8n's "
            "credentials only encrypted with n8n's key)."
        )


def _tar(found: dict[str, list[Path]]) -> bytes:
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w", format=tarfile.USTAR_FORMAT) as tar:
        for kind, paths in found.items():
            folder = tarfile.TarInfo(kind)
            folder.type, folder.mode = tarfile.DIRTYPE, 0o755
            tar.addfile(folder)
            for path in paths:
                data = path.read_bytes()
                info = tarfile.TarInfo(f"{kind}/{check_member_name(path.name)}")
                info.size, info.mode, info.mtime = len(data), 0o644, int(time.time())
                tar.addfile(info, io.BytesIO(data))
    return buffer.getvalue()


def _last_lines(text: str, count: int = 3) -> str:
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    return " ".join(lines[-count:])[:400] or "no output"


# ---------------------------------------------------------------- n8n's cipher (checks only)


def _key_and_iv(key: str, salt: bytes) -> tuple[bytes, bytes]:
    password = key.encode("latin-1", "replace") + salt  # n8n reads the key as 'binary'
    first = hashlib.md5(password).digest()  # n8n's format, not our choice
    second = hashlib.md5(first + password).digest()
    iv = hashlib.md5(second + password).digest()
    return first + second, iv


def opens(key: str, data: str) -> bool:
    """Whether `key` opens one credential's encrypted `data` as n8n stored it (the result must
    be a JSON object; nothing is kept)."""
    from cryptography.hazmat.primitives import padding
    from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

    try:
        raw = base64.b64decode(data, validate=True)
    except ValueError:
        return False
    if len(raw) < 32 or not raw.startswith(b"Salted__") or (len(raw) - 16) % 16:
        return False
    derived, iv = _key_and_iv(key, raw[8:16])
    decryptor = Cipher(algorithms.AES(derived), modes.CBC(iv)).decryptor()
    padded = decryptor.update(raw[16:]) + decryptor.finalize()
    unpadder = padding.PKCS7(128).unpadder()
    try:
        plain = unpadder.update(padded) + unpadder.finalize()
        return isinstance(json.loads(plain.decode("utf-8")), dict)
    except (ValueError, UnicodeDecodeError):
        return False


def key_opens_all(key: str | None, encrypted: Iterable[str]) -> bool | None:
    """True when `key` opens every credential, False when it opens none or only some, None
    when there is nothing to check (no key, no credentials)."""
    items = list(encrypted)
    if not key or not items:
        return None
    return all(opens(key, data) for data in items)


# ---------------------------------------------------------------- what a set says about n8n


@dataclass(frozen=True)
class N8nSource:
    """The stack's n8n for a backup or a restore: its CLI, and the name under which its
    encryption key is in the keyring (None: unknown, e.g. a container set up by hand)."""

    tools: N8nTools
    key_name: str | None = None


@dataclass
class N8nPart:
    """n8n's part of a set, as its manifest records it (the `n8n` section)."""

    included: bool
    container: str | None = None
    workflows: int = 0
    credentials: int = 0
    key: str = "not included"  # "included" (encrypted sets only), "not included", "missing"
    # whether the key in the keyring opened every exported credential (None: nothing to try)
    key_opens_credentials: bool | None = None
    problem: str | None = None

    def to_manifest(self) -> dict[str, Any]:
        body: dict[str, Any] = {
            "included": self.included,
            "container": self.container,
            "workflows": self.workflows,
            "credentials": self.credentials,
            "credentials_encrypted": "with n8n's encryption key, as n8n stores them",
            "encryption_key": self.key,
            "key_opens_credentials": self.key_opens_credentials,
        }
        if self.problem:
            body["problem"] = self.problem
        return body

    @classmethod
    def from_manifest(cls, body: dict[str, Any] | None) -> N8nPart | None:
        if not body:
            return None
        with contextlib.suppress(KeyError, TypeError, ValueError):
            return cls(
                bool(body["included"]),
                body.get("container"),
                int(body.get("workflows", 0)),
                int(body.get("credentials", 0)),
                str(body.get("encryption_key", "not included")),
                body.get("key_opens_credentials"),
                body.get("problem"),
            )
        return None
