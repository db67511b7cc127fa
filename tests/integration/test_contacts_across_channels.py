"""One customer, one contact across email and WhatsApp: phone numbers are kept in E.164, and
the phone a customer gives in an email signature joins their WhatsApp messages to the same
contact, whichever channel came first. A number in a quoted earlier message (ours) or one of
our own WhatsApp numbers never links anyone."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from gastro_hub_desktop.domain.messages import Channel, Direction, IncomingMessage
from gastro_hub_desktop.store.repository import Store

NOW = datetime(2026, 11, 25, 10, 0, tzinfo=UTC)


def email(n: int, sender: str, text: str) -> IncomingMessage:
    return IncomingMessage(
        channel=Channel.EMAIL,
        account_key="email:info@gastro.example",
        provider_message_id=f"<m{n}@example.cz>",
        direction=Direction.INBOUND,
        counterpart_address=sender,
        counterpart_name="Jan Novák",
        text=text,
        sent_at=NOW + timedelta(minutes=n),
        thread_key=f"mail-{n}",
    )


def whatsapp(n: int, phone: str, text: str = "Dobrý den") -> IncomingMessage:
    return IncomingMessage(
        channel=Channel.WHATSAPP,
        account_key="whatsapp:+420601000111",
        provider_message_id=f"SM{n:032x}",
        direction=Direction.INBOUND,
        counterpart_address=phone,
        counterpart_name="Honza",
        text=text,
        sent_at=NOW + timedelta(minutes=n),
        thread_key=f"whatsapp:{phone}",
    )


SIGNED = (
    "Dobrý den,\nprosím o nabídku.\n\nS pozdravem\nJan Novák\nBistro U Lípy\nMobil: 602 123 456\n"
)


def contacts(store: Store) -> dict[str, int]:
    """Channel of each conversation → its contact id."""
    with store.engine.connect() as conn:
        rows = conn.exec_driver_sql("SELECT channel, contact_id FROM conversations").all()
    return {channel: contact for channel, contact in rows}


def test_whatsapp_first_then_a_signed_email_is_one_contact(database_url: str) -> None:
    store = Store.open(database_url)
    store.ingest([whatsapp(1, "+420602123456")])
    store.ingest([email(2, "jan@bistro-ulipy.cz", SIGNED)])
    found = contacts(store)
    assert found["whatsapp"] == found["email"]
    assert store.stats().contacts == 1


def test_a_signed_email_first_then_whatsapp_is_one_contact(database_url: str) -> None:
    store = Store.open(database_url)
    store.ingest([email(1, "jan@bistro-ulipy.cz", SIGNED)])
    store.ingest([whatsapp(2, "+420602123456")])
    found = contacts(store)
    assert found["whatsapp"] == found["email"]


def test_quoted_and_own_numbers_link_nobody(database_url: str) -> None:
    store = Store.open(database_url)
    from gastro_hub_desktop.channels.whatsapp.settings import Provider, WhatsAppSettings

    ours = WhatsAppSettings(Provider.TWILIO, "+420601000111")
    store.save_account(ours.account_key, Channel.WHATSAPP, "WhatsApp", ours.to_dict())
    quoted = (
        "Děkuji, to stačí.\n\nDne 24. 11. 2026 v 10:00 Gastro Praha napsal:\n"
        "> Dobrý den,\n> Tel.: +420 777 999 888\n"
    )
    own = "Díky\n\nWhatsApp: +420 601 000 111\n"
    store.ingest([email(1, "eva@hotel.cz", quoted), email(2, "petr@kavarna.cz", own)])
    store.ingest([whatsapp(3, "+420777999888"), whatsapp(4, "+420601000111")])
    assert store.stats().contacts == 4  # nobody merged
