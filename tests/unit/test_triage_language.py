"""Language detection: cs/en/de (also without diacritics and in short chat lines), quotes cut."""

from __future__ import annotations

import subprocess
import sys

import pytest

from gastro_hub_desktop.brain.triage.language import (
    LanguageDetector,
    detect_language,
    hint_from_sender,
    strip_quoted,
    strip_signature,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Dobrý den, myčka nám přestala mýt a teče z ní voda. Můžete poslat technika?", "cs"),
        ("dobry den, nefunguje nam mycka, muzete prosim nekoho poslat jeste dnes?", "cs"),
        ("Mrazak nejede!!! volejte prosim", "cs"),
        ("Guten Tag, unser Kombidämpfer zeigt seit heute früh einen Fehler an.", "de"),
        ("Servus, der Tiefkühler geht nimma, bitte dringend anrufen!", "de"),
        ("Hello, the combi oven you installed shows an error and will not heat.", "en"),
        ("Good day. Technician can come to us any day this week after 15:00.", "en"),
        # a stray greeting in another language does not change the language
        (
            "Dobrý den Herr Král, Montag geht bei mir leider doch nicht. Hätten Sie Dienstag Zeit?",
            "de",
        ),
        ("Hallo, dobrý den, the oven is broken and we need a technician today please.", "en"),
        ("Hi, dobrý den, chtěli bychom objednat dvě chladicí skříně a jeden konvektomat.", "cs"),
        # short chat lines
        ("ok díky", "cs"),
        ("thx", "en"),
        ("passt, danke!", "de"),
        # Slovak is recognised, not forced into Czech
        ("Dobrý deň, potrebujem opraviť umývačku riadu, vôbec nefunguje. Ďakujem", "sk"),
    ],
)
def test_detects_the_language(text: str, expected: str) -> None:
    assert detect_language(text) == expected


@pytest.mark.parametrize("text", ["", "   \n ", None])
def test_nothing_to_read_gives_none(text: str | None) -> None:
    assert detect_language(text) is None


def test_a_bare_nudge_follows_the_sender_hint() -> None:
    assert detect_language("?") is None
    assert detect_language("?", hint="cs") == "cs"
    assert detect_language("??", hint="de") == "de"


def test_quoted_original_does_not_decide() -> None:
    reply = (
        "Thanks, Friday at 9 works for us. Please bring the spare gasket as well.\n\n"
        "Dne 3. 6. 2024 v 10:12 Pavel Král <obchod@gastrovltava.cz> napsal(a):\n"
        "> Dobrý den, technik může přijet v pátek v 9 hodin, pokud vám to vyhovuje.\n"
        "> Prosím potvrďte termín, abychom ho mohli zapsat do kalendáře. Děkuji, Král\n"
    )
    assert detect_language(reply) == "en"
    quoted = "> Sehr geehrte Damen und Herren, die Rechnung liegt bei.\n> Grüße\nok, díky moc!"
    assert detect_language(quoted) == "cs"


def test_only_configured_languages_are_chosen() -> None:
    detector = LanguageDetector(languages=("cs", "en"), primary=("cs", "en"))
    german = "Guten Tag, unser Kombidämpfer zeigt seit heute früh einen Fehler an."
    assert detector.detect(german) in {"cs", "en"}
    language, confidence = detector.detect_with_confidence("The dishwasher is leaking again.")
    assert language == "en"
    assert 0.0 <= confidence <= 1.0


def test_strip_quoted_cuts_reply_tails_and_keeps_forwarded_mail() -> None:
    reply = "We agree.\n\nOn Mon, 3 Jun 2024 at 10:12, Pavel <p@x.cz> wrote:\n> old text"
    assert strip_quoted(reply) == "We agree."
    german = "Passt so.\nAm 03.06.2024 um 10:12 schrieb Pavel Král:\n> alter Text"
    assert strip_quoted(german) == "Passt so."
    forwarded = (
        "Posílám dál, řešte prosím.\n\n---------- Přeposlaná zpráva ----------\n"
        "Od: Antonín Beneš\nDatum: út 4. 6. 2024 v 5:52\nPředmět: mrazák\n\n"
        "Mrazicí box ukazuje -4 a stoupá."
    )
    kept = strip_quoted(forwarded)
    assert "Mrazicí box ukazuje -4" in kept
    assert "Od:" not in kept
    assert "Předmět" not in kept


def test_strip_signature_drops_the_closing_and_what_follows() -> None:
    text = "Dobrý den,\nprosím o nabídku na výměnu těsnění.\nDíky\nPavel Novák, údržba"
    assert strip_signature(text) == "Dobrý den,\nprosím o nabídku na výměnu těsnění."
    mail = "Hi,\nplease correct the VAT.\nKind regards,\nSabine Keller, Accounting\n+49 30 1234"
    assert strip_signature(mail) == "Hi,\nplease correct the VAT."
    assert strip_signature("passt, danke!") == "passt, danke!"  # nothing before the closing


@pytest.mark.parametrize(
    ("sender", "expected"),
    [
        ("+420602554310", "cs"),
        ("+4915209947711", "de"),
        ("+436641182207", "de"),
        ("+421905123456", "sk"),
        ("kueche@gasthaus-zum-hirschen.at", "de"),
        ("provoz@hotel-u-zvonu.cz", "cs"),
        ("manager@hostel-one-prague.com", None),
        ("@pekarna_kvasek", None),
        ("", None),
    ],
)
def test_hint_from_sender(sender: str, expected: str | None) -> None:
    assert hint_from_sender(sender) == expected


def test_py3langid_is_imported_only_when_detecting() -> None:
    code = (
        "import sys\n"
        "import gastro_hub_desktop.brain.triage.language as language\n"
        "import gastro_hub_desktop.brain.triage.triager\n"
        "assert 'py3langid' not in sys.modules, 'imported at module level'\n"
        "assert language.detect_language('Dobrý den, děkujeme za rychlé dodání.') == 'cs'\n"
        "assert 'py3langid' in sys.modules\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
