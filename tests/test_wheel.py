"""An installed wheel carries the data and reads it without the repository."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from kzcorpus.io.raw import load_manifest

from .conftest import REPO


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "hatchling", "build", "-t", "wheel", "-d", str(out)],
        cwd=REPO,
        check=True,
        capture_output=True,
    )
    (path,) = out.glob("kzcorpus-*.whl")
    return path


@pytest.mark.slow
def test_wheel_contains_the_data(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    expected = {
        f"kzcorpus/_data/{p.relative_to(REPO).as_posix()}"
        for d in ("raw", "annotations", "schemas", "dataset")
        for p in (REPO / d).rglob("*")
        if p.is_file()
    }
    assert expected <= names, sorted(expected - names)
    assert "kzcorpus/py.typed" in names
    assert "kzcorpus/export/card_template.md" in names


@pytest.mark.slow
def test_unpacked_wheel_reads_its_own_data(wheel: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    code = (
        "import json, kzcorpus; from kzcorpus.paths import data_root; "
        "from kzcorpus.validate import iter_problems; "
        "docs = kzcorpus.load_documents(); "
        "problems = [str(p) for p in iter_problems()]; "
        "print(json.dumps([str(data_root()), [d.id for d in docs], problems, kzcorpus.__file__]))"
    )
    env = {k: v for k, v in os.environ.items() if k not in ("KZCORPUS_DATA", "PYTHONPATH")}
    env["PYTHONPATH"] = str(site)
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=tmp_path, env=env, capture_output=True, text=True, check=True
    ).stdout
    root, ids, problems, module_file = json.loads(out)
    assert module_file.startswith(str(site))
    assert root == str(site / "kzcorpus" / "_data")
    assert ids == [e.id for e in load_manifest(REPO).files] and problems == []
