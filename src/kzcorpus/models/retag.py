"""Treebank files with the tagger's predicted tags, for training the parser on them.

A parser trained on gold UPOS/XPOS/FEATS meets predicted ones at run time; Stanza's own
recipe retags the parser's training and dev files with the tagger it will run behind.
Only the three tag columns change: tokens, words, multi-word ranges, lemmas, heads and
relations stay gold, so the parser still learns gold trees.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from kzcorpus.errors import DataError
from kzcorpus.io.atomic import write_text_atomic
from kzcorpus.io.raw import read_text

Tags = tuple[str, str, str]  # UPOS, XPOS, FEATS
Tagger = Callable[[list[list[str]]], list[list[Tags]]]


def word_lines(block: Sequence[str]) -> list[int]:
    """Indices of a sentence's syntactic-word lines (not ranges, not empty nodes, not comments)."""
    return [i for i, line in enumerate(block) if line and line.split("\t", 1)[0].isdigit()]


def split_blocks(text: str) -> list[list[str]]:
    blocks, cur = [], []
    for line in text.split("\n"):
        if line.strip():
            cur.append(line)
        elif cur:
            blocks.append(cur)
            cur = []
    if cur:
        blocks.append(cur)
    return blocks


def retag_text(text: str, tagger: Tagger, path: Path | str = "<text>") -> str:
    """``text`` (CoNLL-U) with columns 4-6 of every word replaced by ``tagger``'s tags."""
    blocks = split_blocks(text)
    words = [[block[i].split("\t")[1] for i in word_lines(block)] for block in blocks]
    tags = tagger(words)
    if [len(t) for t in tags] != [len(w) for w in words]:
        raise DataError("the tagger returned another number of words than it was given", path=path)
    out = []
    for block, sent_tags in zip(blocks, tags, strict=True):
        lines = list(block)
        for i, (upos, xpos, feats) in zip(word_lines(block), sent_tags, strict=True):
            cols = lines[i].split("\t")
            if len(cols) != 10:
                raise DataError(f"expected 10 tab-separated columns, found {len(cols)}", path=path)
            cols[3:6] = [upos or "_", xpos or "_", feats or "_"]
            lines[i] = "\t".join(cols)
        out.append("\n".join(lines) + "\n")
    return "\n".join(out) + ("\n" if out else "")


def stanza_tagger(lang: str, pos_model: Path, threads: int | None = None) -> Tagger:
    """Stanza's tagger over given words (no tokenizer, no MWT expansion: the words are gold)."""
    from kzcorpus.errors import require
    from kzcorpus.models.pipeline import EMPTY_RESOURCES
    from kzcorpus.paths import models_dir

    stanza: Any = require("stanza", "stanza")
    if threads:
        require("torch", "stanza").set_num_threads(threads)
    nlp = stanza.Pipeline(
        lang,
        processors="tokenize,pos",
        tokenize_pretokenized=True,
        pos_model_path=str(pos_model),
        pos_pretrain_path=None,
        dir=str(pos_model.parent),
        resources_filepath=str(models_dir() / EMPTY_RESOURCES),
        download_method=None,
        allow_unknown_language=True,
        device="cpu",
        logging_level="WARN",
    )

    def tag(sentences: list[list[str]]) -> list[list[Tags]]:
        doc = nlp(sentences)
        return [[(w.upos, w.xpos, w.feats) for w in s.words] for s in doc.sentences]

    return tag


def retag_file(src: Path, dst: Path, tagger: Tagger) -> Path:
    write_text_atomic(dst, retag_text(read_text(src), tagger, src))
    return dst
