"""Shared fixtures: a writable copy of the shipped data, one fresh build shared by the whole run,
and one fixture per broken input."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from kzcorpus.build import BUILD_INPUTS, Output, build  # BUILD_INPUTS: what a build reads; it writes the rest
from kzcorpus.build import copy_inputs as copy_root_inputs

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
DATA_DIRS = ("raw", "annotations", "schemas", "dataset", "models/restore")
GENERATED_DIRS = ("schemas", "dataset", "annotations")


def copy_inputs(root: Path) -> None:
    copy_root_inputs(REPO, root)


def generated_files(root: Path) -> dict[Path, bytes]:
    inputs = [root / rel for rel in BUILD_INPUTS]
    return {
        p.relative_to(root): p.read_bytes()
        for d in GENERATED_DIRS
        for p in (root / d).rglob("*")
        if p.is_file() and not any(p == i or i in p.parents for i in inputs)
    }


def jsonl_rows(path: Path) -> list[dict]:
    return [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]


def config_rows(config: str) -> list[dict]:
    """Every row of a shipped split config: its split files in train, dev, test order."""
    from kzcorpus.export.hf import HF_SPLITS

    folder = REPO / "dataset" / config
    return [
        r for name in HF_SPLITS if (folder / f"{name}.jsonl").is_file() for r in jsonl_rows(folder / f"{name}.jsonl")
    ]


def load_config(config: str) -> Any:
    """A split config loaded by ``datasets``, its splits concatenated in train, dev, test order."""
    import datasets

    from kzcorpus.export.hf import HF_SPLITS

    ds = datasets.load_dataset(str(REPO / "dataset"), config)
    return datasets.concatenate_datasets([ds[name] for name in HF_SPLITS if name in ds])


def write_jsonl_rows(path: Path, rows: list[dict]) -> None:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")


def edit_jsonl_line(path: Path, index: int, **change: object) -> int:
    """Update fields of the ``index``-th record in place; return its 1-based line number."""
    rows = jsonl_rows(path)
    rows[index].update(change)
    write_jsonl_rows(path, rows)
    return index + 1


def assert_build_fails_untouched(root: Path, error: type[Exception], match: str, *, annotate: bool = True) -> None:
    """A failing build raises ``error`` and leaves every generated file as it was, no temp files."""
    before = generated_files(root)
    with pytest.raises(error, match=match):
        build(root, annotate=annotate)
    assert generated_files(root) == before
    assert not list(root.rglob("*.tmp"))


@dataclass(frozen=True)
class FreshBuild:
    """A data root built from copies of the inputs, Stanza included, and what the build returned."""

    root: Path
    results: tuple[tuple[Output, bool], ...]


@pytest.fixture(scope="session")
def fresh_build(tmp_path_factory: pytest.TempPathFactory) -> FreshBuild:
    """ONE fresh full build (Stanza included, minutes) per test run, shared by every test that
    needs one. Read it, never write to it: a test that changes a built tree copies it first
    (``shutil.copytree(fresh_build.root, tmp_path / "data")``, a file copy, no rebuild).
    Tests that use it are marked slow (see :func:`pytest_collection_modifyitems`)."""
    root = tmp_path_factory.mktemp("fresh-build") / "data"
    copy_inputs(root)
    return FreshBuild(root, tuple(build(root)))


@pytest.hookimpl(tryfirst=True)  # before ``-m`` deselects
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """A test that uses the shared Stanza build is slow even if its author forgot the mark,
    so ``pytest -m "not slow"`` never starts that build."""
    for item in items:
        if "fresh_build" in getattr(item, "fixturenames", ()) and item.get_closest_marker("slow") is None:
            item.add_marker(pytest.mark.slow)


@pytest.fixture(autouse=True)
def _no_data_override(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("KZCORPUS_DATA", raising=False)


@pytest.fixture
def corpus_copy(tmp_path: Path) -> Path:
    """A data root with copies of the shipped directories, safe to break."""
    root = tmp_path / "data"
    for name in DATA_DIRS:
        shutil.copytree(REPO / name, root / name)
    for path in (root / "raw").iterdir():
        path.chmod(0o644)
    return root


def _edit_metadata(root: Path, doc_id: str, edit: Callable[[dict], None]) -> int:
    """Apply ``edit`` to one metadata record in place; return its 1-based line number."""
    path = root / "annotations" / "documents.jsonl"
    lines = path.read_text(encoding="utf-8").splitlines()
    for i, line in enumerate(lines):
        record = json.loads(line)
        if record["id"] == doc_id:
            edit(record)
            lines[i] = json.dumps(record, ensure_ascii=False)
            path.write_text("\n".join(lines) + "\n", encoding="utf-8")
            return i + 1
    raise AssertionError(doc_id)


@pytest.fixture
def tampered_raw(corpus_copy: Path) -> Path:
    """One raw file with a byte changed: same size, different hash."""
    path = corpus_copy / "raw" / "central-asia-kyiv-2025.txt"
    data = bytearray(path.read_bytes())
    data[-1:] = b"X"
    path.write_bytes(bytes(data))
    return corpus_copy


@pytest.fixture
def missing_raw(corpus_copy: Path) -> Path:
    (corpus_copy / "raw" / "balance-policy-2025.txt").unlink()
    return corpus_copy


@pytest.fixture
def extra_raw(corpus_copy: Path) -> Path:
    (corpus_copy / "raw" / "stray-notes.txt").write_text("not a corpus file\n", encoding="utf-8")
    return corpus_copy


@pytest.fixture
def non_utf8_metadata(corpus_copy: Path) -> Path:
    path = corpus_copy / "annotations" / "documents.jsonl"
    path.write_bytes(path.read_bytes() + b'{"id": "caf\xe9"}\n')
    return corpus_copy


@pytest.fixture
def unknown_field_metadata(corpus_copy: Path) -> tuple[Path, int]:
    line = _edit_metadata(corpus_copy, "china-economic-relations", lambda r: r.update(publisher="Somebody"))
    return corpus_copy, line


@pytest.fixture
def bad_date_metadata(corpus_copy: Path) -> tuple[Path, int]:
    line = _edit_metadata(corpus_copy, "central-asia-kyiv-2025", lambda r: r.update(publication_date="25.10.2025"))
    return corpus_copy, line


@pytest.fixture
def bad_type_metadata(corpus_copy: Path) -> tuple[Path, int]:
    line = _edit_metadata(corpus_copy, "balance-policy-2025", lambda r: r.update(document_type="blog_post"))
    return corpus_copy, line


@pytest.fixture
def unsupported_fact_metadata(corpus_copy: Path) -> tuple[Path, int]:
    """A DOI added without a quotation that supports it."""
    line = _edit_metadata(corpus_copy, "china-economic-relations", lambda r: r.update(doi="10.1234/made.up"))
    return corpus_copy, line


@pytest.fixture
def misquoted_evidence(corpus_copy: Path) -> tuple[Path, int]:
    def edit(r: dict) -> None:
        r["evidence"][-1]["start"] += 1

    line = _edit_metadata(corpus_copy, "central-asia-kyiv-2025", edit)
    return corpus_copy, line


@pytest.fixture
def dangling_relation(corpus_copy: Path) -> tuple[Path, int]:
    def edit(r: dict) -> None:
        r["relations"][0]["target"] = "no-such-document"

    line = _edit_metadata(corpus_copy, "iad-record-russia-alliance-limits", edit)
    return corpus_copy, line


@pytest.fixture
def hash_mismatch_metadata(corpus_copy: Path) -> tuple[Path, int]:
    line = _edit_metadata(corpus_copy, "balance-policy-2025", lambda r: r.update(raw_sha256="0" * 64))
    return corpus_copy, line


@pytest.fixture
def missing_record(corpus_copy: Path) -> Path:
    path = corpus_copy / "annotations" / "documents.jsonl"
    lines = path.read_text(encoding="utf-8").splitlines()
    path.write_text("\n".join(lines[:-1]) + "\n", encoding="utf-8")
    return corpus_copy


def fast_first(cases: list[tuple[Any, ...]]) -> list[Any]:
    """Parametrize cases of one check where each validates and rebuilds a corpus copy
    (several seconds each): the daily ``-m "not slow"`` run keeps the first, the full suite
    (CI) runs them all."""
    return [pytest.param(*c, marks=() if i == 0 else pytest.mark.slow) for i, c in enumerate(cases)]
