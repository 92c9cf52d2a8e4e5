"""Quality of the annotation layer against hand-made references.

* Sentence boundaries: precision/recall of the boundaries *inside* each reference
  paragraph (a paragraph's end is a boundary by construction and would only inflate the
  figures), plus the share of reference sentences reproduced exactly.
* UPOS: accuracy of the shipped tags against a hand-corrected sample of words.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from kzcorpus.errors import DataError
from kzcorpus.io.cleaned import CleanedLayers
from kzcorpus.io.conllu import Sentence, Word, split_sentence_id
from kzcorpus.io.raw import read_text
from kzcorpus.schema.ud import UPOS_TAGS as UD_UPOS

if TYPE_CHECKING:
    from kzcorpus.corpus import Corpus


@dataclass(frozen=True)
class ParagraphSegmentation:
    document: str
    paragraph: int
    language: str
    spans: tuple[tuple[int, int], ...]  # sentence ranges in the document text


def load_sentence_reference(path: Path, cleaned: Mapping[str, CleanedLayers]) -> list[ParagraphSegmentation]:
    """Read the hand segmentation; each sentence must occur in order in its paragraph."""
    out = []
    for line_no, line in enumerate(read_text(path).splitlines(), 1):
        rec = json.loads(line)
        lay = cleaned.get(rec["document"])
        paras = {p.index: p for p in lay.paragraphs} if lay else {}
        p = paras.get(rec["paragraph"])
        if lay is None or p is None:
            raise DataError(f"unknown paragraph {rec['document']}#{rec['paragraph']}", path=path, line=line_no)
        text, pos, spans = lay.paragraph_text(p), 0, []
        for sent in rec["sentences"]:
            start = text.find(sent, pos)
            if start < 0 or text[pos:start].strip():
                raise DataError(
                    f"sentence {sent[:40]!r} is not the next text of its paragraph", path=path, line=line_no
                )
            spans.append((p.start + start, p.start + start + len(sent)))
            pos = start + len(sent)
        if text[pos:].strip():
            raise DataError("the sentences do not cover the end of the paragraph", path=path, line=line_no)
        out.append(ParagraphSegmentation(rec["document"], rec["paragraph"], rec["language"], tuple(spans)))
    return out


def _prf(tp: int, n_sys: int, n_ref: int) -> dict[str, float]:
    p = tp / n_sys if n_sys else 1.0
    r = tp / n_ref if n_ref else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(100 * p, 2), "recall": round(100 * r, 2), "f1": round(100 * f, 2)}


def score_boundaries(reference: Iterable[ParagraphSegmentation], sentences: Iterable[Sentence]) -> dict[str, object]:
    """Boundary P/R/F1 and exact-sentence rate, overall and per language."""
    by_par: dict[tuple[str, int], list[tuple[int, int]]] = {}
    for s in sentences:
        doc, par, _ = split_sentence_id(s.sent_id)
        by_par.setdefault((doc, par), []).append((s.start, s.end))
    totals: dict[str, list[int]] = {}
    for ref in reference:
        sys_spans = by_par.get((ref.document, ref.paragraph), [])
        ref_ends = {e for _, e in ref.spans[:-1]}
        sys_ends = {e for _, e in sys_spans[:-1]}
        exact = len(set(ref.spans) & set(sys_spans))
        for key in (ref.language, "all"):
            t = totals.setdefault(key, [0, 0, 0, 0, 0])
            t[0] += len(ref_ends & sys_ends)
            t[1] += len(sys_ends)
            t[2] += len(ref_ends)
            t[3] += exact
            t[4] += len(ref.spans)
    return {
        key: {
            **_prf(tp, n_sys, n_ref),
            "reference_sentences": n_sents,
            "exact_sentences": round(100 * exact / n_sents, 2) if n_sents else 100.0,
        }
        for key, (tp, n_sys, n_ref, exact, n_sents) in sorted(totals.items())
    }


UPOS_TAGS = frozenset(UD_UPOS)


@dataclass(frozen=True)
class TaggedWord:
    sent_id: str
    word: int
    form: str
    upos: str


def load_upos_reference(path: Path) -> list[TaggedWord]:
    """The hand-tagged sample: ``sent_id, word, form, gold_upos, note`` rows (``#`` lines are context)."""
    out = []
    lines = read_text(path).splitlines()
    for line_no, line in enumerate(lines[1:], 2):
        if line.startswith("#") or not line.strip():
            continue
        cols = line.split("\t")
        if len(cols) < 4 or cols[3] not in UPOS_TAGS:
            raise DataError(f"expected sent_id, word, form and a UPOS tag, got {cols[:4]}", path=path, line=line_no)
        out.append(TaggedWord(cols[0], int(cols[1]), cols[2], cols[3]))
    return out


def wilson_interval(k: int, n: int, z: float = 1.96) -> list[float]:
    """95% Wilson score interval for a proportion, in percent: small samples need one."""
    if n == 0:
        return [0.0, 100.0]
    p = k / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z * ((p * (1 - p) / n + z * z / (4 * n * n)) ** 0.5) / (1 + z * z / n)
    return [round(100 * (centre - half), 2), round(100 * (centre + half), 2)]


def _positions(forms: Sequence[str], text: str) -> list[int]:
    """Where each form starts in ``text``, found in order (-1 when it is not there)."""
    out, pos = [], 0
    for form in forms:
        at = text.find(form, pos)
        out.append(at)
        if at >= 0:
            pos = at + len(form)
    return out


def word_positions(sentence: Sentence) -> dict[tuple[int, str], Word]:
    """(offset in the sentence text, form) → word; words of a multi-word token are placed
    inside their token's span in order."""
    out = {}
    for tok in sentence.tokens:
        base = tok.start - sentence.start
        starts = [0] if len(tok.words) == 1 else _positions([w.form.lower() for w in tok.words], tok.form.lower())
        for w, at in zip(tok.words, starts, strict=True):
            if at >= 0:
                out[(base + at, w.form)] = w
    return out


def shipped_words(reference: Sequence[TaggedWord], sentences: Iterable[Sentence], path: Path) -> list[Word | None]:
    """The shipped word each reference word tags, matched by place and form in its sentence;
    ``None`` where the layer's segmentation changed since the sample was tagged (a word
    merged or re-cut). A reference sentence no longer in the layer is an error."""
    by_id = {s.sent_id: s for s in sentences}
    by_sentence: dict[str, list[TaggedWord]] = {}
    for ref in reference:
        by_sentence.setdefault(ref.sent_id, []).append(ref)
    found: dict[tuple[str, int], Word | None] = {}
    for sid, refs in by_sentence.items():
        sent = by_id.get(sid)
        if sent is None:
            raise DataError(
                f"reference sentence {sid} is not in the shipped annotation; the sample must be re-checked "
                "after the segmentation changed",
                path=path,
            )
        words = word_positions(sent)
        for ref, at in zip(refs, _positions([r.form for r in refs], sent.text), strict=True):
            found[(sid, ref.word)] = words.get((at, ref.form))
    return [found[(r.sent_id, r.word)] for r in reference]


def score_upos(reference: Sequence[TaggedWord], sentences: Iterable[Sentence], path: Path) -> dict[str, object]:
    """Accuracy of the shipped UPOS on the sample, with the most frequent confusions."""
    correct = changed = 0
    confusions: dict[str, int] = {}
    for ref, word in zip(reference, shipped_words(reference, sentences, path), strict=True):
        if word is None:
            changed += 1
            continue
        system = word.upos
        if system == ref.upos:
            correct += 1
        else:
            key = f"{ref.upos}->{system}"
            confusions[key] = confusions.get(key, 0) + 1
    top = sorted(confusions.items(), key=lambda kv: (-kv[1], kv[0]))[:10]
    compared = len(reference) - changed
    return {
        "words": compared,
        "sentences": len({r.sent_id for r in reference}),
        "segmentation_changed": changed,
        "correct": correct,
        "accuracy": round(100 * correct / compared, 2) if compared else 0.0,
        "wilson95": wilson_interval(correct, compared),
        "top_confusions_gold_to_system": dict(top),
    }


SENTENCE_REFERENCE = Path("annotations/reference/sentence_reference.jsonl")
UPOS_REFERENCE = Path("annotations/reference/upos_reference.tsv")
UPOS_FIRST_DRAW = Path("annotations/reference/upos_reference_first_draw.tsv")
"""An earlier independent hand-tagged sample (325 words), drawn by shuffling the sentence list
of an earlier build; kept and scored because the samples are small and differ a lot."""
QUALITY_PATH = "quality.json"  # inside annotations/


def _gold_report(repo: Path, corpus: Corpus) -> dict[str, object]:
    """Agreement of the gold passes and the shipped layer's scores on gold (empty without a gold layer)."""
    from kzcorpus.annotate.error_classes import error_class_report
    from kzcorpus.paths import annotations_dir
    from kzcorpus.udgold.layer import GOLD_DIR, INPUT_DIR
    from kzcorpus.udgold.scores import agreement, shipped_on_gold

    base = annotations_dir(repo)
    if not (base / INPUT_DIR).is_dir():
        return {}
    return {
        "gold": {
            "agreement": agreement(base, corpus.splits),
            "shipped_on_gold": shipped_on_gold(corpus.annotated, corpus.gold, corpus.splits),
            "reference": f"annotations/{GOLD_DIR}",
        },
        "error_classes": error_class_report(repo, corpus.gold, corpus.annotated),
    }


def quality_report(repo: Path) -> dict[str, object]:
    """Both figures, from the shipped layer and the hand-made references in annotations/reference/."""
    from kzcorpus.corpus import Corpus
    from kzcorpus.paths import models_dir

    for ref in (SENTENCE_REFERENCE, UPOS_REFERENCE, UPOS_FIRST_DRAW):
        if not (repo / ref).is_file():
            raise DataError(
                "hand-made reference missing; expected the files of annotations/reference/", path=repo / ref
            )
    corpus = Corpus(repo)  # the shipped layers, loaded and checked once
    cleaned = corpus.cleaned
    sentences = [s for ss in corpus.annotated.values() for s in ss]
    boundaries = score_boundaries(load_sentence_reference(repo / SENTENCE_REFERENCE, cleaned), sentences)
    upos = score_upos(load_upos_reference(repo / UPOS_REFERENCE), sentences, repo / UPOS_REFERENCE)
    first = score_upos(load_upos_reference(repo / UPOS_FIRST_DRAW), sentences, repo / UPOS_FIRST_DRAW)
    scores = json.loads(read_text(models_dir(repo) / "tr" / "scores.json"))
    imst = {"imst_test_upos": scores["metrics"]["UPOS"]}
    if "with_kzcorpus_rules" in scores:  # the pipeline that made the layer the samples score
        imst["imst_test_upos_pipeline"] = scores["with_kzcorpus_rules"]["metrics"]["UPOS"]
    gold = _gold_report(repo, corpus)
    return gold | {
        "sentence_boundaries": boundaries,
        "sentence_reference": str(SENTENCE_REFERENCE),
        "upos": {**upos, **imst},
        "upos_reference": str(UPOS_REFERENCE),
        "upos_first_draw": first,
        "upos_first_draw_reference": str(UPOS_FIRST_DRAW),
    }
