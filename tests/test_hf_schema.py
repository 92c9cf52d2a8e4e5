"""Hugging Face conventions: class labels for closed vocabularies, the universal_dependencies schema."""

from __future__ import annotations

from typing import Any

import pytest

from kzcorpus.errors import DataError
from kzcorpus.export.features import UNIVERSAL_DEPENDENCIES, Labels
from kzcorpus.registry import CONFIG_FEATURES
from kzcorpus.schema.ud import HF_UD_UPOS

from .conftest import REPO, config_rows

datasets = pytest.importorskip("datasets")


def _load(config: str) -> Any:
    return datasets.load_dataset(str(REPO / "dataset"), config)


def test_closed_vocabularies_travel_as_class_labels() -> None:
    stance = _load("stance")["test"]
    assert stance.features["polarity"].names == ["FAVOR", "AGAINST", "NEUTRAL"]
    assert "KAZ" in stance.features["holder"].names and "EAEU" in stance.features["target"].names
    row = stance[0]
    raw = config_rows("stance")
    first = next(r for r in raw if r["id"] == row["id"])
    assert stance.features["polarity"].int2str(row["polarity"]) == first["polarity"]
    sents = _load("sentences")["test"]
    assert sents.features["language"].names == ["tr", "en", "ru"]
    assert sents.features["upos"].feature.names[0] == "ADJ" and "compound:lvc" in sents.features["deprel"].feature.names
    paragraphs = _load("paragraphs")["train"]
    assert "abstract" in paragraphs.features["role"].names


def test_ud_config_has_exactly_the_hub_universal_dependencies_schema() -> None:
    assert list(UNIVERSAL_DEPENDENCIES) == [
        "idx", "text", "tokens", "lemmas", "upos", "xpos", "feats", "head", "deprel", "deps", "misc",
    ]  # fmt: skip
    assert UNIVERSAL_DEPENDENCIES["upos"] == [Labels(HF_UD_UPOS)]
    ds = _load("ud")
    assert set(ds) == {"train", "validation", "test"}
    test = ds["test"]
    assert test.features["upos"].feature.names == list(HF_UD_UPOS)
    for row in test:
        n = len(row["tokens"])
        assert all(len(row[k]) == n for k in ("lemmas", "upos", "xpos", "feats", "head", "deprel", "deps", "misc"))
    # multi-word tokens: the range line is a token with UPOS "_" as in the Hub dataset
    names = test.features["upos"].feature
    mwt = [
        (r["tokens"][i], r["tokens"][i + 1]) for r in test for i, u in enumerate(r["upos"]) if names.int2str(u) == "_"
    ]
    assert mwt and all(a.startswith(b) or b for a, b in mwt)
    sentences = {r["id"]: r for r in config_rows("sentences")}
    for row in test.select(range(20)):
        s = sentences[row["idx"]]
        words = [t for t, u in zip(row["tokens"], row["upos"], strict=True) if names.int2str(u) != "_"]
        assert words == s["words"] and row["text"] == s["text"]


def test_ud_gold_config_holds_the_gold_layer() -> None:
    ds = _load("ud_gold")
    assert set(ds) == {"validation", "test"}
    gold = {r["id"]: r for r in config_rows("sentences_gold")}
    names = ds["test"].features["upos"].feature
    for row in ds["test"]:
        words = [t for t, u in zip(row["tokens"], row["upos"], strict=True) if names.int2str(u) != "_"]
        assert words == gold[row["idx"]]["words"]


def test_relation_outside_the_vocabulary_is_refused() -> None:
    from kzcorpus.export.hf import _check_vocabulary
    from kzcorpus.io.conllu import Sentence, Token, Word

    word = Word("x", "x", "NOUN", "Noun", None, 0, "root:weird")
    sent = Sentence("doc-p0-s1", "x", (Token("x", 0, 1, (word,)),))
    with pytest.raises(DataError, match=r"relation 'root:weird' is not in kzcorpus\.schema\.ud\.DEPRELS"):
        _check_vocabulary(sent, [word])


def test_every_config_has_a_feature_spec() -> None:
    header = (REPO / "dataset" / "README.md").read_text(encoding="utf-8")
    for name in CONFIG_FEATURES:
        assert f"config_name: {name}\n" in header


def test_croissant_validates_offline_and_reads_the_records() -> None:
    mlc = pytest.importorskip("mlcroissant")
    ds = mlc.Dataset(jsonld=str(REPO / "dataset" / "croissant.json"))  # raises on validation errors
    assert not ds.metadata.issues.errors and not ds.metadata.issues.warnings
    records = list(ds.records(record_set="stance_test"))
    rows = [r for r in config_rows("stance") if r["split"] == "test"]
    assert [r["stance_test/id"].decode() for r in records] == [r["id"] for r in rows]
    text = (REPO / "dataset" / "croissant.json").read_text(encoding="utf-8")
    for key in ("rai:dataCollection", "rai:dataAnnotationProtocol", "rai:personalSensitiveInformation"):
        assert key in text
    assert "not humans" in text


def test_release_date_is_the_citation_date() -> None:
    import yaml

    import kzcorpus

    cff = yaml.safe_load((REPO / "CITATION.cff").read_text(encoding="utf-8"))
    assert str(cff["date-released"]) == kzcorpus.RELEASE_DATE
