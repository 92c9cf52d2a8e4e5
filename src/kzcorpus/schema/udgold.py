"""Adjudication records of the hand-annotated UD layer (one per difference between passes)."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, StringConstraints, model_validator

from kzcorpus.schema.common import SENT_ID_PATTERN, NonEmptyStr, StrictModel

UD_CASE_PATTERN = SENT_ID_PATTERN[:-1] + r"#(tok|w\d+)$"
UdCaseId = Annotated[str, StringConstraints(pattern=UD_CASE_PATTERN)]
"""``<sent_id>#w<n>`` (word n's columns differ) or ``<sent_id>#tok`` (tokenisation differs)."""

WORD_FIELDS = ("lemma", "upos", "xpos", "feats", "head", "deprel")
WordField = Literal["lemma", "upos", "xpos", "feats", "head", "deprel"]


class WordFix(StrictModel):
    """A value set on one word of the chosen sentence (``custom`` decisions)."""

    word: Annotated[int, Field(ge=1)]
    values: dict[WordField, str]


class UdDecision(StrictModel):
    """The adjudicator's ruling on one case: pass A's analysis, pass B's, or a custom one."""

    case: UdCaseId
    decision: Literal["a", "b", "custom"]
    base: Literal["a", "b"] | None = Field(
        default=None, description="For a custom ruling on a #tok case: whose sentence the fixes apply to."
    )
    fixes: tuple[WordFix, ...] = ()
    rationale: NonEmptyStr
    adjudicator: NonEmptyStr

    @model_validator(mode="after")
    def _fixes_only_custom(self) -> UdDecision:
        if self.decision == "custom" and not self.fixes:
            raise ValueError("a custom decision lists its fixes (word + values)")
        if self.decision != "custom" and self.fixes:
            raise ValueError("fixes are only for decision 'custom'")
        if (self.base is not None) != (self.decision == "custom" and self.case.endswith("#tok")):
            raise ValueError("'base' (a or b) is given exactly for custom rulings on #tok cases")
        return self
