"""Documents: verified raw text joined with its hand-filled metadata record."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

from kzcorpus.errors import DataError
from kzcorpus.io.jsonl import iter_jsonl_numbered
from kzcorpus.io.raw import iter_raw_texts
from kzcorpus.paths import annotations_dir
from kzcorpus.schema import DocumentMetadata, ManifestEntry

METADATA_NAME = "documents.jsonl"


@dataclass(frozen=True)
class Document:
    metadata: DocumentMetadata
    raw_text: str
    entry: ManifestEntry  # the raw file's pin and the per-document pipeline facts (split, layout, ...)

    @property
    def id(self) -> str:
        return self.metadata.id


def metadata_path(root: Path | None = None) -> Path:
    return annotations_dir(root) / METADATA_NAME


def iter_metadata(root: Path | None = None) -> Iterator[tuple[int, DocumentMetadata]]:
    """Yield (line number, record) so later checks can point at the line."""
    yield from iter_jsonl_numbered(metadata_path(root), DocumentMetadata)


def check_evidence(record: DocumentMetadata, texts: Mapping[str, str], path: Path, line: int) -> None:
    """Each quotation must be exactly the raw slice it claims, on the line it claims."""
    for i, ev in enumerate(record.evidence):
        field = f"evidence[{i}]"
        text = texts.get(ev.document)
        if text is None:
            raise DataError(f"quotes unknown document {ev.document!r}", path=path, line=line, field=field)
        if ev.end > len(text):
            raise DataError(
                f"end {ev.end} is past the end of {ev.document} ({len(text)} characters)",
                path=path,
                line=line,
                field=field,
            )
        actual = text[ev.start : ev.end]
        if actual != ev.text:
            raise DataError(
                f"text {ev.text!r} does not match raw {ev.document}[{ev.start}:{ev.end}] = {actual!r}",
                path=path,
                line=line,
                field=field,
            )
        actual_line = text.count("\n", 0, ev.start) + 1
        if actual_line != ev.line:
            raise DataError(
                f"line {ev.line} but offset {ev.start} is on line {actual_line}",
                path=path,
                line=line,
                field=field,
            )


def check_record(
    record: DocumentMetadata, entries: Mapping[str, ManifestEntry], texts: Mapping[str, str], path: Path, line: int
) -> None:
    entry = entries.get(record.id)
    if entry is None:
        raise DataError(
            f"no raw file for document {record.id!r}; expected an id listed in raw/manifest.json",
            path=path,
            line=line,
            field="id",
        )
    if record.raw_sha256 != entry.sha256:
        raise DataError(
            f"{record.raw_sha256} differs from the manifest's {entry.sha256}", path=path, line=line, field="raw_sha256"
        )
    if record.source_file != entry.source_file:
        raise DataError(
            f"{record.source_file!r} differs from the manifest's {entry.source_file!r}",
            path=path,
            line=line,
            field="source_file",
        )
    for i, rel in enumerate(record.relations):
        if rel.target not in entries:
            raise DataError(
                f"target {rel.target!r} is not a document id", path=path, line=line, field=f"relations[{i}].target"
            )
    check_evidence(record, texts, path, line)


def iter_documents(root: Path | None = None) -> Iterator[Document]:
    """Stream the corpus documents in manifest order, fully validated."""
    raw = list(iter_raw_texts(root))
    entries = {e.id: e for e, _ in raw}
    texts = {e.id: t for e, t in raw}
    path = metadata_path(root)
    records: dict[str, DocumentMetadata] = {}
    for line, record in iter_metadata(root):
        if record.id in records:
            raise DataError(f"duplicate record for {record.id!r}", path=path, line=line, field="id")
        check_record(record, entries, texts, path, line)
        records[record.id] = record
    for entry in entries.values():
        if entry.id not in records:
            raise DataError(f"no metadata record for document {entry.id!r}; expected one line per raw file", path=path)
        yield Document(metadata=records[entry.id], raw_text=texts[entry.id], entry=entry)


def load_documents(root: Path | None = None) -> list[Document]:
    return list(iter_documents(root))
