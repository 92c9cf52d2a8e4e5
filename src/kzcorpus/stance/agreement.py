"""Inter-annotator agreement between two stance passes over the same paragraphs.

Spans are compared as character ranges (a record's (holder, target, polarity) rides on
its range): two ranges match when they overlap, one-to-one, largest overlap first.
Reported: span F1 (overlap and exact), holder/target agreement on matched ranges (pairs
found by both / pairs found by either), and Cohen's kappa on polarity for the
(holder, target) pairs both passes put on a matched range.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from kzcorpus.schema.stance import StanceSpan

Range = tuple[str, int, int]


def _ranges(spans: Iterable[StanceSpan]) -> dict[Range, dict[tuple[str, str], str]]:
    out: dict[Range, dict[tuple[str, str], str]] = defaultdict(dict)
    for s in spans:
        out[(s.document, s.start, s.end)][(s.holder, s.target)] = s.polarity
    return out


def match_ranges(a: Sequence[Range], b: Sequence[Range]) -> list[tuple[Range, Range]]:
    """One-to-one matching of overlapping ranges, largest overlap first (ties: order)."""
    cands = []
    for i, (da, sa, ea) in enumerate(a):
        for j, (db, sb, eb) in enumerate(b):
            ov = min(ea, eb) - max(sa, sb)
            if da == db and ov > 0:
                cands.append((-ov, i, j))
    used_a: set[int] = set()
    used_b: set[int] = set()
    pairs = []
    for _, i, j in sorted(cands):
        if i not in used_a and j not in used_b:
            used_a.add(i)
            used_b.add(j)
            pairs.append((a[i], b[j]))
    return pairs


def cohen_kappa(pairs: Sequence[tuple[str, str]]) -> float:
    if not pairs:
        return float("nan")
    n = len(pairs)
    observed = sum(x == y for x, y in pairs) / n
    ca, cb = Counter(x for x, _ in pairs), Counter(y for _, y in pairs)
    expected = sum(ca[k] * cb[k] for k in set(ca) | set(cb)) / (n * n)
    return 1.0 if expected == 1 else (observed - expected) / (1 - expected)


@dataclass(frozen=True)
class Agreement:
    ranges_a: int
    ranges_b: int
    matched: int
    exact: int
    pairs_both: int
    pairs_either: int
    polarity_pairs: int
    polarity_agree: int
    kappa: float

    def as_dict(self) -> dict[str, float | int]:
        def f1(m: int) -> float:
            return round(200.0 * m / (self.ranges_a + self.ranges_b), 2) if self.ranges_a + self.ranges_b else 0.0

        return {
            "ranges_a": self.ranges_a,
            "ranges_b": self.ranges_b,
            "span_f1_overlap": f1(self.matched),
            "span_f1_exact": f1(self.exact),
            "holder_target_agreement": round(100.0 * self.pairs_both / self.pairs_either, 2)
            if self.pairs_either
            else 0.0,
            "polarity_pairs": self.polarity_pairs,
            "polarity_observed": round(100.0 * self.polarity_agree / self.polarity_pairs, 2)
            if self.polarity_pairs
            else 0.0,
            "polarity_kappa": round(self.kappa, 3),
        }


def agreement(a: Iterable[StanceSpan], b: Iterable[StanceSpan]) -> Agreement:
    ra, rb = _ranges(a), _ranges(b)
    pairs = match_ranges(sorted(ra), sorted(rb))
    both = either = 0
    pol: list[tuple[str, str]] = []
    for x, y in pairs:
        ka, kb = set(ra[x]), set(rb[y])
        both += len(ka & kb)
        either += len(ka | kb)
        pol.extend((ra[x][k], rb[y][k]) for k in sorted(ka & kb))
    return Agreement(
        ranges_a=len(ra),
        ranges_b=len(rb),
        matched=len(pairs),
        exact=len(set(ra) & set(rb)),
        pairs_both=both,
        pairs_either=either,
        polarity_pairs=len(pol),
        polarity_agree=sum(x == y for x, y in pol),
        kappa=cohen_kappa(pol),
    )
