"""The HTTP side every stand-in shares: a threaded server on 127.0.0.1 that hands each request
to the stand-in's `handle` and writes its answer (JSON unless the stand-in gives bytes)."""

from __future__ import annotations

import json
import threading
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

# (method, path with query, request headers, body) → (status, JSON-able or bytes, headers)
Handle = Callable[[str, str, dict[str, str], bytes], tuple[int, Any, dict[str, str]]]


def bearer(headers: dict[str, str]) -> str | None:
    auth = headers.get("Authorization", "")
    return auth.removeprefix("Bearer ") if auth.startswith("Bearer ") else None


def serve(
    handle: Handle, port: int = 0, json_type: str = "application/json"
) -> ThreadingHTTPServer:
    """Start serving on 127.0.0.1:`port` (0: any free port) on a daemon thread."""

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def _answer(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length) if length else b""
            headers = {k: v for k, v in self.headers.items()}
            status, payload, extra = handle(self.command, self.path, headers, body)
            if isinstance(payload, bytes):
                data = payload
                kind = extra.pop("Content-Type", "application/octet-stream")
            else:
                data = json.dumps(payload).encode()
                kind = json_type
            self.send_response(status)
            for key, value in {"Content-Type": kind, **extra}.items():
                self.send_header(key, value)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        do_GET = do_POST = do_DELETE = _answer

        def log_message(self, format: str, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", port), Handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True).start()
    return server
