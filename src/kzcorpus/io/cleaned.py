"""The cleaning layers on disk: ``annotations/text/<id>.txt`` plus JSON Lines records.

Writers render exactly what the build ships; :func:`load_cleaned` reads them back with
the cross-checks a user of the layers relies on (hashes, offsets inside the text, the
offset map covering every character).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from kzcorpus.errors import DataError
from kzcorpus.io.jsonl import iter_jsonl_numbered
from kzcorpus.io.raw import read_text, sha256_bytes
from kzcorpus.paths import annotations_dir
from kzcorpus.schema.clean import CleanedText, Footnote, Paragraph, Removed

TEXT_DIR = "text"
CLEANING_NAME = "cleaning.jsonl"
PARAGRAPHS_NAME = "paragraphs.jsonl"
FOOTNOTES_NAME = "footnotes.jsonl"
REMOVED_NAME = "removed.jsonl"


@dataclass
class CleanedLayers:
    record: CleanedText
    text: str
    paragraphs: list[Paragraph] = field(default_factory=list)
    footnotes: list[Footnote] = field(default_factory=list)
    removed: list[Removed] = field(default_factory=list)

    def paragraph_text(self, p: Paragraph) -> str:
        return self.text[p.start : p.end]


def text_relpath(doc_id: str) -> str:
    return f"{TEXT_DIR}/{doc_id}.txt"


def _check(layers: CleanedLayers, path: Path) -> None:
    rec, n = layers.record, len(layers.text)
    if sha256_bytes(layers.text.encode("utf-8")) != rec.text_sha256:
        raise DataError(f"text does not match text_sha256 of {rec.document}; rebuild with `kzcorpus build`", path=path)
    pos = 0
    for cs, ce, _rs, _re, _kind in rec.offset_map:
        if cs != pos or ce <= cs:
            raise DataError(f"offset map of {rec.document} has a gap or overlap at offset {pos}", offset=pos)
        pos = ce
    if pos != n:
        raise DataError(f"offset map of {rec.document} covers {pos} of {n} characters", offset=pos)
    for p in layers.paragraphs:
        if p.end > n:
            raise DataError(f"paragraph {p.index} of {p.document} ends at {p.end}, past the text ({n})")


def load_cleaned(root: Path | None = None) -> dict[str, CleanedLayers]:
    """Document id → its cleaning layers, validated against each other."""
    base = annotations_dir(root)
    out: dict[str, CleanedLayers] = {}
    for _, rec in iter_jsonl_numbered(base / CLEANING_NAME, CleanedText):
        tpath = base / rec.text_file
        if not tpath.is_file():
            raise DataError(f"cleaned text of {rec.document} missing; run `kzcorpus build`", path=tpath)
        out[rec.document] = CleanedLayers(rec, read_text(tpath))
    for name, model, attr in (
        (PARAGRAPHS_NAME, Paragraph, "paragraphs"),
        (FOOTNOTES_NAME, Footnote, "footnotes"),
        (REMOVED_NAME, Removed, "removed"),
    ):
        path = base / name
        for line, item in iter_jsonl_numbered(path, model):
            layers = out.get(item.document)  # type: ignore[attr-defined]
            if layers is None:
                raise DataError(f"unknown document {item.document!r}", path=path, line=line, field="document")  # type: ignore[attr-defined]
            getattr(layers, attr).append(item)
    for layers in out.values():
        _check(layers, base / CLEANING_NAME)
    return out
