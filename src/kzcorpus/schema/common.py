"""Building blocks shared by every record type: strict base model, ids, languages."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

Language = Literal["tr", "en", "ru"]
"""ISO 639-1 codes of the languages present in the corpus."""

Annotator = Literal["stanza", "rules"]

ANNOTATOR: dict[Language, Annotator] = {"tr": "stanza", "en": "stanza", "ru": "rules"}
"""The one table of the corpus's languages, in their fixed order, and how each is annotated:
``stanza``, full UD (tokens, tags, lemmas, trees) by a shipped Stanza model trained on a UD
treebank; ``rules``, tokens and sentences only, by rules (no model is shipped for Russian).
Every other language list (models, UD export, gold, benchmark) is derived from it."""

LANGUAGES: tuple[Language, ...] = tuple(ANNOTATOR)


def annotated_by(annotator: Annotator) -> tuple[Language, ...]:
    """The languages annotated by ``annotator``, in :data:`LANGUAGES` order."""
    return tuple(lang for lang in LANGUAGES if ANNOTATOR[lang] == annotator)


DOCUMENT_ID_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
DocumentId = Annotated[str, StringConstraints(pattern=DOCUMENT_ID_PATTERN, max_length=80)]

SENT_ID_PATTERN = DOCUMENT_ID_PATTERN[:-1] + r"-p\d+-s\d+$"
"""A CoNLL-U ``sent_id``: ``<document>-p<paragraph>-s<n>`` (see ``kzcorpus.io.conllu.sentence_id``)."""

SHA256_PATTERN = r"^[0-9a-f]{64}$"
Sha256 = Annotated[str, StringConstraints(pattern=SHA256_PATTERN)]

NonEmptyStr = Annotated[str, StringConstraints(min_length=1)]


class StrictModel(BaseModel):
    """Frozen, closed records: an unknown or misspelt field is an error, never ignored."""

    model_config = ConfigDict(frozen=True, extra="forbid", strict=False, validate_default=True)


Method = Literal["human", "language-model", "automatic", "rule-based"]
"""Who made a record, in plain words: a person (``human``), a language model reading the text
(``language-model``: an AI annotator, no person involved), a trained model run over the text
(``automatic``: name, version and hash recorded beside it), or written rules (``rule-based``).
There is no ``manual``: it would not say whether a person or a language model did the reading."""


class ProducedBy(StrictModel):
    """Who or what made a layer: the data says how far to trust it."""

    method: Method
    agent: NonEmptyStr = Field(description="Annotator id, or tool name with version and hash.")
    date: Annotated[str, StringConstraints(pattern=r"^\d{4}-\d{2}-\d{2}$")] | None = None
    note: str | None = None
