"""Exported news text: one paragraph a line; a header field may open the text."""

from __future__ import annotations

import re
from collections.abc import Sequence

from kzcorpus.clean.layout.base import BodyLine, Layout, Line, Profile, RemovedLine, strip_traced

HEADER_RE = re.compile(r"^\s*date (\d{4}-\d{2}-\d{2})\s+")
"""A news export's header field at the very start of the text (``date 2025-10-25``)."""


def read(lines: Sequence[Line]) -> Layout:
    """Body lines, blank lines kept as gaps; the opening header field recorded as removed."""
    out = Layout()
    gap = "none"
    for i, ln in enumerate(lines):
        if ln.blank:
            gap = "blank"
            continue
        content = ln.stripped()
        if i == 0 and (m := HEADER_RE.match(ln.text)):
            out.removed.append(RemovedLine(ln, "header_metadata", strip_traced(ln.traced[: m.end(0)])))
            content = strip_traced(ln.traced[m.end(0) :])
        out.body.append(BodyLine(ln, gap, content))
        gap = "none"
    return out


PROFILE = Profile(name="flat", read=read, hard_wrapped=False)
