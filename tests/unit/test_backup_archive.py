"""The archive of a set: every byte is checked on reading (a flipped byte anywhere names the
damaged file), entries that would escape the target folder are refused before anything is
written, the manifest is sealed and a newer one refused, and the encrypted form detects a
wrong passphrase, truncation, reordering and any altered byte."""

from __future__ import annotations

import io
import os
import tarfile
from datetime import UTC, datetime
from pathlib import Path

import pytest
from tests.backup_helpers import entry, flip, layout, write_tar

from gastro_hub_desktop.backup import encryption
from gastro_hub_desktop.backup.archive import ArchiveWriter, safe_target, scan
from gastro_hub_desktop.backup.encryption import HEADER_SIZE, DecryptingReader, EncryptingWriter
from gastro_hub_desktop.backup.errors import RestoreRefused, SetDamaged, WrongPassphrase
from gastro_hub_desktop.backup.manifest import MANIFEST_NAME, FileEntry, Manifest, TableSummary

CREATED = datetime(2026, 11, 4, 12, 0, tzinfo=UTC)
DB = "database/gastro-hub.sqlite3"
CONFIG = "config/database.json"


def make_archive(tmp_path: Path, db_bytes: bytes, name: str = "set.tar",
                 passphrase: str | None = None) -> tuple[Path, Manifest]:  # fmt: skip
    source = tmp_path / "db.bin"
    source.write_bytes(db_bytes)
    path = tmp_path / name
    with ArchiveWriter(path, passphrase, CREATED.timestamp()) as writer:
        writer.add_file(DB, source, "database")
        writer.add_bytes(CONFIG, b'{"url": "sqlite:///x"}', "config")
        manifest = Manifest(CREATED, "sqlite", "0009", tuple(writer.entries),
                            {"messages": TableSummary(3, "ab" * 16)})  # fmt: skip
        writer.finish(manifest)
        writer.sync()
    return path, manifest


def test_round_trip_and_what_is_written(tmp_path: Path) -> None:
    data = os.urandom(3 * 1024 * 1024 + 123)  # several read pieces, odd size (padding)
    path, manifest = make_archive(tmp_path, data)
    written: dict[str, io.BytesIO] = {}

    def sink(member: str) -> io.BytesIO:
        written[member] = io.BytesIO()
        return written[member]

    seen: list[int] = []
    result = scan(path, sink_for=sink, progress=seen.append)
    assert result.manifest.to_json() == manifest.to_json()
    assert written[DB].getvalue() == data
    assert written[CONFIG].getvalue() == b'{"url": "sqlite:///x"}'
    assert seen == sorted(seen) and seen[-1] <= path.stat().st_size
    # a plain tar any tool can read; the manifest comes last
    with tarfile.open(path) as tar:
        assert tar.getnames() == [DB, CONFIG, MANIFEST_NAME]
    assert len(path.read_bytes()) % 512 == 0


def test_every_flipped_byte_is_found_and_the_file_named(tmp_path: Path) -> None:
    path, _ = make_archive(tmp_path, os.urandom(1500))
    original = path.read_bytes()
    regions = {m.name: range(m.data, m.data + m.size) for m in layout(path)}
    headers = {o for m in layout(path) for o in range(m.header, m.header + 512)}
    named: dict[str, int] = {}
    # every byte of every header, every 5th byte elsewhere (data, padding, end marker)
    for offset in sorted(headers | set(range(0, len(original), 5)) | {len(original) - 1}):
        flip(path, offset)
        with pytest.raises(SetDamaged) as caught:
            scan(path)
        path.write_bytes(original)
        owner = next((name for name, where in regions.items() if offset in where), path.name)
        # inside a file's data: that file is named; anywhere else (a header, padding, the end
        # marker): the archive itself is named
        assert caught.value.file == owner, (offset, str(caught.value))
        assert owner in str(caught.value)
        named[owner] = named.get(owner, 0) + 1
    assert set(named) == {DB, CONFIG, MANIFEST_NAME, path.name}
    scan(path)  # and the untouched archive still verifies


def test_cut_archive_and_bytes_after_the_end(tmp_path: Path) -> None:
    path, _ = make_archive(tmp_path, os.urandom(5000))
    original = path.read_bytes()
    for cut in (100, 512, 3000, len(original) - 1024, len(original) - 1):
        path.write_bytes(original[:cut])
        with pytest.raises(SetDamaged) as caught:
            scan(path)
        assert caught.value.file in (path.name, DB, MANIFEST_NAME)
    path.write_bytes(original + b"x")
    with pytest.raises(SetDamaged, match="follow its end marker"):
        scan(path)


