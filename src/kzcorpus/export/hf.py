"""The Hugging Face dataset folder: JSON Lines per config plus the card.

JSON Lines rather than Parquet because the bytes are reproducible across library
versions (a fresh build must equal the shipped files) and diff well in git; the card's
``dataset_info`` gives ``datasets`` the typed features.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from kzcorpus.annotate.corpus import RULE_LANGUAGES
from kzcorpus.benchmark.splits import SPLITS
from kzcorpus.export.card import LICENSE_FILE, license_file, render_card
from kzcorpus.export.croissant import CROISSANT_FILE, croissant
from kzcorpus.export.mt import mt_files
from kzcorpus.export.parquet import parquet_files
from kzcorpus.export.ud import ud_files
from kzcorpus.io.cleaned import CleanedLayers
from kzcorpus.io.conllu import Sentence, render_sentence, split_sentence_id
from kzcorpus.io.documents import Document
from kzcorpus.io.jsonl import render_jsonl
from kzcorpus.io.stance import label_row
from kzcorpus.parallel.align import SentenceInfo, side_text
from kzcorpus.schema.common import LANGUAGES
from kzcorpus.schema.parallel import AlignmentLink
from kzcorpus.schema.stance import StanceLabel

if TYPE_CHECKING:
    from kzcorpus.corpus import Corpus

CARD_NAME = "README.md"
CITATION = (
    "kzcorpus maintainers (2026). kzcorpus: an annotated Turkish-English corpus on Kazakhstan's foreign policy. "
    "Dataset, see CITATION.cff."
)


def iter_document_rows(docs: Iterable[Document], cleaned: Mapping[str, CleanedLayers]) -> Iterator[dict[str, Any]]:
    for doc in docs:
        row = doc.metadata.model_dump(mode="json")
        row["raw_text"] = doc.raw_text
        row["text"] = cleaned[doc.id].text
        yield row


def iter_paragraph_rows(docs: Iterable[Document], cleaned: Mapping[str, CleanedLayers]) -> Iterator[dict[str, Any]]:
    for doc in docs:
        layers = cleaned[doc.id]
        for p in layers.paragraphs:
            yield p.model_dump(mode="json") | {"text": layers.paragraph_text(p)}


def iter_footnote_rows(docs: Iterable[Document], cleaned: Mapping[str, CleanedLayers]) -> Iterator[dict[str, Any]]:
    """Footnotes without their offset maps (those stay in annotations/footnotes.jsonl)."""
    for doc in docs:
        for f in cleaned[doc.id].footnotes:
            yield f.model_dump(mode="json", exclude={"offset_map"})


GOLD_ANNOTATION = "gold-language-model"
"""``annotation`` of the gold rows: made by reading (two passes + adjudication), by a language model."""


def iter_sentence_rows(
    annotated: Mapping[tuple[str, str], Sequence[Sentence]], annotation: str | None = None
) -> Iterator[dict[str, Any]]:
    """One row per sentence: surface tokens with offsets, and UD words pointing at their token.

    ``annotation`` names who made the layer; by default ``automatic`` (Stanza) or
    ``rule-based`` (tokens only) per language.
    """
    for (doc_id, lang), sentences in sorted(annotated.items()):
        method = annotation or ("rule-based" if lang in RULE_LANGUAGES else "automatic")
        for s in sentences:
            words = [(i, w) for i, t in enumerate(s.tokens) for w in t.words]
            _check_vocabulary(s, [w for _, w in words])
            yield {
                "id": s.sent_id,
                "document": doc_id,
                "paragraph": split_sentence_id(s.sent_id)[1],
                "language": lang,
                "annotation": method,
                "start": s.start,
                "end": s.end,
                "text": s.text,
                "tokens": [t.form for t in s.tokens],
                "token_starts": [t.start for t in s.tokens],
                "token_ends": [t.end for t in s.tokens],
                "words": [w.form for _, w in words],
                "word_token": [i for i, _ in words],
                "lemmas": [w.lemma for _, w in words],
                "upos": [w.upos for _, w in words],
                "xpos": [w.xpos for _, w in words],
                "feats": [w.feats for _, w in words],
                "head": [w.head for _, w in words],
                "deprel": [w.deprel for _, w in words],
            }


def _check_vocabulary(sentence: Sentence, words: Sequence[Any]) -> None:
    """UPOS and relations must be in the closed lists the card declares (class labels)."""
    from kzcorpus.errors import DataError
    from kzcorpus.schema.ud import DEPRELS, UPOS_TAGS

    for n, w in enumerate(words, start=1):
        if w.upos is not None and w.upos not in UPOS_TAGS:
            raise DataError(f"sentence {sentence.sent_id}, word {n}: UPOS {w.upos!r} is not a UD tag")
        if w.deprel is not None and w.deprel not in DEPRELS:
            raise DataError(
                f"sentence {sentence.sent_id}, word {n}: relation {w.deprel!r} is not in kzcorpus.schema.ud.DEPRELS "
                "(UD's relations and the IMST/EWT subtypes); add it there if it is a documented UD subtype"
            )


def iter_ud_rows(annotated: Mapping[tuple[str, str], Sequence[Sentence]]) -> Iterator[tuple[str, dict[str, Any]]]:
    """(document, row) in the Hub's ``universal_dependencies`` schema, Turkish and English only.

    As that dataset builds its rows (with the ``conllu`` library): one entry per CoNLL-U
    line, multi-word range lines included (UPOS ``_``); LEMMA/UPOS/XPOS/DEPREL as written;
    FEATS, HEAD, DEPS and MISC as the string form of the parsed value (``"{'Case': 'Nom'}"``,
    ``"None"``). MISC keeps ``TokenRange``, the offsets into the cleaned text.
    """
    import conllu

    for (doc_id, lang), sentences in sorted(annotated.items()):
        if lang in RULE_LANGUAGES:
            continue
        for s in sentences:
            text = render_sentence(s)
            rows = [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]
            parsed = conllu.parse(text)[0]
            yield (
                doc_id,
                {
                    "idx": s.sent_id,
                    "text": s.text,
                    "tokens": [r[1] for r in rows],
                    "lemmas": [r[2] for r in rows],
                    "upos": [r[3] for r in rows],
                    "xpos": [r[4] for r in rows],
                    "feats": [str(t["feats"]) for t in parsed],
                    "head": [str(t["head"]) for t in parsed],
                    "deprel": [r[7] for r in rows],
                    "deps": [str(t["deps"]) for t in parsed],
                    "misc": [str(t["misc"]) for t in parsed],
                },
            )


def iter_stance_rows(labels: Iterable[StanceLabel]) -> Iterator[dict[str, Any]]:
    """One row per label, fields as in ``annotations/stance.jsonl``."""
    for lab in labels:
        yield label_row(lab)


def iter_stance_sentence_rows(
    annotated: Mapping[tuple[str, str], Sequence[Sentence]], labels: Sequence[StanceLabel]
) -> Iterator[dict[str, Any]]:
    """One row per sentence with the distinct (holder, target, polarity) of the labels it
    overlaps: the classification view. Sentences without a stance have an empty list."""
    by_sentence: dict[str, list[StanceLabel]] = {}
    for lab in labels:
        for sid in lab.sentences:
            by_sentence.setdefault(sid, []).append(lab)
    for (doc_id, lang), sentences in sorted(annotated.items()):
        for s in sentences:
            found = by_sentence.get(s.sent_id, [])
            triples = sorted({(x.holder, x.target, x.polarity) for x in found})
            yield {
                "id": s.sent_id,
                "document": doc_id,
                "paragraph": split_sentence_id(s.sent_id)[1],
                "language": lang,
                "text": s.text,
                "stances": [{"holder": h, "target": t, "polarity": p} for h, t, p in triples],
                "labels": sorted(x.id for x in found),
            }


def iter_parallel_rows(
    links: Iterable[AlignmentLink], sentences: Mapping[str, SentenceInfo]
) -> Iterator[dict[str, Any]]:
    """One row per alignment link: the text of each side (empty where a side is missing)."""
    for x in links:
        yield {
            "id": x.id,
            "document": x.document,
            "segment": x.segment,
            "type": x.link_type,
            **{lang: side_text(x, lang, sentences) for lang in LANGUAGES},
            **{f"{lang}_ids": list(x.side(lang)) for lang in LANGUAGES},
            "method": x.method,
            "annotator": x.annotator,
            "verified_by": x.verified_by,
            "note": x.note,
        }


def with_split(
    rows: Iterable[dict[str, Any]], splits: Mapping[str, str], folds: Mapping[str, int]
) -> Iterator[dict[str, Any]]:
    """Add the document's benchmark ``split`` and leave-one-group-out ``fold`` to each row."""
    for row in rows:
        yield row | {"split": splits[row["document"]], "fold": folds[row["document"]]}


