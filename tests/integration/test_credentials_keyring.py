"""Secrets in a real Secret Service (gnome-keyring on a private D-Bus): round trips, long and
non-ASCII secrets, refusal of insecure back ends, and "keyring unavailable" when locked."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from gastro_hub_desktop.credentials import Credentials, KeyringUnavailable

LONG = "x" * 2000
CZECH = "heslo-žluťoučký-kůň-Größe-🔑"


@pytest.fixture
def credentials(secret_service: dict[str, str]) -> Credentials:
    from keyring.backends.SecretService import Keyring

    return Credentials(Keyring())


def test_round_trip_overwrite_and_delete(credentials: Credentials) -> None:
    assert credentials.status().usable
    assert "Secret Service" in credentials.backend_name()
    credentials.set("twilio.auth_token", "first")
    credentials.set("twilio.auth_token", "second")
    assert credentials.get("twilio.auth_token") == "second"
    credentials.delete("twilio.auth_token")
    assert credentials.get("twilio.auth_token") is None
    credentials.delete("twilio.auth_token")  # deleting what is gone is fine
    assert credentials.get("never.stored") is None


@pytest.mark.parametrize("secret", [LONG, CZECH], ids=["2000-bytes", "non-ascii"])
def test_long_and_non_ascii_secrets(credentials: Credentials, secret: str) -> None:
    credentials.set("imap.password", secret)
    assert credentials.get("imap.password") == secret


def test_another_process_sees_the_secret(
    credentials: Credentials, secret_service: dict[str, str]
) -> None:
    credentials.set("shared.token", CZECH)
    code = (
        "from keyring.backends.SecretService import Keyring;"
        "from gastro_hub_desktop.credentials import Credentials;"
        "print(Credentials(Keyring()).get('shared.token'))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], env={**os.environ, **secret_service},
        capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert out.stdout.strip() == CZECH, out.stderr


def test_fail_backend_is_refused_with_keyring_unavailable() -> None:
    from keyring.backends.fail import Keyring as Fail

    credentials = Credentials(Fail())
    status = credentials.status()
    assert not status.usable and status.backend == "none"
    assert "keyring unavailable" in (status.problem or "")
    with pytest.raises(KeyringUnavailable, match="keyring unavailable"):
        credentials.set("x", "y")


def test_locked_keyring_says_unavailable_not_wrong_password(
    lockable_secret_service: dict[str, str],
) -> None:
    import secretstorage
    from keyring.backends.SecretService import Keyring

    credentials = Credentials(Keyring())

    credentials.set("probe", "value")
    connection = secretstorage.dbus_init()
    collection = secretstorage.get_default_collection(connection)
    collection.lock()
    if not collection.is_locked():
        pytest.skip("gnome-keyring did not lock its collection headless")
    try:
        with pytest.raises(KeyringUnavailable) as caught:
            credentials.get("probe")
        message = str(caught.value).lower()
        assert "keyring unavailable" in message and "password" not in message.replace("probe", "")
    finally:
        connection.close()
