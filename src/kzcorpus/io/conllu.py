"""CoNLL-U files of the annotation layer: our sentence model, its rendering and reading.

The writer renders one canonical form (10 tab-separated columns, ``_`` for empty,
comments ``# key = value``, a blank line after each sentence) that the ``conllu`` library
reads and writes back byte for byte. Every token carries ``TokenRange=start:end`` in MISC:
its character range in the cleaned document text ``annotations/text/<id>.txt``; words of a
multi-word token carry their token's range. Whitespace other than one space after a token
is recorded UD-style: ``SpaceAfter=No`` for none, ``SpacesAfter=\\s\\s`` etc. otherwise.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from kzcorpus.errors import DataError
from kzcorpus.io.raw import read_text

CONLLU_DIR = "conllu"
TOKENS_DIR = "tokens"
"""Tokens-only CoNLL-U (languages segmented by rules: no tags, HEAD ``_``): kept apart from
``conllu/``, whose files pass the UD validator, because they are not UD-valid."""
SENT_ID_RE = re.compile(r"^(?P<doc>.+)-p(?P<par>\d+)-s(?P<n>\d+)$")
SPACES_ESCAPES = {" ": "\\s", "\t": "\\t", "\n": "\\n", "\r": "\\r", "\\": "\\\\"}
_UNESCAPES = {v: k for k, v in SPACES_ESCAPES.items()}


@dataclass(frozen=True)
class Word:
    form: str
    lemma: str | None = None
    upos: str | None = None
    xpos: str | None = None
    feats: str | None = None
    head: int | None = None
    deprel: str | None = None


@dataclass(frozen=True)
class Token:
    """A surface token: one word, or a multi-word token split into several words."""

    form: str
    start: int
    end: int
    words: tuple[Word, ...]
    space_after: str = " "  # whitespace up to the next token; " " (unmarked) at a paragraph's end

    @property
    def is_multiword(self) -> bool:
        return len(self.words) > 1


@dataclass(frozen=True)
class Sentence:
    sent_id: str
    text: str
    tokens: tuple[Token, ...]
    comments: tuple[tuple[str, str], ...] = field(default=())  # (key, value) printed before sent_id

    @property
    def start(self) -> int:
        return self.tokens[0].start

    @property
    def end(self) -> int:
        return self.tokens[-1].end

    def word_count(self) -> int:
        return sum(len(t.words) for t in self.tokens)


def conllu_relpath(doc_id: str, lang: str, folder: str = CONLLU_DIR) -> str:
    return f"{folder}/{doc_id}.{lang}.conllu"


def split_conllu_name(name: str) -> tuple[str, str]:
    """``<document>.<lang>.conllu`` → (document, lang); the inverse of :func:`conllu_relpath`."""
    doc_id, _, lang = name.removesuffix(".conllu").rpartition(".")
    return doc_id, lang


def paragraph_id(doc_id: str, paragraph: int) -> str:
    return f"{doc_id}-p{paragraph}"


def sentence_id(doc_id: str, paragraph: int, n: int) -> str:
    """``<document>-p<paragraph index>-s<n>``: stable while the cleaned paragraphs are."""
    return f"{paragraph_id(doc_id, paragraph)}-s{n}"


def split_sentence_id(sent_id: str) -> tuple[str, int, int]:
    """(document, paragraph index, n) from a :func:`sentence_id`."""
    m = SENT_ID_RE.match(sent_id)
    if m is None:
        raise ValueError(f"sent_id {sent_id!r} is not <document>-p<paragraph>-s<n>")
    return m["doc"], int(m["par"]), int(m["n"])


def escape_spaces(gap: str) -> str:
    return "".join(SPACES_ESCAPES.get(c, c) for c in gap)


def unescape_spaces(value: str) -> str:
    out, i = [], 0
    while i < len(value):
        pair = value[i : i + 2]
        if pair in _UNESCAPES:
            out.append(_UNESCAPES[pair])
            i += 2
        else:
            out.append(value[i])
            i += 1
    return "".join(out)


def _col(value: object) -> str:
    return "_" if value is None or value == "" else str(value)


def _space_misc(gap: str) -> list[str]:
    if gap == " ":
        return []
    if gap == "":
        return ["SpaceAfter=No"]
    return [f"SpacesAfter={escape_spaces(gap)}"]


def render_sentence(sent: Sentence) -> str:
    lines = [f"# {k} = {v}" for k, v in sent.comments]
    lines += [f"# sent_id = {sent.sent_id}", f"# text = {sent.text}"]
    n = 0
    for tok in sent.tokens:
        token_range = f"TokenRange={tok.start}:{tok.end}"
        space = _space_misc(tok.space_after)
        if tok.is_multiword:
            first = n + 1
            n += len(tok.words)
            lines.append(f"{first}-{n}\t{tok.form}\t_\t_\t_\t_\t_\t_\t_\t{'|'.join([*space, token_range])}")
            for k, w in enumerate(tok.words):
                lines.append(_word_line(first + k, w, token_range))
        else:
            n += 1
            lines.append(_word_line(n, tok.words[0], "|".join([*space, token_range])))
    return "\n".join(lines) + "\n\n"


def _word_line(idx: int, w: Word, misc: str) -> str:
    cols = [str(idx), w.form, _col(w.lemma), _col(w.upos), _col(w.xpos), _col(w.feats)]
    cols += [_col(w.head), _col(w.deprel), "_", misc or "_"]
    return "\t".join(cols)


def render_file(sentences: Iterable[Sentence]) -> str:
    return "".join(render_sentence(s) for s in sentences)


def iter_conllu(path: Path) -> Iterator[tuple[int, object]]:
    """Stream ``(line number, conllu.TokenList)`` from a file, with parse errors located."""
    import conllu

    text = read_text(path)
    line_no = 1
    for block in text.split("\n\n"):
        if not block.strip():
            line_no += block.count("\n") + 2
            continue
        for k, line in enumerate(block.split("\n")):
            n_cols = len(line.split("\t"))
            if line and not line.startswith("#") and n_cols != 10:
                raise DataError(f"expected 10 tab-separated columns, found {n_cols}", path=path, line=line_no + k)
        try:
            sentence = conllu.parse(block + "\n\n")[0]
        except Exception as exc:  # conllu raises ParseException and ValueError
            raise DataError(f"not valid CoNLL-U ({exc})", path=path, line=line_no) from exc
        yield line_no, sentence
        line_no += block.count("\n") + 2


def _none(value: object) -> str | None:
    return None if value in (None, "_") else str(value)


def _feats(value: object) -> str | None:
    if not value:
        return None
    return "|".join(f"{k}={v}" for k, v in value.items())  # type: ignore[attr-defined]


def space_after(misc: dict[str, str]) -> str:
    """The whitespace a token's MISC says follows it (UD's ``SpaceAfter`` / ``SpacesAfter``)."""
    if misc.get("SpaceAfter") == "No":
        return ""
    if "SpacesAfter" in misc:
        return unescape_spaces(misc["SpacesAfter"])
    return " "


def to_sentence(tokenlist: object) -> Sentence:
    """Our model from a ``conllu.TokenList`` (the reverse of :func:`render_sentence`)."""
    meta = dict(tokenlist.metadata)  # type: ignore[attr-defined]
    sent_id, text = meta.pop("sent_id"), meta.pop("text")
    tokens: list[Token] = []
    items = list(tokenlist)  # type: ignore[call-overload]
    i = 0
    while i < len(items):
        tok = items[i]
        misc = dict(tok["misc"] or {})
        start, _, end = misc["TokenRange"].partition(":")
        if isinstance(tok["id"], tuple):
            n = tok["id"][2] - tok["id"][0] + 1
            parts, i = items[i + 1 : i + 1 + n], i + 1 + n
        else:
            parts, i = [tok], i + 1
        words = tuple(
            Word(
                form=w["form"],
                lemma=_none(w["lemma"]),
                upos=_none(w["upos"]),
                xpos=_none(w["xpos"]),
                feats=_feats(w["feats"]),
                head=w["head"] if isinstance(w["head"], int) else None,
                deprel=_none(w["deprel"]),
            )
            for w in parts
        )
        tokens.append(Token(tok["form"], int(start), int(end), words, space_after(misc)))
    return Sentence(sent_id, text, tuple(tokens), tuple(meta.items()))


def read_sentences(path: Path) -> list[Sentence]:
    """Every sentence of a CoNLL-U file written by :func:`render_file`."""
    out = []
    for line, tl in iter_conllu(path):
        try:
            out.append(to_sentence(tl))
        except (KeyError, ValueError) as exc:
            raise DataError(
                f"sentence lacks {exc} (sent_id, text and TokenRange are required)", path=path, line=line
            ) from exc
    return out


def check_ranges(sentences: Iterable[Sentence], text: str, path: Path) -> None:
    """Every token's range slices the cleaned text to its form; ``# text`` is its slice."""
    for s in sentences:
        for t in s.tokens:
            if text[t.start : t.end] != t.form:
                raise DataError(
                    f"sentence {s.sent_id}: token {t.form!r} has TokenRange={t.start}:{t.end}, "
                    f"which slices the cleaned text to {text[t.start : t.end]!r}",
                    path=path,
                )
        if text[s.start : s.end] != s.text:
            raise DataError(f"sentence {s.sent_id}: # text is not the cleaned text {s.start}:{s.end}", path=path)


def load_annotation(
    base: Path, texts: dict[str, str], folders: Sequence[str] = (CONLLU_DIR, TOKENS_DIR)
) -> dict[tuple[str, str], list[Sentence]]:
    """A shipped CoNLL-U layer (the files in ``base/<folder>``), (document, language) →
    sentences, checked against ``texts``; the automatic layer (UD files and tokens-only
    files) by default, the gold layer with ``folders=("gold",)``."""
    out: dict[tuple[str, str], list[Sentence]] = {}
    seen: set[str] = set()
    paths = sorted((p for folder in folders for p in (base / folder).glob("*.conllu")), key=lambda p: p.name)
    for path in paths:
        doc_id, lang = split_conllu_name(path.name)
        if doc_id not in texts:
            raise DataError(f"no cleaned text for document {doc_id!r}; expected <document>.<lang>.conllu", path=path)
        sentences = read_sentences(path)
        check_ranges(sentences, texts[doc_id], path)
        for s in sentences:
            if s.sent_id in seen:
                raise DataError(f"sent_id {s.sent_id} occurs twice", path=path)
            seen.add(s.sent_id)
        out[(doc_id, lang)] = sentences
    return out
