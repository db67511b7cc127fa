"""Helpers for the backup tests: a database filled through the store, a backup service on a
temporary folder, byte flipping, the layout of a plain archive, and hand-made archives for the
refusal cases."""

from __future__ import annotations

import io
import tarfile
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from gastro_hub_desktop.backup.database_dump import table_fingerprints
from gastro_hub_desktop.backup.manifest import TableSummary
from gastro_hub_desktop.backup.service import BackupService
from gastro_hub_desktop.backup.settings import BackupSettings
from gastro_hub_desktop.domain.messages import Channel, Direction, IncomingMessage
from gastro_hub_desktop.importers.sample_data import load_sample_data
from gastro_hub_desktop.store.repository import Store

CHANNELS = [Channel.EMAIL, Channel.WHATSAPP, Channel.TELEGRAM, Channel.FACEBOOK]


def messages(count: int, tag: str = "m", text_size: int = 200) -> list[IncomingMessage]:
    """`count` messages over a few dozen customers and all kinds of channels, with Czech and
    German text (unique ids per `tag`)."""
    base = datetime(2026, 3, 1, 8, 0, tzinfo=UTC)
    filler = "Dobrý den, objednávka konvektomatu — Größe 10 GN; " * (text_size // 50 + 1)
    out = []
    for i in range(count):
        channel = CHANNELS[i % len(CHANNELS)]
        customer = i % 37
        address = f"customer{customer}@example.test" if channel is Channel.EMAIL else \
            f"+42060{customer:07d}"  # fmt: skip
        out.append(
            IncomingMessage(
                channel=channel,
                account_key=f"{channel.value}:backup-test",
                provider_message_id=f"{tag}-{i:06d}",
                direction=Direction.INBOUND if i % 5 else Direction.OUTBOUND,
                counterpart_address=address,
                counterpart_name=f"Zákazník {customer}",
                text=f"{i}: {filler[:text_size]}",
                sent_at=base + timedelta(minutes=7 * i),
                thread_key=f"{tag}-thread-{customer}",
                subject=f"Objednávka {customer}" if channel is Channel.EMAIL else None,
            )
        )
    return out


def fill(url: str, count: int = 300, tag: str = "m", text_size: int = 200) -> Store:
    """The app's database at `url`, migrated, with the demo data and `count` more messages."""
    store = Store.open(url)
    sample = load_sample_data()
    store.ingest(sample.messages)
    store.mark_vip(sample.vip_addresses)
    store.ingest(messages(count, tag, text_size))
    return store


def fingerprints(url: str) -> dict[str, TableSummary]:
    return table_fingerprints(url, checksums=True)


def service(folder: Path, data_dir: Path, **settings: object) -> BackupService:
    chosen = {"folder": str(folder), "prune_after_backup": False, **settings}
    return BackupService(BackupSettings(**chosen), data_dir=data_dir)  # type: ignore[arg-type]


def flip(path: Path, offset: int) -> None:
    """XOR one byte with 0xFF (so it always differs)."""
    with open(path, "r+b") as f:
        f.seek(offset)
        value = f.read(1)[0]
        f.seek(offset)
        f.write(bytes([value ^ 0xFF]))


@dataclass(frozen=True)
class Member:
    name: str
    header: int  # offset of its 512-byte header
    data: int  # offset of its data
    size: int


def layout(archive: Path) -> list[Member]:
    """Where each entry of a plain (unencrypted) archive sits."""
    with tarfile.open(archive, "r:") as tar:
        return [Member(m.name, m.offset, m.offset_data, m.size) for m in tar.getmembers()]


def members(archive: Path) -> dict[str, bytes]:
    with tarfile.open(archive, "r:") as tar:
        return {m.name: tar.extractfile(m).read() for m in tar.getmembers()}  # type: ignore[union-attr]


def write_tar(path: Path, entries: list[tuple[tarfile.TarInfo, bytes | None]]) -> None:
    """A hand-made archive (e.g. with an entry that tries to escape the target folder)."""
    with tarfile.open(path, "w", format=tarfile.USTAR_FORMAT) as tar:
        for info, data in entries:
            if data is not None:
                info.size = len(data)
            tar.addfile(info, io.BytesIO(data) if data is not None else None)


def entry(name: str, kind: bytes = tarfile.REGTYPE, link: str = "") -> tarfile.TarInfo:
    info = tarfile.TarInfo(name)
    info.type, info.linkname, info.mode = kind, link, 0o600
    return info


def tree(folder: Path) -> dict[str, bytes]:
    """Every file under `folder` with its bytes (to prove "nothing changed")."""
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file()}  # fmt: skip


