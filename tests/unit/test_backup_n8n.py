"""n8n's part of a set, without Docker: a key is checked against credentials encrypted the way
n8n encrypts them (and a wrong key is told apart), clear-text credentials are refused before
they could reach a set, and the manifest's n8n section round-trips while a manifest without
one keeps the exact bytes (and seal) it always had."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest
from tests.backup_helpers import n8n_credential, n8n_decrypt, n8n_encrypt

from gastro_hub_desktop.backup.manifest import FileEntry, Manifest
from gastro_hub_desktop.backup.n8n import N8nFailed, N8nPart, _check_item, key_opens_all, opens

CREATED = datetime(2026, 11, 4, 12, 0, tzinfo=UTC)
FILES = (FileEntry("database/x.sqlite3", "ab" * 32, 10, "database"),)


def test_a_key_opens_what_n8n_encrypted_with_it_and_no_other_key_does() -> None:
    secret = {"user": "objednavky@bistro.example", "password": "Größe-123"}
    data = n8n_encrypt("the-key", secret)
    assert data.startswith("U2FsdGVkX1")  # base64 of "Salted__", as n8n stores it
    assert n8n_decrypt("the-key", data) == secret
    assert opens("the-key", data)
    assert not any(opens(f"other-key-{n}", data) for n in range(50))
    assert not opens("the-key", "not base64 at all!") and not opens("the-key", "")
    others = [n8n_encrypt("the-key", {"n": n}) for n in range(3)]
    assert key_opens_all("the-key", [data, *others]) is True
    assert key_opens_all("the-key", [data, n8n_encrypt("elsewhere", secret)]) is False
    assert key_opens_all(None, [data]) is None and key_opens_all("the-key", []) is None


def test_credentials_in_clear_text_are_refused() -> None:
    good = n8n_credential("c1", "SMTP", "smtp", "k", {"password": "p"})
    _check_item("credentials", "credentials/c1.json", json.dumps(good).encode())
    clear = {**good, "data": {"password": "p"}}  # what --decrypted would write
    with pytest.raises(N8nFailed, match="clear text; refused"):
        _check_item("credentials", "credentials/c1.json", json.dumps(clear).encode())
    with pytest.raises(N8nFailed, match="not JSON"):
        _check_item("workflows", "workflows/w.json", b"\xff{")
    with pytest.raises(N8nFailed, match="not one workflow"):
        _check_item("workflows", "workflows/w.json", b"[1, 2]")


def test_the_manifest_keeps_n8n_part_and_older_manifests_unchanged() -> None:
    part = N8nPart(True, "gastro-hub-n8n-1", 3, 2, "not included", True)
    manifest = Manifest(CREATED, "sqlite", "0009", FILES, n8n=part.to_manifest())
    again = Manifest.from_json(manifest.to_json())
    assert again.n8n == part.to_manifest() and again.to_json() == manifest.to_json()
    assert N8nPart.from_manifest(again.n8n) == part
    plain = Manifest(CREATED, "sqlite", "0009", FILES)
    assert b'"n8n"' not in plain.to_json()  # a set without n8n: the same bytes as before
    assert Manifest.from_json(plain.to_json()).n8n is None
