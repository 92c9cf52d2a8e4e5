"""Counts and hand-checked quality figures of the annotation layer, re-derived from the files."""

from __future__ import annotations

import json
import re

import conllu
import pytest

from kzcorpus.annotate.quality import quality_report, score_boundaries
from kzcorpus.annotate.sample import iter_candidate_paragraphs, sample_paragraphs, sample_sentences
from kzcorpus.io.cleaned import load_cleaned
from kzcorpus.io.conllu import Sentence, Token, Word

from .conftest import REPO

QUALITY = json.loads((REPO / "annotations" / "quality.json").read_text(encoding="utf-8"))


def _expected_language_rows() -> dict[str, list[str]]:
    """Straight from the CoNLL-U files with the conllu library (not kzcorpus.stats)."""
    rows: dict[str, list[int]] = {}
    files = [*(REPO / "annotations" / "conllu").glob("*.conllu"), *(REPO / "annotations" / "tokens").glob("*.conllu")]
    for path in sorted(files, key=lambda p: p.name):
        lang = path.name.split(".")[-2]
        sents = conllu.parse(path.read_text(encoding="utf-8"))
        r = rows.setdefault(lang, [0, 0, 0, 0, 0])
        r[0] += 1
        r[1] += sum("newpar id" in s.metadata for s in sents)
        r[2] += len(sents)
        for s in sents:
            ranges = [t for t in s if isinstance(t["id"], tuple)]
            words = [t for t in s if isinstance(t["id"], int)]
            inside = sum(t["id"][2] - t["id"][0] + 1 for t in ranges)
            r[3] += len(words) - inside + len(ranges)
            r[4] += len(words)
    return {lang: [str(v) for v in r] for lang, r in rows.items()}


@pytest.mark.parametrize("doc", ["dataset/README.md", "README.md"])
def test_language_counts_in_card_and_readme_match_the_conllu(doc: str) -> None:
    text = (REPO / doc).read_text(encoding="utf-8")
    table = text.split("| language | documents | paragraphs | sentences | tokens | words |", 1)[1].split("\n\n")[0]
    rows = {
        m.group(1): [c.strip() for c in m.group(2).split("|")]
        for m in re.finditer(r"^\| `(\w\w)` \| (.+) \|$", table, re.M)
    }
    assert rows == _expected_language_rows()


def test_quality_file_is_what_the_references_give() -> None:
    assert quality_report(REPO) == QUALITY


@pytest.mark.parametrize("doc", ["dataset/README.md", "README.md"])
def test_quality_figures_in_card_and_readme(doc: str) -> None:
    text = (REPO / doc).read_text(encoding="utf-8")
    b, u = QUALITY["sentence_boundaries"]["all"], QUALITY["upos"]
    assert f"{b['reference_sentences']} hand-segmented sentences" in text
    assert f"precision {b['precision']:.2f}, recall {b['recall']:.2f}" in text
    assert f"{u['words']} hand-tagged Turkish body-text words" in text
    assert f"since the sample was tagged): accuracy {u['accuracy']:.2f}" in text or (
        u["segmentation_changed"] == 0 and f"words: accuracy {u['accuracy']:.2f}" in text
    )


def test_references_are_the_documented_seeded_samples() -> None:
    cleaned = load_cleaned()
    drawn = [(p.document, p.index) for p in sample_paragraphs(iter_candidate_paragraphs(cleaned))]
    ref = [json.loads(x) for x in (REPO / "annotations/reference/sentence_reference.jsonl").read_text().splitlines()]
    assert drawn == [(r["document"], r["paragraph"]) for r in ref]
    assert len({lang for r in ref for lang in [r["language"]]}) == 3 and sum(len(r["sentences"]) for r in ref) >= 150

    from kzcorpus.io.conllu import read_sentences

    sents = [s for p in sorted((REPO / "annotations/conllu").glob("*.tr.conllu")) for s in read_sentences(p)]
    body = {
        f"{p.document}-p{p.index}"
        for lay in cleaned.values()
        for p in lay.paragraphs
        if p.role == "body" and p.language == "tr" and p.duplicate_of is None
    }
    upos_ids = []
    for line in (REPO / "annotations/reference/upos_reference.tsv").read_text().splitlines()[1:]:
        if not line.startswith("#") and line.split("\t")[0] not in upos_ids:
            upos_ids.append(line.split("\t")[0])
    assert [s.sent_id for s in sample_sentences(sents, body)] == upos_ids
    assert QUALITY["upos"]["words"] + QUALITY["upos"]["segmentation_changed"] >= 300  # the sample as drawn


