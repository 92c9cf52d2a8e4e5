"""The build: raw → clean → segment/annotate → gold UD → stance → export (with the parallel alignment).

Everything under ``schemas/``, ``dataset/`` and the generated layers under
``annotations/`` is made here; a fresh build over the shipped raw files, hand-made
annotations and models reproduces the shipped outputs byte for byte.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

from kzcorpus.export.hf import dataset_files
from kzcorpus.export.layers import CorpusLayers
from kzcorpus.export.schemas import schema_files
from kzcorpus.io.atomic import write_bytes_atomic
from kzcorpus.io.cleaned import CleanedLayers
from kzcorpus.io.conllu import Sentence, load_annotation
from kzcorpus.io.documents import Document, load_documents
from kzcorpus.io.raw import read_text
from kzcorpus.io.stance import LABELS, StanceInputs, read_stance_inputs, render_labels
from kzcorpus.parallel.align import SentenceInfo
from kzcorpus.paths import annotations_dir, data_root, dataset_dir, schemas_dir
from kzcorpus.schema.parallel import AlignmentLink
from kzcorpus.schema.stance import StanceLabel

BUILD_INPUTS = (
    "raw",
    "annotations/documents.jsonl",
    "annotations/stance",
    "annotations/parallel",
    "annotations/ud-gold",
    "annotations/quality.json",
    "annotations/baselines.json",
    "annotations/reference",  # hand-made references: not read by the build, scored against by quality/evaluate
    "models/restore/lexicon.tsv",
)
"""What a build reads from a data root (hand-made or shipped as input); it writes the rest.
The Stanza models are read from the package's own models directory."""


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


class BuildContext:
    """Inputs and intermediate results shared by the stages, each computed once."""

    def __init__(self, root: Path, progress: bool = False, annotate: bool = True) -> None:
        self.root = root
        self.progress = progress
        self.annotate = annotate  # False: read the shipped CoNLL-U instead of running Stanza

    @cached_property
    def documents(self) -> list[Document]:
        return load_documents(self.root)

    @cached_property
    def cleaned(self) -> dict[str, CleanedLayers]:
        from kzcorpus.clean.corpus import clean_corpus

        return clean_corpus(self.documents, self.root, progress=self.progress)

    @cached_property
    def annotated(self) -> dict[tuple[str, str], list[Sentence]]:
        if not self.annotate:
            return load_annotation(annotations_dir(self.root), {k: v.text for k, v in self.cleaned.items()})
        from kzcorpus.annotate.corpus import annotate_corpus

        return annotate_corpus(self.cleaned, progress=self.progress)

    @cached_property
    def conllu_files(self) -> dict[str, str]:
        from kzcorpus.annotate.corpus import annotation_files

        return annotation_files(self.annotated)

    @cached_property
    def validation_files(self) -> dict[str, str]:
        """The UD validator's report: recomputed when annotating, else the shipped one."""
        from kzcorpus.annotate.udcheck import REPORT_PATH, validation_files

        if self.annotate:
            return validation_files(self.conllu_files)
        path = annotations_dir(self.root) / REPORT_PATH
        return {REPORT_PATH: read_text(path)} if path.is_file() else {}

    @cached_property
    def gold(self) -> dict[tuple[str, str], list[Sentence]]:
        """The hand-annotated UD layer (dev and test splits), merged from its passes."""
        from kzcorpus.benchmark.splits import assign_splits
        from kzcorpus.udgold.layer import gold_layer

        texts = {k: v.text for k, v in self.cleaned.items()}
        return gold_layer(annotations_dir(self.root), texts, self.annotated, assign_splits(self.documents))

    @cached_property
    def stance_inputs(self) -> StanceInputs:
        return read_stance_inputs(self.root)

    @cached_property
    def stance(self) -> list[StanceLabel]:
        from kzcorpus.stance.labels import make_labels

        return make_labels(self.stance_inputs, self.cleaned, self.annotated)

    @cached_property
    def stance_agreement(self) -> dict[str, Any]:
        from kzcorpus.benchmark.splits import assign_splits
        from kzcorpus.stance.labels import agreement_report

        return agreement_report(self.stance_inputs, self.cleaned, self.annotated, assign_splits(self.documents))

    @cached_property
    def parallel(self) -> tuple[list[AlignmentLink], dict[str, SentenceInfo]]:
        from kzcorpus.parallel.align import load_links

        return load_links(self.root, self.documents, self.cleaned, self.annotated)

    @cached_property
    def quality(self) -> dict[str, Any] | None:
        """Hand-checked quality figures saved by `kzcorpus quality --save` (an input here)."""
        import json

        from kzcorpus.annotate.quality import QUALITY_PATH

        path = annotations_dir(self.root) / QUALITY_PATH
        return json.loads(read_text(path)) if path.is_file() else None

    @cached_property
    def baselines(self) -> dict[str, Any] | None:
        """Baseline scores saved by `kzcorpus baseline --all --save` (an input here)."""
        import json

        from kzcorpus.benchmark.results import RESULTS_PATH

        path = annotations_dir(self.root) / RESULTS_PATH
        return json.loads(read_text(path)) if path.is_file() else None


