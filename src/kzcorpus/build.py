"""The build: raw → clean → (later: segment/annotate) → export.

Everything under ``schemas/``, ``dataset/`` and the generated layers under
``annotations/`` is made here; a fresh build over the shipped raw files, hand-made
annotations and models reproduces the shipped outputs byte for byte.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from kzcorpus.export.hf import dataset_files
from kzcorpus.export.schemas import schema_files
from kzcorpus.io.atomic import write_text_atomic
from kzcorpus.io.cleaned import CleanedLayers
from kzcorpus.io.documents import Document, load_documents
from kzcorpus.paths import annotations_dir, data_root, dataset_dir, schemas_dir


@dataclass(frozen=True)
class Output:
    path: Path
    content: str

    def is_current(self) -> bool:
        return self.path.is_file() and self.path.read_bytes() == self.content.encode("utf-8")


class BuildContext:
    """Inputs and intermediate results shared by the stages, each computed once."""

    def __init__(self, root: Path, progress: bool = False) -> None:
        self.root = root
        self.progress = progress

    @cached_property
    def documents(self) -> list[Document]:
        return load_documents(self.root)

    @cached_property
    def cleaned(self) -> dict[str, CleanedLayers]:
        from kzcorpus.clean.corpus import clean_corpus

        return clean_corpus(self.documents, self.root, progress=self.progress)


def _schema_outputs(ctx: BuildContext) -> Iterator[Output]:
    for name, text in schema_files().items():
        yield Output(schemas_dir(ctx.root) / name, text)


def _clean_outputs(ctx: BuildContext) -> Iterator[Output]:
    from kzcorpus.clean.corpus import annotation_files

    for rel, text in annotation_files(ctx.cleaned).items():
        yield Output(annotations_dir(ctx.root) / rel, text)


def _dataset_outputs(ctx: BuildContext) -> Iterator[Output]:
    from kzcorpus import __version__

    for rel, text in dataset_files(ctx.documents, ctx.cleaned, __version__).items():
        yield Output(dataset_dir(ctx.root) / rel, text)


STAGES: tuple[tuple[str, Callable[[BuildContext], Iterator[Output]]], ...] = (
    ("schemas", _schema_outputs),
    ("clean", _clean_outputs),
    ("export", _dataset_outputs),
)


def iter_outputs(root: Path | None = None, *, progress: bool = False) -> Iterator[tuple[str, Output]]:
    """Stream (stage, output) pairs; computing them validates every input first."""
    ctx = BuildContext(root or data_root(), progress)
    for name, stage in STAGES:
        for output in stage(ctx):
            yield name, output


def build(root: Path | None = None, *, progress: bool = False) -> list[tuple[Output, bool]]:
    """Compute every output, then write them atomically; returns (output, changed)."""
    outputs = [o for _, o in iter_outputs(root, progress=progress)]  # all computed before any write
    return [(o, write_text_atomic(o.path, o.content)) for o in outputs]


def stale_outputs(root: Path | None = None) -> list[Path]:
    """Generated files that differ from what a fresh build would write."""
    return [o.path for _, o in iter_outputs(root) if not o.is_current()]