HF_SPLIT_NAMES = {"train": "train", "dev": "validation", "test": "test"}
"""Benchmark split → Hugging Face split name. The ``split`` column and ``kzcorpus evaluate
--split`` keep UD's ``dev``; the Hub's convention (and ``datasets``' ``Split.VALIDATION``)
names the held-out development split ``validation``, so the files and the card do."""
HF_SPLITS = tuple(HF_SPLIT_NAMES[s] for s in SPLITS)

SPLIT_CONFIGS = ("sentences", "sentences_gold", "stance", "stance_sentences", "parallel")
"""Sentence- and span-level configs: one JSON Lines file per benchmark split."""


def split_files(config: str, rows: Iterable[dict[str, Any]], layers: Corpus) -> dict[str, str]:
    """``<config>/<split>.jsonl`` for each split that has rows (the dev documents have no
    translations, so ``parallel`` has no dev file rather than an empty one)."""
    return plain_split_files(
        config, ((r["document"], r) for r in with_split(rows, layers.splits, layers.folds)), layers
    )


def plain_split_files(config: str, rows: Iterable[tuple[str, dict[str, Any]]], layers: Corpus) -> dict[str, str]:
    """``<config>/<split>.jsonl`` for rows that keep a foreign schema (no split/fold columns)."""
    by_split: dict[str, list[dict[str, Any]]] = {}
    for document, row in rows:
        by_split.setdefault(layers.splits[document], []).append(row)
    return {
        f"{config}/{HF_SPLIT_NAMES[name]}.jsonl": render_jsonl(by_split[name]) for name in SPLITS if name in by_split
    }