def _sent(sent_id: str, spans: list[tuple[int, int]]) -> Sentence:
    toks = tuple(Token("x" * (e - s), s, e, (Word("x" * (e - s)),)) for s, e in spans)
    return Sentence(sent_id, "", toks)


def test_boundary_scores_on_a_hand_computed_case() -> None:
    from kzcorpus.annotate.quality import ParagraphSegmentation

    # reference: sentences 0-10, 11-20, 21-30; system: 0-20 (missed one), 21-25 and 26-30 (one false)
    ref = [ParagraphSegmentation("d", 0, "tr", ((0, 10), (11, 20), (21, 30)))]
    sys = [_sent("d-p0-s1", [(0, 20)]), _sent("d-p0-s2", [(21, 25)]), _sent("d-p0-s3", [(26, 30)])]
    got = score_boundaries(ref, sys)["all"]
    # internal boundaries: ref {10, 20}, sys {20, 25}: tp 1, P 1/2, R 1/2; exact sentences: none of 3
    assert got == {"precision": 50.0, "recall": 50.0, "f1": 50.0, "reference_sentences": 3, "exact_sentences": 0.0}


def _analysed(sid: str, *tokens: tuple[str, int, tuple[tuple[str, str, str], ...]]) -> Sentence:
    toks = tuple(
        Token(form=f, start=s, end=s + len(f), words=tuple(Word(form=w, lemma=lem, upos=u) for w, lem, u in ws))
        for f, s, ws in tokens
    )
    return Sentence(sent_id=sid, text="", tokens=toks)


def test_error_classes_on_a_hand_computed_case() -> None:
    from kzcorpus.annotate.error_classes import gold_classes, structural_counts

    gold = {
        ("d", "tr"): [
            _analysed(
                "d-p0-s1",
                ("Ukrayna", 0, (("Ukrayna", "Ukrayna", "PROPN"),)),
                ("21", 8, (("21", "21", "NUM"),)),
                ("1.511", 11, (("1.511", "1.511", "NUM"),)),
                ("artmaktadır", 17, (("artmaktadır", "art", "VERB"),)),
            )
        ]
    }
    system = {
        ("d", "tr"): [
            _analysed(
                "d-p0-s1",
                ("Ukrayna", 0, (("Ukrayna", "ukray", "NOUN"),)),  # wrong tag and lemma
                ("21", 8, (("21", "21", "NUM"),)),
                ("1", 11, (("1", "1", "NUM"),)),  # the number cut in three
                (".", 12, ((".", ".", "PUNCT"),)),
                ("511", 13, (("511", "511", "NUM"),)),
                ("artmaktadır", 17, (("artmakta", "art", "VERB"), ("dır", "i", "AUX"))),
            )
        ]
    }
    got = gold_classes(gold, system, {"tr": frozenset({"ukrayna"})})
    assert {k: (v["correct"], v["n"]) for k, v in got.items()} == {
        "country_names_upos": (0, 1),
        "country_names_lemma": (0, 1),
        "digits_upos": (1, 1),
        "numbers_one_token": (0, 1),
        "dir_verbs_one_word": (0, 1),
    }
    assert structural_counts(system) == {
        "multiword_tokens": 1,
        "multiword_tokens_not_spelling_the_token": 0,
        "dir_verbs_split_verb_aux": 1,
    }
