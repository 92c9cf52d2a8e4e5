"""The translation task: the parallel abstracts, titles and keywords, scored with sacrebleu.

Items: the alignment links of the split that have both the source and the target side;
the source text is that side's sentences joined by a space, the reference the target side.
Prediction: JSON Lines ``{"id": <link id>, "translation": <text>}``, one per item. BLEU and
chrF are corpus-level, with sacrebleu's default settings and its signature reported so
that the figures can be compared with others.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from kzcorpus.benchmark.predictions import index_predictions
from kzcorpus.corpus import Corpus
from kzcorpus.errors import DataError, require
from kzcorpus.io.jsonl import iter_jsonl_numbered
from kzcorpus.parallel.align import side_text
from kzcorpus.schema.benchmark import TranslationPrediction
from kzcorpus.schema.common import LANGUAGES, Language

DIRECTIONS = tuple(f"{a}-{b}" for a in LANGUAGES for b in LANGUAGES if a != b)


def parse_direction(direction: str) -> tuple[Language, Language]:
    if direction not in DIRECTIONS:
        raise DataError(f"unknown direction {direction!r}; expected one of {', '.join(DIRECTIONS)}")
    src, tgt = direction.split("-")
    return src, tgt  # type: ignore[return-value]


def translation_items(corpus: Corpus, split: str, direction: str) -> dict[str, tuple[str, str]]:
    """Link id → (source text, reference), for the split's links with both sides."""
    src, tgt = parse_direction(direction)
    links, sentences = corpus.parallel
    items = {
        x.id: (side_text(x, src, sentences), side_text(x, tgt, sentences))
        for x in links
        if corpus.in_split(x.document, split) and x.side(src) and x.side(tgt)
    }
    if not items:
        raise DataError(f"the {split} split has no {direction} links; the parallel set is in the card's split table")
    return items


def evaluate_translation(path: Path, corpus: Corpus, split: str, direction: str) -> dict[str, Any]:
    items = translation_items(corpus, split, direction)
    rows = ((n, r.id, r.translation) for n, r in iter_jsonl_numbered(path, TranslationPrediction))
    pred = index_predictions(
        rows, items, path, what=f"translation {direction} ({split} split)", describe=lambda k: f"link {k}"
    )
    metrics: Any = require("sacrebleu.metrics", "benchmark")
    hyps = [pred[k] for k in items]
    refs = [[ref for _, ref in items.values()]]
    bleu, chrf = metrics.BLEU(), metrics.CHRF()
    return {
        "direction": direction,
        "segments": len(items),
        "bleu": round(bleu.corpus_score(hyps, refs).score, 2),
        "chrf": round(chrf.corpus_score(hyps, refs).score, 2),
        "signatures": {"bleu": str(bleu.get_signature()), "chrf": str(chrf.get_signature())},
    }
