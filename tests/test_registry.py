"""The layer registry: one declaration per layer that build, validate, export and stats follow."""

from __future__ import annotations

import pytest

from kzcorpus.corpus import Corpus
from kzcorpus.errors import DataError
from kzcorpus.registry import HF_CONFIGS, LAYERS, build_inputs, input_checks

from .conftest import REPO, config_rows


def test_layers_require_only_layers_declared_before_them() -> None:
    seen: set[str] = set()
    for name, layer in LAYERS.items():
        assert layer.name == name and set(layer.requires) <= seen, name
        seen.add(name)


def test_every_config_comes_from_a_declared_layer_and_is_shipped() -> None:
    assert {c.layer for c in HF_CONFIGS} <= set(LAYERS)
    shipped = {p.name for p in (REPO / "dataset").iterdir() if p.is_dir() and any(p.glob("*.jsonl"))}
    assert {c.name for c in HF_CONFIGS} == shipped


def test_build_inputs_and_checks_come_from_the_layers() -> None:
    assert all((REPO / rel).exists() for rel in build_inputs())
    assert "raw" in build_inputs() and "annotations/stance" in build_inputs()
    assert len(input_checks()) == sum(len(layer.checks) for layer in LAYERS.values()) >= 6


def test_layer_counts_equal_the_released_rows() -> None:
    from kzcorpus.stats import layer_counts

    counts = layer_counts(Corpus(REPO))
    assert counts["documents"]["documents"] == len(config_rows_single("documents"))
    assert counts["cleaned"]["paragraphs"] == len(config_rows_single("paragraphs"))
    assert counts["annotated"]["sentences"] == len(config_rows("sentences"))
    assert counts["gold"]["sentences"] == len(config_rows("sentences_gold"))
    assert counts["stance"]["labels"] == len(config_rows("stance"))
    assert counts["parallel"]["links"] == len(config_rows("parallel"))


def config_rows_single(config: str) -> list[dict]:
    from .conftest import jsonl_rows

    return jsonl_rows(REPO / "dataset" / config / "train.jsonl")


def test_a_loaded_corpus_reads_the_shipped_layers_and_a_built_one_computes_them() -> None:
    loaded, built = Corpus(REPO), Corpus(REPO, mode="build", reuse=("annotated", "validation"))
    assert not loaded.is_built("cleaned") and built.is_built("cleaned") and not built.is_built("annotated")
    assert built.cleaned["balance-policy-2025"].text == loaded.cleaned["balance-policy-2025"].text
    assert [x.id for x in built.stance] == [x.id for x in loaded.stance]


def test_unknown_layers_are_named() -> None:
    with pytest.raises(DataError, match="unknown layer 'tokens'; expected one of schemas, documents"):
        Corpus(REPO).layer("tokens")
    with pytest.raises(DataError, match="unknown layer\\(s\\) annotation; expected some of"):
        Corpus(REPO, reuse=("annotation",))
