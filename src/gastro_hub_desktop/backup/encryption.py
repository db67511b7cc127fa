"""Optional encryption of a set's archive with a passphrase (kept in the keyring), as a stream of
authenticated chunks, with the `cryptography` library (OpenSSL underneath).

Construction: scrypt (N=2^17, r=8, p=1, 16-byte random salt per archive) derives 64 bytes; the
first 32 are an AES-256-GCM key, the last 32 an HMAC-SHA256 key that makes a 16-byte key-check
value, so a wrong passphrase is told apart from damage. The plaintext is cut into 1 MiB chunks;
chunk i is sealed with AES-256-GCM under nonce = i (96-bit big-endian; the key is unique per
archive because the salt is) and associated data = SHA-256(header) || i (u64) || final (u8).
So a changed header, a changed, swapped, dropped or repeated chunk, and a cut-off end (the last
chunk present was not sealed as final) all fail authentication. Chunked AEAD rather than
Fernet: Fernet holds a whole message in memory and authenticates it only at the end, which does
not suit a 1 GB database; chunks stream with constant memory and fail at the first bad chunk.

Layout: header (68 bytes) = magic "GHBKENC1" | version u8 | kdf u8 (1 = scrypt) | log2 N u8 |
r u8 | p u8 | 3 zero bytes | chunk size u32 | salt (16) | key check (16) | SHA-256 of the
preceding 52 bytes, first 16 bytes; then the chunks, each ciphertext + 16-byte tag."""

from __future__ import annotations

import hashlib
import hmac
import os
import struct
from typing import BinaryIO

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from gastro_hub_desktop.backup.errors import SetDamaged, WrongPassphrase

MAGIC = b"GHBKENC1"
VERSION = 1
KDF_SCRYPT = 1
SCHEME = "scrypt+aes-256-gcm-chunked"
CHUNK = 1 << 20
TAG = 16
_PREFIX = struct.Struct(">8sBBBBB3xI16s")  # 36 bytes: magic .. salt
HEADER_SIZE = _PREFIX.size + 16 + 16
DEFAULT_LOG2_N, DEFAULT_R, DEFAULT_P = 17, 8, 1


def describe(log2_n: int = DEFAULT_LOG2_N, chunk: int = CHUNK) -> dict[str, object]:
    """The encryption info recorded in a manifest."""
    return {"scheme": SCHEME, "kdf": "scrypt", "log2_n": log2_n, "r": DEFAULT_R,
            "p": DEFAULT_P, "chunk_size": chunk}  # fmt: skip


def _derive(passphrase: str, salt: bytes, log2_n: int, r: int, p: int) -> tuple[bytes, bytes]:
    key = Scrypt(salt=salt, length=64, n=1 << log2_n, r=r, p=p).derive(passphrase.encode("utf-8"))
    return key[:32], key[32:]


def _nonce(index: int) -> bytes:
    return b"\0\0\0\0" + index.to_bytes(8, "big")


def _associated(header_digest: bytes, index: int, final: bool) -> bytes:
    return header_digest + index.to_bytes(8, "big") + (b"\1" if final else b"\0")


class EncryptingWriter:
    """A write-only stream that encrypts into `sink`; `close()` seals the final chunk (it does
    not close `sink`)."""

    def __init__(
        self, sink: BinaryIO, passphrase: str, *, log2_n: int = DEFAULT_LOG2_N, chunk: int = CHUNK
    ) -> None:
        if not passphrase:
            raise ValueError("an empty passphrase cannot encrypt a backup")
        salt = os.urandom(16)
        key, check_key = _derive(passphrase, salt, log2_n, DEFAULT_R, DEFAULT_P)
        prefix = _PREFIX.pack(MAGIC, VERSION, KDF_SCRYPT, log2_n, DEFAULT_R, DEFAULT_P, chunk, salt)
        prefix += hmac.new(check_key, prefix, hashlib.sha256).digest()[:16]
        header = prefix + hashlib.sha256(prefix).digest()[:16]
        self._sink = sink
        self._aead = AESGCM(key)
        self._digest = hashlib.sha256(header).digest()
        self._chunk = chunk
        self._buffer = bytearray()
        self._index = 0
        self._closed = False
        sink.write(header)

    def write(self, data: bytes | bytearray | memoryview) -> int:
        self._buffer += data
        # keep up to one chunk back: only close() knows which chunk is the final one
        while len(self._buffer) > self._chunk:
            self._seal(bytes(self._buffer[: self._chunk]), final=False)
            del self._buffer[: self._chunk]
        return len(data)

    def _seal(self, plain: bytes, final: bool) -> None:
        aad = _associated(self._digest, self._index, final)
        self._sink.write(self._aead.encrypt(_nonce(self._index), plain, aad))
        self._index += 1

    def close(self) -> None:
        if not self._closed:
            self._seal(bytes(self._buffer), final=True)
            self._buffer.clear()
            self._closed = True


