"""The shipped CoNLL-U layer: round trip, offsets, ids, provenance, UD validation, counts, quality."""

from __future__ import annotations

import json
import re
from pathlib import Path

import conllu
import pytest

from kzcorpus.errors import DataError
from kzcorpus.io.conllu import Sentence, Token, Word, load_annotation, read_sentences, render_file

from .conftest import REPO

UD_FILES = sorted((REPO / "annotations" / "conllu").glob("*.conllu"))
TOKENS_FILES = sorted((REPO / "annotations" / "tokens").glob("*.conllu"))
CONLLU = sorted([*UD_FILES, *TOKENS_FILES], key=lambda p: p.name)
TEXTS = {p.stem: p.read_text(encoding="utf-8") for p in (REPO / "annotations" / "text").glob("*.txt")}


def test_every_document_and_language_has_a_file() -> None:
    paras = [json.loads(x) for x in (REPO / "annotations" / "paragraphs.jsonl").read_text().splitlines()]
    assert {p.name for p in CONLLU} == {f"{p['document']}.{p['language']}.conllu" for p in paras}


@pytest.mark.parametrize("path", CONLLU, ids=lambda p: p.name)
def test_round_trips_through_conllu_byte_for_byte(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert "".join(s.serialize() for s in conllu.parse(text)) == text
    assert render_file(read_sentences(path)) == text


@pytest.mark.parametrize("path", CONLLU, ids=lambda p: p.name)
def test_token_ranges_slice_the_cleaned_text(path: Path) -> None:
    """Independent of kzcorpus.io: read with conllu, slice the text file by hand."""
    doc = path.name.split(".")[0]
    text = TEXTS[doc]
    for sent in conllu.parse(path.read_text(encoding="utf-8")):
        starts, ends, mwt_end = [], [], 0
        for tok in sent:
            start, end = map(int, tok["misc"]["TokenRange"].split(":"))
            if isinstance(tok["id"], tuple):
                mwt_end, mwt_range = tok["id"][2], (start, end)
            elif tok["id"] <= mwt_end:
                assert (start, end) == mwt_range  # words share their token's range
                continue
            assert text[start:end] == tok["form"]
            starts.append(start)
            ends.append(end)
        assert text[starts[0] : ends[-1]] == sent.metadata["text"]
        assert re.fullmatch(rf"{doc}-p\d+-s\d+", sent.metadata["sent_id"])


def test_sentence_ids_are_unique_and_in_order() -> None:
    ids = [s.metadata["sent_id"] for p in CONLLU for s in conllu.parse(p.read_text(encoding="utf-8"))]
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize("path", [p for p in CONLLU if ".ru." not in p.name], ids=lambda p: p.name)
def test_header_records_models_and_hashes(path: Path) -> None:
    lang = path.name.split(".")[-2]
    first = conllu.parse(path.read_text(encoding="utf-8"))[0].metadata
    training = json.loads((REPO / "models" / lang / "training.json").read_text())
    assert first["newdoc id"] == path.name.split(".")[0]
    assert first["annotation"].startswith(f"automatic: Stanza {training['versions']['stanza']}")
    for proc, rec in training["processors"].items():
        assert first[f"model.{proc}"] == f"{rec['model_file']} sha256:{rec['sha256']}"


def test_russian_file_is_marked_tokens_only() -> None:
    path = REPO / "annotations" / "tokens" / "russia-alliance-limits.ru.conllu"
    sents = conllu.parse(path.read_text(encoding="utf-8"))
    assert "no lemmas, POS, features or dependencies" in sents[0].metadata["annotation"]
    assert all(t["upos"] in (None, "_") and t["head"] in (None, "_") for s in sents for t in s)


def test_tokens_only_files_are_kept_apart_from_the_ud_files() -> None:
    assert [p.name for p in TOKENS_FILES] == ["russia-alliance-limits.ru.conllu"]
    assert not [p for p in UD_FILES if ".ru." in p.name]


@pytest.mark.parametrize("path", UD_FILES, ids=lambda p: p.name)
def test_official_validator_level2_has_no_errors(path: Path) -> None:
    pytest.importorskip("udtools")
    from kzcorpus.annotate.udcheck import validate_file

    result = validate_file(path, path.name.split(".")[-2], 2)
    assert result["errors"] == {}, result["messages"]


def test_validation_report_lists_every_validated_file() -> None:
    report = json.loads((REPO / "annotations" / "conllu" / "validation.json").read_text())
    assert set(report["files"]) == {p.name for p in CONLLU if ".ru." not in p.name}
    assert all(f["level2_errors"] == 0 for f in report["files"].values())


def test_bad_token_range_is_reported_with_file_and_sentence(tmp_path: Path) -> None:
    base = tmp_path / "annotations"
    (base / "conllu").mkdir(parents=True)
    sent = Sentence("d-p0-s1", "Astana", (Token("Astana", 0, 6, (Word("Astana"),)),))
    (base / "conllu" / "d.tr.conllu").write_text(render_file([sent]), encoding="utf-8")
    assert load_annotation(base, {"d": "Astana"})[("d", "tr")] == [sent]
    with pytest.raises(DataError, match=r"d\.tr\.conllu: sentence d-p0-s1: token 'Astana' has TokenRange=0:6"):
        load_annotation(base, {"d": "Almaty"})


def test_missing_token_range_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "d.tr.conllu"
    path.write_text("# sent_id = a\n# text = x\n1\tx\t_\t_\t_\t_\t_\t_\t_\t_\n\n", encoding="utf-8")
    with pytest.raises(DataError, match=r"d\.tr\.conllu:1: sentence lacks 'TokenRange'"):
        read_sentences(path)


def test_spaces_after_round_trip() -> None:
    from kzcorpus.io.conllu import escape_spaces, unescape_spaces

    for gap in ["  ", "\n", " \t", "\\"]:
        assert unescape_spaces(escape_spaces(gap)) == gap
