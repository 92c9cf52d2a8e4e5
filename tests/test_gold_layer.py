"""The released gold UD layer: built from its passes, traced, complete, scored; broken inputs refused."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from kzcorpus.benchmark.splits import assign_splits
from kzcorpus.errors import DataError
from kzcorpus.io.cleaned import load_cleaned
from kzcorpus.io.conllu import load_annotation, read_sentences, render_file
from kzcorpus.io.documents import load_documents
from kzcorpus.udgold.layer import GOLD_DIR, INPUT_DIR, gold_layer, in_scope

from .conftest import REPO, assert_build_fails_untouched

ANN = REPO / "annotations"
TEXTS = {k: v.text for k, v in load_cleaned(REPO).items()}
SILVER = load_annotation(ANN, TEXTS)
SPLITS = assign_splits(load_documents(REPO))


def test_gold_files_round_trip_byte_for_byte(tmp_path: Path) -> None:
    files = sorted((ANN / GOLD_DIR).glob("*.conllu"))
    assert files
    for path in files:
        assert render_file(read_sentences(path)) == path.read_text(encoding="utf-8")


def test_gold_layer_covers_the_scope_with_the_shipped_ids_and_texts() -> None:
    gold = load_annotation(ANN, TEXTS, (GOLD_DIR,))  # checks every token range and # text against the text
    expected = {k for k in SILVER if in_scope(*k, SPLITS)}
    assert (
        set(gold)
        == expected
        == {
            ("china-economic-relations", "tr"),
            ("china-economic-relations", "en"),
            ("balance-policy-2025", "tr"),
            ("central-asia-kyiv-2025", "tr"),
        }
    )
    for key, sents in gold.items():
        assert [s.sent_id for s in sents] == [s.sent_id for s in SILVER[key]]
        assert [s.text for s in sents] == [s.text for s in SILVER[key]]
        for s in sents:
            assert s.text == TEXTS[key[0]][s.start : s.end]
        head = dict(sents[0].comments)
        assert "language model" in head["annotation"] and "not humans" in head["annotation"]


def test_gold_layer_is_what_the_passes_and_decisions_give() -> None:
    from kzcorpus.udgold.layer import gold_files

    built = gold_files(gold_layer(ANN, TEXTS, SILVER, SPLITS))
    assert built == {
        f"{GOLD_DIR}/{p.name}": p.read_text(encoding="utf-8") for p in sorted((ANN / GOLD_DIR).glob("*.conllu"))
    }


def test_scorer_on_gold_as_prediction_is_100(tmp_path: Path) -> None:
    from kzcorpus.benchmark.evaluate import evaluate

    pred = tmp_path / "gold.conllu"
    pred.write_text(
        "".join(p.read_text(encoding="utf-8") for p in sorted((ANN / GOLD_DIR).glob("china-economic-relations.*"))),
        encoding="utf-8",
    )
    scores = evaluate("ud", pred, split="test")
    assert set(scores["gold"]) == {"tr", "en"}
    for lang, s in scores["gold"].items():
        for metric in ("Tokens", "Words", "UPOS", "XPOS", "UFeats", "AllTags", "Lemmas", "UAS", "LAS", "CLAS"):
            assert s[metric]["f1"] == 100.0, (lang, metric)


# --- one broken input per failure -----------------------------------------------------------

PASS_A = "pass-a/china-economic-relations.tr.conllu"
PASS_B = "pass-b/china-economic-relations.tr.conllu"


def _copy(tmp_path: Path) -> Path:
    ann = tmp_path / "annotations"
    shutil.copytree(ANN / INPUT_DIR, ann / INPUT_DIR)
    return ann


def _edit_both(ann: Path, edit: Callable[[str], str]) -> None:
    for rel in (PASS_A, PASS_B):
        path = ann / INPUT_DIR / rel
        text = path.read_text(encoding="utf-8")
        changed = edit(text)
        assert changed != text
        path.write_text(changed, encoding="utf-8")


def _first_block(text: str) -> tuple[str, str]:
    block, _, rest = text.partition("\n\n")
    return block, rest


def _wrong_text(text: str) -> str:
    """Text and token changed together: a valid file whose sentence is not the corpus's."""
    block, rest = _first_block(text)
    return block.replace("Kazakistan", "Kazakhstan") + "\n\n" + rest


def _overlapping_ranges(text: str) -> str:
    block, rest = _first_block(text)
    lines = block.split("\n")
    k = next(i for i, x in enumerate(lines) if x.startswith("2\t"))
    lines.insert(k, "1-2\t" + lines[k].split("\t")[1] + "\t_\t_\t_\t_\t_\t_\t_\t_")
    return "\n".join(lines) + "\n\n" + rest


