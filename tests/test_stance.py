"""Stance records: schema, agreement metrics on hand-computed cases, disagreement clusters."""

from __future__ import annotations

import json

import pytest
from pydantic import ValidationError

from kzcorpus.schema.stance import StanceSpan
from kzcorpus.stance.adjudicate import iter_clusters
from kzcorpus.stance.agreement import agreement, cohen_kappa

from .conftest import REPO


def _span(start: int, end: int, holder: str = "KAZ", target: str = "RUS", polarity: str = "FAVOR", **kw) -> StanceSpan:
    return StanceSpan(
        id=f"d:{start}:{holder}:{target}",
        document="d",
        start=start,
        end=end,
        text="x" * (end - start),
        language="tr",
        holder=holder,
        target=target,
        polarity=polarity,
        annotator="t",
        guideline_version="1.0",
        **kw,
    )


@pytest.mark.parametrize("name", ["pass-a.jsonl", "pass-b.jsonl"])
def test_shipped_passes_validate_and_match_the_text(name: str) -> None:
    texts = {p.stem: p.read_text(encoding="utf-8") for p in (REPO / "annotations" / "text").glob("*.txt")}
    for line in (REPO / "annotations" / "stance" / name).read_text(encoding="utf-8").splitlines():
        s = StanceSpan(**json.loads(line))
        assert texts[s.document][s.start : s.end] == s.text
        assert "\n\n" not in s.text  # inside one paragraph


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"holder": "XYZ"}, "unknown actor code 'XYZ'"),
        ({"polarity": "SUPPORT"}, "Input should be 'FAVOR', 'AGAINST' or 'NEUTRAL'"),
        ({"end": 3}, "text has 5 characters but the span covers 3"),
        ({"target": "OTHER"}, "target OTHER needs target_note"),
        ({"colour": "red"}, "Extra inputs are not permitted"),
    ],
)
def test_bad_records_are_refused(change: dict, message: str) -> None:
    rec = _span(0, 5).model_dump() | change
    with pytest.raises(ValidationError, match=message):
        StanceSpan(**rec)


def test_kappa_on_a_hand_computed_table() -> None:
    # 10 pairs: 4 FAVOR/FAVOR, 4 AGAINST/AGAINST, 1 FAVOR/AGAINST, 1 AGAINST/FAVOR
    pairs = [("F", "F")] * 4 + [("A", "A")] * 4 + [("F", "A"), ("A", "F")]
    # observed 0.8, expected 0.5*0.5 + 0.5*0.5 = 0.5 -> kappa 0.6
    assert cohen_kappa(pairs) == pytest.approx(0.6)


def test_agreement_on_a_hand_computed_case() -> None:
    a = [_span(0, 10), _span(0, 10, "RUS", "KAZ"), _span(20, 30, polarity="AGAINST"), _span(50, 60)]
    b = [_span(2, 10), _span(20, 30, polarity="NEUTRAL"), _span(70, 80)]
    got = agreement(a, b).as_dict()
    # ranges A {0-10, 20-30, 50-60}, B {2-10, 20-30, 70-80}: 2 matched by overlap, 1 exact
    assert got["span_f1_overlap"] == pytest.approx(66.67)
    assert got["span_f1_exact"] == pytest.approx(33.33)
    # pairs on matched ranges: {KAZ-RUS, RUS-KAZ} vs {KAZ-RUS}; {KAZ-RUS} vs {KAZ-RUS}: both 2, either 3
    assert got["holder_target_agreement"] == pytest.approx(66.67)
    assert got["polarity_pairs"] == 2 and got["polarity_observed"] == 50.0


def test_clusters_group_overlaps_and_mark_agreement() -> None:
    a = [_span(0, 10), _span(20, 30), _span(40, 50)]
    b = [_span(0, 10), _span(25, 35), _span(60, 70)]
    clusters = list(iter_clusters(a, b))
    assert [(c.case_id, c.agreed) for c in clusters] == [
        ("d:0-10", True),
        ("d:20-35", False),
        ("d:40-50", False),
        ("d:60-70", False),
    ]


def test_adjudication_decides_every_case_once() -> None:
    lines = (REPO / "annotations" / "stance" / "adjudication.jsonl").read_text(encoding="utf-8").splitlines()
    decisions = [json.loads(x) for x in lines]
    assert len({d["case"] for d in decisions}) == len(decisions)
    assert all(d["decision"] in {"a", "b", "both", "neither", "custom"} and d["rationale"] for d in decisions)
    assert all((d["decision"] == "custom") == bool(d["records"]) for d in decisions)
