"""The stance files on disk: the hand-made inputs under ``annotations/stance/`` and the
released labels ``annotations/stance.jsonl`` that the build makes from them.

Readers keep each record's line number so that every later check can name the record
(``file:line``) it rejects.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from kzcorpus.errors import DataError
from kzcorpus.io.jsonl import Located, read_located, render_jsonl
from kzcorpus.io.raw import read_json_model
from kzcorpus.paths import annotations_dir
from kzcorpus.schema.stance import LABEL_FIELDS, Decision, Scope, StanceLabel, StanceSpan, TranslationLink

STANCE_DIR = "stance"
PASS_A = f"{STANCE_DIR}/pass-a.jsonl"
PASS_B = f"{STANCE_DIR}/pass-b.jsonl"
SCOPE = f"{STANCE_DIR}/pass-b.scope.json"
ADJUDICATION = f"{STANCE_DIR}/adjudication.jsonl"
REVIEW = f"{STANCE_DIR}/review.jsonl"
TRANSLATIONS = f"{STANCE_DIR}/translations.jsonl"
LABELS = "stance.jsonl"
"""The released layer, relative to ``annotations/``."""


@dataclass(frozen=True)
class StanceInputs:
    pass_a: list[Located[StanceSpan]]
    pass_b: list[Located[StanceSpan]]
    scope: Scope
    adjudication: list[Located[Decision]]
    review: list[Located[Decision]]
    translations: list[Located[TranslationLink]]
    adjudication_path: Path


def read_scope(path: Path) -> Scope:
    if not path.is_file():
        raise DataError("file missing; expected the second pass's scope (JSON)", path=path)
    return read_json_model(path, Scope, "the second pass's scope")


def read_stance_inputs(root: Path | None = None) -> StanceInputs:
    base = annotations_dir(root)
    optional = {name: base / name for name in (REVIEW, TRANSLATIONS)}
    return StanceInputs(
        pass_a=read_located(base / PASS_A, StanceSpan),
        pass_b=read_located(base / PASS_B, StanceSpan),
        scope=read_scope(base / SCOPE),
        adjudication=read_located(base / ADJUDICATION, Decision),
        review=read_located(optional[REVIEW], Decision) if optional[REVIEW].is_file() else [],
        translations=read_located(optional[TRANSLATIONS], TranslationLink) if optional[TRANSLATIONS].is_file() else [],
        adjudication_path=base / ADJUDICATION,
    )


def iter_labels(root: Path | None = None) -> list[Located[StanceLabel]]:
    """The released labels, schema-checked line by line (see :func:`kzcorpus.stance.labels.load_stance`)."""
    return read_located(annotations_dir(root) / LABELS, StanceLabel)


def label_row(label: StanceLabel) -> dict[str, object]:
    data = label.model_dump(mode="json")
    return {k: data[k] for k in LABEL_FIELDS}


def render_labels(labels: Iterable[StanceLabel]) -> str:
    return render_jsonl(label_row(x) for x in labels)
