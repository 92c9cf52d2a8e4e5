"""A bibliographic index page (web export): keep the title, abstract and keywords; the
menu, breadcrumbs, record fields, disclaimer and footer are recorded as removed.

The page is not hard-wrapped but its shape is not checked either: a short page of menu
bullets and fields can have a short median line.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from kzcorpus.clean.layout.base import BodyLine, Layout, Line, Profile, RemovedLine, strip_traced
from kzcorpus.errors import DataError

BULLET_RE = re.compile(r"^(\s*)•\s*(.+?)\s*$")
FIELD_RE = re.compile(r"^(Authors|Pages|Doi|View|Publication Date|Article Type)\s*:")
TEXT_FIELD_RE = re.compile(r"^(Abstract|Keywords)\s*:\s*")
DISCLAIMER_RE = re.compile(r"^\*\s")
COPYRIGHT_RE = re.compile(r"copyright|©", re.IGNORECASE)
LINK_LABEL_RE = re.compile(r"^[A-Z][A-Z ]+URL$")


def _breadcrumbs(lines: Sequence[Line], bullets: Sequence[int], title: str | None) -> set[int]:
    """The trail journal → issue → article: the last three top-level bullets, when the
    last one repeats the page title."""
    if not bullets or title is None:
        return set()
    last = BULLET_RE.match(lines[bullets[-1]].text)
    if not last or last.group(2) != title:
        return set()
    run = [bullets[-1]]
    for i in reversed(bullets[:-1]):
        m = BULLET_RE.match(lines[i].text)
        if i != run[-1] - 1 or not m or len(m.group(1)) > 2:
            break
        run.append(i)
    return set(run[:3])


def read(lines: Sequence[Line]) -> Layout:
    """Title, abstract and keywords as body lines with fixed roles; the rest removed."""
    out = Layout()
    bullets = [i for i, ln in enumerate(lines) if BULLET_RE.match(ln.text)]
    after_menu = bullets[-1] + 1 if bullets else 0
    title_i = next((i for i in range(after_menu, len(lines)) if not lines[i].blank), None)
    crumbs = _breadcrumbs(lines, bullets, lines[title_i].visible if title_i is not None else None)
    for i, ln in enumerate(lines):
        if ln.blank:
            continue
        text = ln.visible
        if i in crumbs:
            out.removed.append(RemovedLine(ln, "breadcrumb"))
        elif i < after_menu or LINK_LABEL_RE.match(text):
            out.removed.append(RemovedLine(ln, "navigation"))
        elif i == title_i:
            out.body.append(BodyLine(ln, "blank", ln.stripped()))
            out.roles[ln.number] = "title"
        elif FIELD_RE.match(text):
            out.removed.append(RemovedLine(ln, "bibliographic_record"))
        elif m := TEXT_FIELD_RE.match(ln.text):
            out.removed.append(RemovedLine(ln, "field_label", strip_traced(ln.traced[: m.end(0)])))
            out.body.append(BodyLine(ln, "blank", strip_traced(ln.traced[m.end(0) :])))
            out.roles[ln.number] = "abstract" if m.group(1) == "Abstract" else "keywords"
        elif DISCLAIMER_RE.match(text):
            out.removed.append(RemovedLine(ln, "disclaimer"))
        elif COPYRIGHT_RE.search(text):
            out.removed.append(RemovedLine(ln, "copyright"))
        elif title_i is not None and i > title_i:
            out.removed.append(RemovedLine(ln, "site_footer"))
        else:
            raise DataError(f"web page line not understood: {text!r}", line=ln.number)
    return out


PROFILE = Profile(name="web", read=read, hard_wrapped=None)
