"""The tagging/parsing task: CoNLL-U predictions scored by the official CoNLL 2018 scorer.

Items: every Turkish and English sentence of the split, by ``sent_id`` (sentence
segmentation is given; tokenisation is the system's, which the scorer aligns by
characters). Prediction: one CoNLL-U file whose sentences carry ``# sent_id`` comments, in
any order. Two gold sets, reported separately:

* ``hand``: the hand-tagged sample (``annotations/reference/upos_reference*.tsv``; UPOS of
  every word of whole Turkish sentences). Its tokenisation is the shipped one and only UPOS
  was tagged by hand, so only UPOS is reported against it.
* ``silver``: the shipped layer (Stanza output, not hand-checked), every metric of the
  scorer. A secondary figure: a system that *is* the shipped pipeline scores 100 here by
  construction.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from kzcorpus.benchmark.predictions import index_predictions
from kzcorpus.corpus import Corpus
from kzcorpus.errors import DataError, require
from kzcorpus.io.conllu import Sentence, render_sentence
from kzcorpus.io.raw import read_text
from kzcorpus.models.evaluate import TREEBANK_TYPE
from kzcorpus.paths import data_root
from kzcorpus.schema.common import annotated_by
from kzcorpus.udgold.scores import SHIPPED_METRICS, run_scorer

LANGUAGES = annotated_by("stanza")
"""Languages with a UD layer (Russian is tokenised by rules, without tags or trees)."""

SILVER_METRICS = ("Tokens", "Words", "UPOS", "XPOS", "UFeats", "Lemmas", "UAS", "LAS", "CLAS", "MLAS", "BLEX")
HAND_METRICS = ("UPOS",)
GOLD_METRICS = SHIPPED_METRICS  # every metric of the scorer against the gold layer, as `kzcorpus quality`
SENT_ID_RE = re.compile(r"^# sent_id = (\S+)$", re.MULTILINE)
BLOCK_SEPARATOR_RE = re.compile(r"\n[ \t]*\n")


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


def to_block(sentence: Sentence) -> Block:
    """A shipped sentence as the scorer reads it, rendered as the build writes the layer."""
    return Block(sentence.sent_id, 1, tuple(render_sentence(sentence).rstrip("\n").split("\n")))


def shipped_sentences(corpus: Corpus, split: str) -> dict[str, tuple[str, Sentence]]:
    """sent_id → (language, sentence) of the shipped Turkish and English layer of the split."""
    return {
        s.sent_id: (lang, s)
        for (doc_id, lang), sents in sorted(corpus.annotated.items())
        if lang in LANGUAGES and corpus.in_split(doc_id, split)
        for s in sents
    }


def with_upos(sentence: Sentence, upos: Mapping[int, str], path: Path) -> Sentence:
    """The sentence with every word's UPOS replaced; the hand sample tags whole sentences."""
    if set(upos) != set(range(1, sentence.word_count() + 1)):
        raise DataError(
            f"hand-tagged sentence {sentence.sent_id} tags words {sorted(upos)}; expected every word "
            f"1-{sentence.word_count()}",
            path=path,
        )
    n = 0
    tokens = []
    for tok in sentence.tokens:
        words = []
        for w in tok.words:
            n += 1
            words.append(replace(w, upos=upos[n]))
        tokens.append(replace(tok, words=tuple(words)))
    return replace(sentence, tokens=tuple(tokens))


def hand_sentences(corpus: Corpus) -> dict[str, Sentence]:
    """sent_id → the shipped sentence carrying the hand tags (both draws of the sample)."""
    from kzcorpus.annotate.quality import UPOS_FIRST_DRAW, UPOS_REFERENCE, load_upos_reference, shipped_words

    sentences = {s.sent_id: s for sents in corpus.annotated.values() for s in sents}
    out: dict[str, Sentence] = {}
    for rel in (UPOS_REFERENCE, UPOS_FIRST_DRAW):
        path = (corpus.root or data_root()) / rel
        reference = load_upos_reference(path)
        matched = shipped_words(reference, sentences.values(), path)  # a sentence no longer there is an error
        changed = {ref.sent_id for ref, w in zip(reference, matched, strict=True) if w is None}
        tags: dict[str, dict[int, str]] = {}
        for w in reference:
            if w.sent_id not in changed:  # a sentence whose words were merged or re-cut since is left out
                tags.setdefault(w.sent_id, {})[w.word] = w.upos
        out |= {sid: with_upos(sentences[sid], upos, path) for sid, upos in tags.items()}
    return dict(sorted(out.items()))


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
    g, result = run_scorer("".join(b.text() for b in gold), "".join(system[b.sent_id].text() for b in gold))
    out: dict[str, Any] = {"sentences": len(gold), "words": len(g.words)}
    for m in metrics:
        out[m] = {"f1": round(100 * result[m].f1, 2)}
        if result[m].aligned_accuracy is not None and m not in ("Tokens", "Words"):
            out[m]["aligned_accuracy"] = round(100 * result[m].aligned_accuracy, 2)
    return out


def evaluate_ud(path: Path, corpus: Corpus, split: str) -> dict[str, Any]:
    shipped = shipped_sentences(corpus, split)
    expected = {sid: to_block(s) for sid, (_, s) in shipped.items()}
    system = read_predicted_blocks(path, expected, split)
    silver = {
        lang: score([expected[sid] for sid, (lg, _) in shipped.items() if lg == lang], system, SILVER_METRICS)
        for lang in LANGUAGES
        if any(lg == lang for lg, _ in shipped.values())
    }
    hand = [to_block(s) for sid, s in hand_sentences(corpus).items() if sid in shipped]
    gold = gold_blocks(corpus, split)
    return {
        "gold": {lang: score(blocks, system, GOLD_METRICS) for lang, blocks in gold.items()},
        "hand": {"tr": score(hand, system, HAND_METRICS)} if hand else {},
        "silver": silver,
    }


def gold_blocks(corpus: Corpus, split: str) -> dict[str, list[Block]]:
    """Language → the gold sentences of the split, as the scorer reads them."""
    out: dict[str, list[Block]] = {}
    for (doc_id, lang), sents in sorted(corpus.gold.items()):
        if corpus.in_split(doc_id, split):
            out.setdefault(lang, []).extend(to_block(s) for s in sents)
    return out
