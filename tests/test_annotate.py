"""The annotation stage with the shipped Stanza models: bad input and the model boundary.

Tests that load and run a Stanza model are marked slow; the Russian rules, the refusals
before a model loads and the build's failure path (a patched annotator) stay fast."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("stanza")
pytest.importorskip("udtools")

from kzcorpus.annotate.corpus import CorpusAnnotator, annotate_corpus
from kzcorpus.errors import AnnotationError
from kzcorpus.schema.clean import Paragraph

from .conftest import assert_build_fails_untouched


@pytest.fixture(scope="module")
def annotator() -> CorpusAnnotator:
    return CorpusAnnotator()


def _para(text: str, lang: str = "tr", index: int = 7) -> Paragraph:
    return Paragraph(
        document="test-doc",
        index=index,
        start=100,
        end=100 + len(text),
        raw_start=0,
        raw_end=len(text),
        language=lang,
        role="body",
    )


def _check_covers(sents, text: str, start: int = 100) -> None:
    for s in sents:
        for t in s.tokens:
            assert text[t.start - start : t.end - start] == t.form
        assert text[s.start - start : s.end - start] == s.text
    assert "".join(t.form for s in sents for t in s.tokens) == "".join(text.split())


@pytest.mark.slow
def test_turkish_paragraph_offsets_ids_and_curly_apostrophes(annotator: CorpusAnnotator) -> None:
    text = "Kazakistan’ın tutumu değişti. Rusya’nın baskısı arttı (Yuneman, 2023, s. 8)."
    sents = annotator.paragraph(_para(text), text)
    assert [s.sent_id for s in sents] == ["test-doc-p7-s1", "test-doc-p7-s2"]
    assert sents[0].comments == (("newpar id", "test-doc-p7"),) and sents[1].comments == ()
    assert sents[1].text == "Rusya’nın baskısı arttı (Yuneman, 2023, s. 8)."  # citation kept in its sentence
    _check_covers(sents, text)
    first = sents[0].tokens[0]
    assert first.form == "Kazakistan’ın" and all("’" in w.form or w.form.isalpha() for w in first.words)
    assert first.words[0].upos == "PROPN"  # read through the ASCII apostrophe the model knows


@pytest.mark.slow
def test_english_paragraph(annotator: CorpusAnnotator) -> None:
    text = "However, the Russian-Ukrainian War changed this. Kazakhstan abstained."
    sents = annotator.paragraph(_para(text, "en"), text)
    assert [s.text for s in sents] == ["However, the Russian-Ukrainian War changed this.", "Kazakhstan abstained."]
    assert all(w.upos and w.deprel for s in sents for t in s.tokens for w in t.words)


def test_russian_paragraph_is_tokens_only(annotator: CorpusAnnotator) -> None:
    text = "Казахстан не поддержал вмешательство. В результате отношения стали напряженными."
    sents = annotator.paragraph(_para(text, "ru"), text)
    assert len(sents) == 2
    assert all(w.upos is None and w.head is None for s in sents for t in s.tokens for w in t.words)
    _check_covers(sents, text)


@pytest.mark.slow
def test_double_space_is_recorded(annotator: CorpusAnnotator) -> None:
    text = "Kazakistan büyüdü.  Çin yatırım yaptı."
    sents = annotator.paragraph(_para(text), text)
    assert sents[0].tokens[-1].space_after == "  "
    assert sents[-1].tokens[-1].space_after == " "  # paragraph end: unmarked


@pytest.mark.slow
@pytest.mark.parametrize("text", ["", "   "])
def test_empty_paragraph_gives_no_sentences(annotator: CorpusAnnotator, text: str) -> None:
    assert annotator.paragraph(_para(text), text) == []


@pytest.mark.slow
@pytest.mark.parametrize("text", ["... !!! ?", "2022 1991 2.000 15"])
def test_punctuation_or_digits_only(annotator: CorpusAnnotator, text: str) -> None:
    sents = annotator.paragraph(_para(text), text)
    assert sents
    _check_covers(sents, text)


@pytest.mark.slow
def test_very_long_sentence(annotator: CorpusAnnotator) -> None:
    text = " ".join(["Kazakistan, Rusya, Çin ve Türkiye ile ilişkilerini geliştirmek"] * 60) + " istemektedir."
    sents = annotator.paragraph(_para(text), text)
    _check_covers(sents, text)
    assert sum(len(s.tokens) for s in sents) > 500
    assert max(len(s.tokens) for s in sents) > 500  # no terminal punctuation inside: one sentence


def test_language_without_model_names_document_and_paragraph(annotator: CorpusAnnotator) -> None:
    para = Paragraph.model_construct(**{**_para("Қазақстан").model_dump(), "language": "kk"})
    with pytest.raises(
        AnnotationError, match=r"document 'test-doc', paragraph 7 \(kk\): no model or segmentation rules"
    ):
        annotator.paragraph(para, "Қазақстан")


def test_model_that_fails_to_load_names_document_and_paragraph(tmp_path: Path) -> None:
    broken = CorpusAnnotator(resources_dir=tmp_path)
    with pytest.raises(AnnotationError, match=r"paragraph 7 \(en\): cannot load the en model: .*resources.json"):
        broken.paragraph(_para("Kazakhstan abstained.", "en"), "Kazakhstan abstained.")


def test_failed_annotation_leaves_outputs_untouched(corpus_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def fail(self: CorpusAnnotator, p: Paragraph, text: str) -> list:
        if p.document == "russia-alliance-limits" and p.index == 30:
            raise AnnotationError("document 'russia-alliance-limits', paragraph 30 (tr): simulated failure")
        return []

    monkeypatch.setattr(CorpusAnnotator, "paragraph", fail)
    assert_build_fails_untouched(corpus_copy, AnnotationError, "paragraph 30")


@pytest.mark.slow
def test_corpus_annotation_headers(annotator: CorpusAnnotator) -> None:
    from kzcorpus.io.cleaned import load_cleaned

    cleaned = {k: v for k, v in load_cleaned().items() if k == "central-asia-kyiv-2025"}
    out = annotate_corpus(cleaned, annotator=annotator)
    assert list(out) == [("central-asia-kyiv-2025", "tr")]
    head = dict(out[("central-asia-kyiv-2025", "tr")][0].comments)
    assert head["newdoc id"] == "central-asia-kyiv-2025"
    assert head["annotation"].startswith("automatic: Stanza 1.15")
    assert head["model.pos"].startswith("tr_imst_pos.pt sha256:")
