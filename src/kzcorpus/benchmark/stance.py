"""The stance task: polarity per released span, and per (sentence, target).

``span``: every released label of the split is an item (span, holder and target given;
predict the polarity). ``sentence``: every (sentence, target) pair that the labels of the
split attach to a sentence is an item, in the SemEval-2016 Task 6 style (text and target
given). Pairs whose labels disagree (one holder in favour, another against, in one
sentence) have no single gold polarity and are left out; their count is reported.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path

from kzcorpus.benchmark.metrics import stance_scores
from kzcorpus.benchmark.predictions import index_predictions
from kzcorpus.corpus import Corpus
from kzcorpus.io.jsonl import iter_jsonl_numbered
from kzcorpus.schema.benchmark import SentencePrediction, SpanPrediction
from kzcorpus.schema.stance import StanceLabel

SentenceTarget = tuple[str, str]


def span_items(labels: Iterable[StanceLabel], corpus: Corpus, split: str) -> dict[str, str]:
    """Label id → gold polarity, for the labels of the split."""
    return {x.id: x.polarity for x in sorted(labels, key=lambda x: x.id) if corpus.in_split(x.document, split)}


def sentence_pairs(labels: Iterable[StanceLabel], corpus: Corpus, split: str) -> dict[SentenceTarget, set[str]]:
    """(sentence, target) → the polarities of the labels of the split on that sentence."""
    out: dict[SentenceTarget, set[str]] = {}
    for x in labels:
        if corpus.in_split(x.document, split):
            for sid in x.sentences:
                out.setdefault((sid, x.target), set()).add(x.polarity)
    return out


def agreeing(pairs: Mapping[SentenceTarget, set[str]]) -> dict[SentenceTarget, str]:
    """(sentence, target) → gold polarity, for the pairs whose labels agree."""
    return {k: next(iter(v)) for k, v in sorted(pairs.items()) if len(v) == 1}


def sentence_items(labels: Iterable[StanceLabel], corpus: Corpus, split: str) -> dict[SentenceTarget, str]:
    return agreeing(sentence_pairs(labels, corpus, split))


def read_span_predictions(path: Path, items: Mapping[str, str], split: str) -> dict[str, str]:
    rows = ((n, r.id, r.polarity) for n, r in iter_jsonl_numbered(path, SpanPrediction))
    return index_predictions(rows, items, path, what=f"stance-span ({split} split)", describe=lambda k: f"label {k}")


def read_sentence_predictions(path: Path, items: Mapping[SentenceTarget, str], split: str) -> dict[SentenceTarget, str]:
    rows = ((n, (r.sentence, r.target), r.polarity) for n, r in iter_jsonl_numbered(path, SentencePrediction))
    return index_predictions(
        rows, items, path, what=f"stance-sentence ({split} split)", describe=lambda k: f"sentence {k[0]} target {k[1]}"
    )


def evaluate_span(path: Path, corpus: Corpus, split: str) -> dict[str, object]:
    items = span_items(corpus.stance, corpus, split)
    pred = read_span_predictions(path, items, split)
    return stance_scores(list(items.values()), [pred[k] for k in items])


def evaluate_sentence(path: Path, corpus: Corpus, split: str) -> dict[str, object]:
    pairs = sentence_pairs(corpus.stance, corpus, split)
    items = agreeing(pairs)
    pred = read_sentence_predictions(path, items, split)
    return stance_scores(list(items.values()), [pred[k] for k in items]) | {"left_out_mixed": len(pairs) - len(items)}
