"""Where a Lindy agent's callback arrives: an aiohttp handler that passes the raw request to
`LindyProvider.receive_callback` (the engine may mount it in its own receiver), and a tiny
standalone server around it, e.g. on 127.0.0.1:0 for tests or behind a tunnel."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable

from aiohttp import web

from gastro_hub_desktop.brain.providers.lindy import LindyProvider

log = logging.getLogger(__name__)

MAX_BODY = 1_000_000  # a draft is a few kB

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


def callback_handler(provider: LindyProvider) -> Handler:
    """An aiohttp handler answering with `receive_callback`'s status and JSON."""

    async def handle(request: web.Request) -> web.StreamResponse:
        if request.method != "POST":
            return web.json_response({"error": "callbacks are POSTed"}, status=405)
        try:
            body = await request.read()
        except web.HTTPRequestEntityTooLarge:
            return web.json_response({"error": "the body is too large"}, status=413)
        status, answer = provider.receive_callback(dict(request.headers), body)
        return web.json_response(answer, status=status)

    return handle


class LindyCallbackServer:
    """Serves `path` on host:port (port 0: any free one) on the running event loop."""

    def __init__(
        self,
        provider: LindyProvider,
        host: str = "127.0.0.1",
        port: int = 0,
        path: str = "/lindy/callback",
    ) -> None:
        self.provider = provider
        self.host = host
        self.port = port
        self.path = path
        self._runner: web.AppRunner | None = None

    @property
    def url(self) -> str:
        """The callback address as seen from this machine (a tunnel's goes to Lindy)."""
        return f"http://{self.host}:{self.port}{self.path}"

    async def start(self) -> str:
        """Listen and return the callback URL; OSError when the port cannot be had."""
        app = web.Application(client_max_size=MAX_BODY)
        app.router.add_route("*", self.path, callback_handler(self.provider))
        self._runner = web.AppRunner(app, access_log=None, handle_signals=False)
        await self._runner.setup()
        site = web.TCPSite(self._runner, self.host, self.port)
        await site.start()
        if self.port == 0:
            for address in self._runner.addresses:
                self.port = int(address[1])
                break
        log.info("Lindy callbacks taken at %s", self.url)
        return self.url

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None
