"""Replies the team sent before, searchable by the customer message they answered (BM25 over
accent-folded, crudely stemmed words), so a new question finds how a similar one was answered.

Hand-written rather than a library: a few dozen lines over an inverted index, the same
folding as the store's search (Czech typed without accents), and incremental adds as
replies are approved; the libraries found score every document per query."""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass

WORD = re.compile(r"\w+", re.UNICODE)
QUOTED = re.compile(r"(?m)^>.*$")
STEM = 6  # Czech and German inflect word endings: the first letters carry the meaning
_STOP_WORDS = (
    "a an and are at be by do for from have i in is it me my of on or our please the to we "
    "with you your k o s u v z ze na se je jsme jste pro po do od za ale nebo by "
    "dobry den dekuji dekujeme prosim pozdravem der die das und ist ich wir sie ihr mit "
    "von zu fur auf ein eine bitte danke guten tag hallo hello dear regards thanks "
    "freundlichen grussen"
)
STOP = frozenset(_STOP_WORDS.split(" "))


def fold(text: str) -> str:
    """Lower case without accents (č→c, ü→u, ß→ss)."""
    text = text.lower().replace("ß", "ss")
    return "".join(
        ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch)
    )


def terms(text: str) -> list[str]:
    """The words BM25 compares: folded, stop words out, cut to their first letters."""
    text = QUOTED.sub(" ", text)
    return [w[:STEM] for w in WORD.findall(fold(text)) if w not in STOP and not w.isdigit()]


@dataclass(frozen=True)
class Remembered:
    """A customer message and the reply the team sent."""

    question: str
    answer: str
    language: str | None
    intent: str | None
    approved_unchanged: bool = False


@dataclass(frozen=True)
class Recollection:
    item: Remembered
    score: float
    similarity: float  # 0..1: the share of the new message's wording the old one has


class ReplyMemory:
    """An inverted index of answered customer messages, scored with Okapi BM25."""

    def __init__(self, k1: float = 1.2, b: float = 0.75) -> None:
        self.k1, self.b = k1, b
        self.items: list[Remembered] = []
        self._lengths: list[int] = []
        self._postings: dict[str, list[tuple[int, int]]] = defaultdict(list)
        self._total_length = 0
        self._answers: dict[tuple[str, str], int] = {}
        self._words: list[frozenset[str]] = []

    def __len__(self) -> int:
        return len(self.items)

    def add(self, item: Remembered) -> None:
        """Remember one answered message (the same question and answer are kept once)."""
        key = (" ".join(terms(item.question)), " ".join(item.answer.split()))
        if key in self._answers:
            return
        words = terms(item.question)
        if not words:
            return
        index = len(self.items)
        self._answers[key] = index
        self.items.append(item)
        self._lengths.append(len(words))
        self._words.append(frozenset(words))
        self._total_length += len(words)
        for word, count in Counter(words).items():
            self._postings[word].append((index, count))

    def _idf(self, word: str) -> float:
        n = len(self._postings.get(word, ()))
        return math.log(1 + (len(self.items) - n + 0.5) / (n + 0.5))

    def recall(
        self, question: str, language: str | None = None, limit: int = 3
    ) -> list[Recollection]:
        """The best-matching answered messages (in `language` when given), best first."""
        if not self.items:
            return []
        query = Counter(terms(question))
        if not query:
            return []
        average = self._total_length / len(self.items)
        scores: dict[int, float] = defaultdict(float)
        for word in query:
            idf = self._idf(word)
            for index, tf in self._postings.get(word, ()):
                norm = self.k1 * (1 - self.b + self.b * self._lengths[index] / average)
                scores[index] += idf * tf * (self.k1 + 1) / (tf + norm)
        found = sorted(scores.items(), key=lambda kv: kv[1], reverse=True)
        asked = frozenset(query)
        out: list[Recollection] = []
        for index, score in found[: limit * 10]:
            item = self.items[index]
            if language and item.language and item.language != language:
                continue
            out.append(Recollection(item, score, self._similarity(asked, self._words[index])))
        out.sort(key=lambda r: (r.similarity, r.score), reverse=True)
        return out[:limit]

    def _similarity(self, asked: frozenset[str], known: frozenset[str]) -> float:
        """How much of the new message's known wording the old one shares, rare words
        counting most: words the memory has never seen say nothing about which old reply
        fits and are left out; fewer than three shared words scale the share down."""
        vocabulary = [w for w in asked if w in self._postings]
        total = sum(self._idf(w) for w in vocabulary)
        if not total:
            return 0.0
        shared = [w for w in vocabulary if w in known]
        return sum(self._idf(w) for w in shared) / total * min(1.0, len(shared) / 3)
