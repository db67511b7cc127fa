"""The one archive of a backup set: a plain tar (USTAR, regular files only, manifest last), or
that tar encrypted (see encryption.py). Written under a temporary name; read back in one pass
that checks every byte: tar headers (their checksums), each file's SHA-256 and size against
the manifest, zero padding, the end blocks and that nothing follows.

Reading refuses entries that could land outside the target folder (absolute paths, "..",
links, devices), a missing or unexpected file and any checksum mismatch, naming the file."""

from __future__ import annotations

import hashlib
import os
import tarfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import BinaryIO, Protocol

from gastro_hub_desktop.backup.encryption import MAGIC, DecryptingReader, EncryptingWriter
from gastro_hub_desktop.backup.errors import BackupCancelled, SetDamaged, WrongPassphrase
from gastro_hub_desktop.backup.manifest import MANIFEST_NAME, FileEntry, Manifest

BLOCK = 512
IO_CHUNK = 1 << 20
_ZERO_BLOCK = bytes(BLOCK)

Progress = Callable[[int], None]  # bytes done in the current step
Cancelled = Callable[[], bool]


def _never() -> bool:
    return False


def _ignore(_done: int) -> None:
    return None


def check_member_name(name: str) -> str:
    """`name` if it is a plain relative path inside the set; else a reason to refuse it."""
    path = PurePosixPath(name)
    if (
        not name
        or name.startswith(("/", "\\"))
        or "\\" in name
        or ":" in path.parts[0]
        or any(part in ("", ".", "..") for part in name.split("/"))
        or "\0" in name
    ):
        raise ValueError(f"entry {name!r} would be written outside the set's folder")
    return name


def is_encrypted(path: Path) -> bool:
    with open(path, "rb") as f:
        return f.read(len(MAGIC)) == MAGIC


class _Sink:
    """A raw file written fully (short writes retried), counting bytes and checking cancel."""

    def __init__(self, path: Path) -> None:
        self.file = open(path, "xb", buffering=0)  # noqa: SIM115 (closed by ArchiveWriter)
        self.written = 0

    def write(self, data: bytes | bytearray | memoryview) -> int:
        view = memoryview(data).cast("B")
        while view:
            n = self.file.write(view)
            if n is None:  # pragma: no cover (non-blocking files only)
                continue
            view = view[n:]
            self.written += n
        return len(data)


class ArchiveWriter:
    """Writes a set's archive at `path` (a temporary name): files first, the manifest last,
    then fsync. Use as a context manager; leaving it with an exception removes the file."""

    def __init__(self, path: Path, passphrase: str | None = None, mtime: float = 0.0) -> None:
        self.path = path
        self.mtime = int(mtime)
        self._sink = _Sink(path)
        self._encryptor = EncryptingWriter(self._sink, passphrase) if passphrase else None
        self._out: _Sink | EncryptingWriter = self._encryptor or self._sink
        self.entries: list[FileEntry] = []
        self._closed = False

    def __enter__(self) -> ArchiveWriter:
        return self

    def __exit__(self, kind: object, exc: object, tb: object) -> None:
        if not self._closed:
            self._sink.file.close()
            self._closed = True
        if exc is not None:
            self.path.unlink(missing_ok=True)

    @property
    def bytes_written(self) -> int:
        return self._sink.written

    def _header(self, name: str, size: int) -> None:
        info = tarfile.TarInfo(check_member_name(name))
        info.size, info.mtime, info.mode, info.type = size, self.mtime, 0o600, tarfile.REGTYPE
        info.uname = info.gname = ""
        self._out.write(info.tobuf(tarfile.USTAR_FORMAT, "utf-8", "strict"))

    def _pad(self, size: int) -> None:
        if size % BLOCK:
            self._out.write(bytes(BLOCK - size % BLOCK))

    def add_file(
        self,
        name: str,
        source: Path,
        role: str,
        progress: Progress = _ignore,
        cancelled: Cancelled = _never,
    ) -> FileEntry:
        """Copy `source` in as `name`, hashing it on the way; progress(bytes copied)."""
        with open(source, "rb", buffering=0) as f:
            size = os.fstat(f.fileno()).st_size
            self._header(name, size)
            digest = hashlib.sha256()
            buffer = bytearray(IO_CHUNK)
            view = memoryview(buffer)
            done = 0
            while done < size:
                if cancelled():
                    raise BackupCancelled("The backup was cancelled; nothing was kept.")
                n = f.readinto(view[: min(IO_CHUNK, size - done)])
                if not n:
                    raise OSError(f"{source} shrank while it was being archived")
                digest.update(view[:n])
                self._out.write(view[:n])
                done += n
                progress(done)
        self._pad(size)
        entry = FileEntry(name, digest.hexdigest(), size, role)
        self.entries.append(entry)
        return entry

    def add_bytes(self, name: str, data: bytes, role: str) -> FileEntry:
        self._header(name, len(data))
        self._out.write(data)
        self._pad(len(data))
        entry = FileEntry(name, hashlib.sha256(data).hexdigest(), len(data), role)
        self.entries.append(entry)
        return entry

    def finish(self, manifest: Manifest) -> None:
        """Append the manifest and the end blocks, seal the encryption, fsync and close."""
        data = manifest.to_json()
        self._header(MANIFEST_NAME, len(data))
        self._out.write(data)
        self._pad(len(data))
        self._out.write(_ZERO_BLOCK * 2)
        if self._encryptor is not None:
            self._encryptor.close()
        os.fsync(self._sink.file.fileno())
        self._sink.file.close()
        self._closed = True


