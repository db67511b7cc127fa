"""One customer, one contact, on SQLite and PostgreSQL: a Czech CRM export (cp1250, `;`,
Czech headers, the user's own column names) is matched to the contacts the channels made;
a record joining an email contact and a WhatsApp contact proposes their merge; merge moves
the history, unmerge puts it back exactly; the CRM's VIP mark makes a VIP."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from gastro_hub_desktop.brain.crm_import import guess_mapping, read_crm_csv, read_headers
from gastro_hub_desktop.domain.conversations import InboxFilter
from gastro_hub_desktop.domain.messages import Channel, Direction, IncomingMessage
from gastro_hub_desktop.store.contact_book import ContactBook, CrmRow
from gastro_hub_desktop.store.learning import LearningRecords
from gastro_hub_desktop.store.repository import Store

CSV = (
    "Firma;Kontaktní osoba;E-mail;Mobil;VIP;Obrat\r\n"
    "Bistro U Lípy s.r.o.;Jana Nováková;jana@bistro-lipa.cz;777 123 456;ano;1 250 000 Kč\r\n"
    "Hotel Šumava a.s.;Petr Černý;recepce@hotel-sumava.cz;;ne;480 000 Kč\r\n"
    ";;;;;\r\n"
)


def message(channel: Channel, address: str, name: str, n: int) -> IncomingMessage:
    return IncomingMessage(
        channel=channel,
        account_key=f"{channel.value}:ours",
        provider_message_id=f"m{n}",
        direction=Direction.INBOUND,
        counterpart_address=address,
        counterpart_name=name,
        text="Dobrý den, potřebujeme servis myčky.",
        sent_at=datetime.now(UTC),
        thread_key=f"t{n}",
    )


def contacts_of_rows(store: Store) -> dict[Channel, str]:
    return {r.channel: r.contact_name for r in store.inbox_page(InboxFilter(), 0, 10)}


def test_crm_import_merge_and_unmerge(database_url: str, tmp_path: Path) -> None:
    store = Store.open(database_url)
    store.ingest(
        [
            message(Channel.EMAIL, "jana@bistro-lipa.cz", "Jana N.", 1),
            message(Channel.WHATSAPP, "+420777123456", "Jana Bistro", 2),
        ]
    )
    before = contacts_of_rows(store)
    assert before == {Channel.EMAIL: "Jana N.", Channel.WHATSAPP: "Jana Bistro"}

    path = tmp_path / "crm.csv"
    path.write_bytes(CSV.encode("cp1250"))
    layout = read_headers(path)
    mapping = guess_mapping(layout.headers)
    read = read_crm_csv(path, mapping)
    assert [r.company for r in read.records] == ["Bistro U Lípy s.r.o.", "Hotel Šumava a.s."]
    assert read.records[0].phones == ("+420777123456",)
    assert read.records[0].value == 1_250_000

    book = ContactBook(store)
    outcome = book.import_crm(
        [
            CrmRow(r.company, r.name, r.emails, r.phones, r.vip, r.value, r.crm_id)
            for r in read.records
        ]
    )
    assert (outcome.matched, outcome.created, outcome.proposals) == (1, 1, 1)

    [proposal] = book.merge_proposals()
    assert set(proposal.names) == {"Jana N.", "Jana Bistro"}
    assert "CRM" in proposal.reason or "same" in proposal.reason

    LearningRecords(store).update_vip_scores()
    vip = {r.channel: r.is_vip for r in store.inbox_page(InboxFilter(), 0, 10)}
    assert vip == {Channel.EMAIL: True, Channel.WHATSAPP: True}  # the CRM says VIP

    # a manual flag always wins over the score
    store.mark_vip([(Channel.WHATSAPP, "+420777123456")], vip=False)
    LearningRecords(store).update_vip_scores()
    vip = {r.channel: r.is_vip for r in store.inbox_page(InboxFilter(), 0, 10)}
    assert vip == {Channel.EMAIL: True, Channel.WHATSAPP: False}

    keep, other = proposal.contact_ids
    merge_id = book.merge(keep, other)
    after = contacts_of_rows(store)
    assert len(set(after.values())) == 1  # one customer: both conversations, one contact
    assert book.merge_proposals() == []
    # the customer's next WhatsApp message joins the merged contact too
    store.ingest([message(Channel.WHATSAPP, "+420777123456", "Jana Bistro", 3)])
    assert len({r.contact_name for r in store.inbox_page(InboxFilter(), 0, 10)}) == 1

    book.unmerge(merge_id)
    assert contacts_of_rows(store) == before
    assert [m[0] for m in book.merges()] == []
    store.close()
