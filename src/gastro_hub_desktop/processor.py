"""`gastro-hub processor`: the engine without the window, for the stack's container or a
server. It syncs every channel, triages and drafts, sends what is queued, answers
`GET /health` for the container's healthcheck, and on SIGTERM finishes the write in progress
and stops cleanly (exit code 0).

On a PostgreSQL database processors take turns: exactly one (the holder of an advisory lock)
fetches and sends; the others stand by and take over within seconds when it dies. A processor
that loses the lead exits with code 3 at once."""

from __future__ import annotations

import json
import logging
import signal
import threading
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

log = logging.getLogger(__name__)
HEALTH_HOST = "127.0.0.1"
HEALTH_PORT = 8780
EXIT_LEAD_LOST = 3  # office mode: the lead was lost; a restart makes it a standby


def health_report(engine: Any) -> tuple[int, dict[str, Any]]:
    """200 with what is running when the database is open and the engine's loop answers;
    503 with the reason otherwise. Channel states are reported as measured, not assumed."""
    if not engine.ready:
        return 503, {"status": "starting", "detail": "the database is not open yet"}
    try:
        stats = engine.stats().result(5)
    except Exception as exc:  # the loop or the database does not answer
        return 503, {"status": "unhealthy", "detail": str(exc)}
    channels: dict[str, str] = {}
    for accounts in (engine.email, *engine.kinds.values()):
        if accounts is not None:
            channels.update({key: h.state.value for key, h in accounts.health().items()})
    assistant = engine.assistant
    office = engine.office
    return 200, {
        "status": "ok",
        # office mode: "leader" fetches and sends; "standby" waits to take over
        "role": "single" if office is None else "leader" if office.leading.is_set() else "standby",
        "member": engine.member,
        "checked_at": datetime.now(UTC).isoformat(),
        "database": engine.store.url,
        "messages": stats.messages,
        "channels": channels,
        "assistant": "running" if assistant is not None else "starting",
        "assistant_problem": assistant.last_error if assistant is not None else None,
    }


def serve_health(engine: Any, host: str, port: int) -> ThreadingHTTPServer:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            if self.path.split("?")[0] != "/health":
                self.send_error(404)
                return
            status, body = health_report(engine)
            data = json.dumps(body).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, format: str, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer((host, port), Handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, name="health", daemon=True).start()
    return server


def run_processor(host: str = HEALTH_HOST, port: int = HEALTH_PORT, verbose: bool = False) -> int:
    from gastro_hub_desktop import paths
    from gastro_hub_desktop.credentials import Credentials
    from gastro_hub_desktop.engine.facade import Engine
    from gastro_hub_desktop.logging_setup import configure

    configure(paths.log_dir(), verbose)
    stop = threading.Event()

    def on_signal(signum: int, _frame: object) -> None:
        log.info("signal %s: stopping", signum)
        stop.set()

    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGINT, on_signal)
    engine = Engine(paths.database_url(), credentials=Credentials(), role="processor")
    lost: list[str] = []

    def on_lead_lost(reason: str) -> None:
        # office mode: another processor may already lead; stop fetching and sending at once
        # and exit, for the service manager to start a fresh standby
        lost.append(reason)
        stop.set()

    engine.on_lead_lost = on_lead_lost
    try:
        server = serve_health(engine, host, port)
    except OSError as exc:
        print(f"The health endpoint cannot listen on {host}:{port}: {exc.strerror or exc}.")
        return 1
    try:
        engine.start().result(120)
    except Exception as exc:
        print(f"The processor cannot start: {exc}")
        server.shutdown()
        engine.stop()
        return 1
    print(f"processor running; health at http://{host}:{port}/health", flush=True)
    log.info("processor running, health on %s:%s", host, port)
    stop.wait()
    server.shutdown()
    server.server_close()
    engine.stop()
    if lost:
        print(f"processor stopped: it lost the office's lead ({lost[0]})", flush=True)
        return EXIT_LEAD_LOST
    print("processor stopped", flush=True)
    return 0