# ---------------------------------------------------------------- reading


class _Reader(Protocol):
    def read(self, size: int = -1) -> bytes: ...


class _Counting:
    """The raw archive file, counting the bytes read (for progress)."""

    def __init__(self, file: BinaryIO) -> None:
        self.file = file
        self.done = 0

    def read(self, size: int = -1) -> bytes:
        data = self.file.read(size)
        self.done += len(data)
        return data

    def readinto(self, buffer: memoryview) -> int:
        n = self.file.readinto(buffer) or 0
        self.done += n
        return n


@dataclass
class ScanResult:
    """What a full read of an archive found: the manifest and every member's hash and size."""

    manifest: Manifest
    members: dict[str, tuple[str, int]] = field(default_factory=dict)
    archive_size: int = 0


Sinks = Callable[[str], BinaryIO | None]


def scan(
    path: Path,
    passphrase: str | None = None,
    sink_for: Sinks | None = None,
    progress: Progress = _ignore,
    cancelled: Cancelled = _never,
) -> ScanResult:
    """Read the whole archive at `path` once, checking everything; members for which `sink_for`
    returns a file are also written there (the caller keeps them only when this returns).

    Raises SetDamaged naming the archive, the member or the manifest; WrongPassphrase;
    BackupCancelled."""
    name = path.name
    with open(path, "rb", buffering=0) as raw_file:
        raw = _Counting(raw_file)
        encrypted = raw_file.read(len(MAGIC)) == MAGIC
        raw_file.seek(0)
        if encrypted:
            if not passphrase:
                raise WrongPassphrase(
                    f"{name} is encrypted and no backup passphrase is in the keyring."
                )
            source: _Reader = DecryptingReader(raw, passphrase, name)  # type: ignore[arg-type]
        else:
            source = raw
        members: dict[str, tuple[str, int]] = {}
        manifest_bytes: bytes | None = None
        for member, size in _members(source, name):
            if manifest_bytes is not None:
                raise SetDamaged(f"{name} is damaged: entry {member!r} follows the manifest.", name)
            if member in members:
                raise SetDamaged(f"{name} holds {member!r} twice; refused.", name)
            sink = None if member == MANIFEST_NAME or sink_for is None else sink_for(member)
            digest = hashlib.sha256()
            kept = bytearray() if member == MANIFEST_NAME else None
            for chunk in _data(source, size, name, member, encrypted):
                if cancelled():
                    raise BackupCancelled("Cancelled; nothing was changed.")
                digest.update(chunk)
                if kept is not None:
                    if len(kept) + len(chunk) > 16 << 20:
                        too_large = f"{MANIFEST_NAME} is damaged: far too large."
                        raise SetDamaged(too_large, MANIFEST_NAME)
                    kept += chunk
                elif sink is not None:
                    sink.write(chunk)
                progress(raw.done)
            if kept is not None:
                manifest_bytes = bytes(kept)
            members[member] = (digest.hexdigest(), size)
        if manifest_bytes is None:
            raise SetDamaged(
                f"{name} is incomplete: it has no {MANIFEST_NAME} (a cut-off or foreign archive).",
                MANIFEST_NAME,
            )
        manifest = Manifest.from_json(manifest_bytes)
        _compare(manifest, members)
        return ScanResult(manifest, members, raw.done)


