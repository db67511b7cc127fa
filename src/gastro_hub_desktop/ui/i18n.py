"""The app's language (Czech, German or English): chosen in the settings or from the system
locale, loaded with Qt's translation system (.qm files made by pyside6-lrelease), and the
dates and numbers shown in that language's format."""

from __future__ import annotations

import json
import os
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

LANGUAGES = {"en": "English", "cs": "Čeština", "de": "Deutsch"}
UI_FILE = "ui.json"  # in the data folder: {"language": "cs"}
_current = "en"
_installed: list[Any] = []  # the translators install() put in, removed by the next call
# dates: today, this year, other years
DATE_FORMATS = {
    "en": ("%H:%M", "%d %b %H:%M", "%d %b %Y"),
    "cs": ("%H:%M", "%d.%m. %H:%M", "%d.%m.%Y"),
    "de": ("%H:%M", "%d.%m. %H:%M", "%d.%m.%Y"),
}
QT_LOCALES = {"en": "en_GB", "cs": "cs_CZ", "de": "de_DE"}


def system_language() -> str:
    """The system's language when it is one we speak, else English."""
    from PySide6.QtCore import QLocale

    code = QLocale.system().name().split("_")[0]
    return code if code in LANGUAGES else "en"


def chosen_language(data_dir: Path) -> str:
    """The language the user chose in the settings, else the system's."""
    forced = os.environ.get("GASTRO_HUB_LANGUAGE")
    if forced in LANGUAGES:
        return forced
    path = data_dir / UI_FILE
    if path.exists():
        try:
            saved = json.loads(path.read_text(encoding="utf-8")).get("language")
        except (OSError, ValueError):
            saved = None
        if saved in LANGUAGES:
            return str(saved)
    return system_language()


def ui_preferences(data_dir: Path) -> dict[str, Any]:
    """What the settings keep outside the database (read before it opens): language,
    minimize to tray, an accepted insecure keyring."""
    path = data_dir / UI_FILE
    if not path.exists():
        return {}
    try:
        saved = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return saved if isinstance(saved, dict) else {}


def save_preference(data_dir: Path, key: str, value: Any) -> None:
    """Keep one preference for the next start (written whole, then renamed)."""
    current = ui_preferences(data_dir)
    current[key] = value
    path = data_dir / UI_FILE
    partial = path.with_name(path.name + ".part")
    partial.write_text(json.dumps(current), encoding="utf-8")
    partial.replace(path)


def save_language(data_dir: Path, language: str) -> None:
    if language not in LANGUAGES:
        raise ValueError(f"not a language the app speaks: {language}")
    save_preference(data_dir, "language", language)


def install(app: Any, language: str, translations: Path) -> Any:
    """Load the language's translations into the app (English needs none), with Qt's own for
    its standard buttons and dialogs (Cancel, Save, Next…); the previous language's are
    removed. Returns the app's translator (keep a reference) or None."""
    global _current
    previous, _current = _current, language if language in LANGUAGES else "en"
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    if _current == "en":
        if previous != "en":
            from PySide6.QtCore import QLocale

            QLocale.setDefault(QLocale.system())
        return None
    from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator

    QLocale.setDefault(QLocale(QT_LOCALES[_current]))
    translator = QTranslator(app)
    if not translator.load(str(translations / f"gastro_hub_{_current}.qm")):
        return None
    qt_own = QTranslator(app)
    qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if qt_own.load(f"qtbase_{_current}", qt_folder):
        app.installTranslator(qt_own)
        _installed.append(qt_own)
    app.installTranslator(translator)  # installed last: looked at first
    _installed.append(translator)
    return translator


def current() -> str:
    return _current


def when(moment: datetime, now: datetime | None = None) -> str:
    """Today's messages by time, older ones by date, in local time and the language's format."""
    today_format, year_format, other_format = DATE_FORMATS[_current]
    local = moment.astimezone()
    today = (now or datetime.now(UTC)).astimezone().date()
    if local.date() == today:
        return local.strftime(today_format)
    if local.year == today.year:
        return local.strftime(year_format)
    return local.strftime(other_format)


def number(value: float, decimals: int = 0) -> str:
    """A number with the language's digit grouping and decimal mark (1,234.5 / 1 234,5)."""
    from PySide6.QtCore import QLocale

    return QLocale(QT_LOCALES[_current]).toString(float(value), "f", decimals)
