"""The Hugging Face folder loads offline, typed, and its card's counts match the data."""

from __future__ import annotations

import re

import pytest

from kzcorpus.io.raw import load_manifest

from .conftest import REPO, load_config

datasets = pytest.importorskip("datasets")


def test_load_dataset_from_folder_is_typed() -> None:
    from kzcorpus.export.features import DOCUMENTS, to_features

    ds = datasets.load_dataset(str(REPO / "dataset"), "documents")
    assert isinstance(ds, datasets.DatasetDict)
    train = ds["train"]
    assert train.features == to_features(DOCUMENTS)
    assert train.num_rows == len(load_manifest(REPO).files)
    by_id = {row["id"]: row for row in train}
    assert by_id["russia-alliance-limits"]["venue"]["pages"] == "161-187"
    assert by_id["russia-alliance-limits"]["keywords"]["ru"][0] == "Россия"
    raw = (REPO / "raw" / "central-asia-kyiv-2025.txt").read_bytes().decode("utf-8")
    assert by_id["central-asia-kyiv-2025"]["raw_text"] == raw


def test_package_loader_returns_the_same() -> None:
    import kzcorpus

    ds = kzcorpus.load_dataset("documents")
    assert isinstance(ds, datasets.DatasetDict)
    assert ds["train"]["id"] == [e for e in datasets.load_dataset(str(REPO / "dataset"), "documents")["train"]["id"]]


def test_unknown_config_is_rejected() -> None:
    import kzcorpus

    with pytest.raises(kzcorpus.DataError, match="unknown config 'tokens'; expected one of documents"):
        kzcorpus.load_dataset("tokens")


def _table_rows(text: str) -> dict[str, list[str]]:
    rows = {}
    for m in re.finditer(r"^\| `([a-z0-9-]+)` \| (.+) \|$", text, re.M):
        rows[m.group(1)] = [c.strip() for c in m.group(2).split("|")]
    return rows


def _expected_counts() -> dict[str, list[str]]:
    """Re-derived straight from raw/ and the metadata file, independently of kzcorpus.stats."""
    import json

    meta = {}
    for line in (REPO / "annotations" / "documents.jsonl").read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        meta[rec["id"]] = rec
    out = {}
    for doc_id, rec in meta.items():
        data = (REPO / "raw" / f"{doc_id}.txt").read_bytes()
        text = data.decode("utf-8")
        out[doc_id] = [
            rec["document_type"],
            ",".join(rec["languages"]),
            str(len(data)),
            str(len(text)),
            str(len(text.splitlines())),
        ]
    return out


@pytest.mark.parametrize("doc", ["dataset/README.md", "README.md"])
def test_counts_in_card_and_readme_match_data(doc: str) -> None:
    text = (REPO / doc).read_text(encoding="utf-8")
    counts_section = text.split("## Counts", 1)[1].split("\n## ", 1)[0]
    counts_section = re.split(r"Cleaning \(`kzcorpus build`\)|After cleaning", counts_section)[0]
    assert _table_rows(counts_section) == _expected_counts()
    total_chars = sum(int(v[3]) for v in _expected_counts().values())
    n = len(load_manifest(REPO).files)
    assert re.search(rf"\*\*total \({n} documents\)\*\* \| \| \| \d+ \| {total_chars} \|", counts_section)


def _card_header() -> dict:
    import yaml

    return yaml.safe_load((REPO / "dataset" / "README.md").read_text(encoding="utf-8").split("---\n")[1])


def test_card_header_declares_configs_and_licence() -> None:
    header = _card_header()
    names = [c["config_name"] for c in header["configs"]]
    assert names == [
        "documents", "paragraphs", "footnotes", "sentences", "sentences_gold", "stance", "stance_sentences",
        "parallel", "ud", "ud_gold",
    ]  # fmt: skip
    assert header["language"] == ["tr", "en", "ru"]
    card = (REPO / "dataset" / "README.md").read_text(encoding="utf-8")
    assert "NoDerivatives" in card and "MIT licence" in card
    # a licence id plus a link to the terms, not prose
    assert header["license"] == "other" and header["license_name"] == "kzcorpus-source-terms"
    terms = (REPO / "dataset" / header["license_link"]).read_text(encoding="utf-8")
    assert "NoDerivatives" in terms and "CC BY 4.0" in terms