def _valid_manifest_bytes() -> bytes:
    files = (FileEntry(DB, "00" * 32, 0, "database"),)
    return Manifest(CREATED, "sqlite", "0009", files).to_json()


@pytest.mark.parametrize(
    ("member", "reason"),
    [
        (entry("../outside.txt"), "outside"),
        (entry("database/../../outside.txt"), "outside"),
        (entry("/etc/passwd-copy"), "outside"),
        (entry("C:/Windows/evil"), "outside"),
        (entry("database/link", tarfile.SYMTYPE, "/etc/passwd"), "symbolic link"),
        (entry("database/hard", tarfile.LNKTYPE, "database/gastro-hub.sqlite3"), "hard link"),
        (entry("database/sub", tarfile.DIRTYPE), "folder"),
        (entry("database/fifo", tarfile.FIFOTYPE), "tar type"),
    ],
    ids=["dotdot", "nested-dotdot", "absolute", "drive", "symlink", "hardlink", "dir", "fifo"],
)
def test_entries_that_could_escape_are_refused_before_anything_is_written(
    tmp_path: Path, member: tarfile.TarInfo, reason: str
) -> None:
    path = tmp_path / "evil.tar"
    payload = None if member.type in (tarfile.SYMTYPE, tarfile.LNKTYPE, tarfile.DIRTYPE,
                                      tarfile.FIFOTYPE) else b"owned"  # fmt: skip
    write_tar(path, [(entry(DB), b""), (member, payload),
                     (entry(MANIFEST_NAME), _valid_manifest_bytes())])  # fmt: skip
    asked: list[str] = []

    def sink(name: str) -> io.BytesIO:
        asked.append(name)
        return io.BytesIO()

    with pytest.raises(SetDamaged, match=reason) as caught:
        scan(path, sink_for=sink)
    assert caught.value.file == "evil.tar"
    assert asked == [DB]  # the bad entry never got a file
    assert not (tmp_path / "outside.txt").exists()


@pytest.mark.parametrize(
    "name", ["../x", "a/../../x", "/etc/x", "C:/x", "a\\..\\x", "a//b", "./a", "a/./b", ""]
)
def test_safe_target_refuses_paths_outside_the_folder(tmp_path: Path, name: str) -> None:
    with pytest.raises(ValueError, match="outside"):
        safe_target(tmp_path, name)
    assert (
        safe_target(tmp_path, "extra/n8n/workflows.json")
        == (tmp_path / "extra/n8n/workflows.json").resolve()
    )


def test_missing_and_unexpected_files(tmp_path: Path) -> None:
    path, _manifest = make_archive(tmp_path, b"database bytes")
    with tarfile.open(path) as tar:
        parts = {m.name: (m, tar.extractfile(m).read()) for m in tar.getmembers()}  # type: ignore[union-attr]
    missing = tmp_path / "missing.tar"
    write_tar(missing, [parts[CONFIG], parts[MANIFEST_NAME]])
    with pytest.raises(SetDamaged, match="missing from the archive") as caught:
        scan(missing)
    assert caught.value.file == DB
    extra = tmp_path / "extra.tar"
    write_tar(extra, [parts[DB], parts[CONFIG], (entry("extra/unlisted"), b"?"),
                      parts[MANIFEST_NAME]])  # fmt: skip
    with pytest.raises(SetDamaged, match="does not list") as caught:
        scan(extra)
    assert caught.value.file == "extra/unlisted"
    no_manifest = tmp_path / "cut.tar"
    write_tar(no_manifest, [parts[DB], parts[CONFIG]])
    with pytest.raises(SetDamaged, match=r"no manifest\.json"):
        scan(no_manifest)


