"""A "Connect …" dialog built from a short description of the fields a kind of account needs
(Telegram bot, Matrix, Beeper, …): secrets are typed into password fields and handed to the
engine, which checks them for real and keeps them in the keyring."""

from __future__ import annotations

import concurrent.futures
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from gastro_hub_desktop.ui.account_dialog import AccountDialog

if TYPE_CHECKING:
    from gastro_hub_desktop.engine.facade import Engine
    from gastro_hub_desktop.ui.bridge import EngineBridge


@dataclass(frozen=True)
class Field:
    name: str
    label: str
    default: Any = ""  # its type says the widget: str → text, int → number, bool → tick box
    secret: bool = False  # goes to the keyring, never into the settings
    required: bool = False
    placeholder: str = ""
    choices: tuple[tuple[str, str], ...] = ()  # (value, label) → a drop-down


@dataclass(frozen=True)
class AccountForm:
    prefix: str  # the kind's account key prefix, e.g. "telegram:"
    # the words are marked QT_TRANSLATE_NOOP("ConnectDialog", …) and translated when shown
    title: str  # e.g. "Connect a Telegram bot"
    hint: str  # where the user finds what to type
    fields: tuple[Field, ...]
    build: Callable[[dict[str, Any]], Any]  # the non-secret values → the kind's settings


class ConnectDialog(AccountDialog):
    def __init__(
        self,
        engine: Engine,
        bridge: EngineBridge,
        form: AccountForm,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(engine, bridge, parent)
        self.form = form
        self.setWindowTitle(self.tr(form.title))
        self.widgets: dict[str, QWidget] = {}
        layout = QVBoxLayout(self)
        hint = QLabel(self.tr(form.hint))
        hint.setWordWrap(True)
        layout.addWidget(hint)
        rows = QFormLayout()
        for field in form.fields:
            widget = self._widget(field)
            self.widgets[field.name] = widget
            rows.addRow(self.tr(field.label), widget)
        layout.addLayout(rows)
        layout.addWidget(self.test_button)
        layout.addWidget(self.result)
        layout.addWidget(self.buttons)

    @staticmethod
    def _widget(field: Field) -> QWidget:
        if field.choices:
            box = QComboBox()
            for value, label in field.choices:
                box.addItem(QCoreApplication.translate("ConnectDialog", label), value)
            box.setCurrentIndex(max(0, box.findData(field.default)))
            return box
        if isinstance(field.default, bool):
            tick = QCheckBox()
            tick.setChecked(field.default)
            return tick
        if isinstance(field.default, int):
            number = QSpinBox()
            number.setRange(0, 65535)
            number.setValue(field.default)
            return number
        line = QLineEdit(str(field.default))
        line.setPlaceholderText(field.placeholder)
        if field.secret:
            line.setEchoMode(QLineEdit.EchoMode.Password)
        return line

    def value(self, name: str) -> Any:
        widget = self.widgets[name]
        if isinstance(widget, QComboBox):
            return widget.currentData()
        if isinstance(widget, QCheckBox):
            return widget.isChecked()
        if isinstance(widget, QSpinBox):
            return widget.value()
        assert isinstance(widget, QLineEdit)
        return widget.text().strip()

    def set_value(self, name: str, value: Any) -> None:
        """Fill a field (for tests and for editing an existing account)."""
        widget = self.widgets[name]
        if isinstance(widget, QComboBox):
            widget.setCurrentIndex(widget.findData(value))
        elif isinstance(widget, QCheckBox):
            widget.setChecked(bool(value))
        elif isinstance(widget, QSpinBox):
            widget.setValue(int(value))
        elif isinstance(widget, QLineEdit):
            widget.setText(str(value))

    def settings(self) -> Any:
        return self.form.build(
            {f.name: self.value(f.name) for f in self.form.fields if not f.secret}
        )

    def secrets(self) -> dict[str, str]:
        return {f.name: self.value(f.name) for f in self.form.fields if f.secret}

    def _missing(self) -> str | None:
        for field in self.form.fields:
            if field.required and self.value(field.name) in ("", None):
                label = self.tr(field.label)
                if label == field.label:  # English: "Enter the access token."
                    label = label.lower()
                return self.tr("Enter the {0}.").format(label)
        try:
            self.settings()
        except ValueError as exc:
            return str(exc)
        return None

    def _test(self) -> concurrent.futures.Future[str]:
        return self._engine.test_account(self.form.prefix, self.settings(), self.secrets())

    def _add(self) -> concurrent.futures.Future[str]:
        return self._engine.add_account(self.form.prefix, self.settings(), self.secrets())

    def _forget_secret(self) -> None:
        for field in self.form.fields:
            widget = self.widgets[field.name]
            if field.secret and isinstance(widget, QLineEdit):
                widget.clear()
