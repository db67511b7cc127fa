"""Settings: language, quiet hours for notifications, minimize to tray, start at login, where
the data lives, and which keyring holds the secrets (an insecure one is refused unless the
user explicitly accepts it). Channels, the AI provider and backups are set in their tabs."""

from __future__ import annotations

import html
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from gastro_hub_desktop.ui import autostart, i18n
from gastro_hub_desktop.ui.bridge import user_message

if TYPE_CHECKING:
    from gastro_hub_desktop.engine.facade import Engine
    from gastro_hub_desktop.ui.bridge import EngineBridge


class SettingsDialog(QDialog):
    def __init__(
        self,
        engine: Engine,
        bridge: EngineBridge,
        data_dir: Path,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._engine = engine
        self._bridge = bridge
        self.data_dir = data_dir
        self.setWindowTitle(self.tr("Settings"))
        prefs = i18n.ui_preferences(data_dir)

        self.language = QComboBox()
        for code, name in i18n.LANGUAGES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(
            max(self.language.findData(prefs.get("language") or i18n.current()), 0)
        )
        self.quiet = QCheckBox(self.tr("Quiet hours: only a crisis raises a notification"))
        self.quiet_from = QTimeEdit(QTime(20, 0))
        self.quiet_until = QTimeEdit(QTime(7, 0))
        quiet_row = QHBoxLayout()
        quiet_row.addWidget(self.quiet)
        quiet_row.addWidget(QLabel(self.tr("from")))
        quiet_row.addWidget(self.quiet_from)
        quiet_row.addWidget(QLabel(self.tr("until")))
        quiet_row.addWidget(self.quiet_until)
        self.to_tray = QCheckBox(self.tr("Closing the window keeps the app running in the tray"))
        self.to_tray.setChecked(bool(prefs.get("minimize_to_tray")))
        self.at_login = QCheckBox(self.tr("Start when I log in"))
        self.at_login.setChecked(autostart.is_enabled())
        self.keyring = QLabel(self.tr("Checking the keyring…"))
        self.keyring.setWordWrap(True)
        self.accept_insecure = QCheckBox(
            self.tr("I accept this insecure keyring (secrets kept without encryption)")
        )
        self.accept_insecure.setChecked(bool(prefs.get("allow_insecure_keyring")))
        self.accept_insecure.setVisible(False)
        self.office = QCheckBox(
            self.tr(
                "Office mode: several PCs share this database; one processor fetches and sends "
                "(after a restart)"
            )
        )
        self.office.setVisible(False)  # only for PostgreSQL, once its state is read
        self._office_was: bool | None = None
        data = QLabel(html.escape(str(data_dir)))
        data.setWordWrap(True)

        form = QFormLayout()
        form.addRow(self.tr("Language (after a restart):"), self.language)
        form.addRow(quiet_row)
        form.addRow(self.to_tray)
        form.addRow(self.at_login)
        form.addRow(self.tr("Data folder:"), data)
        form.addRow(self.tr("Keyring:"), self.keyring)
        form.addRow(self.accept_insecure)
        form.addRow(self.office)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(
            QLabel(
                self.tr("Channels, the AI provider, backups and the stack are set in their tabs.")
            )
        )
        layout.addWidget(buttons)
        bridge.call(engine.keyring_status(), self._show_keyring, self._keyring_failed)
        bridge.call(engine.ai_setting("ui.quiet_hours"), self._show_quiet)
        bridge.call(engine.office_status(), self._show_office, lambda _e: None)

    def _show_office(self, status: dict[str, Any]) -> None:
        self.office.setVisible(bool(status.get("postgres")))
        self._office_was = bool(status.get("enabled"))
        self.office.setChecked(self._office_was)

    def _show_keyring(self, status: Any) -> None:
        if status.usable:
            self.keyring.setText(
                self.tr("{0}: secrets are kept there, and it works.").format(status.backend)
            )
        else:
            self.keyring.setText(
                f"{html.escape(status.backend)}: {html.escape(status.problem or '')}"
            )
        self.accept_insecure.setVisible("insecure" in status.backend)

    def _keyring_failed(self, exc: BaseException) -> None:
        self.keyring.setText(self.tr("keyring unavailable: ") + user_message(exc))

    def _show_quiet(self, saved: dict[str, str] | None) -> None:
        self.quiet.setChecked(bool(saved))
        if saved:
            self.quiet_from.setTime(QTime.fromString(saved["from"][:5], "HH:mm"))
            self.quiet_until.setTime(QTime.fromString(saved["until"][:5], "HH:mm"))

    def save(self) -> None:
        i18n.save_language(self.data_dir, self.language.currentData())
        i18n.save_preference(self.data_dir, "minimize_to_tray", self.to_tray.isChecked())
        i18n.save_preference(
            self.data_dir, "allow_insecure_keyring", self.accept_insecure.isChecked()
        )
        if self.at_login.isChecked() != autostart.is_enabled():
            autostart.set_enabled(self.at_login.isChecked())
        quiet = (
            {
                "from": self.quiet_from.time().toString("HH:mm"),
                "until": self.quiet_until.time().toString("HH:mm"),
            }
            if self.quiet.isChecked()
            else None
        )
        window = self.parent()
        if self._office_was is not None and self.office.isChecked() != self._office_was:
            self._bridge.call(
                self._engine.set_office_mode(self.office.isChecked()),
                lambda _none: None,
                lambda exc: self.keyring.setText(user_message(exc)),
            )

        def saved(_none: object) -> None:
            reload = getattr(window, "load_quiet_hours", None)
            if reload is not None:
                reload()
            self.accept()

        self._bridge.call(
            self._engine.put_ai_setting("ui.quiet_hours", quiet),
            saved,
            lambda exc: self.keyring.setText(user_message(exc)),
        )
