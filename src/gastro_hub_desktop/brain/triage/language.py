"""Which language a customer wrote in, using py3langid restricted to the languages we expect.

Quoted replies, "On … wrote:" tails, forwarded headers and signatures are cut off first, so
the answer is about what the customer wrote. py3langid is imported on first use only.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Sequence
from typing import TYPE_CHECKING

from gastro_hub_desktop.brain.triage.matching import fold

if TYPE_CHECKING:
    from py3langid.langid import LanguageIdentifier

DEFAULT_LANGUAGES: tuple[str, ...] = ("cs", "en", "de", "sk", "pl", "fr", "it")
"""What detection chooses from by default; `DEFAULT_PRIMARY` are the ones customers use."""
DEFAULT_PRIMARY: tuple[str, ...] = ("cs", "en", "de")

# A reply's quoted original starts at lines like these; everything from there on is cut.
_QUOTE_HEADERS = re.compile(
    r"""^\s*(?:
        on\b.{0,200}\bwrote:?\s*$                             # On Mon, 3 Jun 2024, X wrote:
      | dne\b.{0,200}\bnapsal(?:a|\(a\))?:?\s*$              # Dne 3. 6. 2024 X napsal(a):
      | am\b.{0,200}\bschrieb.{0,80}$                         # Am 03.06.2024 schrieb X:
      | .{0,200}\b(?:wrote|napsal(?:a|\(a\))?|schrieb):\s*$   # X <x@y> wrote:
      | -{2,}\s*(?:original\s+message|p[uů]vodn[ií]\s+zpr[aá]va|urspr[uü]ngliche\s+nachricht)
          \s*-{2,}.*$
      | (?:from|od|von|sent|odesl[aá]no|gesendet):\s.+$       # Outlook header block
    )""",
    re.IGNORECASE | re.VERBOSE,
)
# A forwarded message is part of what the customer sends: only its marker and header lines go.
_FORWARD_MARK = re.compile(
    r"""^\s*(?:-{2,}\s*(?:forwarded\s+message|p[rř]eposlan[aá]\s+zpr[aá]va
          |weitergeleitete\s+nachricht|forwarded\s+e-?mail)\s*-{2,}.*
      | begin\s+forwarded\s+message:?)\s*$""",
    re.IGNORECASE | re.VERBOSE,
)
_HEADER_LINE = re.compile(
    r"^\s*(?:from|od|von|date|datum|sent|odesl[aá]no|gesendet|subject|p[rř]edm[eě]t|betreff|to|komu"
    r"|an|cc|kopie)\s*:",
    re.IGNORECASE,
)
# Signatures: the "-- " separator and mobile footers.
_SIGNATURE = re.compile(
    r"""^\s*(?:--\s*$
      | sent\s+from\s+my\b.*$
      | odesl[aá]no\s+z\b.*$
      | von\s+meinem\b.*gesendet.*$
      | get\s+outlook\s+for\b.*$
    )""",
    re.IGNORECASE | re.VERBOSE,
)
_NOISE = re.compile(
    r"https?://\S+|www\.\S+|\S+@\S+\.\S+|\+?\d[\d\s/().-]{5,}\d|\b\d+(?:[.,:]\d+)*\b"
)
_LETTER = re.compile(r"[^\W\d_]")
_CZECH_ONLY = re.compile(r"[řůě]", re.IGNORECASE)  # letters Slovak and Polish never use
_PHONE_PREFIXES = {"420": "cs", "421": "sk", "49": "de", "43": "de", "41": "de", "48": "pl"}
_PHONE_PREFIXES.update({"44": "en", "1": "en", "353": "en", "33": "fr", "39": "it"})
_TLDS = {"cz": "cs", "sk": "sk", "de": "de", "at": "de", "ch": "de", "pl": "pl", "fr": "fr"}
_TLDS.update({"it": "it", "uk": "en", "ie": "en"})

# Chat one-liners too short for character statistics ("thx", "díky", "passt, danke").
_SHORT_WORDS = {
    "cs": {"diky", "dik", "dekuju", "dekuji", "jo", "dobre", "ahoj", "cau", "prosim", "super"},
    "en": {"thx", "thanks", "thank", "pls", "please", "yes", "hi", "hello", "cheers", "great"},
    "de": {"danke", "passt", "bitte", "ja", "nein", "hallo", "servus", "gut", "moin"},
}

MAX_CHARS = 200  # the first lines tell the language; more only costs time

_IDENTIFIERS: dict[tuple[str, ...], LanguageIdentifier] = {}
_LOCK = threading.Lock()


def strip_quoted(text: str) -> str:
    """The customer's own words: without `>` lines, quoted originals and the signature.

    A forwarded message stays (it is what the customer passes on); only its marker and header
    lines (From:, Date:, Subject: …) go.
    """
    kept: list[str] = []
    in_forward_header = False
    for line in text.splitlines():
        if _FORWARD_MARK.match(line):
            in_forward_header = True
            continue
        if in_forward_header:
            if not line.strip() or _HEADER_LINE.match(line):
                continue
            in_forward_header = False
        if line.lstrip().startswith(">"):
            continue
        if _QUOTE_HEADERS.match(line) or _SIGNATURE.match(line):
            break
        kept.append(line)
    own = "\n".join(kept).strip()
    return own if _LETTER.search(own) else text.strip()


_CLOSING = re.compile(
    r"""^\W*(?:s\s+pozdravem|se\s+srdecnym\s+pozdravem|s\s+pratelskym\s+pozdravem|zdravim
      |predem\s+dekuji|dekuji|dekuju|diky|dik|hezky\s+den|pekny\s+den|mejte\s+se
      |best\s+regards|kind\s+regards|warm\s+regards|regards|best|many\s+thanks|thanks
      |thank\s+you|cheers|sincerely|yours|br
      |mit\s+freundlichen\s+gru(?:ss|e)en|freundliche\s+gru(?:ss|e)e|beste\s+gru(?:ss|e)e
      |viele\s+gru(?:ss|e)e|liebe\s+gru(?:ss|e)e|schone\s+gru(?:ss|e)e|gru(?:ss|e)e|gruss|lg|mfg
      |danke|vielen\s+dank|servus|obrigado|grazie|merci|dakujem)\b
    (?P<rest>.*)$""",
    re.VERBOSE,
)
_REST_WORDS = re.compile(r"[\w.@&'-]+")


def strip_signature(text: str) -> str:
    """`text` without the closing formula and what follows it (name, title, phone, company).

    Only a short closing line near the end counts ("S pozdravem", "Best regards, Tom",
    "LG Maria"), and only when something was written before it.
    """
    lines = text.rstrip().splitlines()
    for index in range(len(lines) - 1, max(len(lines) - 8, 0), -1):
        line = lines[index]
        closing = _CLOSING.match(fold(line.strip())) if len(line) <= 60 else None
        if closing is None:
            continue
        rest = closing.group("rest")
        words = len(_REST_WORDS.findall(rest))
        # "LG Maria", "Díky, Jaroš", "Best regards, Tom" – not "Best price for the oven"
        after_comma = rest.lstrip()[:1] in {",", "!", ".", "-", "–", ""}
        allowed = (5 if index < len(lines) - 1 else 3) if after_comma else 2
        if words <= allowed:
            head = "\n".join(lines[:index]).rstrip()
            return head if _LETTER.search(head) else text
    return text


def hint_from_sender(sender: str | None) -> str | None:
    """A weak guess from the address: the phone country code or the mail domain's TLD."""
    if not sender:
        return None
    address = sender.strip().lower()
    if address.startswith("+"):
        digits = address[1:]
        for length in (3, 2, 1):
            if digits[:length] in _PHONE_PREFIXES:
                return _PHONE_PREFIXES[digits[:length]]
        return None
    if "@" in address:
        tld = address.rsplit(".", 1)[-1]
        return _TLDS.get(tld)
    return None


