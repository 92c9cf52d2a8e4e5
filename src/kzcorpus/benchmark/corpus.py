"""The shipped layers a benchmark task scores against, loaded once and checked."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from kzcorpus.benchmark.splits import SPLIT_OF_GROUP, SPLITS, assign_folds, assign_splits
from kzcorpus.errors import DataError
from kzcorpus.io.cleaned import CleanedLayers
from kzcorpus.io.conllu import Sentence
from kzcorpus.io.documents import Document
from kzcorpus.parallel.align import SentenceInfo
from kzcorpus.schema.parallel import AlignmentLink
from kzcorpus.schema.stance import StanceLabel

ALL = "all"
FOLD_SPLITS = tuple(f"fold-{k}" for k in range(len(SPLIT_OF_GROUP)))
REST = "-rest"
SPLIT_CHOICES = (*SPLITS, *FOLD_SPLITS, ALL)
"""``--split`` values: a benchmark split; ``fold-k``, the documents held out by fold *k*
(train on the rest, ``fold-k-rest``); or ``all`` (every document, for systems not trained
on the corpus, such as the shipped taggers)."""


def training_split(split: str) -> str:
    """What a baseline trains on when it is scored on ``split``: the other folds, else ``train``."""
    return split + REST if split in FOLD_SPLITS else "train"


@dataclass
class BenchmarkCorpus:
    root: Path | None = None

    @cached_property
    def documents(self) -> list[Document]:
        from kzcorpus.io.documents import load_documents

        return load_documents(self.root)

    @cached_property
    def splits(self) -> dict[str, str]:
        return assign_splits(self.documents)

    @cached_property
    def folds(self) -> dict[str, int]:
        return assign_folds(self.documents)

    @cached_property
    def cleaned(self) -> dict[str, CleanedLayers]:
        from kzcorpus.io.cleaned import load_cleaned

        return load_cleaned(self.root)

    @cached_property
    def annotated(self) -> dict[tuple[str, str], list[Sentence]]:
        from kzcorpus.io.conllu import load_annotation
        from kzcorpus.paths import annotations_dir

        return load_annotation(annotations_dir(self.root), {k: v.text for k, v in self.cleaned.items()})

    @cached_property
    def gold(self) -> dict[tuple[str, str], list[Sentence]]:
        """The released hand-annotated UD layer (dev and test splits, tr and en)."""
        from kzcorpus.io.conllu import load_annotation
        from kzcorpus.paths import annotations_dir
        from kzcorpus.udgold.layer import GOLD_DIR

        return load_annotation(annotations_dir(self.root), {k: v.text for k, v in self.cleaned.items()}, (GOLD_DIR,))

    @cached_property
    def stance(self) -> list[StanceLabel]:
        from kzcorpus.stance.labels import load_stance

        return load_stance(self.root, self.cleaned)

    @cached_property
    def parallel(self) -> tuple[list[AlignmentLink], dict[str, SentenceInfo]]:
        from kzcorpus.parallel.align import load_links

        return load_links(self.root, self.documents, self.cleaned, self.annotated)

    def in_split(self, document: str, split: str) -> bool:
        if split == ALL:
            return True
        if split in SPLITS:
            return self.splits[document] == split
        if split in FOLD_SPLITS:
            return self.folds[document] == FOLD_SPLITS.index(split)
        if split.endswith(REST) and split.removesuffix(REST) in FOLD_SPLITS:
            return not self.in_split(document, split.removesuffix(REST))
        raise DataError(f"unknown split {split!r}; expected one of {', '.join(SPLIT_CHOICES)}")
