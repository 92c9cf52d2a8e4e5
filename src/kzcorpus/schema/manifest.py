"""The raw-file manifest: proof that raw/ holds the sources byte for byte."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, StringConstraints, model_validator

from kzcorpus.schema.common import DocumentId, NonEmptyStr, Sha256, StrictModel

Split = Literal["train", "dev", "test"]
"""A benchmark split; documents of one group (related by their metadata) share it."""

PROFILE_PATTERN = r"^[a-z][a-z0-9_]*$"
ReferencePath = Annotated[str, StringConstraints(pattern=r"^annotations/reference/[a-z0-9_.-]+\.jsonl$")]


class ManifestEntry(StrictModel):
    """One raw file, pinned by size and hash, with the per-document facts the pipeline needs.

    They are data, not code, so a new document needs no code change: its split, how
    its layout is read, whether its words may teach the diacritic repair, and the
    hand-corrected repair reference that scores the cleaner on it (if any).
    """

    id: DocumentId
    file: Annotated[str, StringConstraints(pattern=r"^[a-z0-9-]+\.txt$")] = Field(description="File name inside raw/.")
    source_file: NonEmptyStr = Field(description="Name of the file as it was received.")
    bytes: int = Field(ge=0)
    sha256: Sha256
    split: Split = Field(description="Benchmark split; related documents (one group) must share it.")
    layout: Annotated[str, StringConstraints(pattern=PROFILE_PATTERN)] = Field(
        description="Layout profile that reads the source (a module of kzcorpus.clean.layout: pdf, web, flat)."
    )
    lexicon_source: bool = Field(
        description="Its Turkish letters are intact, so its words feed the diacritic-repair lexicon."
    )
    repair_reference: (
        Annotated[str, StringConstraints(pattern=r"^annotations/reference/[a-z0-9_.-]+\.jsonl$")] | None
    ) = Field(default=None, description="Hand-corrected repair reference scoring the cleaner on this document.")


class Manifest(StrictModel):
    format: Literal["kzcorpus-raw-manifest"] = "kzcorpus-raw-manifest"
    version: Literal[2] = 2
    files: tuple[ManifestEntry, ...]

    @model_validator(mode="after")
    def _unique(self) -> Manifest:
        for attr in ("id", "file"):
            values = [getattr(e, attr) for e in self.files]
            dupes = sorted({v for v in values if values.count(v) > 1})
            if dupes:
                raise ValueError(f"duplicate {attr} in manifest: {', '.join(dupes)}")
        return self
