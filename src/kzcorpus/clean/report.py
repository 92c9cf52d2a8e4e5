"""The repair figures reported in the README: one function, so CLI and tests agree."""

from __future__ import annotations

from pathlib import Path

from kzcorpus.clean.evaluate import conllu_sentences, score_reference, score_synthetic
from kzcorpus.clean.lexicon import Lexicon
from kzcorpus.errors import DataError
from kzcorpus.paths import data_root, raw_dir

REFERENCE = Path("annotations/reference/restore_china-economic-relations.jsonl")
REFERENCE_DOCUMENT = "china-economic-relations"
SYNTHETIC_FILE = "tr_imst-ud-test.conllu"


def repair_report(lexicon: Lexicon, ud: Path) -> dict[str, object]:
    from kzcorpus.io.raw import read_text

    ref = data_root() / REFERENCE
    if not ref.is_file():
        raise DataError("hand-corrected reference not found; expected it in annotations/reference/", path=ref)
    raw = read_text(raw_dir() / f"{REFERENCE_DOCUMENT}.txt")
    gold = ud / SYNTHETIC_FILE
    if not gold.is_file():
        raise DataError("UD_Turkish-IMST test file missing; pass --ud <path to UD_Turkish-IMST>", path=gold)
    return {
        "reference": {"file": str(REFERENCE), "document": REFERENCE_DOCUMENT}
        | score_reference(ref, raw, lexicon).as_dict(),
        "synthetic": {"file": SYNTHETIC_FILE} | score_synthetic(conllu_sentences(gold), lexicon).as_dict(),
    }
