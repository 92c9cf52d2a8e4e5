"""The cleaning stage over the whole corpus, and the files it ships."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from kzcorpus.clean.lexicon import lexicon_path, load_lexicon
from kzcorpus.clean.pipeline import clean_document, link_duplicates, provenance, to_layers
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
    layers = {
        d.id: to_layers(
            d.metadata, clean_document(d.metadata, d.raw_text, lex, d.entry.layout), produced_by, lexicon_sha256
        )
        for d in items
    }
    link_duplicates([d.metadata for d in docs], layers)
    return layers


def annotation_files(layers: dict[str, CleanedLayers]) -> dict[str, str]:
    """Relative path inside ``annotations/`` → content."""
    files = {lay.record.text_file: lay.text for lay in layers.values()}
    files[CLEANING_NAME] = render_records(lay.record for lay in layers.values())
    files[PARAGRAPHS_NAME] = render_records(p for lay in layers.values() for p in lay.paragraphs)
    files[FOOTNOTES_NAME] = render_records(f for lay in layers.values() for f in lay.footnotes)
    files[REMOVED_NAME] = render_records(r for lay in layers.values() for r in lay.removed)
    return files
