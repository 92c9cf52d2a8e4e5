"""Document metadata: one hand-filled record per source document.

Every non-null bibliographic fact carries at least one :class:`Evidence` entry that
quotes the raw file it was read from, so a reader can check each value against the
source; a value no source states stays ``null``.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import AfterValidator, Field, StringConstraints, model_validator

from kzcorpus.schema.common import (
    LANGUAGES,
    DocumentId,
    Language,
    NonEmptyStr,
    ProducedBy,
    Sha256,
    StrictModel,
)

DocumentType = Literal["journal_article", "news_report", "news_analysis", "index_record"]
RelationType = Literal["bibliographic_record_of", "repeats_abstract_of"]
License = Literal[
    "CC0-1.0",
    "CC-BY-4.0",
    "CC-BY-SA-4.0",
    "CC-BY-ND-4.0",
    "CC-BY-NC-4.0",
    "CC-BY-NC-SA-4.0",
    "CC-BY-NC-ND-4.0",
]
"""SPDX identifiers a source may state; anything else is recorded as ``null`` plus a note."""

# ISO 8601 calendar date, at year, month or day precision: a source that gives only a
# year must not be padded into a full date.
ISO_DATE_PATTERN = r"^\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?$"


def check_calendar_date(value: str) -> str:
    """A full date must exist in the calendar (the pattern alone lets 2025-02-30 through)."""
    import datetime as dt

    if len(value) == 10:
        try:
            dt.date.fromisoformat(value)
        except ValueError as exc:
            raise ValueError(f"{value!r} is not a date in the calendar") from exc
    return value


IsoDate = Annotated[str, StringConstraints(pattern=ISO_DATE_PATTERN), AfterValidator(check_calendar_date)]
DOI_PATTERN = r"^10\.\d{4,9}/\S+$"
FIELD_PATH_PATTERN = r"^[a-z_]+(?:\.[a-z_]+|\[\d+\])?$"


class Titles(StrictModel):
    tr: NonEmptyStr | None = None
    en: NonEmptyStr | None = None
    ru: NonEmptyStr | None = None


class Keywords(StrictModel):
    tr: tuple[NonEmptyStr, ...] = ()
    en: tuple[NonEmptyStr, ...] = ()
    ru: tuple[NonEmptyStr, ...] = ()


class Venue(StrictModel):
    journal: NonEmptyStr | None = None
    volume: NonEmptyStr | None = None
    issue: NonEmptyStr | None = None
    pages: NonEmptyStr | None = None


class Relation(StrictModel):
    type: RelationType
    target: DocumentId
    note: NonEmptyStr


class Evidence(StrictModel):
    """A quotation of a raw file that supports one field's value.

    ``start``/``end`` are code-point offsets into the raw file decoded as UTF-8 with
    newlines untouched; ``text`` must equal that slice and ``line`` the 1-based line of
    ``start`` (checked by ``kzcorpus validate``).
    """

    field: Annotated[str, StringConstraints(pattern=FIELD_PATH_PATTERN)]
    document: DocumentId = Field(description="Raw file quoted; may be another document.")
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    line: int = Field(ge=1)
    text: NonEmptyStr
    note: str | None = None

    @model_validator(mode="after")
    def _ordered(self) -> Evidence:
        if self.end <= self.start:
            raise ValueError(f"evidence for {self.field!r}: end ({self.end}) must exceed start ({self.start})")
        return self


class DocumentMetadata(StrictModel):
    id: DocumentId
    source_file: NonEmptyStr = Field(description="File name of the seed as received.")
    raw_sha256: Sha256
    document_type: DocumentType
    original_language: Language
    languages: tuple[Language, ...] = Field(min_length=1)
    titles: Titles
    authors: tuple[NonEmptyStr, ...] = ()
    publication_date: IsoDate | None = None
    venue: Venue | None = None
    doi: Annotated[str, StringConstraints(pattern=DOI_PATTERN)] | None = None
    url: Annotated[str, StringConstraints(pattern=r"^https?://\S+$")] | None = None
    license: License | None = None
    copyright: NonEmptyStr | None = None
    keywords: Keywords = Keywords()
    relations: tuple[Relation, ...] = ()
    evidence: tuple[Evidence, ...] = ()
    discrepancies: tuple[NonEmptyStr, ...] = Field(
        default=(), description="Where two sources disagree about this document."
    )
    notes: str | None = None
    produced_by: ProducedBy

    @property
    def title(self) -> str | None:
        """The title in the document's original language, if the source gives one."""
        return getattr(self.titles, self.original_language)

    def fact_paths(self) -> list[str]:
        """Field paths of the non-null facts that must be backed by evidence."""
        paths = [f"languages.{lang}" for lang in self.languages]
        paths += [f"titles.{lang}" for lang in LANGUAGES if getattr(self.titles, lang)]
        paths += [f"authors[{i}]" for i in range(len(self.authors))]
        paths += [f"keywords.{lang}" for lang in LANGUAGES if getattr(self.keywords, lang)]
        for name in ("publication_date", "doi", "url", "license", "copyright"):
            if getattr(self, name) is not None:
                paths.append(name)
        if self.venue is not None:
            paths += [f"venue.{k}" for k, v in self.venue.model_dump().items() if v is not None]
        return paths

    @model_validator(mode="after")
    def _consistent(self) -> DocumentMetadata:
        if len(set(self.languages)) != len(self.languages):
            raise ValueError("languages: each language may appear once")
        if self.original_language not in self.languages:
            raise ValueError(f"original_language {self.original_language!r} is not in languages")
        if any(r.target == self.id for r in self.relations):
            raise ValueError("relations: a document cannot relate to itself")
        facts = self.fact_paths()
        cited = {e.field for e in self.evidence}
        missing = [p for p in facts if p not in cited]
        if missing:
            raise ValueError(f"no evidence for non-null fact(s): {', '.join(missing)}")
        stray = sorted(cited - set(facts))
        if stray:
            raise ValueError(f"evidence for null or unknown field(s): {', '.join(stray)}")
        return self
