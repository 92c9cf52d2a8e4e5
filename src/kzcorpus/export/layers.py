"""Everything the export stage renders from, computed once by the build."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from kzcorpus.benchmark.splits import assign_folds, assign_splits
from kzcorpus.io.cleaned import CleanedLayers
from kzcorpus.io.conllu import Sentence
from kzcorpus.io.documents import Document
from kzcorpus.parallel.align import SentenceInfo
from kzcorpus.schema.parallel import AlignmentLink
from kzcorpus.schema.stance import StanceLabel


@dataclass(frozen=True)
class CorpusLayers:
    documents: Sequence[Document]
    cleaned: Mapping[str, CleanedLayers]
    annotated: Mapping[tuple[str, str], Sequence[Sentence]]
    validation: Mapping[str, str]
    version: str
    stance: Sequence[StanceLabel] = ()
    stance_agreement: Mapping[str, Any] | None = None
    quality: Mapping[str, Any] | None = None
    links: Sequence[AlignmentLink] = ()
    link_sentences: Mapping[str, SentenceInfo] = field(default_factory=dict)
    baselines: Mapping[str, Any] | None = None
    gold: Mapping[tuple[str, str], Sequence[Sentence]] = field(default_factory=dict)

    @cached_property
    def splits(self) -> dict[str, str]:
        """Document id → benchmark split, computed once for the rows and the card."""
        return assign_splits(self.documents)

    @cached_property
    def folds(self) -> dict[str, int]:
        return assign_folds(self.documents)
