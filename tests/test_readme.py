"""README: its Python examples run, and CI runs exactly its install and test commands."""

from __future__ import annotations

import re
import subprocess

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
    rows = {m.group(1): m.group(2) for m in re.finditer(r"^\| (tr|en) \([A-Z]+\) \| (.+) \|$", section, re.M)}
    assert set(rows) == {"tr", "en"}
    for lang, cells in rows.items():
        metrics = json.loads((REPO / "models" / lang / "scores.json").read_text(encoding="utf-8"))["metrics"]
        assert [float(c) for c in cells.split("|")] == list(metrics.values()), lang
