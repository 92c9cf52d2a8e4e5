"""Parquet copies of every config's data files, typed from the same feature spec.

The JSON Lines files stay the one source of truth (the build writes both from the same rows,
and the Hub loader reads the JSON Lines); Parquet is what pandas, polars and DuckDB read
without options (a JSON Lines reader that guesses types from the first rows fails on a
column that is null for its first hundred rows). Closed vocabularies are stored as their
strings, so the files need no label list to be read.
"""

from __future__ import annotations

import io
import json
from collections.abc import Mapping
from typing import Any

from kzcorpus.errors import require
from kzcorpus.export.features import Labels, Spec
from kzcorpus.registry import CONFIG_FEATURES

PARQUET_DIR = "parquet"


def arrow_type(spec: Spec) -> Any:
    pa: Any = require("pyarrow")
    if isinstance(spec, Labels) or spec == "string":
        return pa.string()
    if spec == "int64":
        return pa.int64()
    if isinstance(spec, dict):
        return pa.struct([(k, arrow_type(v)) for k, v in spec.items()])
    if isinstance(spec, list):
        return pa.list_(arrow_type(spec[0]))
    raise TypeError(f"no Arrow type for feature spec {spec!r}")


def to_parquet(config: str, jsonl: str) -> bytes:
    """One JSON Lines data file of ``config`` as Parquet bytes with the config's schema."""
    pa: Any = require("pyarrow")
    pq: Any = require("pyarrow.parquet")
    features = CONFIG_FEATURES[config]
    schema = pa.schema([(name, arrow_type(spec)) for name, spec in features.items()])
    rows = [json.loads(line) for line in jsonl.splitlines() if line.strip()]
    table = pa.Table.from_pylist(rows, schema=schema)
    buf = io.BytesIO()
    pq.write_table(table, buf, compression="zstd")
    return buf.getvalue()


def parquet_files(data: Mapping[str, str]) -> dict[str, bytes]:
    """``parquet/<config>/<split>.parquet`` for every ``<config>/<split>.jsonl`` data file."""
    out = {}
    for rel, text in sorted(data.items()):
        config, _, name = rel.partition("/")
        if config in CONFIG_FEATURES and name.endswith(".jsonl"):
            out[f"{PARQUET_DIR}/{config}/{name.removesuffix('.jsonl')}.parquet"] = to_parquet(config, text)
    return out


def same_table(a: bytes, b: bytes) -> bool:
    """Two Parquet files hold the same schema and values (writer versions may differ in bytes)."""
    pq: Any = require("pyarrow.parquet")
    return bool(pq.read_table(io.BytesIO(a)).equals(pq.read_table(io.BytesIO(b)), check_metadata=False))
