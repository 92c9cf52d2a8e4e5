"""Strict reading and checking of hand-written CoNLL-U (the gold passes and the release).

Written for annotators as much as for the build: every problem names the file, the line
and what was expected, and all problems of a file are reported in one run. Checks: ten
tab-separated columns, consecutive word ids, multi-word ranges covering their words,
token forms that spell ``# text`` exactly (``SpaceAfter=No`` where no space follows),
heads inside the sentence, exactly one root, no cycles, closed UPOS set, and (when the
expected sentences are given) the same sent_ids in the same order with the same text.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from kzcorpus.errors import DataError, Problem
from kzcorpus.io.conllu import space_after
from kzcorpus.schema.ud import UPOS_TAGS as UPOS


@dataclass(frozen=True)
class Row:
    """One CoNLL-U token or word line with its line number."""

    line: int
    cols: tuple[str, ...]

    @property
    def id(self) -> str:
        return self.cols[0]

    @property
    def form(self) -> str:
        return self.cols[1]

    @property
    def misc(self) -> dict[str, str]:
        if self.cols[9] == "_":
            return {}
        return dict(item.partition("=")[::2] for item in self.cols[9].split("|"))


@dataclass(frozen=True)
class Block:
    """One sentence as written: comment lines, token/word rows, where it starts."""

    line: int
    comments: tuple[tuple[str, str], ...]
    rows: tuple[Row, ...]
    other_comments: tuple[str, ...] = field(default=())

    def meta(self, key: str) -> str | None:
        return next((v for k, v in self.comments if k == key), None)

    @property
    def sent_id(self) -> str | None:
        return self.meta("sent_id")

    @property
    def text(self) -> str | None:
        return self.meta("text")

    @property
    def words(self) -> list[Row]:
        return [r for r in self.rows if r.id.isdigit()]

    @property
    def tokens(self) -> list[tuple[Row, list[Row]]]:
        """Surface tokens: (token row, its words); a plain word is its own token."""
        out: list[tuple[Row, list[Row]]] = []
        rows = list(self.rows)
        i = 0
        while i < len(rows):
            r = rows[i]
            if "-" in r.id:
                a, _, b = r.id.partition("-")
                n = int(b) - int(a) + 1 if a.isdigit() and b.isdigit() else 0
                out.append((r, rows[i + 1 : i + 1 + n]))
                i += 1 + n
            else:
                out.append((r, [r]))
                i += 1
        return out


def iter_blocks(text: str, path: str) -> Iterator[Block | Problem]:
    """Sentences of a CoNLL-U text; malformed lines come back as problems, not exceptions."""
    comments: list[tuple[str, str]] = []
    other: list[str] = []
    rows: list[Row] = []
    start = 0
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    for n, line in enumerate(lines, start=1):
        if not line.strip():
            if comments or rows:
                yield Block(start, tuple(comments), tuple(rows), tuple(other))
            comments, rows, other, start = [], [], [], 0
            continue
        start = start or n
        if line.startswith("#"):
            key, sep, value = line[1:].strip().partition(" = ")
            if sep:
                comments.append((key.strip(), value))
            else:
                other.append(line)
            continue
        cols = tuple(line.split("\t"))
        if len(cols) != 10:
            yield Problem(path, n, f"expected 10 tab-separated columns, found {len(cols)}")
            continue
        rows.append(Row(n, cols))
    if comments or rows:
        yield Block(start, tuple(comments), tuple(rows), tuple(other))
    if text and not text.endswith("\n\n"):
        yield Problem(path, len(lines), "file must end with a blank line after the last sentence")


def check_block(block: Block, path: str) -> list[Problem]:
    """Everything that can be checked inside one sentence."""
    probs: list[Problem] = []

    def bad(line: int, msg: str) -> None:
        probs.append(Problem(path, line, f"sentence {block.sent_id or '?'}: {msg}"))

    if block.sent_id is None:
        bad(block.line, "no '# sent_id = ...' comment")
    if block.text is None:
        bad(block.line, "no '# text = ...' comment")
    words = block.words
    if not words:
        bad(block.line, "no word lines")
        return probs
    for k, w in enumerate(words, start=1):
        if w.id != str(k):
            bad(w.line, f"word id {w.id!r}, expected {k} (ids run 1, 2, 3, ... without gaps)")
            return probs
    n = len(words)
    for tok, parts in block.tokens:
        if "-" in tok.id:
            a, _, b = tok.id.partition("-")
            ids = [p.id for p in parts]
            if not (a.isdigit() and b.isdigit()) or ids != [str(i) for i in range(int(a), int(b) + 1)]:
                bad(tok.line, f"multi-word range {tok.id!r} must be followed by exactly its words")
            if any(c != "_" for c in tok.cols[2:9]):
                bad(tok.line, "a multi-word range line has '_' in columns 3-9")
            for p in parts:
                if p.misc.get("SpaceAfter"):
                    bad(p.line, "SpaceAfter belongs on the multi-word range line, not on its words")
    probs += _check_text(block, path)
    roots = []
    heads: dict[int, int] = {}
    for w in words:
        wid = int(w.id)
        upos, head, deprel = w.cols[3], w.cols[6], w.cols[7]
        if upos not in UPOS:
            bad(w.line, f"UPOS {upos!r} is not one of the 17 universal tags")
        if w.cols[2] == "" or " " in w.cols[2].strip():
            bad(w.line, "LEMMA is empty or has inner spaces")
        if not head.isdigit() or int(head) > n:
            bad(w.line, f"HEAD {head!r} must be 0..{n}")
            continue
        if int(head) == wid:
            bad(w.line, "a word cannot be its own head")
            continue
        heads[wid] = int(head)
        if int(head) == 0:
            roots.append(w)
            if deprel != "root":
                bad(w.line, f"HEAD 0 needs DEPREL 'root', found {deprel!r}")
        elif deprel == "root":
            bad(w.line, "DEPREL 'root' needs HEAD 0")
        if w.cols[8] != "_":
            bad(w.line, "DEPS must be '_' in this layer")
    if len(roots) != 1:
        bad(block.line, f"expected exactly one root (HEAD 0), found {len(roots)}")
    for wid in heads:
        seen, cur = set(), wid
        while cur in heads and cur not in seen:
            seen.add(cur)
            cur = heads[cur]
        if cur in seen:
            bad(words[wid - 1].line, f"word {wid} is in a cycle of heads")
            break
    return probs


def _check_text(block: Block, path: str) -> list[Problem]:
    """Token forms, joined with a space unless ``SpaceAfter=No``, must spell ``# text``."""
    text = block.text
    if text is None:
        return []
    pos = 0
    for tok, _ in block.tokens:
        form = tok.form
        if text[pos : pos + len(form)] != form:
            return [
                Problem(
                    path,
                    tok.line,
                    f"sentence {block.sent_id}: token {form!r} does not match the text at character {pos} "
                    f"({text[pos : pos + len(form) + 10]!r}...)",
                )
            ]
        pos += len(form)
        if pos >= len(text):
            continue  # spacing after the sentence's last token is outside its text
        found = len(text[pos:]) - len(text[pos:].lstrip(" "))
        gap = space_after(tok.misc)
        if gap != " " * found:
            want = {0: "SpaceAfter=No", 1: "no SpaceAfter in MISC"}.get(found, "SpacesAfter=" + "\\s" * found)
            msg = f"sentence {block.sent_id}: {found} space(s) follow {form!r} in the text: write {want}"
            return [Problem(path, tok.line, msg)]
        pos += found
    if pos != len(text):
        return [Problem(path, block.line, f"sentence {block.sent_id}: tokens end at character {pos} of {len(text)}")]
    return []


