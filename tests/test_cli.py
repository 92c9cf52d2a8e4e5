"""The console script: exit codes and messages users see."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from kzcorpus.cli import main

from .conftest import REPO


def test_validate_ok_on_shipped_data(capsys) -> None:
    assert main(["validate"]) == 0
    assert "ok:" in capsys.readouterr().out


def test_validate_reports_file_and_field(unknown_field_metadata: tuple[Path, int], capsys) -> None:
    root, line = unknown_field_metadata
    assert main(["validate", "--root", str(root)]) == 1
    err = capsys.readouterr().err
    assert f"documents.jsonl:{line}, field 'publisher': unknown field" in err


def test_validate_reports_hash_mismatch(tampered_raw: Path, capsys) -> None:
    assert main(["validate", "--root", str(tampered_raw)]) == 1
    assert "central-asia-kyiv-2025.txt: SHA-256" in capsys.readouterr().err


def test_stats_json_matches_raw_files(capsys) -> None:
    assert main(["stats", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["totals"]["documents"] == 5
    raw_chars = sum(len(p.read_bytes().decode("utf-8")) for p in (REPO / "raw").glob("*.txt"))
    assert data["totals"]["characters"] == raw_chars
    assert data["documents_per_language"] == {"en": 3, "ru": 1, "tr": 5}


def test_stats_table(capsys) -> None:
    assert main(["stats"]) == 0
    out = capsys.readouterr().out
    assert "| `russia-alliance-limits` | journal_article | tr,en,ru |" in out


def test_console_script_entry_point() -> None:
    result = subprocess.run(
        [sys.executable, "-c", "import sys; from kzcorpus.cli import main; sys.exit(main(['--version']))"],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0 and result.stdout.startswith("kzcorpus ")
