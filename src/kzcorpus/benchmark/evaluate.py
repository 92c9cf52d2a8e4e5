"""``kzcorpus evaluate``: one entry point that scores a predictions file for a task."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from kzcorpus.corpus import Corpus
from kzcorpus.errors import DataError

DEFAULT_SPLIT = "test"
DEFAULT_DIRECTION = "tr-en"


def _stance_span(path: Path, corpus: Corpus, split: str, direction: str) -> dict[str, Any]:
    from kzcorpus.benchmark.stance import evaluate_span

    return evaluate_span(path, corpus, split)


def _stance_sentence(path: Path, corpus: Corpus, split: str, direction: str) -> dict[str, Any]:
    from kzcorpus.benchmark.stance import evaluate_sentence

    return evaluate_sentence(path, corpus, split)


def _ud(path: Path, corpus: Corpus, split: str, direction: str) -> dict[str, Any]:
    from kzcorpus.benchmark.ud import evaluate_ud

    return evaluate_ud(path, corpus, split)


def _diacritics(path: Path, corpus: Corpus, split: str, direction: str) -> dict[str, Any]:
    from kzcorpus.benchmark.diacritics import evaluate_diacritics

    return evaluate_diacritics(path, corpus, split)


def _translation(path: Path, corpus: Corpus, split: str, direction: str) -> dict[str, Any]:
    from kzcorpus.benchmark.translation import evaluate_translation

    return evaluate_translation(path, corpus, split, direction)


Scorer = Callable[[Path, Corpus, str, str], dict[str, Any]]
TASKS: dict[str, tuple[Scorer, str]] = {
    "stance-span": (_stance_span, "JSON Lines {id, polarity}: one per released stance label of the split"),
    "stance-sentence": (_stance_sentence, "JSON Lines {sentence, target, polarity}: one per (sentence, target) item"),
    "ud": (_ud, "CoNLL-U with '# sent_id' comments: every Turkish and English sentence of the split"),
    "diacritics": (_diacritics, "UTF-8 text: raw/china-economic-relations.txt repaired, line for line"),
    "translation": (_translation, "JSON Lines {id, translation}: one per alignment link with both sides"),
}
"""Task → (scorer, prediction format). Scorers import their module on use (udtools, sacrebleu)."""


def evaluate(
    task: str,
    predictions: Path,
    *,
    split: str = DEFAULT_SPLIT,
    direction: str = DEFAULT_DIRECTION,
    corpus: Corpus | None = None,
) -> dict[str, Any]:
    """Scores of ``predictions`` for ``task`` on ``split``; a malformed or incomplete file raises."""
    if task not in TASKS:
        raise DataError(f"unknown task {task!r}; expected one of {', '.join(TASKS)}")
    scorer, _ = TASKS[task]
    corpus = corpus or Corpus()
    head: dict[str, Any] = {"task": task, "split": corpus.check_split(split)}
    return head | scorer(Path(predictions), corpus, split, direction)
