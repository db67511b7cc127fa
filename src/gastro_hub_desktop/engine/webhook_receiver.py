"""The built-in webhook receiver: an aiohttp server on its own thread that takes providers'
webhook requests, has them authenticated and parsed by the account they are addressed to,
stores what they carry (several requests per transaction when they arrive together) and only
then answers 2xx. A forged request gets 403, a malformed one 400, and neither writes anything;
an exact replay of a request taken in before is answered 200 and not processed again.

The signed URL is rebuilt the way the provider saw it: the account's public URL when set, else
X-Forwarded-Proto / X-Forwarded-Host from a tunnel or proxy, else the request itself."""

from __future__ import annotations

import asyncio
import concurrent.futures
import hashlib
import logging
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from gastro_hub_desktop.channels.whatsapp.types import WebhookRejected

log = logging.getLogger(__name__)

MAX_BATCH = 500
MAX_BODY = 1_000_000  # providers post a few kB; anything this large is not a webhook


@dataclass(frozen=True)
class WebhookRoute:
    """Where one account's webhooks arrive and how its requests are checked and read."""

    account_key: str
    path: str  # e.g. /whatsapp/twilio/420601234567 (status callbacks: the same + /status)
    # url, headers, body → what the receiver's intake stores (e.g. a WhatsApp WebhookResult)
    parse: Callable[[str, Mapping[str, str], bytes], Any]
    public_url: str = ""  # the address the provider posts to, e.g. https://x.ngrok.app
    verify: Callable[[Mapping[str, str]], str] | None = None  # GET handshake (Meta)


@dataclass
class Received:
    """One authenticated request, waiting to be stored."""

    account_key: str
    result: Any  # what the route's parse returned
    digest: str  # identifies the exact request, to recognise a replay
    done: asyncio.Future[bool] = field(repr=False)  # True: taken in; False: a replay


# The engine's intake: store the batch in one go and return, per request, whether it was new
# (False for a replay) or the exception that kept that one request from being stored. It runs
# on the receiver's writer thread, never on the event loop.
Intake = Callable[[list[Received]], list[bool | Exception]]


def signed_url(route: WebhookRoute, headers: Mapping[str, str], scheme: str, path_qs: str) -> str:
    if route.public_url:  # the tunnel's origin, or the whole webhook URL
        return route.public_url.rstrip("/").removesuffix(route.path.rstrip("/")) + path_qs
    proto = headers.get("X-Forwarded-Proto", "").split(",")[0].strip() or scheme
    host = headers.get("X-Forwarded-Host", "").split(",")[0].strip() or headers.get("Host", "")
    return f"{proto}://{host}{path_qs}"