def _schema_outputs(ctx: BuildContext) -> Iterator[Output]:
    for name, text in schema_files().items():
        yield Output(schemas_dir(ctx.root) / name, text)


def _clean_outputs(ctx: BuildContext) -> Iterator[Output]:
    from kzcorpus.clean.corpus import annotation_files

    for rel, text in annotation_files(ctx.cleaned).items():
        yield Output(annotations_dir(ctx.root) / rel, text)


def _annotate_outputs(ctx: BuildContext) -> Iterator[Output]:
    if not ctx.annotate:
        return
    for rel, text in {**ctx.conllu_files, **ctx.validation_files}.items():
        yield Output(annotations_dir(ctx.root) / rel, text)


def _gold_outputs(ctx: BuildContext) -> Iterator[Output]:
    from kzcorpus.udgold.layer import gold_files

    for rel, text in gold_files(ctx.gold).items():
        yield Output(annotations_dir(ctx.root) / rel, text)


def _stance_outputs(ctx: BuildContext) -> Iterator[Output]:
    yield Output(annotations_dir(ctx.root) / LABELS, render_labels(ctx.stance))


def _dataset_outputs(ctx: BuildContext) -> Iterator[Output]:
    from kzcorpus import __version__

    layers = CorpusLayers(
        documents=ctx.documents,
        cleaned=ctx.cleaned,
        annotated=ctx.annotated,
        validation=ctx.validation_files,
        version=__version__,
        stance=ctx.stance,
        stance_agreement=ctx.stance_agreement,
        quality=ctx.quality,
        links=ctx.parallel[0],
        link_sentences=ctx.parallel[1],
        baselines=ctx.baselines,
        gold=ctx.gold,
    )
    for rel, text in dataset_files(layers).items():
        yield Output(dataset_dir(ctx.root) / rel, text)


STAGES: tuple[tuple[str, Callable[[BuildContext], Iterator[Output]]], ...] = (
    ("schemas", _schema_outputs),
    ("clean", _clean_outputs),
    ("annotate", _annotate_outputs),
    ("gold", _gold_outputs),
    ("stance", _stance_outputs),
    ("export", _dataset_outputs),
)


def iter_outputs(
    root: Path | None = None, *, progress: bool = False, annotate: bool = True
) -> Iterator[tuple[str, Output]]:
    """Stream (stage, output) pairs; computing them validates every input first.

    ``annotate=False`` skips Stanza: the shipped CoNLL-U files are read (and checked)
    as an input instead of being regenerated, so everything downstream can be verified
    without the heavy extra.
    """
    ctx = BuildContext(root or data_root(), progress, annotate)
    for name, stage in STAGES:
        for output in stage(ctx):
            yield name, output


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