# ---------------------------------------------------------------- a child process to kill


def _killer(fraction: float):  # type: ignore[no-untyped-def]
    """A progress callback that kills this process (SIGKILL, like a power cut) once
    `fraction` of the work is done."""
    import os
    import signal

    def progress(done: int, total: int) -> None:
        if total and done / total >= fraction:
            os.kill(os.getpid(), signal.SIGKILL)

    return progress


def main(argv: list[str]) -> int:
    """`python -m tests.backup_helpers backup URL FOLDER FRACTION` or `... restore URL FOLDER
    SET FRACTION` or `... upload FOLDER REMOTE SET`: the job, killed at FRACTION ("-": only
    by GASTRO_HUB_FAILPOINT)."""
    import os

    mode = argv[0]
    if mode == "upload":
        folder, remote, name = argv[1:4]
        backups = service(Path(folder), Path(os.environ["GASTRO_HUB_DATA_DIR"]), remote=remote)
        print("uploading", flush=True)
        backups.upload(name)
        return 0
    url, folder = argv[1], Path(argv[2])
    backups = service(folder, Path(os.environ["GASTRO_HUB_DATA_DIR"]))
    fraction = argv[-1]
    progress = _killer(float(fraction)) if fraction != "-" else (lambda done, total: None)
    if mode == "backup":
        report = backups.back_up_now(url, progress)
        print(report.backup_set.name)
    else:
        backups.restore(argv[3], url, progress)
        print("restored")
    return 0


if __name__ == "__main__":
    import sys

    raise SystemExit(main(sys.argv[1:]))


# ---------------------------------------------------------------- the stack's n8n and PostgreSQL

