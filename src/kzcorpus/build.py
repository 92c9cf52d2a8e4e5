"""The build: raw → (later: clean → segment/annotate) → export.

Everything under ``schemas/`` and ``dataset/`` is generated here; a fresh build over the
shipped raw files and annotations reproduces the shipped outputs byte for byte.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from kzcorpus.export.hf import dataset_files
from kzcorpus.export.schemas import schema_files
from kzcorpus.io.atomic import write_text_atomic
from kzcorpus.io.documents import load_documents
from kzcorpus.paths import data_root, dataset_dir, schemas_dir


@dataclass(frozen=True)
class Output:
    path: Path
    content: str

    def is_current(self) -> bool:
        return self.path.is_file() and self.path.read_bytes() == self.content.encode("utf-8")


def _schema_outputs(root: Path) -> Iterator[Output]:
    for name, text in schema_files().items():
        yield Output(schemas_dir(root) / name, text)


def _dataset_outputs(root: Path) -> Iterator[Output]:
    from kzcorpus import __version__

    for rel, text in dataset_files(load_documents(root), __version__).items():
        yield Output(dataset_dir(root) / rel, text)


STAGES: tuple[tuple[str, Callable[[Path], Iterator[Output]]], ...] = (
    ("schemas", _schema_outputs),
    ("export", _dataset_outputs),
)


def iter_outputs(root: Path | None = None, *, progress: bool = False) -> Iterator[tuple[str, Output]]:
    """Stream (stage, output) pairs; computing them validates every input first."""
    base = root or data_root()
    stages = STAGES
    if progress:
        from tqdm import tqdm

        stages = tqdm(STAGES, desc="build", unit="stage")  # type: ignore[assignment]
    for name, stage in stages:
        for output in stage(base):
            yield name, output


def build(root: Path | None = None, *, progress: bool = False) -> list[tuple[Output, bool]]:
    """Compute every output, then write them atomically; returns (output, changed)."""
    outputs = [o for _, o in iter_outputs(root, progress=progress)]  # all computed before any write
    return [(o, write_text_atomic(o.path, o.content)) for o in outputs]


def stale_outputs(root: Path | None = None) -> list[Path]:
    """Generated files that differ from what a fresh build would write."""
    return [o.path for _, o in iter_outputs(root) if not o.is_current()]
