"""``kzcorpus validate``: every shipped file against its schema, manifest and build."""

from __future__ import annotations

from pathlib import Path

from kzcorpus.build import stale_outputs
from kzcorpus.errors import KzCorpusError
from kzcorpus.io.documents import load_documents
from kzcorpus.io.raw import load_manifest, unlisted_files, verify_entry
from kzcorpus.paths import data_root
from kzcorpus.stance.labels import stance_problems


def iter_problems(root: Path | None = None) -> list[str]:
    """All problems found, each naming file and line/field; empty means valid."""
    base = root or data_root()
    problems: list[str] = []
    try:
        manifest = load_manifest(base)
    except KzCorpusError as exc:
        return [str(exc)]
    for path in unlisted_files(manifest, base):
        problems.append(f"{path}: file not in raw/manifest.json; expected only the listed raw files")
    for entry in manifest.files:
        try:
            verify_entry(entry, base)
        except KzCorpusError as exc:
            problems.append(str(exc))
    if problems:
        return problems
    try:
        load_documents(base)
        stale = stale_outputs(base)
    except KzCorpusError as exc:
        return [str(exc)]
    problems += [f"{p}: differs from a fresh build; run `kzcorpus build`" for p in stale]
    problems += stance_problems(base)
    return problems