# A loopback stand-in for n8n's command-line program, installed as `n8n` (bind-mounted) in a
# busybox container: n8n itself cannot run here (no registry, no internet). It follows n8n's
# documented CLI contract for what backups use - export:workflow / export:credentials with
# --all, --id=, --backup (= --all --pretty --separate), --separate, --output=FILE or DIR/, and
# import:workflow / import:credentials with --separate --input=DIR - with n8n's messages and
# exit codes (nothing to export: "No ... found with specified filters", exit 1). Its
# "database" is one JSON file per workflow or credential, shaped like n8n's exports; a
# credential's `data` is the encrypted string n8n stores. It cannot decrypt, so --decrypted
# fails loudly. Every call is logged in calls.log; `n8n start` (the container's command)
# writes what it loaded into started.log, like n8n reading its database when it starts.
N8N_STANDIN = r"""#!/bin/sh
set -u
STATE=${N8N_STANDIN_STATE:-/home/node/.n8n/standin}
mkdir -p "$STATE/workflows" "$STATE/credentials"
echo "$*" >> "$STATE/calls.log"
command=${1:-start}
[ $# -gt 0 ] && shift
all=0; separate=0; decrypted=0; output=""; input=""; id=""
for arg in "$@"; do
  case "$arg" in
    --all) all=1 ;;
    --backup) all=1; separate=1 ;;
    --pretty) ;;
    --separate) separate=1 ;;
    --decrypted) decrypted=1 ;;
    --output=*) output=${arg#--output=} ;;
    --input=*) input=${arg#--input=} ;;
    --id=*) id=${arg#--id=} ;;
    *) echo "Error: Nonexistent flag: $arg" >&2; exit 2 ;;
  esac
done
count() { ls "$STATE/$1" | grep -c '\.json$'; }
case "$command" in
  start)
    echo "$(date +%s) workflows=$(count workflows) credentials=$(count credentials)" >> "$STATE/started.log"
    touch /tmp/n8n-ready
    trap 'exit 0' TERM INT
    while true; do sleep 1; done ;;
  export:workflow|export:credentials)
    kind=workflows; [ "$command" = export:credentials ] && kind=credentials
    if [ $all = 0 ] && [ -z "$id" ]; then echo 'Either option "--all" or "--id" have to be set!'; exit 0; fi
    if [ $all = 1 ] && [ -n "$id" ]; then echo 'You should either use "--all" or "--id" but never both!'; exit 0; fi
    if [ $decrypted = 1 ]; then echo "stand-in: --decrypted is not supported" >&2; exit 1; fi
    if [ -n "$id" ]; then set -- "$STATE/$kind/$id.json"; else set -- "$STATE/$kind"/*.json; fi
    if [ ! -e "$1" ]; then
      echo "Error exporting $kind. See log messages for details."
      echo "No $kind found with specified filters."; exit 1
    fi
    if [ $separate = 1 ]; then
      [ -n "$output" ] || { echo "You must inform an output directory via --output when using --separate"; exit 0; }
      if [ -e "$output" ] && [ ! -d "$output" ]; then echo "The parameter --output must be a directory"; exit 0; fi
      mkdir -p "$output"
      for f in "$@"; do cp "$f" "${output%/}/$(basename "$f")"; done
    else
      if [ -d "$output" ]; then echo "The parameter --output must be a writeable file"; exit 0; fi
      { printf '['; first=1
        for f in "$@"; do [ $first = 1 ] || printf ','; first=0; cat "$f"; done
        printf ']'; } > "${output:-/dev/stdout}"
    fi
    echo "Successfully exported $# $kind." ;;
  import:workflow|import:credentials)
    kind=workflows; [ "$command" = import:credentials ] && kind=credentials
    [ -n "$input" ] || { echo "An input file or directory with --input must be provided"; exit 1; }
    if [ $kind = credentials ] && [ -z "${N8N_ENCRYPTION_KEY:-}" ]; then
      echo "No encryption key found to encrypt the credentials!" >&2; exit 1
    fi
    [ $separate = 1 ] || { echo "stand-in: imports with --separate only" >&2; exit 2; }
    [ -d "$input" ] || { echo "The parameter --input must be a directory"; exit 1; }
    n=0
    for f in "${input%/}"/*.json; do
      [ -e "$f" ] || continue
      item=$(sed -n 's/^  "id": "\([^"]*\)".*/\1/p' "$f" | head -n 1)
      [ -n "$item" ] || item=$(basename "$f" .json)
      cp "$f" "$STATE/$kind/$item.json"; n=$((n+1))
    done
    echo "Successfully imported $n $kind." ;;
  *) echo "command $command not found" >&2; exit 127 ;;
esac
"""

N8N_STATE = "/home/node/.n8n/standin"


def n8n_encrypt(key: str, data: dict[str, object]) -> str:
    """A credential's `data` as n8n stores it: AES-256-CBC, key and IV from the encryption key
    and an 8-byte salt by OpenSSL's EVP_BytesToKey (MD5), "Salted__" + salt + ciphertext,
    base64 (n8n-core's Cipher)."""
    import base64
    import hashlib
    import json
    import os

    from cryptography.hazmat.primitives import padding
    from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

    salt = os.urandom(8)
    password = key.encode("latin-1") + salt
    first = hashlib.md5(password).digest()
    second = hashlib.md5(first + password).digest()
    iv = hashlib.md5(second + password).digest()
    padder = padding.PKCS7(128).padder()
    plain = padder.update(json.dumps(data).encode()) + padder.finalize()
    encryptor = Cipher(algorithms.AES(first + second), modes.CBC(iv)).encryptor()
    return base64.b64encode(
        b"Salted__" + salt + encryptor.update(plain) + encryptor.finalize()
    ).decode()


def n8n_decrypt(key: str, data: str) -> dict[str, object]:
    import base64
    import hashlib
    import json

    from cryptography.hazmat.primitives import padding
    from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

    raw = base64.b64decode(data)
    password = key.encode("latin-1") + raw[8:16]
    first = hashlib.md5(password).digest()
    second = hashlib.md5(first + password).digest()
    iv = hashlib.md5(second + password).digest()
    decryptor = Cipher(algorithms.AES(first + second), modes.CBC(iv)).decryptor()
    padded = decryptor.update(raw[16:]) + decryptor.finalize()
    unpadder = padding.PKCS7(128).unpadder()
    return json.loads(unpadder.update(padded) + unpadder.finalize())  # type: ignore[no-any-return]


