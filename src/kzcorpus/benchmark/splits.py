"""Document-level splits with no leakage, and leave-one-document-out folds.

Documents that are related (an index record that describes or repeats an article) form
one group and always share a split and a fold, so no text reaches two splits. The
assignment is fixed by hand (the corpus has four groups; a random draw would leave a split
empty or without stance labels) and stable across rebuilds: it depends only on document
ids and their recorded relations.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from kzcorpus.errors import DataError
from kzcorpus.io.documents import Document

Split = str
SPLITS: tuple[Split, ...] = ("train", "dev", "test")

SPLIT_OF_GROUP: Mapping[str, Split] = {
    "russia-alliance-limits": "train",  # the long article + its IAD record: most text and stance labels
    "balance-policy-2025": "dev",
    "central-asia-kyiv-2025": "dev",
    "china-economic-relations": "test",  # a whole article, abstracts in tr and en
}
"""Group (named by its main document) → split."""


def groups(documents: Sequence[Document]) -> dict[str, str]:
    """Document id → its group: the document a relation points to, else itself."""
    out = {}
    ids = {d.id for d in documents}
    for d in documents:
        targets = {r.target for r in d.metadata.relations if r.target in ids}
        if len(targets) > 1:
            raise DataError(f"{d.id} relates to several documents ({', '.join(sorted(targets))}); expected one group")
        out[d.id] = targets.pop() if targets else d.id
    return out


def assign_splits(documents: Sequence[Document]) -> dict[str, Split]:
    """Document id → split; a group without an assignment is an error, never a silent default."""
    out = {}
    for doc_id, group in groups(documents).items():
        if group not in SPLIT_OF_GROUP:
            raise DataError(
                f"document group {group!r} has no split; add it to kzcorpus.benchmark.splits.SPLIT_OF_GROUP"
            )
        out[doc_id] = SPLIT_OF_GROUP[group]
    return out


def assign_folds(documents: Sequence[Document]) -> dict[str, int]:
    """Document id → fold: fold k holds out the k-th group (sorted by name) as its test set."""
    by_doc = groups(documents)
    order = {g: k for k, g in enumerate(sorted(set(by_doc.values())))}
    return {doc_id: order[g] for doc_id, g in by_doc.items()}
