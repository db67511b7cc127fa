"""The one place the app touches the OS keyring (Secret Service, Windows Credential Manager,
macOS Keychain). Secrets never go to the database, config files, logs or backups.

Insecure back ends (keyring's `fail`, plaintext and keyrings.alt files) are refused unless the
user explicitly accepts one; a locked or missing keyring says "keyring unavailable"."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

log = logging.getLogger(__name__)
SERVICE = "gastro-hub-desktop"

FRIENDLY_NAMES = {
    "SecretService": "Secret Service (gnome-keyring / KWallet)",
    "libsecret": "Secret Service (libsecret)",
    "kwallet": "KWallet",
    "Windows": "Windows Credential Manager",
    "macOS": "macOS Keychain",
    "fail": "none",
    "chainer": "keyring chain",
}
FIX = (
    "On Linux install and unlock gnome-keyring (or KWallet) in your desktop session; on "
    "Windows and macOS the system keyring is used automatically."
)


class KeyringUnavailable(RuntimeError):
    """The keyring cannot be used right now; the message is meant for the user."""


@dataclass(frozen=True, slots=True)
class KeyringStatus:
    backend: str
    usable: bool
    problem: str | None = None


def _module_key(backend: Any) -> str:
    module = type(backend).__module__
    return module.rsplit(".", 1)[-1]


def is_insecure(backend: Any) -> bool:
    module = type(backend).__module__
    if module.startswith("keyrings.alt") or module.endswith(".fail"):
        return True
    if module.endswith(".chainer"):
        inner = getattr(backend, "backends", [])
        return not inner or all(is_insecure(b) for b in inner)
    return "plaintext" in type(backend).__name__.lower()


class Credentials:
    """Secrets by name, kept under the app's service name in the chosen keyring."""

    def __init__(self, backend: Any | None = None, allow_insecure: bool = False) -> None:
        self._backend = backend
        self._allow_insecure = allow_insecure

    def _keyring(self) -> Any:
        if self._backend is None:
            import keyring  # slow to import: only when a secret is needed

            self._backend = keyring.get_keyring()
        return self._backend

    def backend_name(self) -> str:
        try:
            backend = self._keyring()
        except Exception:
            log.exception("keyring could not be loaded")
            return "none"
        name = FRIENDLY_NAMES.get(_module_key(backend), type(backend).__name__)
        if is_insecure(backend) and name != "none":
            name += " (insecure)"
        return name

    def status(self) -> KeyringStatus:
        """Which keyring holds the secrets, and whether it works now (checked, not assumed)."""
        name = self.backend_name()
        try:
            backend = self._keyring()
        except Exception as exc:
            return KeyringStatus(name, False, f"keyring unavailable: {exc}. {FIX}")
        if is_insecure(backend) and not self._allow_insecure:
            return KeyringStatus(name, False, _refusal(backend, name))
        try:
            backend.get_password(SERVICE, "__probe__")
        except Exception as exc:
            log.warning("keyring probe failed: %s", type(exc).__name__, exc_info=True)
            return KeyringStatus(name, False, f"keyring unavailable ({_reason(exc)}). {FIX}")
        return KeyringStatus(name, True)

    def _usable(self) -> Any:
        backend = self._keyring()
        if is_insecure(backend) and not self._allow_insecure:
            raise KeyringUnavailable(_refusal(backend, self.backend_name()))
        return backend

    def set(self, name: str, secret: str) -> None:
        try:
            self._usable().set_password(SERVICE, name, secret)
        except KeyringUnavailable:
            raise
        except Exception as exc:
            raise self._unavailable("store", name, exc) from None

    def get(self, name: str) -> str | None:
        try:
            return self._usable().get_password(SERVICE, name)
        except KeyringUnavailable:
            raise
        except Exception as exc:
            raise self._unavailable("read", name, exc) from None

    def delete(self, name: str) -> None:
        try:
            backend = self._usable()
            if backend.get_password(SERVICE, name) is not None:
                backend.delete_password(SERVICE, name)
        except KeyringUnavailable:
            raise
        except Exception as exc:
            raise self._unavailable("delete", name, exc) from None

    def _unavailable(self, action: str, name: str, exc: BaseException) -> KeyringUnavailable:
        # The secret itself is never logged; the exception text from keyring does not hold it.
        log.warning("keyring could not %s %r: %s", action, name, type(exc).__name__, exc_info=True)
        return KeyringUnavailable(
            f"keyring unavailable: could not {action} {name!r} ({_reason(exc)})"
        )


def _refusal(backend: Any, name: str) -> str:
    if type(backend).__module__.endswith(".fail"):
        return f"keyring unavailable: no keyring service is running. {FIX}"
    return (
        f"keyring unavailable: {name} keeps secrets without real protection, so it is refused "
        f"unless you accept it explicitly. {FIX}"
    )


def _reason(exc: BaseException) -> str:
    kind = type(exc).__name__
    if "Locked" in kind or "locked" in str(exc).lower():
        return "the keyring is locked: unlock it in your desktop session"
    if "NoKeyring" in kind:
        return "no keyring service is running"
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else kind
    return text[:160]
