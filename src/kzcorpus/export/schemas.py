"""JSON Schema files generated from the pydantic models (never edited by hand)."""

from __future__ import annotations

from kzcorpus.io.jsonl import render_json
from kzcorpus.schema import RECORD_TYPES


def schema_files() -> dict[str, str]:
    """File name inside ``schemas/`` → JSON Schema text, one per record type."""
    out = {}
    for name, model in RECORD_TYPES.items():
        schema = model.model_json_schema()
        schema = {
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "$id": f"kzcorpus/{name}.schema.json",
            **schema,
        }
        out[f"{name}.schema.json"] = render_json(schema)
    return out
