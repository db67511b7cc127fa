"""Czech and German through Qt's translation system: the window's own words change with the
language, placeholders survive translation, and dates and numbers follow the language."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from gastro_hub_desktop import paths
from gastro_hub_desktop.engine.facade import Engine
from gastro_hub_desktop.ui import i18n
from gastro_hub_desktop.ui.bridge import EngineBridge
from gastro_hub_desktop.ui.main_window import MainWindow

TRANSLATIONS = paths.resource("translations")


@pytest.fixture
def language(qapp: QApplication) -> Iterator[object]:
    installed: list[object] = []

    def use(code: str) -> object:
        translator = i18n.install(qapp, code, TRANSLATIONS)
        assert translator is not None, f"no translations for {code}"
        installed.append(translator)
        return translator

    yield use
    for translator in installed:
        qapp.removeTranslator(translator)  # type: ignore[arg-type]
    i18n.install(qapp, "en", TRANSLATIONS)


@pytest.mark.parametrize(
    ("code", "inbox", "send"),
    [("cs", "Přehled", "Odeslat odpověď"), ("de", "Übersicht", "Antwort senden")],
)
def test_the_window_speaks_the_language(
    qtbot: QtBot, tmp_path: Path, language: object, code: str, inbox: str, send: str
) -> None:
    language(code)  # type: ignore[operator]
    engine = Engine(f"sqlite:///{tmp_path / 'lang.sqlite3'}")
    bridge = EngineBridge(engine.events)
    window = MainWindow(engine, bridge)
    qtbot.addWidget(window)
    try:
        assert window.tabs.tabText(0).startswith(inbox)
        assert window.inbox.pane.send_button.text() == send
        text = QCoreApplication.translate("AiPanel", "{0} automatic replies were held.")
        assert "{0}" in text and text != "{0} automatic replies were held."
    finally:
        engine.stop()
        bridge.close()


def test_dates_and_numbers_follow_the_language(qapp: QApplication) -> None:
    moment = datetime(2025, 3, 7, 14, 5, tzinfo=UTC)
    now = datetime(2026, 12, 4, 12, 0, tzinfo=UTC)
    try:
        i18n.install(qapp, "en", TRANSLATIONS)
        assert i18n.when(moment, now) == moment.astimezone().strftime("%d %b %Y")
        assert i18n.number(1234567.5, 1) == "1,234,567.5"
        translator = i18n.install(qapp, "cs", TRANSLATIONS)
        assert i18n.when(moment, now) == moment.astimezone().strftime("%d.%m.%Y")
        assert i18n.number(1234567.5, 1).replace("\xa0", " ") == "1 234 567,5"
        qapp.removeTranslator(translator)  # type: ignore[arg-type]
        translator = i18n.install(qapp, "de", TRANSLATIONS)
        assert i18n.number(1234567.5, 1) == "1.234.567,5"
        qapp.removeTranslator(translator)  # type: ignore[arg-type]
    finally:
        i18n.install(qapp, "en", TRANSLATIONS)


@pytest.mark.parametrize(
    ("code", "cancel", "email", "crisis"),
    [("cs", "Zrušit", "E-mail", "KRIZE"), ("de", "Abbrechen", "E-Mail", "KRISE")],
)
def test_labels_held_in_constants_and_qts_own_buttons_follow_the_language(
    qapp: QApplication, language: object, code: str, cancel: str, email: str, crisis: str
) -> None:
    """Texts kept in module constants (marked QT_TRANSLATE_NOOP) are translated where shown,
    and Qt's standard buttons speak the language too (Qt's own catalogue is loaded)."""
    from PySide6.QtWidgets import QDialogButtonBox

    from gastro_hub_desktop.ui.inbox_model import channel_label, urgency_label

    language(code)  # type: ignore[operator]
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    assert box.button(QDialogButtonBox.StandardButton.Cancel).text() == cancel
    assert channel_label("email") == email
    assert urgency_label("crisis").upper() == crisis
    assert channel_label("no-such-channel") == "no-such-channel"
    i18n.install(qapp, "en", TRANSLATIONS)  # back to English: Qt's own words too
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    assert box.button(QDialogButtonBox.StandardButton.Cancel).text().replace("&", "") == "Cancel"
    assert channel_label("email") == "Email"


def test_the_whatsapp_window_words_are_the_domains_in_english(qapp: QApplication) -> None:
    """The conversation says the 24-hour window in the UI's language; in English exactly as
    domain.service_window.describe_window does (what the engine refuses with)."""
    from datetime import timedelta

    from gastro_hub_desktop.domain.service_window import describe_window
    from gastro_hub_desktop.ui.conversation_pane import window_words

    now = datetime(2026, 12, 4, 12, 0, tzinfo=UTC)
    for closes in (None, now - timedelta(minutes=1), now + timedelta(hours=5, minutes=7)):
        assert window_words(closes, now) == describe_window(closes, now)
