"""What every layout profile shares: lines with raw offsets, the layout a profile reads
(body, footnotes, removed lines), joining lines into paragraph text, paragraph roles,
and the :class:`Profile` description itself.

The rules read typography, not words. Section labels and heading shapes live here, not
in one profile, because :func:`assign_roles` reads them for every profile's paragraphs.
Imports flow one way: this module ← the profile modules ← the registry ← the pipeline.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import pairwise

from kzcorpus.clean.traced import Traced, concat
from kzcorpus.errors import DataError
from kzcorpus.schema.clean import RemovalReason, Role

HARD_WRAP_MEDIAN = 120  # a median line shorter than this (raw characters) is hard-wrapped text
URL_TAIL_RE = re.compile(r"https?://\S+$")
URL_CONTINUATION_RE = re.compile(r"^[\w\-./?=&%#~+:;,]+(?:\s|$)")
TERMINAL_RE = re.compile(r"[.!?:;…][’”\"')\]]*\d{0,3}$")
DECIMAL_END_RE = re.compile(r"\d[.,]\d+$")

SECTION_LABELS = ("Öz", "Özet", "Abstract", "Extended Abstract", "Аннотация", "Giriş", "Sonuç", "Kaynakça")
ABSTRACT_LABELS = ("Öz", "Özet", "Abstract", "Extended Abstract", "Аннотация")
LABEL_LINE_RE = re.compile(r"^\s*(" + "|".join(SECTION_LABELS) + r")\s*$")
INLINE_ABSTRACT_RE = re.compile(r"^\s*(Öz|Özet|Abstract|Аннотация)\s*:")
KEYWORDS_RE = re.compile(r"^\s*(Keywords|Anahtar Kelimeler|Ключевые слова)\s*:")
NUMBERED_HEADING_RE = re.compile(r"^\s*\d{1,2}[.)]\s+[^\W\d_]")
LIST_ITEM_RE = re.compile(r"^\s*[-–•]\s+\S")


# --- lines and the layout a profile reads ---------------------------------------------


@dataclass(frozen=True)
class Line:
    number: int  # 1-based line of the raw file
    traced: Traced  # without its line break

    @property
    def text(self) -> str:
        return self.traced.text

    @property
    def visible(self) -> str:
        return self.text.strip()

    @property
    def blank(self) -> bool:
        return not self.visible

    @property
    def raw_length(self) -> int:
        """Length in the raw file (the repair shortens lines; layout is about the page)."""
        s, e = self.traced.raw_span()
        return e - s

    def stripped(self) -> Traced:
        return strip_traced(self.traced)


def strip_traced(t: Traced) -> Traced:
    lead = len(t.text) - len(t.text.lstrip())
    return t[lead : lead + len(t.text.strip())]


@dataclass(frozen=True)
class RemovedLine:
    line: Line
    reason: RemovalReason
    part: Traced | None = None  # only this part of the line (default: its visible text)


@dataclass(frozen=True)
class BodyLine:
    line: Line
    gap: str  # "none", "blank" (blank lines before it) or "break" (page furniture/footnotes)
    content: Traced  # the part of the line that is text (labels and headers cut off)

    @property
    def leading_space(self) -> bool:
        return self.line.text[:1].isspace()


@dataclass
class FootnoteDraft:
    number: int
    lines: list[BodyLine] = field(default_factory=list)  # joined like body lines


@dataclass
class Layout:
    body: list[BodyLine] = field(default_factory=list)
    footnotes: list[FootnoteDraft] = field(default_factory=list)
    removed: list[RemovedLine] = field(default_factory=list)
    roles: dict[int, Role] = field(default_factory=dict)  # line number → fixed role (web pages)


def split_lines(traced: Traced, raw: str) -> list[Line]:
    lines, pos = [], 0
    for chunk in traced.text.split("\n"):
        t = traced[pos : pos + len(chunk)]
        raw_pos = t.raw_span()[0] if chunk else (traced.starts[pos] if pos < len(traced) else len(raw))
        lines.append(Line(raw.count("\n", 0, raw_pos) + 1, t))
        pos += len(chunk) + 1
    return lines


def is_hard_wrapped(lines: Sequence[Line]) -> bool:
    """PDF text breaks lines inside paragraphs; exported web/news text does not."""
    lengths = sorted(ln.raw_length for ln in lines if not ln.blank)
    return bool(lengths) and lengths[len(lengths) // 2] < HARD_WRAP_MEDIAN


def is_terminal(text: str) -> bool:
    t = text.rstrip()
    return bool(TERMINAL_RE.search(t)) and not DECIMAL_END_RE.search(t)


# --- joining lines into paragraph text ------------------------------------------------


def _join_pieces(pieces: Sequence[Traced], breaks: Sequence[Traced]) -> Traced:
    """Join stripped line texts; a line-final hyphen is real (kept, no space), a URL
    broken across lines is rejoined, anything else gets one space for the line break."""
    out = [pieces[0]]
    for (prev, nxt), brk in zip(pairwise(pieces), breaks, strict=True):
        glue = "" if prev.text.endswith("-") or _url_continues(prev.text, nxt.text) else " "
        out.append(Traced.inserted(glue, *brk.raw_span()) if glue else brk[0:0])
        out.append(nxt)
    return concat(out)


def _url_continues(prev: str, nxt: str) -> bool:
    return bool(URL_TAIL_RE.search(prev)) and not prev.endswith((",", ";")) and bool(URL_CONTINUATION_RE.match(nxt))


def _line_break(line: Line) -> Traced:
    """The raw whitespace after a line's text (trailing spaces and the newline)."""
    s = line.stripped()
    end = s.raw_span()[1] if len(s) else line.traced.raw_span()[0]
    full_end = line.traced.raw_span()[1] + 1
    return Traced.inserted(" ", end, full_end)


