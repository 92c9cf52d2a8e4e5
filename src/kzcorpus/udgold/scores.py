"""Figures of the gold layer, all by the official CoNLL 2018 scorer (``udtools``).

* inter-annotator agreement: pass B scored against pass A, per language and split;
* the shipped automatic layer scored against the gold layer, per language and split, with
  95% Wilson intervals on correct / gold words (tokens for ``Tokens``).
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from kzcorpus.annotate.quality import wilson_interval
from kzcorpus.errors import require
from kzcorpus.io.conllu import Sentence, render_sentence
from kzcorpus.io.raw import read_text
from kzcorpus.udgold.layer import INPUT_DIR, PASSES, Key

AGREEMENT_METRICS = ("Words", "UPOS", "XPOS", "UFeats", "Lemmas", "UAS", "LAS")
SHIPPED_METRICS = (
    "Tokens",
    "Words",
    "UPOS",
    "XPOS",
    "UFeats",
    "AllTags",
    "Lemmas",
    "UAS",
    "LAS",
    "CLAS",
    "MLAS",
    "BLEX",
)


def run_scorer(gold: str, system: str) -> tuple[Any, Any]:
    """The official scorer on two CoNLL-U texts: (the gold data it read, its per-metric scores)."""
    from kzcorpus.models.evaluate import TREEBANK_TYPE

    udeval: Any = require("udtools.udeval", "stanza")
    g = udeval.load_conllu(io.StringIO(gold), "gold", dict(TREEBANK_TYPE))
    s = udeval.load_conllu(io.StringIO(system), "system", dict(TREEBANK_TYPE))
    return g, udeval.evaluate(g, s)


def score_texts(gold: str, system: str, metrics: Sequence[str]) -> dict[str, Any]:
    """F1 (and aligned accuracy) per metric with counts and a Wilson interval on recall."""
    g, result = run_scorer(gold, system)
    out: dict[str, Any] = {"sentences": len(g.sentences), "words": len(g.words)}
    for m in metrics:
        r = result[m]
        entry: dict[str, Any] = {"f1": round(100 * r.f1, 2), "correct": r.correct, "gold_total": r.gold_total}
        if r.aligned_accuracy is not None and m not in ("Tokens", "Words"):
            entry["aligned_accuracy"] = round(100 * r.aligned_accuracy, 2)
        entry["interval"] = wilson_interval(r.correct, r.gold_total)
        out[m] = entry
    return out


def _by_language_split(keys: Iterable[Key], splits: Mapping[str, str]) -> dict[tuple[str, str], list[Key]]:
    out: dict[tuple[str, str], list[Key]] = {}
    for doc_id, lang in sorted(keys):
        out.setdefault((lang, splits[doc_id]), []).append((doc_id, lang))
    return dict(sorted(out.items()))


def agreement(annotations: Path, splits: Mapping[str, str]) -> dict[str, Any]:
    """Pass B against pass A (the scorer is symmetric in F1), per ``<lang>-<split>``."""
    folder = annotations / INPUT_DIR
    files = {p.name: p for p in sorted((folder / PASSES[0]).glob("*.conllu"))}
    keys = {tuple(name.removesuffix(".conllu").rsplit(".", 1)): name for name in files}
    out = {}
    for (lang, split), group in _by_language_split(keys, splits).items():  # type: ignore[arg-type]
        names = [keys[k] for k in group]
        a = "".join(read_text(folder / PASSES[0] / n) for n in names)
        b = "".join(read_text(folder / PASSES[1] / n) for n in names)
        out[f"{lang}-{split}"] = score_texts(a, b, AGREEMENT_METRICS)
    return out


def shipped_on_gold(
    annotated: Mapping[Key, Sequence[Sentence]], gold: Mapping[Key, Sequence[Sentence]], splits: Mapping[str, str]
) -> dict[str, Any]:
    """The automatic layer's sentences scored against the gold ones, per ``<lang>-<split>``."""
    out = {}
    for (lang, split), group in _by_language_split(gold, splits).items():
        g = "".join(render_sentence(s) for k in group for s in gold[k])
        ids = {s.sent_id for k in group for s in gold[k]}
        sys_ = "".join(render_sentence(s) for k in group for s in annotated[k] if s.sent_id in ids)
        out[f"{lang}-{split}"] = score_texts(g, sys_, SHIPPED_METRICS)
    return out
