"""Golden build: a fresh build reproduces the shipped generated files byte for byte."""

from __future__ import annotations

from pathlib import Path

import pytest

from kzcorpus.build import build, stale_outputs
from kzcorpus.errors import DataError

from .conftest import REPO, FreshBuild, assert_build_fails_untouched, generated_files


@pytest.mark.slow
def test_fresh_build_reproduces_shipped_files(fresh_build: FreshBuild) -> None:
    """The golden test, Stanza included (the run's one shared fresh build)."""
    root, results = fresh_build.root, fresh_build.results
    assert results and all(changed for _, changed in results)
    for output, _ in results:
        rel = output.path.relative_to(root)
        assert output.path.read_bytes() == (REPO / rel).read_bytes(), f"{rel} differs from the shipped file"
    assert {o.path.relative_to(root) for o, _ in results} == set(generated_files(REPO))


def test_shipped_outputs_are_current() -> None:
    """Every layer but the Stanza one recomputed (the fast golden check; the slow one re-annotates)."""
    assert stale_outputs(REPO) == []


def test_second_build_changes_nothing(corpus_copy: Path) -> None:
    """A build over current outputs rewrites nothing. ``annotate=False``: the shipped CoNLL-U is
    read, not re-annotated; that Stanza reproduces it byte for byte is the golden test's job."""
    results = build(corpus_copy, annotate=False)
    assert results and not any(changed for _, changed in results)


def test_failed_build_leaves_outputs_untouched(unknown_field_metadata: tuple[Path, int]) -> None:
    root, _ = unknown_field_metadata
    assert_build_fails_untouched(root, DataError, "unknown field")


def test_stale_export_is_reported(corpus_copy: Path) -> None:
    card = corpus_copy / "dataset" / "README.md"
    card.write_text(card.read_text(encoding="utf-8") + "edited\n", encoding="utf-8")
    assert stale_outputs(corpus_copy) == [card]
