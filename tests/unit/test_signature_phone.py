"""The phone a customer gives in an email signature, read the way people write it in Czech,
German and English mail, and never from a quoted earlier message."""

from __future__ import annotations

import pytest

from gastro_hub_desktop.domain.contacts import signature_phone


@pytest.mark.parametrize(
    ("text", "phone"),
    [
        ("Dobrý den\n\nS pozdravem\nJan Novák\nTel.: +420 602 123 456", "+420602123456"),
        ("Díky\nMobil: 602 123 456\nwww.bistro.cz", "+420602123456"),
        ("Mit freundlichen Grüßen\nKarl Huber\nHandy: 0049 171 2345678", "+491712345678"),
        ("Best regards\nAnna\nPhone: +44 (0)20 7946 0958", "+442079460958"),
        ("Zdravím\nWhatsApp: +420 777 123 456", "+420777123456"),
    ],
)
def test_a_labelled_number_in_the_signature_is_read(text: str, phone: str) -> None:
    assert signature_phone(text) == phone


@pytest.mark.parametrize(
    "text",
    [
        "Zavolejte mi prosím na 777 123 456.",  # no label: could be anyone's number
        "Díky\n\nDne 24. 11. 2026 v 10:00 Gastro Praha napsal:\n> Tel.: +420 601 000 111",
        "Thanks\n\nOn Tue, 24 Nov 2026 Gastro Praha wrote:\nTel: +420 601 000 111",
        "Objednávka č. 2026/1145, tel.: není",
        "",
    ],
)
def test_no_number_is_taken_from_elsewhere(text: str) -> None:
    assert signature_phone(text) is None
