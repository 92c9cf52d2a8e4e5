"""The released gold UD layer: passes + adjudication → sentences traced into the cleaned text.

Inputs (hand-made, under ``annotations/ud-gold/``): ``pass-a/`` and ``pass-b/`` with one
CoNLL-U file per document and language (``<document>.<lang>.conllu``, the sentence
boundaries and sent_ids of the shipped layer), and ``adjudication.jsonl``. Output:
``annotations/gold/<document>.<lang>.conllu`` in the same format as the automatic layer
(``TokenRange`` offsets into ``annotations/text/<document>.txt``), so every reader of the
automatic layer reads the gold one too.

Scope: every Turkish and English sentence of the documents in :data:`GOLD_SPLITS`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from pathlib import Path

from kzcorpus.errors import DataError
from kzcorpus.io.conllu import Sentence, Token, Word, render_file, space_after, split_conllu_name
from kzcorpus.io.jsonl import read_located
from kzcorpus.schema.common import annotated_by
from kzcorpus.schema.udgold import UdDecision
from kzcorpus.udgold.check import Block, read_checked
from kzcorpus.udgold.merge import merge

INPUT_DIR = "ud-gold"  # inside annotations/
PASSES = ("pass-a", "pass-b")
DECISIONS = f"{INPUT_DIR}/adjudication.jsonl"
GOLD_DIR = "gold"  # inside annotations/: the released files
GOLD_SPLITS = ("dev", "test")
GOLD_LANGUAGES = annotated_by("stanza")  # the languages with a UD layer to correct
PROVENANCE = (
    "gold: made by reading, from scratch, without any system output; two independent passes "
    "(pass-a, pass-b) by AI annotators (a language model reading the text, not humans), every "
    "difference adjudicated by a third reader; see annotations/ud-gold/README.md"
)

Key = tuple[str, str]  # (document, language)


def gold_relpath(doc_id: str, lang: str) -> str:
    return f"{GOLD_DIR}/{doc_id}.{lang}.conllu"


def in_scope(doc_id: str, lang: str, splits: Mapping[str, str]) -> bool:
    return lang in GOLD_LANGUAGES and splits.get(doc_id) in GOLD_SPLITS


def read_passes(base: Path) -> dict[Key, tuple[Path, list[Block], Path, list[Block]]]:
    """(document, language) → (pass-A path, blocks, pass-B path, blocks), strictly checked."""
    found: dict[str, dict[Key, Path]] = {}
    for name in PASSES:
        folder = base / INPUT_DIR / name
        found[name] = {split_conllu_name(p.name): p for p in sorted(folder.glob("*.conllu"))}
    a, b = found[PASSES[0]], found[PASSES[1]]
    for key in sorted(set(a) ^ set(b)):
        have = a.get(key) or b.get(key)
        raise DataError("file is in one pass only; both passes cover the same documents", path=have)
    out = {}
    for key in sorted(a):
        blocks_a, blocks_b = read_checked(a[key]), read_checked(b[key])
        ids_a, ids_b = [x.sent_id for x in blocks_a], [x.sent_id for x in blocks_b]
        if ids_a != ids_b:
            raise DataError(f"the passes hold different sentences; expected those of {a[key]}", path=b[key])
        out[key] = (a[key], blocks_a, b[key], blocks_b)
    return out


def to_sentence(block: Block, silver: Sentence, text: str, path: Path) -> Sentence:
    """A gold block as a traced sentence: token ranges found by walking the cleaned text."""
    if block.text != silver.text:
        raise DataError(
            f"sentence {block.sent_id}: # text differs from the shipped sentence", path=path, line=block.line
        )
    start = silver.start
    if text[start : start + len(silver.text)] != block.text:
        raise DataError(
            f"sentence {block.sent_id}: # text is not the cleaned text at {start}", path=path, line=block.line
        )
    tokens = []
    pos = start
    pairs = block.tokens
    for k, (tok, words) in enumerate(pairs):
        end = pos + len(tok.form)
        if text[pos:end] != tok.form:
            raise DataError(
                f"sentence {block.sent_id}: token {tok.form!r} is not the text at {pos}", path=path, line=tok.line
            )
        gap = silver.tokens[-1].space_after if k == len(pairs) - 1 else space_after(tok.misc)
        ws = tuple(
            Word(
                form=w.form,
                lemma=_value(w.cols[2]),
                upos=_value(w.cols[3]),
                xpos=_value(w.cols[4]),
                feats=_value(w.cols[5]),
                head=int(w.cols[6]),
                deprel=_value(w.cols[7]),
            )
            for w in words
        )
        tokens.append(Token(tok.form, pos, end, ws, gap))
        pos = end + len(gap)
    comments = tuple((k, v) for k, v in block.comments if k not in ("sent_id", "text"))
    return Sentence(block.sent_id or "", block.text or "", tuple(tokens), comments)


def _value(col: str) -> str | None:
    return None if col == "_" else col


def gold_layer(
    annotations: Path,
    texts: Mapping[str, str],
    silver: Mapping[Key, Sequence[Sentence]],
    splits: Mapping[str, str],
) -> dict[Key, list[Sentence]]:
    """The merged, traced gold sentences; every sentence in scope present, nothing else.

    A data root without ``annotations/ud-gold/`` (a corpus built with this pipeline that has
    no gold layer) gets an empty layer; once the folder exists it must cover the whole scope.
    """
    if not (annotations / INPUT_DIR).is_dir():
        return {}
    passes = read_passes(annotations)
    decisions_path = annotations / DECISIONS
    located = read_located(decisions_path, UdDecision) if decisions_path.is_file() else []
    by_sentence: dict[str, list[UdDecision]] = {}
    line_of: dict[str, int] = {}
    for loc in located:
        sid = loc.record.case.partition("#")[0]
        by_sentence.setdefault(sid, []).append(loc.record)
        line_of.setdefault(loc.record.case, loc.line)
    used: set[str] = set()
    out: dict[Key, list[Sentence]] = {}
    for key, (path_a, blocks_a, _, blocks_b) in passes.items():
        doc_id, lang = key
        if not in_scope(doc_id, lang, splits):
            raise DataError("document and language are outside the gold layer's scope (dev/test, tr/en)", path=path_a)
        shipped = {s.sent_id: s for s in silver.get(key, ())}
        ids = [b.sent_id for b in blocks_a]
        missing = [sid for sid in shipped if sid not in ids]
        if missing:
            raise DataError(f"{len(missing)} sentence(s) of the shipped layer missing, e.g. {missing[0]}", path=path_a)
        for blk in blocks_a:
            if blk.sent_id not in shipped:
                raise DataError(f"sentence {blk.sent_id} is not in the shipped layer", path=path_a, line=blk.line)
        decisions = [d for sid in ids for d in by_sentence.get(sid or "", [])]
        used.update(sid or "" for sid in ids)
        merged, probs = merge(blocks_a, blocks_b, decisions)
        if probs:
            first = probs[0]
            raise DataError(
                f"{len(probs)} adjudication problem(s), first: {first}",
                path=decisions_path,
                line=line_of.get(first.case),
            )
        sents = [to_sentence(blk, shipped[blk.sent_id or ""], texts[doc_id], path_a) for blk in merged]
        sents[0] = replace(sents[0], comments=(("newdoc id", doc_id), ("annotation", PROVENANCE), *sents[0].comments))
        out[key] = sents
    for sid in sorted(set(by_sentence) - used):
        raise DataError(
            f"decision for sentence {sid}, which no pass holds",
            path=decisions_path,
            line=line_of[by_sentence[sid][0].case],
        )
    for key in silver:
        if in_scope(*key, splits) and key not in out:
            raise DataError(
                f"no gold annotation for {key[0]} ({key[1]}); expected {INPUT_DIR}/pass-a/{key[0]}.{key[1]}.conllu",
                path=annotations / INPUT_DIR,
            )
    return out


def gold_files(gold: Mapping[Key, Sequence[Sentence]]) -> dict[str, str]:
    """Relative path inside ``annotations/`` → CoNLL-U content of the released layer."""
    return {gold_relpath(doc, lang): render_file(sents) for (doc, lang), sents in sorted(gold.items())}
