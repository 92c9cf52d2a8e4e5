"""The diacritic-repair task: restore the split Turkish letters of the reference document.

The document is the one with a ``repair_reference`` in ``raw/manifest.json``
(``china-economic-relations`` in this release). Input: its raw file as shipped (ğ/ö/ü/Ğ/Ö/Ü broken into "g "/"o "/"u "
by the PDF extractor, a space after İ). Prediction: the repaired file as UTF-8 text,
line for line (same number of lines). Scored on the hand-corrected body lines of
``annotations/reference/``: word accuracy on damaged words, and collateral changes to
words that were not damaged (:mod:`kzcorpus.clean.evaluate`). A predicted line must be
derivable from its raw line by restoring letters and dropping the inserted spaces only;
anything else is rejected with its line, since word spans could not be compared.
"""

from __future__ import annotations

from pathlib import Path

from kzcorpus.clean.evaluate import load_reference, score_pairs, word_spans
from kzcorpus.clean.report import repair_reference
from kzcorpus.corpus import Corpus
from kzcorpus.errors import DataError
from kzcorpus.io.raw import read_text
from kzcorpus.paths import data_root, raw_dir


def raw_input_text(root: Path | None = None) -> str:
    document, _ = repair_reference(root)
    return read_text(raw_dir(root) / f"{document}.txt")


def read_repaired(path: Path, raw_text: str, document: str) -> list[str]:
    """The predicted lines; the file must keep the raw file's line count."""
    if not path.is_file():
        raise DataError(f"predictions file missing; expected the repaired {document}.txt", path=path)
    lines, raw_lines = read_text(path).split("\n"), raw_text.split("\n")
    if len(lines) != len(raw_lines):
        raise DataError(
            f"{len(lines)} lines; expected {len(raw_lines)}, line for line with raw/{document}.txt "
            f"(first line without a counterpart: {min(len(lines), len(raw_lines)) + 1})",
            path=path,
        )
    return lines


def evaluate_diacritics(path: Path, corpus: Corpus, split: str) -> dict[str, object]:
    document, reference_path = repair_reference(corpus.root)
    if not corpus.in_split(document, split):
        raise DataError(
            f"the diacritic task's document {document} is in the {corpus.splits[document]} split, not {split}"
        )
    raw = raw_input_text(corpus.root)
    predicted = read_repaired(path, raw, document)
    reference = (corpus.root or data_root()) / reference_path
    triples = []
    for row in load_reference(reference):
        n, damaged = int(row["line"]), str(row["raw"])  # type: ignore[call-overload]
        try:
            list(word_spans(predicted[n - 1], damaged))
        except DataError as exc:
            raise DataError(
                f"not a repair of raw line {n} ({exc}); only ğ/ö/ü/Ğ/Ö/Ü/İ restored and the spaces the "
                "extractor inserted removed are allowed",
                path=path,
                line=n,
            ) from exc
        triples.append((damaged, str(row["corrected"]), predicted[n - 1]))
    head: dict[str, object] = {"lines": len(triples)}
    return head | score_pairs(triples).as_dict()
