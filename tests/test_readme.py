"""README: its Python examples run, and CI runs exactly its install and test commands."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from .conftest import REPO

README = (REPO / "README.md").read_text(encoding="utf-8")


def _python_blocks() -> list[str]:
    return re.findall(r"^```python\n(.*?)^```", README, re.M | re.S)


@pytest.mark.parametrize("index", range(len(_python_blocks())))
def test_readme_python_examples_run(index: int) -> None:
    exec(compile(_python_blocks()[index], f"README.md python block {index}", "exec"), {})


def _marked_block(marker: str) -> str:
    m = re.search(rf"<!-- ci:{marker} -->\n```bash\n(.*?)\n```", README, re.S)
    assert m, f"README.md lacks a <!-- ci:{marker} --> block"
    return m.group(1)


def test_ci_runs_the_readme_commands() -> None:
    script = REPO / ".ci" / "run"
    extracted = {}
    for marker in ("install", "test"):
        out = subprocess.run(
            ["bash", "-c", f"source <(sed -n '/^extract()/,/^}}/p' {script}); cd {REPO}; extract {marker}"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        extracted[marker] = out.rstrip("\n")
    assert extracted == {"install": _marked_block("install"), "test": _marked_block("test")}
    assert "python3 -m venv" in extracted["install"] and "-c constraints.txt" in extracted["install"]
    assert "pytest" in extracted["test"]


def test_readme_model_scores_match_the_model_cards() -> None:
    import json

    section = README.split("<!-- model-scores -->", 1)[1].split("<!-- /model-scores -->", 1)[0]
    pattern = r"^\| (tr|en) \([A-Z]+\), (Stanza|kzcorpus pipeline) \| (.+) \|$"
    rows = {(m.group(1), m.group(2)): m.group(3) for m in re.finditer(pattern, section, re.M)}
    assert set(rows) == {(lang, kind) for lang in ("tr", "en") for kind in ("Stanza", "kzcorpus pipeline")}
    for (lang, kind), cells in rows.items():
        scores = json.loads((REPO / "models" / lang / "scores.json").read_text(encoding="utf-8"))
        metrics = scores["metrics"] if kind == "Stanza" else scores["with_kzcorpus_rules"]["metrics"]
        assert [float(c) for c in cells.split("|")] == list(metrics.values()), (lang, kind)


def test_readme_blocks_are_generated_from_the_data() -> None:
    """Every count and figure block equals what `kzcorpus readme --write` would render."""
    from kzcorpus.export.readme import readme_update

    old, new, stale = readme_update(REPO)
    assert stale == [] and new == old


def test_readme_check_names_a_stale_block_and_write_repairs_it(tmp_path: Path, capsys) -> None:
    import shutil

    from kzcorpus.cli import main

    root = tmp_path / "data"
    for name in ("raw", "annotations", "schemas", "dataset", "models"):
        shutil.copytree(REPO / name, root / name, ignore=shutil.ignore_patterns("*.pt"))
    text = README.replace("| **total (5 documents)** |", "| **total (6 documents)** |")
    (root / "README.md").write_text(text, encoding="utf-8")
    assert main(["readme", "--check", "--repo", str(root)]) == 1
    assert "block <!-- counts --> is stale" in capsys.readouterr().err
    assert main(["readme", "--write", "--repo", str(root)]) == 0
    assert (root / "README.md").read_text(encoding="utf-8") == README
    assert main(["readme", "--check", "--repo", str(root)]) == 0


def test_readme_block_missing_is_an_error() -> None:
    from kzcorpus.errors import DataError
    from kzcorpus.export.readme import render_readme

    with pytest.raises(DataError, match="block <!-- counts --> … <!-- /counts --> found 0 times; expected once"):
        render_readme("no blocks here\n", {"counts": "x\n"})
