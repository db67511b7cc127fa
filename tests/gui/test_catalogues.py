"""The Czech and German catalogues are complete and current: lupdate over today's sources finds
nothing new and nothing gone, every message is translated (every plural form too) with the
source's placeholders, HTML tags, accelerator, line breaks and edge spaces, the .qm files are
compiled from the .ts as they are, and the engine's words the views translate are in the
catalogue. Each check is also shown to catch a catalogue broken on purpose."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CATALOGUES = ROOT / "src" / "gastro_hub_desktop" / "resources" / "translations"
SCRIPT = ROOT / "scripts" / "update-translations.sh"
BIN = Path(sys.executable).parent
LANGUAGES = {"cs": 3, "de": 2}  # plural forms each language has
Key = tuple[str, str]  # (context, source)


def messages(ts: Path) -> dict[Key, ET.Element]:
    root = ET.parse(ts).getroot()
    found = {}
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            found[(name, message.findtext("source") or "")] = message
    return found


def translations_of(message: ET.Element) -> list[str]:
    translation = message.find("translation")
    if translation is None:
        return []
    if message.get("numerus") == "yes":
        return [form.text or "" for form in translation.iter("numerusform")]
    return [translation.text or ""]


def _placeholders(text: str) -> Counter[str]:
    text = text.replace("{{", "").replace("}}", "")
    found = re.findall(r"\{[^{}]*\}|%(?:n|s|d|\d)", text)
    return Counter(found)


def _accelerators(text: str) -> int:
    return len(re.findall(r"&(?!&)(?=\w)", text.replace("&&", "")))


def _tags(text: str) -> Counter[str]:
    tags = r"b|i|u|em|strong|br|p|h\d|small|span|div|a|table|tr|td|th|ul|ol|li|font"
    return Counter(re.findall(rf"</?(?:{tags})\b[^>]*>", text))


def problems(ts: Path, plural_forms: int) -> list[str]:
    """What is wrong with one catalogue, in words (nothing: it is complete)."""
    found = []
    for (context, source), message in messages(ts).items():
        where = f"{ts.name} {context} {source!r}"
        translation = message.find("translation")
        kind = None if translation is None else translation.get("type")
        if kind is not None:
            found.append(f"{where}: {kind}")
            continue
        texts = translations_of(message)
        if message.get("numerus") == "yes" and len(texts) != plural_forms:
            found.append(f"{where}: {len(texts)} plural forms, not {plural_forms}")
        for text in texts:
            if not text.strip():
                found.append(f"{where}: no translation")
                continue
            if _placeholders(text) != _placeholders(source):
                found.append(
                    f"{where}: placeholders {dict(_placeholders(text))} in {text!r} ≠ "
                    f"{dict(_placeholders(source))}"
                )
            if _accelerators(text) != _accelerators(source):
                found.append(f"{where}: accelerator (&) in {text!r} does not match the source")
            if _tags(text) != _tags(source):
                found.append(f"{where}: HTML tags of {text!r} differ from the source")
            if text.count("\n") != source.count("\n"):
                found.append(f"{where}: line breaks of {text!r} differ from the source")
            for edge, test in (("leading", str.startswith), ("trailing", str.endswith)):
                if test(text, " ") != test(source, " "):
                    found.append(f"{where}: {edge} space of {text!r} differs from the source")
    return found


def _state(message: ET.Element) -> tuple[list[str], str | None]:
    translation = message.find("translation")
    return translations_of(message), None if translation is None else translation.get("type")


def drift(folder: Path) -> dict[str, list[Key]]:
    """Run the project's lupdate (scripts/update-translations.sh) on copies of the catalogues
    in `folder`: what it added, dropped or changed compared with the catalogues there before."""
    before = {lang: messages(folder / f"gastro_hub_{lang}.ts") for lang in LANGUAGES}
    out = folder / "after"
    for lang in LANGUAGES:
        out.mkdir(exist_ok=True)
        shutil.copy(folder / f"gastro_hub_{lang}.ts", out)
    done = subprocess.run(
        ["bash", str(SCRIPT), "--into", str(out)],
        capture_output=True,
        text=True,
        env={"VENV_BIN": str(BIN), "PATH": "/usr/bin:/bin"},
        timeout=300,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    changes: dict[str, list[Key]] = {"new": [], "gone": [], "changed": []}
    for lang in LANGUAGES:
        after = messages(out / f"gastro_hub_{lang}.ts")
        changes["new"] += [k for k in after if k not in before[lang]]
        changes["gone"] += [k for k in before[lang] if k not in after]
        changes["changed"] += [
            k for k in after if k in before[lang] and _state(after[k]) != _state(before[lang][k])
        ]
    return changes


def copy_catalogues(folder: Path) -> Path:
    for lang in LANGUAGES:
        shutil.copy(CATALOGUES / f"gastro_hub_{lang}.ts", folder)
    return folder


@pytest.fixture(scope="module")
def lupdate_tools() -> None:
    for tool in ("pyside6-lupdate", "pyside6-lrelease"):
        if not (BIN / tool).exists():
            pytest.fail(f"{tool} not next to {sys.executable}: pip install pyside6")


# ------------------------------------------------------------------ the catalogues as they are


def test_the_catalogues_are_current_with_the_sources(lupdate_tools: None, tmp_path: Path) -> None:
    changes = drift(copy_catalogues(tmp_path))
    assert changes == {"new": [], "gone": [], "changed": []}, (
        "run scripts/update-translations.sh and translate what it adds: " + str(changes)
    )


@pytest.mark.parametrize("language", sorted(LANGUAGES))
def test_every_message_is_translated_alike(language: str) -> None:
    ts = CATALOGUES / f"gastro_hub_{language}.ts"
    assert len(messages(ts)) > 500
    assert problems(ts, LANGUAGES[language]) == []


def test_both_languages_have_the_same_messages() -> None:
    assert set(messages(CATALOGUES / "gastro_hub_cs.ts")) == set(
        messages(CATALOGUES / "gastro_hub_de.ts")
    )


@pytest.mark.parametrize("language", sorted(LANGUAGES))
def test_the_qm_is_compiled_from_the_ts(lupdate_tools: None, tmp_path: Path, language: str) -> None:
    ts = CATALOGUES / f"gastro_hub_{language}.ts"
    fresh = tmp_path / f"gastro_hub_{language}.qm"
    subprocess.run(
        [str(BIN / "pyside6-lrelease"), str(ts), "-qm", str(fresh)],
        check=True, capture_output=True,
    )  # fmt: skip
    shipped = CATALOGUES / f"gastro_hub_{language}.qm"
    assert shipped.read_bytes() == fresh.read_bytes(), (
        f"{shipped.name} is not compiled from {ts.name}: run scripts/update-translations.sh"
    )


def test_the_engines_words_shown_in_the_views_are_in_the_catalogue() -> None:
    """Fixed texts the engine and channel settings hand to the views, translated there."""
    from gastro_hub_desktop.channels.email.settings import PRESETS
    from gastro_hub_desktop.channels.social.settings import TargetKind
    from gastro_hub_desktop.ui.ai_panel import LOCAL_PROVIDER
    from gastro_hub_desktop.ui.social_forms import TARGET_LABELS

    sources = set(messages(CATALOGUES / "gastro_hub_cs.ts"))
    for preset in PRESETS.values():
        assert ("EmailAccountDialog", preset.login_hint) in sources, preset.name
    for kind in TargetKind:
        assert TARGET_LABELS[kind] == kind.label
        assert ("ConnectDialog", kind.label) in sources
    engine = (ROOT / "src" / "gastro_hub_desktop" / "engine" / "assistant.py").read_text()
    assert f'"{LOCAL_PROVIDER}"' in engine, "the engine names the local provider differently"
    assert ("AiPanel", LOCAL_PROVIDER) in sources


# ------------------------------------------------------------------ the checks can fail


def test_the_checks_catch_a_broken_catalogue(tmp_path: Path) -> None:
    ts = copy_catalogues(tmp_path) / "gastro_hub_de.ts"
    tree = ET.parse(ts)
    broken = {
        "Send reply": "",  # no translation
        "Reading {0}…": "Wird gelesen…",  # placeholder lost
        "&File": "Datei",  # accelerator lost
        "<b>Posts</b>": "Beiträge",  # tags lost
        "Database: ": "Datenbank:",  # trailing space lost
    }
    for message in tree.getroot().iter("message"):
        source = message.findtext("source")
        translation = message.find("translation")
        if source in broken and translation is not None:
            translation.text = broken[source]
    tree.write(ts, encoding="utf-8", xml_declaration=True)
    found = "\n".join(problems(ts, 2))
    assert "'Send reply': no translation" in found
    assert "'Reading {0}…': placeholders" in found
    assert "'&File': accelerator" in found
    assert "'<b>Posts</b>': HTML tags" in found
    assert "'Database: ': trailing space" in found


def test_the_drift_check_sees_a_missing_and_a_stale_message(
    lupdate_tools: None, tmp_path: Path
) -> None:
    copy_catalogues(tmp_path)
    for lang in LANGUAGES:
        ts = tmp_path / f"gastro_hub_{lang}.ts"
        tree = ET.parse(ts)
        root = tree.getroot()
        for context in root.iter("context"):
            for message in list(context.iter("message")):
                if message.findtext("source") == "Send reply":
                    context.remove(message)  # a text the sources use, missing
        stale = ET.SubElement(root, "context")
        ET.SubElement(stale, "name").text = "MainWindow"
        message = ET.SubElement(stale, "message")
        ET.SubElement(message, "source").text = "A text no source uses"
        ET.SubElement(message, "translation").text = "Ein Text"
        tree.write(ts, encoding="utf-8", xml_declaration=True)
    changes = drift(tmp_path)
    assert ("ConversationPane", "Send reply") in changes["new"]
    assert ("MainWindow", "A text no source uses") in changes["gone"]
