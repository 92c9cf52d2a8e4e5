"""The tagging/parsing task: CoNLL-U predictions scored by the official CoNLL 2018 scorer.

Items: every Turkish and English sentence of the split, by ``sent_id`` (sentence
segmentation is given; tokenisation is the system's, which the scorer aligns by
characters). Prediction: one CoNLL-U file whose sentences carry ``# sent_id`` comments, in
any order. Two gold sets, reported separately:

* ``hand``: the hand-tagged sample (``annotations/reference/upos_reference*.tsv``; UPOS of
  every word of whole Turkish sentences). Its tokenisation is the shipped one and only UPOS
  was tagged by hand, so only UPOS is reported against it.
* ``silver``: the shipped layer (Stanza output, not hand-checked), every metric of the
  scorer. A system that *is* the shipped pipeline scores 100 here by construction.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from kzcorpus.benchmark.corpus import BenchmarkCorpus
from kzcorpus.benchmark.predictions import index_predictions
from kzcorpus.errors import DataError, require
from kzcorpus.io.conllu import conllu_relpath, split_sentence_id
from kzcorpus.io.raw import read_text
from kzcorpus.models.evaluate import TREEBANK_TYPE
from kzcorpus.paths import annotations_dir, data_root

LANGUAGES = ("tr", "en")
"""Languages with a UD layer (Russian is tokenised by rules, without tags or trees)."""

SILVER_METRICS = ("Tokens", "Words", "UPOS", "XPOS", "UFeats", "Lemmas", "UAS", "LAS", "CLAS", "MLAS", "BLEX")
HAND_METRICS = ("UPOS",)
SENT_ID_RE = re.compile(r"^# sent_id = (\S+)$", re.MULTILINE)
BLOCK_SEPARATOR_RE = re.compile(r"\n[ \t]*\n")
UPOS_COLUMN = 3


@dataclass(frozen=True)
class Block:
    """One sentence of a CoNLL-U file: its lines (comments included) and where it starts."""

    sent_id: str
    line: int
    lines: tuple[str, ...]

    def text(self) -> str:
        return "\n".join(self.lines) + "\n\n"

    @property
    def sent_id_line(self) -> int:
        """The line of the ``# sent_id`` comment: what error messages point at."""
        return self.line + next(i for i, x in enumerate(self.lines) if x.startswith("# sent_id = "))

    def surface(self) -> str:
        """The token forms without spaces: what the scorer aligns on."""
        covered: set[int] = set()
        forms = []
        for line in self.lines:
            cols = line.split("\t")
            if line.startswith("#") or len(cols) < 2 or "." in cols[0]:
                continue
            if "-" in cols[0]:
                a, b = cols[0].split("-", 1)
                if a.isdigit() and b.isdigit():
                    covered.update(range(int(a), int(b) + 1))
                forms.append(cols[1])
            elif cols[0].isdigit() and int(cols[0]) not in covered:
                forms.append(cols[1])
        return "".join("".join(forms).split())


def iter_blocks(text: str, path: Path) -> Iterator[Block]:
    """Sentences of a CoNLL-U text, each required to carry a ``# sent_id``."""
    line = 1
    for chunk in BLOCK_SEPARATOR_RE.split(text):
        stripped = chunk.strip("\n")
        lead = len(chunk) - len(chunk.lstrip("\n"))
        if stripped.strip():
            m = SENT_ID_RE.search(stripped)
            if m is None:
                raise DataError(
                    "sentence without a '# sent_id = ' comment; expected the corpus sent_id",
                    path=path,
                    line=line + lead,
                )
            yield Block(m.group(1), line + lead, tuple(stripped.split("\n")))
        line += chunk.count("\n") + 2  # the separator's two newlines


def check_block(block: Block, path: Path) -> None:
    """The official scorer's own reader on one sentence, so its complaints carry our line numbers."""
    udeval: Any = require("udtools.udeval", "stanza")
    padded = "#\n" * (block.line - 1) + block.text()
    try:
        udeval.load_conllu(io.StringIO(padded), str(path), dict(TREEBANK_TYPE))
    except udeval.UDError as exc:
        raise DataError(f"sentence {block.sent_id}: {exc}", path=path, line=block.sent_id_line) from exc


