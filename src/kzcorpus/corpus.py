"""One corpus object: every layer, built from the inputs or loaded from the shipped files.

Layers are resolved through the registry (:mod:`kzcorpus.registry`), each computed once
and only when asked for, after the layers it requires. A *built* corpus (what
``kzcorpus build`` uses) computes each layer from the hand-made inputs; a *loaded* one
(what the benchmark, the exporters and the tests read) reads the generated files and
checks them. ``reuse`` loads chosen layers even in a build (``build --reuse-annotation``
keeps the shipped CoNLL-U instead of running Stanza).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from kzcorpus.errors import DataError

if TYPE_CHECKING:
    from kzcorpus.io.cleaned import CleanedLayers
    from kzcorpus.io.conllu import Sentence
    from kzcorpus.io.documents import Document
    from kzcorpus.io.stance import StanceInputs
    from kzcorpus.parallel.align import SentenceInfo
    from kzcorpus.schema.parallel import AlignmentLink
    from kzcorpus.schema.stance import StanceLabel

Mode = Literal["build", "load"]

ALL = "all"
FOLD = "fold-"
REST = "-rest"
SPLITS_HELP = "train, dev, test, fold-K (documents held out by fold K; fold-K-rest trains on the others) or all"
"""``--split`` values: a benchmark split; ``fold-k``, the documents held out by fold *k*
(train on the rest, ``fold-k-rest``); or ``all`` (every document, for systems not trained
on the corpus, such as the shipped taggers). The number of folds is the number of
document groups, so it is read from the data."""


def fold_splits(n_folds: int) -> tuple[str, ...]:
    return tuple(f"{FOLD}{k}" for k in range(n_folds))


def is_fold(split: str) -> bool:
    return split.startswith(FOLD) and split.removeprefix(FOLD).isdigit()


def training_split(split: str) -> str:
    """What a baseline trains on when it is scored on ``split``: the other folds, else ``train``."""
    return split + REST if is_fold(split) else "train"


class Corpus:
    """The layers of one data root (``None``: the shipped data or ``KZCORPUS_DATA``)."""

    def __init__(
        self,
        root: Path | None = None,
        *,
        mode: Mode = "load",
        reuse: Iterable[str] = (),
        progress: bool = False,
    ) -> None:
        from kzcorpus.registry import LAYERS

        unknown = sorted(set(reuse) - set(LAYERS))
        if unknown:
            raise DataError(f"unknown layer(s) {', '.join(unknown)}; expected some of {', '.join(LAYERS)}")
        self.root = root
        self.mode = mode
        self.reuse = frozenset(reuse)
        self.progress = progress
        self._values: dict[str, Any] = {}
        self._resolving: list[str] = []

    def is_built(self, name: str) -> bool:
        """Whether ``name`` is computed from inputs here (else read from its shipped files)."""
        return self.mode == "build" and name not in self.reuse

    def layer(self, name: str) -> Any:
        """The value of layer ``name``, computing what it requires first (once)."""
        from kzcorpus.registry import LAYERS

        if name in self._values:
            return self._values[name]
        if name not in LAYERS:
            raise DataError(f"unknown layer {name!r}; expected one of {', '.join(LAYERS)}")
        if name in self._resolving:  # a registry bug, not a data problem
            raise RuntimeError(f"layer cycle: {' -> '.join([*self._resolving, name])}")
        spec = LAYERS[name]
        self._resolving.append(name)
        try:
            for dep in spec.requires:
                self.layer(dep)
            make = spec.build if self.is_built(name) or spec.load is None else spec.load
            value = make(self)
        finally:
            self._resolving.pop()
        self._values[name] = value
        return value

    # Typed access to the layers the library reads; any layer is also ``corpus.layer(name)``.
    @property
    def documents(self) -> list[Document]:
        return self.layer("documents")  # type: ignore[no-any-return]

    @property
    def cleaned(self) -> dict[str, CleanedLayers]:
        return self.layer("cleaned")  # type: ignore[no-any-return]

    @property
    def annotated(self) -> dict[tuple[str, str], list[Sentence]]:
        return self.layer("annotated")  # type: ignore[no-any-return]

    @property
    def validation(self) -> dict[str, str]:
        return self.layer("validation")  # type: ignore[no-any-return]

    @property
    def gold(self) -> dict[tuple[str, str], list[Sentence]]:
        return self.layer("gold")  # type: ignore[no-any-return]

    @property
    def stance_inputs(self) -> StanceInputs:
        return self.layer("stance_inputs")  # type: ignore[no-any-return]

    @property
    def stance(self) -> list[StanceLabel]:
        return self.layer("stance")  # type: ignore[no-any-return]

    @property
    def stance_agreement(self) -> dict[str, Any] | None:
        return self.layer("stance_agreement")  # type: ignore[no-any-return]

    @property
    def parallel(self) -> tuple[list[AlignmentLink], dict[str, SentenceInfo]]:
        return self.layer("parallel")  # type: ignore[no-any-return]

    @property
    def links(self) -> Sequence[AlignmentLink]:
        return self.parallel[0]

    @property
    def link_sentences(self) -> Mapping[str, SentenceInfo]:
        return self.parallel[1]

    @property
    def quality(self) -> dict[str, Any] | None:
        return self.layer("quality")  # type: ignore[no-any-return]

    @property
    def baselines(self) -> dict[str, Any] | None:
        return self.layer("baselines")  # type: ignore[no-any-return]

    @property
    def version(self) -> str:
        from kzcorpus import __version__

        return __version__

    # Splits and folds: facts of the documents (``split`` in raw/manifest.json, relations).
    @cached_property
    def splits(self) -> dict[str, str]:
        """Document id → benchmark split."""
        from kzcorpus.benchmark.splits import assign_splits

        return assign_splits(self.documents)

    @cached_property
    def folds(self) -> dict[str, int]:
        """Document id → leave-one-group-out fold."""
        from kzcorpus.benchmark.splits import assign_folds

        return assign_folds(self.documents)

    @cached_property
    def fold_splits(self) -> tuple[str, ...]:
        """``fold-0`` … one per document group."""
        return fold_splits(len(set(self.folds.values())))

    @property
    def split_choices(self) -> tuple[str, ...]:
        from kzcorpus.benchmark.splits import SPLITS

        return (*SPLITS, *self.fold_splits, ALL)

    def check_split(self, split: str) -> str:
        """``split`` if this corpus has it, else a :class:`DataError` naming the choices."""
        if split in self.split_choices or (split.endswith(REST) and split.removesuffix(REST) in self.fold_splits):
            return split
        raise DataError(f"unknown split {split!r}; expected one of {', '.join(self.split_choices)}")

    def in_split(self, document: str, split: str) -> bool:
        from kzcorpus.benchmark.splits import SPLITS

        split = self.check_split(split)
        if split == ALL:
            return True
        if split in SPLITS:
            return self.splits[document] == split
        if split in self.fold_splits:
            return self.folds[document] == self.fold_splits.index(split)
        return not self.in_split(document, split.removesuffix(REST))
