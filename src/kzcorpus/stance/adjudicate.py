"""Disagreements between the two passes, as cases an adjudicator decides one by one.

Inside the second pass's scope, the ranges of both passes are grouped into clusters of
overlapping ranges (same document). A cluster where both passes have exactly the same
records (offsets and triples) is agreed; every other cluster is a case with a stable id
``<document>:<start>-<end>`` (the cluster's extent).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from kzcorpus.schema.stance import StanceSpan

Triple = tuple[int, int, str, str, str]


def _triple(s: StanceSpan) -> Triple:
    return (s.start, s.end, s.holder, s.target, s.polarity)


@dataclass(frozen=True)
class Cluster:
    document: str
    start: int
    end: int
    a: tuple[StanceSpan, ...]
    b: tuple[StanceSpan, ...]

    @property
    def case_id(self) -> str:
        return f"{self.document}:{self.start}-{self.end}"

    @property
    def agreed(self) -> bool:
        return sorted(map(_triple, self.a)) == sorted(map(_triple, self.b))


def iter_clusters(a: Iterable[StanceSpan], b: Iterable[StanceSpan]) -> Iterator[Cluster]:
    """Clusters of overlapping ranges across both passes, in document order."""
    items = [(s.document, s.start, s.end, "a", s) for s in a] + [(s.document, s.start, s.end, "b", s) for s in b]
    tagged = sorted(items, key=lambda t: (t[0], t[1], t[2], t[3]))
    cur: list[tuple[str, int, int, str, StanceSpan]] = []
    for item in tagged:
        if cur and (item[0] != cur[0][0] or item[1] >= max(t[2] for t in cur)):
            yield _cluster(cur)
            cur = []
        cur.append(item)
    if cur:
        yield _cluster(cur)


def _cluster(items: Sequence[tuple[str, int, int, str, StanceSpan]]) -> Cluster:
    return Cluster(
        document=items[0][0],
        start=min(t[1] for t in items),
        end=max(t[2] for t in items),
        a=tuple(t[4] for t in items if t[3] == "a"),
        b=tuple(t[4] for t in items if t[3] == "b"),
    )
