"""``kzcorpus.load_dataset``: the shipped Hugging Face folder, loaded offline."""

from __future__ import annotations

from typing import Any

from kzcorpus.errors import DataError, require
from kzcorpus.paths import dataset_dir
from kzcorpus.registry import CONFIG_FEATURES

CONFIGS = tuple(CONFIG_FEATURES)


def load_dataset(config: str = "documents", **kwargs: Any) -> Any:
    """Return a ``datasets.DatasetDict`` for ``config`` from the shipped dataset folder."""
    if config not in CONFIGS:
        raise DataError(f"unknown config {config!r}; expected one of {', '.join(CONFIGS)}")
    folder = dataset_dir()
    if not (folder / "README.md").is_file():
        raise DataError("dataset card missing; run `kzcorpus build`", path=folder / "README.md")
    datasets: Any = require("datasets")
    return datasets.load_dataset(str(folder), config, **kwargs)
