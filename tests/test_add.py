"""Adding a document is data only: a synthetic sixth document flows through every layer."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kzcorpus.add import NewDocument, add_document
from kzcorpus.cli import main
from kzcorpus.errors import DataError
from kzcorpus.io.documents import load_documents
from kzcorpus.io.raw import load_manifest

from .conftest import REPO, jsonl_rows

NEW_ID = "synthetic-pdf-extract"
# A PDF-like extract: a title and a section label, hard-wrapped lines, a footnote marker
# glued to a word, a page number between two pages, the footnote at the page foot.
LINES = [
    "KAZAKİSTAN DIŞ POLİTİKASINDA DENGE",
    "",
    "Giriş",
    "",
    "Kazakistan dış politikasında çok yönlü denge arayışını sürdürmektedir ve",
    "bölgesel işbirliği girişimlerine etkin biçimde katılmaktadır. Astana bu",
    "yaklaşımı uzun yıllardır kararlı bir şekilde uygulamaktadır.1",
    "",
    "1 Bu dipnot yalnızca sınama amacıyla yazılmıştır.",
    "",
    "|3|",
    "",
    "Orta Asya ülkeleriyle ilişkiler de bu çerçevede gelişmekte ve ekonomik",
    "bağlar güçlenmektedir. Hazar geçişli ulaştırma hatları önem kazanmıştır.",
]
RAW = "\n".join(LINES) + "\n"


def _metadata() -> dict[str, object]:
    first = LINES[0]
    return {
        "document_type": "news_analysis",
        "original_language": "tr",
        "languages": ["tr"],
        "titles": {"tr": None, "en": None, "ru": None},
        "evidence": [
            {"field": "languages.tr", "document": NEW_ID, "start": 0, "end": len(first), "line": 1, "text": first}
        ],
        "notes": "Synthetic test document: not part of the corpus.",
        "produced_by": {"method": "human", "agent": "tests/test_add.py", "date": "2026-11-29", "note": None},
    }


def _new(tmp_path: Path, **change: object) -> NewDocument:
    raw = tmp_path / "received.txt"
    raw.write_text(RAW, encoding="utf-8")
    fields: dict[str, object] = {"id": NEW_ID, "raw_file": raw, "metadata": _metadata(), "layout": "pdf"}
    return NewDocument(**(fields | change))  # type: ignore[arg-type]


def _inputs(root: Path) -> dict[str, bytes]:
    paths = [*(root / "raw").iterdir(), root / "annotations" / "documents.jsonl"]
    return {str(p.relative_to(root)): p.read_bytes() for p in paths}


def test_add_without_build_writes_raw_manifest_and_metadata(corpus_copy: Path, tmp_path: Path) -> None:
    before = len(load_documents(corpus_copy))
    add_document(corpus_copy, _new(tmp_path), build=False)
    assert (corpus_copy / "raw" / f"{NEW_ID}.txt").read_text(encoding="utf-8") == RAW
    entry = next(e for e in load_manifest(corpus_copy).files if e.id == NEW_ID)
    assert (entry.split, entry.layout, entry.lexicon_source, entry.source_file) == (
        "train",
        "pdf",
        False,
        "received.txt",
    )
    docs = load_documents(corpus_copy)
    assert len(docs) == before + 1 and docs[-1].id == NEW_ID and docs[-1].raw_text == RAW


@pytest.mark.parametrize(
    ("change", "error", "match"),
    [
        ({"id": "balance-policy-2025"}, DataError, "already in the manifest"),
        ({"split": "holdout"}, DataError, "field 'split': Input should be 'train', 'dev' or 'test'"),
        (
            {"layout": "scanned"},
            DataError,
            r"manifest\.json, field 'layout': document synthetic-pdf-extract: unknown layout profile 'scanned'; "
            "expected one of flat, pdf, web",
        ),
        (
            {"layout": "flat"},
            DataError,
            r"manifest\.json, field 'layout': document synthetic-pdf-extract: layout profile 'flat' reads",
        ),
        ({"metadata": _metadata() | {"id": "another-id"}}, DataError, "metadata disagrees with the raw file: id"),
        ({"metadata": _metadata() | {"doi": "10.1234/x"}}, DataError, "no evidence for non-null fact.*: doi"),
    ],
)
def test_a_bad_addition_leaves_the_data_root_as_it_was(
    corpus_copy: Path, tmp_path: Path, change: dict[str, object], error: type[Exception], match: str
) -> None:
    before = _inputs(corpus_copy)
    with pytest.raises(error, match=match):
        add_document(corpus_copy, _new(tmp_path, **change), annotate=False)
    assert _inputs(corpus_copy) == before


def test_a_misquoting_evidence_is_refused_and_rolled_back(corpus_copy: Path, tmp_path: Path) -> None:
    meta = _metadata()
    meta["evidence"][0]["start"] = 1  # type: ignore[index]
    before = _inputs(corpus_copy)
    with pytest.raises(DataError, match="does not match raw"):
        add_document(corpus_copy, _new(tmp_path, metadata=meta), build=False)
    assert _inputs(corpus_copy) == before


def test_a_non_utf8_raw_file_is_refused(corpus_copy: Path, tmp_path: Path) -> None:
    raw = tmp_path / "latin1.txt"
    raw.write_bytes("Kazakistan dış politikası".encode("latin-1", errors="replace") + b"\xe7\n")
    with pytest.raises(DataError, match="not valid UTF-8"):
        add_document(corpus_copy, _new(tmp_path, raw_file=raw), build=False)


def _check_clean_layers(root: Path) -> None:
    text = (root / "annotations" / "text" / f"{NEW_ID}.txt").read_text(encoding="utf-8")
    assert "|3|" not in text and "dipnot" not in text  # page number and footnote left the body
    assert "uygulamaktadır.1" not in text and "uygulamaktadır." in text  # the marker left, the word stayed
    assert "ve bölgesel" in text and "Hazar geçişli" in text  # hard-wrapped lines joined
    removed = [r for r in jsonl_rows(root / "annotations" / "removed.jsonl") if r["document"] == NEW_ID]
    assert {r["reason"] for r in removed} >= {"page_number"}
    notes = [f for f in jsonl_rows(root / "annotations" / "footnotes.jsonl") if f["document"] == NEW_ID]
    assert [n["number"] for n in notes] == [1] and "sınama" in notes[0]["text"]
    docs = jsonl_rows(root / "dataset" / "documents" / "train.jsonl")
    assert NEW_ID in {d["id"] for d in docs}
    for config in ("paragraphs", "footnotes"):
        assert NEW_ID in {r["document"] for r in jsonl_rows(root / "dataset" / config / "train.jsonl")}


def test_added_document_flows_through_the_clean_layers_without_stanza(corpus_copy: Path, tmp_path: Path) -> None:
    """``annotate=False``: the shipped CoNLL-U is reused, so only the clean layers and the
    corpus-level configs gain the document (the sentence layers need a full build)."""
    add_document(corpus_copy, _new(tmp_path), annotate=False)
    _check_clean_layers(corpus_copy)


@pytest.mark.slow
def test_added_document_flows_through_every_layer_and_config(corpus_copy: Path, tmp_path: Path) -> None:
    from kzcorpus.registry import HF_CONFIGS
    from kzcorpus.validate import iter_problems

    assert main(["add", str(_new(tmp_path).raw_file), "--id", NEW_ID, "--layout", "pdf", "--metadata",
                 str(_metadata_file(tmp_path)), "--root", str(corpus_copy)]) == 0  # fmt: skip
    _check_clean_layers(corpus_copy)
    conllu = corpus_copy / "annotations" / "conllu" / f"{NEW_ID}.tr.conllu"
    assert conllu.is_file() and "# sent_id = synthetic-pdf-extract-p0-s1" in conllu.read_text(encoding="utf-8")
    # hand-made layers have no annotation of a new document until someone annotates it;
    # stance_sentences lists every sentence, the new ones with no labels
    hand_made = {"sentences_gold", "ud_gold", "stance", "parallel"}
    for config in HF_CONFIGS:
        rows = [r for p in (corpus_copy / "dataset" / config.name).glob("*.jsonl") for r in jsonl_rows(p)]
        # documents name themselves by id; ud rows (the Hub's schema) by their sentence id, idx
        ids = {r.get("document", r.get("id")) for r in rows} | {str(r.get("idx", "")).rsplit("-p", 1)[0] for r in rows}
        assert (NEW_ID in ids) == (config.name not in hand_made), config.name
    stance_rows = jsonl_rows(corpus_copy / "dataset" / "stance_sentences" / "train.jsonl")
    assert all(not r["labels"] for r in stance_rows if r["document"] == NEW_ID)
    assert iter_problems(corpus_copy) == []


def _metadata_file(tmp_path: Path) -> Path:
    path = tmp_path / "metadata.json"
    path.write_text(json.dumps(_metadata(), ensure_ascii=False), encoding="utf-8")
    return path


def test_cli_add_reports_bad_metadata_with_its_file(corpus_copy: Path, tmp_path: Path, capsys) -> None:
    bad = tmp_path / "metadata.json"
    bad.write_text("{not json", encoding="utf-8")
    raw = _new(tmp_path).raw_file
    code = main(["add", str(raw), "--id", NEW_ID, "--metadata", str(bad), "--root", str(corpus_copy), "--no-build"])
    assert code != 0
    assert f"{bad}" in capsys.readouterr().err


def test_a_dev_document_without_gold_passes_is_refused() -> None:
    """The gold UD layer covers the whole dev/test scope, so a new dev or test document
    needs its gold passes before the build accepts it (a train document does not)."""
    from kzcorpus.corpus import Corpus
    from kzcorpus.udgold.layer import gold_layer

    corpus = Corpus(REPO)
    texts = {k: v.text for k, v in corpus.cleaned.items()} | {NEW_ID: RAW}
    silver = dict(corpus.annotated) | {(NEW_ID, "tr"): []}
    annotations = REPO / "annotations"
    with pytest.raises(DataError, match=f"no gold annotation for {NEW_ID} \\(tr\\)"):
        gold_layer(annotations, texts, silver, corpus.splits | {NEW_ID: "dev"})
    assert gold_layer(annotations, texts, silver, corpus.splits | {NEW_ID: "train"}).keys() == corpus.gold.keys()
