"""What every "add an account" dialog shares: Test connection and Save buttons that ask the
engine (never doing I/O on the GUI thread), stay disabled while it works, and show its answer
in the user's words."""

from __future__ import annotations

import concurrent.futures
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPushButton, QWidget

from gastro_hub_desktop.ui.bridge import user_message

if TYPE_CHECKING:
    from gastro_hub_desktop.engine.facade import Engine
    from gastro_hub_desktop.ui.bridge import EngineBridge


class AccountDialog(QDialog):
    """Subclasses lay out their fields, then add `test_button`, `result` and `buttons`."""

    # what the user reads while the engine checks (subclasses mark theirs the same way)
    testing = QT_TRANSLATE_NOOP("AccountDialog", "Testing…")

    def __init__(self, engine: Engine, bridge: EngineBridge, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._engine = engine
        self._bridge = bridge
        self.result = QLabel()
        self.result.setWordWrap(True)
        self.test_button = QPushButton(self.tr("Test connection"))
        self.test_button.clicked.connect(self.test_connection)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)

    def _missing(self) -> str | None:
        """What the user still has to fill in, in words; None when the form is complete."""
        raise NotImplementedError

    def _test(self) -> concurrent.futures.Future[str]:
        raise NotImplementedError

    def _add(self) -> concurrent.futures.Future[str]:
        raise NotImplementedError

    def _forget_secret(self) -> None:
        """Clear the secret fields once the engine has put them in the keyring."""

    def _ask(
        self,
        busy: str,
        start: Callable[[], concurrent.futures.Future[str]],
        ok: Callable[[str], None],
    ) -> None:
        if (problem := self._missing()) is not None:
            self.result.setText(problem)
            return
        self.result.setText(busy)
        self.test_button.setEnabled(False)
        self.buttons.setEnabled(False)
        self._bridge.call(start(), ok, lambda exc: self._done("✘ " + user_message(exc)))

    def _done(self, text: str) -> None:
        self.result.setText(text)
        self.test_button.setEnabled(True)
        self.buttons.setEnabled(True)

    def test_connection(self) -> None:
        self._ask(
            QCoreApplication.translate("AccountDialog", self.testing),
            self._test,
            lambda summary: self._done("✔ " + summary),
        )

    def save(self) -> None:
        self._ask(self.tr("Checking and saving…"), self._add, self._saved)

    def _saved(self, _summary: str) -> None:
        self._forget_secret()
        self.accept()
