"""The default drafting provider, no network: it looks for the most similar customer message
the team answered before and adapts that reply (greeting and sign-off for this customer);
without one it fills the reply template for the intent in the customer's language."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from gastro_hub_desktop.brain.local.memory import Recollection, Remembered, ReplyMemory
from gastro_hub_desktop.domain.drafting import DraftProposal, DraftRequest
from gastro_hub_desktop.domain.triage import Intent

LANGUAGES = ("cs", "en", "de")
GREETING = {"cs": "Dobrý den,", "en": "Hello{name},", "de": "Guten Tag{name},"}
SIGN_OFF = {"cs": "S pozdravem", "en": "Kind regards", "de": "Mit freundlichen Grüßen"}
# a first line that only greets ("Dobrý den pane Nováku,", "Hi Anna,", "Sehr geehrte...")
GREETING_LINE = re.compile(
    r"^\s*(dobr[ýy]\s+(den|ve[čc]er)|zdrav[íi]m|ahoj|hello|hi|dear|good\s+(morning|afternoon)"
    r"|guten\s+(tag|morgen)|hallo|sehr\s+geehrte|liebe[rs]?|grü(ß|ss)\s+gott|servus)\b[^\n]*$",
    re.IGNORECASE,
)
SIGN_OFF_LINE = re.compile(
    r"^\s*(s\s+pozdravem|s\s+p[řr][áa]telsk[ýy]m|d[ěe]kujeme|kind\s+regards|best\s+regards"
    r"|regards|best|mit\s+freundlichen|viele\s+gr[üu](ß|ss)e|beste\s+gr[üu](ß|ss)e)\b",
    re.IGNORECASE,
)
# below this, an old reply is too different to reuse and the template is the better start
REUSE_SIMILARITY = 0.45


@lru_cache(maxsize=1)
def default_templates() -> dict[str, dict[str, str]]:
    text = resources.files(__package__).joinpath("templates.json").read_text("utf-8")
    data: dict[str, dict[str, str]] = json.loads(text)
    return data


def reply_body(reply: str) -> str:
    """A reply without its greeting line and sign-off: the part worth reusing."""
    lines = reply.strip().splitlines()
    while lines and (not lines[0].strip() or GREETING_LINE.match(lines[0])):
        lines.pop(0)
    for i, line in enumerate(lines):
        if SIGN_OFF_LINE.match(line):
            lines = lines[:i]
            break
    return "\n".join(lines).strip()


@dataclass(frozen=True)
class Letter:
    """How a reply opens and closes for one customer."""

    language: str
    name: str
    business: str
    signature: str

    def wrap(self, body: str) -> str:
        first = self.name.split()[0] if self.name and self.language != "cs" else ""
        greeting = GREETING[self.language].format(name=f" {first}" if first else "")
        closing = self.signature or self.business
        sign = SIGN_OFF[self.language] + (f"\n{closing}" if closing else "")
        return f"{greeting}\n\n{body}\n\n{sign}"


class LocalProvider:
    """Drafts from the reply memory and the templates; learns by `remember`."""

    name = "local"

    def __init__(
        self,
        memory: ReplyMemory | None = None,
        templates: dict[str, dict[str, str]] | None = None,
    ) -> None:
        self.memory = memory or ReplyMemory()
        self.templates = templates or default_templates()

    def remember(
        self,
        question: str,
        answer: str,
        language: str | None,
        intent: str | None,
        approved_unchanged: bool = False,
    ) -> None:
        body = reply_body(answer)
        if body:
            self.memory.add(Remembered(question, body, language, intent, approved_unchanged))

    def template_key(self, request: DraftRequest) -> str:
        intent = request.intent.value if request.intent in _TEMPLATED else Intent.OTHER.value
        return f"{intent}:{_language(request)}"

    async def draft(self, request: DraftRequest) -> DraftProposal:
        return self.draft_now(request)

    def draft_now(self, request: DraftRequest) -> DraftProposal:
        """The same as `draft`, for callers on a plain thread (CPU only, no I/O)."""
        language = _language(request)
        letter = Letter(language, request.contact.name, request.business_name, request.signature)
        question = _last_question(request)
        best = self._best(question, language)
        if best is not None and best.similarity >= REUSE_SIMILARITY:
            boost = 0.1 if best.item.approved_unchanged else 0.0
            confidence = round(min(0.99, 0.35 + 0.6 * best.similarity + boost), 3)
            return DraftProposal(
                text=letter.wrap(best.item.answer),
                provider=self.name,
                confidence=confidence,
                basis=(
                    f"Reply the team sent to a similar message "
                    f"({round(best.similarity * 100)} % alike)",
                ),
            )
        key = self.template_key(request)
        intent, lang = key.split(":")
        body = self.templates.get(intent, {}).get(lang) or default_templates()["other"][lang]
        body = fill(body, request)
        return DraftProposal(
            text=letter.wrap(_cap(body)),
            provider=self.name,
            confidence=0.3,
            basis=(f"Template for {intent.replace('_', ' ')} ({lang})",),
        )

    def _best(self, question: str, language: str) -> Recollection | None:
        found = self.memory.recall(question, language, limit=1)
        return found[0] if found else None

    def stats(self) -> dict[str, Any]:
        return {"remembered_replies": len(self.memory)}


TEMPLATE_VARIABLES = ("name", "company", "business", "subject")


class _Blank(dict[str, str]):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"  # an unknown {word} stays as the user wrote it


def fill(template: str, request: DraftRequest) -> str:
    """A template's variables ({name}, {company}, {business}, {subject}) filled in."""
    subject = next((t.subject for t in reversed(request.turns) if t.subject), "") or ""
    values = _Blank(
        name=request.contact.name or "",
        company=request.contact.company or request.contact.name or "",
        business=request.business_name or "",
        subject=subject,
    )
    try:
        return template.format_map(values)
    except (ValueError, IndexError):  # a stray brace: the text is used as written
        return template


_TEMPLATED = {
    Intent.ORDER,
    Intent.QUOTE_REQUEST,
    Intent.COMPLAINT,
    Intent.DELIVERY,
    Intent.INVOICE,
    Intent.SERVICE_REQUEST,
    Intent.QUESTION,
}


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def _language(request: DraftRequest) -> str:
    for candidate in (request.language, request.contact.language):
        if candidate in LANGUAGES:
            return candidate
    return "en"


def _last_question(request: DraftRequest) -> str:
    for turn in reversed(request.turns):
        if turn.from_customer:
            return f"{turn.subject}\n{turn.text}" if turn.subject else turn.text
    return ""
