"""Prediction files of the benchmark tasks: one JSON object per line, closed fields.

The models make a malformed line an error that names its line and field (read through
``kzcorpus.io.jsonl``); which items a file must cover is checked by the task.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import Field, StringConstraints

from kzcorpus.schema.common import SENT_ID_PATTERN, StrictModel
from kzcorpus.schema.stance import LABEL_ID_PATTERN, Actor, Polarity


class SpanPrediction(StrictModel):
    """``stance-span``: the polarity predicted for one released label (span, holder and target given)."""

    id: Annotated[str, StringConstraints(pattern=LABEL_ID_PATTERN)] = Field(
        description="A label id of the split: <document>:<start>-<end>:<holder>:<target>."
    )
    polarity: Polarity


class SentencePrediction(StrictModel):
    """``stance-sentence``: the polarity predicted toward ``target`` in one sentence."""

    sentence: Annotated[str, StringConstraints(pattern=SENT_ID_PATTERN)] = Field(description="A CoNLL-U sent_id.")
    target: Actor
    polarity: Polarity


class TranslationPrediction(StrictModel):
    """``translation``: the system's translation of the source side of one alignment link."""

    id: Annotated[str, StringConstraints(pattern=r"^[a-z0-9-]+:(title|heading|abstract|keywords):\d+$")] = Field(
        description="An alignment link id of the split."
    )
    translation: str
