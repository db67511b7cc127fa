"""The AI panel: what the assistant did (messages processed today, draft acceptance with its
7-day trend, time and money saved, tokens), the kill switch, the auto-reply policy, the
drafting provider, the business's knowledge base, and the daily learning report."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from gastro_hub_desktop.domain.triage import Intent
from gastro_hub_desktop.ui import i18n
from gastro_hub_desktop.ui.bridge import user_message
from gastro_hub_desktop.ui.inbox_model import urgency_label

if TYPE_CHECKING:
    from gastro_hub_desktop.engine.assistant import AiStatus
    from gastro_hub_desktop.engine.facade import Engine
    from gastro_hub_desktop.ui.bridge import EngineBridge

AUTO_INTENTS = (Intent.ORDER, Intent.DELIVERY, Intent.QUESTION, Intent.QUOTE_REQUEST)


def percent(value: float | None) -> str:
    return "–" if value is None else f"{round(value * 100)} %"


# the engine's name for the local provider (engine/assistant.py), shown through translate()
LOCAL_PROVIDER = QT_TRANSLATE_NOOP("AiPanel", "Local (past replies and templates, no network)")
# what the panel calls each kind of message (shown through self.tr(), context AiPanel)
INTENT_LABELS = {
    Intent.ORDER: QT_TRANSLATE_NOOP("AiPanel", "order"),
    Intent.QUOTE_REQUEST: QT_TRANSLATE_NOOP("AiPanel", "quote request"),
    Intent.COMPLAINT: QT_TRANSLATE_NOOP("AiPanel", "complaint"),
    Intent.DELIVERY: QT_TRANSLATE_NOOP("AiPanel", "delivery"),
    Intent.INVOICE: QT_TRANSLATE_NOOP("AiPanel", "invoice"),
    Intent.SERVICE_REQUEST: QT_TRANSLATE_NOOP("AiPanel", "service request"),
    Intent.QUESTION: QT_TRANSLATE_NOOP("AiPanel", "question"),
    Intent.NEWSLETTER: QT_TRANSLATE_NOOP("AiPanel", "newsletter"),
    Intent.OTHER: QT_TRANSLATE_NOOP("AiPanel", "other"),
}


def describe_status(s: AiStatus) -> str:
    """The figures as the panel shows them (HTML), in the UI's language; nothing that is not
    counted."""
    today = s.today
    decided = today.approved + today.edited + today.rejected
    trend = s.trend
    trend_text = (
        QCoreApplication.translate("AiPanel", "not enough decisions yet")
        if trend is None
        else QCoreApplication.translate("AiPanel", "{0} points over the last 3 days").format(
            f"{'+' if trend >= 0 else ''}{round(trend * 100)}"
        )
    )
    days = "".join(
        f"<tr><td>{d.day}</td><td>{d.approved}</td><td>{d.edited}</td><td>{d.rejected}</td>"
        f"<td>{d.auto}</td><td>{percent(d.acceptance)}</td></tr>"
        for d in s.last_7_days
    )
    tokens = ", ".join(
        QCoreApplication.translate("AiPanel", "{0}: {1} in / {2} out").format(
            m, i18n.number(p), i18n.number(c)
        )
        for m, (p, c) in s.tokens.items()
    )
    state = (
        "<b style='color:#b00'>"
        + QCoreApplication.translate("AiPanel", "Kill switch ON: nothing is sent automatically.")
        + "</b>"
        if s.kill_switch
        else (
            QCoreApplication.translate("AiPanel", "Auto-reply is on (within the policy below).")
            if s.auto_reply_enabled
            else QCoreApplication.translate(
                "AiPanel", "Auto-reply is off: every draft waits for a person."
            )
        )
    )
    error = (
        "<p style='color:#b00'>"
        + QCoreApplication.translate("AiPanel", "Last problem: {0}").format(
            html.escape(s.last_error)
        )
        + "</p>"
        if (s.last_error)
        else ""
    )
    waiting = (
        QCoreApplication.translate("AiPanel", " ({0} waiting)").format(s.waiting_for_triage)
        if s.waiting_for_triage
        else ""
    )
    headings = (
        QCoreApplication.translate("AiPanel", "Day"),
        QCoreApplication.translate("AiPanel", "Unchanged"),
        QCoreApplication.translate("AiPanel", "Edited"),
        QCoreApplication.translate("AiPanel", "Rejected"),
        QCoreApplication.translate("AiPanel", "Automatic"),
        QCoreApplication.translate("AiPanel", "Acceptance"),
    )
    return (
        "<p>"
        + state
        + "<br>"
        + QCoreApplication.translate("AiPanel", "Provider: {0}").format(
            html.escape(QCoreApplication.translate("AiPanel", s.provider))
        )
        + "</p>"
        + error
        + "<p>"
        + QCoreApplication.translate(
            "AiPanel",
            "<b>{0}</b> messages triaged today{1}; drafts decided today: {2} ({3} sent "
            "unchanged, {4} edited, {5} rejected), {6} sent automatically.",
        ).format(
            s.processed_today,
            waiting,
            decided,
            today.approved,
            today.edited,
            today.rejected,
            today.auto,
        )
        + "</p><p>"
        + QCoreApplication.translate(
            "AiPanel", "Acceptance (sent unchanged) over 7 days: <b>{0}</b>, trend: {1}."
        ).format(percent(s.acceptance_7_days), trend_text)
        + "<br>"
        + QCoreApplication.translate(
            "AiPanel",
            "Time saved over 7 days: <b>{0} min</b> ({1} min per reply); money saved: "
            "<b>{2} {3}</b> (at {4} {3}/h).",
        ).format(
            f"{s.minutes_saved:.0f}",
            f"{s.minutes_per_reply:g}",
            i18n.number(s.money_saved),
            html.escape(s.currency),
            i18n.number(s.hourly_rate),
        )
        + (
            "<br>"
            + QCoreApplication.translate("AiPanel", "Tokens used (7 days): {0}").format(
                html.escape(tokens)
            )
            if tokens
            else ""
        )
        + (
            QCoreApplication.translate(
                "AiPanel", "; provider cost: <b>{0}</b> (at the prices entered below)"
            ).format(i18n.number(s.cost, 2))
            if s.cost is not None
            else ""
        )
        + "</p><table border='0' cellspacing='6'><tr>"
        + "".join(f"<th>{html.escape(h)}</th>" for h in headings)
        + f"</tr>{days}</table>"
    )


class AiPanel(QScrollArea):
    def __init__(self, engine: Engine, bridge: EngineBridge, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._engine = engine
        self._bridge = bridge
        self.setWidgetResizable(True)
        body = QWidget()
        layout = QVBoxLayout(body)
        self.summary = QLabel(self.tr("Counting…"))
        self.summary.setWordWrap(True)
        self.kill_button = QPushButton(self.tr("Stop all automatic replies (kill switch)"))
        self.kill_button.setCheckable(True)
        self.kill_button.toggled.connect(self._kill_switch)
        self.report_button = QPushButton(self.tr("Export today's learning report…"))
        self.report_button.clicked.connect(self.export_report)
        self.report = QLabel()
        self.report.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(self.kill_button)
        top.addWidget(self.report_button)
        top.addStretch(1)
        layout.addWidget(QLabel("<h2>" + self.tr("AI assistant") + "</h2>"))
        layout.addWidget(self.summary)
        layout.addLayout(top)
        layout.addWidget(self.report)
        layout.addWidget(self._policy_box())
        layout.addWidget(self._provider_box())
        layout.addWidget(self._keywords_box())
        layout.addWidget(self._templates_box())
        layout.addStretch(1)
        self.setWidget(body)

    # ------------------------------------------------------------ building

    def _policy_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Automatic replies (off unless you switch them on)"))
        form = QFormLayout(box)
        self.auto_enabled = QCheckBox(self.tr("Send drafts automatically when every rule allows"))
        self.min_confidence = QDoubleSpinBox()
        self.min_confidence.setRange(0.5, 1.0)
        self.min_confidence.setSingleStep(0.05)
        self.min_confidence.setValue(0.85)
        self.per_day = QSpinBox()
        self.per_day.setRange(0, 20)
        self.per_day.setValue(2)
        self.allow_vip = QCheckBox(self.tr("also to VIP customers"))
        self.allow_urgent = QCheckBox(self.tr("also to urgent messages"))
        self.intents: dict[Intent, QCheckBox] = {}
        intents = QHBoxLayout()
        for intent in AUTO_INTENTS:
            check = QCheckBox(self.tr(INTENT_LABELS[intent]))
            self.intents[intent] = check
            intents.addWidget(check)
        save = QPushButton(self.tr("Save rules"))
        save.clicked.connect(self.save_policy)
        form.addRow(self.auto_enabled)
        form.addRow(self.tr("For these kinds of message (all channels):"), intents)
        form.addRow(self.tr("Only when the assistant is at least this sure:"), self.min_confidence)
        form.addRow(self.tr("At most this many per customer per day:"), self.per_day)
        form.addRow(self.allow_vip)
        form.addRow(self.allow_urgent)
        form.addRow(QLabel(self.tr("Only in business hours: Mon–Fri 08:00–17:00 Europe/Prague.")))
        form.addRow(save)
        return box

    def _provider_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Drafting"))
        form = QFormLayout(box)
        self.provider = QComboBox()
        self.provider.addItem(self.tr("Local: past replies and templates (no network)"), "local")
        self.provider.addItem(self.tr("OpenAI-compatible server (OpenAI, Ollama, vLLM…)"), "openai")
        self.provider.addItem(self.tr("Lindy agent (webhook trigger and callback)"), "lindy")
        self.base_url = QLineEdit("http://127.0.0.1:11434/v1")
        self.model = QLineEdit("llama3.1")
        self.api_key = QLineEdit()
        self.api_key.setEchoMode(QLineEdit.EchoMode.Password)
        self.api_key.setPlaceholderText(self.tr("kept in the keyring; leave empty to keep it"))
        self.test_button = QPushButton(self.tr("Test connection"))
        self.test_button.clicked.connect(self.test_provider)
        self.lindy_url = QLineEdit()
        self.lindy_url.setPlaceholderText("https://public.lindy.ai/api/v1/webhooks/…")
        self.lindy_secret = QLineEdit()
        self.lindy_secret.setEchoMode(QLineEdit.EchoMode.Password)
        self.lindy_secret.setPlaceholderText(self.tr("the trigger's secret; kept in the keyring"))
        self.callback_url = QLineEdit()
        self.callback_url.setPlaceholderText(
            self.tr("public address Lindy answers to (e.g. a tunnel to 127.0.0.1:8768)")
        )
        self.provider_result = QLabel()
        self.provider_result.setWordWrap(True)
        self.business = QLineEdit()
        self.signature = QLineEdit()
        self.knowledge = QPlainTextEdit()
        self.knowledge.setPlaceholderText(
            self.tr(
                "What the assistant may tell customers: opening hours, delivery terms, "
                "prices it may quote, service areas…"
            )
        )
        self.knowledge.setMaximumHeight(140)
        self.price_in = QDoubleSpinBox()
        self.price_in.setRange(0, 1000)
        self.price_in.setDecimals(3)
        self.price_out = QDoubleSpinBox()
        self.price_out.setRange(0, 1000)
        self.price_out.setDecimals(3)
        self.minutes = QDoubleSpinBox()
        self.minutes.setRange(0.5, 60)
        self.minutes.setValue(4)
        self.rate = QDoubleSpinBox()
        self.rate.setRange(0, 100000)
        self.rate.setValue(450)
        save = QPushButton(self.tr("Save"))
        save.clicked.connect(self.save_provider)
        form.addRow(self.tr("Provider:"), self.provider)
        form.addRow(self.tr("Server address:"), self.base_url)
        form.addRow(self.tr("Model:"), self.model)
        form.addRow(self.tr("API key:"), self.api_key)
        form.addRow(self.test_button, self.provider_result)
        form.addRow(self.tr("Lindy webhook URL:"), self.lindy_url)
        form.addRow(self.tr("Lindy secret:"), self.lindy_secret)
        form.addRow(self.tr("Callback address:"), self.callback_url)
        form.addRow(self.tr("Price per million prompt tokens:"), self.price_in)
        form.addRow(self.tr("Price per million answer tokens:"), self.price_out)
        form.addRow(self.tr("Business name:"), self.business)
        form.addRow(self.tr("Signature:"), self.signature)
        form.addRow(self.tr("Knowledge base:"), self.knowledge)
        form.addRow(self.tr("Minutes a reply takes by hand:"), self.minutes)
        form.addRow(self.tr("Hourly rate (CZK):"), self.rate)
        form.addRow(save)
        return box

    def _keywords_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Urgency keywords (yours; the app also learns from corrections)"))
        layout = QVBoxLayout(box)
        row = QHBoxLayout()
        self.keyword_label = QComboBox()
        for value in ("crisis", "urgent", "financial", "scheduling"):
            self.keyword_label.addItem(urgency_label(value), value)
        self.keyword_language = QComboBox()
        for code, name in (
            ("cs", QT_TRANSLATE_NOOP("AiPanel", "Czech")),
            ("en", QT_TRANSLATE_NOOP("AiPanel", "English")),
            ("de", QT_TRANSLATE_NOOP("AiPanel", "German")),
            ("any", QT_TRANSLATE_NOOP("AiPanel", "Any")),
        ):
            self.keyword_language.addItem(self.tr(name), code)
        self.keyword_text = QLineEdit()
        self.keyword_text.setPlaceholderText(self.tr("word or phrase, e.g. nefunguje chlazení"))
        self.keyword_weight = QDoubleSpinBox()
        self.keyword_weight.setRange(-3.0, 3.0)
        self.keyword_weight.setSingleStep(0.5)
        self.keyword_weight.setValue(1.0)
        self.keyword_weight.setToolTip(self.tr("A negative weight says it is NOT (e.g. no rush)"))
        add = QPushButton(self.tr("Add"))
        add.clicked.connect(self.add_keyword)
        for widget in (
            self.keyword_label,
            self.keyword_language,
            self.keyword_text,
            self.keyword_weight,
            add,
        ):
            row.addWidget(widget)
        self.keywords = QListWidget()
        self.keywords.setMaximumHeight(120)
        remove = QPushButton(self.tr("Remove selected"))
        remove.clicked.connect(self.remove_keyword)
        layout.addLayout(row)
        layout.addWidget(self.keywords)
        layout.addWidget(remove)
        return box

    def _show_keywords(self, mine: list[dict[str, Any]]) -> None:
        self.keywords.clear()
        for k in mine:
            item = QListWidgetItem(
                f"{urgency_label(k['label'])} · {k['language']} · “{k['pattern']}” "
                f"({k['weight']:+g})"
            )
            item.setData(256, (k["label"], k["language"], k["pattern"]))
            self.keywords.addItem(item)

    def add_keyword(self) -> None:
        self._bridge.call(
            self._engine.add_urgency_keyword(
                self.keyword_label.currentData(),
                self.keyword_language.currentData(),
                self.keyword_text.text(),
                self.keyword_weight.value(),
            ),
            self._keyword_added,
            self._failed_keyword,
        )

    def _keyword_added(self, mine: list[dict[str, Any]]) -> None:
        self.keyword_text.clear()
        self._show_keywords(mine)

    def _failed_keyword(self, exc: BaseException) -> None:
        self.report.setText(self.tr("Keyword not saved: ") + user_message(exc))

    def remove_keyword(self) -> None:
        item = self.keywords.currentItem()
        if item is None:
            return
        label, language, pattern = item.data(256)
        self._bridge.call(
            self._engine.remove_urgency_keyword(label, language, pattern),
            self._show_keywords,
            self._failed_keyword,
        )

    def _templates_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Reply templates (the local provider's first drafts)"))
        layout = QVBoxLayout(box)
        row = QHBoxLayout()
        self.template_intent = QComboBox()
        for intent in Intent:
            if intent is not Intent.NEWSLETTER:
                self.template_intent.addItem(self.tr(INTENT_LABELS[intent]), intent.value)
        self.template_language = QComboBox()
        for code, name in (
            ("cs", QT_TRANSLATE_NOOP("AiPanel", "Czech")),
            ("en", QT_TRANSLATE_NOOP("AiPanel", "English")),
            ("de", QT_TRANSLATE_NOOP("AiPanel", "German")),
        ):
            self.template_language.addItem(self.tr(name), code)
        row.addWidget(self.template_intent)
        row.addWidget(self.template_language)
        self.template_text = QPlainTextEdit()
        self.template_text.setMaximumHeight(110)
        self.template_text.setToolTip(
            self.tr("{name}, {company}, {business} and {subject} are filled in")
        )
        save = QPushButton(self.tr("Save template"))
        save.clicked.connect(self.save_template)
        self._templates: dict[str, dict[str, str]] = {}
        self.template_intent.currentIndexChanged.connect(self._show_template)
        self.template_language.currentIndexChanged.connect(self._show_template)
        layout.addLayout(row)
        layout.addWidget(self.template_text)
        layout.addWidget(save)
        return box

    def _got_templates(self, templates: dict[str, dict[str, str]]) -> None:
        self._templates = templates
        self._show_template()

    def _show_template(self, *_args: object) -> None:
        text = self._templates.get(self.template_intent.currentData(), {}).get(
            self.template_language.currentData(), ""
        )
        self.template_text.setPlainText(text)

    def save_template(self) -> None:
        self._bridge.call(
            self._engine.save_reply_template(
                self.template_intent.currentData(),
                self.template_language.currentData(),
                self.template_text.toPlainText(),
            ),
            lambda _none: self._bridge.call(self._engine.reply_templates(), self._got_templates),
            self._failed_keyword,
        )

    # ------------------------------------------------------------ data

    def engine_started(self) -> None:
        self.refresh()
        self._bridge.call(self._engine.ai_setting("ai.auto_reply", {}), self._show_policy)
        self._bridge.call(self._engine.ai_setting("ai.provider", {}), self._show_provider)
        self._bridge.call(
            self._engine.ai_setting("ai.knowledge_base", ""), self.knowledge.setPlainText
        )
        self._bridge.call(self._engine.ai_setting("ai.business", {}), self._show_business)
        self._bridge.call(self._engine.urgency_keywords(), self._show_keywords)
        self._bridge.call(self._engine.reply_templates(), self._got_templates)

    def refresh(self) -> None:
        self._bridge.call(self._engine.ai_status(), self._show_status, self._failed)
        self._bridge.call(self._engine.learning_report(), self._show_report, self._failed)

    def _show_report(self, found: tuple[str, dict[str, Any]] | None) -> None:
        if found is None:
            self.report.setText(self.tr("No learning report yet: the first is made tonight."))
            return
        day, report = found
        lines = "".join(f"<li>{html.escape(line)}</li>" for line in report.get("summary", []))
        self.report.setText(
            "<b>" + self.tr("Learning report") + f" {html.escape(day)}</b><ul>{lines}</ul>"
        )

    def _failed(self, exc: BaseException) -> None:
        self.summary.setText(self.tr("The figures could not be read: ") + user_message(exc))

    def _show_status(self, status: AiStatus) -> None:
        self.summary.setText(describe_status(status))
        self.kill_button.blockSignals(True)
        self.kill_button.setChecked(status.kill_switch)
        self.kill_button.blockSignals(False)

    def _show_policy(self, policy: dict[str, Any]) -> None:
        self.auto_enabled.setChecked(bool(policy.get("enabled")))
        self.min_confidence.setValue(float(policy.get("min_confidence", 0.85)))
        self.per_day.setValue(int(policy.get("max_per_contact_per_day", 2)))
        self.allow_vip.setChecked(bool(policy.get("allow_vip")))
        self.allow_urgent.setChecked(bool(policy.get("allow_urgent")))
        allowed = {r.get("intent") for r in policy.get("rules", []) if r.get("allow", True)}
        for intent, check in self.intents.items():
            check.setChecked(intent.value in allowed)

    def policy_dict(self) -> dict[str, Any]:
        from gastro_hub_desktop.domain.messages import Channel

        rules = [
            {"channel": channel.value, "intent": intent.value, "allow": True}
            for intent, check in self.intents.items()
            if check.isChecked()
            for channel in Channel
        ]
        return {
            "enabled": self.auto_enabled.isChecked(),
            "kill_switch": self.kill_button.isChecked(),
            "rules": rules,
            "min_confidence": round(self.min_confidence.value(), 2),
            "allow_vip": self.allow_vip.isChecked(),
            "allow_urgent": self.allow_urgent.isChecked(),
            "max_per_contact_per_day": self.per_day.value(),
        }

    def save_policy(self) -> None:
        self._bridge.call(
            self._engine.put_ai_setting("ai.auto_reply", self.policy_dict()),
            lambda _none: self.refresh(),
            self._failed,
        )

    def _show_provider(self, chosen: dict[str, Any]) -> None:
        index = self.provider.findData(chosen.get("kind", "local"))
        self.provider.setCurrentIndex(max(index, 0))
        if chosen.get("base_url"):
            self.base_url.setText(chosen["base_url"])
        if chosen.get("model"):
            self.model.setText(chosen["model"])
        self.price_in.setValue(float(chosen.get("price_in") or 0))
        self.price_out.setValue(float(chosen.get("price_out") or 0))
        self.lindy_url.setText(chosen.get("webhook_url", ""))
        self.callback_url.setText(chosen.get("public_callback_url", ""))

    def _show_business(self, business: dict[str, Any]) -> None:
        self.business.setText(business.get("name", ""))
        self.signature.setText(business.get("signature", ""))

    def save_provider(self) -> None:
        chosen = {
            "kind": self.provider.currentData(),
            "base_url": self.base_url.text().strip(),
            "model": self.model.text().strip(),
            "webhook_url": self.lindy_url.text().strip(),
            "public_callback_url": self.callback_url.text().strip(),
            "price_in": self.price_in.value(),
            "price_out": self.price_out.value(),
        }
        if chosen["kind"] == "lindy" and not chosen["webhook_url"]:
            self.provider_result.setText(self.tr("Enter the Lindy webhook URL first."))
            return
        calls = []
        for field, name in ((self.api_key, "ai:openai"), (self.lindy_secret, "ai:lindy:secret")):
            if field.text():
                calls.append(self._engine.set_ai_secret(name, field.text()))
                field.clear()
        calls += [
            self._engine.put_ai_setting("ai.provider", chosen),
            self._engine.put_ai_setting("ai.knowledge_base", self.knowledge.toPlainText()),
            self._engine.put_ai_setting(
                "ai.business", {"name": self.business.text(), "signature": self.signature.text()}
            ),
            self._engine.put_ai_setting(
                "ai.savings",
                {"minutes_per_reply": self.minutes.value(), "hourly_rate": self.rate.value()},
            ),
        ]
        for call in calls:
            self._bridge.call(call, lambda _none: self.refresh(), self._failed)

    def test_provider(self) -> None:
        """Ask the OpenAI-compatible server for real (nothing is saved)."""
        self.provider_result.setText(self.tr("Testing…"))
        self._bridge.call(
            self._engine.test_ai_provider(
                self.base_url.text().strip(), self.model.text().strip(), self.api_key.text() or None
            ),
            lambda text: self.provider_result.setText(self.tr("Connected: ") + text),
            lambda exc: self.provider_result.setText(
                self.tr("Not connected: ") + user_message(exc)
            ),
        )

    def _kill_switch(self, on: bool) -> None:
        def done(held: int) -> None:
            self.refresh()
            if on and held:
                self.report.setText(self.tr("{0} automatic replies were held.").format(held))

        self._bridge.call(self._engine.set_kill_switch(on), done, self._failed)

    def export_report(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export learning report"), "learning-report.html", "HTML (*.html)"
        )
        if not path:
            return
        self._bridge.call(
            self._engine.export_learning_report(path),
            lambda where: self.report.setText(self.tr("Report saved to {0}").format(where)),
            self._failed,
        )
