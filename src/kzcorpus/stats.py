"""Corpus counts, computed from the data every time (the card and README are checked against them)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass
from itertools import combinations
from typing import TYPE_CHECKING

from kzcorpus.benchmark.splits import SPLITS
from kzcorpus.io.cleaned import CleanedLayers
from kzcorpus.io.conllu import Sentence, split_sentence_id
from kzcorpus.io.documents import Document
from kzcorpus.schema.common import LANGUAGES
from kzcorpus.schema.parallel import AlignmentLink
from kzcorpus.schema.stance import POLARITIES, StanceLabel

if TYPE_CHECKING:
    from kzcorpus.corpus import Corpus


@dataclass(frozen=True)
class DocumentStats:
    id: str
    document_type: str
    languages: str
    bytes: int
    characters: int
    lines: int


def document_stats(doc: Document) -> DocumentStats:
    text = doc.raw_text
    return DocumentStats(
        id=doc.id,
        document_type=doc.metadata.document_type,
        languages=",".join(doc.metadata.languages),
        bytes=len(text.encode("utf-8")),
        characters=len(text),
        lines=text.count("\n") + (0 if text.endswith("\n") or not text else 1),
    )


def layer_counts(corpus: Corpus) -> dict[str, dict[str, int]]:
    """Layer → its size, for every layer of the registry that can count itself."""
    from kzcorpus.registry import LAYERS

    return {name: dict(spec.count(corpus.layer(name))) for name, spec in LAYERS.items() if spec.count is not None}


def corpus_stats(docs: Iterable[Document]) -> list[DocumentStats]:
    return [document_stats(d) for d in docs]


def totals(rows: list[DocumentStats]) -> dict[str, int]:
    return {
        "documents": len(rows),
        "bytes": sum(r.bytes for r in rows),
        "characters": sum(r.characters for r in rows),
        "lines": sum(r.lines for r in rows),
    }


def documents_per_language(rows: list[DocumentStats]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for r in rows:
        for lang in r.languages.split(","):
            counts[lang] = counts.get(lang, 0) + 1
    return dict(sorted(counts.items()))


def as_json(rows: list[DocumentStats]) -> dict[str, object]:
    return {
        "documents": [asdict(r) for r in rows],
        "totals": totals(rows),
        "documents_per_language": documents_per_language(rows),
    }


def markdown_table(rows: list[DocumentStats]) -> str:
    """The per-document table used by ``kzcorpus stats``, the README and the dataset card."""
    head = "| document | type | languages | bytes | characters | lines |\n| --- | --- | --- | ---: | ---: | ---: |\n"
    body = "".join(
        f"| `{r.id}` | {r.document_type} | {r.languages} | {r.bytes} | {r.characters} | {r.lines} |\n" for r in rows
    )
    t = totals(rows)
    return (
        head
        + body
        + f"| **total ({t['documents']} documents)** | | | {t['bytes']} | {t['characters']} | {t['lines']} |\n"
    )


@dataclass(frozen=True)
class CleanStats:
    id: str
    characters: int
    paragraphs: int
    footnotes: int
    footnotes_with_text: int
    removed: int
    repairs: int


def clean_stats(cleaned: Mapping[str, CleanedLayers]) -> list[CleanStats]:
    return [
        CleanStats(
            id=doc_id,
            characters=len(lay.text),
            paragraphs=len(lay.paragraphs),
            footnotes=len(lay.footnotes),
            footnotes_with_text=sum(f.text is not None for f in lay.footnotes),
            removed=len(lay.removed),
            repairs=lay.record.repairs,
        )
        for doc_id, lay in cleaned.items()
    ]


def clean_table(rows: list[CleanStats]) -> str:
    """Per-document counts of the cleaning layers (README and dataset card)."""
    head = (
        "| document | clean characters | paragraphs | footnotes (with text) | removed items | repaired letters |\n"
        "| --- | ---: | ---: | ---: | ---: | ---: |\n"
    )
    body = "".join(
        f"| `{r.id}` | {r.characters} | {r.paragraphs} | {r.footnotes} ({r.footnotes_with_text}) "
        f"| {r.removed} | {r.repairs} |\n"
        for r in rows
    )
    tot = [sum(getattr(r, f) for r in rows) for f in ("characters", "paragraphs", "footnotes", "footnotes_with_text")]
    rest = [sum(getattr(r, f) for r in rows) for f in ("removed", "repairs")]
    return head + body + f"| **total** | {tot[0]} | {tot[1]} | {tot[2]} ({tot[3]}) | {rest[0]} | {rest[1]} |\n"


@dataclass(frozen=True)
class LanguageStats:
    language: str
    documents: int
    paragraphs: int
    sentences: int
    tokens: int
    words: int


def annotation_stats(annotated: Mapping[tuple[str, str], Sequence[Sentence]]) -> list[LanguageStats]:
    """Counts per language of the CoNLL-U layer (tokens: surface tokens; words: syntactic words)."""
    out = []
    for lang in LANGUAGES:
        files = {doc: sents for (doc, lg), sents in annotated.items() if lg == lang}
        sents = [s for ss in files.values() for s in ss]
        out.append(
            LanguageStats(
                language=lang,
                documents=len(files),
                paragraphs=len({split_sentence_id(s.sent_id)[:2] for s in sents}),
                sentences=len(sents),
                tokens=sum(len(s.tokens) for s in sents),
                words=sum(s.word_count() for s in sents),
            )
        )
    return out


def annotation_table(rows: list[LanguageStats]) -> str:
    """Per-language counts of the annotation layer (README and dataset card)."""
    fields = ("documents", "paragraphs", "sentences", "tokens", "words")
    head = "| language | " + " | ".join(fields) + " |\n| --- |" + " ---: |" * len(fields) + "\n"
    body = "".join(f"| `{r.language}` | " + " | ".join(str(getattr(r, f)) for f in fields) + " |\n" for r in rows)
    total = [str(sum(getattr(r, f) for r in rows)) for f in fields[1:]]
    return head + body + "| **total** | – | " + " | ".join(total) + " |\n"


def stance_language_table(labels: Sequence[StanceLabel]) -> str:
    """Labels per language and polarity, with distinct spans (README and dataset card)."""
    head = (
        "| language | labels | spans | " + " | ".join(POLARITIES) + " |\n| --- | ---: | ---: |" + " ---: |" * 3 + "\n"
    )
    rows = []
    for lang in (*LANGUAGES, None):
        sel = [x for x in labels if lang is None or x.language == lang]
        name = f"`{lang}`" if lang else "**total**"
        pol = Counter(x.polarity for x in sel)
        spans = len({(x.document, x.start, x.end) for x in sel})
        rows.append(f"| {name} | {len(sel)} | {spans} | " + " | ".join(str(pol[p]) for p in POLARITIES) + " |\n")
    return head + "".join(rows)


def stance_actor_table(labels: Sequence[StanceLabel]) -> str:
    """Labels per actor code as holder and as target, by polarity (most frequent first)."""
    counts: dict[str, Counter[str]] = {}
    for x in labels:
        counts.setdefault(x.holder, Counter())[f"holder {x.polarity}"] += 1
        counts.setdefault(x.target, Counter())[f"target {x.polarity}"] += 1
    cols = [f"{role} {p}" for role in ("holder", "target") for p in POLARITIES]
    head = (
        "| actor | as holder | FAVOR | AGAINST | NEUTRAL | as target | FAVOR | AGAINST | NEUTRAL |\n"
        "| --- |" + " ---: |" * 8 + "\n"
    )

    def total(c: Counter[str], role: str) -> int:
        return sum(c[f"{role} {p}"] for p in POLARITIES)

    order = sorted(counts, key=lambda a: (-(total(counts[a], "holder") + total(counts[a], "target")), a))
    body = "".join(
        f"| `{a}` | {total(counts[a], 'holder')} | "
        + " | ".join(str(counts[a][c]) for c in cols[:3])
        + f" | {total(counts[a], 'target')} | "
        + " | ".join(str(counts[a][c]) for c in cols[3:])
        + " |\n"
        for a in order
    )
    return head + body


def stance_provenance_counts(labels: Sequence[StanceLabel]) -> dict[str, int]:
    c = Counter(x.provenance for x in labels)
    return {k: c[k] for k in ("agreed", "adjudicated", "reviewed")}


def parallel_table(links: Sequence[AlignmentLink]) -> str:
    """Links per language pair (both sides present), sentences per side, and how many are 1–1."""
    head = (
        "| pair | links | sentences (first) | sentences (second) | 1–1 links |\n| --- | ---: | ---: | ---: | ---: |\n"
    )
    rows = []
    for a, b in combinations(LANGUAGES, 2):
        sel = [x for x in links if x.side(a) and x.side(b)]
        n_a, n_b = sum(len(x.side(a)) for x in sel), sum(len(x.side(b)) for x in sel)
        one = sum(len(x.side(a)) == len(x.side(b)) == 1 for x in sel)
        rows.append(f"| {a}–{b} | {len(sel)} | {n_a} | {n_b} | {one} |\n")
    return head + "".join(rows)


def split_table(
    splits: Mapping[str, str],
    annotated: Mapping[tuple[str, str], Sequence[Sentence]],
    labels: Sequence[StanceLabel],
    links: Sequence[AlignmentLink],
) -> str:
    """Documents, sentences per language, stance labels per polarity and parallel links per split."""
    langs = [f"{lang} sentences" for lang in LANGUAGES]
    head = (
        "| split | documents | " + " | ".join(langs) + " | " + " | ".join(POLARITIES) + " | parallel links |\n"
        "| --- |" + " ---: |" * (2 + len(LANGUAGES) + len(POLARITIES)) + "\n"
    )
    rows = []
    for name in (x for x in SPLITS if x in splits.values()):
        docs = sorted(d for d, s in splits.items() if s == name)
        sents = [sum(len(v) for (d, lg), v in annotated.items() if lg == lang and d in docs) for lang in LANGUAGES]
        pol = Counter(x.polarity for x in labels if x.document in docs)
        n_links = sum(x.document in docs for x in links)
        cells = [", ".join(f"`{d}`" for d in docs), *map(str, sents), *(str(pol[p]) for p in POLARITIES)]
        rows.append(f"| {name} | " + " | ".join(cells) + f" | {n_links} |\n")
    return head + "".join(rows)