class WebhookReceiver:
    def __init__(self, intake: Intake, host: str = "127.0.0.1", port: int = 8765) -> None:
        self.intake = intake
        self.host = host
        self.port = port
        self._routes: dict[str, WebhookRoute] = {}
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self._started = threading.Event()
        self._failure: BaseException | None = None
        self._queue: asyncio.Queue[Received] | None = None
        self._writer = concurrent.futures.ThreadPoolExecutor(1, thread_name_prefix="webhook-db")
        self._runner: Any = None
        self._batches: asyncio.Future[None] | None = None
        self.rejected = 0  # forged or malformed requests since start (for the status panel)

    # ------------------------------------------------------------ routes

    def add_route(self, route: WebhookRoute) -> None:
        self._routes[route.path.rstrip("/")] = route

    def remove_route(self, path: str) -> None:
        self._routes.pop(path.rstrip("/"), None)

    @property
    def routes(self) -> int:
        return len(self._routes)

    def _route_for(self, path: str) -> WebhookRoute | None:
        path = path.rstrip("/")
        return self._routes.get(path) or self._routes.get(path.removesuffix("/status"))

    # ------------------------------------------------------------ lifecycle

    def start(self, timeout: float = 10.0) -> None:
        """Listen; raises OSError in plain words when the port cannot be had."""
        if self._thread is not None:
            return
        self._thread = threading.Thread(target=self._run, name="webhooks", daemon=True)
        self._thread.start()
        self._started.wait(timeout)
        if self._failure is not None:
            self._thread = None
            raise OSError(
                f"The webhook receiver could not listen on {self.host}:{self.port} "
                f"({self._failure}). Choose another port in the account settings."
            ) from self._failure

    def _run(self) -> None:
        loop = asyncio.new_event_loop()
        asyncio.set_event_loop(loop)
        self._loop = loop
        try:
            loop.run_until_complete(self._serve())
        except BaseException as exc:  # the port is taken, the address does not exist, …
            self._failure = exc
            self._started.set()
            return
        self._started.set()
        try:
            loop.run_forever()
        finally:
            if self._batches is not None:
                self._batches.cancel()
                loop.run_until_complete(asyncio.gather(self._batches, return_exceptions=True))
            loop.run_until_complete(self._runner.cleanup())
            loop.close()

    async def _serve(self) -> None:
        from aiohttp import web

        app = web.Application(client_max_size=MAX_BODY)
        app.router.add_route("*", "/{tail:.*}", self._handle)
        self._runner = web.AppRunner(app, access_log=None, handle_signals=False)
        await self._runner.setup()
        site = web.TCPSite(self._runner, self.host, self.port, reuse_address=True)
        await site.start()
        if self.port == 0:  # tests ask for any free port
            self.port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
        self._queue = asyncio.Queue()
        self._batches = asyncio.ensure_future(self._store_batches())

    def stop(self) -> None:
        if self._thread is None or self._loop is None:
            return
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(10)
        self._thread = None
        self._writer.shutdown(wait=True)

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.port}"

    # ------------------------------------------------------------ requests

    async def _handle(self, request: Any) -> Any:
        from aiohttp import web

        route = self._route_for(request.path)
        if route is None:
            return web.Response(status=404, text="no account here")
        headers = {k: v for k, v in request.headers.items()}
        if request.method == "GET" and route.verify is not None:
            try:
                return web.Response(text=route.verify(dict(request.query)))
            except WebhookRejected as exc:
                log.warning("webhook handshake for %s refused: %s", route.account_key, exc)
                self.rejected += 1
                return web.Response(status=exc.status)
        if request.method != "POST":
            return web.Response(status=405)
        try:
            body = await request.read()
        except web.HTTPRequestEntityTooLarge:
            self.rejected += 1
            return web.Response(status=413)
        url = signed_url(route, headers, request.scheme, request.path_qs)
        try:
            result = route.parse(url, headers, body)
        except WebhookRejected as exc:
            self.rejected += 1
            peer = request.remote
            log.warning("webhook for %s from %s rejected (%d): %s", route.account_key, peer,
                        exc.status, exc)  # fmt: skip
            return web.Response(status=exc.status)
        except Exception:  # a parser bug must not cost the provider's retry
            log.exception("webhook for %s could not be read", route.account_key)
            return web.Response(status=500)
        digest = hashlib.sha256(
            b"\0".join(
                [
                    route.account_key.encode(),
                    url.encode(),
                    (headers.get("X-Twilio-Signature") or "").encode(),
                    (headers.get("X-Hub-Signature-256") or "").encode(),
                    body,
                ]
            )
        ).hexdigest()
        assert self._queue is not None
        done: asyncio.Future[bool] = asyncio.get_running_loop().create_future()
        await self._queue.put(Received(route.account_key, result, digest, done))
        try:
            new = await done
        except Exception:
            log.exception("webhook for %s could not be stored; the provider will retry",
                          route.account_key)  # fmt: skip
            return web.Response(status=503)
        if not new:
            log.warning("replayed webhook for %s ignored (taken in before)", route.account_key)
        return web.Response(status=200, text="")

    async def _store_batches(self) -> None:
        assert self._queue is not None
        loop = asyncio.get_running_loop()
        while True:
            batch = [await self._queue.get()]
            while not self._queue.empty() and len(batch) < MAX_BATCH:
                batch.append(self._queue.get_nowait())
            try:
                outcome = await loop.run_in_executor(self._writer, self.intake, batch)
            except Exception as exc:
                for item in batch:
                    if not item.done.done():
                        item.done.set_exception(exc)
                continue
            for item, new in zip(batch, outcome, strict=True):
                if item.done.done():
                    continue
                if isinstance(new, Exception):
                    item.done.set_exception(new)
                else:
                    item.done.set_result(new)
