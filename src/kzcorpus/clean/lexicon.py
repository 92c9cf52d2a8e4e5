"""A word-frequency lexicon with a character n-gram back-off, for diacritic repair.

The repair (:mod:`kzcorpus.clean.restore`) must judge words it has never seen (Turkish
builds words by suffixation), so a word's probability mixes its relative frequency in
clean text with a character model of spelling: ``(1 - λ)·c(w)/N + λ·P_char(w)``, where
``λ`` is the Good-Turing mass of unseen words (hapaxes / tokens).

The lexicon file ``models/restore/lexicon.tsv`` is built by :func:`build_lexicon` from
clean text only (UD_Turkish-IMST train and dev, and the seeds that were never corrupted);
it records its sources in ``#`` header lines.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from kzcorpus.errors import DataError, require

WORD_RE = re.compile(r"[^\W\d_]+")
"""Letter runs: the unit of scoring (numbers and punctuation never change)."""

_TR_UPPER_TO_LOWER = str.maketrans({"I": "ı", "İ": "i"})
CHAR_ORDER = 5
BOW, EOW = "\x02", "\x03"


def tr_lower(text: str) -> str:
    """Turkish lower-casing (I→ı, İ→i) before the generic rule."""
    return text.translate(_TR_UPPER_TO_LOWER).lower()


def iter_words(text: str) -> Iterator[str]:
    for m in WORD_RE.finditer(text):
        yield tr_lower(m.group())


def iter_conllu_forms(text: str) -> Iterator[str]:
    """Surface tokens of a CoNLL-U file (multi-word tokens once, not their parts)."""
    skip_until = 0
    for line in text.splitlines():
        if not line:
            skip_until = 0  # sentence boundary
            continue
        if line.startswith("#"):
            continue
        cols = line.split("\t")
        tid = cols[0]
        if "-" in tid:
            skip_until = int(tid.split("-")[1])
            yield cols[1]
        elif "." in tid:
            continue
        elif int(tid) > skip_until:
            yield cols[1]


@dataclass
class CharModel:
    """Witten-Bell interpolated character n-grams over word types."""

    order: int = CHAR_ORDER
    counts: dict[str, Counter[str]] = field(default_factory=dict)
    totals: dict[str, int] = field(default_factory=dict)
    alphabet: set[str] = field(default_factory=set)

    def fit(self, words: Iterable[str]) -> CharModel:
        for w in words:
            padded = BOW * (self.order - 1) + w + EOW
            self.alphabet.update(w)
            for i in range(self.order - 1, len(padded)):
                for n in range(self.order):
                    self.counts.setdefault(padded[i - n : i], Counter())[padded[i]] += 1
        self.alphabet.add(EOW)
        self.totals = {h: sum(c.values()) for h, c in self.counts.items()}
        return self

    def prob(self, hist: str, char: str) -> float:
        p = 1.0 / (len(self.alphabet) + 1)
        for n in range(len(hist) + 1):
            h = hist[len(hist) - n :]
            c = self.counts.get(h)
            if c:
                types = len(c)
                p = (c.get(char, 0) + types * p) / (self.totals[h] + types)
        return p

    def logprob(self, word: str) -> float:
        padded = BOW * (self.order - 1) + word + EOW
        k = self.order - 1
        return sum(math.log(self.prob(padded[i - k : i], padded[i])) for i in range(k, len(padded)))


def _isolate_zeyrek_state() -> None:
    """Make zeyrek 0.1.3's answer depend on the word alone.

    Its analyser adds to phonetic-attribute sets it shares: the sets of the lexicon's stem
    transitions (handed to every search path as is) and the sets returned by an LRU-cached
    helper. After ``dediğ`` has been analysed, ``dedi`` was rejected, so repair results
    depended on which words came before (a flaky test showed it). Each search now starts
    from a copy of its stem's set, and the helper is called uncached, returning a fresh set.
    """
    from zeyrek import attributes, morphotactics, rulebasedanalyzer  # type: ignore[import-untyped]

    if getattr(morphotactics.SearchPath, "_kzcorpus_isolated", False):
        return
    uncached = getattr(
        attributes.calculate_phonetic_attributes, "__wrapped__", attributes.calculate_phonetic_attributes
    )
    morphotactics.calculate_phonetic_attributes = uncached
    rulebasedanalyzer.calculate_phonetic_attributes = uncached
    shared_initial = morphotactics.SearchPath.initial.__func__

    def initial(cls: type, stem_transition: Any, tail: str) -> Any:
        path = shared_initial(cls, stem_transition, tail)
        path.phonetic_attributes = set(path.phonetic_attributes)
        return path

    morphotactics.SearchPath.initial = classmethod(initial)
    morphotactics.SearchPath._kzcorpus_isolated = True


class Morphology:
    """Is this a well-formed Turkish word? Asked of zeyrek's analyser (Zemberek's lexicon
    and morphotactics), which knows inflected forms no corpus of ours contains."""

    def __init__(self) -> None:
        import logging
        from importlib.metadata import version

        zeyrek = require("zeyrek")
        _isolate_zeyrek_state()
        logging.getLogger("zeyrek").setLevel(logging.ERROR)
        self._analyzer = zeyrek.MorphAnalyzer()
        self.version = version("zeyrek")

    def accepts(self, word: str) -> bool:
        return bool(self._analyzer._parse(word))  # per-word entry point, no tokenizer


@lru_cache(maxsize=1)
def default_morphology() -> Morphology:
    return Morphology()


class Lexicon:
    """Word counts, a spelling model and a morphology check; :meth:`logprob` scores any
    lower-cased word. Unseen words the analyser rejects keep only ``REJECTED`` of their
    spelling mass: fragments such as ``lgesel`` or ``drisov`` read as letters, not words."""

    REJECTED = 0.01

    def __init__(
        self, counts: Counter[str], sources: list[str] | None = None, morphology: Morphology | None = None
    ) -> None:
        self.counts = counts
        self.sources = sources or []
        self.morphology = morphology
        self.total = sum(counts.values()) or 1
        hapax = sum(1 for c in counts.values() if c == 1)
        self.unseen = min(max(hapax / self.total, 1e-3), 0.5)
        self.chars = CharModel().fit(counts)
        self._cache: dict[str, float] = {}

    def logprob(self, word: str) -> float:
        hit = self._cache.get(word)
        if hit is not None:
            return hit
        count = self.counts.get(word, 0)
        spelling = self.unseen * math.exp(self.chars.logprob(word))
        if count == 0 and self.morphology is not None and not self.morphology.accepts(word):
            spelling *= self.REJECTED
        lp = math.log((1 - self.unseen) * count / self.total + spelling)
        self._cache[word] = lp
        return lp

    def render(self) -> str:
        head = "".join(f"# source: {s}\n" for s in self.sources)
        rows = sorted(self.counts.items(), key=lambda kv: (-kv[1], kv[0]))
        return head + "".join(f"{w}\t{c}\n" for w, c in rows)

    @classmethod
    def parse(cls, text: str, path: Path | str = "<lexicon>", morphology: Morphology | None = None) -> Lexicon:
        counts: Counter[str] = Counter()
        sources = []
        for n, line in enumerate(text.splitlines(), 1):
            if line.startswith("# source: "):
                sources.append(line[len("# source: ") :])
                continue
            word, sep, count = line.partition("\t")
            if not sep or not word or not count.isdigit():
                raise DataError(f"expected 'word<TAB>count', got {line!r}", path=path, line=n)
            counts[word] = int(count)
        return cls(counts, sources, morphology)


def lexicon_path(root: Path | None = None) -> Path:
    from kzcorpus.paths import models_dir

    return models_dir(root) / "restore" / "lexicon.tsv"


def load_lexicon(root: Path | None = None) -> Lexicon:
    """The shipped lexicon with zeyrek's morphology: what the build, ``kzcorpus restore``
    and :func:`~kzcorpus.clean.restore.restore_text` use. Cached by the file's text, not
    its path: the character model and the morphology checks take seconds, and copies of
    the data root (``kzcorpus add``, the tests) share the same lexicon."""
    from kzcorpus.io.raw import read_text

    p = lexicon_path(root)
    if not p.is_file():
        raise DataError(
            "diacritic-repair lexicon not found; rebuild it with `kzcorpus models lexicon --ud <UD_Turkish-IMST>`",
            path=p,
        )
    text = read_text(p)
    try:
        return _lexicon_of(text)
    except DataError:
        Lexicon.parse(text, p)  # errors are not cached: parse again to name this file
        raise


@lru_cache(maxsize=4)
def _lexicon_of(text: str) -> Lexicon:
    return Lexicon.parse(text, morphology=default_morphology())


LEXICON_TREEBANK_FILES = ("tr_imst-ud-train.conllu", "tr_imst-ud-dev.conllu")
"""IMST's test split stays unseen: the synthetic repair benchmark corrupts it."""


def build_lexicon(conllu_files: Iterable[Path], texts: Iterable[tuple[str, str]]) -> Lexicon:
    """Count words of clean text: CoNLL-U surface forms and (name, text) pairs."""
    counts: Counter[str] = Counter()
    sources = []
    from kzcorpus.io.raw import read_text, sha256_file

    for path in conllu_files:
        for form in iter_conllu_forms(read_text(path)):
            counts.update(iter_words(form))
        sources.append(f"{path.name} sha256={sha256_file(path)}")
    for name, text in texts:
        counts.update(iter_words(text))
        sources.append(name)
    return Lexicon(counts, sources)
