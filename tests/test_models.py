"""Shipped Stanza models: offline loading, provenance, bad files, end-to-end scoring.

Tests that load a model into Stanza (or evaluate one) are marked slow; the checks that
refuse a missing or corrupt file before Stanza starts stay fast."""

from __future__ import annotations

import contextlib
import io
import json
import shutil
from pathlib import Path

import pytest

pytest.importorskip("stanza")
pytest.importorskip("udtools")

from kzcorpus.errors import DataError, ModelError
from kzcorpus.io.raw import sha256_file
from kzcorpus.models import pipeline as mp
from kzcorpus.paths import models_dir

REPO = Path(__file__).resolve().parent.parent
UD = REPO.parent / "shared" / "ud"
TR_TEST = UD / "UD_Turkish-IMST" / "tr_imst-ud-test.conllu"
EN_TEST = UD / "UD_English-EWT" / "en_ewt-ud-test.conllu"
METRICS = ("Tokens", "Sentences", "Words", "UPOS", "XPOS", "UFeats", "AllTags", "Lemmas", "UAS", "LAS")

needs_tr = pytest.mark.skipif(not (models_dir() / "tr" / "training.json").is_file(), reason="no tr models")
needs_en = pytest.mark.skipif(not (models_dir() / "en" / "training.json").is_file(), reason="no en models")


@pytest.fixture(scope="module")
def tr_pipeline():
    return mp.load_pipeline("tr")


@pytest.fixture(scope="module")
def en_pipeline():
    return mp.load_pipeline("en")


def _check_doc(doc) -> None:
    words = [w for s in doc.sentences for w in s.words]
    assert words, "no words came back"
    for w in words:
        assert w.text, "empty word text (missing mwt expansion?)"
        assert w.upos and w.upos != "_"
        assert w.lemma is not None
        assert w.deprel and w.head is not None and 0 <= w.head <= len(doc.sentences[0].words) + 1000


@pytest.mark.slow
@needs_tr
def test_turkish_sentence_offline(tr_pipeline) -> None:
    nlp, prov = tr_pipeline
    doc = nlp("Kazakistan, Türkiye ile ilişkilerini geliştirmek istiyor. Astana'daki toplantı yarın başlayacak.")
    assert len(doc.sentences) == 2
    _check_doc(doc)
    first = doc.sentences[1].tokens[0]
    assert first.text == "Astana'daki"
    assert len(first.words) == 2  # the MWT is expanded (Astana'da + ki)
    assert prov["source"]["kind"] == "shipped" and prov["language"] == "tr"


@pytest.mark.slow
@needs_en
def test_english_sentence_offline(en_pipeline) -> None:
    nlp, prov = en_pipeline
    doc = nlp("Kazakhstan pursues a multi-vector foreign policy. Its president visited Ankara.")
    assert len(doc.sentences) == 2
    _check_doc(doc)
    assert doc.sentences[1].words[-2].lemma in ("Ankara", "ankara")
    assert prov["language"] == "en"


@pytest.mark.slow
@needs_tr
def test_provenance_hashes_match_files(tr_pipeline) -> None:
    _, prov = tr_pipeline
    assert prov["versions"]["stanza"]
    assert set(prov["models"]) == {*mp.PROCESSORS["tr"], "mwt_lexicon"}  # the tokenizer hook's lexicon too
    for entry in prov["models"].values():
        path = models_dir() / "tr" / entry["file"]
        assert sha256_file(path) == entry["sha256"]
        assert path.stat().st_size == entry["size_bytes"]
    assert prov["training"]["treebank_source"].startswith("commit")


def _copy_models(tmp_path: Path, lang: str) -> Path:
    root = tmp_path / "models"
    shutil.copytree(models_dir() / lang, root / lang)
    shutil.copy(models_dir() / "resources.json", root / "resources.json")
    return root


@needs_tr
def test_missing_model_file_names_it(tmp_path: Path) -> None:
    root = _copy_models(tmp_path, "tr")
    victim = root / "tr" / "tr_imst_pos.pt"
    victim.unlink()
    with pytest.raises(ModelError, match=r"tr_imst_pos\.pt.*missing.*kzcorpus models train tr"):
        mp.load_pipeline("tr", root=root)


