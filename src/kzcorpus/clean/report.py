"""The repair figures reported in the README: one function, so CLI and tests agree."""

from __future__ import annotations

from pathlib import Path

from kzcorpus.clean.evaluate import conllu_sentences, score_reference, score_synthetic
from kzcorpus.clean.lexicon import Lexicon
from kzcorpus.errors import DataError
from kzcorpus.paths import data_root, raw_dir

SYNTHETIC_FILE = "tr_imst-ud-test.conllu"


def repair_reference(root: Path | None = None) -> tuple[str, Path]:
    """(document, reference path relative to the data root) of the one document whose
    ``repair_reference`` is set in ``raw/manifest.json``: the repair report and the
    diacritic task score the cleaner on it."""
    from kzcorpus.io.raw import MANIFEST_NAME, load_manifest

    refs = [(e.id, Path(e.repair_reference)) for e in load_manifest(root).files if e.repair_reference]
    if len(refs) != 1:
        raise DataError(
            f"{len(refs)} documents have a repair_reference; expected exactly one (the document with "
            "damaged Turkish letters that the repair is scored on)",
            path=raw_dir(root) / MANIFEST_NAME,
        )
    return refs[0]


def repair_report(lexicon: Lexicon, ud: Path) -> dict[str, object]:
    from kzcorpus.io.raw import read_text

    document, reference = repair_reference()
    ref = data_root() / reference
    if not ref.is_file():
        raise DataError("hand-corrected reference not found; expected it in annotations/reference/", path=ref)
    raw = read_text(raw_dir() / f"{document}.txt")
    gold = ud / SYNTHETIC_FILE
    if not gold.is_file():
        raise DataError("UD_Turkish-IMST test file missing; pass --ud <path to UD_Turkish-IMST>", path=gold)
    return {
        "reference": {"file": str(reference), "document": document} | score_reference(ref, raw, lexicon).as_dict(),
        "synthetic": {"file": SYNTHETIC_FILE} | score_synthetic(conllu_sentences(gold), lexicon).as_dict(),
    }
