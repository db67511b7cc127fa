"""mbox import: charsets, encoded words, missing ids and senders, HTML-only mail, attachments,
a malformed message in the middle, and CPython's real-world email corpus."""

from __future__ import annotations

import mailbox
from email.message import EmailMessage
from pathlib import Path

import pytest

from gastro_hub_desktop.channels.email.parse import NO_SENDER, html_to_text, parse_message
from gastro_hub_desktop.domain.messages import Direction
from gastro_hub_desktop.importers import UnsupportedFile, open_import

CORPUS = Path(__file__).resolve().parents[1] / "data" / "cpython_email"


def raw_mail(headers: dict[str, str], body: bytes, charset: str | None = None) -> bytes:
    head = "".join(f"{k}: {v}\r\n" for k, v in headers.items())
    if charset:
        head += (
            f'Content-Type: text/plain; charset="{charset}"\r\nContent-Transfer-Encoding: 8bit\r\n'
        )
    return head.encode("ascii") + b"\r\n" + body


def make_mbox(path: Path, messages: list[bytes]) -> Path:
    box = mailbox.mbox(path)
    for raw in messages:
        box.add(raw)
    box.flush()
    box.close()
    return path


BASE = {
    "From": "Jana <jana@bistro.example.cz>",
    "To": "shop@example.cz",
    "Date": "Tue, 24 Nov 2026 10:00:00 +0100",
}


@pytest.mark.parametrize("charset", ["iso-8859-2", "windows-1250", "utf-8"])
def test_czech_bodies_in_every_charset(charset: str) -> None:
    text = "Dobrý den, chladicí box nechladí. Příliš žluťoučký kůň úpěl ďábelské ódy."
    m = parse_message(raw_mail({**BASE, "Message-ID": "<a@x>"}, text.encode(charset), charset))
    assert m.text == text
    assert m.sent_at.isoformat() == "2026-11-24T09:00:00+00:00"


def test_encoded_word_subject_and_sender() -> None:
    headers = {
        **BASE,
        "From": "=?iso-8859-2?Q?Ji=F8=ED_Proch=E1zka?= <jiri@example.cz>",
        "Subject": "=?windows-1250?Q?Objedn=E1vka_=9Aest_p=E1nv=ED?=",
        "Message-ID": "<b@x>",
    }
    m = parse_message(raw_mail(headers, b"ok"))
    assert m.subject == "Objednávka šest pánví"
    assert m.counterpart_name == "Jiří Procházka"
    assert m.counterpart_address == "jiri@example.cz"


def test_german_latin1_and_unknown_charset_do_not_crash() -> None:
    m = parse_message(
        raw_mail({**BASE, "Message-ID": "<c@x>"}, "Grüße".encode("latin-1"), "iso-8859-1")
    )
    assert m.text == "Grüße"
    odd = parse_message(raw_mail({**BASE, "Message-ID": "<d@x>"}, b"caf\xe9", "x-unknown-charset"))
    assert odd.text.startswith("caf")


def test_missing_message_id_gets_a_stable_content_id() -> None:
    raw = raw_mail(BASE, b"no id here")
    first, second = parse_message(raw), parse_message(raw)
    assert first.provider_message_id.startswith("sha256:")
    assert first.provider_message_id == second.provider_message_id


def test_missing_sender_is_kept() -> None:
    m = parse_message(raw_mail({"To": "x@example.cz", "Message-ID": "<e@x>"}, b"who am I"))
    assert m.counterpart_address == NO_SENDER and m.text == "who am I"


def test_html_only_mail_keeps_html_and_readable_text() -> None:
    msg = EmailMessage()
    msg["From"], msg["Message-ID"] = "a@example.cz", "<f@x>"
    msg.set_content(
        "<html><head><style>p{}</style></head><body><p>Dobrý&nbsp;den</p><p>Faktura</p></body></html>",
        subtype="html",
    )
    m = parse_message(msg.as_bytes())
    assert m.html and "<p>" in m.html
    assert m.text == "Dobrý den\nFaktura"
    assert html_to_text("<script>alert(1)</script>ok") == "ok"


