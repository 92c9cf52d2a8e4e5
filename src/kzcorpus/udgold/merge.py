"""Apply adjudication decisions to two passes: the gold sentences.

Pass A is the starting point of every sentence. A ``#tok`` case replaces the sentence by
the chosen pass's (then applies fixes for ``custom``); a ``#w<n>`` case keeps A's columns
(``a``), takes B's differing columns (``b``) or sets the listed values (``custom``).
Every case needs exactly one decision, and every decision must name a current case, so a
changed pass can never be merged with stale rulings.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from kzcorpus.schema.udgold import UdDecision
from kzcorpus.udgold.check import Block, Row
from kzcorpus.udgold.diff import _COL, Case, iter_cases


@dataclass(frozen=True)
class MergeProblem:
    case: str
    message: str

    def __str__(self) -> str:
        return f"{self.case}: {self.message}"


def _set(row: Row, values: Mapping[str, str]) -> Row:
    cols = list(row.cols)
    for field, value in values.items():
        cols[_COL[field]] = value
    return Row(row.line, tuple(cols))


def _apply_fixes(block: Block, fixes: Sequence[tuple[int, Mapping[str, str]]]) -> Block:
    by_word = {}
    for word, values in fixes:
        by_word.setdefault(word, {}).update(values)
    rows = tuple(_set(r, by_word[int(r.id)]) if r.id.isdigit() and int(r.id) in by_word else r for r in block.rows)
    return Block(block.line, block.comments, rows, block.other_comments)


def merge(
    a: Sequence[Block], b: Sequence[Block], decisions: Sequence[UdDecision]
) -> tuple[list[Block], list[MergeProblem]]:
    """The merged sentences (in A's order) and every problem with the decisions."""
    cases = {c.case: c for c in iter_cases(a, b)}
    by_case: dict[str, UdDecision] = {}
    probs: list[MergeProblem] = []
    for d in decisions:
        if d.case in by_case:
            probs.append(MergeProblem(d.case, "decided twice"))
        elif d.case not in cases:
            probs.append(MergeProblem(d.case, "no such difference between the passes (stale decision?)"))
        else:
            by_case[d.case] = d
    for cid in cases:
        if cid not in by_case:
            probs.append(MergeProblem(cid, "difference without a decision"))
    b_by_id = {blk.sent_id: blk for blk in b}
    out = []
    for blk in a:
        out.append(_merge_sentence(blk, b_by_id[blk.sent_id], cases, by_case))
    return out, probs


def _merge_sentence(a: Block, b: Block, cases: Mapping[str, Case], by_case: Mapping[str, UdDecision]) -> Block:
    sid = a.sent_id
    tok = by_case.get(f"{sid}#tok")
    if tok is not None:
        chosen = {"a": a, "b": b}[tok.base or tok.decision]
        base = Block(a.line, a.comments, chosen.rows, a.other_comments)
        return _apply_fixes(base, [(f.word, f.values) for f in tok.fixes])
    fixes: list[tuple[int, Mapping[str, str]]] = []
    for wa in a.words:
        cid = f"{sid}#w{wa.id}"
        d = by_case.get(cid)
        if d is None or d.decision == "a":
            continue
        if d.decision == "b":
            fixes.append((int(wa.id), cases[cid].b))
        else:
            fixes += [(f.word, f.values) for f in d.fixes]
    return _apply_fixes(a, fixes)
