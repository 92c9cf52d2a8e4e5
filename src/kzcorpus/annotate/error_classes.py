"""Per-class figures for the known error classes of the automatic layer (issue 15).

Each class is measured against the gold UD layer (dev and test splits, made by reading,
never from model output): country names (their UPOS and lemma), bare digits (UPOS),
numbers with separators (``1.511``, ``71/187``: kept as one token), and Turkish verbs in
-DIr (one word in IMST and in the gold layer). Two structural counts need no reference
and cover the whole shipped layer: multi-word tokens whose words do not spell the token
(invented letters) and Turkish -DIr verbs split into VERB + AUX.

Words are matched by character span: a gold token counts as right only where the system
has a token with the same span (a tokenisation error is an error of the class).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from kzcorpus.annotate.fixes.tr import DIR_COPULA, is_split_dir_verb
from kzcorpus.annotate.fixes.words import spells_token
from kzcorpus.annotate.segment import NUMBER_TOKEN_RE
from kzcorpus.errors import DataError
from kzcorpus.io.conllu import Sentence, Token, Word

COUNTRY_NAMES = Path("annotations/reference/country_names.tsv")
"""Lemmas of country names per language (``lang<TAB>lemma``), the class the issue singles
out: 'Kazakistan' tagged ADV, 'Ukrayna' NOUN with lemma 'ukray'."""

DIGITS_RE = re.compile(r"^\d+$")

Key = tuple[str, str]


def load_country_names(path: Path) -> dict[str, frozenset[str]]:
    out: dict[str, set[str]] = {}
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        if len(cols) != 2 or not cols[1].strip():
            raise DataError("expected 'language<TAB>lemma'", path=path, line=n)
        out.setdefault(cols[0], set()).add(cols[1].strip().casefold())
    return {k: frozenset(v) for k, v in out.items()}


def _single(token: Token) -> Word | None:
    return token.words[0] if len(token.words) == 1 else None


def aligned_tokens(
    gold: Mapping[Key, Sequence[Sentence]], system: Mapping[Key, Sequence[Sentence]]
) -> Iterable[tuple[str, Token, Token | None]]:
    """(language, gold token, system token with the same span or ``None``)."""
    for (doc, lang), sents in sorted(gold.items()):
        by_span = {(t.start, t.end): t for s in system.get((doc, lang), ()) for t in s.tokens}
        for s in sents:
            for t in s.tokens:
                yield lang, t, by_span.get((t.start, t.end))


def _rate(correct: int, n: int) -> dict[str, Any]:
    from kzcorpus.annotate.quality import wilson_interval

    return {
        "n": n,
        "correct": correct,
        "accuracy": round(100 * correct / n, 2) if n else None,
        "wilson95": wilson_interval(correct, n),
    }


def _score(
    pairs: Iterable[tuple[str, Token, Token | None]],
    selects: Callable[[str, Token], bool],
    right: Callable[[Token, Token], bool],
) -> dict[str, Any]:
    chosen = [(g, s) for lang, g, s in pairs if selects(lang, g)]
    return _rate(sum(s is not None and right(g, s) for g, s in chosen), len(chosen))


def _same(attr: str) -> Callable[[Token, Token], bool]:
    def right(g: Token, s: Token) -> bool:
        gw, sw = _single(g), _single(s)
        if gw is None or sw is None:
            return False
        a, b = getattr(gw, attr), getattr(sw, attr)
        return (a or "").casefold() == (b or "").casefold()

    return right


def gold_classes(
    gold: Mapping[Key, Sequence[Sentence]],
    system: Mapping[Key, Sequence[Sentence]],
    countries: Mapping[str, frozenset[str]],
) -> dict[str, Any]:
    """Each error class on the gold layer: items, correct, accuracy, 95% interval."""
    pairs = list(aligned_tokens(gold, system))

    def country(lang: str, t: Token) -> bool:
        w = _single(t)
        return w is not None and (w.lemma or "").casefold() in countries.get(lang, frozenset())

    def digits(lang: str, t: Token) -> bool:
        return _single(t) is not None and bool(DIGITS_RE.match(t.form))

    def dir_verb(lang: str, t: Token) -> bool:
        w = _single(t)
        return lang == "tr" and w is not None and w.upos == "VERB" and t.form.lower().endswith(tuple(DIR_COPULA))

    return {
        "country_names_upos": _score(pairs, country, _same("upos")),
        "country_names_lemma": _score(pairs, country, _same("lemma")),
        "digits_upos": _score(pairs, digits, _same("upos")),
        "numbers_one_token": _score(pairs, lambda _, t: bool(NUMBER_TOKEN_RE.match(t.form)), lambda g, s: True),
        "dir_verbs_one_word": _score(pairs, dir_verb, lambda g, s: _single(s) is not None),
    }


def structural_counts(system: Mapping[Key, Sequence[Sentence]]) -> dict[str, Any]:
    """Counts over the whole shipped layer (every document, no reference needed)."""
    tokens = [(lang, t) for (_, lang), sents in system.items() for s in sents for t in s.tokens]
    mwts = [t for _, t in tokens if t.is_multiword]
    return {
        "multiword_tokens": len(mwts),
        "multiword_tokens_not_spelling_the_token": sum(not spells_token(t) for t in mwts),
        "dir_verbs_split_verb_aux": sum(lang == "tr" and is_split_dir_verb(t) for lang, t in tokens),
    }


def error_class_report(
    repo: Path, gold: Mapping[Key, Sequence[Sentence]], system: Mapping[Key, Sequence[Sentence]]
) -> dict[str, Any]:
    path = repo / COUNTRY_NAMES
    if not path.is_file():
        raise DataError("country-name list missing; expected it in annotations/reference/", path=path)
    return {
        "on_gold": gold_classes(gold, system, load_country_names(path)),
        "whole_layer": structural_counts(system),
        "country_names": str(COUNTRY_NAMES),
    }
