"""WhatsApp webhooks: receive → stored message through the built-in receiver (Twilio signature
checked, parsed, stored in SQLite, then 2xx) vs. a bare aiohttp server answering the same
requests with 200 and nothing else. The same client posts the same 3,000 signed requests with
32 in flight; the acknowledgement comes only after the message is durable, so its latency is
the receive-to-stored latency.

Targets: p99 acknowledgement under 1 s; sustained rate and p95 printed beside the floor."""

from __future__ import annotations

import asyncio
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from aiohttp import ClientSession, TCPConnector, web  # noqa: E402
from twilio.request_validator import RequestValidator  # noqa: E402

from gastro_hub_desktop.channels.whatsapp.settings import Provider, WhatsAppSettings  # noqa: E402
from gastro_hub_desktop.domain.messages import Channel  # noqa: E402
from gastro_hub_desktop.engine.events import EventBus  # noqa: E402
from gastro_hub_desktop.engine.webhook_receiver import WebhookReceiver  # noqa: E402
from gastro_hub_desktop.engine.whatsapp_accounts import route_for  # noqa: E402
from gastro_hub_desktop.engine.whatsapp_intake import WhatsAppIntake  # noqa: E402
from gastro_hub_desktop.store.repository import Store  # noqa: E402

COUNT = 3000
IN_FLIGHT = 32
TOKEN = "benchmark-auth-token"
NUMBER = "+420601000111"


def requests(url: str) -> list[tuple[bytes, str]]:
    validator = RequestValidator(TOKEN)
    out = []
    for n in range(COUNT):
        params = {
            "MessageSid": f"SM{n:032x}",
            "AccountSid": "AC" + "1" * 32,
            "From": f"whatsapp:+420602{n % 500:06d}",
            "To": f"whatsapp:{NUMBER}",
            "Body": f"Dobrý den, objednávka číslo {n}: 4× GN 1/1, 2× pánev 28 cm.",
            "NumMedia": "0",
            "ProfileName": f"Zákazník {n % 500}",
            "WaId": f"420602{n % 500:06d}",
        }
        out.append((urlencode(params).encode(), validator.compute_signature(url, params)))
    return out


async def post_all(url: str, bodies: list[tuple[bytes, str]]) -> tuple[list[float], float]:
    latencies: list[float] = []
    queue: asyncio.Queue[tuple[bytes, str]] = asyncio.Queue()
    for item in bodies:
        queue.put_nowait(item)
    async with ClientSession(connector=TCPConnector(limit=IN_FLIGHT)) as session:

        async def worker() -> None:
            while not queue.empty():
                body, signature = queue.get_nowait()
                headers = {
                    "Content-Type": "application/x-www-form-urlencoded",
                    "X-Twilio-Signature": signature,
                }
                started = time.perf_counter()
                async with session.post(url, data=body, headers=headers) as answer:
                    await answer.read()
                    if answer.status != 200:
                        raise RuntimeError(f"answered {answer.status}")
                latencies.append(time.perf_counter() - started)

        started = time.perf_counter()
        await asyncio.gather(*(worker() for _ in range(IN_FLIGHT)))
        return latencies, time.perf_counter() - started


def bare_server() -> tuple[str, threading.Event]:
    """The floor: aiohttp answering 200 after reading the body, on its own thread and loop."""
    ready, stop = threading.Event(), threading.Event()
    where: list[str] = []

    def run() -> None:
        async def handle(request: web.Request) -> web.Response:
            await request.read()
            return web.Response(text="")

        async def serve() -> None:
            app = web.Application()
            app.router.add_route("*", "/{tail:.*}", handle)
            runner = web.AppRunner(app, access_log=None, handle_signals=False)
            await runner.setup()
            site = web.TCPSite(runner, "127.0.0.1", 0)
            await site.start()
            port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
            where.append(f"http://127.0.0.1:{port}/whatsapp/twilio/420601000111")
            ready.set()
            while not stop.is_set():
                await asyncio.sleep(0.05)
            await runner.cleanup()

        asyncio.run(serve())

    threading.Thread(target=run, daemon=True).start()
    ready.wait(10)
    return where[0], stop


def figures(latencies: list[float], seconds: float) -> tuple[float, float, float]:
    ordered = sorted(latencies)
    p95 = ordered[int(len(ordered) * 0.95) - 1]
    p99 = ordered[int(len(ordered) * 0.99) - 1]
    return p95 * 1000, p99 * 1000, len(latencies) / seconds


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        store = Store.open(f"sqlite:///{Path(folder) / 'webhooks.sqlite3'}")
        settings = WhatsAppSettings(Provider.TWILIO, NUMBER, account_sid="AC" + "1" * 32)
        store.save_account(settings.account_key, Channel.WHATSAPP, "bench", settings.to_dict())
        receiver = WebhookReceiver(WhatsAppIntake(store, EventBus()).take, "127.0.0.1", 0)
        receiver.start()
        receiver.add_route(route_for(settings, {"auth_token": TOKEN}))
        ours_url = receiver.url + settings.webhook_path
        floor_url, stop_floor = bare_server()
        try:
            # the floor posts the same bodies (signed for our URL; the bare server ignores it)
            bodies = requests(ours_url)
            floor = figures(*asyncio.run(post_all(floor_url, bodies)))
            ours = figures(*asyncio.run(post_all(ours_url, bodies)))
            stored = store.stats().messages
        finally:
            receiver.stop()
            stop_floor.set()
            store.close()
    if stored != COUNT:
        raise SystemExit(f"stored {stored} of {COUNT} messages")
    print(
        f"webhooks ({COUNT} posts, {IN_FLIGHT} in flight): ours p95 {ours[0]:.1f} ms, "
        f"p99 {ours[1]:.1f} ms, {ours[2]:.0f}/s | bare server p95 {floor[0]:.1f} ms, "
        f"p99 {floor[1]:.1f} ms, {floor[2]:.0f}/s | p95 ratio {ours[0] / floor[0]:.1f}, "
        f"rate ratio {floor[2] / ours[2]:.1f} (target: p99 < 1000 ms)"
    )
    if ours[1] >= 1000:
        print("TARGET MISSED: p99 acknowledgement is 1 s or more")


if __name__ == "__main__":
    main()
