"""WhatsApp "Export chat" import: Android and iOS formats, clocks, date orders, multi-line
messages, system lines, media, zip exports, stable ids, and who is "me"."""

from __future__ import annotations

import zipfile
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from gastro_hub_desktop.domain.messages import Direction
from gastro_hub_desktop.importers import open_import
from gastro_hub_desktop.importers.whatsapp_export import chat_name_from_filename

PRAGUE = ZoneInfo("Europe/Prague")

ANDROID_24H = """24/11/2026, 09:15 - Messages and calls are end-to-end encrypted. No one outside of this chat, not even WhatsApp, can read or listen to them. Tap to learn more.
24/11/2026, 09:16 - Jan Novák: Dobrý den, myčka hlásí chybu E23.
Voda neodtéká.
24/11/2026, 09:20 - Gastro Hub: Dobrý den, posíláme technika.
24/11/2026, 09:21 - Jan Novák: <Media omitted>
24/11/2026, 09:22 - Jan Novák: IMG-20261124-WA0003.jpg (file attached)
Tady je fotka
"""

ANDROID_12H_US = """11/24/26, 7:41\u202fPM - Anna: Do you deliver to Brno?
11/24/26, 7:45\u202fPM - Shop: Yes, every Tuesday.
11/25/26, 12:05\u202fAM - Anna: Great
"""

IOS = """\u200e[24.11.26, 19:41:51] Klára Malá: \u200eMessages and calls are end-to-end encrypted.
[24.11.26, 19:41:51] Klára Malá: Máte skladem tampery?
[24.11.26, 19:43:02] Prodejna: Ano, 58 mm.
\u200e[24.11.26, 19:44:10] Klára Malá: \u200e<attached: 00000012-PHOTO-2026-11-24-19-44-10.jpg>
[24.11.26, 19:45:00] Klára Malá: Děkuji!
"""


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def read(path: Path, **kw):  # type: ignore[no-untyped-def]
    source = open_import(path, **kw)
    return source, list(source.messages())


def test_android_24h_multiline_system_and_media(tmp_path: Path) -> None:
    source, messages = read(write(tmp_path, "WhatsApp Chat with Jan Novák.txt", ANDROID_24H))
    assert [m.text for m in messages] == [
        "Dobrý den, myčka hlásí chybu E23.\nVoda neodtéká.",
        "Dobrý den, posíláme technika.",
        "",
        "Tady je fotka",
    ]
    assert source.result().skipped == 1  # the encryption notice
    assert [m.direction for m in messages] == [
        Direction.INBOUND,
        Direction.OUTBOUND,
        Direction.INBOUND,
        Direction.INBOUND,
    ]
    assert messages[0].sent_at == datetime(2026, 11, 24, 9, 16, tzinfo=PRAGUE)
    assert messages[2].attachments[0].size == 0
    photo = messages[3].attachments[0]
    assert (photo.filename, photo.content_type) == ("IMG-20261124-WA0003.jpg", "image/jpeg")
    assert {m.counterpart_name for m in messages} == {"Jan Novák"}
    assert len({m.thread_key for m in messages}) == 1


def test_android_12h_month_first(tmp_path: Path) -> None:
    _, messages = read(write(tmp_path, "WhatsApp Chat - Anna.txt", ANDROID_12H_US))
    assert messages[0].sent_at == datetime(2026, 11, 24, 19, 41, tzinfo=PRAGUE)
    assert messages[2].sent_at == datetime(2026, 11, 25, 0, 5, tzinfo=PRAGUE)
    assert messages[1].direction is Direction.OUTBOUND


def test_ios_format_with_invisible_marks(tmp_path: Path) -> None:
    _, messages = read(write(tmp_path, "WhatsApp Chat - Klára Malá.txt", IOS))
    texts = [m.text for m in messages]
    assert "Máte skladem tampery?" in texts
    assert messages[1].sent_at == datetime(2026, 11, 24, 19, 41, 51, tzinfo=PRAGUE)
    attached = [m for m in messages if m.attachments]
    assert attached[0].attachments[0].filename == "00000012-PHOTO-2026-11-24-19-44-10.jpg"
    assert not any("\u200e" in t for t in texts)


def test_zip_export_with_media_sizes(tmp_path: Path) -> None:
    archive = tmp_path / "WhatsApp Chat - Jan Novák.zip"
    with zipfile.ZipFile(archive, "w") as z:
        z.writestr("_chat.txt", ANDROID_24H)
        z.writestr("IMG-20261124-WA0003.jpg", b"\xff\xd8" + b"0" * 2046)
    _, messages = read(archive)
    assert messages[3].attachments[0].size == 2048
    assert messages[1].direction is Direction.OUTBOUND


def test_ids_are_stable_across_reimport_and_a_longer_export(tmp_path: Path) -> None:
    _, first = read(write(tmp_path, "WhatsApp Chat with Jan Novák.txt", ANDROID_24H))
    longer = ANDROID_24H + "25/11/2026, 08:00 - Jan Novák: Funguje, díky!\n"
    _, second = read(write(tmp_path, "WhatsApp Chat with Jan Novák (2).txt", longer))
    first_ids = [m.provider_message_id for m in first]
    second_ids = [m.provider_message_id for m in second]
    assert second_ids[: len(first_ids)] == first_ids
    assert len(set(second_ids)) == len(second_ids) == len(first_ids) + 1


def test_identical_messages_in_the_same_minute_are_kept_apart(tmp_path: Path) -> None:
    text = "24/11/2026, 09:16 - Jan: ok\n24/11/2026, 09:16 - Jan: ok\n"
    _, messages = read(write(tmp_path, "WhatsApp Chat with Jan.txt", text))
    assert len({m.provider_message_id for m in messages}) == 2


def test_me_parameter_and_unknown_chat_name(tmp_path: Path) -> None:
    path = write(tmp_path, "export.txt", ANDROID_24H)
    _, everyone = read(path)
    assert {m.direction for m in everyone} == {Direction.INBOUND}
    _, mine = read(path, me="Gastro Hub")
    assert [m.direction for m in mine][:2] == [Direction.INBOUND, Direction.OUTBOUND]
    assert {m.counterpart_name for m in mine} == {"Jan Novák"}


def test_phone_number_chat_names_become_e164(tmp_path: Path) -> None:
    text = "24/11/2026, 09:16 - +420 777 123 456: Dobrý den\n"
    _, messages = read(write(tmp_path, "WhatsApp Chat with +420 777 123 456.txt", text))
    assert messages[0].counterpart_address == "+420777123456"


@pytest.mark.parametrize(
    ("filename", "name"),
    [
        ("WhatsApp Chat with Jan Novák.txt", "Jan Novák"),
        ("WhatsApp Chat - Hotel Zlatá Husa.zip", "Hotel Zlatá Husa"),
        ("WhatsApp-Chat mit Anna Müller.txt", "Anna Müller"),
        ("Chat de WhatsApp con Pedro.txt", "Pedro"),
        ("_chat.txt", None),
    ],
)
def test_chat_name_from_file_name(filename: str, name: str | None) -> None:
    assert chat_name_from_filename(filename) == name
