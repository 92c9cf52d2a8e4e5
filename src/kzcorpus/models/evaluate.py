"""End-to-end scoring from raw text with the official CoNLL 2018 UD scorer.

The raw text is rebuilt from the gold file the way Stanza and the shared task do it
(sentence texts joined, paragraph breaks at ``# newpar``/``# newdoc``, via Stanza's
``conllu_to_text``); the pipeline tokenizes, splits and annotates it; ``udtools.udeval``
aligns system and gold and reports F1 x 100 for the ten standard metrics.
"""

from __future__ import annotations

import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from kzcorpus.errors import DataError, require

METRICS = ("Tokens", "Sentences", "Words", "UPOS", "XPOS", "UFeats", "AllTags", "Lemmas", "UAS", "LAS")


def _first_sentences(gold: Path, n: int, dest: Path) -> Path:
    """Copy the first ``n`` sentences (with their comments) of ``gold`` to ``dest``."""
    out: list[str] = []
    count = 0
    with open(gold, encoding="utf-8") as fh:
        block: list[str] = []
        for line in fh:
            if line.strip():
                block.append(line)
                continue
            if block:
                out.extend(block)
                out.append("\n")
                block = []
                count += 1
                if count >= n:
                    break
        else:
            if block and count < n:
                out.extend(block)
                out.append("\n")
    dest.write_text("".join(out), encoding="utf-8")
    return dest


def raw_text(gold: Path) -> str:
    from stanza.utils.datasets import conllu_to_text

    with tempfile.TemporaryDirectory() as tmp:
        txt = Path(tmp) / "raw.txt"
        conllu_to_text.convert_text(str(gold), str(txt))
        return txt.read_text(encoding="utf-8")


TREEBANK_TYPE = {
    "no_gapping": 0,
    "no_shared_parents_in_coordination": 0,
    "no_shared_dependents_in_coordination": 0,
    "no_control": 0,
    "no_external_arguments_of_relative_clauses": 0,
    "no_case_info": 0,
    "no_empty_nodes": False,
    "multiple_roots_okay": False,
}
"""The scorer's defaults (basic UD, a single root per sentence), as its command line sets them."""


def score_files(gold: Path, system: Path) -> dict[str, float]:
    """The ten metrics (F1 x 100, two decimals) of ``system`` against ``gold``."""
    udeval = require("udtools.udeval", "stanza")
    try:
        g = udeval.load_conllu_file(str(gold), dict(TREEBANK_TYPE))
        s = udeval.load_conllu_file(str(system), dict(TREEBANK_TYPE))
        result = udeval.evaluate(g, s)
    except udeval.UDError as exc:
        raise DataError(f"CoNLL 2018 scorer rejected the files: {exc}", path=system) from exc
    return {m: round(100 * result[m].f1, 2) for m in METRICS}


def evaluate(
    lang: str,
    gold: str | Path,
    *,
    max_sentences: int | None = None,
    resources_dir: str | Path | None = None,
    output: str | Path | None = None,
    batch_size: int | None = None,
    nlp_and_provenance: tuple | None = None,
    rules: bool = False,
) -> dict[str, Any]:
    """Annotate the raw text of ``gold`` end to end and score it.

    ``rules`` scores the corpus's own pipeline instead of Stanza alone: the tokenizer hook
    (sentence-boundary fixes, the multi-word-token lexicon) and the rule-based repairs of
    :mod:`kzcorpus.annotate.fixes`, exactly as ``kzcorpus build`` runs them.

    Returns ``{"metrics": {...}, "provenance": {...}, "tokens": int, "seconds": float}``.
    """
    gold = Path(gold)
    if not gold.is_file():
        raise DataError("gold CoNLL-U file not found", path=gold)
    if rules:
        from kzcorpus.annotate.stanza_run import StanzaAnnotator

        annotator = StanzaAnnotator(lang, resources_dir=resources_dir, batch_size=batch_size)
        return _annotate_and_score(gold, max_sentences, output, _with_rules(annotator), annotator.provenance)
    from kzcorpus.models.pipeline import load_pipeline

    if nlp_and_provenance is None:
        nlp, provenance = load_pipeline(lang, resources_dir=resources_dir, batch_size=batch_size)
    else:
        nlp, provenance = nlp_and_provenance
    return _annotate_and_score(gold, max_sentences, output, _stanza_alone(nlp), provenance)


Annotate = Callable[[str, Path], tuple[int, float]]
"""Annotate raw text and write the CoNLL-U to the path; return the number of tokens and the
seconds the annotation itself took (writing the file not counted)."""