def test_manifest_seal_newer_format_and_newer_schema() -> None:
    files = (FileEntry(DB, "ab" * 32, 10, "database"),)
    manifest = Manifest(CREATED, "sqlite", "0009", files)
    data = manifest.to_json()
    assert Manifest.from_json(data).to_json() == data
    with pytest.raises(SetDamaged, match="seal") as caught:
        Manifest.from_json(data.replace(b'"size": 10', b'"size": 11'))
    assert caught.value.file == MANIFEST_NAME
    with pytest.raises(SetDamaged, match="not valid JSON"):
        Manifest.from_json(b"\xff" + data)
    newer_format = Manifest(CREATED, "sqlite", "0009", files, format=2).to_json()
    with pytest.raises(RestoreRefused, match="newer Gastro Hub"):
        Manifest.from_json(newer_format)
    newer_schema = Manifest.from_json(Manifest(CREATED, "sqlite", "0042", files).to_json())
    with pytest.raises(RestoreRefused, match=r"schema 0042.*knows schema 0009"):
        newer_schema.check_restorable("0009")
    Manifest.from_json(Manifest(CREATED, "sqlite", "0003", files).to_json()).check_restorable()


# ---------------------------------------------------------------- encryption

FAST = 14  # scrypt cost for the stream tests (the header records it); the service uses 17


def encrypt(plain: bytes, passphrase: str = "correct horse", chunk: int = 4096) -> bytes:
    out = io.BytesIO()
    writer = EncryptingWriter(out, passphrase, log2_n=FAST, chunk=chunk)
    for start in range(0, len(plain), 1000):
        writer.write(plain[start : start + 1000])
    writer.close()
    return out.getvalue()


def decrypt(data: bytes, passphrase: str = "correct horse") -> bytes:
    return DecryptingReader(io.BytesIO(data), passphrase, "set.tar.enc").read()


@pytest.mark.parametrize("size", [0, 1, 4095, 4096, 4097, 3 * 4096, 50_000])
def test_encrypted_stream_round_trip(size: int) -> None:
    plain = os.urandom(size)
    data = encrypt(plain)
    assert plain not in data or size < 16
    assert decrypt(data) == plain


def test_wrong_passphrase_is_said_plainly() -> None:
    data = encrypt(b"secret rows")
    with pytest.raises(WrongPassphrase, match="passphrase does not open"):
        decrypt(data, "wrong horse")


def test_truncation_reordering_and_any_altered_byte_are_detected() -> None:
    chunk = 4096 + encryption.TAG
    data = encrypt(os.urandom(4 * 4096 + 100))
    chunks = [data[HEADER_SIZE + i * chunk : HEADER_SIZE + (i + 1) * chunk] for i in range(5)]
    header = data[:HEADER_SIZE]
    with pytest.raises(SetDamaged, match="truncated"):
        decrypt(header + b"".join(chunks[:3]))  # cut at a chunk boundary: not the final chunk
    with pytest.raises(SetDamaged, match="truncated"):
        decrypt(header)
    with pytest.raises(SetDamaged, match="chunk 4"):
        decrypt(data[:-50])  # cut inside the last chunk
    with pytest.raises(SetDamaged, match="chunk 1"):
        decrypt(header + chunks[0] + chunks[2] + chunks[1] + chunks[3] + chunks[4])
    with pytest.raises(SetDamaged, match="chunk 1"):
        decrypt(header + chunks[0] + chunks[0] + chunks[2] + chunks[3] + chunks[4])
    for offset in list(range(0, HEADER_SIZE)) + list(range(HEADER_SIZE, len(data), 997)):
        altered = bytearray(data)
        altered[offset] ^= 0xFF
        with pytest.raises(SetDamaged) as caught:
            decrypt(bytes(altered))
        assert caught.value.file == "set.tar.enc"


def test_encrypted_archive_with_the_default_construction(tmp_path: Path) -> None:
    data = os.urandom(2 * encryption.CHUNK + 5)
    path, manifest = make_archive(tmp_path, data, "set.tar.enc", passphrase="pässwörd 🔑")
    raw = path.read_bytes()
    assert raw.startswith(encryption.MAGIC) and data[:4096] not in raw
    assert raw[10] == encryption.DEFAULT_LOG2_N
    written = io.BytesIO()
    result = scan(path, "pässwörd 🔑", lambda m: written if m == DB else None)
    assert result.manifest.to_json() == manifest.to_json() and written.getvalue() == data
    with pytest.raises(WrongPassphrase):
        scan(path, "passwörd 🔑")
    with pytest.raises(WrongPassphrase, match="no backup passphrase"):
        scan(path, None)
    flip(path, len(raw) // 2)
    with pytest.raises(SetDamaged, match="does not authenticate") as caught:
        scan(path, "pässwörd 🔑")
    assert caught.value.file == "set.tar.enc"
