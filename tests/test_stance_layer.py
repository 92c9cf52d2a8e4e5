"""The released stance layer: made from passes + decisions, checked, exported, counted."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from kzcorpus.errors import DataError
from kzcorpus.stance.labels import agreement_report, load_stance
from kzcorpus.validate import iter_problems

from .conftest import (
    REPO,
    assert_build_fails_untouched,
    config_rows,
    edit_jsonl_line,
    fast_first,
    jsonl_rows,
    load_config,
    write_jsonl_rows,
)

STANCE = REPO / "annotations" / "stance"


def _texts() -> dict[str, str]:
    return {p.stem: p.read_text(encoding="utf-8") for p in (REPO / "annotations" / "text").glob("*.txt")}


# --- the shipped layer -------------------------------------------------------------------


def test_shipped_labels_load_and_match_the_text() -> None:
    labels = load_stance()
    texts = _texts()
    assert len(labels) == len(jsonl_rows(REPO / "annotations" / "stance.jsonl")) > 300
    for lab in labels:
        assert texts[lab.document][lab.start : lab.end] == lab.text
        assert lab.method == "language-model"


def test_every_label_lists_exactly_the_sentences_it_overlaps() -> None:
    sentences = config_rows("sentences")
    by_doc: dict[str, list[dict]] = {}
    for s in sentences:
        by_doc.setdefault(s["document"], []).append(s)
    for lab in jsonl_rows(REPO / "annotations" / "stance.jsonl"):
        expected = [s["id"] for s in by_doc[lab["document"]] if s["start"] < lab["end"] and s["end"] > lab["start"]]
        assert sorted(lab["sentences"]) == sorted(expected), lab["id"]


def test_translated_abstract_spans_link_to_the_turkish_abstract() -> None:
    labels = {x["id"]: x for x in jsonl_rows(REPO / "annotations" / "stance.jsonl")}
    paragraphs = jsonl_rows(REPO / "annotations" / "paragraphs.jsonl")

    def role(lab: dict) -> str:
        return next(
            p["role"] for p in paragraphs if p["document"] == lab["document"] and p["start"] <= lab["start"] < p["end"]
        )

    linked = [x for x in labels.values() if x["translation_of"]]
    assert {x["language"] for x in linked} == {"en", "ru"}
    for lab in linked:
        for other in (labels[i] for i in lab["translation_of"]):
            assert other["language"] == "tr" and other["document"] == lab["document"]
            assert role(lab) == role(other) == "abstract"
            assert (other["holder"], other["target"]) == (lab["holder"], lab["target"])
    # every label of the Russian abstract renders a Turkish one
    ru = [x for x in labels.values() if x["document"] == "russia-alliance-limits" and x["language"] == "ru"]
    assert ru and all(x["translation_of"] for x in ru)


def _key(x: dict) -> tuple:
    return (x["start"], x["end"], x["holder"], x["target"], x["polarity"])


def _range(case: str) -> tuple[str, int, int]:
    doc, span = case.rsplit(":", 1)
    start, end = span.split("-")
    return doc, int(start), int(end)


def test_labels_follow_the_decisions() -> None:
    labels = jsonl_rows(REPO / "annotations" / "stance.jsonl")
    by_case: dict[str, list[dict]] = {}
    for lab in labels:
        if lab["case"]:
            by_case.setdefault(lab["case"], []).append(lab)
    review = jsonl_rows(STANCE / "review.jsonl")
    later: list[tuple[str, int, int]] = []  # review decisions apply in order: a later one overlapping wins
    for d in reversed(review):
        doc, start, end = _range(d["case"])
        if not any(r[0] == doc and r[1] < end and r[2] > start for r in later):
            assert sorted(map(_key, by_case.get(d["case"], []))) == sorted(map(_key, d["records"])), d["case"]
            assert all(x["provenance"] == "reviewed" for x in by_case.get(d["case"], []))
        later.append((doc, start, end))
    reviewed = [_range(d["case"]) for d in review]
    checked = 0
    for d in jsonl_rows(STANCE / "adjudication.jsonl"):
        doc, start, end = _range(d["case"])
        if d["decision"] != "custom" or any(r[0] == doc and r[1] < end and r[2] > start for r in reviewed):
            continue
        assert sorted(map(_key, by_case[d["case"]])) == sorted(map(_key, d["records"])), d["case"]
        checked += 1
    assert checked > 0


# --- bad input: validate names the record, the build refuses and writes nothing ----------------


@pytest.fixture
def span_outside_text(corpus_copy: Path) -> tuple[Path, int]:
    path = corpus_copy / "annotations" / "stance" / "pass-a.jsonl"
    rows = jsonl_rows(path)
    i = next(i for i, r in enumerate(rows) if r["document"] == "central-asia-kyiv-2025")
    n = len(rows[i]["text"])
    return corpus_copy, edit_jsonl_line(path, i, start=100_000, end=100_000 + n)


@pytest.fixture
def span_text_mismatch(corpus_copy: Path) -> tuple[Path, int]:
    path = corpus_copy / "annotations" / "stance" / "pass-a.jsonl"
    row = jsonl_rows(path)[5]
    return corpus_copy, edit_jsonl_line(path, 5, text=row["text"][::-1])


@pytest.fixture
def span_across_paragraphs(corpus_copy: Path) -> tuple[Path, int]:
    path = corpus_copy / "annotations" / "stance" / "pass-a.jsonl"
    text = (corpus_copy / "annotations" / "text" / "balance-policy-2025.txt").read_text(encoding="utf-8")
    cut = text.index("\n\n")
    return corpus_copy, edit_jsonl_line(path, 0, end=cut + 5, text=text[0 : cut + 5])


@pytest.fixture
def unknown_actor(corpus_copy: Path) -> tuple[Path, int]:
    return corpus_copy, edit_jsonl_line(corpus_copy / "annotations" / "stance" / "pass-b.jsonl", 3, holder="KAZAKHSTAN")


@pytest.fixture
def unknown_polarity(corpus_copy: Path) -> tuple[Path, int]:
    return corpus_copy, edit_jsonl_line(corpus_copy / "annotations" / "stance" / "pass-a.jsonl", 7, polarity="PRO")


@pytest.fixture
def exact_duplicate(corpus_copy: Path) -> tuple[Path, int]:
    path = corpus_copy / "annotations" / "stance" / "pass-a.jsonl"
    rows = jsonl_rows(path)
    rows.append(rows[10] | {"id": "copied:a:1"})
    write_jsonl_rows(path, rows)
    return corpus_copy, len(rows)


@pytest.fixture
def overlapping_duplicate(corpus_copy: Path) -> tuple[Path, int]:
    """A review record with the same holder, target and polarity as a label it overlaps."""
    labels = jsonl_rows(corpus_copy / "annotations" / "stance.jsonl")
    lab = next(x for x in labels if x["provenance"] == "agreed" and x["end"] - x["start"] > 40)
    record = {k: lab[k] for k in ("holder", "target", "polarity", "holder_note", "target_note", "note")}
    path = corpus_copy / "annotations" / "stance" / "review.jsonl"
    rows = jsonl_rows(path)
    rows.append(
        {
            "case": f"{lab['document']}:{lab['start'] + 10}-{lab['end'] + 0}",
            "decision": "custom",
            "records": [record | {"start": lab["start"] + 10, "end": lab["end"] - 1}],
            "rationale": "test",
            "adjudicator": "test",
        }
    )
    write_jsonl_rows(path, rows)
    return corpus_copy, len(rows)


@pytest.fixture
def missing_decision(corpus_copy: Path) -> tuple[Path, str]:
    path = corpus_copy / "annotations" / "stance" / "adjudication.jsonl"
    rows = jsonl_rows(path)
    write_jsonl_rows(path, rows[1:])
    return corpus_copy, rows[0]["case"]


@pytest.fixture
def dangling_translation(corpus_copy: Path) -> tuple[Path, int]:
    path = corpus_copy / "annotations" / "stance" / "translations.jsonl"
    return corpus_copy, edit_jsonl_line(path, 2, translation_of=["russia-alliance-limits:1-2:KAZ:RUS"])


@pytest.mark.parametrize(
    ("fixture", "where", "message"),
    fast_first(
        [
            ("span_outside_text", "pass-a.jsonl:{line}: ", r"offsets 100000-\d+ fall outside the text"),
            ("span_text_mismatch", "pass-a.jsonl:{line}: ", "does not equal the cleaned text there"),
            ("span_across_paragraphs", "pass-a.jsonl:{line}: ", "are not inside one paragraph"),
            ("exact_duplicate", "pass-a.jsonl:{line}: ", "record copied:a:1 duplicates record"),
            ("overlapping_duplicate", "stance.jsonl", "overlaps record .* with the same holder, target and polarity"),
            ("dangling_translation", "translations.jsonl:{line}: ", "is not a released label id"),
            ("unknown_actor", "pass-b.jsonl:{line}, field 'holder': ", "unknown actor code 'KAZAKHSTAN'"),
            ("unknown_polarity", "pass-a.jsonl:{line}, field 'polarity': ", "Input should be 'FAVOR', 'AGAINST' or"),
        ]
    ),
)
def test_bad_span_is_named_by_validate_and_refused_by_the_build(
    fixture: str, where: str, message: str, request: pytest.FixtureRequest
) -> None:
    root, line = request.getfixturevalue(fixture)
    problems = "\n".join(map(str, iter_problems(root)))
    assert re.search(message, problems) and where.format(line=line) in problems, problems
    assert_build_fails_untouched(root, DataError, message, annotate=False)


def test_a_disagreement_without_decision_fails(missing_decision: tuple[Path, str]) -> None:
    root, case = missing_decision
    assert_build_fails_untouched(root, DataError, f"disagreement {case} has no decision", annotate=False)


@pytest.fixture
def tampered_labels(corpus_copy: Path) -> tuple[Path, int]:
    path = corpus_copy / "annotations" / "stance.jsonl"
    row = jsonl_rows(path)[4]
    return corpus_copy, edit_jsonl_line(path, 4, text=row["text"].upper())


def test_loader_refuses_a_tampered_label_file(tampered_labels: tuple[Path, int]) -> None:
    root, line = tampered_labels
    with pytest.raises(DataError, match=rf"stance\.jsonl:{line}: record .* does not equal the cleaned text"):
        load_stance(root)
    problems = iter_problems(root)
    assert any(str(p).endswith("stance.jsonl: differs from a fresh build; run `kzcorpus build`") for p in problems)


# --- counts and agreement in README and card ---------------------------------------------------


def _section(text: str, start: str, end: str) -> str:
    return text.split(start, 1)[1].split(end, 1)[0]


def _table(section: str, first_header: str) -> dict[str, list[str]]:
    block = section.split(f"| {first_header} |", 1)[1].split("\n\n", 1)[0]
    rows = [r.strip("|").split("|") for r in block.splitlines()[2:] if r.startswith("|")]
    return {r[0].strip().strip("`*"): [c.strip() for c in r[1:]] for r in rows}


def _expected_counts() -> tuple[dict[str, list[str]], dict[str, list[str]]]:
    labels = jsonl_rows(REPO / "annotations" / "stance.jsonl")
    pols = ("FAVOR", "AGAINST", "NEUTRAL")
    lang = {}
    for code in ("tr", "en", "ru", None):
        sel = [x for x in labels if code is None or x["language"] == code]
        c = Counter(x["polarity"] for x in sel)
        spans = {(x["document"], x["start"], x["end"]) for x in sel}
        lang[code or "total"] = [str(len(sel)), str(len(spans))] + [str(c[p]) for p in pols]
    actors: dict[str, list[str]] = {}
    for a in {x["holder"] for x in labels} | {x["target"] for x in labels}:
        h = Counter(x["polarity"] for x in labels if x["holder"] == a)
        t = Counter(x["polarity"] for x in labels if x["target"] == a)
        actors[a] = [str(h.total())] + [str(h[p]) for p in pols] + [str(t.total())] + [str(t[p]) for p in pols]
    return lang, actors


@pytest.mark.parametrize("doc", ["README.md", "dataset/README.md"])
def test_stance_counts_in_readme_and_card_match_the_data(doc: str) -> None:
    text = (REPO / doc).read_text(encoding="utf-8")
    section = _section(text, "<!-- stance-counts -->", "<!-- /stance-counts -->") if doc == "README.md" else text
    lang, actors = _expected_counts()
    assert _table(section, "language | labels") == lang
    assert _table(section, "actor") == actors


@pytest.mark.parametrize("doc", ["README.md", "dataset/README.md"])
def test_agreement_figures_in_readme_and_card_are_recomputed(doc: str) -> None:
    from kzcorpus.corpus import Corpus
    from kzcorpus.export.card import stance_agreement_text

    corpus = Corpus(REPO)
    report = agreement_report(corpus.stance_inputs, corpus.cleaned, corpus.annotated, corpus.splits)
    assert set(report["per_split"]) == {"train", "dev", "test"}
    assert stance_agreement_text(report) in (REPO / doc).read_text(encoding="utf-8")
    assert report["span_f1_overlap"] > 50 and report["scope_sentences"] / report["all_sentences"] >= 0.25


# --- Hugging Face configs --------------------------------------------------------------------


def test_stance_configs_load_typed_and_agree_with_the_layer() -> None:
    pytest.importorskip("datasets")
    from kzcorpus.export.features import STANCE, to_features
    from kzcorpus.registry import CONFIG_FEATURES
    from kzcorpus.schema.stance import LABEL_FIELDS, StanceLabel

    assert tuple(STANCE) == LABEL_FIELDS and set(LABEL_FIELDS) == set(StanceLabel.model_fields)
    spans = load_config("stance")
    assert spans.features == to_features(CONFIG_FEATURES["stance"])
    labels = {k: spans.features[k] for k in ("language", "holder", "target", "polarity")}  # class labels

    def decoded(row: dict) -> dict:
        return {k: (labels[k].int2str(v) if k in labels and v is not None else v) for k, v in row.items()}

    rows = [{k: v for k, v in decoded(r).items() if k not in ("split", "fold")} for r in spans.to_list()]
    by_id = {r["id"]: r for r in jsonl_rows(REPO / "annotations" / "stance.jsonl")}
    assert len(rows) == len(by_id) and all(r == by_id[r["id"]] for r in rows)
    sents = load_config("stance_sentences")
    assert sents.features == to_features(CONFIG_FEATURES["stance_sentences"])
    assert sents["id"] == [r["id"] for r in config_rows("sentences")]
    by_sentence: dict[str, set[tuple[str, str, str]]] = {}
    for lab in rows:
        for sid in lab["sentences"]:
            by_sentence.setdefault(sid, set()).add((lab["holder"], lab["target"], lab["polarity"]))
    for row in sents:
        got = [
            (labels["holder"].int2str(x["holder"]), labels["target"].int2str(x["target"]),
             labels["polarity"].int2str(x["polarity"]))
            for x in row["stances"]
        ]  # fmt: skip
        assert got == sorted(by_sentence.get(row["id"], set())), row["id"]
    assert 0 < sum(bool(r) for r in sents["stances"]) < sents.num_rows


# --- schema of decisions and released labels ---------------------------------------------------


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"decision": "a"}, "decision 'a' keeps a pass's records; only 'custom' lists records"),
        ({"case": "doc:10-20"}, "record 0-5 lies outside the case range 10-20"),
        ({"case": "doc 0-5"}, "String should match pattern"),
    ],
)
def test_bad_decisions_are_refused(change: dict, message: str) -> None:
    from pydantic import ValidationError

    from kzcorpus.schema.stance import Decision

    record = {"start": 0, "end": 5, "holder": "KAZ", "target": "RUS", "polarity": "FAVOR"}
    data = {"case": "doc:0-5", "decision": "custom", "records": [record], "rationale": "r", "adjudicator": "x"}
    with pytest.raises(ValidationError, match=message):
        Decision(**(data | change))


def test_a_label_id_must_match_its_record() -> None:
    from pydantic import ValidationError

    from kzcorpus.schema.stance import StanceLabel

    row = jsonl_rows(REPO / "annotations" / "stance.jsonl")[0]
    StanceLabel(**row)
    with pytest.raises(ValidationError, match="does not match the record; expected"):
        StanceLabel(**(row | {"id": row["id"].replace(row["target"], "USA")}))


# --- show ----------------------------------------------------------------------------------------


def test_show_brackets_nested_spans_and_lists_labels() -> None:
    from kzcorpus.schema.stance import StanceLabel
    from kzcorpus.stance.show import render_paragraph

    text = "Astana backs Moscow fully."

    def lab(start: int, end: int, holder: str, target: str, polarity: str) -> StanceLabel:
        return StanceLabel(
            id=f"d:{start + 100}-{end + 100}:{holder}:{target}",
            document="d",
            language="en",
            start=start + 100,
            end=end + 100,
            text=text[start:end],
            holder=holder,
            target=target,
            polarity=polarity,
            sentences=("d-p0-s1",),
            annotator="t",
            guideline_version="1.1",
            provenance="agreed",
        )

    labels = [lab(0, 25, "KAZ", "RUS", "FAVOR"), lab(13, 19, "AUTHOR", "RUS", "AGAINST")]
    assert render_paragraph(text, 100, labels) == (
        "[1>Astana backs [2>Moscow<2] fully<1].\n  [1] KAZ → RUS FAVOR\n  [2] AUTHOR → RUS AGAINST"
    )
    coloured = render_paragraph(text, 100, labels, colour=True)
    assert "\033[32m" in coloured and "\033[31m" in coloured


def test_show_command_names_an_unknown_document(capsys: pytest.CaptureFixture[str]) -> None:
    from kzcorpus.cli import main

    assert main(["show", "no-such-doc", "--stance"]) == 1
    assert "unknown document 'no-such-doc'; expected one of balance-policy-2025" in capsys.readouterr().err
    assert main(["show", "central-asia-kyiv-2025", "--stance", "--paragraph", "0", "--color", "never"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("¶0 (tr, body)\n[1>Orta Asya") and "  [1] KAZ → UKR FAVOR" in out
