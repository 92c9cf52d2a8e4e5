"""kzcorpus.io.jsonl renders every JSON Lines and JSON file: one byte format for all of them."""

from __future__ import annotations

import json

from kzcorpus.io.jsonl import jsonl_line, render_json, render_jsonl, render_records
from kzcorpus.schema.common import ProducedBy


def test_jsonl_keeps_characters_key_order_and_default_separators() -> None:
    row = {"z": "Türkiye’nin", "a": [1, None], "m": {"ğ": True}}
    assert jsonl_line(row) == '{"z": "Türkiye’nin", "a": [1, null], "m": {"ğ": true}}'
    assert render_jsonl([row, {}]) == jsonl_line(row) + "\n{}\n"
    assert render_jsonl([]) == ""


def test_records_render_as_their_json_dump_in_model_order() -> None:
    rec = ProducedBy(method="human", agent="annotator-ş", date="2026-01-02")
    text = render_records([rec, rec])
    assert text == 2 * '{"method": "human", "agent": "annotator-ş", "date": "2026-01-02", "note": null}\n'
    assert [ProducedBy.model_validate(json.loads(x)) for x in text.splitlines()] == [rec, rec]


def test_json_documents_are_indented_with_a_final_newline() -> None:
    assert render_json({"a": ["ı"]}) == '{\n  "a": [\n    "ı"\n  ]\n}\n'
    assert render_json({"a": "ı"}, ensure_ascii=True) == '{\n  "a": "\\u0131"\n}\n'