def n8n_workflow(item_id: str, name: str) -> dict[str, object]:
    """A workflow as `n8n export:workflow` writes it (top-level id before the nodes' ids)."""
    return {
        "createdAt": "2026-10-01T08:00:00.000Z",
        "updatedAt": "2026-11-02T09:30:00.000Z",
        "id": item_id,
        "name": name,
        "active": True,
        "nodes": [
            {"parameters": {"rule": {"interval": [{"field": "hours"}]}},
             "id": f"{item_id}-node-1", "name": "Schedule Trigger",
             "type": "n8n-nodes-base.scheduleTrigger", "typeVersion": 1.2, "position": [0, 0]},
            {"parameters": {"url": "http://127.0.0.1:8780/health"}, "id": f"{item_id}-node-2",
             "name": "Objednávky — Größe", "type": "n8n-nodes-base.httpRequest",
             "typeVersion": 4.2, "position": [220, 0],
             "credentials": {"httpBasicAuth": {"id": "cred-1", "name": "Processor login"}}},
        ],
        "connections": {"Schedule Trigger": {"main": [[{"node": "Objednávky — Größe",
                                                         "type": "main", "index": 0}]]}},
        "settings": {"executionOrder": "v1"},
        "staticData": None,
        "pinData": {},
        "versionId": f"{item_id}-v1",
        "triggerCount": 1,
        "tags": [],
    }  # fmt: skip


def n8n_credential(
    item_id: str, name: str, kind: str, key: str, secret: dict[str, object]
) -> dict[str, object]:
    """A credential as `n8n export:credentials` (without --decrypted) writes it."""
    return {
        "createdAt": "2026-10-01T08:00:00.000Z",
        "updatedAt": "2026-10-01T08:00:00.000Z",
        "id": item_id,
        "name": name,
        "data": n8n_encrypt(key, secret),
        "type": kind,
        "isManaged": False,
    }


def tar_of(files: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w") as tar:
        for name, data in files.items():
            info = tarfile.TarInfo(name)
            info.size, info.mode = len(data), 0o644
            tar.addfile(info, io.BytesIO(data))
    return buffer.getvalue()


def seed_n8n(
    container: object, workflows: list[dict[str, object]], credentials: list[dict[str, object]]
) -> dict[str, bytes]:
    """Put workflows and credentials into the stand-in's "database" (replacing what was there);
    returns its files by name."""
    import json

    files = {f"workflows/{w['id']}.json": json.dumps(w, indent=2, ensure_ascii=False).encode()
             for w in workflows}  # fmt: skip
    files |= {f"credentials/{c['id']}.json": json.dumps(c, indent=2).encode() for c in credentials}
    container.exec_run(["sh", "-c", f"rm -rf {N8N_STATE}/workflows {N8N_STATE}/credentials; "  # type: ignore[attr-defined]
                        f"mkdir -p {N8N_STATE}/workflows {N8N_STATE}/credentials"])  # fmt: skip
    container.put_archive(N8N_STATE, tar_of(files))  # type: ignore[attr-defined]
    return files


def n8n_state(container: object) -> dict[str, bytes]:
    """The stand-in's "database" now: name → bytes."""
    found: dict[str, bytes] = {}
    for kind in ("workflows", "credentials"):
        stream, _ = container.get_archive(f"{N8N_STATE}/{kind}")  # type: ignore[attr-defined]
        with tarfile.open(fileobj=io.BytesIO(b"".join(stream))) as tar:
            for member in tar.getmembers():
                if member.isfile():
                    found[member.name] = tar.extractfile(member).read()  # type: ignore[union-attr]
    return found


def host_mounts() -> dict[str, dict[str, str]]:
    """Read-only binds of the host's programs and libraries, so that the host's real pg_dump and
    pg_restore run inside a busybox container (there is no postgres image here)."""
    import os

    found = {}
    for folder in ("/usr", "/lib", "/lib64"):
        if os.path.exists(folder):
            found[folder] = {"bind": folder, "mode": "ro"}
    return found


def pg_bindir() -> str:
    from tests.servers import postgres_bindir

    found = postgres_bindir()
    assert found is not None
    return str(found)
