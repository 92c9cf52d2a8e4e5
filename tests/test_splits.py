"""Document-level splits and folds: no leakage between related documents, stable, complete."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

import pytest

from kzcorpus.benchmark.splits import SPLITS, assign_folds, assign_splits, groups
from kzcorpus.errors import DataError
from kzcorpus.export.hf import SPLIT_CONFIGS
from kzcorpus.io.documents import Document, load_documents

from .conftest import REPO, config_rows


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


def _with_split(doc: Document, split: str) -> Document:
    return replace(doc, entry=doc.entry.model_copy(update={"split": split}))


def test_splits_are_read_from_the_manifest() -> None:
    docs = load_documents()
    assert assign_splits(docs) == {d.id: d.entry.split for d in docs}
    moved = [_with_split(d, "test") if d.id == "balance-policy-2025" else d for d in docs]
    assert assign_splits(moved)["balance-policy-2025"] == "test"


def test_a_group_straddling_two_splits_is_an_error() -> None:
    """The index record repeats the article's abstract: in another split, text would leak."""
    docs = [_with_split(d, "dev") if d.id == "iad-record-russia-alliance-limits" else d for d in load_documents()]
    with pytest.raises(
        DataError,
        match=r"group 'russia-alliance-limits' are in different splits \(iad-record-russia-alliance-limits: dev",
    ):
        assign_splits(docs)


@pytest.mark.parametrize("config", SPLIT_CONFIGS)
def test_every_row_carries_its_documents_split_and_fold(config: str) -> None:
    docs = load_documents()
    splits, folds = assign_splits(docs), assign_folds(docs)
    rows = config_rows(config)
    assert rows and all((r["split"], r["fold"]) == (splits[r["document"]], folds[r["document"]]) for r in rows)


def test_split_distribution_in_the_card_matches_the_rows() -> None:
    card = (REPO / "dataset" / "README.md").read_text(encoding="utf-8")
    block = card.split("Per split:\n\n", 1)[1].split("\n\n", 1)[0].splitlines()[2:]
    got = {r.strip("|").split("|")[0].strip(): [c.strip() for c in r.strip("|").split("|")[2:]] for r in block}
    sentences = config_rows("sentences")
    labels = config_rows("stance")
    links = config_rows("parallel")
    expected = {}
    for split in SPLITS:
        sents = Counter(s["language"] for s in sentences if s["split"] == split)
        pol = Counter(x["polarity"] for x in labels if x["split"] == split)
        expected[split] = [str(sents[lang]) for lang in ("tr", "en", "ru")]
        expected[split] += [str(pol[p]) for p in ("FAVOR", "AGAINST", "NEUTRAL")]
        expected[split].append(str(sum(x["split"] == split for x in links)))
    assert got == expected


@pytest.mark.parametrize("config", SPLIT_CONFIGS)
def test_split_configs_load_as_hugging_face_splits_named_by_the_column(config: str) -> None:
    """HF split ``validation`` holds the rows whose ``split`` column is the benchmark's ``dev``."""
    from kzcorpus.export.hf import HF_SPLIT_NAMES

    datasets = pytest.importorskip("datasets")
    ds = datasets.load_dataset(str(REPO / "dataset"), config)
    assert set(ds) <= {"train", "validation", "test"} and "test" in ds
    for name, part in ds.items():
        assert part.num_rows and {HF_SPLIT_NAMES[x] for x in part["split"]} == {name}
    docs = [set(part["document"]) for part in ds.values()]
    assert all(a.isdisjoint(b) for i, a in enumerate(docs) for b in docs[i + 1 :])
