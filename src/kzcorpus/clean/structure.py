"""Layout: which raw lines are page furniture, footnotes, web boilerplate or body, and
how body lines join into paragraphs.

Works line by line on the repaired text (a :class:`Traced`, so every decision keeps its
raw offsets). The rules read typography, not words: page numbers ``|166|``, watermark
letters standing alone after them, footnotes that start at the expected next number
after a blank line, line lengths of justified text, section labels. Pure functions; the
pipeline (:mod:`kzcorpus.clean.pipeline`) strings them together.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from itertools import pairwise

from kzcorpus.clean.traced import Traced, concat
from kzcorpus.errors import DataError
from kzcorpus.schema.clean import RemovalReason, Role

PRIVATE_USE_RE = re.compile(r"[\ue000-\uf8ff]")
PAGE_NUMBER_RE = re.compile(r"^\s*\|\d{1,4}\|\s*$")
WATERMARK_MAX = 3  # visible characters of a rotated watermark's fragments
FOOTNOTE_START_RE = re.compile(r"^(\d{1,3}) (?=\S)")
URL_LINE_RE = re.compile(r"^https?://")
URL_TAIL_RE = re.compile(r"https?://\S+$")
URL_CONTINUATION_RE = re.compile(r"^[\w\-./?=&%#~+:;,]+(?:\s|$)")
TERMINAL_RE = re.compile(r"[.!?:;…][’”\"')\]]*\d{0,3}$")
DECIMAL_END_RE = re.compile(r"\d[.,]\d+$")
HEADER_RE = re.compile(r"^\s*date (\d{4}-\d{2}-\d{2})\s+")
"""A news export's header field at the very start of the text (``date 2025-10-25``)."""

SECTION_LABELS = ("Öz", "Özet", "Abstract", "Extended Abstract", "Аннотация", "Giriş", "Sonuç", "Kaynakça")
ABSTRACT_LABELS = ("Öz", "Özet", "Abstract", "Extended Abstract", "Аннотация")
LABEL_LINE_RE = re.compile(r"^\s*(" + "|".join(SECTION_LABELS) + r")\s*$")
INLINE_ABSTRACT_RE = re.compile(r"^\s*(Öz|Özet|Abstract|Аннотация)\s*:")
KEYWORDS_RE = re.compile(r"^\s*(Keywords|Anahtar Kelimeler|Ключевые слова)\s*:")
NUMBERED_HEADING_RE = re.compile(r"^\s*\d{1,2}[.)]\s+[^\W\d_]")
LIST_ITEM_RE = re.compile(r"^\s*[-–•]\s+\S")
WIDTH_WINDOW = 6  # lines either side that set the local text width
SHORT_LINE = 0.8  # a line shorter than this share of the width ends its paragraph

WEB_BULLET_RE = re.compile(r"^(\s*)•\s*(.+?)\s*$")
WEB_FIELD_RE = re.compile(r"^(Authors|Pages|Doi|View|Publication Date|Article Type)\s*:")
WEB_TEXT_FIELD_RE = re.compile(r"^(Abstract|Keywords)\s*:\s*")
WEB_DISCLAIMER_RE = re.compile(r"^\*\s")
WEB_COPYRIGHT_RE = re.compile(r"copyright|©", re.IGNORECASE)
WEB_LINK_LABEL_RE = re.compile(r"^[A-Z][A-Z ]+URL$")


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


@dataclass
class FootnoteDraft:
    number: int
    lines: list[BodyLine] = field(default_factory=list)  # joined like body lines


