"""The benchmark: metrics on hand-computed cases, gold-as-prediction scores perfectly, every
malformed or incomplete predictions file is refused with its line, baselines reproduce."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pytest

from kzcorpus.benchmark.evaluate import evaluate
from kzcorpus.benchmark.metrics import class_scores, stance_scores
from kzcorpus.benchmark.stance import sentence_pairs
from kzcorpus.cli import main
from kzcorpus.corpus import Corpus
from kzcorpus.errors import DataError

from .conftest import REPO, config_rows, jsonl_rows, write_jsonl_rows

CORPUS = Corpus()
LABELS = jsonl_rows(REPO / "annotations" / "stance.jsonl")
RESULTS = json.loads((REPO / "annotations" / "baselines.json").read_text(encoding="utf-8"))


# --- metrics on hand-computed cases -------------------------------------------------


def test_stance_scores_on_a_hand_computed_case() -> None:
    gold = ["FAVOR", "FAVOR", "AGAINST", "AGAINST", "NEUTRAL"]
    pred = ["FAVOR", "AGAINST", "AGAINST", "NEUTRAL", "NEUTRAL"]
    s = stance_scores(gold, pred)
    # FAVOR: tp 1 of 1 predicted, 2 gold; AGAINST: tp 1 of 2 predicted, 2 gold; NEUTRAL: tp 1 of 2, 1 gold
    assert s["per_class"] == {
        "FAVOR": {"precision": 100.0, "recall": 50.0, "f1": 66.67, "support": 2},
        "AGAINST": {"precision": 50.0, "recall": 50.0, "f1": 50.0, "support": 2},
        "NEUTRAL": {"precision": 50.0, "recall": 100.0, "f1": 66.67, "support": 1},
    }
    assert s["f_avg"] == 58.33  # (2/3 + 1/2) / 2, NEUTRAL left out as in SemEval-2016 Task 6
    assert s["macro_f1"] == 61.11  # (2/3 + 1/2 + 2/3) / 3
    assert s["accuracy"] == 60.0 and s["items"] == 5


def test_a_class_never_predicted_nor_gold_scores_zero_not_an_error() -> None:
    assert class_scores(["FAVOR"], ["FAVOR"], "AGAINST") == {"precision": 0.0, "recall": 0.0, "f1": 0.0, "support": 0}
    assert stance_scores(["FAVOR", "FAVOR"], ["FAVOR", "FAVOR"])["f_avg"] == 50.0  # AGAINST absent: F1 0


def test_f_avg_averages_unrounded_f1() -> None:
    # FAVOR F1 = 2/3 exactly, AGAINST F1 = 0: F_avg 33.33 (not (66.67 + 0) / 2 = 33.335 → 33.34)
    s = stance_scores(["FAVOR", "FAVOR", "AGAINST"], ["FAVOR", "NEUTRAL", "NEUTRAL"])
    assert s["f_avg"] == 33.33


def test_metric_inputs_must_pair_up() -> None:
    with pytest.raises(DataError, match="1 predictions for 2 items; expected one per item"):
        stance_scores(["FAVOR", "AGAINST"], ["FAVOR"])


# --- gold as prediction -------------------------------------------------------------


def _in_split(doc: str, split: str) -> bool:
    return CORPUS.splits[doc] == split


@pytest.mark.parametrize("split", ["dev", "test"])
def test_gold_span_predictions_score_perfectly(tmp_path: Path, split: str) -> None:
    rows = [{"id": x["id"], "polarity": x["polarity"]} for x in LABELS if _in_split(x["document"], split)]
    write_jsonl_rows(tmp_path / "p.jsonl", rows[::-1])  # order does not matter
    s = evaluate("stance-span", tmp_path / "p.jsonl", split=split)
    assert s["items"] == len(rows) and s["f_avg"] == s["macro_f1"] == s["accuracy"] == 100.0


def _gold_sentence_rows(split: str) -> tuple[list[dict], int]:
    """From the stance_sentences config: pairs with one polarity, and the count of mixed pairs."""
    pols: dict[tuple[str, str], set[str]] = {}
    for row in config_rows("stance_sentences"):
        if row["split"] == split:
            for st in row["stances"]:
                pols.setdefault((row["id"], st["target"]), set()).add(st["polarity"])
    rows = [{"sentence": s, "target": t, "polarity": next(iter(p))} for (s, t), p in pols.items() if len(p) == 1]
    return rows, sum(len(p) > 1 for p in pols.values())


@pytest.mark.parametrize("split", ["dev", "test"])
def test_gold_sentence_predictions_score_perfectly(tmp_path: Path, split: str) -> None:
    rows, mixed = _gold_sentence_rows(split)
    write_jsonl_rows(tmp_path / "p.jsonl", rows)
    s = evaluate("stance-sentence", tmp_path / "p.jsonl", split=split)
    assert s["items"] == len(rows) and s["f_avg"] == s["accuracy"] == 100.0
    assert s["left_out_mixed"] == mixed


def test_mixed_pairs_are_those_with_two_polarities() -> None:
    from kzcorpus.stance.labels import load_stance

    pairs = sentence_pairs(load_stance(), CORPUS, "all")
    mixed = {k for k, v in pairs.items() if len(v) > 1}
    assert ("russia-alliance-limits-p12-s8", "RUS") in mixed  # a hand-checked example: FAVOR and AGAINST
    assert all(len(v) >= 1 for v in pairs.values())


def _conllu(split: str) -> str:
    files = sorted((REPO / "annotations" / "conllu").glob("*.conllu"))
    return "".join(
        f.read_text(encoding="utf-8")
        for f in files
        if not f.name.endswith(".ru.conllu") and (split == "all" or _in_split(f.name.split(".")[0], split))
    )


def _hand_tags() -> dict[tuple[str, int], str]:
    out = {}
    for name in ("upos_reference.tsv", "upos_reference_first_draw.tsv"):
        for line in (REPO / "annotations" / "reference" / name).read_text(encoding="utf-8").splitlines()[1:]:
            cols = line.split("\t")
            if not line.startswith("#") and len(cols) >= 4:
                out[(cols[0], int(cols[1]))] = cols[3]
    return out


def test_shipped_layer_as_prediction_is_perfect_against_silver(tmp_path: Path) -> None:
    pytest.importorskip("udtools")
    (tmp_path / "p.conllu").write_text(_conllu("test"), encoding="utf-8")
    s = evaluate("ud", tmp_path / "p.conllu", split="test")
    assert set(s["silver"]) == {"tr", "en"}
    for lang, scores in s["silver"].items():
        assert all(v["f1"] == 100.0 for k, v in scores.items() if isinstance(v, dict)), lang
    assert s["hand"]["tr"]["UPOS"]["f1"] < 100.0  # the shipped tags are not the hand tags


def test_hand_tags_as_prediction_are_perfect_against_the_hand_sample(tmp_path: Path) -> None:
    pytest.importorskip("udtools")
    tags, sid, out = _hand_tags(), None, []
    for line in _conllu("test").split("\n"):
        if line.startswith("# sent_id = "):
            sid = line.removeprefix("# sent_id = ")
        cols = line.split("\t")
        if cols[0].isdigit() and (sid, int(cols[0])) in tags:
            cols[3] = tags[(sid, int(cols[0]))]
        out.append("\t".join(cols))
    (tmp_path / "p.conllu").write_text("\n".join(out), encoding="utf-8")
    s = evaluate("ud", tmp_path / "p.conllu", split="test")
    from kzcorpus.benchmark.ud import hand_sentences
    from kzcorpus.io.conllu import split_sentence_id

    # every hand-tagged test sentence whose words the layer has not merged or re-cut since
    hand = [h for sid, h in hand_sentences(CORPUS).items() if CORPUS.in_split(split_sentence_id(sid)[0], "test")]
    assert s["hand"]["tr"]["UPOS"]["f1"] == 100.0 and s["hand"]["tr"]["words"] == sum(h.word_count() for h in hand)
    assert len(hand) >= 2
    assert s["silver"]["tr"]["UPOS"]["f1"] < 100.0 and s["silver"]["tr"]["LAS"]["f1"] == 100.0


def _gold_repair() -> str:
    lines = (REPO / "raw" / "china-economic-relations.txt").read_text(encoding="utf-8").split("\n")
    for row in jsonl_rows(REPO / "annotations" / "reference" / "restore_china-economic-relations.jsonl"):
        lines[row["line"] - 1] = row["corrected"]
    return "\n".join(lines)


def test_hand_corrected_text_as_prediction_restores_every_word(tmp_path: Path) -> None:
    (tmp_path / "p.txt").write_text(_gold_repair(), encoding="utf-8")
    s = evaluate("diacritics", tmp_path / "p.txt")
    assert s["restored_pct"] == 100.0 and s["clean_changed"] == 0 and s["lines"] == 204


def test_references_as_translations_score_perfectly(tmp_path: Path) -> None:
    pytest.importorskip("sacrebleu")
    rows = [{"id": r["id"], "translation": r["en"]} for r in config_rows("parallel") if r["split"] == "test"]
    write_jsonl_rows(tmp_path / "p.jsonl", [r for r in rows if r["translation"]])
    s = evaluate("translation", tmp_path / "p.jsonl", direction="tr-en")
    assert s["bleu"] == s["chrf"] == 100.0 and s["segments"] == 12
    assert "nrefs:1" in s["signatures"]["bleu"]


# --- malformed and incomplete predictions: one fixture per case ----------------------

TEST_LABELS = [x for x in LABELS if _in_split(x["document"], "test")]


@pytest.fixture
def span_file(tmp_path: Path) -> Path:
    path = tmp_path / "spans.jsonl"
    write_jsonl_rows(path, [{"id": x["id"], "polarity": x["polarity"]} for x in TEST_LABELS])
    return path


def _replace_line(path: Path, index: int, text: str) -> None:
    lines = path.read_text(encoding="utf-8").split("\n")
    lines[index] = text
    path.write_text("\n".join(lines), encoding="utf-8")


def test_invalid_json_names_its_line(span_file: Path) -> None:
    _replace_line(span_file, 1, '{"id": ')
    with pytest.raises(DataError, match=r"spans\.jsonl:2: invalid JSON"):
        evaluate("stance-span", span_file)


def test_unknown_polarity_names_line_and_field(span_file: Path) -> None:
    _replace_line(span_file, 2, json.dumps({"id": TEST_LABELS[2]["id"], "polarity": "NONE"}))
    with pytest.raises(DataError, match=r"spans\.jsonl:3, field 'polarity': Input should be 'FAVOR', 'AGAINST'"):
        evaluate("stance-span", span_file)


def test_unknown_field_is_refused(span_file: Path) -> None:
    _replace_line(span_file, 0, json.dumps({"id": TEST_LABELS[0]["id"], "polarity": "FAVOR", "score": 0.9}))
    with pytest.raises(DataError, match=r"spans\.jsonl:1, field 'score': unknown field"):
        evaluate("stance-span", span_file)


def test_missing_field_is_refused(span_file: Path) -> None:
    _replace_line(span_file, 0, json.dumps({"id": TEST_LABELS[0]["id"]}))
    with pytest.raises(DataError, match=r"spans\.jsonl:1, field 'polarity': Field required"):
        evaluate("stance-span", span_file)


def test_item_of_another_split_is_refused(span_file: Path) -> None:
    train_id = next(x["id"] for x in LABELS if _in_split(x["document"], "train"))
    _replace_line(span_file, 0, json.dumps({"id": train_id, "polarity": "FAVOR"}))
    with pytest.raises(DataError, match=rf"spans\.jsonl:1: label {re.escape(train_id)} is not an item of stance-span"):
        evaluate("stance-span", span_file)


def test_second_prediction_for_an_item_is_refused(span_file: Path) -> None:
    with span_file.open("a", encoding="utf-8") as f:
        f.write(json.dumps({"id": TEST_LABELS[0]["id"], "polarity": "AGAINST"}) + "\n")
    n = len(TEST_LABELS) + 1
    with pytest.raises(DataError, match=rf"spans\.jsonl:{n}: second prediction for label .* first is on line 1\)"):
        evaluate("stance-span", span_file)


def test_incomplete_file_names_what_is_missing(span_file: Path) -> None:
    _replace_line(span_file, 4, "")
    missing = re.escape(TEST_LABELS[4]["id"])
    with pytest.raises(
        DataError, match=rf"incomplete: no prediction for 1 of the {len(TEST_LABELS)} items .*{missing}"
    ):
        evaluate("stance-span", span_file)


def test_sentence_prediction_with_an_unknown_actor_is_refused(tmp_path: Path) -> None:
    rows, _ = _gold_sentence_rows("test")
    rows[0] = rows[0] | {"target": "MOON"}
    write_jsonl_rows(tmp_path / "p.jsonl", rows)
    with pytest.raises(DataError, match=r"p\.jsonl:1, field 'target': .*unknown actor code 'MOON'"):
        evaluate("stance-sentence", tmp_path / "p.jsonl")


@pytest.fixture
def conllu_file(tmp_path: Path) -> Path:
    pytest.importorskip("udtools")
    path = tmp_path / "p.conllu"
    path.write_text(_conllu("test"), encoding="utf-8")
    return path


def _line_of(path: Path, needle: str) -> int:
    return next(i for i, x in enumerate(path.read_text(encoding="utf-8").split("\n"), 1) if x.startswith(needle))


def test_conllu_sentence_without_sent_id_is_refused(conllu_file: Path) -> None:
    line = _line_of(conllu_file, "# sent_id = china-economic-relations-p1-s1")
    text = conllu_file.read_text(encoding="utf-8").replace("# sent_id = china-economic-relations-p1-s1\n", "", 1)
    conllu_file.write_text(text, encoding="utf-8")
    with pytest.raises(DataError, match=r"p\.conllu:\d+: sentence without a '# sent_id = ' comment") as exc:
        evaluate("ud", conllu_file)
    assert int(str(exc.value).split(":")[1]) <= line


def test_conllu_tokens_that_do_not_spell_the_sentence_are_refused(conllu_file: Path) -> None:
    text = conllu_file.read_text(encoding="utf-8").replace("\tKazakistan\t", "\tKazakstan\t", 1)
    conllu_file.write_text(text, encoding="utf-8")
    line = _line_of(conllu_file, "# sent_id = china-economic-relations-p0-s1")
    with pytest.raises(
        DataError, match=rf"p\.conllu:{line}: sentence china-economic-relations-p0-s1: the tokens spell"
    ):
        evaluate("ud", conllu_file)


def test_conllu_rejected_by_the_official_reader_names_the_line(conllu_file: Path) -> None:
    text = conllu_file.read_text(encoding="utf-8").split("\n")
    i = next(k for k, x in enumerate(text) if x.startswith("3\t"))
    cols = text[i].split("\t")
    cols[6] = "x"
    text[i] = "\t".join(cols)
    conllu_file.write_text("\n".join(text), encoding="utf-8")
    with pytest.raises(DataError, match=rf"Cannot parse HEAD 'x' at line {i + 1}"):
        evaluate("ud", conllu_file)


def test_conllu_missing_sentences_are_named(conllu_file: Path) -> None:
    blocks = conllu_file.read_text(encoding="utf-8").split("\n\n")
    conllu_file.write_text("\n\n".join(blocks[:-3]) + "\n\n", encoding="utf-8")
    with pytest.raises(
        DataError, match=r"incomplete: no prediction for 2 of the \d+ items of ud \(test split\): sentence"
    ):
        evaluate("ud", conllu_file)


def test_russian_sentences_are_not_ud_items(conllu_file: Path) -> None:
    ru = (REPO / "annotations" / "tokens" / "russia-alliance-limits.ru.conllu").read_text(encoding="utf-8")
    conllu_file.write_text(conllu_file.read_text(encoding="utf-8") + ru, encoding="utf-8")
    with pytest.raises(DataError, match=r"sentence russia-alliance-limits-p\d+-s\d+ is not an item of ud"):
        evaluate("ud", conllu_file, split="test")


def test_repair_with_a_different_line_count_is_refused(tmp_path: Path) -> None:
    (tmp_path / "p.txt").write_text(_gold_repair() + "\nextra", encoding="utf-8")
    with pytest.raises(DataError, match=r"p\.txt: \d+ lines; expected \d+, line for line with raw/china"):
        evaluate("diacritics", tmp_path / "p.txt")


def test_repair_that_rewrites_a_line_is_refused_with_its_line(tmp_path: Path) -> None:
    lines = _gold_repair().split("\n")
    lines[212] = lines[212].replace("Kazakistan", "Kazakhstan")  # raw line 213
    (tmp_path / "p.txt").write_text("\n".join(lines), encoding="utf-8")
    with pytest.raises(DataError, match=r"p\.txt:213: not a repair of raw line 213"):
        evaluate("diacritics", tmp_path / "p.txt")


def test_diacritic_task_has_no_dev_items(tmp_path: Path) -> None:
    (tmp_path / "p.txt").write_text(_gold_repair(), encoding="utf-8")
    with pytest.raises(DataError, match="is in the test split, not dev"):
        evaluate("diacritics", tmp_path / "p.txt", split="dev")


def test_translation_missing_link_is_named(tmp_path: Path) -> None:
    rows = [{"id": r["id"], "translation": r["en"]} for r in config_rows("parallel") if r["split"] == "test"]
    write_jsonl_rows(tmp_path / "p.jsonl", rows[1:])
    with pytest.raises(DataError, match=rf"no prediction for 1 of the 12 items .*link {re.escape(rows[0]['id'])}"):
        evaluate("translation", tmp_path / "p.jsonl")


def test_translation_direction_without_links_in_the_split(tmp_path: Path) -> None:
    write_jsonl_rows(tmp_path / "p.jsonl", [])
    with pytest.raises(DataError, match="the test split has no tr-ru links"):
        evaluate("translation", tmp_path / "p.jsonl", direction="tr-ru")


def test_unknown_task_and_split_are_errors(span_file: Path) -> None:
    with pytest.raises(DataError, match="unknown task 'ner'; expected one of stance-span"):
        evaluate("ner", span_file)
    expected = "train, dev, test, fold-0, fold-1, fold-2, fold-3, all"
    with pytest.raises(DataError, match=f"unknown split 'valid'; expected one of {expected}"):
        evaluate("stance-span", span_file, split="valid")


def test_fold_splits_hold_out_one_group_and_train_on_the_rest() -> None:
    from kzcorpus.benchmark.baselines import stance_examples
    from kzcorpus.corpus import training_split

    docs = sorted(CORPUS.splits)
    assert CORPUS.fold_splits == tuple(f"fold-{k}" for k in range(len(set(CORPUS.folds.values()))))
    held = [{d for d in docs if CORPUS.in_split(d, f)} for f in CORPUS.fold_splits]
    assert all(held) and sum(len(h) for h in held) == len(docs) and set().union(*held) == set(docs)
    assert {"russia-alliance-limits", "iad-record-russia-alliance-limits"} in held  # the record travels along
    for fold, h in zip(CORPUS.fold_splits, held, strict=True):
        rest = {d for d in docs if CORPUS.in_split(d, training_split(fold))}
        assert rest == set(docs) - h
        keys, _, _ = stance_examples(CORPUS, "span", training_split(fold))
        assert not {k.split(":")[0] for k in keys} & h
    assert training_split("test") == "train"
    with pytest.raises(DataError, match="unknown split 'fold-9'"):
        CORPUS.in_split(docs[0], "fold-9")


# --- command line and baselines -----------------------------------------------------


def test_cli_evaluate_prints_json_and_reports_errors(span_file: Path, capsys) -> None:
    assert main(["evaluate", "stance-span", "--predictions", str(span_file)]) == 0
    assert json.loads(capsys.readouterr().out)["f_avg"] == 100.0
    _replace_line(span_file, 0, "")
    assert main(["evaluate", "stance-span", "--predictions", str(span_file)]) == 1
    assert "kzcorpus evaluate: error:" in capsys.readouterr().err


def test_cli_baseline_writes_predictions_that_evaluate_accepts(tmp_path: Path, capsys) -> None:
    out = tmp_path / "maj.jsonl"
    assert main(["baseline", "stance-span-majority", "--split", "dev", "--output", str(out)]) == 0
    assert {r["polarity"] for r in jsonl_rows(out)} == {"AGAINST"}  # the train split's most frequent polarity
    assert main(["evaluate", "stance-span", "--predictions", str(out), "--split", "dev"]) == 0


LIGHT = [r for r in RESULTS["runs"] if r["baseline"] != "ud-stanza"]  # ud-floor is light: counts and rules


@pytest.mark.parametrize("run", LIGHT, ids=[f"{r['baseline']}-{r['split']}" for r in LIGHT])
def test_saved_baseline_scores_reproduce(run: dict) -> None:
    pytest.importorskip("sklearn")
    pytest.importorskip("sacrebleu")
    from kzcorpus.benchmark.results import run_plan

    assert run_plan(CORPUS, [(run["baseline"], run["split"])]) == [run]


def test_saved_stanza_scores_equal_the_shipped_layer_scored_as_predictions(tmp_path: Path) -> None:
    """The Stanza baseline re-runs the build's annotation, which a build test proves reproduces
    the shipped layer; scoring that layer must give the saved figures."""
    pytest.importorskip("udtools")
    runs = [r for r in RESULTS["runs"] if r["baseline"] == "ud-stanza"]
    assert {r["split"] for r in runs} == {"dev", "test", "all"}
    for run in runs:
        (tmp_path / "p.conllu").write_text(_conllu(run["split"]), encoding="utf-8")
        assert {"baseline": "ud-stanza"} | evaluate("ud", tmp_path / "p.conllu", split=run["split"]) == run


def test_results_name_a_commit_of_this_repository() -> None:
    assert re.fullmatch(r"[0-9a-f]{40}", RESULTS["commit"]) and RESULTS["dirty"] is False
    if not (REPO / ".git").exists():
        pytest.skip("not a git checkout")
    check = subprocess.run(["git", "merge-base", "--is-ancestor", RESULTS["commit"], "HEAD"], cwd=REPO, check=False)
    assert check.returncode == 0


@pytest.mark.parametrize("doc", ["README.md", "dataset/README.md"])
def test_results_table_in_readme_and_card_matches_the_saved_results(doc: str) -> None:
    from kzcorpus.benchmark.table import results_table

    text = (REPO / doc).read_text(encoding="utf-8")
    if doc == "README.md":
        text = text.split("<!-- baseline-results -->\n", 1)[1].split("<!-- /baseline-results -->", 1)[0]
    assert results_table(RESULTS) in text


def test_readme_names_the_group_each_fold_holds_out() -> None:
    text = " ".join((REPO / "README.md").read_text(encoding="utf-8").split())
    named = dict(re.findall(r"(\d) `([a-z0-9-]+)`", text.split("the group fold *k* holds out:", 1)[1][:300]))
    groups = {str(k): {d for d, f in CORPUS.folds.items() if f == k} for k in set(CORPUS.folds.values())}
    assert set(named) == set(groups) and all(named[k] in groups[k] for k in named)


def test_hand_sample_must_tag_every_word_of_its_sentences() -> None:
    from kzcorpus.benchmark.ud import with_upos

    sentence = CORPUS.annotated[("china-economic-relations", "tr")][0]
    n = sentence.word_count()
    tagged = with_upos(sentence, dict.fromkeys(range(1, n + 1), "X"), Path("ref.tsv"))
    assert {w.upos for t in tagged.tokens for w in t.words} == {"X"}
    with pytest.raises(
        DataError, match=rf"ref\.tsv: hand-tagged sentence {sentence.sent_id} tags words .*every word 1-{n}"
    ):
        with_upos(sentence, dict.fromkeys(range(1, n), "X"), Path("ref.tsv"))