def _compare(manifest: Manifest, members: dict[str, tuple[str, int]]) -> None:
    for entry in manifest.files:
        found = members.get(entry.path)
        if found is None:
            raise SetDamaged(
                f"The set is incomplete: {entry.path} is listed in the manifest but missing "
                "from the archive.",
                entry.path,
            )
        digest, size = found
        if size != entry.size:
            raise SetDamaged(
                f"{entry.path} is damaged: {size} bytes in the archive, {entry.size} when it "
                "was backed up.",
                entry.path,
            )
        if digest != entry.sha256:
            raise SetDamaged(
                f"{entry.path} is damaged: its SHA-256 differs from the one in the manifest.",
                entry.path,
            )
    for member in members:
        if member != MANIFEST_NAME and manifest.file(member) is None:
            raise SetDamaged(
                f"The archive holds {member}, which its manifest does not list; refused.", member
            )


def _read_exact(source: _Reader, size: int) -> bytes:
    parts, got = [], 0
    while got < size:
        piece = source.read(size - got)
        if not piece:
            break
        parts.append(piece)
        got += len(piece)
    return b"".join(parts)


def _members(source: _Reader, name: str) -> Iterator[tuple[str, int]]:
    """Each entry's (name, size), the reader left at its data; ends at the end blocks."""
    offset = 0
    while True:
        block = _read_exact(source, BLOCK)
        if len(block) < BLOCK:
            raise SetDamaged(f"{name} is damaged: it ends early (at byte {offset}).", name)
        if block == _ZERO_BLOCK:
            second = _read_exact(source, BLOCK)
            if second != _ZERO_BLOCK:
                raise SetDamaged(
                    f"{name} is damaged: its end marker at byte {offset} is altered or cut.", name
                )
            if source.read(1):
                raise SetDamaged(f"{name} is damaged: bytes follow its end marker.", name)
            return
        try:
            info = tarfile.TarInfo.frombuf(block, "utf-8", "strict")
        except (tarfile.HeaderError, UnicodeDecodeError, ValueError) as exc:
            raise SetDamaged(
                f"{name} is damaged: the entry header at byte {offset} is corrupt ({exc}).", name
            ) from None
        if info.type not in (tarfile.REGTYPE, tarfile.AREGTYPE):
            kinds = {tarfile.SYMTYPE: "a symbolic link", tarfile.LNKTYPE: "a hard link",
                     tarfile.DIRTYPE: "a folder"}  # fmt: skip
            kind = kinds.get(info.type, f"of tar type {info.type!r}")
            raise SetDamaged(
                f"{name} is refused: entry {info.name!r} is {kind}, which a set never holds.", name
            )
        try:
            check_member_name(info.name)
        except ValueError as exc:
            raise SetDamaged(f"{name} is refused: {exc}.", name) from None
        yield info.name, info.size
        offset += BLOCK + info.size + (-info.size % BLOCK)


def _data(
    source: _Reader, size: int, name: str, member: str, encrypted: bool
) -> Iterator[memoryview | bytes]:
    left = size
    if not encrypted and isinstance(source, _Counting):
        buffer = bytearray(IO_CHUNK)
        view = memoryview(buffer)
        while left:
            n = source.readinto(view[: min(IO_CHUNK, left)])
            if not n:
                raise SetDamaged(f"{name} is damaged: it ends inside {member}.", name)
            left -= n
            yield view[:n]
    else:
        while left:
            piece = source.read(min(IO_CHUNK, left))
            if not piece:
                raise SetDamaged(f"{name} is damaged: it ends inside {member}.", name)
            left -= len(piece)
            yield piece
    padding = _read_exact(source, -size % BLOCK)
    if len(padding) != -size % BLOCK or padding.count(0) != len(padding):
        raise SetDamaged(f"{name} is damaged: the padding after {member} is altered.", name)


def safe_target(root: Path, member: str) -> Path:
    """Where `member` goes under `root`; refuses anything that would land outside it."""
    check_member_name(member)
    target = (root / member).resolve()
    if not target.is_relative_to(root.resolve()):
        raise ValueError(f"entry {member!r} would be written outside {root}")
    return target
