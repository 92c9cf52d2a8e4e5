"""The build: raw → clean → segment/annotate → gold UD → stance → export (with the parallel alignment).

Everything under ``schemas/``, ``dataset/`` and the generated layers under
``annotations/`` is made here; a fresh build over the shipped raw files, hand-made
annotations and models reproduces the shipped outputs byte for byte. The layers and
their order come from the registry (:mod:`kzcorpus.registry`); this module only computes
every layer's files and writes them.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from kzcorpus.corpus import Corpus
from kzcorpus.io.atomic import write_bytes_atomic
from kzcorpus.paths import data_root
from kzcorpus.registry import LAYERS, build_inputs

BUILD_INPUTS = build_inputs()
"""What a build reads from a data root (hand-made or shipped as input); it writes the rest.
The Stanza models are read from the package's own models directory."""

REUSE_ANNOTATION = ("annotated", "validation")
"""Layers read from the shipped files by ``build --reuse-annotation`` (no Stanza)."""


def copy_inputs(src: Path, dst: Path) -> None:
    """Copy a data root's :data:`BUILD_INPUTS` into ``dst``: a fresh root to rebuild from."""
    import shutil

    for rel in BUILD_INPUTS:
        source, target = src / rel, dst / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        if source.is_dir():
            shutil.copytree(source, target)
        else:
            shutil.copy2(source, target)


@dataclass(frozen=True)
class Output:
    path: Path
    content: str | bytes  # text files as str (written UTF-8), binary ones (Parquet) as bytes

    @property
    def data(self) -> bytes:
        return self.content.encode("utf-8") if isinstance(self.content, str) else self.content

    def is_current(self) -> bool:
        if not self.path.is_file():
            return False
        old = self.path.read_bytes()
        if old == self.data:
            return True
        if self.path.suffix == ".parquet":  # another pyarrow writes other bytes for the same table
            from kzcorpus.export.parquet import same_table

            return same_table(old, self.data)
        return False


def building_corpus(root: Path | None = None, *, progress: bool = False, annotate: bool = True) -> Corpus:
    """A corpus whose layers are computed from the inputs; ``annotate=False`` reads the
    shipped CoNLL-U layer (checked) instead of running Stanza."""
    return Corpus(root or data_root(), mode="build", reuse=() if annotate else REUSE_ANNOTATION, progress=progress)


def iter_outputs(
    root: Path | None = None, *, progress: bool = False, annotate: bool = True
) -> Iterator[tuple[str, Output]]:
    """Stream (stage, output) pairs, layer by layer in registry order; computing them
    validates every input first. Layers read rather than built write nothing."""
    corpus = building_corpus(root, progress=progress, annotate=annotate)
    for layer in LAYERS.values():
        if layer.files is None or not corpus.is_built(layer.name):
            continue
        for path, content in layer.files(corpus, corpus.layer(layer.name)).items():
            yield layer.stage or layer.name, Output(path, content)


def build(root: Path | None = None, *, progress: bool = False, annotate: bool = True) -> list[tuple[Output, bool]]:
    """Compute every output, then write them atomically; returns (output, changed)."""
    outputs = [o for _, o in iter_outputs(root, progress=progress, annotate=annotate)]  # all before any write
    return [(o, write_bytes_atomic(o.path, o.data)) for o in outputs]


def stale_outputs(root: Path | None = None, *, annotate: bool = False) -> list[Path]:
    """Generated files that differ from what a fresh build would write.

    By default the CoNLL-U layer is taken as shipped (checked, not re-annotated);
    ``annotate=True`` also re-runs Stanza and the UD validator.
    """
    return [o.path for _, o in iter_outputs(root, annotate=annotate) if not o.is_current()]
