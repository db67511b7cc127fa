"""Choosing an approved WhatsApp template and filling its variables: the only thing WhatsApp
lets a business send once 24 hours have passed since the customer's last message."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from gastro_hub_desktop.ui.bridge import user_message

if TYPE_CHECKING:
    from gastro_hub_desktop.engine.facade import Engine
    from gastro_hub_desktop.ui.bridge import EngineBridge


class TemplateDialog(QDialog):
    def __init__(
        self,
        engine: Engine,
        bridge: EngineBridge,
        conversation_id: int,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._engine = engine
        self._bridge = bridge
        self._conversation_id = conversation_id
        self._templates: list[dict[str, Any]] = []
        self.setWindowTitle(self.tr("Send an approved template"))
        self.choice = QComboBox()
        self.values: list[QLineEdit] = []
        self.form = QFormLayout()
        self.form.addRow(self.tr("Template"), self.choice)
        self.result = QLabel(self.tr("Loading the approved templates…"))
        self.result.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Send"))
        self.buttons.setEnabled(False)
        self.buttons.accepted.connect(self.send)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.result)
        layout.addWidget(self.buttons)
        self.choice.currentIndexChanged.connect(self._chosen)
        bridge.call(
            engine.whatsapp_templates(conversation_id),
            self._loaded,
            lambda exc: self.result.setText("✘ " + user_message(exc)),
        )

    def _loaded(self, templates: list[dict[str, Any]]) -> None:
        self._templates = templates
        if not templates:
            self.result.setText(
                self.tr(
                    "This WhatsApp account has no approved templates yet. Add them in the "
                    "account's settings (their names come from Twilio's Content Template "
                    "Builder or Meta's WhatsApp Manager)."
                )
            )
            return
        for t in templates:
            self.choice.addItem(f"{t.get('label') or t['ref']} ({t.get('language') or '—'})")
        self.result.clear()
        self.buttons.setEnabled(True)
        self._chosen()

    def _chosen(self) -> None:
        for field in self.values:
            self.form.removeRow(field)
        self.values = []
        index = self.choice.currentIndex()
        if not 0 <= index < len(self._templates):
            return
        for n in range(1, int(self._templates[index].get("variables") or 0) + 1):
            field = QLineEdit()
            self.values.append(field)
            self.form.addRow(self.tr("Value {{%d}}") % n, field)

    def template(self) -> dict[str, Any]:
        chosen = self._templates[self.choice.currentIndex()]
        return {
            "ref": chosen["ref"],
            "language": chosen.get("language", ""),
            "label": chosen.get("label") or chosen["ref"],
            "variables": {str(n): f.text().strip() for n, f in enumerate(self.values, 1)},
        }

    def send(self) -> None:
        if any(not f.text().strip() for f in self.values):
            self.result.setText(self.tr("Fill in every value of the template."))
            return
        self.buttons.setEnabled(False)
        self.result.setText(self.tr("Queuing…"))
        self._bridge.call(
            self._engine.send_template(self._conversation_id, self.template()),
            lambda _entry: self.accept(),
            lambda exc: (
                self.buttons.setEnabled(True),
                self.result.setText("✘ " + user_message(exc)),
            ),
        )
