"""Text extracted from PDF papers: hard-wrapped, with page furniture and footnotes.

Page numbers ``|166|``, the running head above them and rotated watermark letters below
them are furniture; a footnote starts at the expected next number after a blank line;
body lines of justified text group into paragraphs by line length, blank lines,
indentation, section labels and numbered headings.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from itertools import pairwise

from kzcorpus.clean.layout.base import (
    INLINE_ABSTRACT_RE,
    LABEL_LINE_RE,
    BodyLine,
    FootnoteDraft,
    Layout,
    Line,
    Profile,
    RemovedLine,
    block_start,
    is_heading,
    is_terminal,
)
from kzcorpus.schema.clean import RemovalReason

PRIVATE_USE_RE = re.compile(r"[\ue000-\uf8ff]")
PAGE_NUMBER_RE = re.compile(r"^\s*\|\d{1,4}\|\s*$")
WATERMARK_MAX = 3  # visible characters of a rotated watermark's fragments
FOOTNOTE_START_RE = re.compile(r"^(\d{1,3}) (?=\S)")
URL_LINE_RE = re.compile(r"^https?://")
WIDTH_WINDOW = 6  # lines either side that set the local text width
SHORT_LINE = 0.8  # a line shorter than this share of the width ends its paragraph


def _private_use_only(line: Line) -> bool:
    return bool(PRIVATE_USE_RE.search(line.text)) and not PRIVATE_USE_RE.sub("", line.text).strip()


def mark_furniture(lines: Sequence[Line]) -> dict[int, RemovalReason]:
    """Page number, the running head above it and the watermark letters below it."""
    marks: dict[int, RemovalReason] = {}
    for i, ln in enumerate(lines):
        if not PAGE_NUMBER_RE.match(ln.text):
            continue
        marks[i] = "page_number"
        j = i - 1
        while j >= 0 and lines[j].blank:
            j -= 1
        if (
            j >= 1
            and j < i - 1
            and lines[j - 1].blank
            and not is_terminal(lines[j].text)
            and len(lines[j].visible) < 100
        ):
            marks[j] = "running_head"
        k = i + 1
        while k < len(lines) and (lines[k].blank or len(lines[k].visible) <= WATERMARK_MAX):
            if not lines[k].blank and not _private_use_only(lines[k]):
                marks[k] = "watermark"
            k += 1
    return marks


def read(lines: Sequence[Line]) -> Layout:
    """Furniture, footnotes and body lines of a hard-wrapped (PDF) document."""
    out = Layout()
    furniture = mark_furniture(lines)
    expected = 1
    in_notes = False
    gap = "none"
    prev_blank = False
    for i, ln in enumerate(lines):
        if i in furniture:
            out.removed.append(RemovedLine(ln, furniture[i]))
            gap, in_notes = "break", False
            continue
        if _private_use_only(ln):
            out.removed.append(RemovedLine(ln, "private_use_glyph"))
            prev_blank = True
            continue
        if ln.blank:
            if in_notes:
                in_notes = False
                gap = "break"
            elif gap == "none":
                gap = "blank"
            prev_blank = True
            continue
        m = FOOTNOTE_START_RE.match(ln.text)
        starts_note = m is not None and int(m.group(1)) == expected
        if in_notes and ln.text[:1].isspace():
            in_notes = False  # the body resumes, indented, below the notes
            gap = "break"
        elif in_notes or (prev_blank and (starts_note or (URL_LINE_RE.match(ln.text) and out.footnotes))):
            if m is not None and starts_note:
                out.footnotes.append(FootnoteDraft(expected))
                expected += 1
                content = ln.stripped()[len(m.group(0)) :]
            else:
                content = ln.stripped()
            out.footnotes[-1].lines.append(BodyLine(ln, "none", content))
            in_notes = True
            prev_blank = False
            continue
        out.body.append(BodyLine(ln, gap, ln.stripped()))
        gap = "none"
        prev_blank = False
    return out


def iter_paragraphs(body: Sequence[BodyLine]) -> Iterator[list[BodyLine]]:
    """Group body lines of justified text into paragraphs.

    A paragraph ends after a line that ends a sentence and is short (the last line of
    a justified paragraph), or that is followed by a blank line outside double-spaced
    text, or by an indented line; headings, labels, keywords and list items stand alone.
    """
    if not body:
        return
    lengths = [b.line.raw_length for b in body]
    front = True  # title lines before the first abstract: a blank line separates them
    group = [body[0]]
    for i, (prev, cur) in enumerate(pairwise(body)):
        p = prev.content.text
        width = max(lengths[max(0, i - WIDTH_WINDOW) : i + WIDTH_WINDOW + 1])  # pages differ in width
        short = prev.line.raw_length < SHORT_LINE * width
        double_spaced = prev.gap == "blank" and cur.gap == "blank" and not short
        if INLINE_ABSTRACT_RE.match(cur.content.text) or LABEL_LINE_RE.match(cur.content.text):
            front = False
        brk = (
            is_heading(p)
            or is_heading(cur.content.text)
            or block_start(cur.content.text)
            or (front and cur.gap != "none")
            or (
                is_terminal(p)
                and (short or (cur.gap == "blank" and not double_spaced) or (cur.leading_space and cur.gap == "none"))
            )
        )
        if brk:
            yield group
            group = []
        group.append(cur)
    yield group


PROFILE = Profile(
    name="pdf",
    read=read,
    hard_wrapped=True,
    paragraphs=iter_paragraphs,
    title_first=True,
    short_line_headings=False,
)
