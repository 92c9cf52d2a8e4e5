"""Text that remembers, for every character, the raw characters it came from.

Each cleaning step builds a new :class:`Traced` from pieces of the old one, so offsets
compose for free; :func:`offset_segments` compresses the per-character spans into the
stored offset map (copy runs and replacement runs).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Literal


@dataclass(frozen=True)
class Traced:
    """``text[i]`` came from ``raw[starts[i]:ends[i]]``."""

    text: str
    starts: tuple[int, ...]
    ends: tuple[int, ...]

    @classmethod
    def from_raw(cls, raw: str, start: int = 0, end: int | None = None) -> Traced:
        end = len(raw) if end is None else end
        return cls(raw[start:end], tuple(range(start, end)), tuple(range(start + 1, end + 1)))

    @classmethod
    def inserted(cls, text: str, raw_start: int, raw_end: int) -> Traced:
        """New characters standing for ``raw[raw_start:raw_end]`` as a whole."""
        n = len(text)
        return cls(text, (raw_start,) * n, (raw_end,) * n)

    def __len__(self) -> int:
        return len(self.text)

    def __getitem__(self, key: slice) -> Traced:
        return Traced(self.text[key], self.starts[key], self.ends[key])

    def raw_span(self, start: int = 0, end: int | None = None) -> tuple[int, int]:
        """Raw range covered by ``text[start:end]`` (empty text: an empty range)."""
        end = len(self.text) if end is None else end
        if start >= end:
            pos = self.starts[start] if start < len(self.starts) else (self.ends[-1] if self.ends else 0)
            return pos, pos
        return min(self.starts[start:end]), max(self.ends[start:end])


def concat(parts: Iterable[Traced]) -> Traced:
    parts = list(parts)
    return Traced(
        "".join(p.text for p in parts),
        tuple(i for p in parts for i in p.starts),
        tuple(i for p in parts for i in p.ends),
    )


def apply_edits(traced: Traced, edits: Iterable[tuple[int, int, str]]) -> Traced:
    """Apply non-overlapping ``(start, end, replacement)`` edits given in order."""
    parts, pos = [], 0
    for start, end, new in edits:
        parts.append(traced[pos:start])
        rs, re_ = traced.raw_span(start, end)
        parts.append(Traced.inserted(new, rs, re_))
        pos = end
    parts.append(traced[pos:])
    return concat(parts)


SegmentKind = Literal["c", "r"]
Segment = tuple[int, int, int, int, SegmentKind]
COPY: SegmentKind = "c"
REPLACE: SegmentKind = "r"


def offset_segments(traced: Traced, raw: str) -> Iterator[Segment]:
    """``(clean_start, clean_end, raw_start, raw_end, kind)`` runs covering the text.

    ``c`` (copy): clean character i is raw character raw_start+i, unchanged.
    ``r`` (replace): every clean character of the run stands for the whole raw range
    (a line break read as a space, a repaired letter, a paragraph separator).
    """
    n = len(traced)
    st, en, text = traced.starts, traced.ends, traced.text

    def is_copy(k: int) -> bool:
        return en[k] == st[k] + 1 and raw[st[k]] == text[k]

    i = 0
    while i < n:
        j = i + 1
        if is_copy(i):
            while j < n and is_copy(j) and st[j] == st[j - 1] + 1:
                j += 1
            yield i, j, st[i], en[j - 1], COPY
        else:
            while j < n and not is_copy(j) and st[j] == st[i] and en[j] == en[i]:
                j += 1
            yield i, j, st[i], en[i], REPLACE
        i = j


def from_segments(text: str, segments: Iterable[Segment]) -> Traced:
    """Inverse of :func:`offset_segments` (what readers of the stored map use)."""
    starts: list[int] = []
    ends: list[int] = []
    for cs, ce, rs, re_, kind in segments:
        n = ce - cs
        if kind == COPY:
            starts.extend(range(rs, rs + n))
            ends.extend(range(rs + 1, rs + n + 1))
        else:
            starts.extend([rs] * n)
            ends.extend([re_] * n)
    return Traced(text, tuple(starts), tuple(ends))
