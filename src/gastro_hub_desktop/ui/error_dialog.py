"""An error nobody caught: it is logged with its traceback, a dialog says what happened and
where the log is, and the app keeps running (errors on other threads reach the window too)."""

from __future__ import annotations

import logging
import sys
import threading
import traceback
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

log = logging.getLogger(__name__)


class ErrorReporter(QObject):
    """Installed once as `sys.excepthook` and `threading.excepthook`."""

    _reported = Signal(str)  # queued onto the GUI thread

    def __init__(self, parent: QWidget, log_path: Path) -> None:
        super().__init__(parent)
        self._parent = parent
        self.log_path = log_path
        self.shown: list[QMessageBox] = []
        self._reported.connect(self._show)

    def install(self) -> None:
        sys.excepthook = self.handle
        threading.excepthook = self._thread_hook

    def handle(
        self,
        kind: type[BaseException],
        exc: BaseException,
        tb: TracebackType | None,
    ) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, exc, tb)
            return
        log.error("uncaught error: %s", "".join(traceback.format_exception(kind, exc, tb)).rstrip())
        self._reported.emit(f"{kind.__name__}: {exc}")

    def _thread_hook(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_value is not None:
            self.handle(args.exc_type, args.exc_value, args.exc_traceback)

    def _show(self, what: str) -> None:
        box = QMessageBox(self._parent)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("Something went wrong"))
        box.setText(
            self.tr("Something went wrong, but the app keeps running and nothing was lost.")
        )
        box.setInformativeText(
            self.tr("What happened: {0}\n\nThe details are in the log: {1}").format(
                what, self.log_path
            )
        )
        box.setModal(False)
        box.open()
        self.shown.append(box)
