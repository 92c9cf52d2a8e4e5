"""The multi-word-token lexicon (kzcorpus.annotate.mwt_lexicon): counted from a train
split, read back strictly, and applied inside the tokenizer hook without moving a token."""

from __future__ import annotations

from pathlib import Path

import pytest

from kzcorpus.annotate.mwt_lexicon import MwtLexicon, build, count, decide_tokens, iter_token_splits, load, parse
from kzcorpus.annotate.segment import BoundaryFixer
from kzcorpus.errors import DataError
from kzcorpus.models import MWT_LEXICON_FILE

TRAIN = """# sent_id = 1
# text = Vardı hafifçe.
1-2\tVardı\t_\t_\t_\t_\t_\t_\t_\t_
1\tVar\tvar\tVERB\t_\t_\t0\troot\t_\t_
2\tdı\ti\tAUX\t_\t_\t1\tcop\t_\t_
3\thafifçe\thafif\tADV\t_\t_\t1\tadvmod\t_\tSpaceAfter=No
4\t.\t.\tPUNCT\t_\t_\t1\tpunct\t_\t_

# sent_id = 2
# text = vardı hafifçe
1-2\tvardı\t_\t_\t_\t_\t_\t_\t_\t_
1\tvar\tvar\tVERB\t_\t_\t0\troot\t_\t_
2\tdı\ti\tAUX\t_\t_\t1\tcop\t_\t_
3-4\thafifçe\t_\t_\t_\t_\t_\t_\t_\t_
3\thafif\thafif\tADJ\t_\t_\t1\tadvmod\t_\t_
4\tçe\tce\tADP\t_\t_\t3\tcase\t_\t_

"""


def test_counts_each_surface_token_once_with_turkish_lowercasing() -> None:
    pairs = list(iter_token_splits(TRAIN.splitlines()))
    assert pairs == [("Vardı", True), ("hafifçe", False), (".", False), ("vardı", True), ("hafifçe", True)]
    assert count([*pairs, ("IŞIK", False)]) == {".": (0, 1), "hafifçe": (1, 1), "vardı": (2, 0), "ışık": (0, 1)}


def test_majority_decides_ties_stay_single_and_unseen_forms_are_left_alone() -> None:
    lex = MwtLexicon(count(iter_token_splits(TRAIN.splitlines())))
    assert lex.decide("VARDI") is True
    assert lex.decide("hafifçe") is False  # one of each: not enough to split
    assert lex.decide("parmaklı") is None
    got = decide_tokens([("Vardı", False), ("parmaklı", True), (".", True)], lex)
    assert got == [("Vardı", True), ("parmaklı", True), (".", False)]


def test_file_round_trip_keeps_counts_and_names_its_source(tmp_path: Path) -> None:
    train = tmp_path / "train.conllu"
    train.write_text(TRAIN, encoding="utf-8")
    text = build(train, ["from train.conllu alone"])
    assert text.startswith("# from train.conllu alone\nform\tmultiword\tsingle\n")
    assert parse(text, tmp_path / "x.tsv").counts == count(iter_token_splits(TRAIN.splitlines()))


@pytest.mark.parametrize(
    ("text", "line", "expected"),
    [
        ("# c\nform\tcount\n", 2, "expected the header"),
        ("form\tmultiword\tsingle\nvardı\t2\n", 2, "expected form<TAB>multiword count<TAB>single count"),
        ("form\tmultiword\tsingle\nvardı\tiki\t0\n", 2, "expected form<TAB>multiword count<TAB>single count"),
    ],
)
def test_bad_lexicon_lines_name_file_and_line(tmp_path: Path, text: str, line: int, expected: str) -> None:
    path = tmp_path / MWT_LEXICON_FILE
    with pytest.raises(DataError) as err:
        parse(text, path)
    assert str(err.value).startswith(f"{path}:{line}: {expected}")


def test_cli_builds_the_lexicon_from_the_train_split_and_names_it(tmp_path: Path, capsys) -> None:
    from kzcorpus.cli import main

    ud = tmp_path / "UD_Turkish-IMST"
    ud.mkdir()
    (ud / "tr_imst-ud-train.conllu").write_text(TRAIN, encoding="utf-8")
    out = tmp_path / MWT_LEXICON_FILE
    assert main(["models", "mwt-lexicon", "tr", "--ud", str(ud), "--out", str(out)]) == 0
    assert f"wrote {out}: 3 forms" in capsys.readouterr().out
    text = out.read_text(encoding="utf-8")
    assert "from UD_Turkish-IMST/tr_imst-ud-train.conllu alone" in text
    assert "treebank source: unknown (no SOURCE file)" in text
    assert parse(text, out).decide("vardı") is True
    assert main(["models", "mwt-lexicon", "tr", "--ud", str(tmp_path / "nowhere"), "--out", str(out)]) != 0
    assert "nowhere/tr_imst-ud-train.conllu: treebank train file missing" in capsys.readouterr().err


def test_a_language_without_a_lexicon_file_gets_none(tmp_path: Path) -> None:
    assert load(tmp_path) is None


def test_hook_changes_only_the_multiword_flags() -> None:
    lex = MwtLexicon({"vardı": (3, 0), "sonraki": (0, 4)})
    fixer = BoundaryFixer("tr", lex)
    fixer.text = "Vardı sonraki gün."
    out = fixer([["Vardı", ("sonraki", True), "gün", "."]])
    assert out == [[("Vardı", True), "sonraki", "gün", "."]]
    plain = BoundaryFixer("tr")
    plain.text = fixer.text
    assert plain([["Vardı", ("sonraki", True), "gün", "."]]) == [["Vardı", ("sonraki", True), "gün", "."]]


def test_shipped_turkish_lexicon_reads_and_knows_imst_splits() -> None:
    from kzcorpus.paths import models_dir

    lex = load(models_dir() / "tr")
    assert lex is not None
    assert lex.decide("vardı") is True and lex.decide("ve") is False
    assert load(models_dir() / "en") is None


@pytest.mark.slow
def test_corpus_annotator_splits_what_imst_splits() -> None:
    pytest.importorskip("stanza")
    from kzcorpus.annotate.stanza_run import StanzaAnnotator

    sentences = StanzaAnnotator("tr")("Bahçede bir ev vardı.")
    tokens = {t.form: t for s in sentences for t in s}
    assert [w.form for w in tokens["vardı"].words] == ["var", "dı"]