def join_group(group: Sequence[BodyLine]) -> Traced:
    return _join_pieces([b.content for b in group], [_line_break(b.line) for b in group[:-1]])


def one_line_a_paragraph(body: Sequence[BodyLine]) -> Iterator[list[BodyLine]]:
    """Paragraph grouping of text that is not hard-wrapped: each body line stands alone."""
    for b in body:
        yield [b]


# --- paragraph roles ------------------------------------------------------------------


def block_start(text: str) -> bool:
    """Keywords, an inline abstract label or a list item: a paragraph of its own."""
    return bool(KEYWORDS_RE.match(text) or INLINE_ABSTRACT_RE.match(text) or LIST_ITEM_RE.match(text))


def is_heading(text: str) -> bool:
    t = text.strip()
    if LABEL_LINE_RE.match(t):
        return True
    if NUMBERED_HEADING_RE.match(t) and not is_terminal(t) and len(t) < 120:
        return True
    letters = [c for c in t if c.isalpha()]
    return len(letters) >= 8 and all(c.isupper() for c in letters) and len(t.split()) >= 2 and len(t) < 140


def assign_roles(groups: Sequence[list[BodyLine]], fixed: dict[int, Role], profile: Profile) -> list[Role]:
    """Role of each paragraph from its position and typography (checked by a hand list)."""
    roles: list[Role] = []
    section: Role | None = "title" if profile.title_first else None
    for gi, g in enumerate(groups):
        text = g[0].content.text
        joined = " ".join(b.content.text for b in g)
        nxt = groups[gi + 1][0].content.text if gi + 1 < len(groups) else ""
        if g[0].line.number in fixed:
            role = fixed[g[0].line.number]
        elif KEYWORDS_RE.match(text):
            role, section = "keywords", None
        elif INLINE_ABSTRACT_RE.match(text):
            role, section = "abstract", "abstract"
        elif LABEL_LINE_RE.match(joined):
            role = "heading"
            section = "abstract" if joined.strip() in ABSTRACT_LABELS else "body"
        elif LIST_ITEM_RE.match(text):
            role = "list_item"
        elif is_heading(joined):
            nxt_label = LABEL_LINE_RE.match(nxt) or INLINE_ABSTRACT_RE.match(nxt)
            role = "title" if (section == "title" or nxt_label) else "heading"
            if role == "heading":
                section = "body"
        elif section == "title":
            role = "title"
        elif section == "abstract":
            role = "abstract"
        elif profile.short_line_headings and not is_terminal(joined) and len(joined) < 120:
            role = "heading"
        else:
            role = "body"
        roles.append(role)
    return roles


# --- the profile description ----------------------------------------------------------


@dataclass(frozen=True)
class Profile:
    """How one kind of source is read; a new kind is a new module with one of these.

    ``hard_wrapped`` is the source shape the profile expects (``None``: either), so a
    hard-wrapped text read one line a paragraph, or the reverse, fails instead of
    silently merging or splitting paragraphs.
    """

    name: str
    read: Callable[[Sequence[Line]], Layout]  # furniture, notes, removed lines and body lines
    hard_wrapped: bool | None
    paragraphs: Callable[[Sequence[BodyLine]], Iterator[list[BodyLine]]] = one_line_a_paragraph
    title_first: bool = False  # roles start in a title section (a paper's front matter)
    short_line_headings: bool = True  # an unterminated short paragraph is a heading (one line a paragraph)

    def check(self, lines: Sequence[Line]) -> None:
        """Refuse a source whose shape this profile does not read."""
        if self.hard_wrapped is None or is_hard_wrapped(lines) == self.hard_wrapped:
            return
        shapes = {True: f"hard-wrapped (median line under {HARD_WRAP_MEDIAN} characters)", False: "not hard-wrapped"}
        raise DataError(
            f"layout profile {self.name!r} reads text that is {shapes[self.hard_wrapped]}, "
            f"but the source is {shapes[not self.hard_wrapped]}",
            field="layout",
        )
