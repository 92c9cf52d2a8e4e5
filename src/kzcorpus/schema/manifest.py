"""The raw-file manifest: proof that raw/ holds the sources byte for byte."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, StringConstraints, model_validator

from kzcorpus.schema.common import DocumentId, NonEmptyStr, Sha256, StrictModel


class ManifestEntry(StrictModel):
    id: DocumentId
    file: Annotated[str, StringConstraints(pattern=r"^[a-z0-9-]+\.txt$")] = Field(description="File name inside raw/.")
    source_file: NonEmptyStr = Field(description="Name of the file as it was received.")
    bytes: int = Field(ge=0)
    sha256: Sha256


class Manifest(StrictModel):
    format: Literal["kzcorpus-raw-manifest"] = "kzcorpus-raw-manifest"
    version: Literal[1] = 1
    files: tuple[ManifestEntry, ...]

    @model_validator(mode="after")
    def _unique(self) -> Manifest:
        for attr in ("id", "file"):
            values = [getattr(e, attr) for e in self.files]
            dupes = sorted({v for v in values if values.count(v) > 1})
            if dupes:
                raise ValueError(f"duplicate {attr} in manifest: {', '.join(dupes)}")
        return self
