"""Where the shipped data lives.

In a clone the data directories sit at the repository root; in an installed wheel
hatchling's ``force-include`` copies them into ``kzcorpus/_data/``. Both layouts hold the
same files, so every reader goes through :func:`data_root`.
"""

from __future__ import annotations

import os
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
_INSTALLED_DATA = PACKAGE_DIR / "_data"
_REPO_ROOT = PACKAGE_DIR.parent.parent
DATA_DIRS = ("raw", "annotations", "schemas", "models", "dataset")
ENV_VAR = "KZCORPUS_DATA"


def data_root() -> Path:
    """Directory holding raw/, annotations/, schemas/, models/ and dataset/.

    ``KZCORPUS_DATA`` overrides it (tests point it at temporary copies); otherwise a
    repository checkout wins over installed data so that edits in a clone are seen.
    """
    env = os.environ.get(ENV_VAR)
    if env:
        if not Path(env).is_dir():
            from kzcorpus.errors import DataError

            raise DataError(
                f"{ENV_VAR}={env} is not a directory; expected a data root holding raw/, annotations/, "
                "schemas/, models/ and dataset/ (or unset it to use the shipped data)"
            )
        return Path(env)
    if (_REPO_ROOT / "raw" / "manifest.json").is_file() and (_REPO_ROOT / "pyproject.toml").is_file():
        return _REPO_ROOT
    return _INSTALLED_DATA


def raw_dir(root: Path | None = None) -> Path:
    return (root or data_root()) / "raw"


def annotations_dir(root: Path | None = None) -> Path:
    return (root or data_root()) / "annotations"


def schemas_dir(root: Path | None = None) -> Path:
    return (root or data_root()) / "schemas"


def models_dir(root: Path | None = None) -> Path:
    return (root or data_root()) / "models"


def dataset_dir(root: Path | None = None) -> Path:
    return (root or data_root()) / "dataset"
