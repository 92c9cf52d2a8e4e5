"""Add a document to a data root: raw file, manifest entry, metadata record, then a build.

Everything a document needs is data (its manifest entry and its metadata record), so a
new document needs no code change. The addition is all or nothing: if the metadata is
invalid or the build fails, the raw file, the manifest and ``documents.jsonl`` are put
back as they were (the build itself writes nothing unless every output was computed).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from kzcorpus.errors import DataError
from kzcorpus.io.atomic import write_bytes_atomic, write_text_atomic
from kzcorpus.io.documents import metadata_path
from kzcorpus.io.raw import MANIFEST_NAME, decode_utf8, load_manifest, render_manifest, sha256_bytes
from kzcorpus.paths import raw_dir
from kzcorpus.schema import DocumentMetadata, Manifest, ManifestEntry

M = TypeVar("M", bound=BaseModel)


@dataclass(frozen=True)
class NewDocument:
    """What a user states about a new document (the rest is computed from the file)."""

    id: str
    raw_file: Path
    metadata: dict[str, Any]
    split: str = "train"
    layout: str = "flat"
    lexicon_source: bool = False
    repair_reference: str | None = None
    source_file: str | None = None  # name as received; default: the raw file's name
    metadata_file: Path | None = None  # where ``metadata`` was read, for error messages


def _validated(model: type[M], data: dict[str, Any], path: Path | None, expected: str) -> M:
    """``model`` from ``data``; a pydantic error becomes a DataError naming file and field."""
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        err = exc.errors()[0]
        loc = ".".join(str(x) for x in err["loc"])
        raise DataError(f"{err['msg']} (expected {expected})", path=path, field=loc or None) from exc


def read_metadata_file(path: Path) -> dict[str, Any]:
    """One JSON object (a ``documents.jsonl`` record; ``id``, ``source_file`` and
    ``raw_sha256`` may be left out: they are filled in from the raw file)."""
    from kzcorpus.io.raw import read_text

    try:
        data = json.loads(read_text(path))
    except json.JSONDecodeError as exc:
        raise DataError(f"invalid JSON: {exc.msg}", path=path, line=exc.lineno) from exc
    if not isinstance(data, dict):
        raise DataError("expected one JSON object (a documents.jsonl record)", path=path)
    return data


def plan_addition(root: Path | None, new: NewDocument) -> tuple[bytes, ManifestEntry, DocumentMetadata]:
    """Check the new document against the data root; nothing is written."""
    manifest = load_manifest(root)
    if any(e.id == new.id for e in manifest.files):
        raise DataError(f"document {new.id!r} is already in the manifest", path=raw_dir(root) / MANIFEST_NAME)
    if not new.raw_file.is_file():
        raise DataError("raw file not found", path=new.raw_file)
    data = new.raw_file.read_bytes()
    decode_utf8(data, new.raw_file)  # raw files must be UTF-8 text
    source_file = new.source_file or new.raw_file.name
    entry = _validated(
        ManifestEntry,
        {
            "id": new.id,
            "file": f"{new.id}.txt",
            "source_file": source_file,
            "bytes": len(data),
            "sha256": sha256_bytes(data),
            "split": new.split,
            "layout": new.layout,
            "lexicon_source": new.lexicon_source,
            "repair_reference": new.repair_reference,
        },
        None,
        "a manifest entry: split train/dev/test, a layout profile name",
    )
    stated = {k: v for k, v in new.metadata.items() if k in ("id", "source_file", "raw_sha256")}
    derived = {"id": new.id, "source_file": source_file, "raw_sha256": entry.sha256}
    clash = [f"{k} {stated[k]!r} (expected {derived[k]!r})" for k in stated if stated[k] != derived[k]]
    if clash:
        raise DataError(f"metadata disagrees with the raw file: {'; '.join(clash)}", path=new.metadata_file)
    record = _validated(DocumentMetadata, new.metadata | derived, new.metadata_file, "a documents.jsonl record")
    return data, entry, record


@contextmanager
def _restored_on_failure(paths: list[Path]) -> Iterator[None]:
    """Put ``paths`` back as they were (or remove them if they did not exist) on any error."""
    saved = {p: (p.read_bytes() if p.is_file() else None) for p in paths}
    try:
        yield
    except BaseException:
        for path, old in saved.items():
            if old is None:
                path.unlink(missing_ok=True)
            else:
                write_bytes_atomic(path, old)
        raise


def add_document(
    root: Path, new: NewDocument, *, build: bool = True, annotate: bool = True, progress: bool = False
) -> list[Path]:
    """Add ``new`` to the data root ``root`` and (by default) rebuild every layer.

    Returns the files written. Raises :class:`~kzcorpus.errors.KzCorpusError` subclasses
    with file and field on bad input, leaving the data root as it was.
    """
    from kzcorpus.io.documents import load_documents
    from kzcorpus.io.jsonl import jsonl_line

    data, entry, record = plan_addition(root, new)
    manifest = load_manifest(root)
    raw_path = raw_dir(root) / entry.file
    meta_path = metadata_path(root)
    if raw_path.exists():
        raise DataError("a file of that name is already in raw/ (but not in the manifest)", path=raw_path)
    written = [raw_path, raw_dir(root) / MANIFEST_NAME, meta_path]
    with _restored_on_failure(written):
        write_bytes_atomic(raw_path, data)
        write_text_atomic(raw_dir(root) / MANIFEST_NAME, render_manifest(Manifest(files=(*manifest.files, entry))))
        old = meta_path.read_text(encoding="utf-8")
        line = jsonl_line(record.model_dump(mode="json"))
        write_text_atomic(meta_path, old + ("" if not old or old.endswith("\n") else "\n") + line)
        load_documents(root)  # evidence quotations and relations, checked against the raw files
        if build:
            from kzcorpus.build import build as run_build

            written += [o.path for o, changed in run_build(root, annotate=annotate, progress=progress) if changed]
    return written