@dataclass(frozen=True)
class BodyLine:
    line: Line
    gap: str  # "none", "blank" (blank lines before it) or "break" (page furniture/footnotes)
    content: Traced  # the part of the line that is text (labels and headers cut off)

    @property
    def leading_space(self) -> bool:
        return self.line.text[:1].isspace()


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
    return bool(lengths) and lengths[len(lengths) // 2] < 120


def is_terminal(text: str) -> bool:
    t = text.rstrip()
    return bool(TERMINAL_RE.search(t)) and not DECIMAL_END_RE.search(t)


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


def layout_pdf(lines: Sequence[Line]) -> Layout:
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


def layout_flat(lines: Sequence[Line]) -> Layout:
    """Exported news text: one paragraph a line; a header field may open the text."""
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


def _breadcrumbs(lines: Sequence[Line], bullets: Sequence[int], title: str | None) -> set[int]:
    """The trail journal → issue → article: the last three top-level bullets, when the
    last one repeats the page title."""
    if not bullets or title is None:
        return set()
    last = WEB_BULLET_RE.match(lines[bullets[-1]].text)
    if not last or last.group(2) != title:
        return set()
    run = [bullets[-1]]
    for i in reversed(bullets[:-1]):
        m = WEB_BULLET_RE.match(lines[i].text)
        if i != run[-1] - 1 or not m or len(m.group(1)) > 2:
            break
        run.append(i)
    return set(run[:3])


def layout_web(lines: Sequence[Line]) -> Layout:
    """A bibliographic index page: keep the title, abstract and keywords; the menu,
    breadcrumbs, record fields, disclaimer and footer are recorded as removed."""
    out = Layout()
    bullets = [i for i, ln in enumerate(lines) if WEB_BULLET_RE.match(ln.text)]
    after_menu = bullets[-1] + 1 if bullets else 0
    title_i = next((i for i in range(after_menu, len(lines)) if not lines[i].blank), None)
    crumbs = _breadcrumbs(lines, bullets, lines[title_i].visible if title_i is not None else None)
    for i, ln in enumerate(lines):
        if ln.blank:
            continue
        text = ln.visible
        if i in crumbs:
            out.removed.append(RemovedLine(ln, "breadcrumb"))
        elif i < after_menu or WEB_LINK_LABEL_RE.match(text):
            out.removed.append(RemovedLine(ln, "navigation"))
        elif i == title_i:
            out.body.append(BodyLine(ln, "blank", ln.stripped()))
            out.roles[ln.number] = "title"
        elif WEB_FIELD_RE.match(text):
            out.removed.append(RemovedLine(ln, "bibliographic_record"))
        elif m := WEB_TEXT_FIELD_RE.match(ln.text):
            out.removed.append(RemovedLine(ln, "field_label", strip_traced(ln.traced[: m.end(0)])))
            out.body.append(BodyLine(ln, "blank", strip_traced(ln.traced[m.end(0) :])))
            out.roles[ln.number] = "abstract" if m.group(1) == "Abstract" else "keywords"
        elif WEB_DISCLAIMER_RE.match(text):
            out.removed.append(RemovedLine(ln, "disclaimer"))
        elif WEB_COPYRIGHT_RE.search(text):
            out.removed.append(RemovedLine(ln, "copyright"))
        elif title_i is not None and i > title_i:
            out.removed.append(RemovedLine(ln, "site_footer"))
        else:
            raise DataError(f"web page line not understood: {text!r}", line=ln.number)
    return out


def _block_start(text: str) -> bool:
    return bool(KEYWORDS_RE.match(text) or INLINE_ABSTRACT_RE.match(text) or LIST_ITEM_RE.match(text))


def is_heading(text: str) -> bool:
    t = text.strip()
    if LABEL_LINE_RE.match(t):
        return True
    if NUMBERED_HEADING_RE.match(t) and not is_terminal(t) and len(t) < 120:
        return True
    letters = [c for c in t if c.isalpha()]
    return len(letters) >= 8 and all(c.isupper() for c in letters) and len(t.split()) >= 2 and len(t) < 140


def iter_pdf_paragraphs(body: Sequence[BodyLine]) -> Iterator[list[BodyLine]]:
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
            or _block_start(cur.content.text)
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


def join_group(group: Sequence[BodyLine]) -> Traced:
    return _join_pieces([b.content for b in group], [_line_break(b.line) for b in group[:-1]])


def assign_roles(groups: Sequence[list[BodyLine]], fixed: dict[int, Role], pdf: bool) -> list[Role]:
    """Role of each paragraph from its position and typography (checked by a hand list)."""
    roles: list[Role] = []
    section: Role | None = "title" if pdf else None
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
        elif not pdf and not is_terminal(joined) and len(joined) < 120:
            role = "heading"
        else:
            role = "body"
        roles.append(role)
    return roles
