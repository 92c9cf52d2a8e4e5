"""Classification metrics for the stance task, as SemEval-2016 Task 6 defines them.

Plain functions over label sequences (no scikit-learn at evaluation time), so the
figures can be checked on hand-computed cases.
"""

from __future__ import annotations

from collections.abc import Sequence

from kzcorpus.errors import DataError
from kzcorpus.schema.stance import POLARITIES

F_AVG_CLASSES: tuple[str, ...] = ("FAVOR", "AGAINST")
"""SemEval-2016 Task 6 F_avg: the mean F1 of these two classes; the third still costs recall
and precision when it is confused with them."""


def _pct(x: float) -> float:
    return round(100 * x, 2)


def _counts(gold: Sequence[str], pred: Sequence[str], label: str) -> tuple[int, int, int]:
    """(true positives, predicted, gold) for one class."""
    tp = sum(g == label and p == label for g, p in zip(gold, pred, strict=True))
    return tp, sum(p == label for p in pred), sum(g == label for g in gold)


def _f1(gold: Sequence[str], pred: Sequence[str], label: str) -> float:
    """Unrounded F1 (2·tp / (predicted + gold)), so averages are not taken over rounded numbers."""
    tp, n_pred, n_gold = _counts(gold, pred, label)
    return 2 * tp / (n_pred + n_gold) if n_pred + n_gold else 0.0


def class_scores(gold: Sequence[str], pred: Sequence[str], label: str) -> dict[str, float | int]:
    """Precision, recall and F1 of one class; an empty denominator scores 0 (nothing to credit)."""
    tp, n_pred, n_gold = _counts(gold, pred, label)
    precision = tp / n_pred if n_pred else 0.0
    recall = tp / n_gold if n_gold else 0.0
    return {"precision": _pct(precision), "recall": _pct(recall), "f1": _pct(_f1(gold, pred, label)), "support": n_gold}


def stance_scores(gold: Sequence[str], pred: Sequence[str]) -> dict[str, object]:
    """F_avg (FAVOR/AGAINST), macro-F1 over all three classes, accuracy and per-class P/R/F1."""
    if len(gold) != len(pred):
        raise DataError(f"{len(pred)} predictions for {len(gold)} items; expected one per item")
    if not gold:
        raise DataError("no items to score")
    per_class = {c: class_scores(gold, pred, c) for c in POLARITIES}
    raw_f1: dict[str, float] = {c: _f1(gold, pred, c) for c in POLARITIES}
    return {
        "items": len(gold),
        "f_avg": _pct(sum(raw_f1[c] for c in F_AVG_CLASSES) / len(F_AVG_CLASSES)),
        "macro_f1": _pct(sum(raw_f1.values()) / len(raw_f1)),
        "accuracy": _pct(sum(g == p for g, p in zip(gold, pred, strict=True)) / len(gold)),
        "per_class": per_class,
    }
