"""Diacritic repair: decisions on real ambiguities, the CLI, and measured accuracy."""

from __future__ import annotations

import io
import json
import re
import sys
from pathlib import Path

import pytest

from kzcorpus.clean.evaluate import damage, score_pairs, word_spans
from kzcorpus.clean.lexicon import load_lexicon
from kzcorpus.clean.report import repair_reference, repair_report
from kzcorpus.clean.restore import restore_text
from kzcorpus.cli import main

from .conftest import REPO, SHARED

IMST = SHARED / "ud" / "UD_Turkish-IMST"
SCORES = REPO / "models" / "restore" / "scores.json"


@pytest.fixture(scope="module")
def lexicon():
    return load_lexicon(REPO)


@pytest.mark.parametrize(
    ("damaged", "repaired"),
    [
        ("Bu su reçte bo lgesel ve ku resel dengeyi go zeten", "Bu süreçte bölgesel ve küresel dengeyi gözeten"),
        (
            "Ülkenin bu yu mesi bu yu k o nem taşıyor, o ne çıkıyor.",
            "Ülkenin büyümesi büyük önem taşıyor, öne çıkıyor.",
        ),
        ("Bu su re zarfında o nemli adımlar atıldı.", "Bu süre zarfında önemli adımlar atıldı."),
        ("çok yo nlu  ve çok taraflı", "çok yönlü ve çok taraflı"),
        ("İ şbirlig i (KGAO ) ve O rgu tu ’ne katıldı", "İşbirliği (KGAÖ) ve Örgütü’ne katıldı"),
        ("go ru lmektedir", "görülmektedir"),
    ],
)
def test_damaged_turkish_is_repaired(lexicon, damaged: str, repaired: str) -> None:
    assert restore_text(damaged, lexicon) == repaired


@pytest.mark.parametrize(
    "clean",
    [
        "O bunu bilmiyor, su da yok; bu konu o kadar önemli değil.",
        "It is also important to go to the market, too.",
        "Казахстан и Россия — два союзных государства.",
        "2014-2021 yılları arasında %8,7 (67/46) s.6 ve 1.511 kilometre",
        "https://www.mk.ru/politics/2022/06/18/v-dume-nazvali-vyzovom",
        "",
        "x",
        "\n\n",
    ],
)
def test_correct_text_is_left_alone(lexicon, clean: str) -> None:
    assert restore_text(clean, lexicon) == clean


def test_morphology_answers_do_not_depend_on_earlier_words(lexicon) -> None:
    """zeyrek alone rejects ``dedi`` once ``dediğ`` has been analysed (shared state)."""
    morphology = lexicon.morphology
    assert morphology is not None and morphology.accepts("dedi")
    for word in ("dediğ", "ikiğ", "olarakğ", "ikü"):
        morphology.accepts(word)
    assert all(morphology.accepts(w) for w in ("dedi", "iki", "olarak"))


def test_restore_command_reads_stdin_writes_stdout(monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    data = "Bu su reçte bo lgesel ve ku resel dengeyi go zeten\nbir yaklaşım\n"
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data.encode("utf-8")), encoding="utf-8"))
    assert main(["restore"]) == 0
    assert capsys.readouterr().out == "Bu süreçte bölgesel ve küresel dengeyi gözeten\nbir yaklaşım\n"


def test_restore_command_accepts_empty_input(monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b""), encoding="utf-8"))
    assert main(["restore"]) == 0
    assert capsys.readouterr().out == ""


def test_restore_command_rejects_non_utf8(monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO("bölge".encode("latin-1")), encoding="utf-8"))
    assert main(["restore"]) == 1
    assert re.search(r"<stdin>.*not valid UTF-8", capsys.readouterr().err)


def test_word_spans_score_exact_words() -> None:
    gold = "Bu süreçte bölgesel"
    dmg = damage(gold)
    assert dmg == "Bu su reçte bo lgesel"
    assert [w for w, *_ in word_spans(gold, dmg)] == ["Bu", "süreçte", "bölgesel"]
    score = score_pairs([(dmg, gold, "Bu su reçte bölgesel")])
    assert (score.damaged_words, score.damaged_restored, score.clean_words, score.clean_changed) == (2, 1, 1, 0)


def test_reference_covers_every_body_line() -> None:
    rows = [json.loads(line) for line in (REPO / repair_reference(REPO)[1]).read_text(encoding="utf-8").splitlines()]
    raw = (REPO / "raw" / "china-economic-relations.txt").read_text(encoding="utf-8").split("\n")
    body = [n for n in range(211, 443) if raw[n - 1].strip()]
    assert [r["line"] for r in rows] == body and len(rows) >= 200
    assert all(r["raw"] == raw[r["line"] - 1] for r in rows)


@pytest.mark.skipif(not IMST.is_dir(), reason="needs ../shared/ud/UD_Turkish-IMST")
def test_repair_meets_targets_and_shipped_scores_are_current(lexicon) -> None:
    report = repair_report(lexicon, IMST)
    for name in ("reference", "synthetic"):
        assert report[name]["restored_pct"] >= 99.5, name
        assert report[name]["collateral_pct"] <= 0.1, name
    assert json.loads(SCORES.read_text(encoding="utf-8")) == report


def test_readme_reports_the_shipped_repair_scores() -> None:
    scores = json.loads(SCORES.read_text(encoding="utf-8"))
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    block = readme.split("<!-- repair-scores -->", 1)[1].split("<!-- /repair-scores -->", 1)[0]
    for name, label in (("reference", "hand-corrected"), ("synthetic", "synthetic")):
        s = scores[name]
        cells = [label, s["damaged_words"], f"{s['restored_pct']:.2f}", s["clean_words"], f"{s['collateral_pct']:.3f}"]
        row = "| " + " | ".join(str(c) for c in cells) + " |"
        assert row in block, row


def test_lexicon_is_reproducible(tmp_path: Path) -> None:
    if not IMST.is_dir():
        pytest.skip("needs ../shared/ud/UD_Turkish-IMST")
    out = tmp_path / "lexicon.tsv"
    assert main(["models", "lexicon", "--ud", str(IMST), "--out", str(out)]) == 0
    assert out.read_bytes() == (REPO / "models" / "restore" / "lexicon.tsv").read_bytes()


def test_copies_of_the_lexicon_share_one_load_and_a_bad_line_names_its_file(tmp_path: Path, lexicon) -> None:
    from kzcorpus.errors import DataError

    copy = tmp_path / "data" / "models" / "restore"
    copy.mkdir(parents=True)
    text = (REPO / "models" / "restore" / "lexicon.tsv").read_text(encoding="utf-8")
    (copy / "lexicon.tsv").write_text(text, encoding="utf-8")
    assert load_lexicon(tmp_path / "data") is lexicon  # same text: the loaded model is reused
    lines = text.splitlines()
    first_row = next(i for i, line in enumerate(lines, 1) if not line.startswith("#"))
    lines[first_row - 1] = "word-without-count"
    (copy / "lexicon.tsv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(DataError) as err:
        load_lexicon(tmp_path / "data")
    assert str(err.value).startswith(f"{copy / 'lexicon.tsv'}:{first_row}: expected 'word<TAB>count'")
