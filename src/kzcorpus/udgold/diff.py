"""Differences between two annotation passes, as adjudication cases.

A sentence whose tokenisation differs is one case (``<sent_id>#tok``): the adjudicator
picks one pass's sentence (and may fix words of it). Otherwise every word whose columns
differ is one case (``<sent_id>#w<n>``) listing the differing columns of both passes.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from kzcorpus.schema.udgold import WORD_FIELDS
from kzcorpus.udgold.check import Block, Row

_COL = {"lemma": 2, "upos": 3, "xpos": 4, "feats": 5, "head": 6, "deprel": 7}


@dataclass(frozen=True)
class Case:
    case: str
    sent_id: str
    word: int | None  # None: tokenisation case
    form: str
    a: dict[str, str]
    b: dict[str, str]


def tokenisation(block: Block) -> list[tuple[str, tuple[str, ...]]]:
    """(token form, its word forms) for every surface token."""
    return [(tok.form, tuple(w.form for w in words)) for tok, words in block.tokens]


def word_values(row: Row) -> dict[str, str]:
    return {f: row.cols[_COL[f]] for f in WORD_FIELDS}


def sentence_cases(a: Block, b: Block) -> Iterator[Case]:
    sid = a.sent_id or "?"
    if tokenisation(a) != tokenisation(b):
        yield Case(f"{sid}#tok", sid, None, a.text or "", {"sentence": _words(a)}, {"sentence": _words(b)})
        return
    for wa, wb in zip(a.words, b.words, strict=True):
        va, vb = word_values(wa), word_values(wb)
        diff = [f for f in WORD_FIELDS if va[f] != vb[f]]
        if diff:
            yield Case(f"{sid}#w{wa.id}", sid, int(wa.id), wa.form, {f: va[f] for f in diff}, {f: vb[f] for f in diff})


def _words(block: Block) -> str:
    return "\n".join("\t".join(r.cols[:8]) for r in block.rows)


def iter_cases(a: Sequence[Block], b: Sequence[Block]) -> Iterator[Case]:
    """Cases for every sentence, in order; both passes must hold the same sentences."""
    by_id = {blk.sent_id: blk for blk in b}
    for blk in a:
        yield from sentence_cases(blk, by_id[blk.sent_id])
