"""One running app per user and data folder: a second launch hands over and focuses the first.

A QLockFile in the data folder decides who runs (its owner's PID is checked, so a lock left by
a killed process is taken over at once); the running app listens on a local socket for
"show yourself" requests from later launches.
"""

from __future__ import annotations

import hashlib
import logging
from pathlib import Path

from PySide6.QtCore import QLockFile, QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

log = logging.getLogger(__name__)
ACTIVATE = b"activate\n"


def server_name(data_dir: Path) -> str:
    digest = hashlib.sha256(str(data_dir.resolve()).encode()).hexdigest()[:16]
    return f"gastro-hub-{digest}"


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
        if not self._lock.tryLock(200):
            return False
        QLocalServer.removeServer(self._name)  # a socket left by a killed instance
        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        if not server.listen(self._name):
            log.warning("single-instance socket unavailable: %s", server.errorString())
        server.newConnection.connect(self._on_connection)
        self._server = server
        return True

    def _on_connection(self) -> None:
        assert self._server is not None
        while (socket := self._server.nextPendingConnection()) is not None:
            socket.readyRead.connect(lambda s=socket: self._read(s))
            socket.disconnected.connect(socket.deleteLater)

    def _read(self, socket: QLocalSocket) -> None:
        if bytes(socket.readAll().data()).startswith(ACTIVATE.strip()):
            self.activated.emit()

    def activate_running(self, timeout_ms: int = 1500) -> bool:
        """Ask the running instance to show its window."""
        socket = QLocalSocket()
        socket.connectToServer(self._name)
        if not socket.waitForConnected(timeout_ms):
            return False
        socket.write(ACTIVATE)
        ok = socket.waitForBytesWritten(timeout_ms)
        socket.disconnectFromServer()
        return ok

    def release(self) -> None:
        if self._server is not None:
            self._server.close()
        self._lock.unlock()
