"""One exception family for the whole package.

Every error names *where* (file, line or offset, field) and *what was expected*, so a
user can fix the input without reading our code.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any


def where(path: str | None, line: int | None, offset: int | None = None, field: str | None = None) -> str:
    """``path:line, offset N, field 'x'``: the location prefix every message starts with."""
    parts = []
    if path is not None:
        parts.append(path + (f":{line}" if line is not None else ""))
    elif line is not None:
        parts.append(f"line {line}")
    if offset is not None:
        parts.append(f"offset {offset}")
    if field is not None:
        parts.append(f"field {field!r}")
    return ", ".join(parts)


class KzCorpusError(Exception):
    """Base of every error kzcorpus raises on purpose."""

    def __init__(
        self,
        message: str,
        *,
        path: str | Path | None = None,
        line: int | None = None,
        offset: int | None = None,
        field: str | None = None,
    ) -> None:
        self.path = str(path) if path is not None else None
        self.line = line
        self.offset = offset
        self.field = field
        self.message = message
        loc = where(self.path, line, offset, field)
        super().__init__(f"{loc}: {message}" if loc else message)


@dataclass(frozen=True)
class Problem:
    """One problem found by a check that collects instead of raising (``kzcorpus validate``,
    ``kzcorpus gold check``): a record with where and what, printed like an error."""

    path: str | None
    line: int | None
    message: str
    field: str | None = None
    offset: int | None = None

    def __str__(self) -> str:
        loc = where(self.path, self.line, self.offset, self.field)
        return f"{loc}: {self.message}" if loc else self.message

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def of(cls, exc: KzCorpusError) -> Problem:
        return cls(exc.path, exc.line, exc.message, exc.field, exc.offset)


class DataError(KzCorpusError):
    """Shipped or user-supplied data does not match its schema, manifest or encoding."""


class IntegrityError(DataError):
    """A file's bytes differ from what the manifest records (hash, size, presence)."""


class ModelError(KzCorpusError):
    """A model file is missing, corrupt or incompatible."""


class AnnotationError(KzCorpusError):
    """A paragraph cannot be segmented or annotated (no model for its language, a model
    that fails, a tokenizer that loses characters); the message names document and paragraph."""


class MissingDependencyError(KzCorpusError, ImportError):
    """An optional heavy dependency is needed for this call but is not installed."""


DISTRIBUTIONS = {"sklearn": "scikit-learn", "yaml": "PyYAML"}
"""Top-level modules whose installable distribution has another name."""


def require(module: str, extra: str | None = None) -> Any:
    """Import a heavy dependency lazily, with an install hint when it is missing.

    The hint names the distribution to install (``scikit-learn``, not
    ``sklearn.feature_extraction.text``) and the kzcorpus extra that brings it.
    """
    import importlib

    try:
        return importlib.import_module(module)
    except ImportError as exc:
        top = module.partition(".")[0]
        dist = DISTRIBUTIONS.get(top, top)
        hint = f"pip install 'kzcorpus[{extra}]'" if extra else f"pip install {dist}"
        raise MissingDependencyError(
            f"this feature needs the {dist!r} package (module {module!r}); install it with `{hint}`"
        ) from exc
