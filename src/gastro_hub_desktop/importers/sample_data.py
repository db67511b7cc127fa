"""The demo set behind "Load sample data": a few weeks of a Prague kitchen-equipment supplier's
customer messages in Czech, German and English, so the app can be tried with no accounts.

Times are stored relative to now, so the demo always looks current; ids are fixed, so loading
it twice adds nothing."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from gastro_hub_desktop.domain.messages import (
    Channel,
    Direction,
    IncomingMessage,
    Urgency,
)
from gastro_hub_desktop.paths import resource

SAMPLE_FILE = "sample_data.json"


@dataclass(frozen=True)
class SampleData:
    messages: list[IncomingMessage]
    vip_addresses: list[tuple[Channel, str]]
    companies: dict[tuple[Channel, str], str]


def load_sample_data(now: datetime | None = None) -> SampleData:
    now = now or datetime.now(UTC)
    data: dict[str, Any] = json.loads(resource(SAMPLE_FILE).read_text(encoding="utf-8"))
    messages: list[IncomingMessage] = []
    vips: list[tuple[Channel, str]] = []
    companies: dict[tuple[Channel, str], str] = {}
    for number, conv in enumerate(data["conversations"], start=1):
        channel = Channel(conv["channel"])
        contact = conv["contact"]
        if contact.get("vip"):
            vips.append((channel, contact["address"]))
        if contact.get("company"):
            companies[(channel, contact["address"])] = contact["company"]
        for index, m in enumerate(conv["messages"], start=1):
            outbound = m["dir"] == "out"
            messages.append(
                IncomingMessage(
                    channel=channel,
                    account_key=f"sample:{channel.value}",
                    provider_message_id=f"sample-{number:03d}-{index:02d}",
                    direction=Direction.OUTBOUND if outbound else Direction.INBOUND,
                    counterpart_address=contact["address"],
                    counterpart_name=contact["name"],
                    author_name="Gastro Hub team" if outbound else contact["name"],
                    text=m["text"],
                    sent_at=now - timedelta(minutes=m["minutes_ago"]),
                    thread_key=f"sample-{number:03d}",
                    subject=conv.get("subject"),
                    language=m.get("lang"),
                    urgency=Urgency(m["urgency"]) if m.get("urgency") else None,
                    automated=bool(conv.get("automated")),
                )
            )
    return SampleData(messages, vips, companies)
