"""Checks of the hand-made alignment against the CoNLL-U layer, and the texts per link.

Strict: a link to a sentence that does not exist, a sentence on the side of another
language, a sentence outside the passage's kind (title, heading, abstract, keywords),
a copied paragraph, or a sentence used twice fails the build, naming file and line.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from kzcorpus.errors import DataError, Problem
from kzcorpus.io.cleaned import CleanedLayers
from kzcorpus.io.conllu import Sentence, split_sentence_id
from kzcorpus.io.documents import Document
from kzcorpus.io.jsonl import Located, read_located
from kzcorpus.paths import annotations_dir
from kzcorpus.schema.common import LANGUAGES, Language
from kzcorpus.schema.parallel import AlignmentLink

ALIGNMENT = "parallel/alignment.jsonl"
"""The hand-made alignment, relative to ``annotations/``."""

RECORD_RELATION = "bibliographic_record_of"
"""A document with this relation may supply sides (e.g. a title) for the article it describes."""


@dataclass(frozen=True)
class SentenceInfo:
    document: str
    language: str
    role: str
    duplicate: bool
    text: str


def sentence_index(
    annotated: Mapping[tuple[str, str], Sequence[Sentence]], cleaned: Mapping[str, CleanedLayers]
) -> dict[str, SentenceInfo]:
    out = {}
    for (doc_id, lang), sentences in annotated.items():
        paragraphs = {p.index: p for p in cleaned[doc_id].paragraphs}
        for s in sentences:
            p = paragraphs[split_sentence_id(s.sent_id)[1]]
            out[s.sent_id] = SentenceInfo(doc_id, lang, p.role, p.duplicate_of is not None, s.text)
    return out


def read_alignment(root: Path | None = None) -> list[Located[AlignmentLink]]:
    return read_located(annotations_dir(root) / ALIGNMENT, AlignmentLink)


def record_owners(documents: Sequence[Document]) -> dict[str, str]:
    """Document id → the article it is a bibliographic record of."""
    return {d.id: r.target for d in documents for r in d.metadata.relations if r.type == RECORD_RELATION}


def sentence_problem(
    sid: str, lang: str, link: AlignmentLink, info: SentenceInfo | None, owners: Mapping[str, str]
) -> str | None:
    """Why ``sid`` cannot stand on the ``lang`` side of ``link``, or None."""
    if info is None:
        return f"sentence id {sid!r} ({lang} side) does not exist in the CoNLL-U layer"
    if info.language != lang:
        return f"sentence {sid} is {info.language}, listed on the {lang} side; a link's sides must differ in language"
    if info.document != link.document and owners.get(info.document) != link.document:
        return f"sentence {sid} is in {info.document}, not {link.document} or a record of it"
    if info.role != link.segment:
        return f"sentence {sid} is in a {info.role} paragraph; expected {link.segment}"
    if info.duplicate:
        return f"sentence {sid} is in a paragraph that repeats another; duplicates are excluded"
    return None


def iter_link_problems(
    links: Sequence[Located[AlignmentLink]], sentences: Mapping[str, SentenceInfo], owners: Mapping[str, str]
) -> Iterator[Problem]:
    first_line: dict[str, int] = {}
    used: dict[str, str] = {}
    for loc in links:
        link = loc.record
        if first_line.setdefault(link.id, loc.line) != loc.line:
            yield loc.problem(f"link {link.id}: id already used at line {first_line[link.id]}")
        for lang in LANGUAGES:
            ids = link.side(lang)
            for sid in ids:
                problem = sentence_problem(sid, lang, link, sentences.get(sid), owners)
                if problem:
                    yield loc.problem(f"link {link.id}: {problem}")
                elif used.setdefault(sid, link.id) != link.id:
                    yield loc.problem(f"link {link.id}: sentence {sid} is already aligned in link {used[sid]}")
            if ids and not _consecutive(ids):
                yield loc.problem(f"link {link.id}: the {lang} side {list(ids)} is not a run of consecutive sentences")
        if sum(bool(link.side(lang)) for lang in LANGUAGES) < 2 and not link.note:
            yield loc.problem(f"link {link.id}: one side only; an unaligned sentence needs a note saying why")


def _consecutive(ids: Sequence[str]) -> bool:
    parts = [split_sentence_id(s) for s in ids]
    return all(a[:2] == b[:2] and b[2] == a[2] + 1 for a, b in itertools.pairwise(parts))


def load_links(
    root: Path | None,
    documents: Sequence[Document],
    cleaned: Mapping[str, CleanedLayers],
    annotated: Mapping[tuple[str, str], Sequence[Sentence]],
) -> tuple[list[AlignmentLink], dict[str, SentenceInfo]]:
    """The validated links and the sentence index they point into; raises listing every problem."""
    located = read_alignment(root)
    sentences = sentence_index(annotated, cleaned)
    problems = list(iter_link_problems(located, sentences, record_owners(documents)))
    if problems:
        raise DataError("invalid alignment links:\n" + "\n".join(map(str, problems)))
    return [loc.record for loc in located], sentences


def side_text(link: AlignmentLink, lang: Language, sentences: Mapping[str, SentenceInfo]) -> str:
    """The side's sentences joined by a space; empty when the side is empty."""
    return " ".join(sentences[sid].text for sid in link.side(lang))
