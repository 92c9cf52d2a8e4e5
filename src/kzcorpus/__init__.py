"""kzcorpus: an annotated Turkish–English corpus on Kazakhstan's foreign policy.

Importing the package stays light: no torch, stanza or datasets until a call needs them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from kzcorpus.errors import (
    AnnotationError,
    DataError,
    IntegrityError,
    KzCorpusError,
    MissingDependencyError,
    ModelError,
    Problem,
)

__version__ = "0.1.0"
RELEASE_DATE = "2026-11-29"
"""Date of this release (CITATION.cff ``date-released``, Croissant ``datePublished``)."""
__all__ = [
    "AnnotationError",
    "DataError",
    "IntegrityError",
    "KzCorpusError",
    "MissingDependencyError",
    "ModelError",
    "Problem",
    "__version__",
    "iter_documents",
    "load_cleaned",
    "load_dataset",
    "load_documents",
    "load_stance",
    "restore_text",
]

if TYPE_CHECKING:
    from kzcorpus.clean.restore import restore_text
    from kzcorpus.io.cleaned import load_cleaned
    from kzcorpus.io.documents import iter_documents, load_documents
    from kzcorpus.loader import load_dataset
    from kzcorpus.stance.labels import load_stance


def __getattr__(name: str) -> Any:
    """Resolve the public helpers lazily so ``import kzcorpus`` pulls in nothing heavy."""
    if name in ("iter_documents", "load_documents"):
        from kzcorpus.io import documents

        return getattr(documents, name)
    if name == "load_cleaned":
        from kzcorpus.io.cleaned import load_cleaned

        return load_cleaned
    if name == "restore_text":
        from kzcorpus.clean.restore import restore_text

        return restore_text
    if name == "load_stance":
        from kzcorpus.stance.labels import load_stance

        return load_stance
    if name == "load_dataset":
        from kzcorpus.loader import load_dataset

        return load_dataset
    raise AttributeError(f"module 'kzcorpus' has no attribute {name!r}")
