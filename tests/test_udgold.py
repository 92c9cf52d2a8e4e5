"""The gold UD layer's tools: strict checks of hand-written CoNLL-U, pass diff and merge."""

from __future__ import annotations

from pathlib import Path

import pytest

from kzcorpus.errors import DataError
from kzcorpus.schema.udgold import UdDecision
from kzcorpus.udgold.check import check_text, read_checked, render_blocks
from kzcorpus.udgold.diff import iter_cases
from kzcorpus.udgold.merge import merge

DATA = Path(__file__).parent / "data" / "udgold"
VALID = (DATA / "valid.conllu").read_text(encoding="utf-8")
EXPECTED = [("doc-p0-s1", "Kazakistan’ın politikası önemlidir.")]


def _edit(line_prefix: str, column: int, value: str, text: str = VALID) -> str:
    """The fixture with one column of the line starting with ``line_prefix`` replaced."""
    out = []
    for line in text.split("\n"):
        if line.startswith(line_prefix + "\t"):
            cols = line.split("\t")
            cols[column] = value
            line = "\t".join(cols)
        out.append(line)
    return "\n".join(out)


def test_valid_fixture_has_no_problem() -> None:
    blocks, problems = check_text(VALID, "valid.conllu", EXPECTED)
    assert problems == []
    assert [len(b.words) for b in blocks] == [5]
    assert render_blocks(blocks) == VALID  # round trip, byte for byte


# one broken input per case: (edit, line the problem is reported on, words of the message)
BROKEN = {
    "wrong-text": (lambda t: t.replace("politikası", "politikasi", 1), 4, "does not match the text"),
    "eleven-columns": (lambda t: t.replace("nsubj\t_\t_", "nsubj\t_\t_\t_"), 4, "expected 10 tab-separated columns"),
    "nine-columns": (lambda t: t.replace("nsubj\t_\t_", "nsubj\t_"), 4, "expected 10 tab-separated columns"),
    "cycle": (
        lambda t: _edit("3", 6, "2", _edit("3", 7, "obl", _edit("1", 6, "0", _edit("1", 7, "root", t)))),
        0,
        "cycle",
    ),
    "two-roots": (lambda t: _edit("5", 6, "0", _edit("5", 7, "root", t)), 1, "exactly one root"),
    "head-out-of-range": (lambda t: _edit("2", 6, "9", t), 4, "HEAD '9' must be 0..5"),
    "gap-in-ids": (lambda t: t.replace("\n5\t.", "\n6\t."), 8, "expected 5"),
    "overlapping-ranges": (lambda t: t.replace("3-4\tönemlidir", "2-4\tönemlidir"), 5, "multi-word range"),
    "missing-space-after-no": (lambda t: t.replace("SpaceAfter=No", "_"), 5, "write SpaceAfter=No"),
    "bad-upos": (lambda t: _edit("2", 3, "NOUNS", t), 4, "not one of the 17 universal tags"),
    "deps-filled": (lambda t: _edit("2", 8, "3:nsubj", t), 4, "DEPS must be '_'"),
}


@pytest.mark.parametrize("case", sorted(BROKEN))
def test_each_broken_input_is_reported_with_its_line(case: str) -> None:
    edit, line, words = BROKEN[case]
    _, problems = check_text(edit(VALID), "broken.conllu", EXPECTED)
    assert problems, case
    hit = [p for p in problems if words in p.message]
    assert hit, [str(p) for p in problems]
    if line:
        assert hit[0].line == line
    assert str(hit[0]).startswith("broken.conllu:")


def test_missing_and_unexpected_sentences_are_reported() -> None:
    other = VALID.replace("doc-p0-s1", "doc-p0-s2")
    _, problems = check_text(other, "x.conllu", EXPECTED)
    messages = " ".join(p.message for p in problems)
    assert "sentence doc-p0-s1 is missing" in messages
    assert "'doc-p0-s2' is not one of the expected sentences" in messages


def test_read_checked_reports_all_problems_with_a_count(tmp_path: Path) -> None:
    bad = tmp_path / "bad.conllu"
    bad.write_text(_edit("2", 3, "NOUNS", _edit("5", 3, "PUNC", VALID)), encoding="utf-8")
    with pytest.raises(DataError, match=r"2 problem\(s\)") as err:
        read_checked(bad)
    assert "bad.conllu:4" in str(err.value) and "bad.conllu:8" in str(err.value)


def _blocks(text: str) -> list:
    blocks, problems = check_text(text, "x", EXPECTED)
    assert problems == []
    return blocks


def _decision(case: str, decision: str, **kw: object) -> UdDecision:
    return UdDecision(case=case, decision=decision, rationale="test", adjudicator="t", **kw)  # type: ignore[arg-type]


B_TEXT = _edit("2", 7, "obl", _edit("1", 3, "NOUN", VALID))


def test_diff_lists_one_case_per_differing_word() -> None:
    cases = list(iter_cases(_blocks(VALID), _blocks(B_TEXT)))
    assert [(c.case, c.a, c.b) for c in cases] == [
        ("doc-p0-s1#w1", {"upos": "PROPN"}, {"upos": "NOUN"}),
        ("doc-p0-s1#w2", {"deprel": "nsubj"}, {"deprel": "obl"}),
    ]


