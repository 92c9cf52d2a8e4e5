"""raw/: the source files byte for byte, and the manifest that pins them."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel, ValidationError

from kzcorpus.errors import DataError, IntegrityError
from kzcorpus.paths import raw_dir
from kzcorpus.schema import Manifest, ManifestEntry

M = TypeVar("M", bound=BaseModel)

MANIFEST_NAME = "manifest.json"


def sha256_bytes(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def sha256_file(path: Path) -> str:
    """Streamed, so large model files are not read into memory at once."""
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def decode_utf8(data: bytes, path: Path | str) -> str:
    """Strict UTF-8 decoding; newlines are kept as they are so offsets stay exact."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise DataError(
            f"not valid UTF-8 (byte 0x{data[exc.start]:02x} at byte offset {exc.start}); expected UTF-8 text",
            path=path,
            line=line,
        ) from exc


def read_text(path: Path) -> str:
    """Read a text file strictly as UTF-8 without newline translation."""
    return decode_utf8(path.read_bytes(), path)


def load_manifest(root: Path | None = None) -> Manifest:
    path = raw_dir(root) / MANIFEST_NAME
    if not path.is_file():
        raise IntegrityError("manifest missing; expected raw/manifest.json", path=path)
    return read_json_model(path, Manifest, "a valid manifest")


def read_json_model(path: Path, model: type[M], expected: str) -> M:
    """One JSON document validated as ``model``; errors name the file, line or field and ``expected``."""
    try:
        data = json.loads(read_text(path))
    except json.JSONDecodeError as exc:
        raise DataError(f"invalid JSON: {exc.msg}", path=path, line=exc.lineno) from exc
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        err = exc.errors()[0]
        loc = ".".join(str(p) for p in err["loc"])
        raise DataError(f"{err['msg']} (expected {expected})", path=path, field=loc) from exc


def manifest_entry(doc_id: str, data: bytes, source_file: str) -> ManifestEntry:
    return ManifestEntry(
        id=doc_id, file=f"{doc_id}.txt", source_file=source_file, bytes=len(data), sha256=sha256_bytes(data)
    )


def render_manifest(manifest: Manifest) -> str:
    from kzcorpus.io.jsonl import render_json  # here, not at the top: io.jsonl reads files through this module

    return render_json(manifest.model_dump(mode="json"))


def verify_entry(entry: ManifestEntry, root: Path | None = None) -> str:
    """Check one raw file against its manifest entry and return its decoded text."""
    path = raw_dir(root) / entry.file
    if not path.is_file():
        raise IntegrityError(f"raw file missing; the manifest lists {entry.file!r}", path=path)
    data = path.read_bytes()
    if len(data) != entry.bytes:
        raise IntegrityError(
            f"size {len(data)} bytes, manifest expects {entry.bytes}; raw files must never be edited",
            path=path,
        )
    digest = sha256_bytes(data)
    if digest != entry.sha256:
        raise IntegrityError(
            f"SHA-256 {digest} does not match the manifest ({entry.sha256}); raw files must never be edited",
            path=path,
        )
    return decode_utf8(data, path)


def unlisted_files(manifest: Manifest, root: Path | None = None) -> list[Path]:
    listed = {e.file for e in manifest.files} | {MANIFEST_NAME}
    return sorted(p for p in raw_dir(root).iterdir() if p.name not in listed and not p.name.startswith("."))


def iter_raw_texts(root: Path | None = None) -> Iterator[tuple[ManifestEntry, str]]:
    """Yield (entry, verified text) for every raw file; fail on the first mismatch."""
    manifest = load_manifest(root)
    extra = unlisted_files(manifest, root)
    if extra:
        raise IntegrityError(
            f"file not in the manifest: {extra[0].name}; expected only the files listed in raw/manifest.json",
            path=extra[0],
        )
    for entry in manifest.files:
        yield entry, verify_entry(entry, root)