def data_splits(files: Mapping[str, str]) -> dict[str, dict[str, tuple[int, int]]]:
    """Config → {HF split: (rows, bytes of its data file)}, in train, validation, test order."""
    out: dict[str, dict[str, tuple[int, int]]] = {}
    for rel, text in files.items():
        config, _, name = rel.partition("/")
        if name.endswith(".jsonl"):
            out.setdefault(config, {})[name.removesuffix(".jsonl")] = (text.count("\n"), len(text.encode("utf-8")))
    return {c: {k: n[k] for k in sorted(n, key=HF_SPLITS.index)} for c, n in out.items()}


def config_files(corpus: Corpus) -> dict[str, str]:
    """``<config>/<split>.jsonl`` of every config of the registry, in its order."""
    from kzcorpus.registry import HF_CONFIGS

    data: dict[str, str] = {}
    for config in HF_CONFIGS:
        rows = config.rows(corpus)
        if config.shape == "single":
            data[f"{config.name}/train.jsonl"] = render_jsonl(rows)
        elif config.shape == "split":
            data |= split_files(config.name, rows, corpus)
        else:
            data |= plain_split_files(config.name, rows, corpus)
    return data


def dataset_files(corpus: Corpus) -> dict[str, str | bytes]:
    """Relative path inside ``dataset/`` → file content."""
    data = config_files(corpus)
    return {
        **data,
        **mt_files(corpus.links, corpus.link_sentences, corpus.version),
        **ud_files(corpus.annotated, corpus.gold, corpus.splits),
        CARD_NAME: render_card(corpus, data_splits(data)),
        LICENSE_FILE: license_file(corpus.documents),
        CROISSANT_FILE: croissant(data, corpus.version, CITATION),
        **parquet_files(data),
    }
