"""Accent-insensitive keyword matching shared by the urgency and intent rules.

Text is folded (lower case, no diacritics, ß → ss) and phrases compile to regexes over the
folded text, so "myčka", "mycka", "Kühlzelle" and "Kuehlzelle" all match the same phrase.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Self

_UMLAUTS = {"ä": "(?:ae|a)", "ö": "(?:oe|o)", "ü": "(?:ue|u)", "ß": "ss"}
_WORD = re.compile(r"\w+")


def _strip_marks(char: str) -> str:
    decomposed = unicodedata.normalize("NFKD", char)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _fold_table() -> dict[int, str]:
    """Latin letters with diacritics → without, built once (translate is far faster than NFKD)."""
    table = {ord(c): _strip_marks(c) for c in map(chr, range(0xC0, 0x250)) if c.isalpha()}
    table.update({ord(c): _strip_marks(c) for c in map(chr, range(0x1E00, 0x1F00))})
    table.update({ord("ß"): "ss", ord("ł"): "l", ord("đ"): "d", ord("ø"): "o", ord("æ"): "ae"})
    table.update({ord("œ"): "oe", ord("ı"): "i"})
    return {code: value for code, value in table.items() if value != chr(code)}


_FOLD_TABLE = _fold_table()


def fold(text: str) -> str:
    """Lower-case `text` and strip diacritics: "Příliš ŽLUŤOUČKÝ Kühlschrank" → ascii-ish."""
    return text.lower().translate(_FOLD_TABLE)


def _fold_pattern_chars(pattern: str) -> str:
    """Fold a regex the way `fold` folds text; German umlauts also match ae/oe/ue spellings.

    Escapes stay as written (`\\S` must not become `\\s`).
    """
    out: list[str] = []
    escaped = False
    for char in pattern:
        if escaped:
            out.append(char)
            escaped = False
        elif char == "\\":
            out.append(char)
            escaped = True
        elif char.lower() in _UMLAUTS:
            out.append(_UMLAUTS[char.lower()])
        else:
            out.append(fold(char))
    return "".join(out)


def phrase_to_regex(phrase: str) -> str:
    """A plain phrase as a regex over folded text.

    Words match whole; a trailing `*` on a word lets it match any ending ("myčk*" matches
    "myčka", "myčky", "myčkou"), which Czech and German inflection need. A `..` between
    words allows up to three other words there ("máme .. zavřeno" matches "máme teď
    zavřeno"). Runs of spaces match any white space.
    """
    body = ""
    gap = False
    for word in phrase.strip().split():
        if word == "..":
            gap = True
            continue
        stem = word.endswith("*")
        core = word.rstrip("*")
        piece = "".join(_UMLAUTS[c] if c in _UMLAUTS else re.escape(fold(c)) for c in core.lower())
        if body:
            body += r"\s+(?:\S+\s+){0,3}" if gap else r"\s+"
        body += piece + (r"\w*" if stem else "")
        gap = False
    first, last = phrase.strip()[:1], phrase.strip().rstrip("*")[-1:]
    left = r"\b" if first.isalnum() or first == "_" else ""
    right = r"\b" if (last.isalnum() or last == "_") and not phrase.strip().endswith("*") else ""
    return left + body + right


KEY_LENGTH = 4
_PLAIN_START = re.compile(r"[a-z0-9]+")


_UMLAUT_SPELLINGS = {"ä": ("a", "ae"), "ö": ("o", "oe"), "ü": ("u", "ue")}
_PART = re.compile(r"[\w*]+")


def _part_keys(part: str) -> frozenset[str] | None:
    """The keys one word of a phrase can have in a text (two where an umlaut may be "ae")."""
    stem = part.endswith("*")
    core = part.rstrip("*").lower()
    if not core or "*" in core:
        return None
    spellings = [""]
    for char in core[:KEY_LENGTH]:
        options = _UMLAUT_SPELLINGS.get(char, (char,))
        spellings = [done + option for done in spellings for option in options]
    keys = set()
    for spelling in spellings:
        head = fold(spelling + core[KEY_LENGTH:])[:KEY_LENGTH]
        if not _PLAIN_START.fullmatch(head) or (len(head) < KEY_LENGTH and stem):
            return None  # "ok*" may begin "okno", whose key is "okno"
        keys.add(head)
    return frozenset(keys)


def _phrase_keys(phrase: str) -> tuple[frozenset[str], frozenset[str]] | None:
    """Where a phrase can match: the first letters (keys) of its words.

    A phrase matches only where each of its words starts, so a text that lacks one of these
    keys is skipped without running the regex. Returns the keys to index by (those of the
    longest word; two when an umlaut may be spelt "ae") and the keys every match needs.
    None when no key can be told: the phrase is then always tried.
    """
    parts = [
        (len(part), keys)
        for word in phrase.split()
        if word != ".."
        for part in _PART.findall(word)
        if (keys := _part_keys(part)) is not None
    ]
    if not parts:
        return None
    index_by = max(parts, key=lambda item: (item[0], -len(item[1])))[1]
    required = frozenset(next(iter(keys)) for _, keys in parts if len(keys) == 1)
    return index_by, required


_WORD_ENDS = (r"\s", r"\b", " ", "'", "-")


def _regex_keys(source: str) -> frozenset[str] | None:
    """Keys (see `_phrase_keys`) of a folded regex that starts `\\b` + literal letters, or
    `\\b(?:a|b|c)` with literal alternatives; None for anything else.

    A literal shorter than a key counts only when the word must end right after it ("do"
    in `\\b(?:do|by)\\s+\\d`), since a text's short words are their own keys.
    """
    if not source.startswith(r"\b"):
        return None
    rest = source[2:]
    after = ""
    if rest.startswith("(?:"):
        depth, end = 0, -1
        for index, char in enumerate(rest):
            if char == "(" and (index == 0 or rest[index - 1] != "\\"):
                depth += 1
            elif char == ")" and rest[index - 1] != "\\":
                depth -= 1
                if depth == 0:
                    end = index
                    break
        if end < 0:
            return None
        inner = rest[3:end]
        if "(" in inner or "[" in inner:
            return None
        options = inner.split("|")
        after = rest[end + 1 :]
    else:
        options = [rest]
    keys = set()
    for option in options:
        head = _PLAIN_START.match(option)
        if head is None:
            return None
        literal = head.group(0)
        if len(literal) < KEY_LENGTH:
            follows = option[len(literal) :] or after
            if not follows.startswith(_WORD_ENDS):
                return None
        keys.add(literal[:KEY_LENGTH])
    return frozenset(keys)


def text_keys(folded: str) -> set[str]:
    """The keys of a folded text: the first letters of each of its words."""
    return {word[:KEY_LENGTH] for word in _WORD.findall(folded)}


@dataclass(frozen=True)
class Phrase:
    """One weighted keyword: a plain phrase (see `phrase_to_regex`) or, if `regex`, a regex.

    Regexes run over folded text (lower case, no diacritics); write them in folded form or
    with umlauts, which are expanded to ae/oe/ue alternatives.
    """

    pattern: str
    weight: float = 1.0
    regex: bool = False

    def compiled(self) -> re.Pattern[str]:
        source = _fold_pattern_chars(self.pattern) if self.regex else phrase_to_regex(self.pattern)
        return re.compile(source)

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {"regex" if self.regex else "phrase": self.pattern}
        data["weight"] = round(self.weight, 4)
        return data

    @classmethod
    def from_json(cls, data: Mapping[str, Any] | str) -> Phrase:
        """From {"phrase": ..., "weight": ...} or {"regex": ...}; a bare string weighs 1."""
        if isinstance(data, str):
            return cls(data)
        if "regex" in data:
            pattern, regex = data["regex"], True
        elif "phrase" in data:
            pattern, regex = data["phrase"], False
        else:
            raise ValueError(f"a keyword needs 'phrase' or 'regex': {dict(data)!r}")
        if not isinstance(pattern, str) or not pattern.strip():
            raise ValueError(f"empty keyword pattern: {dict(data)!r}")
        return cls(str(pattern), float(data.get("weight", 1.0)), regex)


@dataclass(frozen=True)
class Hit:
    """A phrase that fired: which label and language list it came from, and where."""

    label: str
    language: str
    phrase: Phrase
    in_subject: bool = False
    span: tuple[int, int] = (0, 0)


@dataclass
class _Compiled:
    label: str
    language: str
    phrase: Phrase
    regex: re.Pattern[str]
    fast: re.Pattern[str] | None = None  # the regex without its leading \b (see `search`)
    literal: str = ""  # for phrases without letters ("!!", "€"): text that must occur

    def search(self, text: str) -> re.Match[str] | None:
        """`regex.search(text)`, several times faster for regexes that start with `\\b`.

        Python's re skips ahead to a literal prefix only when the pattern starts with it, so
        the regex without `\\b` finds the candidates and the full regex confirms each one.
        """
        if self.literal and self.literal not in text:
            return None
        if self.fast is None:
            return self.regex.search(text)
        pos = 0
        while True:
            candidate = self.fast.search(text, pos)
            if candidate is None:
                return None
            match = self.regex.match(text, candidate.start())
            if match is not None:
                return match
            pos = candidate.start() + 1


@dataclass(frozen=True)
class KeywordTable:
    """Weighted phrases per label and language: label → language → phrases.

    Language "any" holds phrases for every language (brand names, codes, emoji). Every
    language's phrases run on every message, because customers mix languages; the split
    keeps the lists readable and editable.
    """

    labels: dict[str, dict[str, tuple[Phrase, ...]]]
    settings: dict[str, float] = field(default_factory=dict)
    _compiled: tuple[_Compiled, ...] = field(init=False, repr=False, compare=False)
    _index: dict[str, list[tuple[int, frozenset[str]]]] = field(
        init=False, repr=False, compare=False
    )
    _always: tuple[int, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        compiled: list[_Compiled] = []
        for label, per_language in self.labels.items():
            for language, phrases in per_language.items():
                for phrase in phrases:
                    try:
                        regex = phrase.compiled()
                    except re.error as exc:
                        raise ValueError(
                            f"bad keyword {phrase.pattern!r} ({label}/{language}): {exc}"
                        ) from exc
                    fast = None
                    if regex.pattern.startswith(r"\b") and not regex.pattern.startswith(r"\b\w"):
                        fast = re.compile(regex.pattern[2:])
                    literal = ""
                    if not phrase.regex and not _WORD.search(phrase.pattern):
                        literal = fold(phrase.pattern.strip())
                    compiled.append(_Compiled(label, language, phrase, regex, fast, literal))
        index: dict[str, list[tuple[int, frozenset[str]]]] = {}
        always: list[int] = []
        for number, item in enumerate(compiled):
            if item.phrase.regex:
                alternatives = _regex_keys(item.regex.pattern)
                if alternatives is None:
                    always.append(number)
                for key in alternatives or ():
                    index.setdefault(key, []).append((number, frozenset()))
            else:
                keys = _phrase_keys(item.phrase.pattern)
                if keys is None:
                    always.append(number)
                    continue
                for key in keys[0]:
                    index.setdefault(key, []).append((number, keys[1]))
        object.__setattr__(self, "_compiled", tuple(compiled))
        object.__setattr__(self, "_index", index)
        object.__setattr__(self, "_always", tuple(always))

    # -- matching -----------------------------------------------------------------------

    def hits(self, folded_text: str, folded_subject: str = "") -> list[Hit]:
        """Every phrase that occurs in the (already folded) body or subject."""
        found: list[Hit] = []
        candidates = set(self._always)
        present = text_keys(folded_text) | text_keys(folded_subject)
        for key in present:
            for number, required in self._index.get(key, ()):
                if required <= present:
                    candidates.add(number)
        for number in sorted(candidates):
            item = self._compiled[number]
            match = item.search(folded_text)
            if match:
                found.append(Hit(item.label, item.language, item.phrase, False, match.span()))
                continue
            match = item.search(folded_subject) if folded_subject else None
            if match:
                found.append(Hit(item.label, item.language, item.phrase, True, match.span()))
        return found

    def counted(self, hits: Iterable[Hit]) -> list[Hit]:
        """The hits that count: per label, each piece of text counts once.

        Of phrases whose matches nest (one lies inside another of the same label), one
        counts: the longer, more specific match ("zálohová faktura" over "záloh*", "není to
        hoří" over "hoří"), unless both are positive and the inner one weighs more, which
        then stands for the whole span. Equal matches (a word listed for two languages)
        count once, the strongest.
        """
        groups: dict[tuple[str, bool], list[tuple[tuple[int, int], Hit]]] = {}
        ordered = sorted(hits, key=lambda h: (h.span[0] - h.span[1], -abs(h.phrase.weight)))
        for hit in ordered:
            accepted = groups.setdefault((hit.label, hit.in_subject), [])
            start, end = hit.span
            for index, ((s, e), outer) in enumerate(accepted):
                if s <= start and end <= e:
                    if 0 < outer.phrase.weight < hit.phrase.weight:
                        accepted[index] = ((s, e), hit)
                    break
            else:
                accepted.append((hit.span, hit))
        return [hit for accepted in groups.values() for _, hit in accepted]

    def scores(
        self, hits: Iterable[Hit], subject_factor: float = 1.0, decay: float = 1.0
    ) -> dict[str, float]:
        """Weights per label of the hits that count (see `counted`).

        Phrases found only in the subject count `subject_factor`. With `decay` below 1 the
        positive weights of a label are summed strongest first, each further one multiplied
        by `decay` again, so a long message does not win on many weak words.
        """
        positive: dict[str, list[float]] = {}
        totals = dict.fromkeys(self.labels, 0.0)
        for hit in self.counted(hits):
            weight = hit.phrase.weight * (subject_factor if hit.in_subject else 1.0)
            if weight > 0:
                positive.setdefault(hit.label, []).append(weight)
            else:
                totals[hit.label] = totals.get(hit.label, 0.0) + weight
        for label, weights in positive.items():
            factor = 1.0
            for weight in sorted(weights, reverse=True):
                totals[label] = totals.get(label, 0.0) + weight * factor
                factor *= decay
        return totals

    # -- editing ------------------------------------------------------------------------

    def with_phrase(self, label: str, language: str, phrase: Phrase) -> Self:
        """A copy with `phrase` added (or its weight replaced when the pattern exists)."""
        labels = {lab: dict(per) for lab, per in self.labels.items()}
        current = [
            p for p in labels.setdefault(label, {}).get(language, ()) if not _same(p, phrase)
        ]
        labels[label][language] = (*current, phrase)
        return type(self)(labels, dict(self.settings))

    def without_phrase(self, label: str, language: str, pattern: str) -> Self:
        labels = {lab: dict(per) for lab, per in self.labels.items()}
        kept = tuple(p for p in labels.get(label, {}).get(language, ()) if p.pattern != pattern)
        if label in labels:
            labels[label][language] = kept
        return type(self)(labels, dict(self.settings))

    def merged(self, other: KeywordTable) -> Self:
        """`other` laid over this table: its phrases are added, same patterns take its weight."""
        labels = {
            lab: {lang: list(ps) for lang, ps in per.items()} for lab, per in self.labels.items()
        }
        for label, per_language in other.labels.items():
            for language, phrases in per_language.items():
                target = labels.setdefault(label, {}).setdefault(language, [])
                for phrase in phrases:
                    target[:] = [p for p in target if not _same(p, phrase)]
                    target.append(phrase)
        frozen = {lab: {lang: tuple(ps) for lang, ps in per.items()} for lab, per in labels.items()}
        return type(self)(frozen, {**self.settings, **other.settings})

    def phrase_count(self) -> int:
        return sum(len(ps) for per in self.labels.values() for ps in per.values())

    # -- JSON ---------------------------------------------------------------------------

    def to_json(self) -> dict[str, Any]:
        return {
            "settings": dict(self.settings),
            "labels": {
                label: {lang: [p.to_json() for p in ps] for lang, ps in per.items()}
                for label, per in self.labels.items()
            },
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Self:
        raw_labels = data.get("labels")
        if not isinstance(raw_labels, Mapping):
            raise ValueError("keyword file needs a 'labels' object")
        labels: dict[str, dict[str, tuple[Phrase, ...]]] = {}
        for label, per_language in raw_labels.items():
            if not isinstance(per_language, Mapping):
                raise ValueError(f"label {label!r} needs an object of language → phrases")
            labels[str(label)] = {}
            for lang, phrases in per_language.items():
                if not isinstance(phrases, list):
                    raise ValueError(f"{label}/{lang} needs a list of phrases")
                labels[str(label)][str(lang)] = tuple(Phrase.from_json(p) for p in phrases)
        settings = {str(k): float(v) for k, v in dict(data.get("settings", {})).items()}
        return cls(labels, settings)

    def save(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        text = json.dumps(self.to_json(), ensure_ascii=False, indent=1)
        path.write_text(text + "\n", encoding="utf-8")

    @classmethod
    def load(cls, path: Path) -> Self:
        return cls.from_json(json.loads(path.read_text(encoding="utf-8")))


def _same(a: Phrase, b: Phrase) -> bool:
    return a.pattern == b.pattern and a.regex == b.regex


def load_packaged(name: str) -> dict[str, Any]:
    """A JSON file shipped next to this module (read through importlib.resources)."""
    from importlib.resources import files

    resource = files("gastro_hub_desktop.brain.triage").joinpath(name)
    return json.loads(resource.read_text(encoding="utf-8"))
