"""Records of the cleaning layers: text, paragraphs, footnotes, removed material, offsets.

All offsets are Python ``str`` indices (Unicode code points), end-exclusive. ``start`` and
``end`` point into the cleaned text ``annotations/text/<id>.txt``; ``raw_start`` and
``raw_end`` point into the raw file ``raw/<id>.txt``.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, model_validator

from kzcorpus.schema.common import DocumentId, Language, NonEmptyStr, ProducedBy, Sha256, StrictModel

Role = Literal["title", "abstract", "keywords", "heading", "body", "list_item", "quote", "caption"]
"""What a paragraph is in its document; closed so that filters never miss a spelling."""

RemovalReason = Literal[
    "page_number",
    "running_head",
    "watermark",
    "private_use_glyph",
    "header_metadata",
    "navigation",
    "breadcrumb",
    "bibliographic_record",
    "field_label",
    "disclaimer",
    "site_footer",
    "copyright",
]

Offset = Annotated[int, Field(ge=0)]
SegmentKind = Literal["c", "r"]
Segment = tuple[Offset, Offset, Offset, Offset, SegmentKind]
"""``(start, end, raw_start, raw_end, kind)``: ``c`` copies raw characters one for one,
``r`` replaces the raw range as a whole (line break → space, repaired letter, separator)."""


class _Span(StrictModel):
    start: Offset
    end: Offset

    @model_validator(mode="after")
    def _ordered(self) -> _Span:
        if self.end < self.start:
            raise ValueError(f"end {self.end} is before start {self.start}")
        return self


class ParagraphRef(StrictModel):
    document: DocumentId
    index: Offset


class Paragraph(_Span):
    """One paragraph of cleaned text; language and role checked against a hand list."""

    document: DocumentId
    index: Offset
    raw_start: Offset
    raw_end: Offset
    language: Language
    role: Role
    duplicate_of: ParagraphRef | None = Field(
        default=None, description="Same text as this paragraph elsewhere (keep both in one split)."
    )


class Footnote(StrictModel):
    """A footnote moved out of the body: its text and where its marker stood."""

    document: DocumentId
    number: Annotated[int, Field(ge=1)]
    text: NonEmptyStr | None = Field(
        description="Null when the source ends before the page that holds this note (its marker is in the body)."
    )
    marker_offset: Offset = Field(description="Offset in the cleaned text where the marker was removed.")
    marker_raw_start: Offset
    marker_raw_end: Offset
    offset_map: list[Segment] = Field(description="Footnote text → raw, as in the document offset map.")


class Removed(StrictModel):
    """Raw material left out of the cleaned text, and why."""

    document: DocumentId
    raw_start: Offset
    raw_end: Offset
    line: Annotated[int, Field(ge=1)]
    text: NonEmptyStr
    reason: RemovalReason


class CleanedText(StrictModel):
    """One document's cleaned text: where it is, its hash, who made it, and the offset map."""

    document: DocumentId
    text_file: NonEmptyStr
    text_sha256: Sha256
    characters: Offset
    paragraphs: Offset
    footnotes: Offset
    removed: Offset
    repairs: Offset = Field(description="Letters restored by the diacritic repair.")
    lexicon_sha256: Sha256 = Field(description="SHA-256 of the repair lexicon (models/restore/lexicon.tsv) used.")
    produced_by: ProducedBy
    offset_map: list[Segment]