def shipped_blocks(corpus: BenchmarkCorpus) -> dict[str, tuple[str, Block]]:
    """sent_id → (language, block) of the shipped Turkish and English layer."""
    out = {}
    for doc_id, lang in sorted(corpus.annotated):
        if lang in LANGUAGES:
            path = annotations_dir(corpus.root) / conllu_relpath(doc_id, lang)
            for b in iter_blocks(read_text(path), path):
                out[b.sent_id] = (lang, b)
    return out


def hand_blocks(corpus: BenchmarkCorpus, shipped: Mapping[str, tuple[str, Block]]) -> dict[str, Block]:
    """sent_id → the shipped sentence with its UPOS column replaced by the hand tags."""
    from kzcorpus.annotate.quality import UPOS_FIRST_DRAW, UPOS_REFERENCE, load_upos_reference

    tags: dict[str, dict[int, tuple[str, str]]] = {}
    for rel in (UPOS_REFERENCE, UPOS_FIRST_DRAW):
        for w in load_upos_reference((corpus.root or data_root()) / rel):
            tags.setdefault(w.sent_id, {})[w.word] = (w.form, w.upos)
    out = {}
    for sid, words in sorted(tags.items()):
        if sid not in shipped:
            raise DataError(f"hand-tagged sentence {sid} is not in the shipped layer")
        lines = []
        for line in shipped[sid][1].lines:
            cols = line.split("\t")
            if not line.startswith("#") and cols[0].isdigit():
                form, upos = words.get(int(cols[0]), (None, None))
                if form != cols[1]:
                    raise DataError(f"hand-tagged word {sid}#{cols[0]} is {form!r}, the shipped word {cols[1]!r}")
                cols[UPOS_COLUMN] = upos  # type: ignore[assignment]
            lines.append("\t".join(cols))
        out[sid] = replace(shipped[sid][1], lines=tuple(lines))
    return out


def read_predicted_blocks(path: Path, expected: Mapping[str, Block], split: str) -> dict[str, Block]:
    if not path.is_file():
        raise DataError("predictions file missing; expected CoNLL-U with '# sent_id' comments", path=path)
    blocks = list(iter_blocks(read_text(path), path))
    out = index_predictions(
        ((b.sent_id_line, b.sent_id, b) for b in blocks),
        expected,
        path,
        what=f"ud ({split} split)",
        describe=lambda k: f"sentence {k}",
    )
    for sid, b in out.items():
        if b.surface() != expected[sid].surface():
            raise DataError(
                f"sentence {sid}: the tokens spell {b.surface()[:60]!r}, expected the sentence text "
                f"{expected[sid].surface()[:60]!r} (spaces aside)",
                path=path,
                line=b.sent_id_line,
            )
        check_block(b, path)
    return out


def score(gold: Sequence[Block], system: Mapping[str, Block], metrics: Sequence[str]) -> dict[str, Any]:
    """The scorer over the gold sentences and the system's, in the same order."""
    udeval: Any = require("udtools.udeval", "stanza")
    g = udeval.load_conllu(io.StringIO("".join(b.text() for b in gold)), "gold", dict(TREEBANK_TYPE))
    s = udeval.load_conllu(io.StringIO("".join(system[b.sent_id].text() for b in gold)), "system", dict(TREEBANK_TYPE))
    result = udeval.evaluate(g, s)
    out: dict[str, Any] = {"sentences": len(gold), "words": len(g.words)}
    for m in metrics:
        out[m] = {"f1": round(100 * result[m].f1, 2)}
        if result[m].aligned_accuracy is not None and m not in ("Tokens", "Words"):
            out[m]["aligned_accuracy"] = round(100 * result[m].aligned_accuracy, 2)
    return out


def evaluate_ud(path: Path, corpus: BenchmarkCorpus, split: str) -> dict[str, Any]:
    everything = shipped_blocks(corpus)
    shipped = {k: v for k, v in everything.items() if corpus.in_split(split_sentence_id(k)[0], split)}
    system = read_predicted_blocks(path, {k: b for k, (_, b) in shipped.items()}, split)
    silver = {
        lang: score([b for lg, b in shipped.values() if lg == lang], system, SILVER_METRICS)
        for lang in LANGUAGES
        if any(lg == lang for lg, _ in shipped.values())
    }
    hand = [b for k, b in hand_blocks(corpus, everything).items() if k in shipped]
    return {"hand": {"tr": score(hand, system, HAND_METRICS)} if hand else {}, "silver": silver}
