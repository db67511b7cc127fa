"""The one archive of a backup set: a plain tar (USTAR, regular files only, manifest last) or
that tar encrypted; written under a temporary name, and read back in one pass that checks every
byte and refuses entries that could land outside the target folder.

Reading checks the tar headers (exactly as this app writes them), each file's SHA-256 and size
against the manifest, the zero padding, the end blocks and that nothing but zeros follows; a
missing or unexpected file and any mismatch are refused, naming the file."""

from __future__ import annotations

import contextlib
import hashlib
import os
import queue
import tarfile
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import BinaryIO, Protocol

from gastro_hub_desktop.backup.encryption import MAGIC, DecryptingReader, EncryptingWriter
from gastro_hub_desktop.backup.errors import BackupCancelled, SetDamaged, WrongPassphrase
from gastro_hub_desktop.backup.manifest import MANIFEST_NAME, FileEntry, Manifest

BLOCK = 512
IO_CHUNK = 4 << 20  # read and written in pieces this big; cancel is checked between them
READ_AHEAD = 4  # pieces read ahead by a background thread
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


class ReadAhead:
    """A file read front to back by a background thread a few pieces ahead, so the disk reads
    overlap hashing, decrypting and writing (a small file is simply read at once). `done`
    counts the bytes handed out."""

    def __init__(self, file: BinaryIO, limit: int | None = None) -> None:
        self._file = file
        self._limit = limit
        self._stop = threading.Event()
        self._current = memoryview(b"")
        self._eof = False
        self.done = 0
        try:
            small = os.fstat(file.fileno()).st_size <= IO_CHUNK
        except (AttributeError, OSError, ValueError):
            small = False
        self._queue: queue.Queue[bytes | BaseException] = queue.Queue(0 if small else READ_AHEAD)
        self._thread: threading.Thread | None = None
        if small:
            self._run()
        else:
            self._thread = threading.Thread(target=self._run, name="backup-read-ahead",
                                            daemon=True)  # fmt: skip
            self._thread.start()

    def _run(self) -> None:
        left = self._limit
        try:
            while not self._stop.is_set():
                want = IO_CHUNK if left is None else min(IO_CHUNK, left)
                data = self._file.read(want) if want else b""
                self._put(data or b"")
                if not data:
                    return
                if left is not None:
                    left -= len(data)
        except BaseException as exc:  # handed to the reader, raised there
            self._put(exc)

    def _put(self, item: bytes | BaseException) -> None:
        while not self._stop.is_set():
            try:
                self._queue.put(item, timeout=0.1)
                return
            except queue.Full:
                continue

    def _fill(self) -> bool:
        if self._eof:
            return False
        item = self._queue.get()
        if isinstance(item, BaseException):
            self._eof = True
            raise item
        if not item:
            self._eof = True
            return False
        self._current = memoryview(item)
        return True

    def pieces(self, size: int) -> Iterator[memoryview]:
        """The next `size` bytes as views (fewer only at the end of the file)."""
        while size > 0:
            if not self._current and not self._fill():
                return
            piece = self._current[:size]
            self._current = self._current[len(piece) :]
            size -= len(piece)
            self.done += len(piece)
            yield piece

    def read(self, size: int = -1) -> bytes:
        if size < 0:
            size = 1 << 62
        return b"".join(self.pieces(size))

    def close(self) -> None:
        self._stop.set()
        if self._thread is None:
            return
        while self._thread.is_alive():
            with contextlib.suppress(queue.Empty):
                self._queue.get(timeout=0.1)
        self._thread.join()

    def __enter__(self) -> ReadAhead:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()


class _Sink:
    """A raw file written fully (short writes retried), counting the bytes."""

    def __init__(self, file: BinaryIO) -> None:
        self.file = file
        self.written = 0

    def write(self, data: bytes | bytearray | memoryview) -> int:
        view = memoryview(data).cast("B")
        while view:
            view = view[self.file.write(view) or 0 :]
        self.written += len(data)
        return len(data)


class ArchiveWriter:
    """Writes a set's archive at `path` (a temporary name): files first, the manifest last,
    then fsync. Use as a context manager; leaving it with an exception removes the file."""

    def __init__(self, path: Path, passphrase: str | None = None, mtime: float = 0.0) -> None:
        self.path = path
        self.mtime = int(mtime)
        self._file = open(path, "xb", buffering=0)  # noqa: SIM115 (closed in sync/__exit__)
        self._sink = _Sink(self._file)
        self._encryptor = EncryptingWriter(self._sink, passphrase) if passphrase else None  # type: ignore[arg-type]
        self._out: _Sink | EncryptingWriter = self._encryptor or self._sink
        self.entries: list[FileEntry] = []
        self._closed = False

    def __enter__(self) -> ArchiveWriter:
        return self

    def __exit__(self, kind: object, exc: object, tb: object) -> None:
        if not self._closed:
            self._file.close()
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
        size: int | None = None,
    ) -> FileEntry:
        """Copy `source` (its first `size` bytes, or all of it) in as `name`, hashing it on
        the way; progress(bytes copied)."""
        with open(source, "rb", buffering=0) as f:
            size = os.fstat(f.fileno()).st_size if size is None else size
            self._header(name, size)
            digest = hashlib.sha256()
            done = 0
            with ReadAhead(f, size) as reader:
                for piece in reader.pieces(size):
                    if cancelled():
                        raise BackupCancelled("The backup was cancelled; nothing was kept.")
                    digest.update(piece)
                    self._out.write(piece)
                    done += len(piece)
                    progress(done)
            if done != size:
                raise OSError(f"{source} ended after {done} of {size} bytes while archived")
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
        """Append the manifest and the end blocks and seal the encryption (then `sync()`)."""
        data = manifest.to_json()
        self._header(MANIFEST_NAME, len(data))
        self._out.write(data)
        self._pad(len(data))
        self._out.write(_ZERO_BLOCK * 2)
        if self._encryptor is not None:
            self._encryptor.close()

    def sync(self) -> None:
        """fsync and close: the archive is on the disk when this returns."""
        os.fsync(self._file.fileno())
        self._file.close()
        self._closed = True


# ---------------------------------------------------------------- reading


class _Reader(Protocol):
    def read(self, size: int = -1) -> bytes: ...


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
    encrypted = is_encrypted(path)
    with open(path, "rb", buffering=0) as raw_file, ReadAhead(raw_file) as raw:
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
            for chunk in _data(source, size, name, member):
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
            while rest := source.read(IO_CHUNK):  # tar tools pad with zeros; nothing else
                if rest.count(0) != len(rest):
                    raise SetDamaged(f"{name} is damaged: bytes follow its end marker.", name)
            return
        try:
            info = tarfile.TarInfo.frombuf(block, "utf-8", "strict")
            # the tar checksum skips its own field: a header must also be exactly what our
            # writer makes of its values
            if info.tobuf(tarfile.USTAR_FORMAT, "utf-8", "strict") != block:
                raise ValueError("not a header this app writes")
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


def _data(source: _Reader, size: int, name: str, member: str) -> Iterator[memoryview | bytes]:
    left = size
    if isinstance(source, ReadAhead):
        for piece in source.pieces(size):
            left -= len(piece)
            yield piece
    else:
        while left:
            piece = source.read(min(IO_CHUNK, left))
            if not piece:
                break
            left -= len(piece)
            yield piece
    if left:
        raise SetDamaged(f"{name} is damaged: it ends inside {member}.", name)
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
