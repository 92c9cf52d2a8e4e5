"""JSON Lines (one validated record per line, errors by line) and JSON documents.

Every JSON Lines and pretty-printed JSON file kzcorpus writes is rendered here, so all of
them share one byte format: UTF-8 characters as they are (no ``\\u`` escapes), keys in
insertion order, json's default separators, one ``\\n`` after each row or document.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Generic, TypeVar

from pydantic import BaseModel, ValidationError

from kzcorpus.errors import DataError, Problem
from kzcorpus.io.atomic import write_text_atomic
from kzcorpus.io.raw import read_text

M = TypeVar("M", bound=BaseModel)
M_co = TypeVar("M_co", bound=BaseModel, covariant=True)


@dataclass(frozen=True)
class Located(Generic[M_co]):
    """A record with the file and line it was read from, so later checks can name it."""

    record: M_co
    path: Path
    line: int

    @property
    def where(self) -> str:
        return f"{self.path}:{self.line}"

    def problem(self, message: str) -> Problem:
        """A problem found in this record, located at its file and line."""
        return Problem(str(self.path), self.line, message)


def _field(loc: tuple[int | str, ...]) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def iter_jsonl(path: Path, model: type[M]) -> Iterator[M]:
    """Yield validated records; raise :class:`DataError` naming file, line and field."""
    for _, record in iter_jsonl_numbered(path, model):
        yield record


def iter_jsonl_numbered(path: Path, model: type[M]) -> Iterator[tuple[int, M]]:
    """Yield (1-based line number, validated record), skipping blank lines."""
    if not path.is_file():
        raise DataError(f"file missing; expected JSON Lines of {model.__name__} records", path=path)
    for lineno, line in enumerate(read_text(path).split("\n"), start=1):
        if not line.strip():
            continue
        try:
            data = json.loads(line)
        except json.JSONDecodeError as exc:
            raise DataError(f"invalid JSON ({exc.msg} at column {exc.colno})", path=path, line=lineno) from exc
        try:
            yield lineno, model.model_validate(data)
        except ValidationError as exc:
            err = exc.errors()[0]
            field = _field(err["loc"]) or None
            if err["type"] == "extra_forbidden":
                msg = f"unknown field; {model.__name__} does not define it"
            else:
                msg = f"{err['msg']} (got {err.get('input')!r})" if err["loc"] else err["msg"]
            raise DataError(msg, path=path, line=lineno, field=field) from exc


def read_located(path: Path, model: type[M]) -> list[Located[M]]:
    return [Located(r, path, n) for n, r in iter_jsonl_numbered(path, model)]


def jsonl_line(obj: Any) -> str:
    """One JSON Lines row, without its newline."""
    return json.dumps(obj, ensure_ascii=False)


def render_jsonl(rows: Iterable[Any]) -> str:
    """JSON Lines text of plain rows (dicts, lists, strings, numbers), one per line."""
    return "".join(jsonl_line(r) + "\n" for r in rows)


def render_records(records: Iterable[BaseModel]) -> str:
    """JSON Lines text of pydantic records, one per line: each its JSON-mode dump, fields in model order."""
    return render_jsonl(r.model_dump(mode="json") for r in records)


def write_jsonl(path: Path, records: Iterable[BaseModel]) -> bool:
    return write_text_atomic(path, render_records(records))


def render_json(obj: Any, *, ensure_ascii: bool = False) -> str:
    """A JSON document indented by two spaces, with a final newline.

    ``ensure_ascii=True`` keeps the ``\\u`` escapes of files first written that way (the
    model records), so their bytes do not change.
    """
    return json.dumps(obj, ensure_ascii=ensure_ascii, indent=2) + "\n"
