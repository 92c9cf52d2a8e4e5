"""Stance spans drawn on the text for a terminal: numbered brackets, coloured by polarity.

Brackets carry the span's number on both sides (``[3> ... <3]``) so nested and
overlapping spans stay readable without colour; the labels of each span are listed under
its paragraph.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from kzcorpus.io.cleaned import CleanedLayers
from kzcorpus.schema.stance import StanceLabel

COLOURS = {"FAVOR": "\033[32m", "AGAINST": "\033[31m", "NEUTRAL": "\033[33m", "mixed": "\033[35m"}
BOLD, RESET = "\033[1m", "\033[0m"


def _polarity(labels: Sequence[StanceLabel]) -> str:
    found = {x.polarity for x in labels}
    return found.pop() if len(found) == 1 else "mixed"


def _pair(x: StanceLabel) -> str:
    holder = f"{x.holder}({x.holder_note})" if x.holder_note else x.holder
    target = f"{x.target}({x.target_note})" if x.target_note else x.target
    note = f" [{x.note}]" if x.note else ""
    return f"{holder} → {target} {x.polarity}{note}"


def render_paragraph(text: str, offset: int, labels: Sequence[StanceLabel], colour: bool = False) -> str:
    """``text`` starts at document offset ``offset``; ``labels`` lie inside it."""
    ranges: dict[tuple[int, int], list[StanceLabel]] = {}
    for x in sorted(labels, key=lambda x: (x.start, -x.end, x.holder, x.target)):
        ranges.setdefault((x.start, x.end), []).append(x)
    numbered = {r: i for i, r in enumerate(ranges, start=1)}
    opens: dict[int, list[str]] = {}
    closes: dict[int, list[str]] = {}
    for (start, end), n in numbered.items():
        style = COLOURS[_polarity(ranges[(start, end)])] + BOLD if colour else ""
        reset = RESET if colour else ""
        opens.setdefault(start - offset, []).append(f"{style}[{n}>{reset}")
        closes.setdefault(end - offset, []).insert(0, f"{style}<{n}]{reset}")
    out = []
    for i, ch in enumerate(text):
        out += closes.get(i, []) + opens.get(i, []) + [ch]
    out += closes.get(len(text), [])
    legend = [f"  [{n}] " + "; ".join(_pair(x) for x in ranges[r]) for r, n in numbered.items()]
    return "".join(out) + ("\n" + "\n".join(legend) if legend else "")


def iter_rendered(
    layers: CleanedLayers, labels: Sequence[StanceLabel], paragraph: int | None = None, colour: bool = False
) -> Iterator[str]:
    """One block per paragraph: ``¶<index> (<language>, <role>)``, the marked text, the legend."""
    for p in layers.paragraphs:
        if paragraph is not None and p.index != paragraph:
            continue
        inside = [x for x in labels if p.start <= x.start and x.end <= p.end]
        body = render_paragraph(layers.paragraph_text(p), p.start, inside, colour)
        yield f"¶{p.index} ({p.language}, {p.role})\n{body}\n"
