"""The cleaning stage over the whole corpus, and the files it ships."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from kzcorpus.clean.lexicon import Lexicon, lexicon_path, load_lexicon
from kzcorpus.clean.pipeline import CleanedDocument, clean_document, link_duplicates, provenance, to_layers
from kzcorpus.io.cleaned import (
    CLEANING_NAME,
    FOOTNOTES_NAME,
    PARAGRAPHS_NAME,
    REMOVED_NAME,
    CleanedLayers,
)
from kzcorpus.io.documents import Document
from kzcorpus.io.jsonl import render_records
from kzcorpus.io.raw import sha256_file


def clean_corpus(
    docs: Sequence[Document], root: Path | None = None, *, progress: bool = False
) -> dict[str, CleanedLayers]:
    from kzcorpus import __version__

    lex = load_lexicon(root)
    assert lex.morphology is not None
    lexicon_sha256 = sha256_file(lexicon_path(root))
    produced_by = provenance(f"zeyrek {lex.morphology.version}", __version__)
    items = docs
    if progress:
        from tqdm import tqdm  # type: ignore[import-untyped]

        items = tqdm(docs, desc="clean", unit="doc")  # type: ignore[assignment]
    layers = {d.id: to_layers(d.metadata, _clean_one(d, lex, root), produced_by, lexicon_sha256) for d in items}
    link_duplicates([d.metadata for d in docs], layers)
    return layers


def _clean_one(doc: Document, lex: Lexicon, root: Path | None) -> CleanedDocument:
    """Clean one document; an error without a file names the document's raw file (or the
    manifest, for its layout profile)."""
    from kzcorpus.errors import DataError
    from kzcorpus.io.raw import MANIFEST_NAME
    from kzcorpus.paths import raw_dir

    try:
        return clean_document(doc.metadata, doc.raw_text, lex, doc.entry.layout)
    except DataError as exc:
        if exc.path is not None:
            raise
        path = raw_dir(root) / (MANIFEST_NAME if exc.field == "layout" else doc.entry.file)
        where = f"document {doc.id}: " if exc.field == "layout" else ""
        raise DataError(where + exc.message, path=path, line=exc.line, field=exc.field) from exc


def annotation_files(layers: dict[str, CleanedLayers]) -> dict[str, str]:
    """Relative path inside ``annotations/`` → content."""
    files = {lay.record.text_file: lay.text for lay in layers.values()}
    files[CLEANING_NAME] = render_records(lay.record for lay in layers.values())
    files[PARAGRAPHS_NAME] = render_records(p for lay in layers.values() for p in lay.paragraphs)
    files[FOOTNOTES_NAME] = render_records(f for lay in layers.values() for f in lay.footnotes)
    files[REMOVED_NAME] = render_records(r for lay in layers.values() for r in lay.removed)
    return files
