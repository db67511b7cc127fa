"""One running app per user and data folder: a second launch hands over and focuses the first.

A QLockFile in the data folder decides who runs (its owner's PID is checked, so a lock left by
a killed process is taken over at once); the running app listens on a local socket for
"show yourself" requests from later launches. QtNetwork is loaded only once the window is up.
"""

from __future__ import annotations

import logging
import zlib
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QLockFile, QObject, Signal

if TYPE_CHECKING:
    from PySide6.QtNetwork import QLocalServer, QLocalSocket

log = logging.getLogger(__name__)
ACTIVATE = b"activate\n"


def server_name(data_dir: Path) -> str:
    digest = zlib.crc32(str(data_dir.resolve()).encode())
    return f"gastro-hub-{digest:08x}"


class SingleInstance(QObject):
    activated = Signal()

    def __init__(self, data_dir: Path) -> None:
        super().__init__()
        self._name = server_name(data_dir)
        self._lock = QLockFile(str(data_dir / "gastro-hub.lock"))
        self._lock.setStaleLockTime(0)  # only a dead owner makes the lock stale
        self._server: QLocalServer | None = None

    def acquire(self) -> bool:
        """True when this process is the one to run; False when another already runs."""
        return self._lock.tryLock(200)

    def listen(self) -> None:
        """Accept "show yourself" requests from later launches (call after acquire)."""
        from PySide6.QtNetwork import QLocalServer

        QLocalServer.removeServer(self._name)  # a socket left by a killed instance
        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        if not server.listen(self._name):
            log.warning("single-instance socket unavailable: %s", server.errorString())
        server.newConnection.connect(self._on_connection)
        self._server = server

    def _on_connection(self) -> None:
        assert self._server is not None
        while (socket := self._server.nextPendingConnection()) is not None:
            socket.readyRead.connect(lambda s=socket: self._read(s))
            socket.disconnected.connect(socket.deleteLater)

    def _read(self, socket: QLocalSocket) -> None:
        if bytes(socket.readAll().data()).startswith(ACTIVATE.strip()):
            self.activated.emit()

    def activate_running(self, timeout_ms: int = 1500, attempts: int = 10) -> bool:
        """Ask the running instance to show its window (it may still be starting up)."""
        from PySide6.QtCore import QThread
        from PySide6.QtNetwork import QLocalSocket

        for _ in range(attempts):
            socket = QLocalSocket()
            socket.connectToServer(self._name)
            if socket.waitForConnected(timeout_ms):
                socket.write(ACTIVATE)
                ok = socket.waitForBytesWritten(timeout_ms)
                socket.disconnectFromServer()
                return ok
            QThread.msleep(300)
        return False

    def release(self) -> None:
        if self._server is not None:
            self._server.close()
        self._lock.unlock()
