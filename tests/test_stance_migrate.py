"""Stance after the second pass over the whole corpus: no single-pass label, ids carried over span fixes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kzcorpus.errors import DataError
from kzcorpus.schema.stance import StanceLabel, label_id
from kzcorpus.stance.migrate import relink, successors

from .conftest import REPO, assert_build_fails_untouched, jsonl_rows


def _label(start: int, end: int, holder: str = "KAZ", target: str = "RUS", polarity: str = "AGAINST") -> StanceLabel:
    return StanceLabel.model_validate(
        {
            "id": label_id("doc", start, end, holder, target),
            "document": "doc",
            "start": start,
            "end": end,
            "text": "x" * (end - start),
            "language": "tr",
            "holder": holder,
            "target": target,
            "polarity": polarity,
            "annotator": "t",
            "guideline_version": "1.1",
            "provenance": "agreed",
            "sentences": ["doc-p0-s1"],
        }
    )


def test_a_trimmed_span_carries_its_links() -> None:
    old = [_label(0, 40), _label(50, 90, target="CHN", polarity="FAVOR")]
    new = [_label(8, 40), _label(50, 90, target="CHN", polarity="FAVOR")]
    mapping, unresolved = successors(old, new)
    assert mapping == {old[0].id: new[0].id} and unresolved == []
    link = {"span": "other:1-2:KAZ:RUS", "translation_of": [old[0].id], "linker": "t", "note": None}
    assert relink(link, mapping)["translation_of"] == [new[0].id]


def test_no_successor_or_two_are_reported_not_guessed() -> None:
    old = [_label(0, 40)]
    assert successors(old, [_label(50, 60)])[1] == [old[0].id]
    assert successors(old, [_label(0, 10), _label(12, 40)])[1] == [old[0].id]


def test_no_released_label_is_single_pass() -> None:
    labels = jsonl_rows(REPO / "annotations" / "stance.jsonl")
    assert labels and {x["provenance"] for x in labels} <= {"agreed", "adjudicated", "reviewed"}
    scope = json.loads((REPO / "annotations/stance/pass-b.scope.json").read_text(encoding="utf-8"))["paragraphs"]
    paragraphs = jsonl_rows(REPO / "annotations" / "paragraphs.jsonl")
    last = {}
    for p in paragraphs:
        last[p["document"]] = max(last.get(p["document"], 0), p["index"])
    assert scope == {doc: [0, n] for doc, n in last.items()}  # both passes read every paragraph


def test_single_pass_provenance_is_refused_by_the_schema() -> None:
    row = jsonl_rows(REPO / "annotations" / "stance.jsonl")[0] | {"provenance": "single-pass", "case": None}
    with pytest.raises(ValueError, match="provenance"):
        StanceLabel.model_validate(row)


def test_a_paragraph_read_once_fails_the_build(corpus_copy: Path) -> None:
    path = corpus_copy / "annotations" / "stance" / "pass-b.scope.json"
    scope = json.loads(path.read_text(encoding="utf-8"))
    scope["paragraphs"]["china-economic-relations"] = [0, 40]
    path.write_text(json.dumps(scope), encoding="utf-8")
    assert_build_fails_untouched(corpus_copy, DataError, "no single-pass labels", annotate=False)
