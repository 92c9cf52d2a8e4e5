"""The parallel layer: hand-made alignment checked against the CoNLL-U layer, and its exports."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from kzcorpus.errors import DataError
from kzcorpus.validate import iter_problems

from .conftest import (
    REPO,
    assert_build_fails_untouched,
    config_rows,
    edit_jsonl_line,
    fast_first,
    jsonl_rows,
    load_config,
)

ALIGNMENT = REPO / "annotations" / "parallel" / "alignment.jsonl"
LANGS = ("tr", "en", "ru")


def _sentences() -> dict[str, dict]:
    return {s["id"]: s for s in config_rows("sentences")}


def test_every_link_points_at_sentences_of_its_language() -> None:
    sentences = _sentences()
    links = jsonl_rows(ALIGNMENT)
    assert links and all(x["method"] == "language-model" and x["verified_by"] for x in links)
    for link in links:
        assert sum(bool(link[lang]) for lang in LANGS) >= 2, link["id"]
        for lang in LANGS:
            assert all(sentences[sid]["language"] == lang for sid in link[lang]), link["id"]


def test_the_abstracts_are_aligned_whole_and_the_iad_copy_is_left_out() -> None:
    sentences = _sentences()
    paragraphs = jsonl_rows(REPO / "annotations" / "paragraphs.jsonl")
    used = {sid for link in jsonl_rows(ALIGNMENT) for lang in LANGS for sid in link[lang]}
    abstract_paras = {
        ("russia-alliance-limits", 1),
        ("russia-alliance-limits", 4),
        ("russia-alliance-limits", 8),
        ("china-economic-relations", 2),
        ("china-economic-relations", 3),
    }
    for sid, s in sentences.items():
        if (s["document"], s["paragraph"]) in abstract_paras:
            assert sid in used, sid
    duplicates = {(p["document"], p["index"]) for p in paragraphs if p["duplicate_of"]}
    assert ("iad-record-russia-alliance-limits", 1) in duplicates
    assert not any((sentences[sid]["document"], sentences[sid]["paragraph"]) in duplicates for sid in used)
    card = (REPO / "dataset" / "README.md").read_text(encoding="utf-8")
    assert "abstract repeated on the IAD index page" in card


def test_parallel_config_loads_typed_with_the_sentence_texts() -> None:
    pytest.importorskip("datasets")
    from kzcorpus.export.features import to_features
    from kzcorpus.registry import CONFIG_FEATURES

    ds = load_config("parallel")
    assert ds.features == to_features(CONFIG_FEATURES["parallel"])
    sentences = _sentences()
    links = {x["id"]: x for x in jsonl_rows(ALIGNMENT)}
    assert sorted(ds["id"]) == sorted(links)
    for row in ds:
        link = links[row["id"]]
        for lang in LANGS:
            assert row[f"{lang}_ids"] == link[lang]
            assert row[lang] == " ".join(sentences[sid]["text"] for sid in link[lang])
        assert row["type"] == "-".join(str(len(link[lang])) for lang in LANGS)


def test_moses_and_tmx_files_per_pair_named_as_opus_does() -> None:
    """OPUS: codes in alphabetical order (en-tr, not tr-en), Moses files per side, one TMX per pair."""
    by_id = {r["id"]: r for r in config_rows("parallel")}
    rows = [by_id[x["id"]] for x in jsonl_rows(ALIGNMENT)]  # MT files keep the alignment file's order
    mt = REPO / "dataset" / "mt"
    pairs = (("en", "ru"), ("en", "tr"), ("ru", "tr"))
    expected_files = {f"kzcorpus.{a}-{b}.{x}" for a, b in pairs for x in (a, b, "tmx")}
    assert {p.name for p in mt.iterdir()} == expected_files
    lang_attr = "{http://www.w3.org/XML/1998/namespace}lang"
    for a, b in pairs:
        expected = [r for r in rows if r[a] and r[b]]
        for lang in (a, b):
            lines = (mt / f"kzcorpus.{a}-{b}.{lang}").read_text(encoding="utf-8").split("\n")[:-1]
            assert lines == [r[lang] for r in expected]
        tmx = ET.parse(mt / f"kzcorpus.{a}-{b}.tmx").getroot()
        assert tmx.find("header").get("srclang") == ("tr" if "tr" in (a, b) else "*all*")
        units = tmx.findall("./body/tu")
        assert [u.get("tuid") for u in units] == [r["id"] for r in expected]
        for unit, row in zip(units, expected, strict=True):
            variants = {t.get(lang_attr): t.findtext("seg") for t in unit.findall("tuv")}
            assert variants == {a: row[a], b: row[b]}


def _table(section: str) -> dict[str, list[str]]:
    rows = [r.strip("|").split("|") for r in section.strip().splitlines()[2:]]
    return {r[0].strip(): [c.strip() for c in r[1:]] for r in rows}


@pytest.mark.parametrize("doc", ["README.md", "dataset/README.md"])
def test_pair_counts_in_readme_and_card_match_the_data(doc: str) -> None:
    text = (REPO / doc).read_text(encoding="utf-8")
    if doc == "README.md":
        section = text.split("<!-- parallel-counts -->", 1)[1].split("<!-- /parallel-counts -->", 1)[0]
    else:
        section = text.split("links in all:\n\n", 1)[1].split("\n\n", 1)[0]
    expected = {}
    links = jsonl_rows(ALIGNMENT)
    for a, b in (("tr", "en"), ("tr", "ru"), ("en", "ru")):
        sel = [x for x in links if x[a] and x[b]]
        ones = sum(len(x[a]) == len(x[b]) == 1 for x in sel)
        expected[f"{a}–{b}"] = [str(len(sel)), str(sum(len(x[a]) for x in sel)), str(sum(len(x[b]) for x in sel))]
        expected[f"{a}–{b}"].append(str(ones))
    assert _table(section) == expected


# --- bad input ---------------------------------------------------------------------------------


def _edit(root: Path, index: int, **change: object) -> int:
    return edit_jsonl_line(root / "annotations" / "parallel" / "alignment.jsonl", index, **change)


def _index(link_id: str) -> int:
    return next(i for i, x in enumerate(jsonl_rows(ALIGNMENT)) if x["id"] == link_id)


@pytest.fixture
def missing_sentence(corpus_copy: Path) -> tuple[Path, int]:
    i = _index("russia-alliance-limits:abstract:3")
    return corpus_copy, _edit(corpus_copy, i, ru=["russia-alliance-limits-p8-s99"])


@pytest.fixture
def same_language_sides(corpus_copy: Path) -> tuple[Path, int]:
    """The English sentence listed again as the Turkish side: both sides are English."""
    i = _index("china-economic-relations:abstract:2")
    return corpus_copy, _edit(corpus_copy, i, tr=["china-economic-relations-p2-s2"])


@pytest.fixture
def body_sentence(corpus_copy: Path) -> tuple[Path, int]:
    i = _index("russia-alliance-limits:abstract:1")
    return corpus_copy, _edit(corpus_copy, i, tr=["russia-alliance-limits-p11-s1"])


@pytest.fixture
def duplicate_paragraph(corpus_copy: Path) -> tuple[Path, int]:
    i = _index("russia-alliance-limits:abstract:1")
    return corpus_copy, _edit(corpus_copy, i, tr=["iad-record-russia-alliance-limits-p1-s1"])


@pytest.fixture
def sentence_twice(corpus_copy: Path) -> tuple[Path, int]:
    i = _index("russia-alliance-limits:abstract:2")
    return corpus_copy, _edit(corpus_copy, i, en=["russia-alliance-limits-p4-s1"])


@pytest.fixture
def gapped_side(corpus_copy: Path) -> tuple[Path, int]:
    i = _index("china-economic-relations:abstract:8")
    return corpus_copy, _edit(corpus_copy, i, tr=["china-economic-relations-p3-s8", "china-economic-relations-p3-s10"])


@pytest.mark.parametrize(
    ("fixture", "message"),
    fast_first(
        [
            ("missing_sentence", "sentence id 'russia-alliance-limits-p8-s99' (ru side) does not exist in the CoNLL-U"),
            ("same_language_sides", "is en, listed on the tr side; a link's sides must differ in language"),
            ("body_sentence", "is in a body paragraph; expected abstract"),
            ("duplicate_paragraph", "is in a paragraph that repeats another; duplicates are excluded"),
            ("sentence_twice", "sentence russia-alliance-limits-p4-s1 is already aligned in link"),
            ("gapped_side", "is not a run of consecutive sentences"),
        ]
    ),
)
def test_bad_link_is_named_by_validate_and_refused_by_the_build(
    fixture: str, message: str, request: pytest.FixtureRequest
) -> None:
    root, line = request.getfixturevalue(fixture)
    problems = "\n".join(map(str, iter_problems(root)))
    assert f"alignment.jsonl:{line}: link " in problems and message in problems, problems
    assert_build_fails_untouched(root, DataError, re.escape(message), annotate=False)
