"""schemas/ is generated from the models, and agrees with them on the shipped data."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema

from kzcorpus.cli import main
from kzcorpus.export.schemas import schema_files

from .conftest import REPO


def test_committed_schemas_equal_the_models() -> None:
    files = schema_files()
    assert set(files) == {p.name for p in (REPO / "schemas").glob("*.schema.json")}
    for name, text in files.items():
        assert (REPO / "schemas" / name).read_text(encoding="utf-8") == text, f"{name} is stale"


def test_schema_check_command_detects_drift(tmp_path: Path, capsys) -> None:
    assert main(["schema", "--out", str(tmp_path)]) == 0
    assert main(["schema", "--check", "--out", str(tmp_path)]) == 0
    path = tmp_path / "document.schema.json"
    path.write_text(path.read_text(encoding="utf-8").replace('"doi"', '"DOI"'), encoding="utf-8")
    assert main(["schema", "--check", "--out", str(tmp_path)]) == 1
    assert "document.schema.json: differs from the pydantic models" in capsys.readouterr().err


def test_shipped_records_validate_against_the_json_schemas() -> None:
    doc_schema = json.loads((REPO / "schemas" / "document.schema.json").read_text(encoding="utf-8"))
    for line in (REPO / "annotations" / "documents.jsonl").read_text(encoding="utf-8").splitlines():
        jsonschema.validate(json.loads(line), doc_schema)
    manifest_schema = json.loads((REPO / "schemas" / "manifest.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(json.loads((REPO / "raw" / "manifest.json").read_text(encoding="utf-8")), manifest_schema)


def test_json_schema_rejects_unknown_fields() -> None:
    doc_schema = json.loads((REPO / "schemas" / "document.schema.json").read_text(encoding="utf-8"))
    record = json.loads((REPO / "annotations" / "documents.jsonl").read_text(encoding="utf-8").splitlines()[0])
    record["publisher"] = "x"
    validator = jsonschema.Draft202012Validator(doc_schema)
    assert any("publisher" in e.message for e in validator.iter_errors(record))


def test_language_lists_derive_from_one_table() -> None:
    from kzcorpus.annotate.corpus import RULE_LANGUAGES
    from kzcorpus.annotate.stanza_run import STANZA_LANGUAGES
    from kzcorpus.annotate.udcheck import VALIDATED_LANGUAGES
    from kzcorpus.benchmark import ud
    from kzcorpus.export.ud import UD_LANGUAGES
    from kzcorpus.models import DEFAULT_UD, LANGS, TREEBANKS
    from kzcorpus.schema.common import LANGUAGES
    from kzcorpus.udgold.layer import GOLD_LANGUAGES

    assert LANGUAGES == ("tr", "en", "ru")
    assert RULE_LANGUAGES == ("ru",)
    for derived in (STANZA_LANGUAGES, VALIDATED_LANGUAGES, ud.LANGUAGES, UD_LANGUAGES, LANGS, GOLD_LANGUAGES):
        assert derived == ("tr", "en")
    assert tuple(TREEBANKS) == tuple(DEFAULT_UD) == LANGS