def _cycle(text: str) -> str:
    block, rest = _first_block(text)
    out = []
    for line in block.split("\n"):
        cols = line.split("\t")
        if cols[0] == "1":
            cols[6], cols[7] = "2", "nmod"
        elif cols[0] == "2":
            cols[6], cols[7] = "1", "nmod"
        out.append("\t".join(cols))
    return "\n".join(out) + "\n\n" + rest


def _missing_sentence(text: str) -> str:
    _, rest = _first_block(text)
    return rest


BROKEN = {
    "wrong-text": (_wrong_text, "# text differs from the shipped sentence"),
    "overlapping-ranges": (_overlapping_ranges, "multi-word range"),
    "cycle": (_cycle, "cycle of heads"),
    "missing-sentence": (_missing_sentence, "sentence\\(s\\) of the shipped layer missing"),
}


@pytest.mark.parametrize("case", sorted(BROKEN))
def test_broken_gold_input_is_refused_naming_the_file(case: str, tmp_path: Path) -> None:
    edit, match = BROKEN[case]
    ann = _copy(tmp_path)
    _edit_both(ann, edit)
    with pytest.raises(DataError, match=match) as err:
        gold_layer(ann, TEXTS, SILVER, SPLITS)
    assert "china-economic-relations.tr.conllu" in str(err.value)


def test_stale_or_missing_decision_is_refused(tmp_path: Path) -> None:
    ann = _copy(tmp_path)
    path = ann / INPUT_DIR / "adjudication.jsonl"
    rows = path.read_text(encoding="utf-8").splitlines()
    path.write_text("\n".join(rows[1:]) + "\n", encoding="utf-8")
    with pytest.raises(DataError, match="difference without a decision"):
        gold_layer(ann, TEXTS, SILVER, SPLITS)
    first = json.loads(rows[0])
    first["case"] = first["case"].split("#")[0] + "#w999"
    path.write_text("\n".join([*rows, json.dumps(first)]) + "\n", encoding="utf-8")
    with pytest.raises(DataError, match="stale decision"):
        gold_layer(ann, TEXTS, SILVER, SPLITS)


def test_a_file_in_one_pass_only_is_refused(tmp_path: Path) -> None:
    ann = _copy(tmp_path)
    (ann / INPUT_DIR / PASS_B).unlink()
    with pytest.raises(DataError, match="in one pass only"):
        gold_layer(ann, TEXTS, SILVER, SPLITS)


def test_a_failing_gold_layer_leaves_the_build_untouched(corpus_copy: Path) -> None:
    path = corpus_copy / "annotations" / INPUT_DIR / PASS_A
    path.write_text(_cycle(path.read_text(encoding="utf-8")), encoding="utf-8")
    assert_build_fails_untouched(corpus_copy, DataError, "cycle of heads", annotate=False)


@pytest.mark.parametrize("doc", ["README.md", "dataset/README.md"])
def test_gold_figures_in_readme_and_card_are_the_saved_ones(doc: str) -> None:
    from kzcorpus.export.card import gold_text

    quality = json.loads((ANN / "quality.json").read_text(encoding="utf-8"))
    text = (REPO / doc).read_text(encoding="utf-8")
    if doc == "README.md":
        text = text.split("<!-- ud-gold -->\n", 1)[1].split("<!-- /ud-gold -->", 1)[0]
        assert text == gold_text(quality)
    else:
        assert gold_text(quality) in text
    assert set(quality["gold"]["agreement"]) == {"en-test", "tr-dev", "tr-test"}


def test_every_pass_and_gold_file_passes_the_ud_validator_at_level_2() -> None:
    from kzcorpus.annotate.udcheck import validate_file

    files = [*sorted((ANN / INPUT_DIR).glob("pass-*/*.conllu")), *sorted((ANN / GOLD_DIR).glob("*.conllu"))]
    assert len(files) == 12
    for path in files:
        assert validate_file(path, path.name.split(".")[-2], 2)["errors"] == {}, path


def test_level_3_table_in_the_ud_gold_readme_is_current() -> None:
    import re

    from kzcorpus.annotate.udcheck import validate_file

    text = (ANN / INPUT_DIR / "README.md").read_text(encoding="utf-8")
    rows = dict(re.findall(r"^\| `([^`]+)` \| (\d+ \| \d+) \|$", text, re.M))
    for path in sorted((ANN / GOLD_DIR).glob("*.conllu")):
        r = validate_file(path, path.name.split(".")[-2], 3)
        assert rows[path.name] == f"{sum(r['errors'].values())} | {r['warnings']}", path.name
