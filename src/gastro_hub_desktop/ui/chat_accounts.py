"""The account bar of a tab whose accounts are of several kinds (the Chats tab: Beeper, Matrix,
Telegram): one line per account with its measured state, and one "Connect …" button per kind,
each opening a dialog built from that kind's form."""

from __future__ import annotations

import concurrent.futures
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QPushButton, QWidget

from gastro_hub_desktop.channels.base import Health
from gastro_hub_desktop.ui.accounts_bar import AccountsBar
from gastro_hub_desktop.ui.connect_dialog import AccountForm, ConnectDialog

if TYPE_CHECKING:
    from gastro_hub_desktop.engine.facade import Engine
    from gastro_hub_desktop.ui.bridge import EngineBridge


class KindsBar(AccountsBar):
    def __init__(
        self,
        engine: Engine,
        bridge: EngineBridge,
        forms: tuple[tuple[str, str, AccountForm], ...],  # (accounts' name, button, form)
        empty_text: str,
        parent: QWidget | None = None,
    ) -> None:
        self.kinds = tuple(form.prefix for _name, _button, form in forms)
        self.empty_text = empty_text
        self._names = {
            form.prefix: QCoreApplication.translate("KindsBar", name) for name, _b, form in forms
        }
        super().__init__(engine, bridge, parent)
        self.connect_buttons: dict[str, QPushButton] = {}
        self.dialog: ConnectDialog | None = None
        for _name, label, form in forms:
            button = self.new_button(QCoreApplication.translate("KindsBar", label))
            button.clicked.connect(lambda _=False, f=form: self.connect_account(f))
            self.connect_buttons[form.prefix] = button

    def account_name(self, account_key: str) -> str:
        prefix, _, rest = account_key.partition(":")
        return f"{self._names.get(prefix + ':', prefix)} {rest}"

    def load_accounts(self) -> concurrent.futures.Future[list[tuple[str, str, dict[str, Any]]]]:
        return self._engine.accounts_of(self.kinds)

    def load_health(self) -> concurrent.futures.Future[dict[str, Health]]:
        return self._engine.accounts_health(self.kinds)

    def connect_account(self, form: AccountForm) -> None:
        self.dialog = ConnectDialog(self._engine, self._bridge, form, self)
        self.dialog.accepted.connect(self.refresh)
        self.dialog.open()