@needs_tr
def test_corrupt_model_file_fails_on_hash(tmp_path: Path) -> None:
    root = _copy_models(tmp_path, "tr")
    victim = root / "tr" / "tr_imst_lemma.pt"
    data = bytearray(victim.read_bytes())
    data[len(data) // 2] ^= 0xFF
    victim.write_bytes(bytes(data))
    with pytest.raises(ModelError, match=r"tr_imst_lemma\.pt.*corrupt"):
        mp.load_pipeline("tr", root=root)


@pytest.mark.slow
@needs_tr
def test_unloadable_model_file_fails_even_with_matching_hash(tmp_path: Path) -> None:
    """A garbage file whose hash was (wrongly) re-recorded still fails cleanly in Stanza."""
    root = _copy_models(tmp_path, "tr")
    victim = root / "tr" / "tr_imst_depparse.pt"
    victim.write_bytes(b"not a torch file")
    record_path = root / "tr" / "training.json"
    record = json.loads(record_path.read_text(encoding="utf-8"))
    record["processors"]["depparse"]["sha256"] = sha256_file(victim)
    record_path.write_text(json.dumps(record), encoding="utf-8")
    with pytest.raises(ModelError, match=r"tr_imst_depparse\.pt.*cannot load model"):
        mp.load_pipeline("tr", root=root)


@pytest.mark.slow
@needs_tr
@pytest.mark.skipif(not TR_TEST.is_file(), reason="UD_Turkish-IMST not available")
def test_evaluate_slice_returns_all_metrics(tr_pipeline) -> None:
    from kzcorpus.models.evaluate import evaluate

    result = evaluate("tr", TR_TEST, max_sentences=15, nlp_and_provenance=tr_pipeline)
    assert set(result["metrics"]) == set(METRICS)
    for name, value in result["metrics"].items():
        assert 0.0 <= value <= 100.0, name
    assert result["metrics"]["Tokens"] > 90.0
    assert result["provenance"]["models"]


@pytest.mark.slow
@needs_tr
def test_evaluate_with_rules_scores_the_corpus_pipeline(tmp_path: Path) -> None:
    from kzcorpus.models.evaluate import evaluate

    out = tmp_path / "system.conllu"
    result = evaluate("tr", TR_TEST, max_sentences=15, rules=True, output=out)
    assert set(result["metrics"]) == set(METRICS)
    assert result["metrics"]["Tokens"] > 90.0
    assert "mwt_lexicon" in result["provenance"]["models"]  # the hook's lexicon is part of what ran
    assert "TokenRange=" in out.read_text(encoding="utf-8")  # written by the corpus's own writer


@pytest.mark.slow
@needs_en
@pytest.mark.skipif(not EN_TEST.is_file(), reason="UD_English-EWT not available")
def test_cli_evaluate_prints_json() -> None:
    from kzcorpus.cli import main

    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        rc = main(["models", "evaluate", "en", "--gold", str(EN_TEST), "--max-sentences", "10"])
    assert rc == 0
    metrics = json.loads(out.getvalue())
    assert list(metrics) == list(METRICS)
    assert all(0.0 <= v <= 100.0 for v in metrics.values())


def test_unknown_language_and_missing_gold(tmp_path: Path) -> None:
    from kzcorpus.errors import DataError
    from kzcorpus.models.evaluate import evaluate

    with pytest.raises(ModelError, match="no models for language 'xx'"):
        mp.load_pipeline("xx")
    with pytest.raises(DataError, match="gold CoNLL-U file not found"):
        evaluate("tr", tmp_path / "nope.conllu")


@pytest.mark.slow
@needs_tr
def test_official_resources_dir_layout(tmp_path: Path) -> None:
    """`resources_dir=` reads Stanza's own layout (resources.json + <lang>/<proc>/<package>.pt)."""
    rdir = tmp_path / "stanza_resources"
    files = mp.shipped_files("tr")
    default = {}
    lang_res: dict = {"lang_name": "Turkish"}
    for proc, path in files.items():
        (rdir / "tr" / proc).mkdir(parents=True)
        shutil.copy(path, rdir / "tr" / proc / "imst.pt")
        default[proc] = "imst"
        lang_res[proc] = {"imst": {"md5": "x"}}
    lang_res["default_processors"] = default
    (rdir / "resources.json").write_text(json.dumps({"tr": lang_res}), encoding="utf-8")
    nlp, prov = mp.load_pipeline("tr", resources_dir=rdir)
    assert prov["source"] == {"kind": "official", "resources_dir": str(rdir)}
    doc = nlp("Bu bir deneme cümlesidir.")
    _check_doc(doc)
    (rdir / "tr" / "pos" / "imst.pt").unlink()
    with pytest.raises(ModelError, match=r"imst\.pt.*stanza\.download"):
        mp.load_pipeline("tr", resources_dir=rdir)


def test_learning_curve_is_read_from_the_training_log(tmp_path: Path) -> None:
    from kzcorpus.models.train import learning_curve

    log = tmp_path / "pos.log"
    log.write_text(
        "2026-11-29 15:58:36 INFO: step 250: train_loss = 4.917151, dev_score = 0.5959\n"
        "2026-11-29 15:58:36 INFO: new best model saved.\n"
        "2026-11-29 16:00:55 INFO: step 500: train_loss = 2.968620, dev_score = 0.6909\n",
        encoding="utf-8",
    )
    assert learning_curve(log) == [
        {"step": 250, "train_loss": 4.917151, "dev_score": 59.59},
        {"step": 500, "train_loss": 2.96862, "dev_score": 69.09},
    ]
    assert learning_curve(tmp_path / "missing.log") == []


RETAG_INPUT = """# sent_id = 1
# text = Ankara'dadır.
1-2	Ankara'dadır	_	_	_	_	_	_	_	SpaceAfter=No
1	Ankara'da	Ankara	PROPN	Prop	Case=Loc	0	root	_	_
2	dır	i	AUX	Zero	Person=3	1	cop	_	_
3	.	.	PUNCT	Punc	_	1	punct	_	_

# sent_id = 2
# text = Evet
1	Evet	evet	INTJ	Interj	_	0	root	_	_

"""


def test_retag_replaces_only_the_tag_columns() -> None:
    """Words, ranges, lemmas and trees stay gold; UPOS/XPOS/FEATS come from the tagger."""
    from kzcorpus.models.retag import retag_text

    seen: list[list[str]] = []

    def tagger(sentences: list[list[str]]) -> list[list[tuple[str, str, str]]]:
        seen.extend(sentences)
        return [[("X", "Y", f"N={i}") for i, _ in enumerate(s)] for s in sentences]

    out = retag_text(RETAG_INPUT, tagger)
    assert seen == [["Ankara'da", "dır", "."], ["Evet"]]
    lines = out.split("\n")
    assert lines[2] == "1-2\tAnkara'dadır\t_\t_\t_\t_\t_\t_\t_\tSpaceAfter=No"
    assert lines[3] == "1\tAnkara'da\tAnkara\tX\tY\tN=0\t0\troot\t_\t_"
    assert lines[5] == "3\t.\t.\tX\tY\tN=2\t1\tpunct\t_\t_"
    assert out.endswith("\t_\t_\n\n") and out.count("# sent_id") == 2


def test_retag_refuses_a_tagger_that_loses_words() -> None:
    from kzcorpus.models.retag import retag_text

    with pytest.raises(DataError, match="another number of words"):
        retag_text(RETAG_INPUT, lambda sents: [[("X", "Y", "_")] for _ in sents])


@pytest.mark.slow
def test_stanza_tagger_retags_gold_words(tmp_path: Path) -> None:
    from kzcorpus.models.retag import retag_file, stanza_tagger
    from kzcorpus.schema.ud import UPOS_TAGS

    src = tmp_path / "in.conllu"
    src.write_text(RETAG_INPUT, encoding="utf-8")
    out = retag_file(src, tmp_path / "out.conllu", stanza_tagger("tr", REPO / "models" / "tr" / "tr_imst_pos.pt", 1))
    rows = [line.split("\t") for line in out.read_text(encoding="utf-8").splitlines() if line[:1].isdigit()]
    assert [r[1] for r in rows] == ["Ankara'dadır", "Ankara'da", "dır", ".", "Evet"]
    assert [r[6] for r in rows if "-" not in r[0]] == ["0", "1", "1", "0"]  # the gold trees
    assert all(r[3] in UPOS_TAGS for r in rows if "-" not in r[0])
