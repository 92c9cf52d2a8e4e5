"""The stance files on disk: the hand-made inputs under ``annotations/stance/`` and the
released labels ``annotations/stance.jsonl`` that the build makes from them.

Readers keep each record's line number so that every later check can name the record
(``file:line``) it rejects.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Generic, TypeVar

from pydantic import BaseModel, ValidationError

from kzcorpus.errors import DataError
from kzcorpus.io.jsonl import iter_jsonl_numbered
from kzcorpus.io.raw import read_text
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

T = TypeVar("T", bound=BaseModel)
T_co = TypeVar("T_co", bound=BaseModel, covariant=True)


@dataclass(frozen=True)
class Located(Generic[T_co]):
    """A record with the file and line it was read from."""

    record: T_co
    path: Path
    line: int

    @property
    def where(self) -> str:
        return f"{self.path}:{self.line}"


@dataclass(frozen=True)
class StanceInputs:
    pass_a: list[Located[StanceSpan]]
    pass_b: list[Located[StanceSpan]]
    scope: Scope
    adjudication: list[Located[Decision]]
    review: list[Located[Decision]]
    translations: list[Located[TranslationLink]]
    adjudication_path: Path


def _read(path: Path, model: type[T]) -> list[Located[T]]:
    return [Located(r, path, n) for n, r in iter_jsonl_numbered(path, model)]


def read_scope(path: Path) -> Scope:
    if not path.is_file():
        raise DataError("file missing; expected the second pass's scope (JSON)", path=path)
    try:
        return Scope.model_validate(json.loads(read_text(path)))
    except json.JSONDecodeError as exc:
        raise DataError(f"invalid JSON ({exc.msg})", path=path, line=exc.lineno) from exc
    except ValidationError as exc:
        err = exc.errors()[0]
        raise DataError(err["msg"], path=path, field=".".join(map(str, err["loc"])) or None) from exc


def read_stance_inputs(root: Path | None = None) -> StanceInputs:
    base = annotations_dir(root)
    optional = {name: base / name for name in (REVIEW, TRANSLATIONS)}
    return StanceInputs(
        pass_a=_read(base / PASS_A, StanceSpan),
        pass_b=_read(base / PASS_B, StanceSpan),
        scope=read_scope(base / SCOPE),
        adjudication=_read(base / ADJUDICATION, Decision),
        review=_read(optional[REVIEW], Decision) if optional[REVIEW].is_file() else [],
        translations=_read(optional[TRANSLATIONS], TranslationLink) if optional[TRANSLATIONS].is_file() else [],
        adjudication_path=base / ADJUDICATION,
    )


def iter_labels(root: Path | None = None) -> list[Located[StanceLabel]]:
    """The released labels, schema-checked line by line (see :func:`kzcorpus.stance.labels.load_stance`)."""
    return _read(annotations_dir(root) / LABELS, StanceLabel)


def label_row(label: StanceLabel) -> dict[str, object]:
    data = label.model_dump(mode="json")
    return {k: data[k] for k in LABEL_FIELDS}


def render_labels(labels: Iterable[StanceLabel]) -> str:
    return "".join(json.dumps(label_row(x), ensure_ascii=False) + "\n" for x in labels)
