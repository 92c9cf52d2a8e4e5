"""Document-level splits with no leakage, and leave-one-document-out folds.

Documents that are related (an index record that describes or repeats an article) form
one group and always share a split and a fold, so no text reaches two splits. Each
document's split is data (``split`` in ``raw/manifest.json``, fixed by hand: a random
draw over so few groups would leave a split empty or without stance labels); this
module only checks that a group does not straddle two splits. Stable across rebuilds:
it depends only on document ids, their recorded splits and their relations.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import get_args

from kzcorpus.errors import DataError
from kzcorpus.io.documents import Document
from kzcorpus.schema.manifest import Split

SPLITS: tuple[Split, ...] = get_args(Split)


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
    """Document id → split, read from the manifest; a group split across two splits is an error."""
    by_group: dict[str, set[str]] = {}
    for doc_id, group in groups(documents).items():
        by_group.setdefault(group, set()).add(doc_id)
    split_of = {d.id: d.entry.split for d in documents}
    for group, members in sorted(by_group.items()):
        found = {split_of[m] for m in members}
        if len(found) > 1:
            detail = ", ".join(f"{m}: {split_of[m]}" for m in sorted(members))
            raise DataError(
                f"related documents of group {group!r} are in different splits ({detail}); "
                "expected one split per group in raw/manifest.json (text would leak between splits)"
            )
    return split_of


def assign_folds(documents: Sequence[Document]) -> dict[str, int]:
    """Document id → fold: fold k holds out the k-th group (sorted by name) as its test set."""
    by_doc = groups(documents)
    order = {g: k for k, g in enumerate(sorted(set(by_doc.values())))}
    return {doc_id: order[g] for doc_id, g in by_doc.items()}
