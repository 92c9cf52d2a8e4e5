"""Sentence alignment of the translated abstracts, titles and keywords (the parallel layer).

A link groups the sentences of one passage in each language (``tr``, ``en``, ``ru``);
a side may hold several sentences (1–n, n–1, n–m) or none (unaligned, or a language the
passage lacks). Sentences are named by their CoNLL-U ``sent_id``.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, StringConstraints, model_validator

from kzcorpus.schema.common import LANGUAGES, SENT_ID_PATTERN, DocumentId, Language, NonEmptyStr, StrictModel

Segment = Literal["title", "heading", "abstract", "keywords"]
SentId = Annotated[str, StringConstraints(pattern=SENT_ID_PATTERN)]


class AlignmentLink(StrictModel):
    """One aligned passage; verified by reading every side (``method``: a language model read both sides)."""

    id: Annotated[str, StringConstraints(pattern=r"^[a-z0-9-]+:(title|heading|abstract|keywords):\d+$")]
    document: DocumentId = Field(description="The article the passage belongs to.")
    segment: Segment
    tr: tuple[SentId, ...] = ()
    en: tuple[SentId, ...] = ()
    ru: tuple[SentId, ...] = ()
    method: Literal["language-model"] = Field(
        default="language-model",
        description="Aligned by a language model reading every side (AI annotators), not by a person.",
    )
    annotator: NonEmptyStr = Field(description="Who aligned the passage, by reading both sides.")
    verified_by: NonEmptyStr = Field(description="Who re-read every side independently and confirmed the link.")
    note: str | None = None

    @model_validator(mode="after")
    def _consistent(self) -> AlignmentLink:
        if not any(self.side(lang) for lang in LANGUAGES):
            raise ValueError("a link needs at least one sentence")
        expected = f"{self.document}:{self.segment}:"
        if not self.id.startswith(expected):
            raise ValueError(f"id {self.id!r} should start with {expected!r}")
        return self

    def side(self, lang: Language) -> tuple[str, ...]:
        return {"tr": self.tr, "en": self.en, "ru": self.ru}[lang]

    @property
    def link_type(self) -> str:
        """Sentences per side in tr-en-ru order, e.g. ``1-1-1``, ``2-2-0``, ``1-0-0`` (unaligned)."""
        return "-".join(str(len(self.side(lang))) for lang in LANGUAGES)