class DecryptingReader:
    """A read-only stream of the plaintext of `source`. Raises WrongPassphrase when the key check
    fails, SetDamaged (naming `name`) when the header or a chunk does not authenticate or the
    stream ends early."""

    def __init__(self, source: BinaryIO, passphrase: str, name: str) -> None:
        self._source = source
        self._name = name
        header = source.read(HEADER_SIZE)
        if len(header) < HEADER_SIZE or not header.startswith(MAGIC):
            raise self._damaged("it is not an encrypted Gastro Hub archive or its header is cut")
        prefix, check, digest16 = header[:36], header[36:52], header[52:]
        if hashlib.sha256(prefix + check).digest()[:16] != digest16:
            raise self._damaged("its encryption header is damaged")
        _magic, version, kdf, log2_n, r, p, chunk, salt = _PREFIX.unpack(prefix)
        if version != VERSION or kdf != KDF_SCRYPT or not (10 <= log2_n <= 22) or r > 32:
            raise self._damaged(f"unknown encryption format {version}/{kdf}")
        if not (4096 <= chunk <= 1 << 26) or not (1 <= p <= 16):
            raise self._damaged("its encryption header holds impossible values")
        key, check_key = _derive(passphrase, salt, log2_n, r, p)
        expected = hmac.new(check_key, prefix, hashlib.sha256).digest()[:16]
        if not hmac.compare_digest(expected, check):
            raise WrongPassphrase(
                f"{name}: the passphrase does not open this archive (wrong passphrase?)."
            )
        self._aead = AESGCM(key)
        self._digest = hashlib.sha256(header).digest()
        self._cipher_chunk = chunk + TAG
        self._index = 0
        self._pending = source.read(self._cipher_chunk)
        if not self._pending:
            raise self._damaged("it is truncated (no data after the header)")
        self._plain = memoryview(b"")
        self._done = False

    def _damaged(self, reason: str) -> SetDamaged:
        return SetDamaged(f"{self._name} is damaged: {reason}.", self._name)

    def _next_chunk(self) -> bool:
        if self._done:
            return False
        current = self._pending
        self._pending = self._source.read(self._cipher_chunk)
        final = not self._pending
        nonce = _nonce(self._index)
        try:
            aad = _associated(self._digest, self._index, final)
            plain = self._aead.decrypt(nonce, current, aad)
        except InvalidTag:
            if final and self._authentic_as_middle(current):
                raise self._damaged(
                    f"it is truncated (it ends after chunk {self._index}, which is not the last)"
                ) from None
            raise self._damaged(
                f"chunk {self._index} (at byte {HEADER_SIZE + self._index * self._cipher_chunk}) "
                "does not authenticate: it was altered, reordered or cut"
            ) from None
        self._index += 1
        self._done = final
        self._plain = memoryview(plain)
        return True

    def _authentic_as_middle(self, data: bytes) -> bool:
        try:
            aad = _associated(self._digest, self._index, False)
            self._aead.decrypt(_nonce(self._index), data, aad)
        except InvalidTag:
            return False
        return True

    def read(self, size: int = -1) -> bytes:
        if size < 0:
            parts = [bytes(self._plain)]
            while self._next_chunk():
                parts.append(bytes(self._plain))
            self._plain = memoryview(b"")
            return b"".join(parts)
        while not self._plain:
            if not self._next_chunk():
                return b""
        piece = self._plain[:size]
        self._plain = self._plain[len(piece) :]
        return bytes(piece)
