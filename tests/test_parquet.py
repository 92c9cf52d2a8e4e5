"""Parquet copies of the data files: same rows as the JSON Lines, read by pandas, polars and DuckDB without options."""

from __future__ import annotations

import json

import pytest

from kzcorpus.export.parquet import same_table, to_parquet
from kzcorpus.registry import CONFIG_FEATURES

from .conftest import REPO

PARQUET = REPO / "dataset" / "parquet"
FILES = sorted(PARQUET.glob("*/*.parquet"))


def test_every_data_file_has_its_parquet_copy() -> None:
    jsonl = {
        p.relative_to(REPO / "dataset").with_suffix("")
        for c in CONFIG_FEATURES
        for p in (REPO / "dataset" / c).glob("*.jsonl")
    }
    assert {p.relative_to(PARQUET).with_suffix("") for p in FILES} == jsonl


@pytest.mark.parametrize("path", FILES, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_parquet_holds_the_jsonl_rows(path) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    rows = [
        json.loads(x)
        for x in (REPO / "dataset" / path.parent.name / f"{path.stem}.jsonl").read_text(encoding="utf-8").splitlines()
    ]
    assert pq.read_table(path).to_pylist() == rows


def test_pandas_polars_and_duckdb_read_it_without_options() -> None:
    pd = pytest.importorskip("pandas")
    pl = pytest.importorskip("polars")
    duckdb = pytest.importorskip("duckdb")
    path = PARQUET / "stance" / "train.parquet"  # its JSON Lines has a column null for 100+ rows
    n = len((REPO / "dataset" / "stance" / "train.jsonl").read_text(encoding="utf-8").splitlines())
    assert len(pd.read_parquet(path)) == n
    frame = pl.read_parquet(path)
    assert frame.height == n and frame.schema["start"] == pl.Int64
    assert duckdb.sql(f"select count(*) from '{path}'").fetchall() == [(n,)]


def test_same_table_ignores_writer_bytes_but_not_values() -> None:
    text = (REPO / "dataset" / "stance" / "test.jsonl").read_text(encoding="utf-8")
    a = to_parquet("stance", text)
    assert same_table(a, to_parquet("stance", text))
    assert not same_table(a, to_parquet("stance", "".join(text.splitlines(keepends=True)[1:])))
