"""Document-level splits and folds: no leakage between related documents, stable, complete."""

from __future__ import annotations

import pytest

from kzcorpus.benchmark.splits import SPLITS, assign_folds, assign_splits, groups
from kzcorpus.errors import DataError
from kzcorpus.io.documents import Document, load_documents


def test_related_documents_share_split_and_fold() -> None:
    docs = load_documents()
    splits, folds = assign_splits(docs), assign_folds(docs)
    assert set(splits) == {d.id for d in docs} == set(folds)
    for d in docs:
        for rel in d.metadata.relations:
            assert splits[d.id] == splits[rel.target] and folds[d.id] == folds[rel.target]
    assert set(splits.values()) == set(SPLITS)
    assert sorted(set(folds.values())) == list(range(len(set(groups(docs).values()))))


def test_splits_are_stable_whatever_the_document_order() -> None:
    docs = load_documents()
    assert assign_splits(docs[::-1]) == assign_splits(docs)
    assert assign_folds(docs[::-1]) == assign_folds(docs)


def test_a_document_without_a_split_is_an_error() -> None:
    docs = load_documents()
    extra = Document(docs[0].metadata.model_copy(update={"id": "new-document"}), docs[0].raw_text)
    with pytest.raises(DataError, match="document group 'new-document' has no split; add it to"):
        assign_splits([*docs, extra])