def _stanza_alone(nlp: Any) -> Annotate:
    def annotate(text: str, system: Path) -> tuple[int, float]:
        from stanza.utils.conll import CoNLL

        from kzcorpus.models.pipeline import restore_long_tokens

        t0 = time.perf_counter()
        doc = nlp(text)
        seconds = time.perf_counter() - t0
        restore_long_tokens(doc, text)
        CoNLL.write_doc2conll(doc, str(system))
        return sum(len(s.tokens) for s in doc.sentences), seconds

    return annotate


def _with_rules(annotator: Any) -> Annotate:
    def annotate(text: str, system: Path) -> tuple[int, float]:
        from kzcorpus.io.conllu import Sentence, render_file

        t0 = time.perf_counter()
        sentences = annotator(text)
        seconds = time.perf_counter() - t0
        rendered = [
            Sentence(f"s{i}", " ".join(text[toks[0].start : toks[-1].end].split()), tuple(toks))
            for i, toks in enumerate(sentences, 1)
        ]
        system.write_text(render_file(rendered), encoding="utf-8")
        return sum(len(s) for s in sentences), seconds

    return annotate


def _annotate_and_score(
    gold: Path, max_sentences: int | None, output: str | Path | None, annotate: Annotate, provenance: dict[str, Any]
) -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as tmp:
        gold_used = gold if max_sentences is None else _first_sentences(gold, max_sentences, Path(tmp) / "gold.conllu")
        text = raw_text(gold_used)
        system = Path(output) if output else Path(tmp) / "system.conllu"
        n_tokens, seconds = annotate(text, system)
        metrics = score_files(gold_used, system)
    return {
        "metrics": metrics,
        "provenance": provenance,
        "tokens": n_tokens,
        "seconds": round(seconds, 3),
        "gold": str(gold),
        "max_sentences": max_sentences,
    }


# Published figures to compare against (raw text, end to end), as stated in issue 4.
REFERENCE = {
    "tr": [
        {
            "system": "Stanza 1.5.1 default (tr_imst)",
            "split": "UD_Turkish-IMST before the UD 2.13 re-split",
            "metrics": {
                "UPOS": 93.44,
                "UFeats": 91.06,
                "Lemmas": 95.55,
                "UAS": 73.39,
                "LAS": 64.07,
                "Sentences": 98.16,
            },
        },
        {
            "system": "UDPipe 2 (UD 2.15 model)",
            "split": "UD 2.15 (re-split IMST, same as ours)",
            "metrics": {"UPOS": 92.73, "LAS": 69.29},
        },
    ],
    "en": [
        {
            "system": "Stanza 1.5.1 default (en_ewt)",
            "split": "UD_English-EWT",
            "metrics": {"UPOS": 96.20, "LAS": 86.77},
        },
    ],
}
ACCEPTANCE = {"tr": {"UPOS": 92.0, "LAS": 63.0}, "en": {"UPOS": 94.0, "LAS": 82.0}}
"""Issue 15's floors, end to end on the test split."""


def _acceptance(lang: str, metrics: dict[str, float]) -> dict[str, Any]:
    return {k: {"threshold": v, "measured": metrics[k], "pass": metrics[k] >= v} for k, v in ACCEPTANCE[lang].items()}


def scores_record(lang: str, result: dict[str, Any], with_rules: dict[str, Any] | None = None) -> dict[str, Any]:
    """What ``models/<lang>/scores.json`` holds: measured metrics plus context; with
    ``with_rules`` (:func:`evaluate` with ``rules``), the corpus pipeline's scores beside
    Stanza's own."""
    gold = Path(result["gold"])
    metrics = result["metrics"]
    record = {
        "language": lang,
        "gold": gold.name,
        "treebank_source": (gold.parent / "SOURCE").read_text(encoding="utf-8").strip()
        if (gold.parent / "SOURCE").is_file()
        else None,
        "max_sentences": result["max_sentences"],
        "scorer": "udtools.udeval (CoNLL 2018 shared task scorer), F1 x 100, from raw text",
        "metrics": metrics,
        "annotation_seconds": result["seconds"],
        "tokens": result["tokens"],
        "acceptance": _acceptance(lang, metrics),
        "reference_published": REFERENCE[lang],
        "provenance": result["provenance"],
    }
    if with_rules is not None:
        from kzcorpus.annotate.fixes import DESCRIPTION

        record["with_kzcorpus_rules"] = {
            "what": "the corpus's own pipeline (kzcorpus build): Stanza with the tokenizer hook "
            "(sentence-boundary fixes, the multi-word-token lexicon where models/<lang> ships one) and "
            + DESCRIPTION[lang],
            "metrics": with_rules["metrics"],
            "annotation_seconds": with_rules["seconds"],
            "acceptance": _acceptance(lang, with_rules["metrics"]),
            "models": with_rules["provenance"]["models"],
        }
    return record
