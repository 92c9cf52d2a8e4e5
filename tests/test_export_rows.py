"""``kzcorpus export`` and ``kzcorpus lookup``: rows by config, split and id, in three formats."""

from __future__ import annotations

import json

import pytest

from kzcorpus.cli import main
from kzcorpus.io.conllu import read_sentences

from .conftest import REPO, config_rows


def test_export_conllu_equals_the_shipped_layer(capsys) -> None:
    assert main(["export", "sentences", "--split", "dev", "--format", "conllu"]) == 0
    out = capsys.readouterr().out
    blocks = [b for b in out.split("\n\n") if b.strip()]
    shipped = [
        s
        for p in sorted((REPO / "annotations/conllu").glob("*.tr.conllu"))
        for s in read_sentences(p)
        if s.sent_id.startswith(("balance-policy-2025", "central-asia-kyiv-2025"))
    ]
    assert len(blocks) == len(shipped)
    for block, sent in zip(blocks, shipped, strict=True):
        rows = [x.split("\t") for x in block.split("\n") if not x.startswith("#")]
        words = [r for r in rows if r[0].isdigit()]
        flat = [w for t in sent.tokens for w in t.words]
        assert [(r[1], r[2], r[3], r[6], r[7]) for r in words] == [
            (w.form, w.lemma or "_", w.upos, str(w.head), w.deprel) for w in flat
        ]
        glued = [t.space_after == "" for t in sent.tokens[:-1]]
        token_rows = [r for r in rows if "-" in r[0] or not any("-" in x[0] and _covers(x[0], r[0]) for x in rows)]
        assert [r[9] == "SpaceAfter=No" for r in token_rows[:-1]] == glued


def _covers(rng: str, wid: str) -> bool:
    a, _, b = rng.partition("-")
    return wid.isdigit() and int(a) <= int(wid) <= int(b)


def test_export_tsv_fields_and_split(capsys) -> None:
    assert main(["export", "stance", "--split", "test", "--format", "tsv", "--fields", "id,polarity"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "id\tpolarity"
    assert [x.split("\t") for x in lines[1:]] == [
        [r["id"], r["polarity"]] for r in config_rows("stance") if r["split"] == "test"
    ]


def test_export_errors_name_what_is_expected(capsys) -> None:
    assert main(["export", "parallel", "--split", "dev"]) == 1
    assert "has no split 'dev'; it has test, train" in capsys.readouterr().err
    assert main(["export", "stance", "--format", "conllu"]) == 1
    assert "--format conllu is for sentences and sentences_gold" in capsys.readouterr().err
    assert main(["export", "stance", "--fields", "id,nope"]) == 1
    assert "unknown field(s) nope" in capsys.readouterr().err


@pytest.mark.parametrize("config", ["documents", "sentences", "stance", "parallel"])
def test_lookup_finds_each_kind_of_record(config: str, capsys) -> None:
    row = (
        config_rows(config)[3]
        if config != "documents"
        else json.loads((REPO / "dataset/documents/train.jsonl").read_text(encoding="utf-8").splitlines()[1])
    )
    assert main(["lookup", row["id"]]) == 0
    found = json.loads(capsys.readouterr().out)
    assert {"config": config, "row": row} in found


def test_lookup_unknown_id(capsys) -> None:
    assert main(["lookup", "no-such-thing"]) == 1
    assert "no record with id 'no-such-thing'" in capsys.readouterr().err