def test_merge_applies_a_b_and_custom_decisions() -> None:
    decisions = [
        _decision("doc-p0-s1#w1", "a"),
        _decision("doc-p0-s1#w2", "custom", fixes=[{"word": 2, "values": {"deprel": "obj"}}]),
    ]
    merged, problems = merge(_blocks(VALID), _blocks(B_TEXT), decisions)
    assert problems == []
    words = merged[0].words
    assert (words[0].cols[3], words[1].cols[7]) == ("PROPN", "obj")
    merged, _ = merge(_blocks(VALID), _blocks(B_TEXT), [_decision("doc-p0-s1#w1", "b"), _decision("doc-p0-s1#w2", "b")])
    assert (merged[0].words[0].cols[3], merged[0].words[1].cols[7]) == ("NOUN", "obl")


def test_merge_refuses_missing_double_and_stale_decisions() -> None:
    decisions = [_decision("doc-p0-s1#w1", "a"), _decision("doc-p0-s1#w1", "b"), _decision("doc-p0-s1#w4", "a")]
    _, problems = merge(_blocks(VALID), _blocks(B_TEXT), decisions)
    assert sorted(str(p) for p in problems) == [
        "doc-p0-s1#w1: decided twice",
        "doc-p0-s1#w2: difference without a decision",
        "doc-p0-s1#w4: no such difference between the passes (stale decision?)",
    ]


def test_tokenisation_difference_is_one_sentence_case() -> None:
    whole = (
        VALID.replace("3-4\tönemlidir\t_\t_\t_\t_\t_\t_\t_\tSpaceAfter=No\n", "")
        .replace(
            "3\tönemli\tönemli\tADJ\tAdj\t_\t0\troot\t_\t_\n4\tdir\ti\tAUX\tZero\tAspect=Perf|Mood=Gen|Number=Sing|Person=3|Tense=Pres\t3\tcop\t_\t_\n",
            "3\tönemlidir\tönemli\tADJ\tAdj\t_\t0\troot\t_\tSpaceAfter=No\n",
        )
        .replace("5\t.\t.\tPUNCT\tPunc\t_\t3", "4\t.\t.\tPUNCT\tPunc\t_\t3")
    )
    cases = list(iter_cases(_blocks(VALID), _blocks(whole)))
    assert [c.case for c in cases] == ["doc-p0-s1#tok"]
    merged, problems = merge(_blocks(VALID), _blocks(whole), [_decision("doc-p0-s1#tok", "b")])
    assert problems == [] and len(merged[0].words) == 4


def test_decision_schema_is_strict() -> None:
    with pytest.raises(ValueError, match="custom decision lists its fixes"):
        _decision("doc-p0-s1#w1", "custom")
    with pytest.raises(ValueError, match="'base'"):
        _decision("doc-p0-s1#tok", "custom", fixes=[{"word": 1, "values": {"upos": "X"}}])
    with pytest.raises(ValueError):
        _decision("doc-p0-s1#x1", "a")


def test_gold_commands_check_diff_and_merge(tmp_path: Path, capsys) -> None:
    import json

    from kzcorpus.cli import main

    a, b = tmp_path / "a.conllu", tmp_path / "b.conllu"
    a.write_text(VALID, encoding="utf-8")
    b.write_text(B_TEXT, encoding="utf-8")
    assert main(["gold", "check", str(a), "--lang", "tr"]) == 0
    assert "0 problem(s); UD validator level 2: 0 error(s)" in capsys.readouterr().out
    bad = tmp_path / "bad.conllu"
    bad.write_text(_edit("2", 3, "NOUNS", VALID), encoding="utf-8")
    assert main(["gold", "check", str(bad), "--lang", "tr"]) == 1
    assert f"{bad}:4: sentence doc-p0-s1: UPOS 'NOUNS'" in capsys.readouterr().out
    assert main(["gold", "diff", str(a), str(b)]) == 0
    cases = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    assert [c["case"] for c in cases] == ["doc-p0-s1#w1", "doc-p0-s1#w2"]
    decisions = tmp_path / "d.jsonl"
    decisions.write_text(
        "".join(
            json.dumps({"case": c["case"], "decision": "a", "rationale": "t", "adjudicator": "t"}) + "\n" for c in cases
        ),
        encoding="utf-8",
    )
    out = tmp_path / "m.conllu"
    assert (
        main(["gold", "merge", str(a), str(b), "--decisions", str(decisions), "--lang", "tr", "--output", str(out)])
        == 0
    )
    assert out.read_text(encoding="utf-8") == VALID
    decisions.write_text(decisions.read_text(encoding="utf-8").splitlines()[0] + "\n", encoding="utf-8")
    assert main(["gold", "merge", str(a), str(b), "--decisions", str(decisions), "--lang", "tr"]) == 1
    assert "doc-p0-s1#w2: difference without a decision" in capsys.readouterr().out
