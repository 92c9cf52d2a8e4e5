"""One exception family for the whole package.

Every error names *where* (file, line or offset, field) and *what was expected*, so a
user can fix the input without reading our code.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any


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
        super().__init__(self._format(message))

    def _format(self, message: str) -> str:
        where = []
        if self.path is not None:
            loc = self.path
            if self.line is not None:
                loc += f":{self.line}"
            where.append(loc)
        elif self.line is not None:
            where.append(f"line {self.line}")
        if self.offset is not None:
            where.append(f"offset {self.offset}")
        if self.field is not None:
            where.append(f"field {self.field!r}")
        return f"{', '.join(where)}: {message}" if where else message


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
