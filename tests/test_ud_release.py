"""The UD-style release in dataset/ud/: file names, contents, validity, metadata block."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from kzcorpus.benchmark.splits import assign_splits
from kzcorpus.io.conllu import read_sentences
from kzcorpus.io.documents import load_documents

from .conftest import REPO

UD = REPO / "dataset" / "ud"
NAME = re.compile(r"^(tr|en)_kzcorpus-ud-(train|dev|test)\.conllu$")


def _layer_files(layer: str) -> list[Path]:
    return sorted(p for p in (UD / layer).glob("*.conllu"))


@pytest.mark.parametrize("layer", ["automatic", "gold"])
def test_files_are_named_per_language_and_split(layer: str) -> None:
    names = [p.name for p in _layer_files(layer)]
    assert names and all(NAME.match(n) for n in names)
    assert not any(n.startswith("ru_") for n in names)  # the tokens-only Russian file is not UD-valid


def test_automatic_files_hold_the_layer_by_split() -> None:
    splits = assign_splits(load_documents())
    source = {
        p.name.removesuffix(".conllu"): read_sentences(p)
        for p in sorted((REPO / "annotations" / "conllu").glob("*.conllu"))
    }
    for path in _layer_files("automatic"):
        lang, split = NAME.match(path.name).groups()  # type: ignore[union-attr]
        expected = [
            s.sent_id
            for key, ss in sorted(source.items())
            for s in ss
            if key.endswith(f".{lang}") and splits[key.rsplit(".", 1)[0]] == split
        ]
        assert [s.sent_id for s in read_sentences(path)] == expected


@pytest.mark.parametrize("layer", ["automatic", "gold"])
def test_release_passes_the_ud_validator_at_level_2(layer: str) -> None:
    from kzcorpus.annotate.udcheck import validate_file

    for path in _layer_files(layer):
        assert validate_file(path, path.name[:2], 2)["errors"] == {}, path.name


@pytest.mark.parametrize("layer", ["automatic", "gold"])
def test_readme_has_the_machine_readable_metadata_block(layer: str) -> None:
    text = (UD / layer / "README.md").read_text(encoding="utf-8")
    block = text.split("=== Machine-readable metadata (DO NOT REMOVE!) ===", 1)[1].split("</pre>", 1)[0]
    fields = dict(line.split(": ", 1) for line in block.strip().splitlines() if ": " in line)
    assert {"License", "Genre", "Lemmas", "UPOS", "XPOS", "Features", "Relations", "Contributors"} <= set(fields)
    for name in (p.name for p in _layer_files(layer)):
        assert f"`{name}`" in text
    if layer == "gold":
        assert "language model reading the text" in text and "not humans" in text