def test_attachments_listed_with_size_and_type() -> None:
    msg = EmailMessage()
    msg["From"], msg["Message-ID"], msg["Subject"] = "a@example.cz", "<g@x>", "Faktura"
    msg.set_content("V příloze faktura.")
    msg.add_attachment(
        b"%PDF-1.4 " + b"x" * 1000, maintype="application", subtype="pdf", filename="faktura.pdf"
    )
    m = parse_message(msg.as_bytes())
    assert m.text == "V příloze faktura."
    assert [(a.filename, a.content_type, a.size) for a in m.attachments] == [
        ("faktura.pdf", "application/pdf", 1009)
    ]


def test_own_address_makes_mail_outbound_with_the_customer_as_counterpart() -> None:
    raw = raw_mail(
        {
            "From": "Shop <shop@example.cz>",
            "To": "Jana <jana@bistro.example.cz>",
            "Message-ID": "<h@x>",
        },
        b"reply",
    )
    m = parse_message(raw, {"shop@example.cz"})
    assert m.direction is Direction.OUTBOUND
    assert m.counterpart_address == "jana@bistro.example.cz"


def test_replies_thread_by_references_root() -> None:
    root = parse_message(raw_mail({**BASE, "Message-ID": "<root@x>"}, b"q"))
    reply = parse_message(
        raw_mail(
            {
                **BASE,
                "Message-ID": "<r2@x>",
                "In-Reply-To": "<r1@x>",
                "References": "<root@x> <r1@x>",
            },
            b"a",
        )
    )
    assert root.thread_key == reply.thread_key == "<root@x>"


def test_malformed_message_in_the_middle_is_reported_and_the_rest_imported(tmp_path: Path) -> None:
    good1 = raw_mail({**BASE, "Message-ID": "<1@x>"}, b"one")
    broken = b'From: \r\nDate: garbage\r\nContent-Type: multipart/mixed; boundary="zz"\r\n\r\n--zz\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n!!!not base64\r\n'
    good2 = raw_mail({**BASE, "Message-ID": "<2@x>"}, b"two")
    source = open_import(make_mbox(tmp_path / "m.mbox", [good1, broken, good2]))
    messages = list(source.messages())
    assert source.estimated_count == 3
    assert {m.provider_message_id for m in messages} >= {"<1@x>", "<2@x>"}
    assert len(messages) + len(source.problems) == 3


def test_cpython_corpus_every_message_read_once(tmp_path: Path) -> None:
    files = sorted(CORPUS.glob("msg_*.txt"))
    assert len(files) >= 40
    source = open_import(make_mbox(tmp_path / "corpus.mbox", [f.read_bytes() for f in files]))
    messages = list(source.messages())
    assert source.problems == []
    assert len(messages) == len(files)
    assert all(m.provider_message_id and m.sent_at.tzinfo for m in messages)


def test_unsupported_files_are_refused_with_advice(tmp_path: Path) -> None:
    text = tmp_path / "notes.txt"
    text.write_text("shopping list\nmilk\n")
    binary = tmp_path / "photo.jpg"
    binary.write_bytes(bytes(range(256)) * 10)
    for path in (text, binary):
        with pytest.raises(UnsupportedFile, match="Export chat"):
            open_import(path)


@pytest.mark.parametrize(
    ("headers", "automated"),
    [
        ({"List-Unsubscribe": "<mailto:unsub@news.example>"}, True),
        ({"Auto-Submitted": "auto-replied"}, True),
        ({"Precedence": "bulk"}, True),
        ({"From": "noreply@fakturoid.example.cz"}, True),
        ({"From": "no-reply+billing@bank.example.cz"}, True),
        ({"Auto-Submitted": "no"}, False),
        ({}, False),
    ],
)
def test_newsletters_and_notifications_are_recognised(
    headers: dict[str, str], automated: bool
) -> None:
    m = parse_message(raw_mail({**BASE, "Message-ID": "<n@x>", **headers}, b"Hello"))
    assert m.automated is automated