def read_expected(path: Path) -> list[tuple[str, str]]:
    """(sent_id, text) pairs of an input file (``# sent_id`` / ``# text`` blocks)."""
    out = []
    for item in iter_blocks(path.read_text(encoding="utf-8"), str(path)):
        if isinstance(item, Block) and item.sent_id is not None and item.text is not None:
            out.append((item.sent_id, item.text))
    return out


def check_text(
    text: str, path: str, expected: Sequence[tuple[str, str]] | None = None
) -> tuple[list[Block], list[Problem]]:
    """All sentences of a CoNLL-U text and all problems found (empty list = clean)."""
    blocks: list[Block] = []
    probs: list[Problem] = []
    for item in iter_blocks(text, path):
        if isinstance(item, Problem):
            probs.append(item)
        else:
            blocks.append(item)
            probs += check_block(item, path)
    if expected is not None:
        got = [(b.sent_id, b.text) for b in blocks]
        ids = {sid for sid, _ in expected}
        for b in blocks:
            if b.sent_id not in ids:
                probs.append(Problem(path, b.line, f"sent_id {b.sent_id!r} is not one of the expected sentences"))
        got_ids = {sid for sid, _ in got}
        for sid, _ in expected:
            if sid not in got_ids:
                probs.append(Problem(path, 0, f"sentence {sid} is missing"))
        exp_text = dict(expected)
        for b in blocks:
            if b.sent_id in exp_text and b.text != exp_text[b.sent_id]:
                probs.append(Problem(path, b.line, f"sentence {b.sent_id}: # text differs from the input sentence"))
        order = [sid for sid, _ in got if sid in ids]
        if order != [sid for sid, _ in expected if sid in got_ids]:
            probs.append(Problem(path, 0, "sentences are not in the order of the input"))
    return blocks, probs


def read_checked(path: Path, expected: Sequence[tuple[str, str]] | None = None) -> list[Block]:
    """Strict read: every problem of the file in one :class:`DataError` (with a count)."""
    blocks, probs = check_text(path.read_text(encoding="utf-8"), str(path), expected)
    if probs:
        listing = "\n".join(str(p) for p in probs[:50])
        raise DataError(f"{len(probs)} problem(s) in hand-annotated CoNLL-U:\n{listing}", path=path)
    return blocks


def render_blocks(blocks: Sequence[Block]) -> str:
    """Blocks back to CoNLL-U text (comments in their order, then rows)."""
    out = []
    for b in blocks:
        lines = [*b.other_comments, *(f"# {k} = {v}" for k, v in b.comments)]
        lines += ["\t".join(r.cols) for r in b.rows]
        out.append("\n".join(lines) + "\n\n")
    return "".join(out)