def test_card_metadata_says_who_made_the_annotations() -> None:
    header = _card_header()
    assert header["annotations_creators"] == ["machine-generated"]  # language models and Stanza, no humans
    assert header["language_creators"] == ["found"]
    assert {"part-of-speech", "parsing"} <= set(header["task_ids"])
    assert "stance-detection" in header["tags"]
    card = (REPO / "dataset" / "README.md").read_text(encoding="utf-8")
    for section in (
        "## Uses",
        "Out-of-scope use",
        "## Bias, risks and limitations",
        "## Personal and sensitive information",
        "## Card authors and contact",
    ):
        assert section in card
    assert "language model reading the text" in card


def test_card_split_sizes_match_the_files() -> None:
    for info in _card_header()["dataset_info"]:
        for split in info["splits"]:
            path = REPO / "dataset" / info["config_name"] / f"{split['name']}.jsonl"
            assert split["num_examples"] == len(path.read_text(encoding="utf-8").splitlines())
            assert split["num_bytes"] == path.stat().st_size


def test_card_yaml_round_trips_tricky_scalars() -> None:
    """The emitter is PyYAML's safe dumper: no, on, 1.0 and 0123 come back as strings."""
    import yaml

    from kzcorpus.export.card import render_yaml

    data = {"a": ["no", "on", "1.0", "0123", "null", "yes: no", "- x"], "b": {"c": "2025-10-25"}}
    assert yaml.safe_load(render_yaml(data)) == data


def _expected_clean_rows() -> dict[str, list[str]]:
    """Re-derived from the annotation files themselves, independently of kzcorpus.stats."""
    import json

    ann = REPO / "annotations"

    def records(name: str) -> list[dict]:
        return [json.loads(x) for x in (ann / name).read_text(encoding="utf-8").splitlines()]

    out = {}
    for rec in records("cleaning.jsonl"):
        doc = rec["document"]
        text = (ann / rec["text_file"]).read_text(encoding="utf-8")
        notes = [f for f in records("footnotes.jsonl") if f["document"] == doc]
        out[doc] = [
            str(len(text)),
            str(sum(p["document"] == doc for p in records("paragraphs.jsonl"))),
            f"{len(notes)} ({sum(f['text'] is not None for f in notes)})",
            str(sum(r["document"] == doc for r in records("removed.jsonl"))),
            str(rec["repairs"]),
        ]
    return out


@pytest.mark.parametrize("doc", ["dataset/README.md", "README.md"])
def test_clean_counts_in_card_and_readme_match_data(doc: str) -> None:
    text = (REPO / doc).read_text(encoding="utf-8")
    section = text.split("After cleaning:" if doc == "README.md" else "Cleaning (`kzcorpus build`)", 1)[1]
    table = section.split("\n\n", 2)[1] if doc != "README.md" else section.split("<!-- /clean-counts -->")[0]
    assert _table_rows(table) == _expected_clean_rows()


def test_paragraph_and_footnote_configs_load_typed() -> None:
    from kzcorpus.export.features import FOOTNOTES, PARAGRAPHS, to_features

    paras = datasets.load_dataset(str(REPO / "dataset"), "paragraphs")["train"]
    assert paras.features == to_features(PARAGRAPHS)
    docs = {r["id"]: r["text"] for r in datasets.load_dataset(str(REPO / "dataset"), "documents")["train"]}
    for row in paras.select(range(0, paras.num_rows, 7)):
        assert docs[row["document"]][row["start"] : row["end"]] == row["text"]
    notes = datasets.load_dataset(str(REPO / "dataset"), "footnotes")["train"]
    assert notes.features == to_features(FOOTNOTES)
    assert notes.num_rows == 86


def test_sentences_config_loads_typed_and_points_into_the_text() -> None:
    from kzcorpus.export.features import to_features
    from kzcorpus.registry import CONFIG_FEATURES

    sents = load_config("sentences")
    assert sents.features == to_features(CONFIG_FEATURES["sentences"])
    docs = {r["id"]: r["text"] for r in datasets.load_dataset(str(REPO / "dataset"), "documents")["train"]}
    for row in sents.select(range(0, sents.num_rows, 11)):
        text = docs[row["document"]]
        assert text[row["start"] : row["end"]] == row["text"]
        assert [text[s:e] for s, e in zip(row["token_starts"], row["token_ends"], strict=True)] == row["tokens"]
        assert len(row["words"]) == len(row["upos"]) == len(row["head"]) == len(row["word_token"])
        ru = sents.features["language"].str2int("ru")  # a class label: stored as its index
        assert (row["annotation"] == "rule-based") == (row["language"] == ru)