def _identifier(languages: tuple[str, ...]) -> LanguageIdentifier:
    with _LOCK:
        found = _IDENTIFIERS.get(languages)
        if found is None:
            from py3langid.langid import MODEL_FILE, LanguageIdentifier

            found = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
            found.set_languages(list(languages))
            _IDENTIFIERS[languages] = found
        return found


class LanguageDetector:
    """Language detection over a fixed set of languages.

    The `primary` languages are the ones customers normally use; any other language in
    `languages` wins only with probability of at least `other_min_probability` (so Czech
    typed without diacritics is not mistaken for Slovak, yet real Slovak is recognised).
    Very short texts (fewer than `short_letters` letters) lean on the sender `hint`.
    """

    def __init__(
        self,
        languages: Sequence[str] = DEFAULT_LANGUAGES,
        primary: Sequence[str] = DEFAULT_PRIMARY,
        *,
        other_min_probability: float = 0.8,
        short_letters: int = 12,
    ) -> None:
        self.languages = tuple(dict.fromkeys(languages))
        if not self.languages:
            raise ValueError("language detection needs at least one language")
        self.primary = tuple(lang for lang in primary if lang in self.languages) or self.languages
        self.other_min_probability = other_min_probability
        self.short_letters = short_letters

    def detect(self, text: str | None, hint: str | None = None) -> str | None:
        return self.detect_with_confidence(text, hint)[0]

    def detect_with_confidence(
        self, text: str | None, hint: str | None = None, *, quotes_stripped: bool = False
    ) -> tuple[str | None, float]:
        """(language, probability), or (None, 0.0) when there is nothing to read.

        `quotes_stripped` says `text` already went through `strip_quoted`.
        """
        if not text or not text.strip():
            return None, 0.0
        own = text if quotes_stripped else strip_quoted(text)
        own = _NOISE.sub(" ", own[: 2 * MAX_CHARS])[:MAX_CHARS]
        letters = len(_LETTER.findall(own))
        usable_hint = hint if hint in self.languages else None
        if letters == 0:
            return (usable_hint, 0.3) if usable_hint else (None, 0.0)
        if letters < self.short_letters:
            by_words = self._short_word_language(own)
            if by_words is not None:
                return by_words, 0.6
        ranking: list[tuple[str, float]] = _identifier(self.languages).rank(own)
        probs = dict(ranking)
        if _CZECH_ONLY.search(own) and "cs" in probs:
            for lang in ("sk", "pl"):
                probs[lang] = 0.0
        best_primary = max(self.primary, key=lambda lang: probs.get(lang, 0.0))
        best = max(probs, key=lambda lang: probs[lang])
        if best not in self.primary and probs[best] < self.other_min_probability:
            best = best_primary
        confidence = probs[best]
        if letters < self.short_letters and usable_hint and confidence < 0.9:
            hinted = probs.get(usable_hint, 0.0)
            if usable_hint in self.primary or hinted >= confidence / 2:
                return usable_hint, max(hinted, 0.5)
        return best, float(confidence)

    def _short_word_language(self, text: str) -> str | None:
        words = set(re.findall(r"\w+", fold(text)))
        found = {lang for lang, known in _SHORT_WORDS.items() if words & known}
        found &= set(self.languages)
        return found.pop() if len(found) == 1 else None


_DEFAULT: LanguageDetector | None = None


def detect_language(text: str | None, hint: str | None = None) -> str | None:
    """The language of `text` with the default settings (cs, en, de; sk, pl, fr, it if clear)."""
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = LanguageDetector()
    return _DEFAULT.detect(text, hint)
